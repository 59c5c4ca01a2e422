#include "app/actions.hpp"

#include "app/assessments.hpp"
#include "core/action_csv.hpp"

#include <algorithm>
#include <set>

namespace mw::app {

Result<ActionPlan> actionPlan(Workspace& workspace, Id assessmentId) {
    auto state = loadAssessment(workspace, assessmentId);
    if (!state)
        return std::unexpected(state.error());
    ActionPlan plan;
    plan.actions = std::move(state->actions);
    plan.gaps = std::move(state->gaps);
    plan.today = todayIsoDate();
    const std::set<std::string> served = questionsServed(plan.actions);
    for (const auto& gap : plan.gaps)
        if (!served.contains(gap.questionId))
            plan.gapsWithoutAction.push_back(gap);
    return plan;
}

Result<Action> addAction(Workspace& workspace, Id assessmentId, const NewAction& request) {
    if (request.questions.empty())
        return fail("an action serves at least one question (--question Q)");
    Action action;
    if (request.title) {
        action.title = *request.title;
    } else {
        auto state = loadAssessment(workspace, assessmentId);
        if (!state)
            return std::unexpected(state.error());
        const auto gap = std::find_if(state->gaps.begin(), state->gaps.end(), [&](const Gap& g) {
            return g.questionId == request.questions.front();
        });
        if (gap == state->gaps.end())
            return fail("assessment " + std::to_string(assessmentId) + ": question '" +
                        request.questions.front() +
                        "' has no gap to take a next step from (no target above its level); give a title");
        action.title = actionForGap(*gap).title;
    }
    action.questionIds = request.questions;
    action.owner = request.owner;
    action.due = request.due;
    action.status = request.status;
    action.note = request.note;
    return workspace.store().saveAction(assessmentId, std::move(action));
}

Result<Action> editAction(Workspace& workspace, Id actionId, const ActionEdit& edit) {
    Store& store = workspace.store();
    auto assessmentId = store.actionAssessment(actionId);
    if (!assessmentId)
        return std::unexpected(assessmentId.error());
    auto actions = store.actions(*assessmentId);
    if (!actions)
        return std::unexpected(actions.error());
    const auto found =
        std::find_if(actions->begin(), actions->end(), [&](const Action& a) { return a.id == actionId; });
    Action changed = applied(*found, edit);
    changed.updatedAt.clear();
    return store.saveAction(*assessmentId, std::move(changed));
}

Result<Action> restoreAction(Workspace& workspace, Id assessmentId, const Action& action) {
    Action restored = action;
    restored.id = 0; // matched by uid: it may have been removed since
    restored.updatedAt.clear();
    return workspace.store().saveAction(assessmentId, std::move(restored));
}

Result<void> removeAction(Workspace& workspace, Id assessmentId, Id actionId) {
    return workspace.store().removeAction(assessmentId, actionId);
}

Result<std::vector<Action>> importActionsCsv(Workspace& workspace, Id assessmentId, std::string_view csv) {
    Store& store = workspace.store();
    auto current = store.actions(assessmentId);
    if (!current)
        return std::unexpected(current.error());
    auto changed = readActionsCsv(csv, *current);
    if (!changed)
        return std::unexpected(changed.error());
    if (changed->empty())
        return std::vector<Action>{};
    return store.saveActions(assessmentId, std::move(*changed));
}

} // namespace mw::app
