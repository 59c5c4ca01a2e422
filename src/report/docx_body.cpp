// word/document.xml and word/numbering.xml from the word processor's QTextDocument: paragraphs with their
// styles and formatting, tables, pictures, lists, page breaks and the contents as a TOC field.
#include "report/docx_parts.hpp"
#include "report/report_document_p.hpp"

#include <QBuffer>
#include <QColor>
#include <QImage>
#include <QPageSize>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextList>
#include <QTextTable>
#include <QUrl>
#include <QXmlStreamWriter>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <numeric>

namespace mw::docx {

namespace {

const QString kWp = QStringLiteral("http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing");
const QString kA = QStringLiteral("http://schemas.openxmlformats.org/drawingml/2006/main");
const QString kPic = QStringLiteral("http://schemas.openxmlformats.org/drawingml/2006/picture");

// Qt's rich text measures in pixels at 96 per inch; WordprocessingML in twentieths of a point and
// pictures in EMU (914400 to the inch).
int twips(double pixels) {
    return static_cast<int>(std::lround(pixels * 15));
}
qint64 emu(double pixels) {
    return std::llround(pixels * 9525);
}

QString hex(const QColor& color) {
    return color.name().mid(1).toUpper();
}

struct Heading {
    int level;
    QString text;
};

class BodyWriter {
public:
    BodyWriter(const QTextDocument& doc, const DocumentFacts& facts)
        : doc_(doc)
        , facts_(facts)
        , textWidth_(facts.page.textWidth() / 25.4 * 1440) {
        collectHeadings(doc.rootFrame());
    }

    Body write() {
        xml_.setAutoFormatting(false);
        xml_.writeStartDocument(QStringLiteral("1.0"), true);
        xml_.writeNamespace(kW, QStringLiteral("w"));
        xml_.writeNamespace(kR, QStringLiteral("r"));
        xml_.writeNamespace(kWp, QStringLiteral("wp"));
        xml_.writeNamespace(kA, QStringLiteral("a"));
        xml_.writeNamespace(kPic, QStringLiteral("pic"));
        xml_.writeStartElement(kW, QStringLiteral("document"));
        xml_.writeStartElement(kW, QStringLiteral("body"));
        writeFrame(doc_.rootFrame());
        writeSection(xml_, facts_, true);
        xml_.writeEndElement();
        xml_.writeEndElement();
        xml_.writeEndDocument();
        body_.document = bytes_;
        body_.numbering = numberingXml();
        return std::move(body_);
    }

private:
    // The headings in document order, with the index of the first after the contents table: those are
    // the contents' entries.
    void collectHeadings(QTextFrame* frame) {
        for (auto it = frame->begin(); !it.atEnd(); ++it) {
            if (QTextFrame* child = it.currentFrame()) {
                if (auto* table = qobject_cast<QTextTable*>(child); table && isContents(table))
                    firstEntry_ = headings_.size();
                else if (!qobject_cast<QTextTable*>(child))
                    collectHeadings(child);
                continue;
            }
            const QTextBlock block = it.currentBlock();
            if (const int level = block.blockFormat().headingLevel(); level >= 1 && level <= 3)
                headings_.push_back({level, block.text().simplified()});
        }
    }

    // The contents table is the first table after the heading "Contents" (assemble() writes the two
    // together, before the body).
    bool isContents(const QTextTable* table) const {
        const QTextBlock before = doc_.findBlock(table->firstPosition() - 1);
        return !contentsSeen_ && before.isValid() && before.blockFormat().headingLevel() == 1 &&
               before.text().trimmed() == QStringLiteral("Contents");
    }

    void writeFrame(QTextFrame* frame) {
        for (auto it = frame->begin(); !it.atEnd(); ++it) {
            if (QTextFrame* child = it.currentFrame()) {
                if (auto* table = qobject_cast<QTextTable*>(child)) {
                    if (isContents(table)) {
                        contentsSeen_ = true;
                        writeContents();
                    } else {
                        writeTable(table);
                    }
                } else {
                    writeFrame(child);
                }
                continue;
            }
            writeParagraph(it.currentBlock());
        }
    }

