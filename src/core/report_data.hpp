#pragma once
// An assessment with its computed results: what every report, spreadsheet and view is made from.
#include "actions.hpp"
#include "bundle.hpp"
#include "comparison.hpp"
#include "gaps.hpp"
#include "scoring.hpp"

#include <memory>
#include <optional>

namespace mw {

// The assessment a follow-up was started from, scored, and what changed from it to the follow-up.
struct BaselineSummary {
    AssessmentInfo info;
    std::shared_ptr<const Model> model;
    Scorecard scores;
    Comparison change; // baseline before, follow-up after
};

// Scores a baseline and compares it with the assessment that follows it.
BaselineSummary summarizeBaseline(AssessmentInfo info, std::shared_ptr<const Model> model,
                                  const std::vector<Answer>& answers, const Roster& roster,
                                  const Model& laterModel, const std::vector<Answer>& laterAnswers,
                                  const Roster& laterRoster);

// The dimensions that moved most since a baseline: up to `count` that rose, largest rise first, and up to
// `count` that fell, largest fall first. Dimensions unscored on either side are left out.
struct DimensionMoves {
    std::vector<DimensionDelta> rose;
    std::vector<DimensionDelta> fell;
};
DimensionMoves largestMoves(const Comparison& change, std::size_t count);

// What an action carried from the baseline did to the questions it served: each question's level then
// and now, in the action's order (a question the later model no longer asks is left out).
struct ActionOutcome {
    Action action;
    std::vector<QuestionDelta> questions;
    std::size_t rose = 0; // questions whose level went up
    std::size_t fell = 0;
};
std::vector<ActionOutcome> actionOutcomes(const std::vector<Action>& actions, const Comparison& change);

// How many actions have each status, and how many of the open ones are late.
struct ActionTally {
    std::size_t planned = 0, inProgress = 0, done = 0, dropped = 0, late = 0;
    std::size_t total() const { return planned + inProgress + done + dropped; }
};
ActionTally tallyActions(const std::vector<Action>& actions, std::string_view today);

// The model is shared so that copies keep the scorecard's question pointers valid.
struct ReportData {
    Client client;
    AssessmentInfo info;
    std::shared_ptr<const Model> model;
    std::vector<Participant> participants;
    std::vector<Answer> answers;
    Scorecard scores;
    std::vector<Gap> gaps;
    std::vector<Action> actions;             // in the plan's order
    std::vector<Evidence> evidence;          // as listed: by when it was attached
    std::string today;                       // what "late" is judged against
    std::optional<BaselineSummary> baseline; // a follow-up's, when it can be read; never from a bundle

    static ReportData fromBundle(const Bundle& bundle);
    const Answer* consensusAnswer(const std::string& questionId) const;
};

} // namespace mw
