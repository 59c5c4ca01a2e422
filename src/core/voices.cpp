#include "voices.hpp"

#include <algorithm>
#include <cmath>

namespace mw {

namespace {

bool isVoice(const Participant& p) {
    return !p.isDefault;
}

// The voices' levels of one question (N/A and unanswered left out), with each voice's group.
std::vector<std::pair<std::string, double>> voiceLevels(const std::vector<Answer>& answers,
                                                        const Roster& roster, const std::string& questionId) {
    std::vector<std::pair<std::string, double>> levels;
    for (const auto& a : answers)
        if (a.questionId == questionId && a.current && !a.notApplicable &&
            (!roster.consensusId || a.participantId != *roster.consensusId))
            levels.emplace_back(roster.group(a.participantId), *a.current);
    return levels;
}

} // namespace

std::size_t answeredBy(Id participant, const std::vector<Answer>& answers) {
    return static_cast<std::size_t>(std::count_if(answers.begin(), answers.end(), [&](const Answer& a) {
        return a.participantId == participant && a.hasLevel();
    }));
}

std::vector<std::string> voiceGroups(const std::vector<Participant>& participants) {
    std::vector<std::string> groups;
    for (const auto& p : participants)
        if (isVoice(p) && std::find(groups.begin(), groups.end(), p.group) == groups.end())
            groups.push_back(p.group);
    return groups;
}

std::vector<GroupScores> scoresByGroup(const Model& model, const std::vector<Answer>& answers,
                                       const std::vector<Participant>& participants) {
    const Roster roster = Roster::of(participants);
    std::vector<GroupScores> out;
    for (const auto& group : voiceGroups(participants)) {
        GroupScores scores;
        scores.group = group;
        std::vector<Answer> voices;
        for (const auto& p : participants)
            if (isVoice(p) && p.group == group)
                ++scores.voices;
        for (const auto& a : answers)
            if (roster.groupOf.contains(a.participantId) && roster.groupOf.at(a.participantId) == group)
                voices.push_back(a);
        scores.scores = computeScores(model, voices, roster);
        out.push_back(std::move(scores));
    }
    return out;
}

namespace {

std::optional<QuestionSpread> spreadOf(const Model& model, const std::vector<Answer>& answers,
                                       const Roster& roster, const std::string& questionId) {
    const auto levels = voiceLevels(answers, roster, questionId);
    std::map<std::string, std::pair<double, int>> sums;
    for (const auto& [group, level] : levels) {
        sums[group].first += level;
        ++sums[group].second;
    }
    if (sums.size() < 2)
        return std::nullopt;
    QuestionSpread spread;
    spread.questionId = questionId;
    for (const auto& [group, sum] : sums)
        spread.groupLevels[group] = sum.first / sum.second;
    const auto [lowest, highest] =
        std::minmax_element(spread.groupLevels.begin(), spread.groupLevels.end(),
                            [](const auto& a, const auto& b) { return a.second < b.second; });
    spread.spread = highest->second - lowest->second;
    const auto [minVoice, maxVoice] = std::minmax_element(
        levels.begin(), levels.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
    const auto minIndex = model.levelIndex(minVoice->second);
    const auto maxIndex = model.levelIndex(maxVoice->second);
    spread.discuss = minIndex && maxIndex && *maxIndex >= *minIndex + 2;
    return spread;
}

} // namespace

std::optional<QuestionSpread> questionSpread(const Model& model, const std::vector<Answer>& answers,
                                             const std::vector<Participant>& participants,
                                             const std::string& questionId) {
    return spreadOf(model, answers, Roster::of(participants), questionId);
}

std::vector<QuestionSpread> divergence(const Model& model, const std::vector<Answer>& answers,
                                       const std::vector<Participant>& participants) {
    const Roster roster = Roster::of(participants);
    std::vector<QuestionSpread> out;
    for (const auto* question : model.allQuestions())
        if (auto spread = spreadOf(model, answers, roster, question->id))
            out.push_back(std::move(*spread));
    std::stable_sort(out.begin(), out.end(), [](const QuestionSpread& a, const QuestionSpread& b) {
        return a.spread > b.spread + 1e-9;
    });
    return out;
}

std::optional<double> suggestedConsensus(const Model& model, const std::vector<Answer>& answers,
                                         const std::vector<Participant>& participants,
                                         const std::string& questionId) {
    auto levels = voiceLevels(answers, Roster::of(participants), questionId);
    if (levels.empty())
        return std::nullopt;
    std::vector<double> values;
    for (const auto& [group, level] : levels)
        values.push_back(level);
    std::sort(values.begin(), values.end());
    const std::size_t mid = values.size() / 2;
    const double median = values.size() % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    // On the scale: the level nearest the median, the lower one when it lies halfway.
    const ScaleLevel* best = nullptr;
    for (const auto& level : model.scale)
        if (!best || std::abs(level.value - median) < std::abs(best->value - median) - 1e-9)
            best = &level;
    return best ? std::optional<double>(best->value) : std::nullopt;
}

std::string leadGroupSentence(const Model& model, const QuestionSpread& spread) {
    const Question* question = model.question(spread.questionId);
    if (!question || question->askFirst.empty())
        return {};
    const std::string& lead = question->askFirst.front();
    const auto own = spread.groupLevels.find(lead);
    if (own == spread.groupLevels.end())
        return {};
    const std::pair<const std::string, double>* furthest = nullptr;
    for (const auto& entry : spread.groupLevels)
        if (entry.first != lead && std::abs(entry.second - own->second) >= 1 - 1e-9 &&
            (!furthest || std::abs(entry.second - own->second) > std::abs(furthest->second - own->second)))
            furthest = &entry;
    if (!furthest)
        return {};
    return lead + " should lead on " + question->id + ", and puts it at " + formatNumber(own->second) +
           " where " + furthest->first + " puts it at " + formatNumber(furthest->second) + ": hear " + lead +
           "'s account of the evidence before the room settles the level.";
}

} // namespace mw
