#include "report/radar.hpp"

#include "report_checks.hpp"

#include <catch2/catch.hpp>

#include <QImage>

using namespace mw;
using mw::test::anyOverlapping;

namespace {

RadarChart eightAxes() {
    RadarChart chart;
    chart.axes = {"Goals & objectives",   "Current-state assessment",       "Roles, people, processes & data",
                  "Integration roadmap",  "Security & business continuity", "Technology footprint",
                  "Monitoring & control", "Continuous improvement"};
    for (int i = 0; i <= 5; ++i)
        chart.rings.push_back({static_cast<double>(i), QString::number(i)});
    chart.series.push_back({"Current", {1, 2, 3, 4, 5, 0, 2.5, std::nullopt}, radar_palette::current, true});
    chart.series.push_back({"Target", {4, 4, 4, 4, 4, 4, 4, 4}, radar_palette::target, true, Qt::DashLine});
    return chart;
}

} // namespace

TEST_CASE("points sit on their axis at the fraction of the scale they score", "[radar]") {
    const RadarChart chart = eightAxes();
    QFont font("DejaVu Sans", 10);
    const RadarLayout layout = RadarRenderer::layout(chart, QRectF(0, 0, 900, 700), font);
    REQUIRE(layout.radius > 100);
    const auto& current = layout.points[0];
    // Axis 0 points straight up: value 1 of 5 is a fifth of the radius above the centre.
    CHECK(current[0].x() == Approx(layout.centre.x()));
    CHECK(current[0].y() == Approx(layout.centre.y() - layout.radius / 5));
    // Axis 2 points right (90 degrees clockwise from the top): value 3.
    CHECK(current[2].x() == Approx(layout.centre.x() + layout.radius * 3 / 5));
    CHECK(current[2].y() == Approx(layout.centre.y()).margin(1e-6));
    // Axis 4 points down: the top of the scale is the full radius.
    CHECK(current[4].y() == Approx(layout.centre.y() + layout.radius));
    // Zero and unscored values sit at the centre.
    CHECK(current[5].x() == Approx(layout.centre.x()));
    CHECK(current[7].y() == Approx(layout.centre.y()));
    // Axis 1 is diagonal: value 2 is 0.4 radius along 45 degrees.
    CHECK(current[1].x() - layout.centre.x() == Approx(layout.radius * 0.4 * std::sqrt(0.5)));
}

TEST_CASE("labels never overlap and stay inside the chart at any size", "[radar]") {
    const RadarChart chart = eightAxes();
    const QFont font("DejaVu Sans", 11);
    for (const QSizeF size : {QSizeF(1200, 900), QSizeF(800, 600), QSizeF(520, 420), QSizeF(360, 300),
                              QSizeF(300, 520), QSizeF(1400, 400)}) {
        INFO("size " << size.width() << "x" << size.height());
        const QRectF bounds(QPointF(10, 10), size);
        const RadarLayout layout = RadarRenderer::layout(chart, bounds, font);
        REQUIRE(layout.labelRects.size() == 8);
        for (std::size_t i = 0; i < layout.labelRects.size(); ++i) {
            CHECK(bounds.contains(layout.labelRects[i]));
            for (std::size_t j = i + 1; j < layout.labelRects.size(); ++j)
                CHECK_FALSE(layout.labelRects[i].intersects(layout.labelRects[j]));
        }
        CHECK(layout.radius > 0);
    }
}

TEST_CASE("the radar paints current and target into an image", "[radar]") {
    QImage image(600, 500, QImage::Format_ARGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    RadarRenderer::paint(painter, eightAxes(), QRectF(0, 0, 600, 500), QFont("DejaVu Sans", 9));
    painter.end();
    int coloured = 0;
    for (int y = 0; y < image.height(); y += 2)
        for (int x = 0; x < image.width(); x += 2)
            if (image.pixelColor(x, y) != QColor(Qt::white))
                ++coloured;
    CHECK(coloured > 2000);
}

TEST_CASE("every series colour keeps 3:1 contrast on light and dark backgrounds", "[radar]") {
    std::vector<QColor> colours{radar_palette::current, radar_palette::target, radar_palette::baseline};
    colours.insert(colours.end(), std::begin(radar_palette::groups), std::end(radar_palette::groups));
    for (const QColor background : {QColor(Qt::white), QColor(0x1e, 0x1e, 0x1e), QColor(0x35, 0x35, 0x35),
                                    QColor(0x2b, 0x3a, 0x4a), QColor(0xf6, 0xf6, 0xf6)}) {
        const RadarColors colors = RadarColors::forBackground(background, Qt::gray);
        for (const QColor& colour : colours) {
            const QColor shown = colors.seriesColor(colour);
            CAPTURE(background.name().toStdString(), colour.name().toStdString(), shown.name().toStdString());
            CHECK(contrastRatio(shown, background) >= 3.0);
            // The hue survives: a blue stays a blue, an orange an orange.
            if (colour.hslSaturationF() > 0.3)
                CHECK(std::abs(shown.hslHueF() - colour.hslHueF()) < 0.05);
        }
    }
    // On white the current blue is already strong enough, and is painted as the legend shows it.
    CHECK(RadarColors::forBackground(Qt::white, Qt::black).seriesColor(radar_palette::current) ==
          radar_palette::current);
    CHECK(contrastRatio(Qt::black, Qt::white) == Approx(21.0));
}

TEST_CASE("the radar is described in words, each series with its value on every axis", "[radar]") {
    const QString text = describeRadar(eightAxes());
    CHECK(text.contains("8 axes"));
    CHECK(text.contains("Current: Goals & objectives 1.0, Current-state assessment 2.0"));
    CHECK(text.contains("Continuous improvement not scored"));
    CHECK(text.contains("Target: Goals & objectives 4.0"));
    CHECK(describeRadar(RadarChart{}).contains("nothing scored"));
}

TEST_CASE("a narrow radar wraps its legend into rows inside the chart", "[radar]") {
    RadarChart chart = eightAxes();
    chart.series.push_back(
        {"Baseline (2025-11-18)", {1, 1, 1, 1, 1, 1, 1, 1}, radar_palette::baseline, false});
    chart.series.push_back(
        {"Business and operations", {2, 2, 2, 2, 2, 2, 2, 2}, radar_palette::groups[2], false});
    const QFont font("DejaVu Sans", 11);
    for (const double width : {900.0, 420.0, 300.0}) {
        const QRectF bounds(0, 0, width, 600);
        const RadarLayout layout = RadarRenderer::layout(chart, bounds, font);
        CAPTURE(width);
        REQUIRE(layout.legendRects.size() == chart.series.size());
        for (const auto& rect : layout.legendRects)
            CHECK(bounds.contains(rect));
        CHECK_FALSE(anyOverlapping(layout.legendRects));
        // The chart sits above the legend.
        for (const auto& rect : layout.legendRects)
            CHECK(layout.centre.y() + layout.radius <= rect.top() + 1);
    }
    // Wide enough: one row.
    const RadarLayout wide = RadarRenderer::layout(chart, QRectF(0, 0, 1600, 700), font);
    CHECK(wide.legendRects.front().top() == wide.legendRects.back().top());
}

TEST_CASE("a font sized in pixels lays out the labels at that size", "[radar]") {
    QFont font("DejaVu Sans");
    font.setPixelSize(30);
    const RadarLayout layout = RadarRenderer::layout(eightAxes(), QRectF(0, 0, 1600, 900), font);
    CHECK(layout.labelFont.pixelSize() >= 17); // shrunk at most to 55 %, never reset to a default
}
