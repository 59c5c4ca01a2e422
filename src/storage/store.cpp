#include "store.hpp"

#include "core/model_loader.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <map>
#include <set>

namespace mw {

namespace {

// "MWB1": marks files that are ours, so a foreign SQLite database is refused instead of altered.
constexpr int kApplicationId = 0x4D574231;

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

template <typename F>
auto guarded(const std::filesystem::path& path, std::string_view action, F&& body) -> decltype(body()) {
    try {
        return body();
    } catch (const SQLite::Exception& e) {
        return fail(describe(path, e, action));
    }
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

bool looksLikeSqlite(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    char header[16] = {};
    in.read(header, sizeof header);
    return in.gcount() == 16 && std::memcmp(header, "SQLite format 3", 16) == 0;
}

const char* const kAssessmentColumns =
    "a.id, a.uid, a.client_id, c.name, a.title, a.date, a.assessor, a.status, a.baseline_id, a.model_id, "
    "a.model_version, a.question_count, (SELECT COUNT(DISTINCT question_id) FROM answers x WHERE "
    "x.assessment_id = a.id AND (x.current IS NOT NULL OR x.not_applicable = 1))";

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
    return a;
}

void insertAnswer(SQLite::Database& db, Id assessmentId, const Answer& a) {
    SQLite::Statement q(db,
                        "INSERT INTO answers (assessment_id, question_id, participant_id, current, "
                        "not_applicable, target, note, confidence, updated_at) VALUES (?,?,?,?,?,?,?,?,?) "
                        "ON CONFLICT (assessment_id, question_id, participant_id) DO UPDATE SET "
                        "current = excluded.current, not_applicable = excluded.not_applicable, "
                        "target = excluded.target, note = excluded.note, confidence = excluded.confidence, "
                        "updated_at = excluded.updated_at");
    q.bind(1, static_cast<int64_t>(assessmentId));
    q.bind(2, a.questionId);
    q.bind(3, static_cast<int64_t>(a.participantId));
    bindOptional(q, 4, a.notApplicable ? std::nullopt : a.current);
    q.bind(5, a.notApplicable ? 1 : 0);
    bindOptional(q, 6, a.target);
    q.bind(7, a.note);
    q.bind(8, std::string(toString(a.confidence)));
    q.bind(9, a.updatedAt.empty() ? nowIsoUtc() : a.updatedAt);
    q.exec();
}

Id insertParticipant(SQLite::Database& db, Id assessmentId, const std::string& name, const std::string& group,
                     bool isDefault) {
    SQLite::Statement q(db,
                        "INSERT INTO participants (assessment_id, name, grp, is_default) VALUES (?,?,?,?)");
    q.bind(1, static_cast<int64_t>(assessmentId));
    q.bind(2, name);
    q.bind(3, group);
    q.bind(4, isDefault ? 1 : 0);
    q.exec();
    return db.getLastInsertRowid();
}

} // namespace

Store::Store(std::unique_ptr<SQLite::Database> db, std::filesystem::path path)
    : db_(std::move(db))
    , path_(std::move(path)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

Result<Store> Store::open(const std::filesystem::path& path) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        return fail(path.string() + " is a folder; give the path of a database file");
    const bool existed = std::filesystem::exists(path, ec) && std::filesystem::file_size(path, ec) > 0;
    if (existed && !looksLikeSqlite(path))
        return fail(path.string() + " is not a Maturity Workbench database (it is not an SQLite file)");
    if (!existed && path.has_parent_path()) {
        std::filesystem::create_directories(path.parent_path(), ec);
        if (ec)
            return fail("cannot create the folder " + path.parent_path().string() + ": " + ec.message());
    }
    return guarded(path, "open the database", [&]() -> Result<Store> {
        auto db = std::make_unique<SQLite::Database>(path.string(),
                                                     SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE, 3000);
        const int version = db->execAndGet("PRAGMA user_version").getInt();
        const int appId = db->execAndGet("PRAGMA application_id").getInt();
        if (appId != 0 && appId != kApplicationId)
            return fail(path.string() +
                        " is an SQLite database of another program, not of Maturity Workbench");
        if (appId == 0 && version == 0 && db->execAndGet("SELECT count(*) FROM sqlite_master").getInt() > 0)
            return fail(path.string() +
                        " is an SQLite database of another program, not of Maturity Workbench");
        if (version > kSchemaVersion)
            return fail(path.string() + " was written by a newer Maturity Workbench (schema " +
                        std::to_string(version) + ", this version reads up to " +
                        std::to_string(kSchemaVersion) + "); update the program");
        db->exec("PRAGMA foreign_keys = ON");
        const std::string mode = db->execAndGet("PRAGMA journal_mode = WAL").getString();
        if (mode != "wal")
            return fail(path.string() + ": cannot switch the journal to WAL mode (got '" + mode +
                        "'); is the file on a network share?");
        // FULL: an acknowledged answer survives a crash or power cut, not only a killed process.
        db->exec("PRAGMA synchronous = FULL");
        Store store(std::move(db), path);
        if (version < kSchemaVersion) {
            if (version > 0) {
                const auto backup = path.string() + ".v" + std::to_string(version) + ".bak";
                store.db_->backup(backup.c_str(), SQLite::Database::Save);
            }
            if (auto migrated = store.migrate(version); !migrated)
                return std::unexpected(migrated.error());
        }
        return store;
    });
}

int Store::schemaVersion() const {
    return db_->execAndGet("PRAGMA user_version").getInt();
}

Result<void> Store::migrate(int fromVersion) {
    // Steps are cumulative and run in one transaction: an upgrade lands whole or not at all.
    SQLite::Transaction transaction(*db_, SQLite::TransactionBehavior::IMMEDIATE);
    if (fromVersion < 1) {
        db_->exec(kSchemaV1);
        db_->exec("PRAGMA application_id = " + std::to_string(kApplicationId));
    }
    db_->exec("PRAGMA user_version = " + std::to_string(kSchemaVersion));
    transaction.commit();
    return {};
}

Result<std::vector<Client>> Store::clients() const {
    return guarded(path_, "read the clients", [&]() -> Result<std::vector<Client>> {
        std::vector<Client> out;
        SQLite::Statement q(*db_, "SELECT id, name, sector, notes FROM clients ORDER BY name COLLATE NOCASE");
        while (q.executeStep())
            out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                           q.getColumn(3).getString()});
        return out;
    });
}

