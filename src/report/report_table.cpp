#include "report/report_table.hpp"

#include <QPaintDevice>
#include <QPainter>
#include <QTextLayout>

#include <cmath>
#include <numeric>

namespace mw {

namespace {

const QColor kHeaderText(0x17, 0x36, 0x5d);
const QColor kHeaderFill(0xdc, 0xe6, 0xf0);
const QColor kShadedFill(0xf4, 0xf7, 0xfa);

QColor toneColor(TableCell::Tone tone) {
    switch (tone) {
    case TableCell::Tone::Muted:
        return report_colors::muted;
    case TableCell::Tone::Good:
        return {0x1e, 0x7b, 0x34};
    case TableCell::Tone::Bad:
        return {0xb3, 0x26, 0x1e};
    case TableCell::Tone::Normal:
        break;
    }
    return report_colors::text;
}

constexpr double kIndentPoints = 12;

struct Padding {
    double horizontal; // points
    double vertical;
};

Padding paddingFor(ReportTable::Style style) {
    switch (style) {
    case ReportTable::Style::Grid:
        return {3.5, 2.6};
    case ReportTable::Style::Plain:
        return {0, 2.6};
    case ReportTable::Style::Contents:
        return {2, 1.9};
    }
    return {3.5, 2.6};
}

} // namespace

QString ReportTable::toHtml(CellShading shading, HeaderRow header) const {
    QString html;
    switch (style) {
    case Style::Grid:
        html = QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"4\" border=\"1\" "
                              "style=\"border-color:#b8c2cc; border-style:solid; margin-bottom:10px;\">");
        break;
    case Style::Plain:
        html = QStringLiteral("<table cellspacing=\"0\" cellpadding=\"4\">");
        break;
    case Style::Contents:
        html = QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"3\">");
        break;
    }
    auto width = [&](std::size_t column) {
        return column < widthPercents.size() && widthPercents[column] > 0
                   ? QStringLiteral(" width=\"%1%\"").arg(widthPercents[column])
                   : QString();
    };
    if (!headers.isEmpty()) {
        html += header == HeaderRow::Repeated ? QStringLiteral("<thead><tr>") : QStringLiteral("<tr>");
        for (qsizetype i = 0; i < headers.size(); ++i)
            html +=
                QStringLiteral("<th%1%2%3>%4</th>")
                    .arg(shading == CellShading::Cells ? QStringLiteral(" bgcolor=\"#dce6f0\"") : QString(),
                         width(i),
                         alignsRight(static_cast<std::size_t>(i)) ? QStringLiteral(" align=\"right\"")
                                                                  : QString(),
                         headers[i].toHtmlEscaped());
        html += header == HeaderRow::Repeated ? QStringLiteral("</tr></thead>") : QStringLiteral("</tr>");
    }
    bool shaded = false;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        html += shaded && shading == CellShading::Cells ? QStringLiteral("<tr bgcolor=\"#f4f7fa\">")
                                                        : QStringLiteral("<tr>");
        for (std::size_t c = 0; c < rows[r].size(); ++c) {
            const TableCell& cell = rows[r][c];
            QString text =
                QStringLiteral("&nbsp;&nbsp;&nbsp;&nbsp;").repeated(cell.indent) + cell.text.toHtmlEscaped();
            if (cell.bold)
                text = QStringLiteral("<b>%1</b>").arg(text);
            if (cell.tone != TableCell::Tone::Normal)
                text = QStringLiteral("<span style=\"color:%1;\">%2</span>")
                           .arg(toneColor(cell.tone).name(), text);
            const QString align = alignsRight(c) ? QStringLiteral(" align=\"right\"") : QString();
            html += QStringLiteral("<td%1%2>%3</td>")
                        .arg(r == 0 && headers.isEmpty() ? width(c) : QString(), align, text);
        }
        html += QStringLiteral("</tr>");
        shaded = style == Style::Grid && !shaded;
    }
    return html + QStringLiteral("</table>");
}

TablePainter::TablePainter(const ReportTable& table, QFont font)
    : table_(table)
    , font_(std::move(font))
    , lines_(table.rows.size()) {}

TablePainter::~TablePainter() = default;

double TablePainter::unit(const QPaintDevice* device) const {
    return (device ? device->logicalDpiY() : 96) / 72.0;
}

std::vector<double> TablePainter::columnEdges(double width) const {
    const std::size_t columns = table_.widthPercents.size();
    const double total = std::accumulate(table_.widthPercents.begin(), table_.widthPercents.end(), 0.0);
    std::vector<double> edges{0};
    for (std::size_t c = 0; c < columns; ++c)
        edges.push_back(edges.back() + width * table_.widthPercents[c] / (total > 0 ? total : 1));
    return edges;
}

