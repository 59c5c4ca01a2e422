// Bundles: one assessment with everything needed to rebuild it elsewhere; imports are all or nothing.
#include "storage/sql_support.hpp"

#include <algorithm>
#include <map>

namespace mw {

using namespace sql;

Result<Bundle> Store::exportBundle(Id assessmentId) const {
    auto loaded = assessment(assessmentId);
    if (!loaded)
        return std::unexpected(loaded.error());
    auto client = this->client(loaded->info.clientId);
    auto participants = this->participants(assessmentId);
    auto answers = this->answers(assessmentId);
    auto actions = this->actions(assessmentId);
    if (!actions)
        return std::unexpected(actions.error());
    auto evidence = this->evidence(assessmentId);
    if (!evidence)
        return std::unexpected(evidence.error());
    if (!client)
        return std::unexpected(client.error());
    if (!participants)
        return std::unexpected(participants.error());
    if (!answers)
        return std::unexpected(answers.error());
    Bundle bundle;
    bundle.client = *client;
    bundle.assessment = loaded->info;
    bundle.model = std::move(loaded->model);
    if (loaded->info.baselineId) {
        auto baseline = assessmentInfo(*loaded->info.baselineId);
        if (baseline)
            bundle.baselineUid = baseline->uid;
    }
    if (!bundle.baselineUid) {
        // A follow-up imported without its baseline keeps the baseline's uid: exported again, it still says
        // which assessment it follows up, and links when that one arrives.
        auto stored = guarded(path_, "read the baseline link", [&]() -> Result<std::optional<std::string>> {
            SQLite::Statement q(*db_, "SELECT baseline_uid FROM assessments WHERE id = ?");
            q.bind(1, static_cast<int64_t>(assessmentId));
            if (q.executeStep() && !q.getColumn(0).isNull())
                return std::optional<std::string>(q.getColumn(0).getString());
            return std::optional<std::string>();
        });
        if (!stored)
            return std::unexpected(stored.error());
        bundle.baselineUid = *stored;
    }
    // Bundle-local participant keys: 1, 2, ... in creation order.
    std::map<Id, Id> keys;
    for (auto p : *participants) {
        const Id key = static_cast<Id>(keys.size()) + 1;
        keys[p.id] = key;
        p.id = key;
        bundle.participants.push_back(p);
    }
    for (auto a : *answers) {
        a.participantId = keys[a.participantId];
        bundle.answers.push_back(std::move(a));
    }
    for (auto a : *actions) {
        a.id = 0;
        bundle.actions.push_back(std::move(a));
    }
    for (auto e : *evidence) {
        e.id = 0;
        if (e.participantId)
            e.participantId =
                keys.contains(*e.participantId) ? std::optional(keys[*e.participantId]) : std::nullopt;
        bundle.evidence.push_back(std::move(e));
    }
    return bundle;
}

Result<ImportOutcome> Store::importBundle(const Bundle& bundle) {
    backUpIfDue();
    return importOne(bundle, nullptr);
}

Result<ImportOutcome> Store::importOne(const Bundle& bundle, KnownSnapshots* known) {
    return guarded(path_, "import the bundle", [&]() -> Result<ImportOutcome> {
        ImportOutcome outcome;
        {
            auto q = statements_->prepare("SELECT id FROM assessments WHERE uid = ?");
            q->bind(1, bundle.assessment.uid);
            if (q->executeStep())
                return mergeBundle(q->getColumn(0).getInt64(), bundle);
        }
        WriteScope transaction(*db_);
        Id clientId = 0;
        {
            auto q = statements_->prepare("SELECT id FROM clients WHERE name = ?");
            q->bind(1, bundle.client.name);
            if (q->executeStep()) {
                clientId = q->getColumn(0).getInt64();
            } else {
                clientId =
                    insertClient(*statements_, bundle.client.name, bundle.client.sector, bundle.client.notes);
                outcome.createdClient = true;
            }
        }
        std::optional<Id> baselineId;
        if (bundle.baselineUid) {
            auto q = statements_->prepare("SELECT id FROM assessments WHERE uid = ?");
            q->bind(1, *bundle.baselineUid);
            if (q->executeStep())
                baselineId = q->getColumn(0).getInt64();
        }
        const auto& info = bundle.assessment;
        AssessmentRow row{info.uid,    clientId,   info.title,         info.date,     info.assessor,
                          info.status, baselineId, bundle.baselineUid, &bundle.model, std::nullopt};
        if (known) {
            const auto same = std::find_if(known->begin(), known->end(), [&](const auto& entry) {
                const Model& seen = *entry.first;
                return seen.id == bundle.model.id && seen.version == bundle.model.version &&
                       seen.source == bundle.model.source;
            });
            if (same != known->end()) {
                row.snapshotId = same->second;
            } else {
                row.snapshotId = snapshotId(*statements_, bundle.model.id, bundle.model.version,
                                            bundle.model.source.dump());
                known->emplace_back(&bundle.model, *row.snapshotId);
            }
        }
        const Id id = insertAssessment(*statements_, row);
        std::map<Id, Id> participantIds;
        for (const auto& p : bundle.participants)
            participantIds[p.id] = insertParticipant(*statements_, id, p);
        for (auto a : bundle.answers) {
            a.participantId = participantIds.at(a.participantId);
            insertAnswer(*statements_, id, a);
        }
        for (const auto& action : bundle.actions)
            upsertAction(*statements_, id, action);
        importEvidence(*statements_, id, bundle.evidence, participantIds, outcome);
        // Follow-ups imported before their baseline get linked now.
        auto link = statements_->prepare("UPDATE assessments SET baseline_id = ? WHERE baseline_uid = ? AND "
                                         "baseline_id IS NULL");
        link->bind(1, static_cast<int64_t>(id));
        link->bind(2, info.uid);
        link->exec();
        transaction.commit();
        outcome.assessmentId = id;
        outcome.answers = bundle.answers.size();
        outcome.linkedBaseline = baselineId;
        return outcome;
    });
}

Result<std::vector<ImportOutcome>> Store::importBundles(const std::vector<NamedBundle>& bundles) {
    backUpIfDue();
    return guarded(path_, "import the bundles", [&]() -> Result<std::vector<ImportOutcome>> {
        SQLite::Transaction all(*db_, SQLite::TransactionBehavior::IMMEDIATE);
        std::vector<ImportOutcome> outcomes;
        outcomes.reserve(bundles.size());
        KnownSnapshots known;
        for (const auto& [name, bundle] : bundles) {
            auto outcome = importOne(*bundle, &known);
            if (!outcome) // the transaction rolls back: nothing of any bundle is kept
                return fail(name + ": " + outcome.error().message + "; nothing was imported");
            outcomes.push_back(std::move(*outcome));
        }
        all.commit();
        return outcomes;
    });
}

} // namespace mw
