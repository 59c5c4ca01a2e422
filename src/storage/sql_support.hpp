#pragma once
// Internal to maturity_storage: the exception guard, column helpers and the one insert helper per table
// that every part of the store shares.
#include "storage/store.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <SQLiteCpp/Savepoint.h>

#include <optional>

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

// One INSERT per table, used by creation and import alike.
// A write that is its own transaction, or a savepoint inside the caller's (several bundles imported as
// one transaction): rolled back unless committed.
class WriteScope {
public:
    explicit WriteScope(SQLite::Database& db);
    void commit();

private:
    std::optional<SQLite::Transaction> transaction_;
    std::optional<SQLite::Savepoint> savepoint_;
};

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
};
Id insertAssessment(SQLite::Database& db, const AssessmentRow& row);
Id insertClient(SQLite::Database& db, const std::string& name, const std::string& sector,
                const std::string& notes);
// A participant with its uid (a new one when empty).
Id insertParticipant(SQLite::Database& db, Id assessmentId, const Participant& participant);
// The participants' columns readParticipant expects.
extern const char* const kParticipantColumns;
Participant readParticipant(SQLite::Statement& q);
void insertAnswer(SQLite::Database& db, Id assessmentId, const Answer& a);

// The schema's tables, created or upgraded by the migrations.
extern const char* const kSchemaV1;
extern const char* const kSchemaV2;
extern const char* const kSchemaV3;

// The id of the stored snapshot with this model id, version and JSON text, stored now if there is none:
// each distinct model is kept once however many assessments use it.
Id snapshotId(SQLite::Database& db, const std::string& modelId, const std::string& version,
              const std::string& modelJson);

} // namespace mw::sql
