#pragma once
// The action plan: what the client will do about its gaps, who owns it, by when, and how far it got.
#include "assessment.hpp"
#include "gaps.hpp"
#include "model.hpp"

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace mw {

enum class ActionStatus { Planned, InProgress, Done, Dropped };
std::string_view toString(ActionStatus status);
// "planned", "in-progress" (or "in progress"), "done", "dropped", in any case.
std::optional<ActionStatus> actionStatusFromString(std::string_view text);
// The words a message lists when a status is not one of them.
inline constexpr std::string_view kActionStatuses = "planned, in-progress, done or dropped";

struct Action {
    Id id = 0;
    std::string uid; // stable across export, import and follow-ups' copies
    std::string title;
    std::string owner;
    std::string due; // YYYY-MM-DD, or empty when no date is agreed yet
    ActionStatus status = ActionStatus::Planned;
    std::string note;
    std::vector<std::string> questionIds; // the gaps it serves; at least one
    // The baseline's action this one continues (its uid): a follow-up starts with a copy of every action
    // of its baseline, whose status moves on there while the baseline keeps the plan as it stood.
    std::string carriedFrom;
    std::string updatedAt; // ISO 8601 UTC
    // Not stored: set when a baseline's plan is read and a follow-up carries this action on. The work is
    // tracked there, so the baseline's copy, kept as the plan stood, is never late.
    bool continuedInFollowUp = false;

    bool operator==(const Action&) const = default;
};

// What an edit may change; an empty optional leaves the field as it is.
struct ActionEdit {
    std::optional<std::string> title;
    std::optional<std::string> owner;
    std::optional<std::string> due; // "" clears the date
    std::optional<ActionStatus> status;
    std::optional<std::string> note;
};
Action applied(Action action, const ActionEdit& edit);

// One problem of the action against the model, naming the field: a blank title, a due date that is not a
// date, no question, or a question the model does not ask.
std::optional<std::string> checkAction(const Model& model, const Action& action);

// Still open (planned or in progress), due before today, and not carried on to a follow-up.
bool isLate(const Action& action, std::string_view today);

// A new action for a gap: the model's next step as its title, the gap's question.
Action actionForGap(const Gap& gap);

// The most urgent gap an action serves (earliest horizon, then highest priority), or null when none of its
// questions has a gap any more.
const Gap* mostUrgentGap(const Action& action, const std::vector<Gap>& gaps);

// The questions the plan covers: those of every action but the dropped ones. A gap whose question is not
// among them still needs an action.
std::set<std::string> questionsServed(const std::vector<Action>& actions);

// The plan's order: by the best horizon and priority of the gaps each action serves (actions whose
// questions have no gap any more come last), then by due date and title.
void sortByHorizonAndPriority(std::vector<Action>& actions, const std::vector<Gap>& gaps);

} // namespace mw