    void writeParagraph(const QTextBlock& block, bool inTable = false) {
        const QTextBlockFormat format = block.blockFormat();
        const bool breaksAfter = format.pageBreakPolicy() & QTextFormat::PageBreak_AlwaysAfter;
        // An empty paragraph that only breaks the page becomes the next paragraph's page break.
        if (breaksAfter && block.length() <= 1 && !inTable) {
            breakBefore_ = true;
            return;
        }
        const int level = inTable ? 0 : format.headingLevel();
        const bool heading = level >= 1 && level <= 3;
        const bool contentsHeading = heading && !contentsSeen_ && block.text().trimmed() == u"Contents";
        xml_.writeStartElement(kW, QStringLiteral("p"));
        xml_.writeStartElement(kW, QStringLiteral("pPr"));
        QString style;
        if (contentsHeading)
            style = kContentsHeadingStyle;
        else if (heading)
            style = headingStyle(level);
        else if (block.userState() == kTitleParagraph)
            style = kTitleStyle;
        else if (block.userState() == kSubtitleParagraph)
            style = kSubtitleStyle;
        else if (block.userState() == kCaptionParagraph)
            style = kCaptionStyle;
        else if (inTable)
            style = kTableTextStyle;
        if (!style.isEmpty())
            element(QStringLiteral("pStyle"), style);
        if (block.userState() == kKeepWithNext && !heading)
            xml_.writeEmptyElement(kW, QStringLiteral("keepNext"));
        if (breakBefore_ || (format.pageBreakPolicy() & QTextFormat::PageBreak_AlwaysBefore)) {
            xml_.writeEmptyElement(kW, QStringLiteral("pageBreakBefore"));
            breakBefore_ = false;
        }
        if (const QTextList* list = block.textList()) {
            xml_.writeStartElement(kW, QStringLiteral("numPr"));
            element(QStringLiteral("ilvl"), QString::number(std::max(0, list->format().indent() - 1)));
            element(QStringLiteral("numId"), QString::number(numberFor(list)));
            xml_.writeEndElement();
        }
        if (!heading) { // a heading's spacing is its style's
            xml_.writeEmptyElement(kW, QStringLiteral("spacing"));
            xml_.writeAttribute(kW, QStringLiteral("before"), QString::number(twips(format.topMargin())));
            xml_.writeAttribute(kW, QStringLiteral("after"), QString::number(twips(format.bottomMargin())));
        }
        if (const double left = format.leftMargin() + format.indent() * 40; left > 0 && !block.textList()) {
            xml_.writeEmptyElement(kW, QStringLiteral("ind"));
            xml_.writeAttribute(kW, QStringLiteral("left"), QString::number(twips(left)));
        }
        if (format.alignment() & Qt::AlignHCenter)
            element(QStringLiteral("jc"), QStringLiteral("center"));
        else if (format.alignment() & Qt::AlignRight)
            element(QStringLiteral("jc"), QStringLiteral("right"));
        xml_.writeEndElement(); // pPr
        int bookmark = -1;
        if (heading) {
            bookmark = static_cast<int>(headingsWritten_++);
            xml_.writeEmptyElement(kW, QStringLiteral("bookmarkStart"));
            xml_.writeAttribute(kW, QStringLiteral("id"), QString::number(bookmark));
            xml_.writeAttribute(kW, QStringLiteral("name"), bookmarkName(bookmark));
        }
        for (auto it = block.begin(); !it.atEnd(); ++it)
            writeFragment(it.fragment(), heading || (!style.isEmpty() && style != kTableTextStyle));
        if (bookmark >= 0) {
            xml_.writeEmptyElement(kW, QStringLiteral("bookmarkEnd"));
            xml_.writeAttribute(kW, QStringLiteral("id"), QString::number(bookmark));
        }
        xml_.writeEndElement(); // p
        if (breaksAfter)
            breakBefore_ = true;
    }

    static QString bookmarkName(int index) {
        return QStringLiteral("_TocMw%1").arg(index, 4, 10, QChar('0'));
    }

