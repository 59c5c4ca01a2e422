// Evidence records: listing, finding, editing, removing and restoring them, and the insert and import
// helpers.
#include "storage/sql_support.hpp"

#include <map>

namespace mw {

using namespace sql;

namespace {

Evidence readEvidence(SQLite::Statement& q) {
    Evidence e;
    e.id = q.getColumn(0).getInt64();
    e.uid = q.getColumn(1).getString();
    e.sha256 = q.getColumn(2).getString();
    e.size = q.getColumn(3).getInt64();
    e.mediaType = q.getColumn(4).getString();
    e.fileName = q.getColumn(5).getString();
    e.title = q.getColumn(6).getString();
    e.validOn = q.getColumn(7).getString();
    e.suppliedBy = q.getColumn(8).getString();
    if (!q.getColumn(9).isNull())
        e.participantId = q.getColumn(9).getInt64();
    e.carriedFrom = q.getColumn(10).getString();
    e.addedAt = q.getColumn(11).getString();
    e.removedAt = q.getColumn(12).getString();
    return e;
}

std::string noEvidence(Id evidenceId) {
    return "no evidence with id " + std::to_string(evidenceId) +
           " (list an assessment's with 'maturity evidence ASSESSMENT_ID')";
}

} // namespace

Result<std::vector<Evidence>> Store::evidence(Id assessmentId, bool includeRemoved) const {
    return guarded(path_, "read the evidence", [&]() -> Result<std::vector<Evidence>> {
        std::vector<Evidence> out;
        std::map<Id, std::size_t> at;
        {
            auto q = statements_->prepare(
                "SELECT e.id, e.uid, e.sha256, f.size, f.media_type, e.file_name, e.title, e.valid_on, "
                "e.supplied_by, e.participant_id, e.carried_from, e.added_at, COALESCE(e.removed_at, '') "
                "FROM evidence e JOIN evidence_files f ON f.sha256 = e.sha256 WHERE e.assessment_id = ? "
                "ORDER BY e.id");
            q->bind(1, static_cast<int64_t>(assessmentId));
            while (q->executeStep()) {
                Evidence e = readEvidence(*q);
                if (!includeRemoved && e.removed())
                    continue;
                out.push_back(std::move(e));
                at[out.back().id] = out.size() - 1;
            }
        }
        auto q = statements_->prepare(
            "SELECT l.evidence_id, l.question_id FROM evidence_questions l JOIN evidence e ON "
            "e.id = l.evidence_id WHERE e.assessment_id = ? ORDER BY l.evidence_id, l.position");
        q->bind(1, static_cast<int64_t>(assessmentId));
        while (q->executeStep())
            if (const auto found = at.find(q->getColumn(0).getInt64()); found != at.end())
                out[found->second].questionIds.push_back(q->getColumn(1).getString());
        return out;
    });
}

Result<Evidence> Store::evidenceItem(Id evidenceId) const {
    auto assessmentId = evidenceAssessment(evidenceId);
    if (!assessmentId)
        return std::unexpected(assessmentId.error());
    auto all = evidence(*assessmentId, true);
    if (!all)
        return std::unexpected(all.error());
    for (auto& e : *all)
        if (e.id == evidenceId)
            return std::move(e);
    return fail(noEvidence(evidenceId));
}

Result<std::int64_t> Store::evidenceBytes(Id assessmentId) const {
    return guarded(path_, "count the evidence", [&]() -> Result<std::int64_t> {
        auto q = statements_->prepare("SELECT COALESCE(SUM(size), 0) FROM evidence_files WHERE sha256 IN "
                                      "(SELECT sha256 FROM evidence WHERE assessment_id = ?)");
        q->bind(1, static_cast<int64_t>(assessmentId));
        q->executeStep();
        return std::int64_t{q->getColumn(0).getInt64()};
    });
}

Result<Evidence> Store::editEvidence(Id evidenceId, const EvidenceEdit& edit) {
    backUpIfDue();
    auto assessmentId = evidenceAssessment(evidenceId);
    if (!assessmentId)
        return std::unexpected(assessmentId.error());
    auto current = evidenceItem(evidenceId);
    if (!current)
        return std::unexpected(current.error());
    const Evidence changed = applied(*current, edit);
    auto model = modelOf(*assessmentId);
    if (!model)
        return std::unexpected(model.error());
    if (auto problem = checkEvidence(**model, changed))
        return fail("evidence " + std::to_string(evidenceId) + ": " + *problem);
    return guarded(path_, "change the evidence", [&]() -> Result<Evidence> {
        WriteScope transaction(*db_);
        auto q =
            statements_->prepare("UPDATE evidence SET title = ?, valid_on = ?, supplied_by = ? WHERE id = ?");
        q->bind(1, changed.title);
        q->bind(2, changed.validOn);
        q->bind(3, changed.suppliedBy);
        q->bind(4, static_cast<int64_t>(evidenceId));
        q->exec();
        linkEvidenceQuestions(*statements_, evidenceId, changed.questionIds);
        transaction.commit();
        return changed;
    });
}

Result<Id> Store::evidenceAssessment(Id evidenceId) const {
    return guarded(path_, "find the evidence", [&]() -> Result<Id> {
        auto q = statements_->prepare("SELECT assessment_id FROM evidence WHERE id = ?");
        q->bind(1, static_cast<int64_t>(evidenceId));
        if (!q->executeStep())
            return fail(noEvidence(evidenceId));
        return Id{q->getColumn(0).getInt64()};
    });
}

Result<Evidence> Store::removeEvidence(Id evidenceId) {
    backUpIfDue();
    auto current = evidenceItem(evidenceId);
    if (!current)
        return std::unexpected(current.error());
    if (current->removed())
        return fail("evidence " + std::to_string(evidenceId) + " ('" + current->title +
                    "') is removed already");
    return guarded(path_, "remove the evidence", [&]() -> Result<Evidence> {
        auto q = statements_->prepare("UPDATE evidence SET removed_at = ? WHERE id = ?");
        current->removedAt = nowIsoUtc();
        q->bind(1, current->removedAt);
        q->bind(2, static_cast<int64_t>(evidenceId));
        q->exec();
        return *current;
    });
}

Result<Evidence> Store::restoreEvidence(Id evidenceId) {
    backUpIfDue();
    auto current = evidenceItem(evidenceId);
    if (!current)
        return std::unexpected(current.error());
    if (!current->removed())
        return fail("evidence " + std::to_string(evidenceId) + " ('" + current->title + "') is not removed");
    return guarded(path_, "restore the evidence", [&]() -> Result<Evidence> {
        auto q = statements_->prepare("UPDATE evidence SET removed_at = NULL WHERE id = ?");
        q->bind(1, static_cast<int64_t>(evidenceId));
        q->exec();
        current->removedAt.clear();
        return *current;
    });
}

} // namespace mw