Result<Client> Store::client(Id id) const {
    return guarded(path_, "read the client", [&]() -> Result<Client> {
        SQLite::Statement q(*db_, "SELECT id, name, sector, notes FROM clients WHERE id = ?");
        q.bind(1, static_cast<int64_t>(id));
        if (!q.executeStep())
            return fail("no client with id " + std::to_string(id) + " in " + path_.string());
        return Client{q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                      q.getColumn(3).getString()};
    });
}

Result<std::optional<Client>> Store::findClient(std::string_view name) const {
    return guarded(path_, "read the clients", [&]() -> Result<std::optional<Client>> {
        SQLite::Statement q(*db_, "SELECT id, name, sector, notes FROM clients WHERE name = ?");
        q.bind(1, std::string(name));
        if (!q.executeStep())
            return std::optional<Client>{};
        return std::optional<Client>{Client{q.getColumn(0).getInt64(), q.getColumn(1).getString(),
                                            q.getColumn(2).getString(), q.getColumn(3).getString()}};
    });
}

Result<Client> Store::addClient(const std::string& name, const std::string& sector,
                                const std::string& notes) {
    if (name.find_first_not_of(" \t") == std::string::npos)
        return fail("a client needs a name");
    return guarded(path_, "add the client", [&]() -> Result<Client> {
        auto existing = findClient(name);
        if (existing && *existing)
            return fail("a client named '" + name + "' already exists");
        SQLite::Statement q(*db_, "INSERT INTO clients (name, sector, notes, created_at) VALUES (?,?,?,?)");
        q.bind(1, name);
        q.bind(2, sector);
        q.bind(3, notes);
        q.bind(4, nowIsoUtc());
        q.exec();
        return Client{db_->getLastInsertRowid(), name, sector, notes};
    });
}