    // A run per fragment. Styled paragraphs take size, colour and weight from their style; the others
    // keep what the report gave them, except the document's own font and size, which are the styles'.
    void writeFragment(const QTextFragment& fragment, bool styled) {
        const QTextCharFormat format = fragment.charFormat();
        if (format.isImageFormat()) {
            writePicture(format.toImageFormat());
            return;
        }
        xml_.writeStartElement(kW, QStringLiteral("r"));
        xml_.writeStartElement(kW, QStringLiteral("rPr"));
        const QFont base = documentFont();
        if (!styled && format.hasProperty(QTextFormat::FontFamilies)) {
            const QStringList families = format.fontFamilies().toStringList();
            if (!families.isEmpty() && families.front() != base.family()) {
                xml_.writeEmptyElement(kW, QStringLiteral("rFonts"));
                for (const char* attribute : {"ascii", "hAnsi", "cs"})
                    xml_.writeAttribute(kW, QLatin1String(attribute), families.front());
            }
        }
        if (!styled && format.hasProperty(QTextFormat::FontWeight) && format.fontWeight() >= QFont::DemiBold)
            xml_.writeEmptyElement(kW, QStringLiteral("b"));
        if (format.fontItalic())
            xml_.writeEmptyElement(kW, QStringLiteral("i"));
        if (format.fontUnderline() && !format.isAnchor())
            element(QStringLiteral("u"), QStringLiteral("single"));
        if (!styled && format.hasProperty(QTextFormat::ForegroundBrush))
            element(QStringLiteral("color"), hex(format.foreground().color()));
        if (!styled && format.hasProperty(QTextFormat::FontPointSize) &&
            std::abs(format.fontPointSize() - base.pointSizeF()) > 0.01)
            element(QStringLiteral("sz"), QString::number(std::lround(format.fontPointSize() * 2)));
        xml_.writeEndElement(); // rPr
        // Line separators (<br>) become breaks; no-break spaces stay as they are.
        const QStringList lines = fragment.text().split(QChar::LineSeparator);
        for (qsizetype i = 0; i < lines.size(); ++i) {
            if (i > 0)
                xml_.writeEmptyElement(kW, QStringLiteral("br"));
            if (!lines[i].isEmpty()) {
                xml_.writeStartElement(kW, QStringLiteral("t"));
                xml_.writeAttribute(QStringLiteral("xml:space"), QStringLiteral("preserve"));
                xml_.writeCharacters(lines[i]);
                xml_.writeEndElement();
            }
        }
        xml_.writeEndElement(); // r
    }

