#include "comparison.hpp"

#include <cmath>

namespace mw {

namespace {
std::optional<double> difference(const std::optional<double>& before, const std::optional<double>& after) {
    if (!before || !after)
        return std::nullopt;
    return *after - *before;
}

// Notes of the default participant, or the first note found.
std::map<std::string, std::string> notesByQuestion(const std::vector<Answer>& answers) {
    std::map<std::string, std::string> notes;
    for (const auto& a : answers)
        if (!a.note.empty() && !notes.contains(a.questionId))
            notes[a.questionId] = a.note;
    return notes;
}
} // namespace

std::optional<double> QuestionDelta::delta() const {
    return difference(before, after);
}
std::optional<double> DimensionDelta::delta() const {
    return difference(before, after);
}
std::optional<double> Comparison::overallDelta() const {
    return difference(overallBefore, overallAfter);
}

Comparison compareAssessments(const Model& beforeModel, const std::vector<Answer>& beforeAnswers,
                              const Model& afterModel, const std::vector<Answer>& afterAnswers,
                              const Roster& beforeRoster, const Roster& afterRoster) {
    Comparison result;
    result.sameModelVersion = beforeModel.id == afterModel.id && beforeModel.version == afterModel.version;
    const Scorecard before = computeScores(beforeModel, beforeAnswers, beforeRoster);
    const Scorecard after = computeScores(afterModel, afterAnswers, afterRoster);
    result.overallBefore = before.overall;
    result.overallAfter = after.overall;
    result.overallBeforeUncapped = before.overallUncapped;
    result.overallAfterUncapped = after.overallUncapped;
    result.overallBeforeHeldBy = before.overallHeldBy;
    result.overallAfterHeldBy = after.overallHeldBy;

    for (const auto& d : after.dimensions) {
        const DimensionResult* earlier = before.dimension(d.id);
        if (!earlier)
            continue;
        result.dimensions.push_back({d.id, d.title, earlier->current, d.current});
    }

    const auto beforeConsolidated = consolidate(beforeAnswers, beforeRoster);
    const auto afterConsolidated = consolidate(afterAnswers, afterRoster);
    const auto beforeNotes = notesByQuestion(beforeAnswers);
    const auto afterNotes = notesByQuestion(afterAnswers);
    auto levelOf = [](const std::map<std::string, ConsolidatedAnswer>& map, const std::string& id) {
        auto it = map.find(id);
        return it == map.end() ? std::optional<double>{} : it->second.current;
    };
    auto noteOf = [](const std::map<std::string, std::string>& map, const std::string& id) {
        auto it = map.find(id);
        return it == map.end() ? std::string{} : it->second;
    };

    for (const auto& dimension : afterModel.dimensions) {
        for (const auto& question : dimension.questions) {
            if (!beforeModel.question(question.id)) {
                result.onlyInAfter.push_back(question.id);
                continue;
            }
            QuestionDelta delta{question.id,
                                question.text,
                                dimension.id,
                                dimension.title,
                                levelOf(beforeConsolidated, question.id),
                                levelOf(afterConsolidated, question.id),
                                noteOf(beforeNotes, question.id),
                                noteOf(afterNotes, question.id)};
            if (auto change = delta.delta()) {
                if (*change > 1e-9)
                    ++result.improved;
                else if (*change < -1e-9)
                    ++result.declined;
                else
                    ++result.unchanged;
            } else {
                ++result.notComparable;
            }
            result.questions.push_back(std::move(delta));
        }
    }
    for (const auto* question : beforeModel.allQuestions())
        if (!afterModel.question(question->id))
            result.onlyInBefore.push_back(question->id);
    return result;
}

std::vector<std::string> heldIndexSentences(const Comparison& c, const std::string& beforeIndex,
                                            const std::string& afterIndex) {
    std::vector<std::string> sentences;
    for (std::string held :
         {floorSentence(beforeIndex, c.overallBefore, c.overallBeforeUncapped, c.overallBeforeHeldBy),
          floorSentence(afterIndex, c.overallAfter, c.overallAfterUncapped, c.overallAfterHeldBy)})
        if (!held.empty())
            sentences.push_back(std::move(held));
    return sentences;
}

} // namespace mw
