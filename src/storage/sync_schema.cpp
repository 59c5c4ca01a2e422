// What travels to the team hub, and the triggers that log every change to it as it is made: whichever
// call writes a row (an answer, an import, a merge, a cascade), the change log sees it.
#include "storage/sql_support.hpp"
#include "storage/sync_records.hpp"

namespace mw::sql {

namespace {

const char* const kClientOfAssessment =
    "(SELECT c.uid FROM assessments a JOIN clients c ON c.id = a.client_id WHERE a.id = %.assessment_id)";
const char* const kAssessmentThere = "EXISTS (SELECT 1 FROM assessments WHERE id = %.assessment_id)";

// The clock ticks once per logged change: later than its last value and than the wall clock.
const char* const kTick = "UPDATE sync_clock SET hlc = max(hlc + 1, "
                          "CAST((julianday('now') - 2440587.5) * 86400000.0 AS INTEGER) * 65536);";
const char* const kLogging = "(SELECT logging FROM sync_clock) = 1";

std::string quoted(const std::string& text) {
    return "'" + text + "'";
}

std::string insertFields(const SyncKind& kind, const std::string& row) {
    std::string out = "json_object(";
    bool first = true;
    for (const auto& field : kind.fields) {
        out += (first ? "" : ", ") + quoted(field.name) + ", " + overRow(fieldValueSql(field), row);
        first = false;
    }
    return out + ")";
}

// The fields an update changed, as one JSON object.
std::string changedFields(const SyncKind& kind) {
    std::string out = "(SELECT json_group_object(name, value) FROM (";
    bool first = true;
    for (const auto& field : kind.fields) {
        if (field.insertOnly)
            continue;
        const std::string value = fieldValueSql(field);
        out += std::string(first ? "" : " UNION ALL ") + "SELECT " + quoted(field.name) + " AS name, " +
               overRow(value, "NEW") + " AS value WHERE " + overRow(value, "NEW") + " IS NOT " +
               overRow(value, "OLD");
        first = false;
    }
    return out + "))";
}

std::string anyFieldChanged(const SyncKind& kind) {
    std::string out;
    for (const auto& field : kind.fields) {
        if (field.insertOnly)
            continue;
        const std::string value = fieldValueSql(field);
        out += (out.empty() ? "" : " OR ") + overRow(value, "NEW") + " IS NOT " + overRow(value, "OLD");
    }
    return out;
}

std::string logStatement(const SyncKind& kind, const std::string& row, const std::string& op,
                         const std::string& fields) {
    return std::string("INSERT INTO sync_outbox (kind, key, client_uid, op, fields, hlc) VALUES (") +
           quoted(kind.kind) + ", " + overRow(kind.keySql, row) + ", " + overRow(kind.clientSql, row) + ", " +
           quoted(op) + ", " + fields + ", (SELECT hlc FROM sync_clock));";
}

} // namespace

std::string overRow(std::string text, const std::string& row) {
    for (auto at = text.find('%'); at != std::string::npos; at = text.find('%', at + row.size()))
        text.replace(at, 1, row);
    return text;
}

std::string fieldValueSql(const SyncField& field) {
    switch (field.type) {
    case FieldType::ClientRef:
        return "(SELECT uid FROM clients WHERE id = %.client_id)";
    case FieldType::SnapshotRef:
        return "(SELECT digest FROM model_snapshots WHERE id = %.snapshot_id)";
    case FieldType::Questions:
        return "json((SELECT json_group_array(question_id) FROM (SELECT question_id FROM action_questions "
               "WHERE action_id = %.id ORDER BY position)))";
    default:
        return std::string("%.") + field.column;
    }
}

const std::vector<SyncKind>& syncKinds() {
    static const std::vector<SyncKind> kinds = {
        {"client",
         "clients",
         "%.uid",
         "%.uid",
         "1",
         {{"name", "name", FieldType::Text},
          {"sector", "sector", FieldType::Text},
          {"notes", "notes", FieldType::Text},
          {"created_at", "created_at", FieldType::Text, true, true}},
         "id"},
        {"snapshot",
         "model_snapshots",
         "%.digest",
         "''",
         nullptr,
         {{"model_id", "model_id", FieldType::Text, false, true},
          {"model_version", "model_version", FieldType::Text, false, true},
          {"model_json", "model_json", FieldType::Text, false, true}},
         "id"},
        {"assessment",
         "assessments",
         "%.uid",
         "(SELECT uid FROM clients WHERE id = %.client_id)",
         "EXISTS (SELECT 1 FROM clients WHERE id = %.client_id)",
         {{"client", "client_id", FieldType::ClientRef},
          {"title", "title", FieldType::Text},
          {"date", "date", FieldType::Text},
          {"assessor", "assessor", FieldType::Text},
          {"status", "status", FieldType::Text},
          {"baseline_uid", "baseline_uid", FieldType::OptionalText},
          {"snapshot", "snapshot_id", FieldType::SnapshotRef, false, true},
          {"model_id", "model_id", FieldType::Text, false, true},
          {"model_version", "model_version", FieldType::Text, false, true},
          {"question_count", "question_count", FieldType::Count, false, true},
          {"created_at", "created_at", FieldType::Text, true, true},
          {"updated_at", "updated_at", FieldType::Text, true, true}},
         // A baseline before its follow-ups.
         "date, id"},
        {"participant",
         "participants",
         "(SELECT uid FROM assessments WHERE id = %.assessment_id) || '/' || %.uid",
         kClientOfAssessment,
         kAssessmentThere,
         {{"name", "name", FieldType::Text},
          {"grp", "grp", FieldType::Text},
          {"role", "role", FieldType::Text},
          {"is_default", "is_default", FieldType::Flag}},
         "id"},
        {"answer",
         "answers",
         "(SELECT uid FROM assessments WHERE id = %.assessment_id) || '/' || %.question_id || '/' || "
         "(SELECT uid FROM participants WHERE id = %.participant_id)",
         kClientOfAssessment,
         "EXISTS (SELECT 1 FROM assessments WHERE id = %.assessment_id) AND "
         "EXISTS (SELECT 1 FROM participants WHERE id = %.participant_id)",
         {{"current", "current", FieldType::Number},
          {"not_applicable", "not_applicable", FieldType::Flag},
          {"target", "target", FieldType::Number},
          {"note", "note", FieldType::Text},
          {"confidence", "confidence", FieldType::Text},
          {"updated_at", "updated_at", FieldType::Text, true},
          {"origin", "origin", FieldType::Text, true}},
         "assessment_id, participant_id, question_id"},
        {"action",
         "actions",
         "(SELECT uid FROM assessments WHERE id = %.assessment_id) || '/' || %.uid",
         kClientOfAssessment,
         kAssessmentThere,
         {{"title", "title", FieldType::Text},
          {"owner", "owner", FieldType::Text},
          {"due", "due", FieldType::Text},
          {"status", "status", FieldType::Text},
          {"note", "note", FieldType::Text},
          {"carried_from", "carried_from", FieldType::Text},
          {"created_at", "created_at", FieldType::Text, true, true},
          {"updated_at", "updated_at", FieldType::Text, true},
          {"questions", "", FieldType::Questions, false, true}},
         "id"},
    };
    return kinds;
}

const SyncKind* findSyncKind(const std::string& kind) {
    for (const auto& candidate : syncKinds())
        if (kind == candidate.kind)
            return &candidate;
    return nullptr;
}

std::string syncTriggers() {
    std::string out;
    for (const auto& kind : syncKinds()) {
        const std::string name = std::string("sync_log_") + kind.table;
        out += "CREATE TRIGGER " + name + "_insert AFTER INSERT ON " + kind.table + " WHEN " + kLogging +
               " BEGIN " + kTick + logStatement(kind, "NEW", "insert", insertFields(kind, "NEW")) + " END;\n";
        if (const std::string changed = anyFieldChanged(kind); !changed.empty())
            out += "CREATE TRIGGER " + name + "_update AFTER UPDATE ON " + kind.table + " WHEN " + kLogging +
                   " AND (" + changed + ") BEGIN " + kTick +
                   logStatement(kind, "NEW", "update", changedFields(kind)) + " END;\n";
        if (kind.parentSql)
            out += "CREATE TRIGGER " + name + "_delete AFTER DELETE ON " + kind.table + " WHEN " + kLogging +
                   " AND " + overRow(kind.parentSql, "OLD") + " BEGIN " + kTick +
                   logStatement(kind, "OLD", "delete", "'{}'") + " END;\n";
    }
    // An action's questions are rows of their own: any change to them logs the action's whole list.
    const SyncKind& action = *findSyncKind("action");
    const std::string actionRow = "(SELECT x.uid FROM actions x WHERE x.id = %.action_id)";
    const std::string key = "(SELECT a.uid || '/' || x.uid FROM actions x JOIN assessments a ON "
                            "a.id = x.assessment_id WHERE x.id = %.action_id)";
    const std::string client = "(SELECT c.uid FROM actions x JOIN assessments a ON a.id = x.assessment_id "
                               "JOIN clients c ON c.id = a.client_id WHERE x.id = %.action_id)";
    const std::string list = "json_object('questions', json((SELECT json_group_array(question_id) FROM "
                             "(SELECT question_id FROM action_questions WHERE action_id = %.action_id "
                             "ORDER BY position))))";
    for (const std::string event : {"INSERT", "DELETE"}) {
        const std::string row = event == "INSERT" ? "NEW" : "OLD";
        out += "CREATE TRIGGER sync_log_action_questions_" + event + " AFTER " + event +
               " ON action_questions WHEN " + kLogging + " AND " + overRow(actionRow, row) +
               " IS NOT NULL BEGIN " + kTick +
               "INSERT INTO sync_outbox (kind, key, client_uid, op, fields, hlc) VALUES (" +
               quoted(action.kind) + ", " + overRow(key, row) + ", " + overRow(client, row) + ", 'update', " +
               overRow(list, row) + ", (SELECT hlc FROM sync_clock)); END;\n";
    }
    return out;
}

std::vector<std::string> logExistingRows() {
    std::vector<std::string> out;
    for (const auto& kind : syncKinds())
        out.push_back(
            std::string("INSERT INTO sync_outbox (kind, key, client_uid, op, fields, hlc) SELECT ") +
            quoted(kind.kind) + ", " + overRow(kind.keySql, "t") + ", " + overRow(kind.clientSql, "t") +
            ", 'insert', " + insertFields(kind, "t") + ", (SELECT hlc FROM sync_clock) FROM " + kind.table +
            " t ORDER BY " + overRow(kind.orderBy, "t") + ";");
    return out;
}

// The team hub (schema 6): clients get a uid as every other record has; a change log (the outbox) that
// triggers fill once the database first syncs, the clock they stamp it with, what this laptop knows of
// each record's and field's latest clock, the tombstones of deleted records, and the conflicts found.
const char* const kSchemaV6 = R"SQL(
ALTER TABLE clients ADD COLUMN uid TEXT NOT NULL DEFAULT '';
UPDATE clients SET uid = lower(hex(randomblob(16))) WHERE uid = '';
CREATE UNIQUE INDEX clients_uid ON clients(uid);
CREATE TABLE sync_clock (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    hlc     INTEGER NOT NULL,
    -- 1 once the database syncs with a hub; 0 before, and while the hub's changes are being applied.
    logging INTEGER NOT NULL
);
INSERT INTO sync_clock (id, hlc, logging) VALUES (1, 0, 0);
CREATE TABLE sync_outbox (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    kind       TEXT NOT NULL,
    key        TEXT NOT NULL,
    client_uid TEXT NOT NULL DEFAULT '',
    op         TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
    fields     TEXT NOT NULL,
    hlc        INTEGER NOT NULL
);
CREATE INDEX sync_outbox_record ON sync_outbox(kind, key);
CREATE TABLE sync_records (
    kind   TEXT NOT NULL,
    key    TEXT NOT NULL,
    hlc    INTEGER NOT NULL,
    origin TEXT NOT NULL,
    PRIMARY KEY (kind, key)
) WITHOUT ROWID;
CREATE TABLE sync_fields (
    kind   TEXT NOT NULL,
    key    TEXT NOT NULL,
    field  TEXT NOT NULL,
    hlc    INTEGER NOT NULL,
    origin TEXT NOT NULL,
    PRIMARY KEY (kind, key, field)
) WITHOUT ROWID;
CREATE TABLE sync_tombstones (
    kind    TEXT NOT NULL,
    key     TEXT NOT NULL,
    hlc     INTEGER NOT NULL,
    origin  TEXT NOT NULL,
    PRIMARY KEY (kind, key)
) WITHOUT ROWID;
CREATE TABLE sync_conflicts (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL,
    key         TEXT NOT NULL,
    field       TEXT NOT NULL,
    description TEXT NOT NULL,
    kept_value  TEXT NOT NULL,
    kept_origin TEXT NOT NULL,
    kept_hlc    INTEGER NOT NULL,
    lost_value  TEXT NOT NULL,
    lost_origin TEXT NOT NULL,
    lost_hlc    INTEGER NOT NULL,
    detected_at TEXT NOT NULL,
    resolved_at TEXT
);
)SQL";

} // namespace mw::sql
