#pragma once
// What the editable reports (ODT and DOCX) say about themselves and need to know of their content beyond
// the document model: metadata, the running header, the page, and which paragraphs and tables are which.
#include <QPageSize>
#include <QSizeF>
#include <QString>

#include <utility>
#include <vector>

namespace mw {

// The page the editable report is laid out on, in millimetres: the chosen paper with 2 cm margins, or
// the page a house-style template sets out.
struct PageLayout {
    double width = 210, height = 297;
    double top = 20, right = 20, bottom = 20, left = 20;
    double header = 10, footer = 10; // from the paper's edge to the running header and footer (DOCX)
    double textWidth() const { return width - left - right; }
    static PageLayout of(QPageSize::PageSizeId paper) {
        const QSizeF size = QPageSize(paper).size(QPageSize::Millimeter);
        PageLayout layout;
        layout.width = size.width();
        layout.height = size.height();
        return layout;
    }
};

struct DocumentFacts {
    QString title;                                  // e.g. "Severn Vale Water - IT/OT convergence follow-up"
    QString subject;                                // what the document is
    QString author;                                 // the assessor
    QString company;                                // the consultancy, when the settings name one
    QString date;                                   // ISO date of the assessment
    QString header;                                 // the running header's text
    QString client, assessment;                     // for a house style's placeholders
    QPageSize::PageSizeId pageSize = QPageSize::A4; // the paper chosen; a house style may set another
    PageLayout page;
    std::vector<std::pair<int, QString>> headings; // level and plain text, in document order
    std::vector<QString> keptWithNext;             // paragraphs kept with the next one, in order
    // The page of each heading after the contents as the PDF lays them out: what a DOCX's contents shows
    // until the word processor updates it (Word does on opening; LibreOffice shows these).
    std::vector<int> contentsPages;
    // Per table in document order: whether it is a grid with a header row, which repeats on every page it
    // runs over and is shaded as in the PDF, its rows striped. Left alone unless it counts every table.
    std::vector<bool> gridTables;
    // The DOCX's list ids start after the house style's own, whose lists stay as they are.
    int numberingBase = 0;
    // The report's own font: text in it takes its font from the paragraph styles.
    QString ownFontFamily = QStringLiteral("DejaVu Sans");
};

} // namespace mw