Result<Client> Store::ensureClient(const std::string& name) {
    auto existing = findClient(name);
    if (!existing)
        return std::unexpected(existing.error());
    if (*existing)
        return **existing;
    return addClient(name);
}

Result<void> Store::updateClient(const Client& client) {
    return guarded(path_, "update the client", [&]() -> Result<void> {
        SQLite::Statement q(*db_, "UPDATE clients SET name = ?, sector = ?, notes = ? WHERE id = ?");
        q.bind(1, client.name);
        q.bind(2, client.sector);
        q.bind(3, client.notes);
        q.bind(4, static_cast<int64_t>(client.id));
        if (q.exec() == 0)
            return fail("no client with id " + std::to_string(client.id));
        return {};
    });
}

Result<std::vector<AssessmentInfo>> Store::assessments() const {
    return guarded(path_, "read the assessments", [&]() -> Result<std::vector<AssessmentInfo>> {
        std::vector<AssessmentInfo> out;
        SQLite::Statement q(*db_, std::string("SELECT ") + kAssessmentColumns +
                                      " FROM assessments a JOIN clients c ON c.id = a.client_id "
                                      "ORDER BY c.name COLLATE NOCASE, a.date, a.id");
        while (q.executeStep())
            out.push_back(readAssessment(q));
        return out;
    });
}

Result<AssessmentInfo> Store::assessmentInfo(Id id) const {
    return guarded(path_, "read the assessment", [&]() -> Result<AssessmentInfo> {
        SQLite::Statement q(*db_,
                            std::string("SELECT ") + kAssessmentColumns +
                                " FROM assessments a JOIN clients c ON c.id = a.client_id WHERE a.id = ?");
        q.bind(1, static_cast<int64_t>(id));
        if (!q.executeStep())
            return fail("no assessment with id " + std::to_string(id) + " in " + path_.string() +
                        " (run 'maturity list' to see the ids)");
        return readAssessment(q);
    });
}

Result<std::shared_ptr<const Model>> Store::modelOf(Id id) const {
    if (auto cached = modelCache_.find(id); cached != modelCache_.end())
        return cached->second;
    return guarded(path_, "read the assessment", [&]() -> Result<std::shared_ptr<const Model>> {
        SQLite::Statement q(*db_, "SELECT model_json FROM assessments WHERE id = ?");
        q.bind(1, static_cast<int64_t>(id));
        if (!q.executeStep())
            return fail("no assessment with id " + std::to_string(id) + " in " + path_.string() +
                        " (run 'maturity list' to see the ids)");
        auto model =
            loadModelText(q.getColumn(0).getString(), "model snapshot of assessment " + std::to_string(id));
        if (!model)
            return std::unexpected(model.error());
        return modelCache_.emplace(id, std::make_shared<const Model>(std::move(*model))).first->second;
    });
}

Result<LoadedAssessment> Store::assessment(Id id) const {
    auto info = assessmentInfo(id);
    if (!info)
        return std::unexpected(info.error());
    auto model = modelOf(id);
    if (!model)
        return std::unexpected(model.error());
    return LoadedAssessment{*info, **model};
}

