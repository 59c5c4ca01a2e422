#pragma once
// The parts of an ODF text document that Qt's ODF writer leaves out, added to its package: styles.xml
// with the page (the chosen paper, 2 cm margins) and a running header and footer ("Page N of M" as
// fields the word processor fills in), meta.xml with the document's title, subject, author and date, and
// the manifest naming both. Without them a word processor lays the report out on its own locale's paper
// and shows no page numbers.
#include "core/error.hpp"

#include <QByteArray>
#include <QPageSize>
#include <QString>

namespace mw {

struct OdfFacts {
    QString title;   // e.g. "Severn Vale Water - IT/OT convergence follow-up"
    QString subject; // what the document is
    QString author;  // the assessor
    QString date;    // ISO date of the assessment
    QString header;  // the running header's text
    QPageSize::PageSizeId pageSize = QPageSize::A4;
};

// The package with styles.xml and meta.xml added and the manifest rewritten; user text is written as
// XML text, never as markup.
Result<QByteArray> completeOdfPackage(const QByteArray& package, const OdfFacts& facts);

} // namespace mw
