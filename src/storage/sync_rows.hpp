#pragma once
// Internal to maturity_storage: the records the hub's changes name (sync_rows.cpp), for the code that
// applies them and resolves conflicts (sync_store.cpp).
#include "storage/sql_support.hpp"
#include "storage/sync_records.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace mw::sql {

// A hub change that cannot be applied: the message names it, and the batch is refused whole.
struct Refused {
    std::string why;
};

// The record a key names within its kind, split into its parts: an assessment's uid first for the
// records that belong to an assessment, a question id in the middle for an answer.
struct RecordKey {
    std::string assessmentUid;
    std::string questionId;
    std::string ownUid;
};

RecordKey splitKey(const SyncKind& kind, const std::string& key);
// The row id of the record, if it is here.
std::optional<Id> locate(StatementCache& db, const SyncKind& kind, const RecordKey& key);
std::optional<Id> idOfUid(StatementCache& db, const char* sql, const std::string& uid);
// JSON text, or null when it is not JSON.
nlohmann::json parsedOrNull(const std::string& text);
// What the record is, in words, for the conflict list.
std::string describeRecord(StatementCache& db, const SyncKind& kind, const RecordKey& key);
// Throws Refused when the value is not of the field's type, or the kind has no such field.
void checkType(const SyncField& field, const nlohmann::json& value);
const SyncField& fieldOf(const SyncKind& kind, const std::string& name);
// The first name no other client here has: "name", "name (2)", "name (3)" ...
std::string freeClientName(StatementCache& db, const std::string& name, const std::string& uid);
void writeField(StatementCache& db, const SyncKind& kind, Id rowId, const SyncField& field,
                const nlohmann::json& value);
// Creates the record from a change that carries every field of it; returns its row id.
Id insertRecord(StatementCache& db, const SyncKind& kind, const RecordKey& key, const nlohmann::json& fields);
// After an assessment or its baseline's uid arrives: the row ids that the uids name.
void linkBaselines(StatementCache& db, const std::string& uid);
// Throws Refused unless the snapshot's model is its digest's and loads.
void checkSnapshot(const RecordKey& key, const nlohmann::json& fields);

} // namespace mw::sql
