// content.xml as Qt's ODF writer leaves it, completed: the report's headings made headings with
// bookmarks, the contents made a table of contents, grid tables given header rows and shading, and the
// questions kept with their answers (see odf_package.hpp).
#include "report/odf_names.hpp"
#include "report/odf_package.hpp"

#include <QXmlStreamReader>
#include <QXmlStreamWriter>

#include <map>
#include <set>

namespace mw {

using namespace odf;

namespace {

// A grid table's cells: the header shaded, the rows striped, as in the PDF. Automatic styles of the
// content: Writer takes cell styles from there only.
void writeCellStyles(QXmlStreamWriter& xml) {
    for (const auto& [name, background] : {std::pair{"MwHeaderCell", "#dce6f0"}, std::pair{"MwCell", ""},
                                           std::pair{"MwStripeCell", "#f4f7fa"}}) {
        xml.writeStartElement(kStyle, QStringLiteral("style"));
        xml.writeAttribute(kStyle, QStringLiteral("name"), QLatin1String(name));
        xml.writeAttribute(kStyle, QStringLiteral("family"), QStringLiteral("table-cell"));
        xml.writeStartElement(kStyle, QStringLiteral("table-cell-properties"));
        if (*background)
            xml.writeAttribute(kFo, QStringLiteral("background-color"), QLatin1String(background));
        xml.writeAttribute(kFo, QStringLiteral("border"), QStringLiteral("0.5pt solid #b8c2cc"));
        xml.writeAttribute(kFo, QStringLiteral("padding"), QStringLiteral("0.1cm"));
        xml.writeEndElement();
        xml.writeEndElement();
    }
}

// A table of contents the word processor keeps up to date: its source (the outline's first two levels)
// and a body as the word processor would write it, each page a reference field to the heading's bookmark,
// which the word processor fills in as it lays the document out.
void writeContents(QXmlStreamWriter& writer, const std::vector<std::pair<int, QString>>& headings) {
    writer.writeStartElement(kText, QStringLiteral("table-of-content"));
    writer.writeAttribute(kText, QStringLiteral("name"), QStringLiteral("Contents"));
    writer.writeStartElement(kText, QStringLiteral("table-of-content-source"));
    writer.writeAttribute(kText, QStringLiteral("outline-level"), QStringLiteral("2"));
    for (int level = 1; level <= 2; ++level) {
        writer.writeStartElement(kText, QStringLiteral("table-of-content-entry-template"));
        writer.writeAttribute(kText, QStringLiteral("outline-level"), QString::number(level));
        writer.writeAttribute(kText, QStringLiteral("style-name"),
                              QStringLiteral("Contents_20_%1").arg(level));
        writer.writeEmptyElement(kText, QStringLiteral("index-entry-text"));
        writer.writeEmptyElement(kText, QStringLiteral("index-entry-tab-stop"));
        writer.writeAttribute(kStyle, QStringLiteral("type"), QStringLiteral("right"));
        writer.writeAttribute(kStyle, QStringLiteral("leader-char"), QStringLiteral("."));
        writer.writeEmptyElement(kText, QStringLiteral("index-entry-page-number"));
        writer.writeEndElement();
    }
    writer.writeEndElement();
    writer.writeStartElement(kText, QStringLiteral("index-body"));
    for (std::size_t i = 1; i < headings.size(); ++i) { // the first is the contents' own heading
        if (headings[i].first > 2)
            continue;
        writer.writeStartElement(kText, QStringLiteral("p"));
        writer.writeAttribute(kText, QStringLiteral("style-name"),
                              QStringLiteral("Contents_20_%1").arg(headings[i].first));
        writer.writeCharacters(headings[i].second);
        writer.writeEmptyElement(kText, QStringLiteral("tab"));
        writer.writeStartElement(kText, QStringLiteral("bookmark-ref"));
        writer.writeAttribute(kText, QStringLiteral("reference-format"), QStringLiteral("page"));
        writer.writeAttribute(kText, QStringLiteral("ref-name"), QStringLiteral("mw-heading-%1").arg(i));
        writer.writeCharacters(QStringLiteral("?"));
        writer.writeEndElement();
        writer.writeEndElement();
    }
    writer.writeEndElement();
    writer.writeEndElement();
}

// The report's headings as headings. Qt writes every paragraph as text:p; the body's paragraphs whose text
// is the next of the report's headings (outside tables: the contents table names them too) become text:h
// with their outline level, and their automatic styles take the Heading style of that level as parent.
// Spaces as a reader sees them: no-break spaces and runs of white space alike.
QString simplified(QString text) {
    return text.replace(QChar(0x00A0), QLatin1Char(' ')).simplified();
}

} // namespace

QByteArray completedContent(const QByteArray& content, const DocumentFacts& facts) {
    const auto& headings = facts.headings;
    std::map<qint64, std::size_t> headingAt; // ordinal of the paragraph -> index of its heading
    std::map<QString, int> headingStyles;
    std::set<QString> keptStyles;  // of paragraphs kept with the next one
    std::set<QString> tableStyles; // of paragraphs in table cells
    QString coverStyle;            // of the first paragraph, outside any table
    {
        QXmlStreamReader reader(content);
        qint64 ordinal = -1;
        int tables = 0, inParagraph = 0;
        QString text, style;
        std::size_t next = 0, nextKept = 0;
        while (!reader.atEnd()) {
            reader.readNext();
            const bool paragraph = reader.namespaceUri() == kText && reader.name() == u"p";
            if (reader.isStartElement() && paragraph) {
                ++ordinal;
                const QString name =
                    reader.attributes().value(kText, QStringLiteral("style-name")).toString();
                if (tables > 0)
                    tableStyles.insert(name);
                else if (ordinal == 0)
                    coverStyle = name;
                if (inParagraph++ == 0) {
                    text.clear();
                    style = reader.attributes().value(kText, QStringLiteral("style-name")).toString();
                }
            } else if (reader.isStartElement() && reader.name() == u"table") {
                ++tables;
            } else if (reader.isEndElement() && reader.name() == u"table") {
                --tables;
            } else if (reader.isCharacters() && inParagraph > 0) {
                text += reader.text();
            } else if (reader.isEndElement() && paragraph) {
                if (--inParagraph == 0 && tables == 0 && next < headings.size() &&
                    text.trimmed() == headings[next].second.trimmed()) {
                    headingAt[ordinal] = next;
                    headingStyles[style] = headings[next].first;
                    ++next;
                } else if (inParagraph == 0 && tables == 0 && nextKept < facts.keptWithNext.size() &&
                           simplified(text) == simplified(facts.keptWithNext[nextKept])) {
                    keptStyles.insert(style);
                    ++nextKept;
                }
            }
        }
        if (reader.hasError())
            return content; // not what Qt writes: left as it is
    }
    QByteArray out;
    QXmlStreamReader reader(content);
    QXmlStreamWriter writer(&out);
    qint64 ordinal = -1;
    bool inAutomaticStyles = false;
    int keptStyleDepth = 0; // inside the automatic style of a kept paragraph: 1, then deeper
    bool keptHasProperties = false;
    bool contentsNext = false; // the contents' heading was written: its table comes next
    int skipping = 0;          // depth inside the contents table that the index replaces
    // Grid tables: which one, its rows so far, and whether the header row is open.
    qsizetype tableIndex = -1;
    int tableDepth = 0;
    bool grid = false, inHeader = false;
    int rowsSeen = 0;
    {
        QXmlStreamReader counter(content);
        qsizetype tables = 0;
        while (!counter.atEnd())
            if (counter.readNext() == QXmlStreamReader::StartElement && counter.name() == u"table" &&
                counter.namespaceUri() == QLatin1String("urn:oasis:names:tc:opendocument:xmlns:table:1.0"))
                ++tables;
        if (tables != static_cast<qsizetype>(facts.gridTables.size()))
            tableIndex = -2; // the tables are not the ones the report wrote: their look is left alone
    }
    const QString kTable = QStringLiteral("urn:oasis:names:tc:opendocument:xmlns:table:1.0");
    while (!reader.atEnd()) {
        reader.readNext();
        if (skipping > 0) {
            // Its paragraphs were counted in the first pass: count them here too.
            if (reader.isStartElement() && reader.namespaceUri() == kText && reader.name() == u"p")
                ++ordinal;
            skipping += reader.isStartElement() ? 1 : reader.isEndElement() ? -1 : 0;
            continue;
        }
        if (reader.namespaceUri() == kTable && reader.name() == u"table" && reader.isStartElement() &&
            tableIndex > -2) {
            ++tableIndex;
            ++tableDepth;
            grid = tableIndex < static_cast<qsizetype>(facts.gridTables.size()) &&
                   facts.gridTables[static_cast<std::size_t>(tableIndex)];
            rowsSeen = 0;
        }
        if (contentsNext && reader.isStartElement() && reader.name() == u"table") {
            contentsNext = false;
            skipping = 1;
            tableDepth = 0;
            writeContents(writer, headings);
            continue;
        }
        if (tableDepth > 0 && grid && reader.namespaceUri() == kTable) {
            if (reader.isStartElement() && reader.name() == u"table-row") {
                if (++rowsSeen == 1) {
                    writer.writeStartElement(kTable, QStringLiteral("table-header-rows"));
                    inHeader = true;
                }
            } else if (reader.isEndElement() && reader.name() == u"table-row" && inHeader) {
                writer.writeCurrentToken(reader);
                writer.writeEndElement(); // table-header-rows
                inHeader = false;
                continue;
            } else if (reader.isStartElement() && reader.name() == u"table-cell") {
                writer.writeStartElement(kTable, QStringLiteral("table-cell"));
                QXmlStreamAttributes attributes;
                for (const auto& attribute : reader.attributes())
                    if (attribute.qualifiedName() != u"table:style-name")
                        attributes.append(attribute);
                writer.writeAttributes(attributes);
                writer.writeAttribute(kTable, QStringLiteral("style-name"),
                                      rowsSeen == 1       ? QStringLiteral("MwHeaderCell")
                                      : rowsSeen % 2 == 1 ? QStringLiteral("MwStripeCell")
                                                          : QStringLiteral("MwCell"));
                continue;
            }
        }
        if (reader.isEndElement() && reader.namespaceUri() == kTable && reader.name() == u"table" &&
            tableDepth > 0)
            --tableDepth;
        if (reader.name() == u"automatic-styles") {
            inAutomaticStyles = reader.isStartElement();
            if (reader.isEndElement())
                writeCellStyles(writer);
        }
        if (reader.isStartElement() && reader.namespaceUri() == kText && reader.name() == u"p") {
            const auto heading = headingAt.find(++ordinal);
            if (heading != headingAt.end()) {
                writer.writeStartElement(kText, QStringLiteral("h"));
                writer.writeAttributes(reader.attributes());
                writer.writeAttribute(kText, QStringLiteral("outline-level"),
                                      QString::number(headings[heading->second].first));
                writer.writeEmptyElement(kText, QStringLiteral("bookmark"));
                writer.writeAttribute(kText, QStringLiteral("name"),
                                      QStringLiteral("mw-heading-%1").arg(heading->second));
                // Once every heading is known, the contents' table that follows the first becomes the index.
                contentsNext = heading->second == 0 && headingAt.size() == headings.size();
                continue;
            }
        }
        if (keptStyleDepth > 0) {
            if (reader.isStartElement() && ++keptStyleDepth == 2 &&
                reader.name() == u"paragraph-properties") {
                keptHasProperties = true;
                writer.writeStartElement(kStyle, QStringLiteral("paragraph-properties"));
                writer.writeAttributes(reader.attributes());
                writer.writeAttribute(kFo, QStringLiteral("keep-with-next"), QStringLiteral("always"));
                continue;
            }
            if (reader.isEndElement() && --keptStyleDepth == 0 && !keptHasProperties) {
                writer.writeEmptyElement(kStyle, QStringLiteral("paragraph-properties"));
                writer.writeAttribute(kFo, QStringLiteral("keep-with-next"), QStringLiteral("always"));
            }
        }
        if (inAutomaticStyles && reader.isStartElement() && reader.namespaceUri() == kStyle &&
            reader.name() == u"style") {
            const auto name = reader.attributes().value(kStyle, QStringLiteral("name")).toString();
            if (keptStyles.contains(name)) {
                keptStyleDepth = 1;
                keptHasProperties = false;
            }
            if (const auto level = headingStyles.find(name); level != headingStyles.end()) {
                writer.writeStartElement(kStyle, QStringLiteral("style"));
                writer.writeAttributes(reader.attributes());
                writer.writeAttribute(kStyle, QStringLiteral("parent-style-name"),
                                      QStringLiteral("Heading_20_%1").arg(level->second));
                continue;
            }
            if (!coverStyle.isEmpty() && name == coverStyle && !tableStyles.contains(name)) {
                writer.writeStartElement(kStyle, QStringLiteral("style"));
                writer.writeAttributes(reader.attributes());
                writer.writeAttribute(kStyle, QStringLiteral("master-page-name"), kCoverMasterPage);
                continue;
            }
            if (tableStyles.contains(name) &&
                !reader.attributes().hasAttribute(kStyle, QStringLiteral("parent-style-name"))) {
                writer.writeStartElement(kStyle, QStringLiteral("style"));
                writer.writeAttributes(reader.attributes());
                writer.writeAttribute(kStyle, QStringLiteral("parent-style-name"),
                                      QStringLiteral("Table_20_Contents"));
                continue;
            }
        }
        // Qt's list levels give the number no room of its own: "1.Is the"; give it a label's width.
        if (inAutomaticStyles && reader.isStartElement() && reader.namespaceUri() == kStyle &&
            reader.name() == u"list-level-properties" &&
            !reader.attributes().hasAttribute(kText, QStringLiteral("min-label-width"))) {
            writer.writeStartElement(kStyle, QStringLiteral("list-level-properties"));
            writer.writeAttributes(reader.attributes());
            writer.writeAttribute(kText, QStringLiteral("min-label-width"), QStringLiteral("0.7cm"));
            continue;
        }
        // Qt names a font in every text style, the report's own or its default "Sans": the report's text
        // takes its font from the paragraph styles instead, ours or a house style's.
        if (inAutomaticStyles && reader.isStartElement() && reader.namespaceUri() == kStyle &&
            reader.name() == u"text-properties") {
            QXmlStreamAttributes kept;
            for (const auto& attribute : reader.attributes()) {
                const bool font = attribute.namespaceUri() == kFo && attribute.name() == u"font-family";
                const QString family = attribute.value().toString().remove(u'\'');
                if (!font || (family != u"Sans" && family != facts.ownFontFamily))
                    kept.append(attribute);
            }
            writer.writeStartElement(kStyle, QStringLiteral("text-properties"));
            writer.writeAttributes(kept);
            continue;
        }
        writer.writeCurrentToken(reader);
    }
    return reader.hasError() ? content : out;
}

} // namespace mw