    void writePicture(const QTextImageFormat& format) {
        const QImage image = doc_.resource(QTextDocument::ImageResource, QUrl(format.name())).value<QImage>();
        if (image.isNull())
            return;
        auto [known, added] = pictureIds_.try_emplace(format.name());
        if (added) {
            const auto number = body_.pictures.size() + 1;
            QByteArray png;
            QBuffer buffer(&png);
            buffer.open(QIODevice::WriteOnly);
            image.save(&buffer, "PNG");
            known->second = QStringLiteral("rIdPicture%1").arg(number);
            body_.pictures.push_back({known->second, QStringLiteral("picture%1.png").arg(number), png});
        }
        // Shown at the size the report asked for, or at 96 pixels to the inch.
        double width = format.width() > 0 ? format.width() : image.width();
        double height = format.height() > 0 ? format.height() : image.height() * width / image.width();
        if (format.width() <= 0 && format.height() > 0) {
            height = format.height();
            width = image.width() * height / image.height();
        }
        const QString cx = QString::number(emu(width)), cy = QString::number(emu(height));
        const QString id = QString::number(++drawings_);
        xml_.writeStartElement(kW, QStringLiteral("r"));
        xml_.writeStartElement(kW, QStringLiteral("drawing"));
        xml_.writeStartElement(kWp, QStringLiteral("inline"));
        xml_.writeEmptyElement(kWp, QStringLiteral("extent"));
        xml_.writeAttribute(QStringLiteral("cx"), cx);
        xml_.writeAttribute(QStringLiteral("cy"), cy);
        xml_.writeEmptyElement(kWp, QStringLiteral("docPr"));
        xml_.writeAttribute(QStringLiteral("id"), id);
        xml_.writeAttribute(QStringLiteral("name"), QStringLiteral("Picture %1").arg(id));
        xml_.writeStartElement(kA, QStringLiteral("graphic"));
        xml_.writeStartElement(kA, QStringLiteral("graphicData"));
        xml_.writeAttribute(QStringLiteral("uri"), kPic);
        xml_.writeStartElement(kPic, QStringLiteral("pic"));
        xml_.writeStartElement(kPic, QStringLiteral("nvPicPr"));
        xml_.writeEmptyElement(kPic, QStringLiteral("cNvPr"));
        xml_.writeAttribute(QStringLiteral("id"), id);
        xml_.writeAttribute(QStringLiteral("name"), QStringLiteral("Picture %1").arg(id));
        xml_.writeEmptyElement(kPic, QStringLiteral("cNvPicPr"));
        xml_.writeEndElement();
        xml_.writeStartElement(kPic, QStringLiteral("blipFill"));
        xml_.writeEmptyElement(kA, QStringLiteral("blip"));
        xml_.writeAttribute(kR, QStringLiteral("embed"), known->second);
        xml_.writeStartElement(kA, QStringLiteral("stretch"));
        xml_.writeEmptyElement(kA, QStringLiteral("fillRect"));
        xml_.writeEndElement();
        xml_.writeEndElement();
        xml_.writeStartElement(kPic, QStringLiteral("spPr"));
        xml_.writeStartElement(kA, QStringLiteral("xfrm"));
        xml_.writeEmptyElement(kA, QStringLiteral("off"));
        xml_.writeAttribute(QStringLiteral("x"), QStringLiteral("0"));
        xml_.writeAttribute(QStringLiteral("y"), QStringLiteral("0"));
        xml_.writeEmptyElement(kA, QStringLiteral("ext"));
        xml_.writeAttribute(QStringLiteral("cx"), cx);
        xml_.writeAttribute(QStringLiteral("cy"), cy);
        xml_.writeEndElement();
        xml_.writeStartElement(kA, QStringLiteral("prstGeom"));
        xml_.writeAttribute(QStringLiteral("prst"), QStringLiteral("rect"));
        xml_.writeEmptyElement(kA, QStringLiteral("avLst"));
        xml_.writeEndElement();
        xml_.writeEndElement(); // spPr
        xml_.writeEndElement(); // pic
        xml_.writeEndElement(); // graphicData
        xml_.writeEndElement(); // graphic
        xml_.writeEndElement(); // inline
        xml_.writeEndElement(); // drawing
        xml_.writeEndElement(); // r
    }

