#pragma once
// The SQLite store. Every public call is its own committed transaction: what returns success is on disk.
#include "core/actions.hpp"
#include "core/assessment.hpp"
#include "core/bundle.hpp"
#include "core/error.hpp"
#include "core/evidence.hpp"
#include "core/model.hpp"
#include "core/sync.hpp"
#include "storage/backups.hpp"

#include <filesystem>
#include <functional>
#include <map>
#include <memory>

namespace SQLite {
class Database;
}

namespace mw::sql {
class StatementCache;
}

namespace mw {

class PresenceLock;

inline constexpr int kSchemaVersion = 6;

// Whether opening may create the database. Commands that only read or change what is there open existing
// databases only, so a mistyped path is reported instead of becoming a new, empty database.
enum class OpenMode { CreateIfMissing, ExistingOnly };

struct NewAssessment {
    Id clientId = 0;
    std::string title;
    std::string date;
    std::string assessor;
    std::optional<Id> baselineId;
    const Model* model = nullptr;
    bool copyBaselineAnswers = false; // a follow-up starts from the baseline's answers
};

struct ImportOutcome {
    Id assessmentId = 0;
    bool alreadyPresent = false; // the bundle's assessment was imported before, and nothing changed
    bool createdClient = false;
    std::size_t answers = 0;
    std::optional<Id> linkedBaseline;
    // The assessment existed (same uid): the bundle's voices were merged into it. Participants match by uid;
    // for a voice answered on both sides the later updated_at wins.
    bool merged = false;
    std::size_t addedParticipants = 0;
    std::size_t addedAnswers = 0;
    std::size_t updatedAnswers = 0;
    std::size_t addedActions = 0;
    std::size_t updatedActions = 0;
    std::vector<std::string> differences; // every voice both sides answered differently, and which was kept
    // Evidence added (matched by uid when merging), and evidence left out because its file is neither in
    // the bundle nor in this database (a .json bundle carries what the files are, not the files).
    std::size_t addedEvidence = 0;
    std::size_t evidenceWithoutFile = 0;
};

// A file to attach as evidence. It is read twice (its digest first, so that content already stored is only
// linked) and never held in memory whole; a file that changes between the two reads is refused.
struct NewEvidence {
    std::filesystem::path file;
    std::string fileName; // the name to keep; empty: the file's own
    std::string title;    // empty: the file's name without its extension
    std::string validOn;
    std::string suppliedBy;
    std::vector<std::string> questionIds;
    std::optional<Id> participantId;
    EvidenceLimits limits;
    // Told the bytes read so far of both passes (the digest, then the copy) out of twice the file's size;
    // returning false stops the attach, and nothing of it is kept.
    std::function<bool(std::int64_t done, std::int64_t total)> progress;
};

// Where this database stands with its team hub.
struct SyncStatus {
    bool connected = false;   // it has synced with a hub (its changes are being logged)
    std::string hubId;        // the hub it syncs with
    std::string hubUrl;       // the address last used, without any password
    std::int64_t cursor = 0;  // the last of the hub's changes applied here
    std::int64_t pending = 0; // changes made here that the hub has not confirmed
    std::string lastSync;     // ISO 8601 UTC, empty before the first
    std::int64_t openConflicts = 0;
};

// What applying one batch of the hub's changes did.
struct AppliedChanges {
    std::size_t applied = 0;   // changes that moved something here
    std::size_t ignored = 0;   // ours coming back, or older than what is here
    std::size_t conflicts = 0; // new entries in the conflict list
};

struct LoadedAssessment {
    AssessmentInfo info;
    Model model; // the snapshot stored with the assessment
};

class Store {
public:
    // Opens (creating if needed) and upgrades the database. A backup is left beside the file before any
    // upgrade of an existing database.
    // A missing folder is an error either way: the folder is never created here.
    static Result<Store> open(const std::filesystem::path& path, OpenMode mode = OpenMode::CreateIfMissing);
    Store(Store&&) noexcept;
    Store& operator=(Store&&) noexcept;
    ~Store();

    const std::filesystem::path& path() const { return path_; }
    int schemaVersion() const;

    // Clients
    Result<std::vector<Client>> clients() const;
    Result<Client> client(Id id) const;
    Result<std::optional<Client>> findClient(std::string_view name) const;
    Result<Client> addClient(const std::string& name, const std::string& sector = {},
                             const std::string& notes = {});
    Result<Client> ensureClient(const std::string& name);
    Result<void> updateClient(const Client& client);

