#pragma once
// The action plan's timeline: quarters across, one row per action, a bar from when the action was agreed
// to its due date and a milestone on the date, painted with QPainter (vector in a PDF, like the radar).
#include "core/actions.hpp"

#include <QDate>
#include <QFont>
#include <QPainter>
#include <QRectF>
#include <QString>

#include <vector>

class QPaintDevice;

namespace mw {

struct ReportData;

struct TimelineEntry {
    QString label;   // plain text: the action's title
    QString horizon; // "Now", "Next", "Later", or empty when none of its questions has a gap left
    QDate start;     // when it was agreed: the assessment it came from
    QDate due;       // invalid: no date agreed yet
    ActionStatus status = ActionStatus::Planned;
    bool late = false;
};

struct TimelineChart {
    QDate today;
    std::vector<TimelineEntry> entries;
};

// The plan's actions, in the plan's order, in charts of at most `rowsPerChart` rows each, so that no
// chart is taller than a page. None when there are no actions.
std::vector<TimelineChart> actionTimelines(const ReportData& data, std::size_t rowsPerChart = 24);

// The whole quarters the chart spans: from the one holding its earliest date to the one holding its
// latest (today included), at least four.
struct TimelineSpan {
    QDate first; // the first day of the first quarter
    int quarters = 0;
    QDate end() const { return first.addMonths(3 * quarters); }
};
TimelineSpan timelineSpan(const TimelineChart& chart);

// Everything the painter needs, computed without painting so that tests can check the geometry.
struct TimelineLayout {
    QRectF bounds;
    QRectF plot; // the dated area, right of the labels
    double horizonWidth = 0;
    double rowHeight = 0;
    double headerHeight = 0; // the years and quarters above the rows
    TimelineSpan span;
    std::vector<QRectF> rows;            // one per entry, across the whole width
    std::vector<QRectF> legend;          // swatch and name of each key
    double xOf(const QDate& date) const; // clamped to the plot
};

class TimelineRenderer {
public:
    // The height the chart needs at this width.
    static double heightFor(const TimelineChart& chart, double width, const QFont& font,
                            QPaintDevice* device = nullptr);
    static TimelineLayout layout(const TimelineChart& chart, const QRectF& bounds, const QFont& font,
                                 QPaintDevice* device = nullptr);
    static void paint(QPainter& painter, const TimelineChart& chart, const QRectF& bounds, const QFont& font);
};

// "Planned", "In progress", "Done", "Dropped": a status as the report writes it.
QString actionStatusTitle(ActionStatus status);

// The chart in words: each action with its status and due date.
QString describeTimeline(const TimelineChart& chart);

} // namespace mw
