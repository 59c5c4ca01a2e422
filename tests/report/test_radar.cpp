#include "report/radar.hpp"

#include <catch2/catch.hpp>

#include <QImage>

using namespace mw;

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
