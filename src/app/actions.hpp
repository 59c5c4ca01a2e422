#pragma once
// The action plan: turning gaps into actions with owners and dates, and following them up.
#include "app/workspace.hpp"
#include "core/actions.hpp"
#include "core/gaps.hpp"

namespace mw::app {

struct ActionPlan {
    std::vector<Action> actions;        // by horizon and priority of the gaps they serve
    std::vector<Gap> gapsWithoutAction; // ranked, as the roadmap lists them
    std::vector<Gap> gaps;              // every gap, for horizons and priorities
    std::string today;                  // what "late" was judged against
};
Result<ActionPlan> actionPlan(Workspace& workspace, Id assessmentId);

struct NewAction {
    std::vector<std::string> questions;
    std::optional<std::string> title; // empty: the model's next step for the first question's gap
    std::string owner;
    std::string due;
    ActionStatus status = ActionStatus::Planned;
    std::string note;
};
// Checked against the assessment's model and committed at once.
Result<Action> addAction(Workspace& workspace, Id assessmentId, const NewAction& request);
// Changes the fields that are set, wherever the action is; returns it as stored.
Result<Action> editAction(Workspace& workspace, Id actionId, const ActionEdit& edit);
// Writes a whole action back as it was (undo and redo: its uid is kept), or removes it.
Result<Action> restoreAction(Workspace& workspace, Id assessmentId, const Action& action);
Result<void> removeAction(Workspace& workspace, Id assessmentId, Id actionId);

// Reads an edited `actions --out FILE.csv` back: all or nothing, a refused row named with its column.
// Returns the actions it changed.
Result<std::vector<Action>> importActionsCsv(Workspace& workspace, Id assessmentId, std::string_view csv);

} // namespace mw::app
