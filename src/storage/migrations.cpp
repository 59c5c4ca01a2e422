// The schema and its upgrades: cumulative steps in one transaction, run after the backup copy.
#include "storage/sql_support.hpp"
#include "storage/sync_records.hpp"

namespace mw {

using namespace sql;

namespace {

// The answered count is kept incrementally: a question counts once it has one answered row (a level or N/A)
// from anyone. Each write changes the count by how it changed its own row's answered state, and only when no
// other row of that question is answered (the primary key's prefix, stopping at the first); it never counts
// the assessment's answers. One trigger per event, all of this one shape.
std::string answeredCountTriggers() {
    const std::string answered = "(%.current IS NOT NULL OR %.not_applicable = 1)";
    auto of = [&](const std::string& row) {
        std::string text = answered;
        for (auto at = text.find('%'); at != std::string::npos; at = text.find('%'))
            text.replace(at, 1, row);
        return text;
    };
    auto trigger = [&](const std::string& name, const std::string& event, const std::string& row,
                       const std::string& delta) {
        return "CREATE TRIGGER " + name + " AFTER " + event + " ON answers BEGIN UPDATE assessments SET " +
               "answered_count = answered_count + (" + delta + ") WHERE id = " + row + ".assessment_id AND " +
               "NOT EXISTS (SELECT 1 FROM answers x WHERE x.assessment_id = " + row + ".assessment_id AND " +
               "x.question_id = " + row + ".question_id AND x.participant_id <> " + row +
               ".participant_id AND " + of("x") + "); END;\n";
    };
    return trigger("answers_counted_after_insert", "INSERT", "NEW", of("NEW")) +
           trigger("answers_counted_after_update", "UPDATE", "NEW", of("NEW") + " - " + of("OLD")) +
           trigger("answers_counted_after_delete", "DELETE", "OLD", "-" + of("OLD"));
}

} // namespace

Result<void> Store::migrate(int fromVersion) {
    // Steps are cumulative and run in one transaction: an upgrade lands whole or not at all.
    SQLite::Transaction transaction(*db_, SQLite::TransactionBehavior::IMMEDIATE);
    if (fromVersion < 1) {
        db_->exec(kSchemaV1);
        db_->exec("PRAGMA application_id = " + std::to_string(kApplicationId));
    }
    if (fromVersion < 2)
        db_->exec(kSchemaV2);
    if (fromVersion < 3) {
        db_->exec(kSchemaV3);
        // Each assessment's copy of its model moves into model_snapshots, once per distinct model; the
        // assessment keeps exactly the snapshot it was made with.
        SQLite::Statement rows(*db_, "SELECT id, model_id, model_version, model_json FROM assessments");
        SQLite::Statement link(*db_, "UPDATE assessments SET snapshot_id = ? WHERE id = ?");
        while (rows.executeStep()) {
            link.bind(1, static_cast<int64_t>(snapshotId(*statements_, rows.getColumn(1).getString(),
                                                         rows.getColumn(2).getString(),
                                                         rows.getColumn(3).getString())));
            link.bind(2, rows.getColumn(0).getInt64());
            link.exec();
            link.reset();
        }
        db_->exec("ALTER TABLE assessments DROP COLUMN model_json");
        db_->exec(answeredCountTriggers());
    }
    if (fromVersion < 4)
        db_->exec(kSchemaV4);
    if (fromVersion < 5)
        db_->exec(kSchemaV5);
    if (fromVersion < 6) {
        db_->exec(kSchemaV6);
        db_->exec(syncTriggers());
    }
    db_->exec("PRAGMA user_version = " + std::to_string(kSchemaVersion));
    transaction.commit();
    return {};
}

} // namespace mw

namespace mw::sql {

const char* const kSchemaV1 = R"SQL(
CREATE TABLE clients (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    sector     TEXT NOT NULL DEFAULT '',
    notes      TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE TABLE assessments (
    id             INTEGER PRIMARY KEY,
    uid            TEXT NOT NULL UNIQUE,
    client_id      INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
    title          TEXT NOT NULL,
    date           TEXT NOT NULL,
    assessor       TEXT NOT NULL DEFAULT '',
    status         TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'final')),
    baseline_id    INTEGER REFERENCES assessments(id) ON DELETE SET NULL,
    baseline_uid   TEXT,
    model_id       TEXT NOT NULL,
    model_version  TEXT NOT NULL,
    model_json     TEXT NOT NULL,
    question_count INTEGER NOT NULL,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);
CREATE INDEX assessments_client ON assessments(client_id);
CREATE TABLE participants (
    id            INTEGER PRIMARY KEY,
    assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
    name          TEXT NOT NULL,
    grp           TEXT NOT NULL DEFAULT '',
    is_default    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX participants_assessment ON participants(assessment_id);
CREATE TABLE answers (
    assessment_id  INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
    question_id    TEXT NOT NULL,
    participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    current        REAL,
    not_applicable INTEGER NOT NULL DEFAULT 0,
    target         REAL,
    note           TEXT NOT NULL DEFAULT '',
    confidence     TEXT NOT NULL DEFAULT 'medium' CHECK (confidence IN ('low', 'medium', 'high')),
    updated_at     TEXT NOT NULL,
    PRIMARY KEY (assessment_id, question_id, participant_id)
);
)SQL";