namespace mw::sql {

void linkEvidenceQuestions(StatementCache& db, Id evidenceId, const std::vector<std::string>& questionIds) {
    auto clear = db.prepare("DELETE FROM evidence_questions WHERE evidence_id = ?");
    clear->bind(1, static_cast<int64_t>(evidenceId));
    clear->exec();
    int position = 0;
    for (const auto& question : questionIds) {
        auto link = db.prepare(
            "INSERT OR IGNORE INTO evidence_questions (evidence_id, question_id, position) VALUES (?, ?, ?)");
        link->bind(1, static_cast<int64_t>(evidenceId));
        link->bind(2, question);
        link->bind(3, position++);
        link->exec();
    }
}

void importEvidence(StatementCache& db, Id assessmentId, const std::vector<Evidence>& evidence,
                    const std::map<Id, Id>& participantIds, ImportOutcome& outcome) {
    for (Evidence e : evidence) {
        {
            auto present = db.prepare("SELECT 1 FROM evidence WHERE assessment_id = ? AND uid = ?");
            present->bind(1, static_cast<int64_t>(assessmentId));
            present->bind(2, e.uid);
            if (present->executeStep())
                continue;
        }
        if (!evidenceFileStored(db, e.sha256)) {
            ++outcome.evidenceWithoutFile;
            continue;
        }
        if (e.participantId) {
            const auto found = participantIds.find(*e.participantId);
            e.participantId = found == participantIds.end() ? std::nullopt : std::optional(found->second);
        }
        if (e.addedAt.empty())
            e.addedAt = nowIsoUtc();
        e.removedAt.clear();
        insertEvidence(db, assessmentId, e);
        ++outcome.addedEvidence;
    }
}

Id insertEvidence(StatementCache& db, Id assessmentId, const Evidence& evidence) {
    auto q = db.prepare("INSERT INTO evidence (uid, assessment_id, sha256, file_name, title, valid_on, "
                        "supplied_by, participant_id, carried_from, added_at, removed_at) VALUES "
                        "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULLIF(?, ''))");
    q->bind(1, evidence.uid);
    q->bind(2, static_cast<int64_t>(assessmentId));
    q->bind(3, evidence.sha256);
    q->bind(4, evidence.fileName);
    q->bind(5, evidence.title);
    q->bind(6, evidence.validOn);
    q->bind(7, evidence.suppliedBy);
    bindOptionalId(*q, 8, evidence.participantId);
    q->bind(9, evidence.carriedFrom);
    q->bind(10, evidence.addedAt);
    q->bind(11, evidence.removedAt);
    q->exec();
    const Id id = db.db().getLastInsertRowid();
    linkEvidenceQuestions(db, id, evidence.questionIds);
    return id;
}

} // namespace mw::sql