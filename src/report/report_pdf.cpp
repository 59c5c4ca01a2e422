// The PDF: page geometry, headings kept with their text, each page's lines drawn once, and the running
// header and footer.
#include "report/document_objects.hpp"
#include "report/exports.hpp"
#include "report/report_document_p.hpp"
#include "report/report_table.hpp"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>

#include <cmath>

namespace mw {

namespace {

struct PageGeometry {
    QSizeF page; // device pixels
    QMarginsF margins;
    QSizeF body() const {
        return {page.width() - margins.left() - margins.right(),
                page.height() - margins.top() - margins.bottom()};
    }
};

constexpr int kPdfResolution = 300;

PageGeometry geometryFor(QPageSize::PageSizeId id) {
    const QSizeF mm = QPageSize(id).size(QPageSize::Millimeter);
    const double px = kPdfResolution / 25.4;
    const QSizeF page(mm.width() * px, mm.height() * px);
    const double top = 24 * px;
    // The text layout counts in 64ths of a unit: a body height it can represent exactly keeps its page
    // boundaries and ours identical, so no line is drawn on two pages.
    const double body = std::floor((page.height() - top - 22 * px) * 64) / 64;
    return {page, QMarginsF(20 * px, top, 20 * px, page.height() - top - body)};
}

// Where line `line` of a laid-out block sits, in document coordinates: a line belongs to the page its middle
// is on (the block's top is no guide, since its top margin may lie on the page before).
double lineMiddle(const QTextBlock& block, int line) {
    const QTextLayout* layout = block.layout();
    const QTextLine textLine = layout->lineAt(line);
    return layout->position().y() + textLine.y() + textLine.height() / 2;
}

// Page (1-based) of each heading, in the order ReportHtml recorded them. The document is laid out.
std::vector<int> headingPages(const QTextDocument& doc, double bodyHeight) {
    std::vector<int> pages;
    for (QTextBlock block = doc.begin(); block.isValid(); block = block.next()) {
        const int level = block.blockFormat().headingLevel();
        if (level < 1 || level > 2 || block.text() == QLatin1String("Contents"))
            continue;
        const double y =
            block.layout()->lineCount() > 0 ? lineMiddle(block, 0) : block.layout()->position().y();
        pages.push_back(static_cast<int>(y / bodyHeight) + 1);
    }
    return pages;
}

// A heading (a section's or a question's) that is split across two pages, or left at the foot of a page
// while the line after it starts the next, reads as a printing fault: such a heading starts the next page,
// with any heading right above it. Each move lays the rest of the report out again, so headings are checked
// in order.
void keepHeadingsWithNextLine(QTextDocument& doc, double bodyHeight) {
    const auto pageOf = [bodyHeight](const QTextBlock& block, int line) {
        return static_cast<int>(lineMiddle(block, line) / bodyHeight);
    };
    (void)doc.pageCount(); // the layout runs lazily until something needs all of it
    QTextCursor cursor(&doc);
    for (QTextBlock block = doc.begin(); block.isValid(); block = block.next()) {
        if (block.userState() != kKeepWithNext || block.layout()->lineCount() == 0)
            continue;
        const QTextBlock next = block.next();
        const int lastPage = next.isValid() && next.layout()->lineCount() > 0
                                 ? pageOf(next, 0)
                                 : pageOf(block, block.layout()->lineCount() - 1);
        if (pageOf(block, 0) == lastPage)
            continue;
        // A heading right above goes along ("Later (12+ months)" and the first question under it).
        QTextBlock first = block;
        while (first.previous().isValid() && first.previous().userState() == kKeepWithNext &&
               first.previous().layout()->lineCount() > 0 && pageOf(first.previous(), 0) == pageOf(block, 0))
            first = first.previous();
        QTextBlockFormat newPage;
        newPage.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
        cursor.setPosition(first.position());
        cursor.mergeBlockFormat(newPage);
        (void)doc.pageCount(); // finishes the new layout before the next heading is looked at
    }
}

// Draws the lines of `doc` that belong to `page` (document coordinates): those whose middle lies on it.
// Qt's own document drawing also draws the line just above its clip rectangle, so the last line of each
// page would be printed again, hidden by the clip, at the top of the next: search and copied text find it
// twice. Documents with frames of their own (rich-text tables) are left to Qt.
void drawLinesOfPage(QPainter& painter, QTextDocument& doc, const QRectF& page) {
    for (QTextBlock block = doc.begin(); block.isValid(); block = block.next()) {
        const QTextLayout* layout = block.layout();
        const QPointF origin = layout->position();
        const QRectF bounds = layout->boundingRect().translated(origin);
        if (bounds.bottom() < page.top())
            continue;
        if (bounds.top() >= page.bottom())
            break;
        for (int i = 0; i < layout->lineCount(); ++i) {
            const double middle = lineMiddle(block, i);
            if (middle >= page.top() && middle < page.bottom())
                layout->lineAt(i).draw(&painter, origin);
        }
    }
}

// The running header (not on the cover), the rule and the footer with the page number.
void drawPageFurniture(QPainter& painter, const PageGeometry& geometry, int page, int pageCount,
                       const QString& runningTitle, const QString& consultancy) {
    QFont small = documentFont();
    small.setPointSizeF(7.5);
    painter.setFont(small);
    painter.setPen(report_colors::muted);
    const double left = geometry.margins.left();
    const double width = geometry.body().width();
    if (page > 0) { // the cover carries no running header
        const double headerY = geometry.margins.top() * 0.45;
        const QRectF header(left, headerY - 60, width, 60);
        painter.drawText(header, Qt::AlignLeft | Qt::AlignBottom, runningTitle);
        if (!consultancy.isEmpty())
            painter.drawText(header, Qt::AlignRight | Qt::AlignBottom, consultancy);
        painter.setPen(QPen(report_colors::rule, 2));
        painter.drawLine(QPointF(left, headerY + 12), QPointF(left + width, headerY + 12));
    }
    painter.setPen(QPen(report_colors::rule, 2));
    const double footerY = geometry.page.height() - geometry.margins.bottom() * 0.55;
    painter.drawLine(QPointF(left, footerY - 12), QPointF(left + width, footerY - 12));
    painter.setPen(report_colors::muted);
    const QRectF footer(left, footerY, width, 60);
    painter.drawText(footer, Qt::AlignLeft | Qt::AlignTop,
                     QStringLiteral("Confidential: prepared for the client named on the cover"));
    painter.drawText(footer, Qt::AlignRight | Qt::AlignTop,
                     QStringLiteral("Page %1 of %2").arg(page + 1).arg(pageCount));
}

} // namespace

Result<void> paginateToPdf(const ReportHtml& html, const ReportOptions& options, const QString& path,
                           const QString& runningTitle) {
    const PageGeometry geometry = geometryFor(options.pageSize);
    const QImage logo = loadLogo(options.branding.logoPath);
    // Write to a temporary file beside the target and move it into place, so a failure leaves no half file.
    QSaveFile output(path);
    if (!output.open(QIODevice::WriteOnly))
        return fail(path.toStdString() + ": cannot write (" + output.errorString().toStdString() + ")");
    QPdfWriter writer(&output);
    writer.setResolution(kPdfResolution);
    writer.setPageSize(QPageSize(options.pageSize));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    writer.setTitle(runningTitle);
    writer.setCreator(QStringLiteral("Maturity Workbench"));

    DocumentObjects objects;
    auto doc = assemble(html, Target::Pdf, logo, &writer, geometry.body(), &objects);
    keepHeadingsWithNextLine(*doc, geometry.body().height());
    // The contents table leaves its page column empty; once the report is paginated, the numbers go into
    // that column. They do not change any row's height, so the pages stay as they are.
    const std::vector<int> pages = headingPages(*doc, geometry.body().height());
    for (std::size_t i = 0; i < pages.size(); ++i)
        objects.tables.back()->setCellText(static_cast<int>(i), 1, QString::number(pages[i]));
    const int pageCount = doc->pageCount();

    // Rich-text tables (the fallback for a table row taller than a page) are frames with text in them. The
    // HTML import also leaves empty frames behind objects; those draw nothing.
    const QList<QTextFrame*> frames = doc->rootFrame()->childFrames();
    const bool hasTextFrames = std::any_of(frames.begin(), frames.end(), [](const QTextFrame* frame) {
        return frame->lastPosition() >= frame->firstPosition();
    });
    QPainter painter;
    if (!painter.begin(&writer))
        return fail(path.toStdString() + ": cannot start the PDF");
    const double body_h = geometry.body().height();
    for (int page = 0; page < pageCount; ++page) {
        if (page > 0)
            writer.newPage();
        painter.save();
        painter.translate(geometry.margins.left(), geometry.margins.top() - page * body_h);
        const QRectF pageRect(0, page * body_h, geometry.body().width(), body_h);
        // Nothing spills into the margins above and below the text; the clip reaches sideways, so that table
        // borders on the edges of the text are drawn whole.
        painter.setClipRect(pageRect.adjusted(-geometry.margins.left(), 0, geometry.margins.right(), 0));
        objects.pageTop = pageRect.top();
        if (hasTextFrames) {
            // Only this page's lines, one unit in from its edges, so that a line starting exactly where the
            // next page begins is drawn there and not here as well.
            QAbstractTextDocumentLayout::PaintContext context;
            context.clip = pageRect.adjusted(0, 1, 0, -1);
            context.palette.setColor(QPalette::Text, report_colors::text);
            doc->documentLayout()->draw(&painter, context);
        } else {
            painter.setPen(report_colors::text); // the colour of text without one of its own
            drawLinesOfPage(painter, *doc, pageRect);
        }
        // Then the headers of tables continued from the previous page, just above the text area.
        painter.setClipRect(QRectF(-geometry.margins.left(), pageRect.top() - geometry.margins.top() * 0.4,
                                   geometry.page.width(), geometry.margins.top() * 0.4));
        objects.paintContinuedHeaders(painter);
        painter.restore();
        drawPageFurniture(painter, geometry, page, pageCount, runningTitle, options.branding.consultancy);
    }
    if (!painter.end())
        return fail(path.toStdString() + ": cannot finish the PDF");
    if (!output.commit())
        return fail(path.toStdString() + ": cannot write (" + output.errorString().toStdString() + ")");
    return {};
}

std::vector<int> pdfHeadingPages(const ReportHtml& html, const ReportOptions& options) {
    const PageGeometry geometry = geometryFor(options.pageSize);
    QBuffer discarded; // laid out as for the PDF, never painted
    discarded.open(QIODevice::WriteOnly);
    QPdfWriter writer(&discarded);
    writer.setResolution(kPdfResolution);
    writer.setPageSize(QPageSize(options.pageSize));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    DocumentObjects objects;
    auto doc =
        assemble(html, Target::Pdf, loadLogo(options.branding.logoPath), &writer, geometry.body(), &objects);
    keepHeadingsWithNextLine(*doc, geometry.body().height());
    return headingPages(*doc, geometry.body().height());
}

Result<void> writeReportPdf(const ReportData& data, const ReportOptions& options, const QString& path) {
    const bool hasLogo = !loadLogo(options.branding.logoPath).isNull();
    return paginateToPdf(reportHtml(data, options, hasLogo), options, path,
                         QString::fromStdString(data.client.name + " - " + data.info.title));
}

Result<void> writeComparisonPdf(const ReportData& before, const ReportData& after,
                                const ReportOptions& options, const QString& path) {
    const bool hasLogo = !loadLogo(options.branding.logoPath).isNull();
    return paginateToPdf(comparisonHtml(before, after, options, hasLogo), options, path,
                         QString::fromStdString(after.client.name + " - progress review"));
}

} // namespace mw
