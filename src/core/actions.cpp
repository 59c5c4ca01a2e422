#include "actions.hpp"

#include <algorithm>
#include <cctype>
#include <tuple>

namespace mw {

std::string_view toString(ActionStatus status) {
    switch (status) {
    case ActionStatus::Planned:
        return "planned";
    case ActionStatus::InProgress:
        return "in-progress";
    case ActionStatus::Done:
        return "done";
    case ActionStatus::Dropped:
        return "dropped";
    }
    return "planned";
}

std::optional<ActionStatus> actionStatusFromString(std::string_view text) {
    std::string folded;
    for (const char c : text)
        folded += c == ' ' || c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const auto status :
         {ActionStatus::Planned, ActionStatus::InProgress, ActionStatus::Done, ActionStatus::Dropped})
        if (folded == toString(status))
            return status;
    return std::nullopt;
}

Action applied(Action action, const ActionEdit& edit) {
    if (edit.title)
        action.title = *edit.title;
    if (edit.owner)
        action.owner = *edit.owner;
    if (edit.due)
        action.due = *edit.due;
    if (edit.status)
        action.status = *edit.status;
    if (edit.note)
        action.note = *edit.note;
    return action;
}

std::optional<std::string> checkAction(const Model& model, const Action& action) {
    if (action.title.find_first_not_of(" \t\r\n") == std::string::npos)
        return std::string("title: an action needs a title");
    if (!action.due.empty() && !isIsoDate(action.due))
        return "due: '" + action.due + "' is not a date such as 2026-06-30";
    if (action.questionIds.empty())
        return std::string("questions: an action serves at least one question");
    for (const auto& id : action.questionIds)
        if (!model.question(id))
            return "questions: unknown question '" + id + "' in model " + model.id + " " + model.version;
    return std::nullopt;
}

bool isLate(const Action& action, std::string_view today) {
    const bool open = action.status == ActionStatus::Planned || action.status == ActionStatus::InProgress;
    return open && !action.continuedInFollowUp && !action.due.empty() && action.due < today;
}

Action actionForGap(const Gap& gap) {
    Action action;
    action.title =
        gap.recommendation.empty() ? "Raise " + gap.questionId + ": " + gap.questionText : gap.recommendation;
    action.questionIds = {gap.questionId};
    return action;
}

const Gap* mostUrgentGap(const Action& action, const std::vector<Gap>& gaps) {
    const Gap* best = nullptr;
    for (const auto& gap : gaps) {
        if (std::find(action.questionIds.begin(), action.questionIds.end(), gap.questionId) ==
            action.questionIds.end())
            continue;
        if (!best || gap.horizon < best->horizon ||
            (gap.horizon == best->horizon && gap.priority > best->priority))
            best = &gap;
    }
    return best;
}

std::set<std::string> questionsServed(const std::vector<Action>& actions) {
    std::set<std::string> served;
    for (const auto& action : actions)
        if (action.status != ActionStatus::Dropped)
            served.insert(action.questionIds.begin(), action.questionIds.end());
    return served;
}

void sortByHorizonAndPriority(std::vector<Action>& actions, const std::vector<Gap>& gaps) {
    auto key = [&](const Action& action) {
        const Gap* gap = mostUrgentGap(action, gaps);
        // No gap sorts after every horizon, no date after every date.
        return std::make_tuple(gap ? static_cast<int>(gap->horizon) : 3, gap ? -gap->priority : 0.0,
                               action.due.empty() ? std::string("9999") : action.due, action.title);
    };
    std::stable_sort(actions.begin(), actions.end(),
                     [&](const Action& a, const Action& b) { return key(a) < key(b); });
}

} // namespace mw
