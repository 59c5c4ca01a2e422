#pragma once
#include "scoring.hpp"

namespace mw {

struct QuestionDelta {
    std::string questionId;
    std::string questionText;
    std::string dimensionId;
    std::string dimensionTitle;
    std::optional<double> before; // empty: unanswered or N/A on that side
    std::optional<double> after;
    std::string beforeNote;
    std::string afterNote;
    std::optional<double> delta() const;
};

struct DimensionDelta {
    std::string id;
    std::string title;
    std::optional<double> before;
    std::optional<double> after;
    std::optional<double> delta() const;
};

struct Comparison {
    std::vector<DimensionDelta> dimensions; // dimensions present in both models
    std::vector<QuestionDelta> questions;   // questions present in both models, in the later model's order
    std::optional<double> overallBefore;
    std::optional<double> overallAfter;
    std::optional<double> overallDelta() const;
    // What a floor hides on each side: the index without it, and the questions holding it (empty: none).
    std::optional<double> overallBeforeUncapped;
    std::optional<double> overallAfterUncapped;
    std::vector<FloorHold> overallBeforeHeldBy;
    std::vector<FloorHold> overallAfterHeldBy;
    std::size_t improved = 0;
    std::size_t declined = 0;
    std::size_t unchanged = 0;
    std::size_t notComparable = 0;         // unanswered or N/A on one side
    std::vector<std::string> onlyInBefore; // question ids the later model dropped
    std::vector<std::string> onlyInAfter;  // question ids the later model added
    bool sameModelVersion = true;
};

// What a floor holds on each side, as floorSentence words it, each naming its side as given
// ("Before: the overall index"); nothing for a side no floor holds.
std::vector<std::string> heldIndexSentences(const Comparison& comparison, const std::string& beforeIndex,
                                            const std::string& afterIndex);

// Each side's answers are combined under its own roster (see consolidate).
Comparison compareAssessments(const Model& beforeModel, const std::vector<Answer>& beforeAnswers,
                              const Model& afterModel, const std::vector<Answer>& afterAnswers,
                              const Roster& beforeRoster = {}, const Roster& afterRoster = {});

} // namespace mw
