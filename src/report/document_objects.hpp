#pragma once
// Internal to maturity_report: the objects a PDF report paints itself.
#include "report/radar.hpp"
#include "report/report_table.hpp"
#include "report/timeline.hpp"

#include <QAbstractTextDocumentLayout>
#include <QObject>
#include <QPainter>
#include <QTextDocument>
#include <QTextObjectInterface>

#include <memory>
#include <vector>

namespace mw {

// Draws the document's objects. "mw-radar-N" is painted by RadarRenderer straight into the page (vector in a
// PDF, identical to the screen), "mw-timeline-N" by TimelineRenderer; "mw-row-T-R" is row R of table T,
// painted by TablePainter; anything else (the logo) is a picture from the document's resources. Taking over
// these objects lets the whole report come from one setHtml call and one layout, with rows that paginate like
// lines of text.
class DocumentObjects : public QObject, public QTextObjectInterface {
    Q_OBJECT
    Q_INTERFACES(QTextObjectInterface)
public:
    std::vector<RadarChart> charts;
    std::vector<TimelineChart> timelines;
    std::vector<std::unique_ptr<TablePainter>> tables;
    QFont radarFont;
    double pageTop = -1; // document coordinates of the page being drawn
    struct ContinuedHeader {
        TablePainter* rows;
        QRectF firstRow; // the row that opens the page
    };
    std::vector<ContinuedHeader> continuedHeaders; // for the page being drawn

    void paintContinuedHeaders(QPainter& painter) {
        for (const auto& [rows, firstRow] : continuedHeaders) {
            const double height = rows->headerHeight(firstRow.width(), painter.device());
            rows->paintHeader(painter, firstRow.left(), firstRow.top() - height, firstRow.width());
        }
        continuedHeaders.clear();
    }

    QSizeF intrinsicSize(QTextDocument* doc, int, const QTextFormat& format) override {
        const QTextImageFormat image = format.toImageFormat();
        const double width = doc->pageSize().width() > 0 ? doc->pageSize().width() : doc->textWidth();
        if (radarIndex(image) >= 0)
            return {width * 0.94, width * 0.94 * 0.8};
        if (const int index = timelineIndex(image); index >= 0)
            return {width, TimelineRenderer::heightFor(timelines[static_cast<std::size_t>(index)], width,
                                                       radarFont, doc->documentLayout()->paintDevice())};
        if (const auto [table, row] = rowIndex(image); table >= 0)
            return {width, tables[static_cast<std::size_t>(table)]->rowHeight(
                               row, width, doc->documentLayout()->paintDevice())};
        const QImage picture =
            doc->resource(QTextDocument::ImageResource, QUrl(image.name())).value<QImage>();
        if (picture.isNull())
            return {};
        // The HTML gives a height in points; scale it to the paint device like text.
        const double scale = doc->documentLayout()->paintDevice()
                                 ? doc->documentLayout()->paintDevice()->logicalDpiY() / 72.0
                                 : 96.0 / 72.0;
        const double height = image.height() > 0 ? image.height() * scale : picture.height();
        return {height * picture.width() / picture.height(), height};
    }
    void drawObject(QPainter* painter, const QRectF& rect, QTextDocument* doc, int,
                    const QTextFormat& format) override {
        const QTextImageFormat image = format.toImageFormat();
        if (const int index = radarIndex(image); index >= 0) {
            RadarRenderer::paint(*painter, charts[static_cast<std::size_t>(index)], rect, radarFont,
                                 RadarColors());
            return;
        }
        if (const int index = timelineIndex(image); index >= 0) {
            TimelineRenderer::paint(*painter, timelines[static_cast<std::size_t>(index)], rect, radarFont);
            return;
        }
        if (const auto [table, row] = rowIndex(image); table >= 0) {
            TablePainter& rows = *tables[static_cast<std::size_t>(table)];
            rows.paintRow(*painter, row, rect);
            // A row that opens the page being drawn, in the middle of a table, repeats the header above
            // it, in the top margin, as a printed table does. The page paints it once the text is drawn.
            const double tolerance = painter->device()->logicalDpiY() / 72.0 * 2;
            if (row > 0 && rows.hasHeader() && std::abs(rect.top() - pageTop) < tolerance)
                continuedHeaders.push_back({&rows, rect});
            return;
        }
        const QImage picture =
            doc->resource(QTextDocument::ImageResource, QUrl(image.name())).value<QImage>();
        if (!picture.isNull())
            painter->drawImage(rect, picture);
    }

private:
    int radarIndex(const QTextImageFormat& image) const {
        if (!image.name().startsWith(QLatin1String("mw-radar-")))
            return -1;
        const int index = image.name().mid(9).toInt();
        return index < static_cast<int>(charts.size()) ? index : -1;
    }
    int timelineIndex(const QTextImageFormat& image) const {
        if (!image.name().startsWith(QLatin1String("mw-timeline-")))
            return -1;
        const int index = image.name().mid(12).toInt();
        return index < static_cast<int>(timelines.size()) ? index : -1;
    }
    std::pair<int, int> rowIndex(const QTextImageFormat& image) const {
        if (!image.name().startsWith(QLatin1String("mw-row-")))
            return {-1, -1};
        const QStringList parts = image.name().mid(7).split(QLatin1Char('-'));
        const int table = parts.value(0).toInt();
        if (parts.size() != 2 || table >= static_cast<int>(tables.size()))
            return {-1, -1};
        return {table, parts[1].toInt()};
    }
};

} // namespace mw