    // Grid tables (borders) get the PDF's look: a shaded header row that repeats on every page, striped
    // rows. Columns keep the report's shares of the text width.
    void writeTable(QTextTable* table) {
        const QTextTableFormat format = table->format();
        const bool grid = format.border() > 0;
        const int headerRows = format.headerRowCount();
        const auto constraints = format.columnWidthConstraints();
        std::vector<int> widths;
        for (int c = 0; c < table->columns(); ++c)
            widths.push_back(static_cast<int>(
                textWidth_ * (c < constraints.size() && constraints[c].type() == QTextLength::PercentageLength
                                  ? constraints[c].rawValue() / 100.0
                                  : 1.0 / table->columns())));
        xml_.writeStartElement(kW, QStringLiteral("tbl"));
        xml_.writeStartElement(kW, QStringLiteral("tblPr"));
        xml_.writeEmptyElement(kW, QStringLiteral("tblW"));
        xml_.writeAttribute(kW, QStringLiteral("w"),
                            QString::number(std::accumulate(widths.begin(), widths.end(), 0)));
        xml_.writeAttribute(kW, QStringLiteral("type"), QStringLiteral("dxa"));
        if (grid) {
            xml_.writeStartElement(kW, QStringLiteral("tblBorders"));
            for (const char* side : {"top", "left", "bottom", "right", "insideH", "insideV"}) {
                xml_.writeEmptyElement(kW, QLatin1String(side));
                xml_.writeAttribute(kW, QStringLiteral("val"), QStringLiteral("single"));
                xml_.writeAttribute(kW, QStringLiteral("sz"), QStringLiteral("4"));
                xml_.writeAttribute(kW, QStringLiteral("color"), QStringLiteral("B8C2CC"));
            }
            xml_.writeEndElement();
        }
        element(QStringLiteral("tblLayout"), QStringLiteral("fixed"), QStringLiteral("type"));
        xml_.writeStartElement(kW, QStringLiteral("tblCellMar"));
        for (const char* side : {"top", "left", "bottom", "right"}) {
            xml_.writeEmptyElement(kW, QLatin1String(side));
            xml_.writeAttribute(kW, QStringLiteral("w"), QString::number(twips(format.cellPadding())));
            xml_.writeAttribute(kW, QStringLiteral("type"), QStringLiteral("dxa"));
        }
        xml_.writeEndElement();
        xml_.writeEndElement(); // tblPr
        xml_.writeStartElement(kW, QStringLiteral("tblGrid"));
        for (int width : widths) {
            xml_.writeEmptyElement(kW, QStringLiteral("gridCol"));
            xml_.writeAttribute(kW, QStringLiteral("w"), QString::number(width));
        }
        xml_.writeEndElement();
        for (int r = 0; r < table->rows(); ++r) {
            xml_.writeStartElement(kW, QStringLiteral("tr"));
            xml_.writeStartElement(kW, QStringLiteral("trPr"));
            xml_.writeEmptyElement(kW, QStringLiteral("cantSplit"));
            if (r < headerRows)
                xml_.writeEmptyElement(kW, QStringLiteral("tblHeader"));
            xml_.writeEndElement();
            for (int c = 0; c < table->columns(); ++c) {
                const QTextTableCell cell = table->cellAt(r, c);
                if (cell.row() != r || cell.column() != c)
                    continue; // covered by a spanning cell
                xml_.writeStartElement(kW, QStringLiteral("tc"));
                xml_.writeStartElement(kW, QStringLiteral("tcPr"));
                int width = 0;
                for (int k = c; k < c + cell.columnSpan() && k < table->columns(); ++k)
                    width += widths[static_cast<std::size_t>(k)];
                xml_.writeEmptyElement(kW, QStringLiteral("tcW"));
                xml_.writeAttribute(kW, QStringLiteral("w"), QString::number(width));
                xml_.writeAttribute(kW, QStringLiteral("type"), QStringLiteral("dxa"));
                if (cell.columnSpan() > 1)
                    element(QStringLiteral("gridSpan"), QString::number(cell.columnSpan()));
                const QString fill = !grid                  ? QString()
                                     : r < headerRows       ? QStringLiteral("DCE6F0")
                                     : (r - headerRows) % 2 ? QStringLiteral("F4F7FA")
                                                            : QString();
                if (!fill.isEmpty()) {
                    xml_.writeEmptyElement(kW, QStringLiteral("shd"));
                    xml_.writeAttribute(kW, QStringLiteral("val"), QStringLiteral("clear"));
                    xml_.writeAttribute(kW, QStringLiteral("color"), QStringLiteral("auto"));
                    xml_.writeAttribute(kW, QStringLiteral("fill"), fill);
                }
                xml_.writeEndElement(); // tcPr
                int paragraphs = 0;
                for (auto it = cell.begin(); !it.atEnd(); ++it)
                    if (!it.currentFrame()) {
                        writeParagraph(it.currentBlock(), true);
                        ++paragraphs;
                    }
                if (paragraphs == 0) // every cell holds a paragraph
                    xml_.writeEmptyElement(kW, QStringLiteral("p"));
                xml_.writeEndElement(); // tc
            }
            xml_.writeEndElement(); // tr
        }
        xml_.writeEndElement(); // tbl
        // Two tables in a row would merge into one: a paragraph keeps them apart, as the report's spacing.
        xml_.writeStartElement(kW, QStringLiteral("p"));
        xml_.writeStartElement(kW, QStringLiteral("pPr"));
        xml_.writeEmptyElement(kW, QStringLiteral("spacing"));
        xml_.writeAttribute(kW, QStringLiteral("before"), QStringLiteral("0"));
        xml_.writeAttribute(kW, QStringLiteral("after"), QString::number(twips(format.bottomMargin())));
        xml_.writeStartElement(kW, QStringLiteral("rPr"));
        element(QStringLiteral("sz"), QStringLiteral("2"));
        xml_.writeEndElement();
        xml_.writeEndElement();
        xml_.writeEndElement();
    }

