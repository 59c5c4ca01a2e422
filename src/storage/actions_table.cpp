// The action plan: each action with the questions it serves.
#include "storage/sql_support.hpp"

#include <map>
#include <set>

namespace mw {

using namespace sql;

Result<std::vector<Action>> Store::actions(Id assessmentId) const {
    return guarded(path_, "read the actions", [&]() -> Result<std::vector<Action>> {
        std::vector<Action> out;
        std::map<Id, std::size_t> at;
        {
            auto q = statements_->prepare("SELECT id, uid, title, owner, due, status, note, carried_from, "
                                          "updated_at FROM actions WHERE assessment_id = ? ORDER BY id");
            q->bind(1, static_cast<int64_t>(assessmentId));
            while (q->executeStep()) {
                out.push_back(readAction(*q));
                at[out.back().id] = out.size() - 1;
            }
        }
        auto q =
            statements_->prepare("SELECT l.action_id, l.question_id FROM action_questions l JOIN actions a "
                                 "ON a.id = l.action_id WHERE a.assessment_id = ? ORDER BY l.action_id, "
                                 "l.position");
        q->bind(1, static_cast<int64_t>(assessmentId));
        while (q->executeStep())
            out[at.at(q->getColumn(0).getInt64())].questionIds.push_back(q->getColumn(1).getString());
        // The actions its follow-ups carry on, by the uid their copies name.
        auto carried = statements_->prepare(
            "SELECT DISTINCT f.carried_from FROM assessments s JOIN actions f ON f.assessment_id = s.id "
            "WHERE s.baseline_id = ? AND f.carried_from <> ''");
        carried->bind(1, static_cast<int64_t>(assessmentId));
        std::set<std::string> continued;
        while (carried->executeStep())
            continued.insert(carried->getColumn(0).getString());
        for (auto& action : out)
            action.continuedInFollowUp = continued.contains(action.uid);
        return out;
    });
}

Result<Id> Store::actionAssessment(Id actionId) const {
    return guarded(path_, "find the action", [&]() -> Result<Id> {
        auto q = statements_->prepare("SELECT assessment_id FROM actions WHERE id = ?");
        q->bind(1, static_cast<int64_t>(actionId));
        if (!q->executeStep())
            return fail("no action with id " + std::to_string(actionId) +
                        " (list them with 'maturity actions ASSESSMENT_ID')");
        return Id{q->getColumn(0).getInt64()};
    });
}

Result<std::vector<Action>> Store::saveActions(Id assessmentId, std::vector<Action> actions) {
    backUpIfDue();
    auto model = modelOf(assessmentId);
    if (!model)
        return std::unexpected(model.error());
    auto existing = this->actions(assessmentId);
    if (!existing)
        return std::unexpected(existing.error());
    std::map<Id, const Action*> byId;
    for (const auto& a : *existing)
        byId[a.id] = &a;
    const std::string now = nowIsoUtc();
    for (Action& action : actions) {
        if (auto problem = checkAction(**model, action))
            return fail("assessment " + std::to_string(assessmentId) + ": action '" + action.title +
                        "': " + *problem);
        if (action.id != 0) {
            const auto found = byId.find(action.id);
            if (found == byId.end())
                return fail("assessment " + std::to_string(assessmentId) + " has no action " +
                            std::to_string(action.id));
            action.uid = found->second->uid; // an edit keeps the action's identity
            action.carriedFrom = found->second->carriedFrom;
        } else if (action.uid.empty()) {
            action.uid = newUid();
        }
        if (action.updatedAt.empty())
            action.updatedAt = now;
    }
    return guarded(path_, "save the actions", [&]() -> Result<std::vector<Action>> {
        WriteScope transaction(*db_);
        for (Action& action : actions)
            action.id = upsertAction(*statements_, assessmentId, action);
        auto touch = statements_->prepare("UPDATE assessments SET updated_at = ? WHERE id = ?");
        touch->bind(1, now);
        touch->bind(2, static_cast<int64_t>(assessmentId));
        touch->exec();
        transaction.commit();
        return actions;
    });
}

Result<Action> Store::saveAction(Id assessmentId, Action action) {
    auto saved = saveActions(assessmentId, {std::move(action)});
    if (!saved)
        return std::unexpected(saved.error());
    return std::move(saved->front());
}

Result<void> Store::removeAction(Id assessmentId, Id actionId) {
    backUpIfDue();
    return guarded(path_, "remove the action", [&]() -> Result<void> {
        auto q = statements_->prepare("DELETE FROM actions WHERE id = ? AND assessment_id = ?");
        q->bind(1, static_cast<int64_t>(actionId));
        q->bind(2, static_cast<int64_t>(assessmentId));
        q->exec();
        if (db_->getChanges() == 0)
            return fail("assessment " + std::to_string(assessmentId) + " has no action " +
                        std::to_string(actionId));
        return {};
    });
}

} // namespace mw
