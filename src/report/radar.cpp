#include "report/radar.hpp"

#include <QFontMetricsF>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace mw {

namespace {

constexpr int kTextFlags = Qt::TextWordWrap;

double clampValue(double value, double lo, double hi) {
    return std::clamp(value, lo, hi);
}

struct LabelPlacement {
    QRectF rect;
    int alignment;
};

// The label hangs off the axis end on the side facing away from the centre.
LabelPlacement placeLabel(const QPointF& anchor, double angle, const QSizeF& size) {
    const double c = std::cos(angle), s = std::sin(angle);
    QRectF rect(QPointF(0, 0), size);
    int alignment = Qt::AlignVCenter;
    if (c > 0.25) {
        rect.moveLeft(anchor.x());
        alignment = Qt::AlignLeft;
    } else if (c < -0.25) {
        rect.moveRight(anchor.x());
        alignment = Qt::AlignRight;
    } else {
        rect.moveLeft(anchor.x() - size.width() / 2);
        alignment = Qt::AlignHCenter;
    }
    if (s < -0.25)
        rect.moveBottom(anchor.y());
    else if (s > 0.25)
        rect.moveTop(anchor.y());
    else
        rect.moveTop(anchor.y() - size.height() / 2);
    return {rect, alignment};
}

bool anyOverlap(const std::vector<QRectF>& rects) {
    for (std::size_t i = 0; i < rects.size(); ++i)
        for (std::size_t j = i + 1; j < rects.size(); ++j)
            if (rects[i].intersects(rects[j]))
                return true;
    return false;
}

} // namespace

RadarColors RadarColors::forBackground(const QColor& background, const QColor& text) {
    RadarColors colors;
    colors.background = background;
    colors.text = text;
    const bool dark = background.lightnessF() < 0.5;
    colors.grid = dark ? QColor(0x5c, 0x66, 0x72) : QColor(0xb8, 0xc2, 0xcc);
    colors.ringText = dark ? QColor(0xb0, 0xb8, 0xc2) : QColor(0x5a, 0x66, 0x73);
    return colors;
}

QPointF RadarLayout::pointAt(std::size_t axis, double value, double minValue, double maxValue) const {
    const double span = maxValue - minValue;
    const double fraction = span > 0 ? (clampValue(value, minValue, maxValue) - minValue) / span : 0;
    return centre + QPointF(std::cos(angles[axis]), std::sin(angles[axis])) * (radius * fraction);
}

static // The legend: one row of entries centred at the bottom. Returns its height.
    double
    layoutLegend(const RadarChart& chart, const QRectF& bounds, const QFont& font, QPaintDevice* device,
                 std::vector<QRectF>& rects) {
    QFont legendFont = font;
    const QFontMetricsF legendMetrics(legendFont, device);
    const double legendHeight = chart.series.empty() ? 0 : legendMetrics.height() * 1.8;
    double legendWidth = 0;
    std::vector<double> entryWidths;
    for (const auto& series : chart.series) {
        const double w = legendMetrics.height() * 1.6 + legendMetrics.horizontalAdvance(series.name);
        entryWidths.push_back(w);
        legendWidth += w + legendMetrics.height() * 1.5;
    }
    double x = bounds.center().x() - legendWidth / 2;
    for (double w : entryWidths) {
        rects.emplace_back(x, bounds.bottom() - legendHeight, w, legendHeight);
        x += w + legendMetrics.height() * 1.5;
    }
    return legendHeight;
}

RadarLayout RadarRenderer::layout(const RadarChart& chart, const QRectF& bounds, const QFont& font,
                                  QPaintDevice* device) {
    RadarLayout out;
    out.bounds = bounds;
    const std::size_t n = chart.axes.size();
    for (std::size_t i = 0; i < n; ++i)
        out.angles.push_back(-std::numbers::pi / 2 + 2 * std::numbers::pi * static_cast<double>(i) / n);

    const double legendHeight = layoutLegend(chart, bounds, font, device, out.legendRects);
    const QRectF area = bounds.adjusted(4, 4, -4, -legendHeight - 4);
    out.centre = area.center();

    // Shrink the label font until the labels fit, no two overlap and the chart keeps a fair size.
    QFont labelFont = font;
    const double basePoint = font.pointSizeF() > 0 ? font.pointSizeF() : 10;
    for (double scale = 1.0; scale >= 0.55; scale -= 0.05) {
        labelFont.setPointSizeF(basePoint * scale);
        const QFontMetricsF metrics(labelFont, device);
        const double gap = metrics.height() * 0.5;
        // Wrap long dimension names rather than shrinking the chart: about a fifth of the width each side.
        const double maxLabelWidth =
            std::max(metrics.horizontalAdvance(QStringLiteral("M")) * 7, area.width() * 0.19);
        std::vector<QSizeF> sizes;
        for (const auto& axis : chart.axes)
            sizes.push_back(
                metrics.boundingRect(QRectF(0, 0, maxLabelWidth, 1e6), kTextFlags | Qt::AlignCenter, axis)
                    .size() +
                QSizeF(2, 0));
        auto placeAll = [&](double radius) {
            std::vector<LabelPlacement> placements;
            for (std::size_t i = 0; i < n; ++i) {
                const QPointF dir(std::cos(out.angles[i]), std::sin(out.angles[i]));
                placements.push_back(placeLabel(out.centre + dir * (radius + gap), out.angles[i], sizes[i]));
            }
            return placements;
        };
        auto fits = [&](double radius) {
            for (const auto& p : placeAll(radius))
                if (!area.contains(p.rect))
                    return false;
            return true;
        };
        double lo = 0, hi = std::min(area.width(), area.height()) / 2;
        for (int iteration = 0; iteration < 30; ++iteration) {
            const double mid = (lo + hi) / 2;
            (fits(mid) ? lo : hi) = mid;
        }
        const auto placements = placeAll(lo);
        std::vector<QRectF> rects;
        for (const auto& p : placements)
            rects.push_back(p.rect);
        const bool acceptable =
            lo >= std::min(area.width(), area.height()) * 0.22 && !anyOverlap(rects) && fits(lo);
        if (acceptable || scale < 0.6) {
            out.radius = lo;
            out.labelFont = labelFont;
            out.labelRects = rects;
            out.labelAlignments.clear();
            for (const auto& p : placements)
                out.labelAlignments.push_back(p.alignment);
            break;
        }
    }

    for (const auto& series : chart.series) {
        std::vector<QPointF> points;
        for (std::size_t i = 0; i < n; ++i) {
            const double value =
                i < series.values.size() && series.values[i] ? *series.values[i] : chart.minValue;
            points.push_back(out.pointAt(i, value, chart.minValue, chart.maxValue));
        }
        out.points.push_back(std::move(points));
    }
    return out;
}