// Workshop mode: participants get a stable uid and an optional role; every answer records the database it
// was given in, and each database gets an origin id of its own, so that bundles and a team hub can merge
// voices answered on several laptops.
const char* const kSchemaV2 = R"SQL(
ALTER TABLE participants ADD COLUMN uid TEXT NOT NULL DEFAULT '';
ALTER TABLE participants ADD COLUMN role TEXT NOT NULL DEFAULT '';
UPDATE participants SET uid = lower(hex(randomblob(16))) WHERE uid = '';
CREATE UNIQUE INDEX participants_uid ON participants(assessment_id, uid);
ALTER TABLE answers ADD COLUMN origin TEXT NOT NULL DEFAULT '';
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT INTO meta (key, value) VALUES ('origin', lower(hex(randomblob(16))));
)SQL";

// Portfolio scale: each distinct model snapshot is stored once (about 66 KB each, where every assessment
// used to carry its own copy), addressed by model id, version and the digest of its JSON; and an index for
// every lookup the store makes (baselines by uid and id, snapshots by model id, answers by participant for
// the cascade). The migration fills snapshot_id and drops model_json (migrate()). Each assessment keeps
// the number of questions answered, kept by triggers on every write of an answer, so that listing the
// portfolio reads one row per assessment instead of all its answers.
const char* const kSchemaV3 = R"SQL(
CREATE TABLE model_snapshots (
    id            INTEGER PRIMARY KEY,
    model_id      TEXT NOT NULL,
    model_version TEXT NOT NULL,
    digest        TEXT NOT NULL,
    model_json    TEXT NOT NULL,
    UNIQUE (model_id, model_version, digest)
);
ALTER TABLE assessments ADD COLUMN snapshot_id INTEGER REFERENCES model_snapshots(id);
CREATE INDEX assessments_baseline_uid ON assessments(baseline_uid);
CREATE INDEX assessments_baseline ON assessments(baseline_id);
CREATE INDEX assessments_model ON assessments(model_id);
CREATE INDEX answers_participant ON answers(participant_id);
ALTER TABLE assessments ADD COLUMN answered_count INTEGER NOT NULL DEFAULT 0;
UPDATE assessments SET answered_count = (SELECT COUNT(DISTINCT question_id) FROM answers x
    WHERE x.assessment_id = assessments.id AND (x.current IS NOT NULL OR x.not_applicable = 1));
)SQL";

// The action plan: actions belong to the assessment they were planned in; a follow-up holds copies of its
// baseline's actions (carried_from names the original's uid) whose status moves on there. uid is stable
// across bundles, so that a bundle's actions merge into an assessment's own.
const char* const kSchemaV4 = R"SQL(
CREATE TABLE actions (
    id            INTEGER PRIMARY KEY,
    uid           TEXT NOT NULL,
    assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
    title         TEXT NOT NULL CHECK (length(trim(title)) > 0),
    owner         TEXT NOT NULL DEFAULT '',
    due           TEXT NOT NULL DEFAULT '',
    status        TEXT NOT NULL DEFAULT 'planned'
                  CHECK (status IN ('planned', 'in-progress', 'done', 'dropped')),
    note          TEXT NOT NULL DEFAULT '',
    carried_from  TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    UNIQUE (assessment_id, uid)
);
CREATE TABLE action_questions (
    action_id   INTEGER NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
    question_id TEXT NOT NULL,
    position    INTEGER NOT NULL,
    PRIMARY KEY (action_id, question_id)
) WITHOUT ROWID;
)SQL";

// Evidence files: each distinct content is stored once (evidence_files, addressed by its SHA-256) in chunks
// of 1 MiB (evidence_chunks), so that no file has to fit in memory to be stored or read. Each piece
// of evidence belongs to one assessment and names its file, what it is and the questions it supports
// (evidence_questions; none: the assessment as a whole). Removing one sets removed_at; the row and its file
// stay, recoverable, until the next backup holds them.
const char* const kSchemaV5 = R"SQL(
CREATE TABLE evidence_files (
    sha256      TEXT PRIMARY KEY CHECK (length(sha256) = 64),
    size        INTEGER NOT NULL CHECK (size >= 0),
    media_type  TEXT NOT NULL,
    -- 0 while its chunks are being written, in transactions of a few MiB each so that a large file never
    -- holds the database's write lock for long; evidence refers only to complete files.
    complete    INTEGER NOT NULL DEFAULT 0,
    staged_at   TEXT NOT NULL
);
CREATE TABLE evidence_chunks (
    sha256 TEXT NOT NULL REFERENCES evidence_files(sha256) ON DELETE CASCADE,
    seq    INTEGER NOT NULL,
    data   BLOB NOT NULL,
    PRIMARY KEY (sha256, seq)
);
CREATE TABLE evidence (
    id             INTEGER PRIMARY KEY,
    uid            TEXT NOT NULL,
    assessment_id  INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
    sha256         TEXT NOT NULL REFERENCES evidence_files(sha256),
    file_name      TEXT NOT NULL,
    title          TEXT NOT NULL CHECK (length(trim(title)) > 0),
    valid_on       TEXT NOT NULL DEFAULT '',
    supplied_by    TEXT NOT NULL DEFAULT '',
    participant_id INTEGER REFERENCES participants(id) ON DELETE SET NULL,
    carried_from   TEXT NOT NULL DEFAULT '',
    added_at       TEXT NOT NULL,
    removed_at     TEXT,
    UNIQUE (assessment_id, uid)
);
CREATE INDEX evidence_file ON evidence(sha256);
CREATE INDEX evidence_participant ON evidence(participant_id);
CREATE TABLE evidence_questions (
    evidence_id INTEGER NOT NULL REFERENCES evidence(id) ON DELETE CASCADE,
    question_id TEXT NOT NULL,
    position    INTEGER NOT NULL,
    PRIMARY KEY (evidence_id, question_id)
) WITHOUT ROWID;
)SQL";

} // namespace mw::sql