    // A field the word processor updates: its instruction, then the text it showed last time.
    void writeField(const QString& instruction, const std::function<void()>& shown) {
        beginField(instruction);
        shown();
        fieldChar("end");
    }

    // A field's start: its instruction, then the place for the text it shows.
    void beginField(const QString& instruction) {
        fieldChar("begin");
        xml_.writeStartElement(kW, QStringLiteral("r"));
        xml_.writeStartElement(kW, QStringLiteral("instrText"));
        xml_.writeAttribute(QStringLiteral("xml:space"), QStringLiteral("preserve"));
        xml_.writeCharacters(QLatin1Char(' ') + instruction + QLatin1Char(' '));
        xml_.writeEndElement();
        xml_.writeEndElement();
        fieldChar("separate");
    }

    void fieldChar(const char* type) {
        xml_.writeStartElement(kW, QStringLiteral("r"));
        xml_.writeEmptyElement(kW, QStringLiteral("fldChar"));
        xml_.writeAttribute(kW, QStringLiteral("fldCharType"), QLatin1String(type));
        xml_.writeEndElement();
    }

    void text(const QString& value) { writeTextRun(xml_, value); }

    // The contents as Word writes a table of contents: one TOC field over the entries, each entry a link
    // to its heading with a PAGEREF field to the heading's bookmark for its page.
    void writeContents() {
        bool opened = false;
        // The contents list the first two levels; the PDF's page of each is shown until the word
        // processor updates the field.
        const auto entries = static_cast<std::size_t>(
            std::count_if(headings_.begin() + static_cast<std::ptrdiff_t>(firstEntry_), headings_.end(),
                          [](const Heading& heading) { return heading.level <= 2; }));
        std::size_t entry = 0;
        for (std::size_t i = firstEntry_; i < headings_.size(); ++i) {
            if (headings_[i].level > 2)
                continue;
            xml_.writeStartElement(kW, QStringLiteral("p"));
            xml_.writeStartElement(kW, QStringLiteral("pPr"));
            element(QStringLiteral("pStyle"), contentsStyle(headings_[i].level));
            xml_.writeEndElement();
            auto writeEntry = [&] {
                xml_.writeStartElement(kW, QStringLiteral("hyperlink"));
                xml_.writeAttribute(kW, QStringLiteral("anchor"), bookmarkName(static_cast<int>(i)));
                xml_.writeAttribute(kW, QStringLiteral("history"), QStringLiteral("1"));
                text(headings_[i].text);
                xml_.writeStartElement(kW, QStringLiteral("r"));
                xml_.writeEmptyElement(kW, QStringLiteral("tab"));
                xml_.writeEndElement();
                const bool paged = facts_.contentsPages.size() == entries;
                writeField(QStringLiteral("PAGEREF %1 \\h").arg(bookmarkName(static_cast<int>(i))), [&] {
                    text(paged ? QString::number(facts_.contentsPages[entry]) : QStringLiteral("?"));
                });
                xml_.writeEndElement();
            };
            if (!opened) {
                opened = true;
                // The TOC field opens in the first entry's paragraph and closes after the last.
                beginField(QStringLiteral("TOC \\o \"1-2\" \\h \\z \\u"));
            }
            writeEntry();
            ++entry;
            xml_.writeEndElement(); // p
        }
        if (opened) {
            xml_.writeStartElement(kW, QStringLiteral("p"));
            fieldChar("end");
            xml_.writeEndElement();
        }
    }

