#include "model.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace mw {

namespace {
constexpr double kEpsilon = 1e-9;
}

std::string_view toString(AggregationRule rule) {
    switch (rule) {
    case AggregationRule::WeightedMean:
        return "weighted-mean";
    case AggregationRule::Threshold:
        return "threshold";
    case AggregationRule::LevelSum:
        return "level-sum";
    }
    return "weighted-mean";
}

std::optional<AggregationRule> aggregationRuleFromString(std::string_view text) {
    if (text == "weighted-mean")
        return AggregationRule::WeightedMean;
    if (text == "threshold")
        return AggregationRule::Threshold;
    if (text == "level-sum")
        return AggregationRule::LevelSum;
    return std::nullopt;
}

const Question* Model::question(std::string_view questionId) const {
    for (const auto& dim : dimensions)
        for (const auto& q : dim.questions)
            if (q.id == questionId)
                return &q;
    return nullptr;
}

const Dimension* Model::dimension(std::string_view dimensionId) const {
    for (const auto& dim : dimensions)
        if (dim.id == dimensionId)
            return &dim;
    return nullptr;
}

std::size_t Model::questionCount() const {
    std::size_t count = 0;
    for (const auto& dim : dimensions)
        count += dim.questions.size();
    return count;
}

std::vector<const Question*> Model::allQuestions() const {
    std::vector<const Question*> out;
    out.reserve(questionCount());
    for (const auto& dim : dimensions)
        for (const auto& q : dim.questions)
            out.push_back(&q);
    return out;
}

std::optional<std::size_t> Model::levelIndex(double value) const {
    for (std::size_t i = 0; i < scale.size(); ++i)
        if (std::fabs(scale[i].value - value) < kEpsilon)
            return i;
    return std::nullopt;
}

static std::string labelAtOrBelow(const std::vector<ScaleLevel>& levels, double value) {
    std::string label;
    for (const auto& level : levels)
        if (level.value <= value + kEpsilon)
            label = level.label;
    return label;
}

std::string Model::levelLabel(double value) const {
    return labelAtOrBelow(scale, value);
}

const std::vector<ScaleLevel>& Model::scoreLevels() const {
    return aggregation.rule == AggregationRule::WeightedMean ? scale : aggregation.tiers;
}

std::string Model::scoreLabel(double score) const {
    return labelAtOrBelow(scoreLevels(), score);
}

double Model::minScore() const {
    return scoreLevels().empty() ? 0 : scoreLevels().front().value;
}
double Model::maxScore() const {
    return scoreLevels().empty() ? 0 : scoreLevels().back().value;
}

std::string Model::scaleValuesText() const {
    std::string out;
    for (const auto& level : scale) {
        if (!out.empty())
            out += ", ";
        out += formatNumber(level.value);
    }
    return out;
}

std::string formatExact(double value) {
    char buffer[32];
    const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
    return error == std::errc() ? std::string(buffer, end) : std::string("?");
}

std::string formatScore(double value) {
    if (!std::isfinite(value) || std::abs(value) >= 1e15)
        return formatExact(value);
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.2f", value);
    const std::string text = buffer;
    return text == "-0.00" ? "0.00" : text;
}

std::string formatNumber(double value, int maxDecimals) {
    if (!std::isfinite(value) || std::abs(value) >= 1e15)
        return formatExact(value); // never a hundred digits
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", maxDecimals, value);
    std::string text = buffer;
    if (text.find('.') != std::string::npos) {
        while (!text.empty() && text.back() == '0')
            text.pop_back();
        if (!text.empty() && text.back() == '.')
            text.pop_back();
    }
    if (text == "-0")
        text = "0";
    return text;
}

namespace {
std::vector<int> versionParts(const std::string& version) {
    std::vector<int> parts;
    std::size_t start = 0;
    while (parts.size() < 3 && start < version.size()) {
        parts.push_back(std::atoi(version.c_str() + start));
        auto dot = version.find('.', start);
        if (dot == std::string::npos)
            break;
        start = dot + 1;
    }
    return parts;
}
} // namespace

bool isNewerVersion(const std::string& candidate, const std::string& than) {
    return versionParts(candidate) > versionParts(than);
}

std::string_view toString(Consequence consequence) {
    switch (consequence) {
    case Consequence::Safety:
        return "safety";
    case Consequence::Production:
        return "production";
    case Consequence::Data:
        return "data";
    case Consequence::Compliance:
        return "compliance";
    case Consequence::None:
        break;
    }
    return "";
}

std::optional<Consequence> consequenceFromString(std::string_view text) {
    for (auto c : {Consequence::Safety, Consequence::Production, Consequence::Data, Consequence::Compliance})
        if (text == toString(c))
            return c;
    return std::nullopt;
}

std::string askFirstSentence(const Question& question) {
    const auto& groups = question.askFirst;
    if (groups.empty())
        return {};
    std::string out = "Ask " + groups.front() + " first";
    for (std::size_t i = 1; i < groups.size(); ++i)
        out += (i == 1 ? ", then " : i + 1 == groups.size() ? " and " : ", ") + groups[i];
    return out;
}

double Priority::factor(Consequence consequence) const {
    auto it = consequenceFactors.find(consequence);
    return it == consequenceFactors.end() ? 1.0 : it->second;
}

} // namespace mw