    // Assessments
    Result<std::vector<AssessmentInfo>> assessments() const;
    Result<AssessmentInfo> assessmentInfo(Id id) const;
    Result<LoadedAssessment> assessment(Id id) const;
    // The assessment's model snapshot, parsed once per store: the hot path of every answer.
    Result<std::shared_ptr<const Model>> model(Id assessmentId) const { return modelOf(assessmentId); }
    Result<Id> createAssessment(const NewAssessment& request);
    Result<void> updateAssessment(const AssessmentInfo& info); // title, date, assessor, status, baseline
    Result<void> deleteAssessment(Id id);
    // The newest model snapshot of that id held by any assessment, so a model the database holds can be
    // named by its id even where no model file is installed.
    Result<std::optional<Model>> latestModelSnapshot(std::string_view modelId) const;

    // Participants and answers
    Result<std::vector<Participant>> participants(Id assessmentId) const;
    Result<Participant> defaultParticipant(Id assessmentId) const;
    Result<Id> addParticipant(Id assessmentId, const std::string& name, const std::string& group,
                              const std::string& role = {});
    // This database's origin id: written into every answer given here.
    const std::string& origin() const { return origin_; }
    Result<std::vector<Answer>> answers(Id assessmentId) const;
    // One participant's answer to one question, if given.
    Result<std::optional<Answer>> answer(Id assessmentId, const std::string& questionId,
                                         Id participantId) const;
    // Writes one answer (level, target, note, confidence) as its own transaction. participantId 0 means
    // the default participant. Levels are checked against the assessment's model.
    Result<Answer> saveAnswer(Id assessmentId, Answer answer);
    // Several answers in one transaction, all or nothing: the room server's group commit, where votes that
    // arrive together share one fsync.
    Result<std::vector<Answer>> saveAnswers(Id assessmentId, std::vector<Answer> answers);
    Result<void> clearAnswer(Id assessmentId, const std::string& questionId, Id participantId = 0);

    // The action plan, each action with its questions, in the order they were planned.
    Result<std::vector<Action>> actions(Id assessmentId) const;
    // Adds (id 0) or changes actions, each checked against the assessment's model, in one transaction:
    // all or nothing. Returns them as stored, with ids, uids and updated_at.
    Result<std::vector<Action>> saveActions(Id assessmentId, std::vector<Action> actions);
    Result<Action> saveAction(Id assessmentId, Action action);
    Result<void> removeAction(Id assessmentId, Id actionId);
    // The assessment an action belongs to; an unknown id is an error that names it.
    Result<Id> actionAssessment(Id actionId) const;

    // Evidence. Every call is its own transaction; attaching a file is all or nothing, however large.
    Result<std::vector<Evidence>> evidence(Id assessmentId, bool includeRemoved = false) const;
    // One piece of evidence by id, in whichever assessment it is (removed ones too).
    Result<Evidence> evidenceItem(Id evidenceId) const;
    // The assessment a piece of evidence belongs to; an unknown id is an error that names it.
    Result<Id> evidenceAssessment(Id evidenceId) const;
    Result<Evidence> addEvidence(Id assessmentId, const NewEvidence& request);
    Result<Evidence> editEvidence(Id evidenceId, const EvidenceEdit& edit);
    // Marks it removed: it is listed no more, and restoreEvidence brings it back until the next backup,
    // which keeps it while the database lets it go.
    Result<Evidence> removeEvidence(Id evidenceId);
    Result<Evidence> restoreEvidence(Id evidenceId);
    // Writes the file's bytes to `target` (beside it first, then renamed into place), checking its digest.
    Result<void> writeEvidenceFile(Id evidenceId, const std::filesystem::path& target) const;
    // Calls `sink` with the file's bytes in order, a chunk at a time.
    Result<void> readEvidenceFile(const std::string& sha256,
                                  const std::function<Result<void>(std::string_view)>& sink) const;
    // The bytes the assessment's evidence takes, each distinct file counted once (removed ones too).
    Result<std::int64_t> evidenceBytes(Id assessmentId) const;
    // Drops removed evidence and the files nothing refers to any more. Called after each backup.
    Result<std::size_t> purgeRemovedEvidence();
    // Stores a file's content under its digest unless a complete copy is there, a chunk at a time from
    // `read` (which fills the buffer and returns how many bytes it gave; 0 at the end). The bytes must have
    // that digest and size, else nothing is kept; `source` names them in messages. Returns whether the
    // content was new here. Committed a few chunks per transaction: linking evidence to it is the caller's
    // next step, and discardEvidenceFiles drops what an import stored when the import is refused.
    using ByteReader = std::function<Result<std::size_t>(char* buffer, std::size_t size)>;
    Result<bool> storeEvidenceFile(const std::string& sha256, std::int64_t size, const ByteReader& read,
                                   const std::string& source);
    // Drops stored files that no evidence refers to, of these digests.
    Result<void> discardEvidenceFiles(const std::vector<std::string>& sha256s);

