#include "report/exports.hpp"

namespace mw {

RadarChart radarScale(const Model& model) {
    RadarChart chart;
    for (const auto& level : model.scoreLevels())
        chart.rings.push_back(
            {level.value, QString::fromStdString(formatNumber(level.value) + " " + level.label)});
    chart.minValue = model.minScore();
    chart.maxValue = model.maxScore();
    return chart;
}

static std::vector<std::optional<double>> currentValues(const Scorecard& scores) {
    std::vector<std::optional<double>> values;
    for (const auto& d : scores.dimensions)
        values.push_back(d.current);
    return values;
}

RadarChart assessmentRadar(const Model& model, const Scorecard& scores, const Scorecard* baseline,
                           const QString& baselineLabel) {
    RadarChart chart = radarScale(model);
    std::vector<std::optional<double>> targets;
    for (const auto& d : scores.dimensions) {
        chart.axes << QString::fromStdString(d.title);
        targets.push_back(d.target);
    }
    chart.series.push_back({QStringLiteral("Target"), targets, radar_palette::target, true, Qt::DashLine});
    if (baseline) {
        std::vector<std::optional<double>> values;
        for (const auto& d : scores.dimensions) {
            const auto* earlier = baseline->dimension(d.id);
            values.push_back(earlier ? earlier->current : std::nullopt);
        }
        chart.series.push_back({baselineLabel, values, radar_palette::baseline, false, Qt::DotLine});
    }
    chart.series.push_back({QStringLiteral("Current"), currentValues(scores), radar_palette::current, true});
    return chart;
}

RadarChart radarChartFor(const ReportData& data, const ReportData* baseline) {
    return assessmentRadar(
        *data.model, data.scores, baseline ? &baseline->scores : nullptr,
        baseline ? QStringLiteral("Baseline (%1)").arg(QString::fromStdString(baseline->info.date))
                 : QString());
}

RadarChart groupRadar(const Model& model, const std::vector<GroupScores>& groups) {
    RadarChart chart = radarScale(model);
    for (const auto& d : model.dimensions)
        chart.axes << QString::fromStdString(d.title);
    std::size_t index = 0;
    for (const auto& g : groups) {
        const QColor colour = radar_palette::groups[index % std::size(radar_palette::groups)];
        const Qt::PenStyle line = radar_palette::groupLines[index % std::size(radar_palette::groupLines)];
        chart.series.push_back({QString::fromStdString(g.group), currentValues(g.scores), colour, false, line});
        ++index;
    }
    return chart;
}

RadarChart comparisonRadar(const ReportData& before, const ReportData& after) {
    RadarChart chart = radarScale(*after.model);
    std::vector<std::optional<double>> earlier;
    for (const auto& d : after.scores.dimensions) {
        chart.axes << QString::fromStdString(d.title);
        const auto* b = before.scores.dimension(d.id);
        earlier.push_back(b ? b->current : std::nullopt);
    }
    chart.series.push_back({QStringLiteral("Before: %1").arg(QString::fromStdString(before.info.date)),
                            earlier, radar_palette::baseline, true, Qt::DashLine});
    chart.series.push_back({QStringLiteral("After: %1").arg(QString::fromStdString(after.info.date)),
                            currentValues(after.scores), radar_palette::current, true});
    return chart;
}

} // namespace mw