Result<Id> Store::createAssessment(const NewAssessment& request) {
    if (!request.model)
        return fail("a new assessment needs a model");
    if (request.title.find_first_not_of(" \t") == std::string::npos)
        return fail("a new assessment needs a title");
    if (!isIsoDate(request.date))
        return fail("'" + request.date + "' is not a date such as 2025-03-31");
    std::optional<LoadedAssessment> baseline;
    std::vector<Answer> baselineAnswers;
    if (request.baselineId) {
        auto loaded = assessment(*request.baselineId);
        if (!loaded)
            return fail("baseline: " + loaded.error().message);
        baseline = std::move(*loaded);
        if (request.copyBaselineAnswers) {
            auto answers = this->answers(*request.baselineId);
            if (!answers)
                return std::unexpected(answers.error());
            baselineAnswers = std::move(*answers);
        }
    }
    return guarded(path_, "create the assessment", [&]() -> Result<Id> {
        SQLite::Transaction transaction(*db_, SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement q(*db_,
                            "INSERT INTO assessments (uid, client_id, title, date, assessor, status, "
                            "baseline_id, model_id, model_version, model_json, question_count, created_at, "
                            "updated_at) VALUES (?,?,?,?,?,'draft',?,?,?,?,?,?,?)");
        const std::string now = nowIsoUtc();
        q.bind(1, newUid());
        q.bind(2, static_cast<int64_t>(request.clientId));
        q.bind(3, request.title);
        q.bind(4, request.date);
        q.bind(5, request.assessor);
        bindOptionalId(q, 6, request.baselineId);
        q.bind(7, request.model->id);
        q.bind(8, request.model->version);
        q.bind(9, request.model->source.dump());
        q.bind(10, static_cast<int64_t>(request.model->questionCount()));
        q.bind(11, now);
        q.bind(12, now);
        q.exec();
        const Id id = db_->getLastInsertRowid();
        const Id participant = insertParticipant(*db_, id, "Workshop consensus", "All", true);
        // A follow-up starts from the consensus answers of its baseline, where the new model still asks them.
        std::set<std::string> copied;
        for (auto answer : baselineAnswers) {
            if (checkAnswer(*request.model, answer) || !copied.insert(answer.questionId).second)
                continue;
            answer.participantId = participant;
            answer.updatedAt = now;
            insertAnswer(*db_, id, answer);
        }
        transaction.commit();
        return id;
    });
}

Result<void> Store::updateAssessment(const AssessmentInfo& info) {
    if (info.title.find_first_not_of(" \t") == std::string::npos)
        return fail("an assessment needs a title");
    if (!isIsoDate(info.date))
        return fail("'" + info.date + "' is not a date such as 2025-03-31");
    if (info.baselineId && *info.baselineId == info.id)
        return fail("an assessment cannot be its own baseline");
    return guarded(path_, "update the assessment", [&]() -> Result<void> {
        SQLite::Statement q(*db_, "UPDATE assessments SET title = ?, date = ?, assessor = ?, status = ?, "
                                  "baseline_id = ?, updated_at = ? WHERE id = ?");
        q.bind(1, info.title);
        q.bind(2, info.date);
        q.bind(3, info.assessor);
        q.bind(4, std::string(toString(info.status)));
        bindOptionalId(q, 5, info.baselineId);
        q.bind(6, nowIsoUtc());
        q.bind(7, static_cast<int64_t>(info.id));
        if (q.exec() == 0)
            return fail("no assessment with id " + std::to_string(info.id));
        return {};
    });
}

Result<void> Store::deleteAssessment(Id id) {
    return guarded(path_, "delete the assessment", [&]() -> Result<void> {
        SQLite::Statement q(*db_, "DELETE FROM assessments WHERE id = ?");
        q.bind(1, static_cast<int64_t>(id));
        if (q.exec() == 0)
            return fail("no assessment with id " + std::to_string(id));
        modelCache_.erase(id);
        return {};
    });
}

Result<std::vector<Participant>> Store::participants(Id assessmentId) const {
    return guarded(path_, "read the participants", [&]() -> Result<std::vector<Participant>> {
        std::vector<Participant> out;
        SQLite::Statement q(*db_,
                            "SELECT id, name, grp, is_default FROM participants WHERE assessment_id = ? "
                            "ORDER BY id");
        q.bind(1, static_cast<int64_t>(assessmentId));
        while (q.executeStep())
            out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                           q.getColumn(3).getInt() != 0});
        return out;
    });
}

Result<Participant> Store::defaultParticipant(Id assessmentId) const {
    auto all = participants(assessmentId);
    if (!all)
        return std::unexpected(all.error());
    for (const auto& p : *all)
        if (p.isDefault)
            return p;
    if (!all->empty())
        return all->front();
    return fail("assessment " + std::to_string(assessmentId) + " has no participants");
}

