#pragma once
// The DOCX report's parts (WordprocessingML): the body written from the word processor's QTextDocument
// (docx_body.cpp) and the package around it (docx_package.cpp): styles, numbering, the running header and
// footer, settings, the core and application properties, and the relationships naming them.
#include "core/error.hpp"
#include "report/document_facts.hpp"

#include <QByteArray>
#include <QString>

#include <utility>
#include <vector>

class QTextDocument;
class QXmlStreamWriter;

namespace mw::docx {

inline const QString kW = QStringLiteral("http://schemas.openxmlformats.org/wordprocessingml/2006/main");
inline const QString kR =
    QStringLiteral("http://schemas.openxmlformats.org/officeDocument/2006/relationships");

// Style ids the body uses; the package defines each (a house-style template may define them first).
inline const QString kTitleStyle = QStringLiteral("Title");
inline const QString kSubtitleStyle = QStringLiteral("Subtitle");
inline const QString kCaptionStyle = QStringLiteral("Caption");
inline const QString kContentsHeadingStyle = QStringLiteral("TOCHeading");
inline QString headingStyle(int level) {
    return QStringLiteral("Heading%1").arg(level);
}
inline QString contentsStyle(int level) {
    return QStringLiteral("TOC%1").arg(level);
}

// Relationship ids of the fixed parts, named in document.xml's section and its relationships.
inline const QString kHeaderId = QStringLiteral("rIdHeader");
inline const QString kFooterId = QStringLiteral("rIdFooter");

// A run of text, its spaces kept: user text is written as XML text, never as markup.
void writeTextRun(QXmlStreamWriter& xml, const QString& value);

struct Body {
    QByteArray document;  // word/document.xml
    QByteArray numbering; // word/numbering.xml
    // Pictures: relationship id, file name under word/media, PNG bytes.
    struct Picture {
        QString id, fileName;
        QByteArray png;
    };
    std::vector<Picture> pictures;
};

// The document as WordprocessingML. Headings (the block's heading level) take the Heading styles with
// bookmarks the contents' page fields refer to; the contents table becomes a TOC field; the
// document's default font and size are left to the styles, so a template's fonts apply.
Body bodyOf(const QTextDocument& doc, const DocumentFacts& facts);

// The whole package: the body with styles, settings, header, footer and properties.
Result<QByteArray> package(const Body& body, const DocumentFacts& facts);

} // namespace mw::docx
