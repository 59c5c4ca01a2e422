#include "core/report_data.hpp"
#include "report/timeline.hpp"

#include "report_checks.hpp"

#include <catch2/catch.hpp>

#include <QFontMetricsF>
#include <QImage>

using namespace mw;
using mw::test::anyOverlapping;

namespace {

TimelineEntry entry(const QString& label, const QDate& start, const QDate& due, ActionStatus status,
                    bool late = false, const QString& horizon = "Now") {
    return {label, horizon, start, due, status, late};
}

TimelineChart threeActions() {
    TimelineChart chart;
    chart.today = QDate(2026, 12, 1);
    chart.entries = {
        entry("Segment the plant network", {2025, 11, 18}, {2026, 3, 31}, ActionStatus::Done),
        entry("Rehearse OT recovery", {2025, 11, 18}, {2026, 9, 30}, ActionStatus::InProgress, true),
        entry("Name a data owner per domain", {2026, 11, 20}, QDate(), ActionStatus::Planned, false, "Next")};
    return chart;
}

} // namespace

TEST_CASE("the timeline spans whole quarters from its earliest date to its latest", "[timeline]") {
    const TimelineSpan span = timelineSpan(threeActions());
    CHECK(span.first == QDate(2025, 10, 1)); // the quarter of 18 November 2025
    CHECK(span.end() == QDate(2027, 1, 1));  // after the quarter of today, the latest date
    CHECK(span.quarters == 5);

    TimelineChart short_;
    short_.today = QDate(2026, 5, 5);
    short_.entries = {entry("One", {2026, 4, 2}, {2026, 6, 1}, ActionStatus::Planned)};
    const TimelineSpan atLeastAYear = timelineSpan(short_);
    CHECK(atLeastAYear.first == QDate(2026, 4, 1));
    CHECK(atLeastAYear.quarters == 4);
}

TEST_CASE("the timeline places dates in order inside the plot, one row per action", "[timeline]") {
    const TimelineChart chart = threeActions();
    const QFont font("DejaVu Sans", 9);
    const double height = TimelineRenderer::heightFor(chart, 1000, font);
    const QRectF bounds(0, 0, 1000, height);
    const TimelineLayout layout = TimelineRenderer::layout(chart, bounds, font);
    REQUIRE(layout.rows.size() == 3);
    CHECK_FALSE(anyOverlapping(layout.rows));
    CHECK(layout.plot.left() > bounds.left());
    // The horizon's column holds its longest name in bold, clear of the titles beside it.
    QFont bold = font;
    bold.setWeight(QFont::Bold);
    CHECK(layout.horizonWidth > QFontMetricsF(bold).horizontalAdvance("Later"));
    CHECK(layout.plot.right() <= bounds.right());
    CHECK(layout.xOf(QDate(2025, 10, 1)) == Approx(layout.plot.left()));
    CHECK(layout.xOf(QDate(2027, 1, 1)) == Approx(layout.plot.right()));
    CHECK(layout.xOf(QDate(2026, 3, 31)) < layout.xOf(QDate(2026, 9, 30)));
    // A date outside the span stays on the plot's edge.
    CHECK(layout.xOf(QDate(2030, 1, 1)) == Approx(layout.plot.right()));
    // The legend fits under the rows, inside the chart, its keys apart.
    REQUIRE(layout.legend.size() == 6);
    CHECK_FALSE(anyOverlapping(layout.legend));
    for (const QRectF& key : layout.legend) {
        CHECK(key.top() >= layout.plot.bottom());
        CHECK(key.bottom() <= bounds.bottom() + 0.5);
        CHECK(key.left() >= bounds.left());
        CHECK(key.right() <= bounds.right() + 0.5);
    }
    // Each row more is one row height more.
    TimelineChart longer = chart;
    longer.entries.push_back(chart.entries.front());
    CHECK(TimelineRenderer::heightFor(longer, 1000, font) - height == Approx(layout.rowHeight));
}

TEST_CASE("the timeline paints its bars, a late action's milestone in red and today's line", "[timeline]") {
    const TimelineChart chart = threeActions();
    const QFont font("DejaVu Sans", 9);
    const int height = static_cast<int>(TimelineRenderer::heightFor(chart, 900, font)) + 1;
    QImage image(900, height, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    TimelineRenderer::paint(painter, chart, QRectF(0, 0, 900, height), font);
    painter.end();
    const TimelineLayout layout = TimelineRenderer::layout(chart, QRectF(0, 0, 900, height), font, &image);
    const auto colourAt = [&](double x, double y) { return image.pixelColor(qRound(x), qRound(y)); };
    // Done: the bar filled green halfway between its start and its due date.
    const double doneMiddle = (layout.xOf(QDate(2025, 11, 18)) + layout.xOf(QDate(2026, 3, 31))) / 2;
    CHECK(colourAt(doneMiddle, layout.rows[0].center().y()) == QColor(0x2e, 0x7d, 0x32));
    // Late: its milestone red on its due date.
    CHECK(colourAt(layout.xOf(QDate(2026, 9, 30)), layout.rows[1].center().y()) == QColor(0xc6, 0x28, 0x28));
    // No due date: no bar anywhere along its row right of the words that say so.
    bool barOnUndated = false;
    for (double x = layout.plot.center().x(); x < layout.plot.right() - 2; x += 2)
        barOnUndated = barOnUndated || colourAt(x, layout.rows[2].center().y()) == QColor(0x1f, 0x6f, 0xb5);
    CHECK_FALSE(barOnUndated);
    const QString words = describeTimeline(chart);
    CHECK(words.contains("Rehearse OT recovery: in progress, due 2026-09-30, past due"));
    CHECK(words.contains("Name a data owner per domain: planned, no due date"));
}

TEST_CASE("the plan's timeline: one row per action in charts a page can hold, carried ones from the baseline",
          "[timeline]") {
    ReportData data;
    data.info.date = "2026-11-20";
    data.today = "2026-12-01";
    data.baseline = BaselineSummary{};
    data.baseline->info.date = "2025-11-18";
    for (int i = 0; i < 30; ++i) {
        Action action;
        action.title = "Action " + std::to_string(i);
        action.due = i == 0 ? "2026-06-30" : "2027-03-31";
        action.questionIds = {"GO1"};
        action.carriedFrom = i < 5 ? "uid-" + std::to_string(i) : "";
        data.actions.push_back(action);
    }
    const auto charts = actionTimelines(data, 24);
    REQUIRE(charts.size() == 2);
    CHECK(charts[0].entries.size() == 24);
    CHECK(charts[1].entries.size() == 6);
    CHECK(charts[0].today == QDate(2026, 12, 1));
    CHECK(charts[0].entries[0].start == QDate(2025, 11, 18));
    CHECK(charts[0].entries[0].late); // planned and due before today
    CHECK(charts[0].entries[5].start == QDate(2026, 11, 20));
    CHECK_FALSE(charts[0].entries[5].late);
    CHECK(charts[0].entries[0].horizon.isEmpty()); // no gap left for GO1: no horizon
    CHECK(actionTimelines(ReportData{}).empty());
}
