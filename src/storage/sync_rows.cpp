// Internal to maturity_storage: the records the hub's changes name, found, created and changed one field
// at a time, every value checked first (the hub's rows are untrusted).
#include "storage/sync_rows.hpp"

#include "core/digest.hpp"
#include "core/model_loader.hpp"

namespace mw::sql {

namespace {

// A value as it is bound into a table's column; JSON null is SQL NULL.
void bindJson(SQLite::Statement& q, int index, const nlohmann::json& value) {
    if (value.is_null())
        q.bind(index);
    else if (value.is_boolean())
        q.bind(index, value.get<bool>() ? 1 : 0);
    else if (value.is_number_integer())
        q.bind(index, value.get<std::int64_t>());
    else if (value.is_number())
        q.bind(index, value.get<double>());
    else
        q.bind(index, value.get<std::string>());
}

const char* typeName(FieldType type) {
    switch (type) {
    case FieldType::Text:
    case FieldType::ClientRef:
    case FieldType::SnapshotRef:
        return "a text";
    case FieldType::Number:
        return "a number or null";
    case FieldType::Flag:
        return "0 or 1";
    case FieldType::Count:
        return "a whole number";
    case FieldType::OptionalText:
        return "a text or null";
    case FieldType::Questions:
        return "a list of question ids";
    }
    return "a value";
}

// The value as the table stores it: references become this database's row ids.
nlohmann::json columnValue(StatementCache& db, const SyncField& field, const nlohmann::json& value) {
    if (field.type == FieldType::ClientRef) {
        if (auto id = idOfUid(db, "SELECT id FROM clients WHERE uid = ?", value.get<std::string>()))
            return *id;
        throw Refused{"it names a client (" + value.get<std::string>() + ") this laptop was never sent"};
    }
    if (field.type == FieldType::SnapshotRef) {
        if (auto id =
                idOfUid(db, "SELECT id FROM model_snapshots WHERE digest = ?", value.get<std::string>()))
            return *id;
        throw Refused{"it names a model snapshot (" + value.get<std::string>() +
                      ") this laptop was never sent"};
    }
    if (field.type == FieldType::Flag && value.is_boolean())
        return value.get<bool>() ? 1 : 0;
    return value;
}

void replaceQuestions(StatementCache& db, Id actionId, const nlohmann::json& questions) {
    auto clear = db.prepare("DELETE FROM action_questions WHERE action_id = ?");
    clear->bind(1, static_cast<int64_t>(actionId));
    clear->exec();
    int position = 0;
    for (const auto& question : questions) {
        auto link = db.prepare("INSERT OR IGNORE INTO action_questions (action_id, question_id, position) "
                               "VALUES (?, ?, ?)");
        link->bind(1, static_cast<int64_t>(actionId));
        link->bind(2, question.get<std::string>());
        link->bind(3, position++);
        link->exec();
    }
}

} // namespace

nlohmann::json parsedOrNull(const std::string& text) {
    auto parsed = nlohmann::json::parse(text, nullptr, false);
    return parsed.is_discarded() ? nlohmann::json() : parsed;
}

RecordKey splitKey(const SyncKind& kind, const std::string& key) {
    const std::string name = kind.kind;
    RecordKey parts;
    if (name == "client" || name == "snapshot" || name == "assessment") {
        parts.ownUid = key;
        return parts;
    }
    const auto first = key.find('/');
    const auto last = key.rfind('/');
    if (first == std::string::npos || first == 0 || last + 1 >= key.size())
        throw Refused{"its key '" + key + "' does not name a " + name};
    parts.assessmentUid = key.substr(0, first);
    parts.ownUid = key.substr(last + 1);
    if (name == "answer") {
        if (last == first)
            throw Refused{"its key '" + key + "' does not name an answer"};
        parts.questionId = key.substr(first + 1, last - first - 1);
    } else if (last != first) {
        throw Refused{"its key '" + key + "' does not name a " + name};
    }
    return parts;
}

// The row id of the record, if it is here.
std::optional<Id> locate(StatementCache& db, const SyncKind& kind, const RecordKey& key) {
    const std::string name = kind.kind;
    auto one = [](StatementCache::Handle& q) -> std::optional<Id> {
        if (q->executeStep())
            return q->getColumn(0).getInt64();
        return std::nullopt;
    };
    if (name == "client") {
        auto q = db.prepare("SELECT id FROM clients WHERE uid = ?");
        q->bind(1, key.ownUid);
        return one(q);
    }
    if (name == "snapshot") {
        auto q = db.prepare("SELECT id FROM model_snapshots WHERE digest = ?");
        q->bind(1, key.ownUid);
        return one(q);
    }
    if (name == "assessment") {
        auto q = db.prepare("SELECT id FROM assessments WHERE uid = ?");
        q->bind(1, key.ownUid);
        return one(q);
    }
    if (name == "participant") {
        auto q = db.prepare("SELECT p.id FROM participants p JOIN assessments a ON a.id = p.assessment_id "
                            "WHERE a.uid = ? AND p.uid = ?");
        q->bind(1, key.assessmentUid);
        q->bind(2, key.ownUid);
        return one(q);
    }
    if (name == "answer") {
        auto q = db.prepare("SELECT x.rowid FROM answers x JOIN assessments a ON a.id = x.assessment_id JOIN "
                            "participants p ON p.id = x.participant_id WHERE a.uid = ? AND x.question_id = ? "
                            "AND p.uid = ?");
        q->bind(1, key.assessmentUid);
        q->bind(2, key.questionId);
        q->bind(3, key.ownUid);
        return one(q);
    }
    auto q = db.prepare("SELECT x.id FROM actions x JOIN assessments a ON a.id = x.assessment_id "
                        "WHERE a.uid = ? AND x.uid = ?");
    q->bind(1, key.assessmentUid);
    q->bind(2, key.ownUid);
    return one(q);
}

std::optional<Id> idOfUid(StatementCache& db, const char* sql, const std::string& uid) {
    auto q = db.prepare(sql);
    q->bind(1, uid);
    if (q->executeStep())
        return q->getColumn(0).getInt64();
    return std::nullopt;
}

// What the record is, in words, for the conflict list.
std::string describeRecord(StatementCache& db, const SyncKind& kind, const RecordKey& key) {
    const std::string name = kind.kind;
    auto text = [&](const char* sql, const std::string& a, const std::string& b = {}) {
        auto q = db.prepare(sql);
        q->bind(1, a);
        if (!b.empty())
            q->bind(2, b);
        return q->executeStep() ? q->getColumn(0).getString() : std::string();
    };
    const char* assessmentSql = "SELECT a.title || ' (' || c.name || ')' FROM assessments a JOIN clients c "
                                "ON c.id = a.client_id WHERE a.uid = ?";
    if (name == "client")
        return "client " + text("SELECT name FROM clients WHERE uid = ?", key.ownUid);
    if (name == "snapshot")
        return "model snapshot " + key.ownUid.substr(0, 12);
    if (name == "assessment")
        return "assessment " + text(assessmentSql, key.ownUid);
    const std::string assessment = text(assessmentSql, key.assessmentUid);
    if (name == "participant")
        return "participant " +
               text("SELECT p.name FROM participants p JOIN assessments a ON a.id = p.assessment_id WHERE "
                    "a.uid = ? AND p.uid = ?",
                    key.assessmentUid, key.ownUid) +
               " in " + assessment;
    if (name == "answer")
        return "answer to " + key.questionId + " by " +
               text("SELECT p.name FROM participants p JOIN assessments a ON a.id = p.assessment_id WHERE "
                    "a.uid = ? AND p.uid = ?",
                    key.assessmentUid, key.ownUid) +
               " in " + assessment;
    return "action '" +
           text("SELECT x.title FROM actions x JOIN assessments a ON a.id = x.assessment_id WHERE a.uid = ? "
                "AND x.uid = ?",
                key.assessmentUid, key.ownUid) +
           "' in " + assessment;
}

void checkType(const SyncField& field, const nlohmann::json& value) {
    bool good = false;
    switch (field.type) {
    case FieldType::Text:
    case FieldType::ClientRef:
    case FieldType::SnapshotRef:
        good = value.is_string();
        break;
    case FieldType::Number:
        good = value.is_null() || value.is_number();
        break;
    case FieldType::Flag:
        good = value.is_boolean() || (value.is_number_integer() && (value == 0 || value == 1));
        break;
    case FieldType::Count:
        good = value.is_number_integer() && value.get<std::int64_t>() >= 0;
        break;
    case FieldType::OptionalText:
        good = value.is_null() || value.is_string();
        break;
    case FieldType::Questions:
        good = value.is_array();
        break;
    }
    if (!good)
        throw Refused{"its field '" + std::string(field.name) + "' is not " + typeName(field.type)};
}

const SyncField& fieldOf(const SyncKind& kind, const std::string& name) {
    for (const auto& field : kind.fields)
        if (name == field.name)
            return field;
    throw Refused{"it names a field '" + name + "' that a " + std::string(kind.kind) + " does not have"};
}

// A client's name is unique here: one arriving under a name a different client already has here (two
// consultants added the same client apart) is given the first free "name (2)", "name (3)" ...
std::string freeClientName(StatementCache& db, const std::string& name, const std::string& uid) {
    for (int n = 1;; ++n) {
        const std::string candidate = n == 1 ? name : name + " (" + std::to_string(n) + ")";
        auto q = db.prepare("SELECT 1 FROM clients WHERE name = ? AND uid <> ?");
        q->bind(1, candidate);
        q->bind(2, uid);
        if (!q->executeStep())
            return candidate;
    }
}

void writeField(StatementCache& db, const SyncKind& kind, Id rowId, const SyncField& field,
                const nlohmann::json& value) {
    if (field.type == FieldType::Questions) {
        replaceQuestions(db, rowId, value);
        return;
    }
    // Table and column names come from syncKinds(), never from the change.
    SQLite::Statement q(db.db(), std::string("UPDATE ") + kind.table + " SET " + field.column +
                                     " = ? WHERE rowid = ?");
    bindJson(q, 1, columnValue(db, field, value));
    q.bind(2, static_cast<int64_t>(rowId));
    q.exec();
}

// Creates the record from a change that carries every field of it.
Id insertRecord(StatementCache& db, const SyncKind& kind, const RecordKey& key,
                const nlohmann::json& fields) {
    const std::string name = kind.kind;
    std::vector<std::pair<std::string, nlohmann::json>> columns;
    if (name == "client" || name == "assessment")
        columns.emplace_back("uid", key.ownUid);
    if (name == "snapshot")
        columns.emplace_back("digest", key.ownUid);
    if (name == "participant" || name == "answer" || name == "action") {
        auto assessment = idOfUid(db, "SELECT id FROM assessments WHERE uid = ?", key.assessmentUid);
        if (!assessment)
            throw Refused{"it belongs to an assessment (" + key.assessmentUid +
                          ") this laptop was never sent"};
        columns.emplace_back("assessment_id", *assessment);
        if (name == "answer") {
            auto q = db.prepare("SELECT p.id FROM participants p WHERE p.uid = ? AND p.assessment_id = ?");
            q->bind(1, key.ownUid);
            q->bind(2, static_cast<int64_t>(*assessment));
            if (!q->executeStep())
                throw Refused{"it is the answer of a participant (" + key.ownUid +
                              ") this laptop was never sent"};
            columns.emplace_back("question_id", key.questionId);
            columns.emplace_back("participant_id", q->getColumn(0).getInt64());
        } else {
            columns.emplace_back("uid", key.ownUid);
        }
    }
    const nlohmann::json* questions = nullptr;
    for (const auto& field : kind.fields) {
        if (!fields.contains(field.name)) {
            if (field.type == FieldType::Questions || field.type == FieldType::Number ||
                field.type == FieldType::OptionalText)
                continue;
            throw Refused{"it creates a " + name + " without its field '" + field.name + "'"};
        }
        const auto& value = fields.at(field.name);
        if (field.type == FieldType::Questions) {
            questions = &value;
            continue;
        }
        columns.emplace_back(field.column, columnValue(db, field, value));
    }
    if (name == "client")
        for (auto& [column, value] : columns)
            if (column == "name")
                value = freeClientName(db, value.get<std::string>(), key.ownUid);
    std::string sql = std::string("INSERT INTO ") + kind.table + " (";
    std::string marks;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        sql += (i ? ", " : "") + columns[i].first;
        marks += i ? ", ?" : "?";
    }
    SQLite::Statement q(db.db(), sql + ") VALUES (" + marks + ")");
    for (std::size_t i = 0; i < columns.size(); ++i)
        bindJson(q, static_cast<int>(i + 1), columns[i].second);
    q.exec();
    const Id rowId = db.db().getLastInsertRowid();
    if (questions)
        replaceQuestions(db, rowId, *questions);
    return rowId;
}

// After an assessment or its baseline's uid arrives: the row ids that the uids name.
void linkBaselines(StatementCache& db, const std::string& uid) {
    auto q = db.prepare("UPDATE assessments SET baseline_id = (SELECT b.id FROM assessments b WHERE b.uid = "
                        "assessments.baseline_uid) WHERE uid = ?1 OR baseline_uid = ?1");
    q->bind(1, uid);
    q->exec();
}

void checkSnapshot(const RecordKey& key, const nlohmann::json& fields) {
    const std::string text = fields.value("model_json", std::string());
    if (contentDigest(text) != key.ownUid)
        throw Refused{"its model does not match its digest"};
    auto model = loadModelText(text, "the model snapshot " + key.ownUid.substr(0, 12));
    if (!model)
        throw Refused{model.error().message};
    if (model->id != fields.value("model_id", std::string()) ||
        model->version != fields.value("model_version", std::string()))
        throw Refused{"its model id or version is not the model's own"};
}

} // namespace mw::sql
