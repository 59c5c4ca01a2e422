#include "report/timeline.hpp"

#include "core/report_data.hpp"
#include "report/report_table.hpp"

#include <QFontMetricsF>
#include <QPainterPath>

#include <algorithm>
#include <array>

namespace mw {

namespace {

QDate isoDate(const std::string& iso) {
    return QDate::fromString(QString::fromStdString(iso), Qt::ISODate);
}

QDate quarterStart(const QDate& date) {
    return QDate(date.year(), (date.month() - 1) / 3 * 3 + 1, 1);
}

namespace timeline_colors {
const QColor planned(0x1f, 0x6f, 0xb5);
const QColor plannedFill(0xd6, 0xe6, 0xf5);
const QColor inProgress(0x1f, 0x6f, 0xb5);
const QColor done(0x2e, 0x7d, 0x32);
const QColor dropped(0x8a, 0x93, 0x9e);
const QColor late(0xc6, 0x28, 0x28);
const QColor today(0xe0, 0x7b, 0x1a);
const QColor stripe(0xf3, 0xf5, 0xf7);
} // namespace timeline_colors

QColor statusColor(ActionStatus status) {
    switch (status) {
    case ActionStatus::Planned:
        return timeline_colors::planned;
    case ActionStatus::InProgress:
        return timeline_colors::inProgress;
    case ActionStatus::Done:
        return timeline_colors::done;
    case ActionStatus::Dropped:
        return timeline_colors::dropped;
    }
    return timeline_colors::planned;
}

// Bars: a planned action is an outline, one in progress half filled, a done one filled, a dropped one grey.
void paintBar(QPainter& painter, const QRectF& bar, ActionStatus status) {
    const QColor colour = statusColor(status);
    painter.setPen(QPen(colour, std::max(1.0, bar.height() * 0.12)));
    switch (status) {
    case ActionStatus::Planned:
        painter.setBrush(timeline_colors::plannedFill);
        break;
    case ActionStatus::InProgress:
        painter.setBrush(QBrush(colour, Qt::BDiagPattern));
        break;
    case ActionStatus::Done:
        painter.setBrush(colour);
        break;
    case ActionStatus::Dropped:
        painter.setBrush(QColor(0xe4, 0xe7, 0xea));
        break;
    }
    painter.drawRect(bar);
}

void paintMilestone(QPainter& painter, const QPointF& centre, double size, const QColor& colour) {
    QPainterPath diamond;
    diamond.moveTo(centre.x(), centre.y() - size / 2);
    diamond.lineTo(centre.x() + size / 2, centre.y());
    diamond.lineTo(centre.x(), centre.y() + size / 2);
    diamond.lineTo(centre.x() - size / 2, centre.y());
    diamond.closeSubpath();
    painter.setPen(QPen(Qt::white, size * 0.08));
    painter.setBrush(colour);
    painter.drawPath(diamond);
}

struct LegendKey {
    QString name;
    enum class Kind { Bar, Milestone, Line } kind;
    ActionStatus status;
};

const std::array<LegendKey, 6> kLegend{{
    {QStringLiteral("Planned"), LegendKey::Kind::Bar, ActionStatus::Planned},
    {QStringLiteral("In progress"), LegendKey::Kind::Bar, ActionStatus::InProgress},
    {QStringLiteral("Done"), LegendKey::Kind::Bar, ActionStatus::Done},
    {QStringLiteral("Dropped"), LegendKey::Kind::Bar, ActionStatus::Dropped},
    {QStringLiteral("Past due"), LegendKey::Kind::Milestone, ActionStatus::Planned},
    {QStringLiteral("Today"), LegendKey::Kind::Line, ActionStatus::Planned},
}};

} // namespace

std::vector<TimelineChart> actionTimelines(const ReportData& data, std::size_t rowsPerChart) {
    std::vector<TimelineChart> charts;
    const QDate today = isoDate(data.today);
    const QDate agreedHere = isoDate(data.info.date);
    const QDate agreedAtBaseline = data.baseline ? isoDate(data.baseline->info.date) : agreedHere;
    rowsPerChart = std::max<std::size_t>(rowsPerChart, 1);
    for (const auto& action : data.actions) {
        if (charts.empty() || charts.back().entries.size() >= rowsPerChart)
            charts.push_back({today.isValid() ? today : QDate::currentDate(), {}});
        const Gap* gap = mostUrgentGap(action, data.gaps);
        charts.back().entries.push_back(
            {QString::fromStdString(action.title),
             gap ? QString::fromUtf8(horizonTitle(gap->horizon).data()) : QString(),
             action.carriedFrom.empty() ? agreedHere : agreedAtBaseline, isoDate(action.due), action.status,
             isLate(action, data.today)});
    }
    return charts;
}

TimelineSpan timelineSpan(const TimelineChart& chart) {
    QDate earliest = chart.today, latest = chart.today;
    for (const auto& e : chart.entries)
        for (const QDate& date : {e.start, e.due})
            if (date.isValid()) {
                earliest = !earliest.isValid() || date < earliest ? date : earliest;
                latest = !latest.isValid() || date > latest ? date : latest;
            }
    if (!earliest.isValid())
        earliest = latest = QDate::currentDate();
    TimelineSpan span;
    span.first = quarterStart(earliest);
    const QDate last = quarterStart(latest);
    span.quarters = ((last.year() - span.first.year()) * 12 + last.month() - span.first.month()) / 3 + 1;
    span.quarters = std::max(span.quarters, 4);
    return span;
}

double TimelineLayout::xOf(const QDate& date) const {
    const double days = static_cast<double>(span.first.daysTo(span.end()));
    const double at = std::clamp(static_cast<double>(span.first.daysTo(date)), 0.0, days);
    return plot.left() + plot.width() * at / days;
}

namespace {

struct Metrics {
    double line, row, header, legend;
};

Metrics metricsFor(const QFont& font, QPaintDevice* device) {
    const QFontMetricsF fm = device ? QFontMetricsF(font, device) : QFontMetricsF(font);
    return {fm.height(), fm.height() * 1.75, fm.height() * 2.6, fm.height() * 2.2};
}

} // namespace

double TimelineRenderer::heightFor(const TimelineChart& chart, double, const QFont& font,
                                   QPaintDevice* device) {
    const Metrics m = metricsFor(font, device);
    return m.header + m.row * static_cast<double>(chart.entries.size()) + m.legend;
}

TimelineLayout TimelineRenderer::layout(const TimelineChart& chart, const QRectF& bounds, const QFont& font,
                                        QPaintDevice* device) {
    const Metrics m = metricsFor(font, device);
    const QFontMetricsF fm = device ? QFontMetricsF(font, device) : QFontMetricsF(font);
    TimelineLayout out;
    out.bounds = bounds;
    out.span = timelineSpan(chart);
    out.rowHeight = m.row;
    out.headerHeight = m.header;
    QFont bold = font;
    bold.setWeight(QFont::Bold); // the horizon is named in bold
    const QFontMetricsF boldMetrics = device ? QFontMetricsF(bold, device) : QFontMetricsF(bold);
    out.horizonWidth = boldMetrics.horizontalAdvance(QStringLiteral("Later")) + m.line * 0.6;
    const double labelWidth = bounds.width() * 0.4;
    const double rowsHeight = m.row * static_cast<double>(chart.entries.size());
    out.plot =
        QRectF(bounds.left() + labelWidth, bounds.top() + m.header, bounds.width() - labelWidth, rowsHeight);
    for (std::size_t i = 0; i < chart.entries.size(); ++i)
        out.rows.push_back(
            QRectF(bounds.left(), out.plot.top() + m.row * static_cast<double>(i), bounds.width(), m.row));
    // The legend in one line under the rows, keys spaced evenly.
    double x = out.plot.left();
    const double y = out.plot.bottom() + m.line * 0.7;
    for (const auto& key : kLegend) {
        const double width = m.line * 1.6 + fm.horizontalAdvance(key.name) + m.line * 1.2;
        out.legend.push_back(QRectF(x, y, width, m.line));
        x += width;
    }
    // Too wide for the plot alone: start the legend under the labels instead.
    if (x > bounds.right()) {
        const double shift = std::min(x - bounds.right(), out.plot.left() - bounds.left());
        for (auto& rect : out.legend)
            rect.translate(-shift, 0);
    }
    return out;
}

void TimelineRenderer::paint(QPainter& painter, const TimelineChart& chart, const QRectF& bounds,
                             const QFont& font) {
    const TimelineLayout l = layout(chart, bounds, font, painter.device());
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    QFont bold = font;
    bold.setWeight(QFont::Bold);
    const QFontMetricsF fm(font, painter.device());
    const double line = fm.height();
    const double thin = std::max(1.0, line * 0.05);

    // Alternate rows shaded, so each label can be followed to its bar.
    painter.setPen(Qt::NoPen);
    for (std::size_t i = 0; i < l.rows.size(); ++i)
        if (i % 2 == 1)
            painter.fillRect(l.rows[i], timeline_colors::stripe);

    // Years over quarters, each quarter's column ruled.
    const QRectF years(l.plot.left(), bounds.top(), l.plot.width(), l.headerHeight / 2);
    const QRectF quarters(l.plot.left(), bounds.top() + l.headerHeight / 2, l.plot.width(),
                          l.headerHeight / 2);
    for (int q = 0; q < l.span.quarters; ++q) {
        const QDate from = l.span.first.addMonths(3 * q);
        const double left = l.xOf(from), right = l.xOf(from.addMonths(3));
        painter.setPen(QPen(report_colors::rule, thin));
        painter.drawLine(QPointF(left, quarters.top()), QPointF(left, l.plot.bottom()));
        painter.setFont(font);
        painter.setPen(report_colors::muted);
        painter.drawText(QRectF(left, quarters.top(), right - left, quarters.height()), Qt::AlignCenter,
                         QStringLiteral("Q%1").arg((from.month() - 1) / 3 + 1));
        if (q == 0 || from.month() == 1) {
            painter.setFont(bold);
            painter.setPen(report_colors::text);
            painter.drawText(QRectF(left + line * 0.3, years.top(), l.plot.right() - left, years.height()),
                             Qt::AlignLeft | Qt::AlignVCenter, QString::number(from.year()));
        }
    }
    painter.setPen(QPen(report_colors::rule, thin));
    painter.drawLine(QPointF(l.plot.right(), quarters.top()), QPointF(l.plot.right(), l.plot.bottom()));
    painter.drawLine(QPointF(bounds.left(), l.plot.top()), QPointF(l.plot.right(), l.plot.top()));
    painter.drawLine(QPointF(bounds.left(), l.plot.bottom()), QPointF(l.plot.right(), l.plot.bottom()));

    const double barHeight = l.rowHeight * 0.42;
    for (std::size_t i = 0; i < chart.entries.size(); ++i) {
        const TimelineEntry& entry = chart.entries[i];
        const QRectF row = l.rows[i];
        // The horizon once per group, then the title, cut to fit.
        if (i == 0 || chart.entries[i - 1].horizon != entry.horizon) {
            painter.setFont(bold);
            painter.setPen(report_colors::muted);
            painter.drawText(QRectF(row.left(), row.top(), l.horizonWidth, row.height()),
                             Qt::AlignLeft | Qt::AlignVCenter,
                             entry.horizon.isEmpty() ? QString(QChar(0x2014)) : entry.horizon);
            if (i > 0) {
                painter.setPen(QPen(report_colors::rule, thin));
                painter.drawLine(row.topLeft(), QPointF(l.plot.right(), row.top()));
            }
        }
        const QRectF label(row.left() + l.horizonWidth, row.top(),
                           l.plot.left() - row.left() - l.horizonWidth - line * 0.4, row.height());
        painter.setFont(entry.late ? bold : font);
        painter.setPen(entry.late ? timeline_colors::late : report_colors::text);
        painter.drawText(label, Qt::AlignLeft | Qt::AlignVCenter,
                         QFontMetricsF(painter.font(), painter.device())
                             .elidedText(entry.label, Qt::ElideRight, label.width()));

        const double middle = row.center().y();
        if (!entry.due.isValid()) {
            painter.setFont(font);
            painter.setPen(report_colors::muted);
            painter.drawText(QRectF(l.plot.left() + line * 0.4, row.top(), l.plot.width(), row.height()),
                             Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("no due date agreed"));
            continue;
        }
        const double end = l.xOf(entry.due);
        if (entry.start.isValid() && entry.start < entry.due) {
            const double begin = l.xOf(entry.start);
            paintBar(painter, QRectF(begin, middle - barHeight / 2, std::max(end - begin, thin), barHeight),
                     entry.status);
        }
        paintMilestone(painter, QPointF(end, middle), l.rowHeight * 0.62,
                       entry.late ? timeline_colors::late : statusColor(entry.status));
    }

    // Today, across every row.
    if (chart.today.isValid()) {
        const double x = l.xOf(chart.today);
        painter.setPen(QPen(timeline_colors::today, thin * 2.5, Qt::DashLine));
        painter.drawLine(QPointF(x, quarters.top() + quarters.height() * 0.8), QPointF(x, l.plot.bottom()));
    }

    painter.setFont(font);
    for (std::size_t k = 0; k < kLegend.size() && k < l.legend.size(); ++k) {
        const LegendKey& key = kLegend[k];
        const QRectF rect = l.legend[k];
        const QRectF swatch(rect.left(), rect.top() + line * 0.25, line * 1.2, line * 0.5);
        switch (key.kind) {
        case LegendKey::Kind::Bar:
            paintBar(painter, swatch, key.status);
            break;
        case LegendKey::Kind::Milestone:
            paintMilestone(painter, swatch.center(), line * 0.9, timeline_colors::late);
            break;
        case LegendKey::Kind::Line:
            painter.setPen(QPen(timeline_colors::today, thin * 2.5, Qt::DashLine));
            painter.drawLine(QPointF(swatch.center().x(), rect.top()),
                             QPointF(swatch.center().x(), rect.bottom()));
            break;
        }
        painter.setPen(report_colors::text);
        painter.drawText(QRectF(swatch.right() + line * 0.4, rect.top(), rect.width(), rect.height()),
                         Qt::AlignLeft | Qt::AlignVCenter, key.name);
    }
    painter.restore();
}

QString actionStatusTitle(ActionStatus status) {
    switch (status) {
    case ActionStatus::Planned:
        return QStringLiteral("Planned");
    case ActionStatus::InProgress:
        return QStringLiteral("In progress");
    case ActionStatus::Done:
        return QStringLiteral("Done");
    case ActionStatus::Dropped:
        return QStringLiteral("Dropped");
    }
    return {};
}

QString describeTimeline(const TimelineChart& chart) {
    QStringList lines;
    for (const auto& e : chart.entries)
        lines << QStringLiteral("%1: %2, %3%4")
                     .arg(e.label, actionStatusTitle(e.status).toLower(),
                          e.due.isValid() ? QStringLiteral("due ") + e.due.toString(Qt::ISODate)
                                          : QStringLiteral("no due date"),
                          e.late ? QStringLiteral(", past due") : QString());
    return lines.join(QLatin1Char('\n'));
}

} // namespace mw
