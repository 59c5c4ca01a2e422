#pragma once
// The DOCX report's parts (WordprocessingML): the body written from the word processor's QTextDocument
// (docx_body.cpp) and the package around it (docx_package.cpp): styles, numbering, the running header and
// footer, settings, the core and application properties, and the relationships naming them.
#include "core/error.hpp"
#include "report/document_facts.hpp"
#include "report/house_style.hpp"

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
// The text in tables: the report's size, whatever the house style's body text is, so columns fit.
inline const QString kTableTextStyle = QStringLiteral("TableText");
inline QString headingStyle(int level) {
    return QStringLiteral("Heading%1").arg(level);
}
inline QString contentsStyle(int level) {
    return QStringLiteral("TOC%1").arg(level);
}

// Relationship ids of the running header and footer parts (the first page's are the cover's), named in
// document.xml's section and its relationships.
inline QString partId(bool header, bool first) {
    return QStringLiteral("rId%1%2").arg(header ? u"Header" : u"Footer", first ? u"First" : u"");
}

// The document's one section: the page of the facts, the running header and footer, and with a cover
// the first page's own (titlePg).
void writeSection(QXmlStreamWriter& xml, const DocumentFacts& facts, bool cover);

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

// The whole package: the body with settings and properties, and the house style's styles, lists, theme,
// header and footer (with their pictures), ours for what it lacks. Errors name the style's part.
Result<QByteArray> package(const Body& body, const DocumentFacts& facts, const HouseStyle& style);

// The highest list id the house style's numbering uses: the report's lists are numbered after it.
int numberingBase(const HouseStyle& style);

// Our house style: the report's styles on the facts' page, the header and footer, and with the guide a
// page saying how to make it a consultancy's own.
std::vector<ZipEntry> defaultTemplate(const DocumentFacts& facts, bool withGuide);

} // namespace mw::docx
