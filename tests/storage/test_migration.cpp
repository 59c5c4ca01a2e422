// Databases written by older releases open in this one: upgraded in one step after a backup copy, keeping
// every answer, note and score.
// - tests/data/v1/release-1.0.db (schema 1): the demo and an assessment with N/A answers, notes in several
//   scripts and markup in names.
// - tests/data/v3/release-3.db (schema 3, written at commit d1daa70): the demo (a 1.0.0 baseline and a
//   2.0.0 follow-up with eight voices), before the action plan.
// - tests/data/v4/release-4.db (schema 4, written at commit e1f53c0): the demo with its action plan, before
//   evidence.
// - tests/data/v2/release-2.db (schema 2, written at commit 24d5061): the demo with its eight voices (a 1.0.0
//   baseline and a 2.0.0 follow-up) and a second 1.0.0 assessment with N/A, a target and a note with markup.
#include "core/bundle.hpp"
#include "core/model_loader.hpp"
#include "core/scoring.hpp"
#include "storage/store.hpp"
#include "support.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <set>

using namespace mw;

namespace {

const std::filesystem::path kFixtures = test::dataPath("v1");

struct MigratedCopy {
    test::TempDir dir;
    std::filesystem::path path;
    explicit MigratedCopy(const std::filesystem::path& fixture = kFixtures / "release-1.0.db")
        : path(dir / fixture.filename()) {
        std::filesystem::copy_file(fixture, path);
    }
};

// Each assessment scores exactly as the release that wrote the database scored it (its `score --json`).
void checkScoresAsBefore(Store& store, const std::filesystem::path& fixtures, std::initializer_list<Id> ids) {
    for (Id id : ids) {
        INFO("assessment " << id);
        const auto expected =
            nlohmann::json::parse(test::readBytes(fixtures / ("score-" + std::to_string(id) + ".json")));
        auto loaded = store.assessment(id);
        REQUIRE(loaded.has_value());
        const Scorecard card =
            computeScores(loaded->model, *store.answers(id), Roster::of(*store.participants(id)));
        const auto& overall = expected["overall"];
        if (overall["current"].is_null()) {
            CHECK_FALSE(card.overall.has_value());
        } else {
            REQUIRE(card.overall.has_value());
            CHECK(*card.overall == Approx(overall["current"].get<double>()));
            CHECK(*card.overallTarget == Approx(overall["target"].get<double>()));
        }
        CHECK(card.answered == expected["completeness"]["answered"].get<std::size_t>());
        REQUIRE(card.dimensions.size() == expected["dimensions"].size());
        for (std::size_t d = 0; d < card.dimensions.size(); ++d) {
            const auto& dimension = expected["dimensions"][d];
            CHECK(card.dimensions[d].current.has_value() == !dimension["current"].is_null());
            if (card.dimensions[d].current)
                CHECK(*card.dimensions[d].current == Approx(dimension["current"].get<double>()));
        }
    }
}

} // namespace

TEST_CASE("a release-1.0 database is upgraded after a backup copy and keeps every answer",
          "[store][migration]") {
    MigratedCopy copy;
    const std::string original = test::readBytes(copy.path);
    {
        SQLite::Database before(copy.path.string(), SQLite::OPEN_READONLY);
        REQUIRE(before.execAndGet("PRAGMA user_version").getInt() == 1);
    }
    auto store = Store::open(copy.path);
    REQUIRE(store.has_value());
    CHECK(store->schemaVersion() == kSchemaVersion);
    CHECK(store->origin().size() == 32);

    // The backup is the release-1.0 database as it was.
    const auto backup = copy.dir / "release-1.0.db.v1.bak";
    REQUIRE(std::filesystem::exists(backup));
    {
        SQLite::Database saved(backup.string(), SQLite::OPEN_READONLY);
        CHECK(saved.execAndGet("PRAGMA user_version").getInt() == 1);
        CHECK(saved.execAndGet("SELECT count(*) FROM answers").getInt() == 88);
    }
    CHECK(test::readBytes(kFixtures / "release-1.0.db") == original); // the fixture itself is never touched

    // Every answer and note of the assessment with N/A answers and notes in several scripts, as release 1.0
    // exported it.
    auto exported = parseBundle(test::readBytes(kFixtures / "assessment-3.json"), "assessment-3.json");
    REQUIRE(exported.has_value());
    auto answers = store->answers(3);
    REQUIRE(answers.has_value());
    REQUIRE(answers->size() == exported->answers.size());
    for (const auto& old : exported->answers) {
        INFO("question " << old.questionId);
        auto same = std::find_if(answers->begin(), answers->end(),
                                 [&](const Answer& a) { return a.questionId == old.questionId; });
        REQUIRE(same != answers->end());
        CHECK(same->current == old.current);
        CHECK(same->target == old.target);
        CHECK(same->notApplicable == old.notApplicable);
        CHECK(same->note == old.note);
        CHECK(same->confidence == old.confidence);
        CHECK(same->updatedAt == old.updatedAt);
    }
    auto info = store->assessmentInfo(3);
    REQUIRE(info.has_value());
    CHECK(info->clientName == "Ölwerk <b>&amp; \"Söhne\"</b>");
    CHECK(info->title == "Site <i>B</i> & 'North'");
    CHECK(info->status == Status::Final);

    // Participants get stable uids; nothing else about them changes.
    std::set<std::string> uids;
    for (Id id : {1, 2, 3}) {
        auto participants = store->participants(id);
        REQUIRE(participants->size() == 1);
        const Participant& consensus = participants->front();
        CHECK(consensus.isDefault);
        CHECK(consensus.name == "Workshop consensus");
        CHECK(consensus.uid.size() == 32);
        CHECK(consensus.role.empty());
        uids.insert(consensus.uid);
    }
    CHECK(uids.size() == 3);

    // An answer given after the upgrade records where it was given.
    Answer later = test::level("GO3", 3);
    later.participantId = 0;
    auto saved = store->saveAnswer(3, later);
    REQUIRE(saved.has_value());
    CHECK(saved->origin == store->origin());
}