    // Each list numbers from one; its levels take Qt's list styles.
    int numberFor(const QTextList* list) {
        auto [known, added] =
            lists_.try_emplace(list, facts_.numberingBase + static_cast<int>(lists_.size()) + 1);
        if (added)
            listStyles_.push_back(list->format().style());
        return known->second;
    }

    QByteArray numberingXml() const {
        QByteArray bytes;
        QXmlStreamWriter xml(&bytes);
        xml.writeStartDocument(QStringLiteral("1.0"), true);
        xml.writeNamespace(kW, QStringLiteral("w"));
        xml.writeStartElement(kW, QStringLiteral("numbering"));
        const auto base = static_cast<std::size_t>(facts_.numberingBase);
        for (std::size_t i = 0; i < listStyles_.size(); ++i) {
            const bool bullets = listStyles_[i] == QTextListFormat::ListDisc ||
                                 listStyles_[i] == QTextListFormat::ListCircle ||
                                 listStyles_[i] == QTextListFormat::ListSquare;
            xml.writeStartElement(kW, QStringLiteral("abstractNum"));
            xml.writeAttribute(kW, QStringLiteral("abstractNumId"), QString::number(base + i + 1));
            for (int level = 0; level < 3; ++level) {
                xml.writeStartElement(kW, QStringLiteral("lvl"));
                xml.writeAttribute(kW, QStringLiteral("ilvl"), QString::number(level));
                auto value = [&](const QString& name, const QString& v) {
                    xml.writeEmptyElement(kW, name);
                    xml.writeAttribute(kW, QStringLiteral("val"), v);
                };
                value(QStringLiteral("start"), QStringLiteral("1"));
                value(QStringLiteral("numFmt"),
                      bullets ? QStringLiteral("bullet") : QStringLiteral("decimal"));
                value(QStringLiteral("lvlText"),
                      bullets ? QString(QChar(0x2022)) : QStringLiteral("%%1.").arg(level + 1));
                xml.writeStartElement(kW, QStringLiteral("pPr"));
                xml.writeEmptyElement(kW, QStringLiteral("ind"));
                xml.writeAttribute(kW, QStringLiteral("left"), QString::number(600 * (level + 1)));
                xml.writeAttribute(kW, QStringLiteral("hanging"), QStringLiteral("360"));
                xml.writeEndElement();
                xml.writeEndElement(); // lvl
            }
            xml.writeEndElement();
        }
        for (std::size_t i = 0; i < listStyles_.size(); ++i) {
            xml.writeStartElement(kW, QStringLiteral("num"));
            xml.writeAttribute(kW, QStringLiteral("numId"), QString::number(base + i + 1));
            xml.writeEmptyElement(kW, QStringLiteral("abstractNumId"));
            xml.writeAttribute(kW, QStringLiteral("val"), QString::number(base + i + 1));
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndDocument();
        return bytes;
    }

    void element(const QString& name, const QString& value,
                 const QString& attribute = QStringLiteral("val")) {
        xml_.writeEmptyElement(kW, name);
        xml_.writeAttribute(kW, attribute, value);
    }

    const QTextDocument& doc_;
    const DocumentFacts& facts_;
    const double textWidth_; // twips
    QByteArray bytes_;
    QXmlStreamWriter xml_{&bytes_};
    Body body_;
    std::vector<Heading> headings_;
    std::size_t firstEntry_ = 0, headingsWritten_ = 0;
    bool contentsSeen_ = false, breakBefore_ = false;
    int drawings_ = 0;
    std::map<QString, QString> pictureIds_;
    std::map<const QTextList*, int> lists_;
    std::vector<QTextListFormat::Style> listStyles_;
};

} // namespace

Body bodyOf(const QTextDocument& doc, const DocumentFacts& facts) {
    BodyWriter writer(doc, facts);
    Body body = writer.write();
    return body;
}

} // namespace mw::docx
