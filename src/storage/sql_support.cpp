#include "storage/sql_support.hpp"

#include "core/digest.hpp"

#include <sqlite3.h>

namespace mw::sql {

std::string describe(const std::filesystem::path& path, const SQLite::Exception& e, std::string_view action) {
    const int code = e.getErrorCode() & 0xff;
    const std::string where = path.string();
    if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
        return where + " is locked by another program (is the workbench open on it elsewhere?); close that "
                       "program and try again";
    if (code == SQLITE_NOTADB)
        return where + " is not a Maturity Workbench database (SQLite cannot read it)";
    if (code == SQLITE_CORRUPT)
        return where + " is damaged (" + e.what() + "); restore it from a backup";
    if (code == SQLITE_READONLY || code == SQLITE_CANTOPEN || code == SQLITE_PERM)
        return where + ": cannot " + std::string(action) + " (" + e.what() +
               "); check the file's permissions";
    if (code == SQLITE_FULL)
        return where + ": the disk is full; free some space and try again";
    return where + ": cannot " + std::string(action) + ": " + e.what();
}

std::optional<double> optionalDouble(const SQLite::Column& column) {
    if (column.isNull())
        return std::nullopt;
    return column.getDouble();
}

void bindOptional(SQLite::Statement& stmt, int index, const std::optional<double>& value) {
    if (value)
        stmt.bind(index, *value);
    else
        stmt.bind(index);
}

void bindOptionalId(SQLite::Statement& stmt, int index, const std::optional<Id>& value) {
    if (value)
        stmt.bind(index, static_cast<int64_t>(*value));
    else
        stmt.bind(index);
}

void bindOptionalText(SQLite::Statement& stmt, int index, const std::optional<std::string>& value) {
    if (value)
        stmt.bind(index, *value);
    else
        stmt.bind(index);
}

const char* const kAssessmentColumns =
    "a.id, a.uid, a.client_id, c.name, a.title, a.date, a.assessor, a.status, a.baseline_id, a.model_id, "
    "a.model_version, a.question_count, a.answered_count";

AssessmentInfo readAssessment(SQLite::Statement& q) {
    AssessmentInfo info;
    info.id = q.getColumn(0).getInt64();
    info.uid = q.getColumn(1).getString();
    info.clientId = q.getColumn(2).getInt64();
    info.clientName = q.getColumn(3).getString();
    info.title = q.getColumn(4).getString();
    info.date = q.getColumn(5).getString();
    info.assessor = q.getColumn(6).getString();
    info.status = statusFromString(q.getColumn(7).getString()).value_or(Status::Draft);
    if (!q.getColumn(8).isNull())
        info.baselineId = q.getColumn(8).getInt64();
    info.modelId = q.getColumn(9).getString();
    info.modelVersion = q.getColumn(10).getString();
    info.questionCount = static_cast<std::size_t>(q.getColumn(11).getInt64());
    info.answeredCount = static_cast<std::size_t>(q.getColumn(12).getInt64());
    return info;
}

const char* const kAnswerColumns =
    "question_id, participant_id, current, not_applicable, target, note, confidence, updated_at, origin";

Answer readAnswer(SQLite::Statement& q) {
    Answer a;
    a.questionId = q.getColumn(0).getString();
    a.participantId = q.getColumn(1).getInt64();
    a.current = optionalDouble(q.getColumn(2));
    a.notApplicable = q.getColumn(3).getInt() != 0;
    a.target = optionalDouble(q.getColumn(4));
    a.note = q.getColumn(5).getString();
    a.confidence = confidenceFromString(q.getColumn(6).getString()).value_or(Confidence::Medium);
    a.updatedAt = q.getColumn(7).getString();
    a.origin = q.getColumn(8).getString();
    return a;
}

StatementCache::Handle::Handle(SQLite::Statement* statement, bool* inUse,
                               std::unique_ptr<SQLite::Statement> own)
    : statement_(own ? own.get() : statement)
    , inUse_(inUse)
    , own_(std::move(own)) {}

StatementCache::Handle::~Handle() {
    statement_->tryReset();
    if (inUse_)
        *inUse_ = false;
}

StatementCache::Handle StatementCache::prepare(const char* sql) {
    Entry& entry = entries_[sql];
    if (entry.inUse)
        return Handle(nullptr, nullptr, std::make_unique<SQLite::Statement>(db_, sql));
    if (!entry.statement)
        entry.statement = std::make_unique<SQLite::Statement>(db_, sql);
    entry.statement->clearBindings();
    entry.inUse = true;
    return Handle(entry.statement.get(), &entry.inUse, nullptr);
}

void insertAnswer(StatementCache& db, Id assessmentId, const Answer& a) {
    auto q = db.prepare(
        "INSERT INTO answers (assessment_id, question_id, participant_id, current, "
        "not_applicable, target, note, confidence, updated_at, origin) VALUES (?,?,?,?,?,?,?,?,?,?) "
        "ON CONFLICT (assessment_id, question_id, participant_id) DO UPDATE SET "
        "current = excluded.current, not_applicable = excluded.not_applicable, "
        "target = excluded.target, note = excluded.note, confidence = excluded.confidence, "
        "updated_at = excluded.updated_at, origin = excluded.origin");
    q->bind(1, static_cast<int64_t>(assessmentId));
    q->bind(2, a.questionId);
    q->bind(3, static_cast<int64_t>(a.participantId));
    bindOptional(*q, 4, a.notApplicable ? std::nullopt : a.current);
    q->bind(5, a.notApplicable ? 1 : 0);
    bindOptional(*q, 6, a.target);
    q->bind(7, a.note);
    q->bind(8, std::string(toString(a.confidence)));
    q->bind(9, a.updatedAt.empty() ? nowIsoUtc() : a.updatedAt);
    q->bind(10, a.origin);
    q->exec();
}

Id insertParticipant(StatementCache& db, Id assessmentId, const Participant& p) {
    auto q = db.prepare("INSERT INTO participants (assessment_id, name, grp, is_default, uid, role) "
                        "VALUES (?,?,?,?,?,?)");
    q->bind(1, static_cast<int64_t>(assessmentId));
    q->bind(2, p.name);
    q->bind(3, p.group);
    q->bind(4, p.isDefault ? 1 : 0);
    q->bind(5, p.uid.empty() ? newUid() : p.uid);
    q->bind(6, p.role);
    q->exec();
    return db.db().getLastInsertRowid();
}

const char* const kParticipantColumns = "id, name, grp, is_default, uid, role";

Participant readParticipant(SQLite::Statement& q) {
    Participant p;
    p.id = q.getColumn(0).getInt64();
    p.name = q.getColumn(1).getString();
    p.group = q.getColumn(2).getString();
    p.isDefault = q.getColumn(3).getInt() != 0;
    p.uid = q.getColumn(4).getString();
    p.role = q.getColumn(5).getString();
    return p;
}

Id insertClient(StatementCache& db, const std::string& name, const std::string& sector,
                const std::string& notes) {
    auto q = db.prepare("INSERT INTO clients (name, sector, notes, created_at, uid) VALUES (?,?,?,?,?)");
    q->bind(1, name);
    q->bind(2, sector);
    q->bind(3, notes);
    q->bind(4, nowIsoUtc());
    q->bind(5, newUid());
    q->exec();
    return db.db().getLastInsertRowid();
}

WriteScope::WriteScope(SQLite::Database& db) {
    if (sqlite3_get_autocommit(db.getHandle()))
        transaction_.emplace(db, SQLite::TransactionBehavior::IMMEDIATE);
}

void WriteScope::commit() {
    if (transaction_)
        transaction_->commit();
}

Id snapshotId(StatementCache& db, const std::string& modelId, const std::string& version,
              const std::string& modelJson) {
    const std::string digest = contentDigest(modelJson);
    auto insert = db.prepare("INSERT INTO model_snapshots (model_id, model_version, digest, model_json) "
                             "VALUES (?,?,?,?) ON CONFLICT (model_id, model_version, digest) DO NOTHING");
    insert->bind(1, modelId);
    insert->bind(2, version);
    insert->bind(3, digest);
    insert->bind(4, modelJson);
    insert->exec();
    auto find = db.prepare("SELECT id FROM model_snapshots WHERE model_id = ? AND model_version = ? AND "
                           "digest = ?");
    find->bind(1, modelId);
    find->bind(2, version);
    find->bind(3, digest);
    find->executeStep();
    return find->getColumn(0).getInt64();
}

Id insertAssessment(StatementCache& db, const AssessmentRow& row) {
    const Id snapshot = row.snapshotId
                            ? *row.snapshotId
                            : snapshotId(db, row.model->id, row.model->version, row.model->source.dump());
    auto q = db.prepare("INSERT INTO assessments (uid, client_id, title, date, assessor, status, "
                        "baseline_id, baseline_uid, model_id, model_version, snapshot_id, question_count, "
                        "created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    const std::string now = nowIsoUtc();
    q->bind(1, row.uid);
    q->bind(2, static_cast<int64_t>(row.clientId));
    q->bind(3, row.title);
    q->bind(4, row.date);
    q->bind(5, row.assessor);
    q->bind(6, std::string(toString(row.status)));
    bindOptionalId(*q, 7, row.baselineId);
    bindOptionalText(*q, 8, row.baselineUid);
    q->bind(9, row.model->id);
    q->bind(10, row.model->version);
    q->bind(11, static_cast<int64_t>(snapshot));
    q->bind(12, static_cast<int64_t>(row.model->questionCount()));
    q->bind(13, now);
    q->bind(14, now);
    q->exec();
    return db.db().getLastInsertRowid();
}

} // namespace mw::sql

namespace mw::sql {

const char* const kActionColumns = "id, uid, title, owner, due, status, note, carried_from, updated_at";

Action readAction(SQLite::Statement& q) {
    Action a;
    a.id = q.getColumn(0).getInt64();
    a.uid = q.getColumn(1).getString();
    a.title = q.getColumn(2).getString();
    a.owner = q.getColumn(3).getString();
    a.due = q.getColumn(4).getString();
    a.status = actionStatusFromString(q.getColumn(5).getString()).value_or(ActionStatus::Planned);
    a.note = q.getColumn(6).getString();
    a.carriedFrom = q.getColumn(7).getString();
    a.updatedAt = q.getColumn(8).getString();
    return a;
}

Id upsertAction(StatementCache& db, Id assessmentId, const Action& action) {
    const std::string now = nowIsoUtc();
    auto q = db.prepare("INSERT INTO actions (uid, assessment_id, title, owner, due, status, note, "
                        "carried_from, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?) "
                        "ON CONFLICT (assessment_id, uid) DO UPDATE SET title = excluded.title, "
                        "owner = excluded.owner, due = excluded.due, status = excluded.status, "
                        "note = excluded.note, updated_at = excluded.updated_at RETURNING id");
    q->bind(1, action.uid.empty() ? newUid() : action.uid);
    q->bind(2, static_cast<int64_t>(assessmentId));
    q->bind(3, action.title);
    q->bind(4, action.owner);
    q->bind(5, action.due);
    q->bind(6, std::string(toString(action.status)));
    q->bind(7, action.note);
    q->bind(8, action.carriedFrom);
    q->bind(9, now);
    q->bind(10, action.updatedAt.empty() ? now : action.updatedAt);
    q->executeStep();
    const Id id = q->getColumn(0).getInt64();
    while (q->executeStep()) {
    }
    {
        auto clear = db.prepare("DELETE FROM action_questions WHERE action_id = ?");
        clear->bind(1, static_cast<int64_t>(id));
        clear->exec();
    }
    auto link = db.prepare("INSERT OR IGNORE INTO action_questions (action_id, question_id, position) "
                           "VALUES (?,?,?)");
    for (std::size_t i = 0; i < action.questionIds.size(); ++i) {
        link->bind(1, static_cast<int64_t>(id));
        link->bind(2, action.questionIds[i]);
        link->bind(3, static_cast<int64_t>(i));
        link->exec();
        link->tryReset();
    }
    return id;
}

} // namespace mw::sql