TEST_CASE("a release-1.0 database scores exactly as release 1.0 scored it", "[store][migration]") {
    MigratedCopy copy;
    auto store = Store::open(copy.path);
    REQUIRE(store.has_value());
    checkScoresAsBefore(*store, kFixtures, {1, 2, 3});
}

TEST_CASE("a schema-2 database keeps each distinct model once and scores as before", "[store][migration]") {
    const auto fixtures = test::dataPath("v2");
    MigratedCopy copy(fixtures / "release-2.db");
    int pagesBefore = 0;
    {
        SQLite::Database before(copy.path.string(), SQLite::OPEN_READONLY);
        REQUIRE(before.execAndGet("PRAGMA user_version").getInt() == 2);
        REQUIRE(before.execAndGet("SELECT count(*) FROM answers").getInt() == 540);
        pagesBefore = before.execAndGet("PRAGMA page_count").getInt();
    }
    auto store = Store::open(copy.path);
    REQUIRE(store.has_value());
    CHECK(store->schemaVersion() == kSchemaVersion);
    REQUIRE(std::filesystem::exists(copy.dir / "release-2.db.v2.bak"));
    checkScoresAsBefore(*store, fixtures, {1, 2, 3});
    {
        SQLite::Database after(copy.path.string(), SQLite::OPEN_READONLY);
        // Assessments 1 and 3 were made with the same 1.0.0 model: one snapshot serves both.
        CHECK(after.execAndGet("SELECT count(*) FROM model_snapshots").getInt() == 2);
        // The pages the models' copies took are given back: no free pages, and a smaller file once the
        // later schemas' empty tables and indexes (one page each: the action plan's, the evidence's, the
        // team hub's change log and the clients' uids) are left out.
        CHECK(after.execAndGet("PRAGMA freelist_count").getInt() == 0);
        const int laterEmptyPages =
            after
                .execAndGet(
                    "SELECT count(*) FROM sqlite_master WHERE rootpage > 0 AND (tbl_name LIKE 'action%' "
                    "OR tbl_name LIKE 'evidence%' OR tbl_name LIKE 'sync%' OR tbl_name = 'sqlite_sequence' "
                    "OR name = 'clients_uid')")
                .getInt();
        CHECK(laterEmptyPages == 21);
        CHECK(after.execAndGet("PRAGMA page_count").getInt() - laterEmptyPages < pagesBefore);
        CHECK(after.execAndGet("SELECT count(DISTINCT snapshot_id) FROM assessments").getInt() == 2);
        CHECK(after.execAndGet("SELECT count(*) FROM assessments WHERE snapshot_id IS NULL").getInt() == 0);
        CHECK(after
                  .execAndGet("SELECT count(*) FROM pragma_table_info('assessments') WHERE name = "
                              "'model_json'")
                  .getInt() == 0);
        CHECK(after.execAndGet("SELECT count(*) FROM answers").getInt() == 540);
    }
    CHECK(store->assessment(1)->model.version == "1.0.0");
    CHECK(store->assessment(2)->model.version == "2.0.0");
    CHECK(store->assessment(3)->model.questionCount() == 42);
    CHECK(store->participants(2)->size() == 9); // the consensus and eight voices
    // The answered counts the listing reads are filled by the upgrade and kept by the triggers.
    CHECK(store->assessmentInfo(2)->answeredCount == 55);
    CHECK(store->assessmentInfo(3)->answeredCount == 3);
    REQUIRE(store->clearAnswer(3, "GO1").has_value());
    CHECK(store->assessmentInfo(3)->answeredCount == 2);
    auto note = store->answer(3, "SB3", store->defaultParticipant(3)->id);
    REQUIRE(note.has_value());
    REQUIRE(note->has_value());
    CHECK((*note)->note == "Vendor VPN <b>shared</b> — «no MFA»");
    // A new assessment on a model the database already holds adds no snapshot.
    auto model = store->assessment(3)->model;
    auto client = store->addClient("Second Client");
    REQUIRE(
        store->createAssessment({client->id, "Again", "2026-05-05", "", std::nullopt, &model}).has_value());
    SQLite::Database after(copy.path.string(), SQLite::OPEN_READONLY);
    CHECK(after.execAndGet("SELECT count(*) FROM model_snapshots").getInt() == 2);
}