    // Bundles
    Result<Bundle> exportBundle(Id assessmentId) const;
    // All or nothing: a refused bundle leaves the database untouched.
    Result<ImportOutcome> importBundle(const Bundle& bundle);
    // Several bundles in one transaction, each as importBundle would, all or nothing: a refused one names
    // itself and nothing of any is kept. A later bundle may merge into an assessment an earlier one added.
    struct NamedBundle {
        std::string name; // for messages: the file it came from
        const Bundle* bundle = nullptr;
    };
    Result<std::vector<ImportOutcome>> importBundles(const std::vector<NamedBundle>& bundles);

    // Backups
    // A consistent copy of the whole database (SQLite's online backup), written beside the target and
    // renamed into place. The target must not be the database itself (app::checkOutputPath).
    Result<void> backupTo(const std::filesystem::path& target) const;
    // Before the first change of each day a copy goes to backups/ beside the database (see backups.hpp).
    void setDailyBackups(DailyBackups policy) { daily_ = std::move(policy); }
    // Makes the day's copy if it is not there yet. Every writer calls it before its change; the workbench
    // also calls it on a connection of its own when it opens the database, off the UI thread.
    void backUpIfDue();
    // Why the last daily backup could not be made (empty when it was, or was not due): the change itself
    // still went ahead, and front doors warn.
    const std::string& backupProblem() const { return backupProblem_; }

    // The team hub (sync_store.cpp). Changes are logged by triggers from the first connectHub on, every
    // existing record then being logged once as created.
    Result<SyncStatus> syncStatus() const;
    // Binds the database to the hub (a database syncs with one hub only) and starts its change log.
    Result<void> connectHub(const std::string& hubId, const std::string& hubUrl);
    // The changes the hub has not confirmed, oldest first.
    Result<std::vector<SyncChange>> pendingChanges(std::size_t limit) const;
    // The hub holds every change up to this sequence number: they leave the log, their clocks stay known.
    Result<void> confirmPushed(std::int64_t lastSeq);
    // Applies the hub's changes in one transaction, all or nothing, and moves the cursor past them: a
    // refused change (malformed, or naming a record that is not here) names itself, and nothing is kept.
    Result<AppliedChanges> applyHubChanges(const std::vector<HubChange>& changes);
    Result<void> noteSynced(const std::string& when);
    Result<std::vector<SyncConflict>> conflicts(bool includeResolved = false) const;
    // Marks the conflict resolved; with restoreLost, the value that lost is written back first (a new
    // change, which then wins everywhere).
    Result<SyncConflict> resolveConflict(std::int64_t conflictId, bool restoreLost);

    // Diagnostics: while on, every statement this connection runs that steps through a table without an
    // index is counted (SQLite's SQLITE_STMTSTATUS_FULLSCAN_STEP), keyed by its SQL text. The query-plan
    // test holds the store to "no full scan where an index can serve".
    void countFullScans(bool on);
    std::map<std::string, long> fullScans() const {
        return fullScans_ ? *fullScans_ : std::map<std::string, long>{};
    }

private:
    Store(std::unique_ptr<SQLite::Database> db, std::filesystem::path path);

    Result<void> migrate(int fromVersion);
    Result<std::shared_ptr<const Model>> modelOf(Id assessmentId) const;
    Result<ImportOutcome> mergeBundle(Id assessmentId, const Bundle& bundle);
    // The models whose snapshots one bulk import has stored or found, with their snapshot ids: each later
    // bundle with an equal model reuses the id instead of serialising and hashing its model again.
    using KnownSnapshots = std::vector<std::pair<const Model*, Id>>;
    Result<ImportOutcome> importOne(const Bundle& bundle, KnownSnapshots* known);
    void applyHubChange(const HubChange& change, AppliedChanges& outcome);
    // Throws when the answer a hub change left is not one the assessment's model allows.
    void checkAppliedAnswer(Id answerRowId);
    std::unique_ptr<SQLite::Database> db_;
    // After db_, so that its statements are finalised before the database closes.
    std::unique_ptr<sql::StatementCache> statements_;
    // After db_, so that it lets go before the database closes (see presence_lock.hpp).
    std::unique_ptr<PresenceLock> presence_;
    // Model snapshots never change once stored, so parsing one per assessment is enough.
    mutable std::map<Id, std::shared_ptr<const Model>> modelCache_;
    std::filesystem::path path_;
    std::string origin_;
    DailyBackups daily_;
    std::string backedUpDay_;
    std::string backupProblem_;
    // On the heap so that the trace callback's pointer survives a move of the store.
    std::unique_ptr<std::map<std::string, long>> fullScans_;
};

} // namespace mw