TablePainter::Line TablePainter::layoutLine(const std::vector<TableCell>& cells, bool header, double width,
                                            const QPaintDevice* device) {
    const Padding padding = paddingFor(table_.style);
    const double u = unit(device);
    const std::vector<double> edges = columnEdges(width);
    Line line;
    double tallest = 0;
    for (std::size_t c = 0; c < cells.size() && c + 1 < edges.size(); ++c) {
        const bool bold = header || cells[c].bold;
        // Registers repeat the same few texts (dimensions, levels, dates) down a column: lay each out once.
        const QString key = QString::number(c) + QLatin1Char(bold ? 'b' : 'r') +
                            QString::number(cells[c].indent) + QLatin1Char('|') + cells[c].text;
        if (const auto known = cellLayouts_.constFind(key); known != cellLayouts_.cend()) {
            tallest = std::max(tallest, known->height);
            line.cells.push_back(known->layout);
            continue;
        }
        QFont font = font_;
        if (bold)
            font.setWeight(QFont::Bold);
        auto layout = std::make_shared<QTextLayout>(cells[c].text, font, const_cast<QPaintDevice*>(device));
        QTextOption option(table_.alignsRight(c) ? Qt::AlignRight : Qt::AlignLeft);
        option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
        option.setUseDesignMetrics(true);
        layout->setTextOption(option);
        layout->setCacheEnabled(true); // keep the shaped glyphs for drawing
        const double available =
            edges[c + 1] - edges[c] - 2 * padding.horizontal * u - cells[c].indent * kIndentPoints * u;
        double y = 0;
        layout->beginLayout();
        for (QTextLine textLine = layout->createLine(); textLine.isValid(); textLine = layout->createLine()) {
            textLine.setLineWidth(std::max(available, 1.0));
            textLine.setPosition(QPointF(0, y));
            y += textLine.height();
        }
        layout->endLayout();
        tallest = std::max(tallest, y);
        cellLayouts_.insert(key, {layout, y});
        line.cells.push_back(std::move(layout));
    }
    line.height = tallest + 2 * padding.vertical * u;
    return line;
}

void TablePainter::forgetLayoutsUnless(double width, const QPaintDevice* device) {
    // The text layout hands objects their width back in 64ths of a unit: a hair's difference is the same
    // width.
    if (std::abs(width - width_) < 0.5 && device == device_)
        return;
    width_ = width;
    device_ = device;
    header_.reset();
    cellLayouts_.clear();
    lines_.clear();
    lines_.resize(table_.rows.size());
}

double TablePainter::headerHeight(double width, const QPaintDevice* device) {
    if (!hasHeader())
        return 0;
    forgetLayoutsUnless(width, device);
    if (!header_) {
        std::vector<TableCell> cells;
        for (const QString& text : table_.headers)
            cells.push_back({text});
        header_ = layoutLine(cells, true, width, device);
    }
    return header_->height;
}

double TablePainter::rowHeight(int row, double width, const QPaintDevice* device) {
    const double header = row == 0 ? headerHeight(width, device) : 0;
    forgetLayoutsUnless(width, device);
    if (row < 0 || row >= static_cast<int>(lines_.size()))
        return 0;
    auto& line = lines_[static_cast<std::size_t>(row)];
    if (!line)
        line = layoutLine(table_.rows[static_cast<std::size_t>(row)], false, width, device);
    return header + line->height;
}

void TablePainter::setCellText(int row, int column, const QString& text) {
    if (row < 0 || row >= static_cast<int>(table_.rows.size()))
        return;
    auto& cells = table_.rows[static_cast<std::size_t>(row)];
    if (column < 0 || column >= static_cast<int>(cells.size()))
        return;
    cells[static_cast<std::size_t>(column)].text = text;
    lines_[static_cast<std::size_t>(row)].reset();
}

void TablePainter::paintLine(QPainter& painter, const Line& line, const std::vector<TableCell>& cells,
                             bool header, bool shaded, const QRectF& rect) const {
    const Padding padding = paddingFor(table_.style);
    const double u = unit(painter.device());
    const std::vector<double> edges = columnEdges(rect.width());
    const QRectF box(rect.left(), rect.top(), rect.width(), line.height);
    if (table_.style == ReportTable::Style::Grid && (header || shaded))
        painter.fillRect(box, header ? kHeaderFill : kShadedFill);
    for (std::size_t c = 0; c < line.cells.size(); ++c) {
        painter.setPen(header ? kHeaderText : toneColor(cells[c].tone));
        const QPointF origin(rect.left() + edges[c] + padding.horizontal * u +
                                 cells[c].indent * kIndentPoints * u,
                             rect.top() + padding.vertical * u);
        line.cells[c]->draw(&painter, origin);
    }
    if (table_.style != ReportTable::Style::Grid)
        return;
    painter.setPen(QPen(report_colors::rule, 0.6 * u));
    if (header)
        painter.drawLine(box.topLeft(), box.topRight());
    painter.drawLine(box.bottomLeft(), box.bottomRight());
    // Flat ends: a square cap would poke out of the row, onto the page above a row that opens a page.
    painter.setPen(QPen(report_colors::rule, 0.6 * u, Qt::SolidLine, Qt::FlatCap));
    for (const double x : edges)
        painter.drawLine(QPointF(box.left() + x, box.top()), QPointF(box.left() + x, box.bottom()));
}

void TablePainter::paintHeader(QPainter& painter, double left, double top, double width) {
    if (!hasHeader())
        return;
    headerHeight(width, painter.device());
    std::vector<TableCell> cells;
    for (const QString& text : table_.headers)
        cells.push_back({text});
    paintLine(painter, *header_, cells, true, false, QRectF(left, top, width, header_->height));
}

void TablePainter::paintRow(QPainter& painter, int row, const QRectF& rect) {
    if (row < 0 || row >= static_cast<int>(lines_.size()))
        return;
    double top = rect.top();
    if (row == 0 && hasHeader()) {
        paintHeader(painter, rect.left(), top, rect.width());
        top += header_->height;
    }
    rowHeight(row, rect.width(), painter.device()); // lays the row out again if the cell text changed
    const auto& cells = table_.rows[static_cast<std::size_t>(row)];
    paintLine(painter, *lines_[static_cast<std::size_t>(row)], cells, false, row % 2 == 1,
              QRectF(rect.left(), top, rect.width(), rect.bottom() - top));
    if (row == 0 && !hasHeader() && table_.style == ReportTable::Style::Grid) {
        painter.setPen(QPen(report_colors::rule, 0.6 * unit(painter.device())));
        painter.drawLine(QPointF(rect.left(), top), QPointF(rect.right(), top));
    }
}

} // namespace mw
