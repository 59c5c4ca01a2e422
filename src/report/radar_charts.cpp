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
    // Only the current outline is filled: a fill beneath it would tint it grey where the legend says blue.
    chart.series.push_back({QStringLiteral("Target"), targets, radar_palette::target, false, Qt::DashLine});
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

RadarChart radarChartFor(const ReportData& data) {
    const BaselineSummary* baseline = data.baseline ? &*data.baseline : nullptr;
    return assessmentRadar(
        *data.model, data.scores, baseline ? &baseline->scores : nullptr,
        baseline ? QStringLiteral("Baseline (%1)").arg(QString::fromStdString(baseline->info.date))
                 : QString());
}

// The n-th group's outline: its own colour and line style, never filled, so every outline stays visible.
static RadarSeries groupSeries(const std::string& group, std::vector<std::optional<double>> values,
                               std::size_t n) {
    return {QString::fromStdString(group), std::move(values),
            radar_palette::groups[n % std::size(radar_palette::groups)], false,
            radar_palette::groupLines[n % std::size(radar_palette::groupLines)]};
}

RadarChart groupRadar(const Model& model, const std::vector<GroupScores>& groups) {
    RadarChart chart = radarScale(model);
    for (const auto& d : model.dimensions)
        chart.axes << QString::fromStdString(d.title);
    for (std::size_t i = 0; i < groups.size(); ++i)
        chart.series.push_back(groupSeries(groups[i].group, currentValues(groups[i].scores), i));
    return chart;
}

static QString shortQuestion(const Question& question) {
    QString text = QString::fromStdString(question.text);
    constexpr int kLength = 34; // keeps eight labels apart on a projector
    if (text.size() > kLength)
        text = text.left(kLength).section(' ', 0, -2) + QStringLiteral("…");
    return QString::fromStdString(question.id) + " " + text;
}

RadarChart dimensionGroupRadar(const Model& model, const std::string& dimensionId,
                               const std::vector<GroupScores>& groups) {
    RadarChart chart = radarScale(model);
    const Dimension* dimension = model.dimension(dimensionId);
    if (!dimension)
        return chart;
    for (const auto& question : dimension->questions)
        chart.axes << shortQuestion(question);
    for (std::size_t n = 0; n < groups.size(); ++n) {
        const GroupScores& g = groups[n];
        std::vector<std::optional<double>> values;
        for (const auto& question : dimension->questions) {
            std::optional<double> level;
            for (const auto& result : g.scores.questions)
                if (result.question && result.question->id == question.id && !result.answer.notApplicable)
                    level = result.answer.current;
            values.push_back(level);
        }
        chart.series.push_back(groupSeries(g.group, std::move(values), n));
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
                            earlier, radar_palette::baseline, false, Qt::DashLine});
    chart.series.push_back({QStringLiteral("After: %1").arg(QString::fromStdString(after.info.date)),
                            currentValues(after.scores), radar_palette::current, true});
    return chart;
}

} // namespace mw