Result<Id> Store::addParticipant(Id assessmentId, const std::string& name, const std::string& group) {
    if (name.find_first_not_of(" \t") == std::string::npos)
        return fail("a participant needs a name");
    return guarded(path_, "add the participant",
                   [&]() -> Result<Id> { return insertParticipant(*db_, assessmentId, name, group, false); });
}

Result<std::vector<Answer>> Store::answers(Id assessmentId) const {
    return guarded(path_, "read the answers", [&]() -> Result<std::vector<Answer>> {
        std::vector<Answer> out;
        SQLite::Statement q(*db_,
                            "SELECT question_id, participant_id, current, not_applicable, target, note, "
                            "confidence, updated_at FROM answers WHERE assessment_id = ? "
                            "ORDER BY question_id, participant_id");
        q.bind(1, static_cast<int64_t>(assessmentId));
        while (q.executeStep())
            out.push_back(readAnswer(q));
        return out;
    });
}

Result<Answer> Store::saveAnswer(Id assessmentId, Answer answer) {
    // Hot path: the cached model snapshot and one participants query, nothing more, before the write.
    auto model = modelOf(assessmentId);
    if (!model)
        return std::unexpected(model.error());
    if (auto problem = checkAnswer(**model, answer))
        return fail("assessment " + std::to_string(assessmentId) + ": " + *problem);
    auto participants = this->participants(assessmentId);
    if (!participants)
        return std::unexpected(participants.error());
    if (answer.participantId == 0) {
        auto consensus = std::find_if(participants->begin(), participants->end(),
                                      [](const Participant& p) { return p.isDefault; });
        if (consensus == participants->end() && participants->empty())
            return fail("assessment " + std::to_string(assessmentId) + " has no participants");
        answer.participantId = (consensus != participants->end() ? *consensus : participants->front()).id;
    } else if (std::none_of(participants->begin(), participants->end(),
                            [&](const Participant& p) { return p.id == answer.participantId; })) {
        return fail("assessment " + std::to_string(assessmentId) + ": participant " +
                    std::to_string(answer.participantId) + " is not part of this assessment");
    }
    answer.updatedAt = nowIsoUtc();
    return guarded(path_, "save the answer", [&]() -> Result<Answer> {
        SQLite::Transaction transaction(*db_, SQLite::TransactionBehavior::IMMEDIATE);
        insertAnswer(*db_, assessmentId, answer);
        SQLite::Statement touch(*db_, "UPDATE assessments SET updated_at = ? WHERE id = ?");
        touch.bind(1, answer.updatedAt);
        touch.bind(2, static_cast<int64_t>(assessmentId));
        touch.exec();
        transaction.commit();
        return answer;
    });
}

Result<void> Store::clearAnswer(Id assessmentId, const std::string& questionId, Id participantId) {
    if (participantId == 0) {
        auto participant = defaultParticipant(assessmentId);
        if (!participant)
            return std::unexpected(participant.error());
        participantId = participant->id;
    }
    return guarded(path_, "clear the answer", [&]() -> Result<void> {
        SQLite::Statement q(*db_, "DELETE FROM answers WHERE assessment_id = ? AND question_id = ? AND "
                                  "participant_id = ?");
        q.bind(1, static_cast<int64_t>(assessmentId));
        q.bind(2, questionId);
        q.bind(3, static_cast<int64_t>(participantId));
        q.exec();
        return {};
    });
}

Result<Bundle> Store::exportBundle(Id assessmentId) const {
    auto loaded = assessment(assessmentId);
    if (!loaded)
        return std::unexpected(loaded.error());
    auto client = this->client(loaded->info.clientId);
    auto participants = this->participants(assessmentId);
    auto answers = this->answers(assessmentId);
    if (!client)
        return std::unexpected(client.error());
    if (!participants)
        return std::unexpected(participants.error());
    if (!answers)
        return std::unexpected(answers.error());
    Bundle bundle;
    bundle.client = *client;
    bundle.assessment = loaded->info;
    bundle.model = std::move(loaded->model);
    if (loaded->info.baselineId) {
        auto baseline = assessmentInfo(*loaded->info.baselineId);
        if (baseline)
            bundle.baselineUid = baseline->uid;
    }
    // Bundle-local participant keys: 1, 2, ... in creation order.
    std::map<Id, Id> keys;
    for (auto p : *participants) {
        const Id key = static_cast<Id>(keys.size()) + 1;
        keys[p.id] = key;
        p.id = key;
        bundle.participants.push_back(p);
    }
    for (auto a : *answers) {
        a.participantId = keys[a.participantId];
        bundle.answers.push_back(std::move(a));
    }
    return bundle;
}

