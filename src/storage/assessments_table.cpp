#include "storage/sql_support.hpp"

#include "core/model_loader.hpp"

#include <set>

namespace mw {

using namespace sql;

Result<std::vector<AssessmentInfo>> Store::assessments() const {
    return guarded(path_, "read the assessments", [&]() -> Result<std::vector<AssessmentInfo>> {
        std::vector<AssessmentInfo> out;
        SQLite::Statement q(*db_, std::string("SELECT ") + kAssessmentColumns +
                                      " FROM assessments a JOIN clients c ON c.id = a.client_id "
                                      "ORDER BY c.name COLLATE NOCASE, a.date, a.id");
        while (q.executeStep())
            out.push_back(readAssessment(q));
        return out;
    });
}

Result<AssessmentInfo> Store::assessmentInfo(Id id) const {
    return guarded(path_, "read the assessment", [&]() -> Result<AssessmentInfo> {
        SQLite::Statement q(*db_,
                            std::string("SELECT ") + kAssessmentColumns +
                                " FROM assessments a JOIN clients c ON c.id = a.client_id WHERE a.id = ?");
        q.bind(1, static_cast<int64_t>(id));
        if (!q.executeStep())
            return fail("no assessment with id " + std::to_string(id) + " in " + path_.string() +
                        " (run 'maturity list' to see the ids)");
        return readAssessment(q);
    });
}

Result<std::shared_ptr<const Model>> Store::modelOf(Id id) const {
    if (auto cached = modelCache_.find(id); cached != modelCache_.end())
        return cached->second;
    return guarded(path_, "read the assessment", [&]() -> Result<std::shared_ptr<const Model>> {
        SQLite::Statement q(*db_, "SELECT s.model_json FROM assessments a JOIN model_snapshots s ON "
                                  "s.id = a.snapshot_id WHERE a.id = ?");
        q.bind(1, static_cast<int64_t>(id));
        if (!q.executeStep())
            return fail("no assessment with id " + std::to_string(id) + " in " + path_.string() +
                        " (run 'maturity list' to see the ids)");
        auto model =
            loadModelText(q.getColumn(0).getString(), "model snapshot of assessment " + std::to_string(id));
        if (!model)
            return std::unexpected(model.error());
        return modelCache_.emplace(id, std::make_shared<const Model>(std::move(*model))).first->second;
    });
}

Result<LoadedAssessment> Store::assessment(Id id) const {
    auto info = assessmentInfo(id);
    if (!info)
        return std::unexpected(info.error());
    auto model = modelOf(id);
    if (!model)
        return std::unexpected(model.error());
    return LoadedAssessment{*info, **model};
}

Result<Id> Store::createAssessment(const NewAssessment& request) {
    backUpIfDue();
    if (!request.model)
        return fail("a new assessment needs a model");
    if (request.title.find_first_not_of(" \t") == std::string::npos)
        return fail("a new assessment needs a title");
    if (!isIsoDate(request.date))
        return fail("'" + request.date + "' is not a date such as 2025-03-31");
    std::optional<LoadedAssessment> baseline;
    std::vector<Answer> baselineAnswers;
    std::vector<Action> baselineActions;
    std::vector<Evidence> baselineEvidence;
    if (request.baselineId) {
        auto loaded = assessment(*request.baselineId);
        if (!loaded)
            return fail("baseline: " + loaded.error().message);
        baseline = std::move(*loaded);
        if (request.copyBaselineAnswers) {
            auto answers = this->answers(*request.baselineId);
            if (!answers)
                return std::unexpected(answers.error());
            baselineAnswers = std::move(*answers);
        }
        auto actions = this->actions(*request.baselineId);
        if (!actions)
            return std::unexpected(actions.error());
        baselineActions = std::move(*actions);
        auto evidence = this->evidence(*request.baselineId);
        if (!evidence)
            return std::unexpected(evidence.error());
        baselineEvidence = std::move(*evidence);
    }
    return guarded(path_, "create the assessment", [&]() -> Result<Id> {
        SQLite::Transaction transaction(*db_, SQLite::TransactionBehavior::IMMEDIATE);
        const std::string now = nowIsoUtc();
        const Id id =
            insertAssessment(*statements_, {newUid(), request.clientId, request.title, request.date,
                                            request.assessor, Status::Draft, request.baselineId,
                                            baseline ? std::optional(baseline->info.uid) : std::nullopt,
                                            request.model, std::nullopt});
        const Id participant = insertParticipant(*statements_, id, consensusParticipant());
        // A follow-up starts from the consensus answers of its baseline, where the new model still asks them.
        std::set<std::string> copied;
        for (auto answer : baselineAnswers) {
            if (checkAnswer(*request.model, answer) || !copied.insert(answer.questionId).second)
                continue;
            answer.participantId = participant;
            answer.updatedAt = now;
            answer.origin = origin_;
            insertAnswer(*statements_, id, answer);
        }
        // The baseline's action plan carries over: each action continues here, on the questions the new
        // model still asks, with its status as it stood.
        for (Action action : baselineActions) {
            std::erase_if(action.questionIds,
                          [&](const std::string& q) { return !request.model->question(q); });
            if (action.questionIds.empty())
                continue;
            action.carriedFrom = action.uid;
            action.uid = newUid();
            action.updatedAt = now;
            upsertAction(*statements_, id, action);
        }
        // So is its evidence, marked as the baseline's, so that the assessor sees what to renew. Evidence
        // of a voice links to the consensus: the follow-up's participants are its own.
        for (Evidence evidence : baselineEvidence) {
            const bool wholeAssessment = evidence.questionIds.empty();
            std::erase_if(evidence.questionIds,
                          [&](const std::string& q) { return !request.model->question(q); });
            if (!wholeAssessment && evidence.questionIds.empty())
                continue;
            evidence.carriedFrom = evidence.uid;
            evidence.uid = newUid();
            evidence.participantId.reset();
            evidence.addedAt = now;
            insertEvidence(*statements_, id, evidence);
        }
        transaction.commit();
        return id;
    });
}

Result<void> Store::updateAssessment(const AssessmentInfo& info) {
    backUpIfDue();
    if (info.title.find_first_not_of(" \t") == std::string::npos)
        return fail("an assessment needs a title");
    if (!isIsoDate(info.date))
        return fail("'" + info.date + "' is not a date such as 2025-03-31");
    if (info.baselineId && *info.baselineId == info.id)
        return fail("an assessment cannot be its own baseline");
    return guarded(path_, "update the assessment", [&]() -> Result<void> {
        SQLite::Statement q(*db_, "UPDATE assessments SET title = ?, date = ?, assessor = ?, status = ?, "
                                  "baseline_id = ?, updated_at = ? WHERE id = ?");
        q.bind(1, info.title);
        q.bind(2, info.date);
        q.bind(3, info.assessor);
        q.bind(4, std::string(toString(info.status)));
        bindOptionalId(q, 5, info.baselineId);
        q.bind(6, nowIsoUtc());
        q.bind(7, static_cast<int64_t>(info.id));
        if (q.exec() == 0)
            return fail("no assessment with id " + std::to_string(info.id));
        return {};
    });
}

Result<void> Store::deleteAssessment(Id id) {
    backUpIfDue();
    return guarded(path_, "delete the assessment", [&]() -> Result<void> {
        SQLite::Statement q(*db_, "DELETE FROM assessments WHERE id = ?");
        q.bind(1, static_cast<int64_t>(id));
        if (q.exec() == 0)
            return fail("no assessment with id " + std::to_string(id));
        modelCache_.erase(id);
        return {};
    });
}

Result<std::optional<Model>> Store::latestModelSnapshot(std::string_view modelId) const {
    return guarded(path_, "read the model snapshots", [&]() -> Result<std::optional<Model>> {
        SQLite::Statement q(*db_, "SELECT id, model_version FROM assessments WHERE model_id = ?");
        q.bind(1, std::string(modelId));
        std::optional<std::pair<std::string, Id>> newest;
        while (q.executeStep()) {
            std::string version = q.getColumn(1).getString();
            if (!newest || isNewerVersion(version, newest->first))
                newest.emplace(std::move(version), q.getColumn(0).getInt64());
        }
        if (!newest)
            return std::optional<Model>{};
        auto model = modelOf(newest->second);
        if (!model)
            return std::unexpected(model.error());
        return std::optional<Model>{**model};
    });
}

} // namespace mw
