#pragma once
// The parts of an ODF text document that Qt's ODF writer leaves out, added to its package: styles.xml
// with the page (the chosen paper, 2 cm margins), a running header and footer ("Page N of M" as fields
// the word processor fills in) and Heading 1-3 paragraph styles with outline levels that keep with the
// next paragraph; meta.xml with the document's title, subject, author and date; the manifest naming both;
// and in content.xml the report's headings made headings (text:h with their outline level, on those
// styles, each with a bookmark), so the navigator, a table of contents and a PDF's bookmarks are built from
// them, and the contents table made a table of contents the word processor can update, each page number
// a reference field to the heading's bookmark that it fills in as it lays the pages out. Without these
// a word processor lays the report out on its own locale's paper, with no page numbers and no outline.
#include "core/error.hpp"
#include "report/document_facts.hpp"
#include "report/house_style.hpp"

#include <QByteArray>

namespace mw {

// The package with styles.xml (the house style's, with the report's styles it lacks, its placeholders
// filled in and its pictures carried) and meta.xml added and the manifest rewritten; user text is
// written as XML text, never as markup.
Result<QByteArray> completeOdfPackage(const QByteArray& package, const DocumentFacts& facts,
                                      const HouseStyle& style);

// Our house style as an ODT: the report's styles on the facts' page, the header and footer, and with
// the guide a page saying how to make it a consultancy's own.
std::vector<ZipEntry> odfDefaultTemplate(const DocumentFacts& facts, bool withGuide);

// content.xml with the headings, the contents, the grid tables and the kept paragraphs completed
// (odf_content.cpp); content that is not what Qt writes comes back as it was.
QByteArray completedContent(const QByteArray& content, const DocumentFacts& facts);

} // namespace mw