TEST_CASE("a schema-3 database gains the action plan, scores as before, and its follow-ups carry actions",
          "[store][migration]") {
    const auto fixtures = test::dataPath("v3");
    MigratedCopy copy(fixtures / "release-3.db");
    {
        SQLite::Database before(copy.path.string(), SQLite::OPEN_READONLY);
        REQUIRE(before.execAndGet("PRAGMA user_version").getInt() == 3);
    }
    auto store = Store::open(copy.path);
    REQUIRE(store.has_value());
    CHECK(store->schemaVersion() == kSchemaVersion);
    REQUIRE(std::filesystem::exists(copy.dir / "release-3.db.v3.bak"));
    checkScoresAsBefore(*store, fixtures, {1, 2});
    CHECK(store->actions(1)->empty());
    CHECK(store->assessmentInfo(2)->answeredCount == 55);
    // The new tables work on the upgraded file: an action on the baseline, carried by a new follow-up.
    Action action;
    action.title = "Name an owner for the plant historian's data";
    action.owner = "R. Patel";
    action.due = "2026-03-31";
    action.questionIds = {"RP1"};
    auto saved = store->saveAction(1, action);
    REQUIRE(saved.has_value());
    auto baseline = store->assessment(1);
    auto followUp = store->createAssessment(
        {baseline->info.clientId, "Second follow-up", "2027-01-10", "", Id{1}, &baseline->model});
    REQUIRE(followUp.has_value());
    auto carried = store->actions(*followUp);
    REQUIRE(carried->size() == 1);
    CHECK(carried->front().carriedFrom == saved->uid);
    CHECK(carried->front().uid != saved->uid);
    CHECK(carried->front().owner == "R. Patel");
    CHECK(carried->front().questionIds == std::vector<std::string>{"RP1"});
    // The work is tracked in the follow-up now: the baseline's copy, past its date, is not late; the
    // follow-up's copy of it is, while it is open.
    CHECK_FALSE(carried->front().continuedInFollowUp);
    CHECK(isLate(carried->front(), "2026-12-01"));
    const auto baselinePlan = store->actions(1);
    REQUIRE(baselinePlan->size() == 1);
    CHECK(baselinePlan->front().continuedInFollowUp);
    CHECK_FALSE(isLate(baselinePlan->front(), "2026-12-01"));
    // Deleting the follow-up gives the plan back to the baseline.
    REQUIRE(store->deleteAssessment(*followUp).has_value());
    CHECK_FALSE(store->actions(1)->front().continuedInFollowUp);
    CHECK(isLate(store->actions(1)->front(), "2026-12-01"));
}

TEST_CASE("a schema-4 database gains evidence, keeps its action plan, and scores as before",
          "[store][migration]") {
    const auto fixtures = test::dataPath("v4");
    MigratedCopy copy(fixtures / "release-4.db");
    long actionsBefore = 0;
    {
        SQLite::Database before(copy.path.string(), SQLite::OPEN_READONLY);
        REQUIRE(before.execAndGet("PRAGMA user_version").getInt() == 4);
        actionsBefore = before.execAndGet("SELECT count(*) FROM actions").getInt64();
        REQUIRE(actionsBefore > 0);
    }
    auto store = Store::open(copy.path);
    REQUIRE(store.has_value());
    CHECK(store->schemaVersion() == kSchemaVersion);
    REQUIRE(std::filesystem::exists(copy.dir / "release-4.db.v4.bak"));
    checkScoresAsBefore(*store, fixtures, {1, 2});
    CHECK(static_cast<long>(store->actions(1)->size() + store->actions(2)->size()) == actionsBefore);
    CHECK(store->evidence(2)->empty());
    // The new tables work on the upgraded file: evidence on the baseline reaches a new follow-up.
    test::writeBytes(copy.dir / "charter.pdf", "%PDF-1.4\n% the signed charter\n");
    NewEvidence request;
    request.file = copy.dir / "charter.pdf";
    request.questionIds = {"GO1"};
    auto added = store->addEvidence(1, request);
    REQUIRE(added.has_value());
    CHECK(added->mediaType == "application/pdf");
    auto baseline = store->assessment(1);
    auto followUp = store->createAssessment(
        {baseline->info.clientId, "Second follow-up", "2027-01-10", "", Id{1}, &baseline->model});
    REQUIRE(followUp.has_value());
    auto carried = store->evidence(*followUp);
    REQUIRE(carried->size() == 1);
    CHECK(carried->front().carriedFrom == added->uid);
}

