// Evidence files: attaching one (read for its digest and type, checked against the limits), its content
// stored once in chunks, read back and written out, and what a backup lets go.
#include "storage/sql_support.hpp"

#include <algorithm>
#include <fstream>

namespace mw {

using namespace sql;

namespace {

constexpr std::size_t kChunkBytes = 1024 * 1024;
// Chunks written per transaction while a file is staged: each holds the write lock for a few milliseconds,
// so that answers given meanwhile from another connection are never kept waiting long.
constexpr int kChunksPerTransaction = 8;

// What reading the file found: its digest, size and type, all from one pass.
struct FileFacts {
    std::string sha256;
    std::int64_t size = 0;
    std::string mediaType;
};

Result<void> cancelled(const std::filesystem::path& file) {
    return fail(file.string() + ": attaching it was cancelled; nothing of it was kept");
}

Result<FileFacts> examine(const std::filesystem::path& file, std::int64_t limit,
                          const std::function<bool(std::int64_t, std::int64_t)>& progress) {
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
        if (progress && !progress(facts.size, 2 * size))
            return std::unexpected(cancelled(file).error());
    }
    if (in.bad())
        return fail("cannot read " + file.string() + " (a read error)");
    facts.sha256 = hash.hexDigest();
    facts.mediaType = detectMediaType(head);
    return facts;
}

} // namespace

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
    auto facts = examine(request.file, request.limits.perFileBytes, request.progress);
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
    std::ifstream in(request.file, std::ios::binary);
    if (!in)
        return fail("cannot read " + request.file.string() + " (permission denied?)");
    std::int64_t copied = 0;
    auto fromFile = [&](char* buffer, std::size_t size) -> Result<std::size_t> {
        in.read(buffer, static_cast<std::streamsize>(size));
        if (in.bad())
            return fail("cannot read " + request.file.string() + " (a read error)");
        copied += in.gcount();
        if (request.progress && !request.progress(facts->size + copied, 2 * facts->size))
            return std::unexpected(cancelled(request.file).error());
        return static_cast<std::size_t>(in.gcount());
    };
    if (auto stored = storeEvidenceFile(facts->sha256, facts->size, fromFile, request.file.string()); !stored)
        return std::unexpected(stored.error());
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

Result<bool> Store::storeEvidenceFile(const std::string& sha256, std::int64_t size, const ByteReader& read,
                                      const std::string& source) {
    return guarded(path_, "store the evidence file", [&]() -> Result<bool> {
        {
            WriteScope transaction(*db_);
            if (evidenceFileStored(*statements_, sha256))
                return false; // stored already: the same content is kept once
            // A copy left half-written (the program was stopped while it was stored) starts again.
            auto drop = statements_->prepare("DELETE FROM evidence_files WHERE sha256 = ?");
            drop->bind(1, sha256);
            drop->exec();
            auto insert =
                statements_->prepare("INSERT INTO evidence_files (sha256, size, media_type, complete, "
                                     "staged_at) VALUES (?, ?, '', 0, ?)");
            insert->bind(1, sha256);
            insert->bind(2, static_cast<int64_t>(size));
            insert->bind(3, nowIsoUtc());
            insert->exec();
            transaction.commit();
        }
        // What was written of a file that is refused is dropped again, so no half-written copy is left.
        auto copy = [&]() -> Result<void> {
            Sha256 hash;
            std::string buffer(kChunkBytes, '\0');
            std::string head;
            std::int64_t stored = 0;
            int seq = 0;
            bool finished = false;
            while (!finished) {
                WriteScope transaction(*db_);
                for (int n = 0; n < kChunksPerTransaction && !finished; ++n) {
                    // A chunk is filled whole unless the bytes end, so that chunks are all 1 MiB but the
                    // last.
                    std::size_t got = 0;
                    while (got < buffer.size()) {
                        auto more = read(buffer.data() + got, buffer.size() - got);
                        if (!more)
                            return std::unexpected(more.error());
                        if (*more == 0)
                            break;
                        got += *more;
                    }
                    finished = got < buffer.size();
                    stored += static_cast<std::int64_t>(got);
                    if (stored > size)
                        return fail(source + " is larger than its recorded " + formatByteSize(size) +
                                    " (it changed, or the package is damaged)");
                    if (got == 0)
                        break;
                    const std::string_view piece(buffer.data(), got);
                    hash.update(piece);
                    if (head.size() < kMediaTypeHeadBytes)
                        head.append(piece.substr(0, kMediaTypeHeadBytes - head.size()));
                    auto chunk = statements_->prepare(
                        "INSERT INTO evidence_chunks (sha256, seq, data) VALUES (?, ?, ?)");
                    chunk->bind(1, sha256);
                    chunk->bind(2, seq++);
                    chunk->bindNoCopy(3, buffer.data(), static_cast<int>(got));
                    chunk->exec();
                }
                if (finished) {
                    if (stored != size || hash.hexDigest() != sha256)
                        return fail(source +
                                    " does not match its checksum (it changed while it was read, or the "
                                    "package is damaged); nothing of it was kept");
                    auto done = statements_->prepare(
                        "UPDATE evidence_files SET complete = 1, media_type = ? WHERE sha256 = ?");
                    done->bind(1, detectMediaType(head));
                    done->bind(2, sha256);
                    done->exec();
                }
                transaction.commit();
            }
            return {};
        };
        if (auto copied = copy(); !copied) {
            auto drop = statements_->prepare("DELETE FROM evidence_files WHERE sha256 = ? AND complete = 0");
            drop->bind(1, sha256);
            drop->exec();
            return std::unexpected(copied.error());
        }
        return true;
    });
}

Result<void> Store::discardEvidenceFiles(const std::vector<std::string>& sha256s) {
    return guarded(path_, "drop the stored files", [&]() -> Result<void> {
        WriteScope transaction(*db_);
        for (const auto& sha256 : sha256s) {
            auto q = statements_->prepare("DELETE FROM evidence_files WHERE sha256 = ? AND sha256 NOT IN "
                                          "(SELECT sha256 FROM evidence WHERE sha256 = ?)");
            q->bind(1, sha256);
            q->bind(2, sha256);
            q->exec();
        }
        transaction.commit();
        return {};
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

bool evidenceFileStored(StatementCache& db, const std::string& sha256) {
    auto q = db.prepare("SELECT complete FROM evidence_files WHERE sha256 = ?");
    q->bind(1, sha256);
    return q->executeStep() && q->getColumn(0).getInt() == 1;
}

} // namespace mw::sql
