#include "gaps.hpp"

#include <algorithm>
#include <cmath>

namespace mw {

std::string_view toString(Horizon horizon) {
    switch (horizon) {
    case Horizon::Now:
        return "now";
    case Horizon::Next:
        return "next";
    case Horizon::Later:
        return "later";
    }
    return "later";
}

std::string_view horizonTitle(Horizon horizon) {
    switch (horizon) {
    case Horizon::Now:
        return "Now";
    case Horizon::Next:
        return "Next";
    case Horizon::Later:
        return "Later";
    }
    return "Later";
}

std::string_view horizonPeriod(Horizon horizon) {
    switch (horizon) {
    case Horizon::Now:
        return "0-3 months";
    case Horizon::Next:
        return "3-12 months";
    case Horizon::Later:
        return "12+ months";
    }
    return "";
}

std::vector<Gap> rankGaps(const Model& model, const Scorecard& scores) {
    std::vector<Gap> gaps;
    std::size_t order = 0;
    std::vector<std::pair<Gap, std::size_t>> ranked;
    for (const auto& r : scores.questions) {
        ++order;
        if (!r.answer.current)
            continue;
        const double current = *r.answer.current;
        const double target = r.effectiveTarget();
        const double gap = target - current;
        if (gap <= 1e-9)
            continue;
        Gap g;
        g.questionId = r.question->id;
        g.questionText = r.question->text;
        g.dimensionId = r.dimension->id;
        g.dimensionTitle = r.dimension->title;
        g.current = current;
        g.target = target;
        g.gap = gap;
        g.consequence = r.question->consequence;
        g.consequenceFactor = model.priority.factor(g.consequence);
        g.priority = gap * r.question->weight * r.dimension->weight * g.consequenceFactor;
        g.currentLabel = model.levelLabel(current);
        g.targetLabel = model.levelLabel(target);
        // The step out of the level reached (a fractional consolidated level counts as the one below).
        std::size_t levelIndex = 0;
        for (std::size_t i = 0; i < model.scale.size(); ++i)
            if (model.scale[i].value <= current + 1e-9)
                levelIndex = i;
        if (levelIndex < r.question->recommendations.size())
            g.recommendation = r.question->recommendations[levelIndex];
        ranked.emplace_back(std::move(g), order);
    }
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
        if (std::fabs(a.first.priority - b.first.priority) > 1e-9)
            return a.first.priority > b.first.priority;
        if (std::fabs(a.first.gap - b.first.gap) > 1e-9)
            return a.first.gap > b.first.gap;
        return a.second < b.second;
    });
    // Horizons split the ranked list into thirds by priority relative to the largest gap.
    const double top = ranked.empty() ? 0 : ranked.front().first.priority;
    for (auto& [g, unused] : ranked) {
        const double share = top > 0 ? g.priority / top : 0;
        g.horizon = share >= 2.0 / 3.0 - 1e-9   ? Horizon::Now
                    : share >= 1.0 / 3.0 - 1e-9 ? Horizon::Next
                                                : Horizon::Later;
        gaps.push_back(std::move(g));
    }
    return gaps;
}

std::vector<Gap> rankGaps(const Model& model, const std::vector<Answer>& answers) {
    return rankGaps(model, computeScores(model, answers));
}

} // namespace mw
