// Evidence: files stored once per content in chunks, and the evidence records that point at them.
#include "storage/sql_support.hpp"

#include <algorithm>
#include <fstream>
#include <map>

namespace mw {

using namespace sql;

namespace {

constexpr std::size_t kChunkBytes = 1024 * 1024;
// Chunks written per transaction while a file is staged: each holds the write lock for a few milliseconds,
// so that answers given meanwhile from another connection are never kept waiting long.
constexpr int kChunksPerTransaction = 8;

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

// What reading the file found: its digest, size and type, all from one pass.
struct FileFacts {
    std::string sha256;
    std::int64_t size = 0;
    std::string mediaType;
};

Result<FileFacts> examine(const std::filesystem::path& file, std::int64_t limit) {
    std::error_code ec;
    if (!std::filesystem::exists(file, ec))
        return fail("no file at " + file.string());
    if (!std::filesystem::is_regular_file(file, ec))
        return fail(file.string() + " is not a file (a folder or a device); attach a file");
    const auto size = static_cast<std::int64_t>(std::filesystem::file_size(file, ec));
    if (ec)
        return fail(file.string() + ": cannot read its size (" + ec.message() + ")");
    if (size > limit)
        return fail(file.string() + " is " + formatByteSize(size) + ", over the limit of " +
                    formatByteSize(limit) + " per evidence file (change it in the settings)");
    std::ifstream in(file, std::ios::binary);
    if (!in)
        return fail("cannot read " + file.string() + " (permission denied?)");
    FileFacts facts;
    Sha256 hash;
    std::string buffer(kChunkBytes, '\0');
    std::string head;
    while (in) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        const auto got = static_cast<std::size_t>(in.gcount());
        if (got == 0)
            break;
        const std::string_view piece(buffer.data(), got);
        hash.update(piece);
        facts.size += static_cast<std::int64_t>(got);
        if (head.size() < kMediaTypeHeadBytes)
            head.append(piece.substr(0, kMediaTypeHeadBytes - head.size()));
        if (facts.size > limit)
            return fail(file.string() + " grew over the limit of " + formatByteSize(limit) +
                        " per evidence file while it was read");
    }
    if (in.bad())
        return fail("cannot read " + file.string() + " (a read error)");
    facts.sha256 = hash.hexDigest();
    facts.mediaType = detectMediaType(head);
    return facts;
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
    auto assessmentId = guarded(path_, "find the evidence", [&]() -> Result<Id> {
        auto q = statements_->prepare("SELECT assessment_id FROM evidence WHERE id = ?");
        q->bind(1, static_cast<int64_t>(evidenceId));
        if (!q->executeStep())
            return fail(noEvidence(evidenceId));
        return Id{q->getColumn(0).getInt64()};
    });
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

Result<Evidence> Store::addEvidence(Id assessmentId, const NewEvidence& request) {
    backUpIfDue();
    auto model = modelOf(assessmentId);
    if (!model)
        return std::unexpected(model.error());
    Evidence evidence;
    evidence.fileName = request.fileName.empty() ? request.file.filename().string() : request.fileName;
    evidence.title = request.title.empty() ? request.file.stem().string() : request.title;
    evidence.validOn = request.validOn;
    evidence.suppliedBy = request.suppliedBy;
    evidence.questionIds = request.questionIds;
    evidence.participantId = request.participantId;
    if (auto problem = checkEvidence(**model, evidence))
        return fail("assessment " + std::to_string(assessmentId) + ": evidence '" + evidence.title +
                    "': " + *problem);
    if (request.participantId) {
        auto voices = participants(assessmentId);
        if (!voices)
            return std::unexpected(voices.error());
        if (std::none_of(voices->begin(), voices->end(),
                         [&](const Participant& p) { return p.id == *request.participantId; }))
            return fail("assessment " + std::to_string(assessmentId) + " has no participant " +
                        std::to_string(*request.participantId));
    }
    auto facts = examine(request.file, request.limits.perFileBytes);
    if (!facts)
        return std::unexpected(facts.error());
    auto used = evidenceBytes(assessmentId);
    if (!used)
        return std::unexpected(used.error());
    auto alreadyHere = guarded(path_, "count the evidence", [&]() -> Result<bool> {
        auto q = statements_->prepare("SELECT EXISTS (SELECT 1 FROM evidence WHERE assessment_id = ? AND "
                                      "sha256 = ?)");
        q->bind(1, static_cast<int64_t>(assessmentId));
        q->bind(2, facts->sha256);
        q->executeStep();
        return q->getColumn(0).getInt() != 0;
    });
    if (!alreadyHere)
        return std::unexpected(alreadyHere.error());
    if (!*alreadyHere && *used + facts->size > request.limits.perAssessmentBytes)
        return fail(request.file.string() + ": attaching " + formatByteSize(facts->size) +
                    " would take assessment " + std::to_string(assessmentId) + "'s evidence to " +
                    formatByteSize(*used + facts->size) + ", over its limit of " +
                    formatByteSize(request.limits.perAssessmentBytes) + " (change it in the settings)");
    if (auto staged = stageEvidenceFile(request.file, facts->sha256, facts->size, facts->mediaType); !staged)
        return std::unexpected(staged.error());
    evidence.uid = newUid();
    evidence.sha256 = facts->sha256;
    evidence.size = facts->size;
    evidence.mediaType = facts->mediaType;
    evidence.addedAt = nowIsoUtc();
    return guarded(path_, "attach the evidence", [&]() -> Result<Evidence> {
        WriteScope transaction(*db_);
        if (!evidenceFileStored(*statements_, evidence.sha256))
            return fail(request.file.string() + ": its stored copy went away before it was linked; attach it "
                                                "again");
        evidence.id = insertEvidence(*statements_, assessmentId, evidence);
        transaction.commit();
        return evidence;
    });
}

Result<void> Store::stageEvidenceFile(const std::filesystem::path& file, const std::string& sha256,
                                      std::int64_t size, const std::string& mediaType) {
    return guarded(path_, "store the evidence file", [&]() -> Result<void> {
        {
            WriteScope transaction(*db_);
            if (evidenceFileStored(*statements_, sha256))
                return {}; // stored already: the same content is kept once
            // A copy left half-written (the program was stopped while it was stored) starts again.
            auto drop = statements_->prepare("DELETE FROM evidence_files WHERE sha256 = ?");
            drop->bind(1, sha256);
            drop->exec();
            auto insert =
                statements_->prepare("INSERT INTO evidence_files (sha256, size, media_type, complete, "
                                     "staged_at) VALUES (?, ?, ?, 0, ?)");
            insert->bind(1, sha256);
            insert->bind(2, static_cast<int64_t>(size));
            insert->bind(3, mediaType);
            insert->bind(4, nowIsoUtc());
            insert->exec();
            transaction.commit();
        }
        std::ifstream in(file, std::ios::binary);
        if (!in)
            return fail("cannot read " + file.string() + " (permission denied?)");
        Sha256 hash;
        std::string buffer(kChunkBytes, '\0');
        std::int64_t read = 0;
        int seq = 0;
        bool finished = false;
        while (!finished) {
            WriteScope transaction(*db_);
            for (int n = 0; n < kChunksPerTransaction && !finished; ++n) {
                in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
                const auto got = static_cast<std::size_t>(in.gcount());
                if (in.bad())
                    return fail("cannot read " + file.string() + " (a read error)");
                finished = got < buffer.size();
                if (got == 0)
                    break;
                hash.update(std::string_view(buffer.data(), got));
                read += static_cast<std::int64_t>(got);
                auto chunk =
                    statements_->prepare("INSERT INTO evidence_chunks (sha256, seq, data) VALUES (?, ?, ?)");
                chunk->bind(1, sha256);
                chunk->bind(2, seq++);
                chunk->bindNoCopy(3, buffer.data(), static_cast<int>(got));
                chunk->exec();
            }
            if (finished) {
                if (read != size || hash.hexDigest() != sha256)
                    return fail(file.string() + " changed while it was attached; attach it again");
                auto done = statements_->prepare("UPDATE evidence_files SET complete = 1 WHERE sha256 = ?");
                done->bind(1, sha256);
                done->exec();
            }
            transaction.commit();
        }
        return {};
    });
}

Result<Evidence> Store::editEvidence(Id evidenceId, const EvidenceEdit& edit) {
    backUpIfDue();
    auto current = evidenceItem(evidenceId);
    if (!current)
        return std::unexpected(current.error());
    const Evidence changed = applied(*current, edit);
    auto assessmentId = evidenceAssessment(evidenceId);
    if (!assessmentId)
        return std::unexpected(assessmentId.error());
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

Result<void> Store::readEvidenceFile(const std::string& sha256,
                                     const std::function<Result<void>(std::string_view)>& sink) const {
    return guarded(path_, "read the evidence file", [&]() -> Result<void> {
        // Its own statement, not the cache's: the sink may call the store again.
        SQLite::Statement q(*db_, "SELECT data FROM evidence_chunks WHERE sha256 = ? ORDER BY seq");
        q.bind(1, sha256);
        while (q.executeStep()) {
            const auto& column = q.getColumn(0);
            if (auto written = sink(std::string_view(static_cast<const char*>(column.getBlob()),
                                                     static_cast<std::size_t>(column.getBytes())));
                !written)
                return written;
        }
        return {};
    });
}

Result<void> Store::writeEvidenceFile(Id evidenceId, const std::filesystem::path& target) const {
    auto item = evidenceItem(evidenceId);
    if (!item)
        return std::unexpected(item.error());
    std::error_code ec;
    if (target.has_parent_path() && !std::filesystem::is_directory(target.parent_path(), ec))
        return fail("the folder " + target.parent_path().string() + " does not exist");
    if (std::filesystem::is_directory(target, ec))
        return fail(target.string() + " is a folder; give the path of the file to write");
    auto partial = target;
    partial += ".partial";
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    if (!out)
        return fail("cannot write " + partial.string());
    Sha256 hash;
    std::int64_t written = 0;
    auto read = readEvidenceFile(item->sha256, [&](std::string_view bytes) -> Result<void> {
        hash.update(bytes);
        written += static_cast<std::int64_t>(bytes.size());
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        if (!out)
            return fail("cannot write " + partial.string() + " (is the disk full?)");
        return {};
    });
    out.close();
    auto discard = [&](std::string message) -> Result<void> {
        std::filesystem::remove(partial, ec);
        return fail(std::move(message));
    };
    if (!read)
        return discard(read.error().message);
    if (!out)
        return discard("cannot write " + partial.string() + " (is the disk full?)");
    if (written != item->size || hash.hexDigest() != item->sha256)
        return discard(path_.string() + ": the stored copy of evidence " + std::to_string(evidenceId) +
                       " does not match its checksum; restore the database from a backup");
    std::filesystem::rename(partial, target, ec);
    if (ec)
        return discard(target.string() + ": cannot write (" + ec.message() + ")");
    return {};
}

Result<std::size_t> Store::purgeRemovedEvidence() {
    return guarded(path_, "let removed evidence go", [&]() -> Result<std::size_t> {
        WriteScope transaction(*db_);
        db_->exec("DELETE FROM evidence WHERE removed_at IS NOT NULL");
        const auto removed = static_cast<std::size_t>(db_->getChanges());
        // Files nothing refers to: their evidence was removed or its assessment deleted. A file still being
        // staged by another connection is left alone for a day.
        db_->exec("DELETE FROM evidence_files WHERE sha256 NOT IN (SELECT sha256 FROM evidence) AND "
                  "(complete = 1 OR staged_at < strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-1 day'))");
        transaction.commit();
        return removed;
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

bool evidenceFileStored(StatementCache& db, const std::string& sha256) {
    auto q = db.prepare("SELECT complete FROM evidence_files WHERE sha256 = ?");
    q->bind(1, sha256);
    return q->executeStep() && q->getColumn(0).getInt() == 1;
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