Result<ImportOutcome> Store::importBundle(const Bundle& bundle) {
    return guarded(path_, "import the bundle", [&]() -> Result<ImportOutcome> {
        ImportOutcome outcome;
        {
            SQLite::Statement q(*db_, "SELECT id FROM assessments WHERE uid = ?");
            q.bind(1, bundle.assessment.uid);
            if (q.executeStep()) {
                outcome.assessmentId = q.getColumn(0).getInt64();
                outcome.alreadyPresent = true;
                return outcome;
            }
        }
        SQLite::Transaction transaction(*db_, SQLite::TransactionBehavior::IMMEDIATE);
        Id clientId = 0;
        {
            SQLite::Statement q(*db_, "SELECT id FROM clients WHERE name = ?");
            q.bind(1, bundle.client.name);
            if (q.executeStep()) {
                clientId = q.getColumn(0).getInt64();
            } else {
                SQLite::Statement insert(
                    *db_, "INSERT INTO clients (name, sector, notes, created_at) VALUES (?,?,?,?)");
                insert.bind(1, bundle.client.name);
                insert.bind(2, bundle.client.sector);
                insert.bind(3, bundle.client.notes);
                insert.bind(4, nowIsoUtc());
                insert.exec();
                clientId = db_->getLastInsertRowid();
                outcome.createdClient = true;
            }
        }
        std::optional<Id> baselineId;
        if (bundle.baselineUid) {
            SQLite::Statement q(*db_, "SELECT id FROM assessments WHERE uid = ?");
            q.bind(1, *bundle.baselineUid);
            if (q.executeStep())
                baselineId = q.getColumn(0).getInt64();
        }
        const auto& info = bundle.assessment;
        SQLite::Statement q(*db_,
                            "INSERT INTO assessments (uid, client_id, title, date, assessor, status, "
                            "baseline_id, baseline_uid, model_id, model_version, model_json, question_count, "
                            "created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
        const std::string now = nowIsoUtc();
        q.bind(1, info.uid);
        q.bind(2, static_cast<int64_t>(clientId));
        q.bind(3, info.title);
        q.bind(4, info.date);
        q.bind(5, info.assessor);
        q.bind(6, std::string(toString(info.status)));
        bindOptionalId(q, 7, baselineId);
        if (bundle.baselineUid)
            q.bind(8, *bundle.baselineUid);
        else
            q.bind(8);
        q.bind(9, bundle.model.id);
        q.bind(10, bundle.model.version);
        q.bind(11, bundle.model.source.dump());
        q.bind(12, static_cast<int64_t>(bundle.model.questionCount()));
        q.bind(13, now);
        q.bind(14, now);
        q.exec();
        const Id id = db_->getLastInsertRowid();
        std::map<Id, Id> participantIds;
        for (const auto& p : bundle.participants)
            participantIds[p.id] = insertParticipant(*db_, id, p.name, p.group, p.isDefault);
        for (auto a : bundle.answers) {
            a.participantId = participantIds.at(a.participantId);
            insertAnswer(*db_, id, a);
        }
        // Follow-ups imported before their baseline get linked now.
        SQLite::Statement link(*db_, "UPDATE assessments SET baseline_id = ? WHERE baseline_uid = ? AND "
                                     "baseline_id IS NULL");
        link.bind(1, static_cast<int64_t>(id));
        link.bind(2, info.uid);
        link.exec();
        transaction.commit();
        outcome.assessmentId = id;
        outcome.answers = bundle.answers.size();
        outcome.linkedBaseline = baselineId;
        return outcome;
    });
}

} // namespace mw