void RadarRenderer::paint(QPainter& painter, const RadarChart& chart, const QRectF& bounds, const QFont& font,
                          const RadarColors& colors) {
    const RadarLayout layout = RadarRenderer::layout(chart, bounds, font, painter.device());
    const std::size_t n = chart.axes.size();
    if (n < 3 || layout.radius <= 0)
        return;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    const double unit = std::max(0.75, layout.radius / 220.0);

    // Rings: one polygon per scale level; their labels go on top of the series, below.
    QFont ringFont = layout.labelFont;
    ringFont.setPointSizeF(std::max(6.0, layout.labelFont.pointSizeF() * 0.78));
    const QFontMetricsF ringMetrics(ringFont, painter.device());
    for (const auto& ring : chart.rings) {
        QPolygonF polygon;
        for (std::size_t i = 0; i < n; ++i)
            polygon << layout.pointAt(i, ring.value, chart.minValue, chart.maxValue);
        painter.setPen(
            QPen(colors.grid, unit * 0.8, ring.value == chart.maxValue ? Qt::SolidLine : Qt::DotLine));
        painter.setBrush(Qt::NoBrush);
        painter.drawPolygon(polygon);
    }
    painter.setPen(QPen(colors.grid, unit * 0.8));
    for (std::size_t i = 0; i < n; ++i)
        painter.drawLine(layout.centre, layout.pointAt(i, chart.maxValue, chart.minValue, chart.maxValue));

    // Series: translucent fills so that current and target both stay visible.
    for (std::size_t s = 0; s < chart.series.size(); ++s) {
        const auto& series = chart.series[s];
        QPolygonF polygon(QList<QPointF>(layout.points[s].begin(), layout.points[s].end()));
        QColor fill = series.color;
        fill.setAlphaF(series.filled ? 0.22 : 0.0);
        painter.setBrush(series.filled ? QBrush(fill) : Qt::NoBrush);
        painter.setPen(QPen(series.color, unit * 2.2, series.penStyle, Qt::RoundCap, Qt::RoundJoin));
        painter.drawPolygon(polygon);
        painter.setBrush(series.color);
        painter.setPen(Qt::NoPen);
        for (const auto& point : layout.points[s])
            painter.drawEllipse(point, unit * 3, unit * 3);
    }

    // Ring labels sit just inside each ring, right of the top axis, on a faint halo so fills never hide them.
    painter.setFont(ringFont);
    for (const auto& ring : chart.rings) {
        if (ring.label.isEmpty() || ring.value <= chart.minValue)
            continue;
        const QPointF at = layout.pointAt(0, ring.value, chart.minValue, chart.maxValue);
        const QRectF textRect(at.x() + 4 * unit, at.y() + 1 * unit,
                              ringMetrics.horizontalAdvance(ring.label) + 2, ringMetrics.height());
        QColor halo = colors.background;
        halo.setAlphaF(0.7);
        painter.fillRect(textRect, halo);
        painter.setPen(colors.ringText);
        painter.drawText(textRect, Qt::AlignLeft | Qt::AlignTop, ring.label);
    }

    painter.setFont(layout.labelFont);
    painter.setPen(colors.text);
    for (std::size_t i = 0; i < n; ++i)
        painter.drawText(layout.labelRects[i], layout.labelAlignments[i] | Qt::AlignVCenter | kTextFlags,
                         chart.axes[i]);

    painter.setFont(font);
    const QFontMetricsF legendMetrics(font, painter.device());
    for (std::size_t s = 0; s < chart.series.size() && s < layout.legendRects.size(); ++s) {
        const auto& series = chart.series[s];
        const QRectF rect = layout.legendRects[s];
        const double h = legendMetrics.height();
        const QRectF swatch(rect.left(), rect.center().y() - h * 0.35, h * 1.2, h * 0.7);
        QColor fill = series.color;
        fill.setAlphaF(series.filled ? 0.22 : 0.0);
        painter.setBrush(series.filled ? QBrush(fill) : Qt::NoBrush);
        painter.setPen(QPen(series.color, unit * 2, series.penStyle));
        painter.drawRect(swatch);
        painter.setPen(colors.text);
        painter.drawText(QRectF(swatch.right() + h * 0.4, rect.top(), rect.width(), rect.height()),
                         Qt::AlignLeft | Qt::AlignVCenter, series.name);
    }
    painter.restore();
}

} // namespace mw
