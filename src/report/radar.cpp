#include "report/radar.hpp"

#include <QCoreApplication>
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
    colors.grid = dark ? QColor(0x7a, 0x84, 0x90) : QColor(0xb8, 0xc2, 0xcc);
    colors.ringText = dark ? QColor(0xb0, 0xb8, 0xc2) : QColor(0x5a, 0x66, 0x73);
    return colors;
}

static double relativeLuminance(const QColor& colour) {
    auto channel = [](double c) { return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) +
           0.0722 * channel(colour.blueF());
}

double contrastRatio(const QColor& a, const QColor& b) {
    const double la = relativeLuminance(a), lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor RadarColors::seriesColor(const QColor& color) const {
    const bool dark = background.lightnessF() < 0.5;
    const QColor towards = dark ? QColor(Qt::white) : QColor(Qt::black);
    QColor shown = color;
    // Mix towards white (or black) in small steps: the hue stays recognisable, only its lightness moves.
    for (int step = 1; step <= 20 && contrastRatio(shown, background) < 3.0; ++step) {
        const double t = step / 20.0;
        shown = QColor::fromRgbF(color.redF() + (towards.redF() - color.redF()) * t,
                                 color.greenF() + (towards.greenF() - color.greenF()) * t,
                                 color.blueF() + (towards.blueF() - color.blueF()) * t);
    }
    return shown;
}

QString describeRadar(const RadarChart& chart) {
    if (chart.axes.isEmpty() || chart.series.empty())
        return QCoreApplication::translate("Radar", "Radar chart with nothing scored yet.");
    QStringList parts;
    parts << QCoreApplication::translate("Radar", "Radar chart of %1 axes, scale %2 to %3.")
                 .arg(chart.axes.size())
                 .arg(chart.minValue)
                 .arg(chart.maxValue);
    for (const auto& series : chart.series) {
        QStringList values;
        for (qsizetype i = 0; i < chart.axes.size(); ++i) {
            const auto& value = i < static_cast<qsizetype>(series.values.size())
                                    ? series.values[static_cast<std::size_t>(i)]
                                    : std::nullopt;
            values << chart.axes[i] + " " +
                          (value ? QString::number(*value, 'f', 1)
                                 : QCoreApplication::translate("Radar", "not scored"));
        }
        parts << series.name + ": " + values.join(QStringLiteral(", ")) + ".";
    }
    return parts.join(' ');
}

QPointF RadarLayout::pointAt(std::size_t axis, double value, double minValue, double maxValue) const {
    const double span = maxValue - minValue;
    const double fraction = span > 0 ? (clampValue(value, minValue, maxValue) - minValue) / span : 0;
    return centre + QPointF(std::cos(angles[axis]), std::sin(angles[axis])) * (radius * fraction);
}

// The legend: one row of entries centred at the bottom. Returns its height.
static double layoutLegend(const RadarChart& chart, const QRectF& bounds, const QFont& font,
                           QPaintDevice* device, std::vector<QRectF>& rects) {
    const QFontMetricsF metrics(font, device);
    const double rowHeight = metrics.height() * 1.8;
    const double gap = metrics.height() * 1.5;
    // Rows of entries, each row centred; a narrow chart wraps its legend instead of cutting it off.
    std::vector<std::vector<double>> rows(1);
    double rowWidth = 0;
    for (const auto& series : chart.series) {
        const double w =
            std::min(bounds.width(), metrics.height() * 1.6 + metrics.horizontalAdvance(series.name));
        if (!rows.back().empty() && rowWidth + gap + w > bounds.width()) {
            rows.emplace_back();
            rowWidth = 0;
        }
        rowWidth += (rows.back().empty() ? 0 : gap) + w;
        rows.back().push_back(w);
    }
    if (chart.series.empty())
        return 0;
    double y = bounds.bottom() - rowHeight * static_cast<double>(rows.size());
    for (const auto& row : rows) {
        double width = 0;
        for (double w : row)
            width += w;
        width += gap * static_cast<double>(row.size() - 1);
        double x = bounds.center().x() - width / 2;
        for (double w : row) {
            rects.emplace_back(x, y, w, rowHeight);
            x += w + gap;
        }
        y += rowHeight;
    }
    return rowHeight * static_cast<double>(rows.size());
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
    // Fonts come in points (the screen, paper) or in pixels (presenter mode, sized to the window).
    const bool inPixels = font.pointSizeF() <= 0 && font.pixelSize() > 0;
    const double baseSize = inPixels ? font.pixelSize() : font.pointSizeF() > 0 ? font.pointSizeF() : 10;
    for (double scale = 1.0; scale >= 0.55; scale -= 0.05) {
        if (inPixels)
            labelFont.setPixelSize(std::max(6, qRound(baseSize * scale)));
        else
            labelFont.setPointSizeF(baseSize * scale);
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
    if (layout.labelFont.pointSizeF() > 0)
        ringFont.setPointSizeF(std::max(6.0, layout.labelFont.pointSizeF() * 0.78));
    else
        ringFont.setPixelSize(std::max(8, qRound(layout.labelFont.pixelSize() * 0.78)));
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

    // Series: translucent fills so that what lies beneath stays visible, outlines on top in their own
    // colour, in the colour the legend shows.
    for (std::size_t s = 0; s < chart.series.size(); ++s) {
        const auto& series = chart.series[s];
        const QColor colour = colors.seriesColor(series.color);
        QPolygonF polygon(QList<QPointF>(layout.points[s].begin(), layout.points[s].end()));
        QColor fill = colour;
        fill.setAlphaF(series.filled ? 0.22 : 0.0);
        painter.setBrush(series.filled ? QBrush(fill) : Qt::NoBrush);
        painter.setPen(QPen(colour, unit * 2.2, series.penStyle, Qt::RoundCap, Qt::RoundJoin));
        painter.drawPolygon(polygon);
        painter.setBrush(colour);
        painter.setPen(Qt::NoPen);
        for (const auto& point : layout.points[s])
            painter.drawEllipse(point, unit * 3, unit * 3);
    }

    // Ring labels sit just inside each ring, right of the top axis, on a faint halo so fills never hide them.
    painter.setFont(ringFont);
    // On a small chart the rings sit closer than a line of text: label every second (or third) ring
    // rather than letting the labels overlap.
    const double ringGap =
        chart.rings.size() > 1 ? layout.radius / static_cast<double>(chart.rings.size() - 1) : layout.radius;
    const std::size_t every =
        std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(ringMetrics.height() * 1.05 / ringGap)));
    for (std::size_t r = 0; r < chart.rings.size(); ++r) {
        const RadarRing& ring = chart.rings[r];
        if (ring.label.isEmpty() || ring.value <= chart.minValue || (chart.rings.size() - 1 - r) % every != 0)
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
        const QColor colour = colors.seriesColor(series.color);
        QColor fill = colour;
        fill.setAlphaF(series.filled ? 0.22 : 0.0);
        painter.setBrush(series.filled ? QBrush(fill) : Qt::NoBrush);
        painter.setPen(QPen(colour, unit * 2, series.penStyle));
        painter.drawRect(swatch);
        painter.setPen(colors.text);
        painter.drawText(QRectF(swatch.right() + h * 0.4, rect.top(), rect.width(), rect.height()),
                         Qt::AlignLeft | Qt::AlignVCenter, series.name);
    }
    painter.restore();
}

} // namespace mw
