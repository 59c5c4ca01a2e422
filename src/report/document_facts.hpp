#pragma once
// What the editable reports (ODT and DOCX) say about themselves and need to know of their content beyond
// the document model: metadata, the running header, the page, and which paragraphs and tables are which.
#include <QPageSize>
#include <QString>

#include <utility>
#include <vector>

namespace mw {

struct DocumentFacts {
    QString title;   // e.g. "Severn Vale Water - IT/OT convergence follow-up"
    QString subject; // what the document is
    QString author;  // the assessor
    QString company; // the consultancy, when the settings name one
    QString date;    // ISO date of the assessment
    QString header;  // the running header's text
    QPageSize::PageSizeId pageSize = QPageSize::A4;
    std::vector<std::pair<int, QString>> headings; // level and plain text, in document order
    std::vector<QString> keptWithNext;             // paragraphs kept with the next one, in order
    // The page of each heading after the contents as the PDF lays them out: what a DOCX's contents shows
    // until the word processor updates it (Word does on opening; LibreOffice shows these).
    std::vector<int> contentsPages;
    // Per table in document order: whether it is a grid with a header row, which repeats on every page it
    // runs over and is shaded as in the PDF, its rows striped. Left alone unless it counts every table.
    std::vector<bool> gridTables;
};

} // namespace mw