TEST_CASE("an upgraded database opens again without a second upgrade or backup", "[store][migration]") {
    MigratedCopy copy;
    REQUIRE(Store::open(copy.path).has_value());
    std::filesystem::remove(copy.dir / "release-1.0.db.v1.bak");
    auto again = Store::open(copy.path);
    REQUIRE(again.has_value());
    CHECK(again->schemaVersion() == kSchemaVersion);
    CHECK_FALSE(std::filesystem::exists(copy.dir / "release-1.0.db.v1.bak"));
}

TEST_CASE("a schema-5 database gains the team hub's change log: client uids, and every record sent on its "
          "first sync",
          "[store][migration]") {
    const auto fixtures = test::dataPath("v5");
    MigratedCopy copy(fixtures / "release-5.db");
    std::int64_t records = 0;
    {
        SQLite::Database before(copy.path.string(), SQLite::OPEN_READONLY);
        REQUIRE(before.execAndGet("PRAGMA user_version").getInt() == 5);
        records = before
                      .execAndGet(
                          "SELECT (SELECT count(*) FROM clients) + (SELECT count(*) FROM model_snapshots) + "
                          "(SELECT count(*) FROM assessments) + (SELECT count(*) FROM participants) + "
                          "(SELECT count(*) FROM answers) + (SELECT count(*) FROM actions)")
                      .getInt64();
        REQUIRE(before.execAndGet("SELECT count(*) FROM participants WHERE is_default = 0").getInt() > 0);
        REQUIRE(before.execAndGet("SELECT count(*) FROM actions").getInt() > 0);
    }
    auto store = Store::open(copy.path);
    REQUIRE(store.has_value());
    CHECK(store->schemaVersion() == kSchemaVersion);
    REQUIRE(std::filesystem::exists(copy.dir / "release-5.db.v5.bak"));
    checkScoresAsBefore(*store, fixtures, {1, 2});
    {
        SQLite::Database after(copy.path.string(), SQLite::OPEN_READONLY);
        CHECK(after.execAndGet("SELECT count(DISTINCT uid) = count(*) AND min(length(uid)) = 32 FROM clients")
                  .getInt() == 1);
    }
    // Nothing is logged until the database first syncs: a consultant without a hub pays nothing.
    auto status = store->syncStatus();
    REQUIRE(status.has_value());
    CHECK_FALSE(status->connected);
    Answer changed;
    changed.questionId = "GO1";
    changed.current = 1;
    REQUIRE(store->saveAnswer(2, changed).has_value());
    CHECK(store->syncStatus()->pending == 0);
    // Then every record goes as created, each record before those that refer to it.
    REQUIRE(store->connectHub("hub-one", "postgresql://hub/maturity").has_value());
    auto pending = store->pendingChanges(1'000'000);
    REQUIRE(pending.has_value());
    CHECK(static_cast<std::int64_t>(pending->size()) == records);
    const std::vector<std::string> order = {"client",      "snapshot", "assessment",
                                            "participant", "answer",   "action"};
    std::size_t rank = 0;
    for (const auto& change : *pending) {
        CHECK(change.op == ChangeOp::Insert);
        CHECK_FALSE(malformedChange(change).has_value());
        while (rank < order.size() && order[rank] != change.kind)
            ++rank;
        REQUIRE(rank < order.size()); // never a kind before one it refers to
    }
    // A change now is logged with only what it changed, on a later clock.
    changed.current = 2;
    REQUIRE(store->saveAnswer(2, changed).has_value());
    auto latest = store->pendingChanges(1'000'000);
    REQUIRE(latest->size() == pending->size() + 1);
    CHECK(latest->back().kind == "answer");
    CHECK(latest->back().op == ChangeOp::Update);
    CHECK(latest->back().fields.contains("current"));
    CHECK_FALSE(latest->back().fields.contains("note"));
    CHECK(latest->back().hlc > pending->back().hlc);
    CHECK(store->connectHub("hub-two", "").error().message.find("another hub") != std::string::npos);
}
