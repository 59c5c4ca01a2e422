#pragma once
// Internal to maturity_storage: the exception guard, column helpers and the one insert helper per table
// that every part of the store shares.
#include "core/actions.hpp"
#include "storage/store.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <map>
#include <memory>
#include <optional>
#include <string_view>
#include <unordered_map>

namespace mw::sql {

// "MWB1": marks files that are ours, so a foreign SQLite database is refused instead of altered.
inline constexpr int kApplicationId = 0x4D574231;

// One line naming the file and what could not be done, for an SQLite failure.
std::string describe(const std::filesystem::path& path, const SQLite::Exception& e, std::string_view action);

// Runs a body that talks to SQLite; an SQLite exception becomes a Result error naming the file.
template <typename F>
auto guarded(const std::filesystem::path& path, std::string_view action, F&& body) -> decltype(body()) {
    try {
        return body();
    } catch (const SQLite::Exception& e) {
        return fail(describe(path, e, action));
    }
}

std::optional<double> optionalDouble(const SQLite::Column& column);
void bindOptional(SQLite::Statement& stmt, int index, const std::optional<double>& value);
void bindOptionalId(SQLite::Statement& stmt, int index, const std::optional<Id>& value);
void bindOptionalText(SQLite::Statement& stmt, int index, const std::optional<std::string>& value);

// The columns readAssessment expects, for "SELECT <columns> FROM assessments a JOIN clients c ...".
extern const char* const kAssessmentColumns;
AssessmentInfo readAssessment(SQLite::Statement& q);
// The columns readAnswer expects, from the answers table.
extern const char* const kAnswerColumns;
Answer readAnswer(SQLite::Statement& q);

// Statements prepared once per connection and reused: preparing an INSERT into answers compiles its
// triggers too, which costs more than the insert itself. A statement is handed out reset and unbound, and
// is reset again when its handle ends, so it never holds a read snapshot open. A statement already in use
// (a nested call) is prepared afresh for the inner caller instead of being shared.
class StatementCache {
public:
    explicit StatementCache(SQLite::Database& db)
        : db_(db) {}
    SQLite::Database& db() { return db_; }

    class Handle {
    public:
        Handle(Handle&&) = delete;
        ~Handle();
        SQLite::Statement& operator*() { return *statement_; }
        SQLite::Statement* operator->() { return statement_; }

    private:
        friend class StatementCache;
        Handle(SQLite::Statement* statement, bool* inUse, std::unique_ptr<SQLite::Statement> own);
        SQLite::Statement* statement_;
        bool* inUse_;
        std::unique_ptr<SQLite::Statement> own_;
    };
    // sql must be a string literal: it is the key, and the cache keeps it.
    Handle prepare(const char* sql);

private:
    struct Entry {
        std::unique_ptr<SQLite::Statement> statement;
        bool inUse = false;
    };
    SQLite::Database& db_;
    std::unordered_map<std::string_view, Entry> entries_;
};

// A write that is its own transaction, or a part of the caller's when one is open (several bundles
// imported as one): the caller's transaction then rolls back as a whole on failure, so a savepoint per part
// would only journal every page twice.
class WriteScope {
public:
    explicit WriteScope(SQLite::Database& db);
    void commit();

private:
    std::optional<SQLite::Transaction> transaction_;
};

// One INSERT per table, used by creation and import alike.
struct AssessmentRow {
    std::string uid;
    Id clientId = 0;
    std::string title;
    std::string date;
    std::string assessor;
    Status status = Status::Draft;
    std::optional<Id> baselineId;
    std::optional<std::string> baselineUid;
    const Model* model = nullptr;
    std::optional<Id> snapshotId; // found already (bulk import); looked up from the model when empty
};
Id insertAssessment(StatementCache& db, const AssessmentRow& row);
Id insertClient(StatementCache& db, const std::string& name, const std::string& sector,
                const std::string& notes);
// A participant with its uid (a new one when empty).
Id insertParticipant(StatementCache& db, Id assessmentId, const Participant& participant);
// The participants' columns readParticipant expects.
extern const char* const kParticipantColumns;
Participant readParticipant(SQLite::Statement& q);
void insertAnswer(StatementCache& db, Id assessmentId, const Answer& a);
// Inserts the action (a new uid when empty) or, when one of its uid is there, updates it; its questions
// are replaced. Returns the row id.
Id upsertAction(StatementCache& db, Id assessmentId, const Action& action);
// The columns readAction expects, from the actions table; the questions are read separately.
extern const char* const kActionColumns;
Action readAction(SQLite::Statement& q);

// Inserts the evidence with its questions; returns the row id. Its file must be stored already.
Id insertEvidence(StatementCache& db, Id assessmentId, const Evidence& evidence);
// Whether a complete copy of the file with this digest is stored.
bool evidenceFileStored(StatementCache& db, const std::string& sha256);
// The bundle's evidence whose files are stored, added to the assessment unless one of its uid is there
// (participantIds maps the bundle's keys to this database's ids). Counts into the outcome.
void importEvidence(StatementCache& db, Id assessmentId, const std::vector<Evidence>& evidence,
                    const std::map<Id, Id>& participantIds, ImportOutcome& outcome);
// Replaces the evidence's questions, in the order given.
void linkEvidenceQuestions(StatementCache& db, Id evidenceId, const std::vector<std::string>& questionIds);

// The schema's tables, created or upgraded by the migrations.
extern const char* const kSchemaV1;
extern const char* const kSchemaV2;
extern const char* const kSchemaV3;
extern const char* const kSchemaV4;
extern const char* const kSchemaV5;
extern const char* const kSchemaV6;

// The id of the stored snapshot with this model id, version and JSON text, stored now if there is none:
// each distinct model is kept once however many assessments use it.
Id snapshotId(StatementCache& db, const std::string& modelId, const std::string& version,
              const std::string& modelJson);

} // namespace mw::sql
