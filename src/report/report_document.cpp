// From the report's HTML sections to one QTextDocument: styles, fonts, the painted radar and table rows.
#include "report/document_objects.hpp"
#include "report/exports.hpp"
#include "report/file_output.hpp"
#include "report/report_document_p.hpp"
#include "report/report_table.hpp"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QDate>
#include <QFontMetricsF>
#include <QImage>
#include <QImageReader>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSaveFile>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextDocumentWriter>
#include <QTextList>
#include <QTextObjectInterface>
#include <QTextTable>

#include <algorithm>
#include <cmath>

namespace mw {

namespace {

// One bold weight and few sizes: every distinct size and weight costs a font engine, and setting one up
// (fontconfig substitution included) is a visible part of writing a report.
// Headings carry the block state kKeepWithNext ("-qt-user-state"), which pagination reads; the cover's
// title lines and captions carry theirs, which give them their styles in a DOCX.
const char* const kStyleSheet = R"CSS(
h1 { font-size: 17pt; color: #17365d; font-weight: bold; margin-top: 6px; margin-bottom: 10px; -qt-user-state: 1; }
h2 { font-size: 13pt; color: #1f4e79; font-weight: bold; margin-top: 16px; margin-bottom: 6px; -qt-user-state: 1; }
p { margin-top: 0px; margin-bottom: 7px; }
td, th { padding: 4px; }
th { color: #17365d; font-weight: bold; text-align: left; }
.muted { color: #5a6673; }
.intro { color: #5a6673; -qt-user-state: 1; }
.intro-meta { color: #33414f; margin-bottom: 2px; -qt-user-state: 1; }
.question { margin-top: 9px; margin-bottom: 2px; font-weight: bold; -qt-user-state: 1; }
.meta { color: #33414f; margin-bottom: 2px; }
.floor-note { -qt-user-state: 1; }
.label { color: #1f4e79; font-weight: bold; }
.evidence-image { margin-top: 4px; margin-bottom: 2px; -qt-user-state: 1; }
.caption { color: #5a6673; margin-bottom: 9px; -qt-user-state: 4; }
.numbered { margin-left: 40px; margin-bottom: 5px; -qt-user-state: 5; }
.cover-title { font-size: 26pt; font-weight: bold; color: #17365d; -qt-user-state: 2; }
.cover-subtitle { font-size: 15pt; color: #1f4e79; -qt-user-state: 3; }
)CSS";

// Numbered items have their number typed, which the PDF paints as text; in a word processor they become a
// numbered list, which it renumbers when an item is added or removed.
void makeNumberedItemsLists(QTextDocument& doc) {
    static const QRegularExpression typedNumber(QStringLiteral("^\\d+\\.\\x{00A0}\\x{00A0}"));
    QTextList* list = nullptr;
    for (QTextBlock block = doc.begin(); block.isValid(); block = block.next()) {
        const auto number = typedNumber.match(block.text());
        if (block.userState() != kNumberedItem || !number.hasMatch()) {
            list = nullptr;
            continue;
        }
        QTextCursor cursor(block);
        cursor.setPosition(block.position() + static_cast<int>(number.capturedLength()),
                           QTextCursor::KeepAnchor);
        cursor.removeSelectedText();
        QTextBlockFormat format = cursor.blockFormat();
        format.clearProperty(QTextFormat::BlockLeftMargin);
        cursor.setBlockFormat(format);
        if (list) {
            list->add(cursor.block());
        } else {
            QTextListFormat numbered;
            numbered.setStyle(QTextListFormat::ListDecimal);
            numbered.setIndent(1);
            list = cursor.createList(numbered);
        }
    }
}

} // namespace

QFont documentFont() {
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSizeF(9.5);
    font.setStyleHint(QFont::SansSerif);
    // No ligatures: text copied out of the PDF must read "fi", not the single ligature glyph.
    font.setStyleStrategy(QFont::PreferNoShaping);
    // Print needs no hinting: outlines are scaled by the viewer, and skipping the TrueType bytecode makes
    // glyph loading several times cheaper.
    font.setHintingPreference(QFont::PreferNoHinting);
    return font;
}

namespace {

QFont radarFont() {
    QFont font = documentFont();
    font.setPointSizeF(8.5);
    return font;
}

} // namespace

ReportFontPreload::ReportFontPreload()
    : thread_([] {
        // Resolving the two weights fills the shared font database and fontconfig's caches; the font
        // engines themselves are per thread and are created again where the report is drawn.
        QFont font = documentFont();
        (void)QFontMetricsF(font).height();
        font.setWeight(QFont::Bold);
        (void)QFontMetricsF(font).height();
    }) {}

ReportFontPreload::~ReportFontPreload() {
    if (thread_.joinable())
        thread_.join();
}

QImage loadLogo(const QString& path) {
    if (path.isEmpty())
        return {};
    QImageReader reader(path);
    reader.setAutoTransform(true);
    return reader.read();
}

namespace {

// Whether every row of a table, with its header, is shorter than the page: a painted row cannot split.
// The layouts stay with the painter for drawing.
bool rowsFitOnAPage(TablePainter& rows, std::size_t count, const QPaintDevice* device, const QSizeF& body) {
    if (body.isEmpty())
        return true;
    // A continued page repeats the header above its first row, so the header counts against every row; a
    // header taller than the page (a group named with a whole paragraph) cannot be painted at all.
    const double header = rows.hasHeader() ? rows.headerHeight(body.width(), device) : 0;
    for (std::size_t row = 0; row < count; ++row)
        if (header + rows.rowHeight(static_cast<int>(row), body.width(), device) > body.height() * 0.9)
            return false;
    return true;
}

const QString kPageBreak = QStringLiteral("<p style=\"page-break-after: always;\"></p>");

} // namespace

// The contents table comes last in objects->tables, its page column empty.
std::unique_ptr<QTextDocument> assemble(const ReportHtml& html, Target target, const QImage& logo,
                                        QPaintDevice* device, const QSizeF& bodySize,
                                        DocumentObjects* objects) {
    auto doc = std::make_unique<QTextDocument>();
    doc->setDefaultFont(documentFont());
    doc->setDefaultStyleSheet(QString::fromLatin1(kStyleSheet));
    doc->setDocumentMargin(0);
    doc->setUseDesignMetrics(true); // unhinted advances: print layout independent of device resolution
    if (device)
        doc->documentLayout()->setPaintDevice(device);
    if (!logo.isNull())
        doc->addResource(QTextDocument::ImageResource, QUrl(QStringLiteral("mw-logo")), logo);
    std::vector<ReportTable> tables = html.tables;
    tables.push_back(html.contents({}));
    QString body = html.cover + kPageBreak + QStringLiteral("<h1>Contents</h1>") +
                   tableMarker(tables.size() - 1) + kPageBreak + html.body;

    // Evidence photos at most 8 by 6 cm: the PDF's layout counts 72 units to the inch, a word processor 96.
    const double unitsPerCm = (target == Target::Pdf ? 72.0 : 96.0) / 2.54;
    for (std::size_t i = 0; i < html.images.size(); ++i) {
        const auto& [name, image] = html.images[i];
        doc->addResource(QTextDocument::ImageResource, QUrl(name), image);
        const double scale = std::min({8 * unitsPerCm / image.width(), 6 * unitsPerCm / image.height(), 1.0});
        body.replace(imageMarker(i), QStringLiteral("<img src=\"%1\" width=\"%2\" height=\"%3\"/>")
                                         .arg(name)
                                         .arg(qRound(image.width() * scale))
                                         .arg(qRound(image.height() * scale)));
    }
    for (std::size_t i = 0; i < html.charts.size(); ++i) {
        const QString name = QStringLiteral("mw-radar-%1").arg(i);
        if (target == Target::WordProcessor) {
            // Word processors get a picture: 1800 x 1330 pixels, shown 600 pixels (450 points, as wide as
            // the PDF's radar) wide, its labels at the PDF's size.
            constexpr double kShownPoints = 450;
            QImage image(QSize(1800, 1330), QImage::Format_RGB32); // opaque: the PNG needs no alpha channel
            image.fill(Qt::white);
            QPainter painter(&image);
            QFont font = radarFont();
            font.setPixelSize(qRound(font.pointSizeF() * image.width() / kShownPoints));
            RadarRenderer::paint(painter, html.charts[i], QRectF(0, 0, 1800, 1330), font);
            painter.end();
            doc->addResource(QTextDocument::ImageResource, QUrl(name + ".png"), image);
            body.replace(radarMarker(i),
                         QStringLiteral("<img src=\"%1.png\" width=\"600\" height=\"443\"/>").arg(name));
        } else {
            body.replace(radarMarker(i), QStringLiteral("<img src=\"%1\"/>").arg(name));
        }
    }
    for (std::size_t i = 0; i < html.timelines.size(); ++i) {
        const QString name = QStringLiteral("mw-timeline-%1").arg(i);
        if (target == Target::WordProcessor) {
            // A picture 1800 pixels wide, shown 17 cm (482 points) wide with its type at the PDF's size.
            constexpr int kWidth = 1800;
            constexpr double kShownPoints = 482;
            QFont font = radarFont();
            font.setPixelSize(qRound(font.pointSizeF() * kWidth / kShownPoints));
            const int height =
                static_cast<int>(std::ceil(TimelineRenderer::heightFor(html.timelines[i], kWidth, font)));
            QImage image(QSize(kWidth, height), QImage::Format_RGB32);
            image.fill(Qt::white);
            QPainter painter(&image);
            TimelineRenderer::paint(painter, html.timelines[i], QRectF(0, 0, kWidth, height), font);
            painter.end();
            doc->addResource(QTextDocument::ImageResource, QUrl(name + ".png"), image);
            body.replace(timelineMarker(i),
                         QStringLiteral("<img src=\"%1.png\" width=\"643\" height=\"%2\"/>")
                             .arg(name)
                             .arg(qRound(643.0 * height / kWidth)));
        } else {
            body.replace(timelineMarker(i), QStringLiteral("<img src=\"%1\"/>").arg(name));
        }
    }
    for (std::size_t i = 0; i < tables.size(); ++i) {
        QString replacement;
        auto header = ReportTable::HeaderRow::Repeated;
        if (target == Target::Pdf) {
            objects->tables.push_back(std::make_unique<TablePainter>(tables[i], documentFont()));
            if (!bodySize.isEmpty() && objects->tables.back()->hasHeader() &&
                objects->tables.back()->headerHeight(bodySize.width(), device) > bodySize.height() * 0.5)
                header = ReportTable::HeaderRow::Once;
            if (rowsFitOnAPage(*objects->tables.back(), tables[i].rows.size(), device, bodySize)) {
                for (std::size_t row = 0; row < tables[i].rows.size(); ++row)
                    replacement += QStringLiteral("<p style=\"margin-top:0px; margin-bottom:%1px;\">"
                                                  "<img src=\"mw-row-%2-%3\"/></p>")
                                       .arg(row + 1 == tables[i].rows.size() ? 14 : 0)
                                       .arg(i)
                                       .arg(row);
                body.replace(tableMarker(i), replacement);
                continue;
            }
        }
        // The word processor's table, and the PDF's for a row too tall for one page (the rich-text table can
        // split a cell across pages; a painted row cannot).
        if (!tables[i].rows.empty())
            replacement = tables[i].toHtml(target == Target::Pdf ? ReportTable::CellShading::Cells
                                                                 : ReportTable::CellShading::None,
                                           header);
        body.replace(tableMarker(i), replacement);
    }
    if (target == Target::Pdf) {
        objects->charts = html.charts;
        objects->timelines = html.timelines;
        objects->radarFont = radarFont();
        doc->documentLayout()->registerHandler(QTextFormat::ImageObject, objects);
    }
    doc->setHtml(body);
    if (target == Target::WordProcessor)
        makeNumberedItemsLists(*doc);
    if (target == Target::Pdf) {
        // Keep each line's shaped glyphs from layout to drawing: by default the text layout drops them to
        // save memory and shapes every line again when it is painted.
        for (QTextBlock block = doc->begin(); block.isValid(); block = block.next())
            block.layout()->setCacheEnabled(true);
    }
    // The page size last, once the caches are on: it starts the pass that lays out and paginates the report.
    if (!bodySize.isEmpty())
        doc->setPageSize(bodySize);
    return doc;
}

} // namespace mw
