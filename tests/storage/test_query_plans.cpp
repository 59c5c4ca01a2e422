// Portfolio scale in the store: every lookup has an index, and a model is stored once however many
// assessments use it.
#include "storage/demo.hpp"
#include "storage/store.hpp"
#include "support.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

using namespace mw;

namespace {

// A portfolio large enough that a full scan shows: 40 clients, 70 assessments, 3,850 answers.
struct Portfolio {
    test::TempDir dir;
    std::filesystem::path path = dir / "portfolio.db";
    Store store = *Store::open(path);
    Portfolio() {
        REQUIRE(createDemo(store, test::builtinModels()).has_value());
        REQUIRE(createPortfolio(store, test::defaultModel(), 40).has_value());
    }
};

} // namespace

TEST_CASE("no statement the store runs scans a table an index could serve", "[store][scale]") {
    Portfolio p;
    Store& store = p.store;
    store.countFullScans(true);

    // What the workbench, the CLI and the room do with one assessment, and with the portfolio.
    const auto all = store.assessments();
    REQUIRE(all.has_value());
    REQUIRE(store.clients().has_value());
    REQUIRE(store.findClient("Severn Vale Water").has_value());
    const Id followUp = 2;
    REQUIRE(store.assessmentInfo(followUp).has_value());
    REQUIRE(store.assessment(followUp).has_value());
    REQUIRE(store.participants(followUp).has_value());
    REQUIRE(store.answers(followUp).has_value());
    Answer answer = test::level("GO1", 3);
    answer.participantId = 0; // the room's consensus
    REQUIRE(store.saveAnswer(followUp, answer).has_value());
    REQUIRE(store.answer(followUp, "GO1", store.defaultParticipant(followUp)->id).has_value());
    REQUIRE(store.addParticipant(followUp, "Ana Costa", "OT").has_value());
    REQUIRE(store.clearAnswer(followUp, "GO1").has_value());
    REQUIRE(store.latestModelSnapshot("itot-convergence").has_value());
    // A baseline and its follow-up arriving as bundles, the follow-up first: the link is made by uid.
    Bundle baseline = *store.exportBundle(1);
    Bundle later = *store.exportBundle(followUp);
    baseline.assessment.uid = "moved-baseline";
    baseline.client.name = "Moved Water";
    later.assessment.uid = "moved-follow-up";
    later.client.name = "Moved Water";
    later.baselineUid = "moved-baseline";
    REQUIRE(store.importBundle(later).has_value());
    auto linked = store.importBundle(baseline);
    REQUIRE(linked.has_value());
    REQUIRE(store.importBundle(later).has_value()); // again: merged, nothing new
    REQUIRE(store.deleteAssessment(linked->assessmentId).has_value());

    // Only listing every client or every assessment may read whole tables, and those are the point.
    for (const auto& [sql, steps] : store.fullScans()) {
        INFO(sql << ": " << steps << " rows stepped through without an index");
        const bool listing = sql.find("ORDER BY c.name COLLATE NOCASE, a.date") != std::string::npos ||
                             sql.find("FROM clients ORDER BY name") != std::string::npos;
        CHECK(listing);
    }
}

TEST_CASE("each model is stored once, so an assessment costs its answers, not a copy of the model",
          "[store][scale]") {
    Portfolio p;
    SQLite::Database db(p.path.string(), SQLite::OPEN_READONLY);
    const int assessments = db.execAndGet("SELECT count(*) FROM assessments").getInt();
    CHECK(assessments == 72);
    CHECK(db.execAndGet("SELECT count(*) FROM model_snapshots").getInt() == 2); // 1.0.0 and 2.0.0
    // The 2.0.0 model alone is about 95 KB of JSON; with a copy per assessment the file passed 6 MB.
    const auto bytes =
        db.execAndGet("SELECT page_count * page_size FROM pragma_page_count, pragma_page_size").getInt64();
    CHECK(bytes / assessments < 16 * 1024);
}

TEST_CASE("the answered count follows every write, counting a question once whoever answered it",
          "[store][scale]") {
    test::TempDir dir;
    auto store = Store::open(dir / "count.db");
    REQUIRE(store.has_value());
    const Model model = test::defaultModel();
    auto client = store->addClient("Count Ltd");
    const Id id = *store->createAssessment({client->id, "Counted", "2026-03-02", "", std::nullopt, &model});
    const Id ana = *store->addParticipant(id, "Ana", "OT");
    const Id ben = *store->addParticipant(id, "Ben", "IT");
    auto answered = [&] { return store->assessmentInfo(id)->answeredCount; };
    auto give = [&](Id who, const char* question, std::optional<double> level, bool na = false) {
        Answer a = test::level(question, level);
        a.participantId = who;
        a.notApplicable = na;
        REQUIRE(store->saveAnswer(id, a).has_value());
    };
    give(ana, "GO1", 2);
    CHECK(answered() == 1);
    give(ben, "GO1", 3); // a second voice on the same question
    CHECK(answered() == 1);
    give(ana, "GO2", std::nullopt, true); // N/A counts as answered
    CHECK(answered() == 2);
    give(ana, "GO3", std::nullopt); // a note without a level does not
    CHECK(answered() == 2);
    give(ana, "GO3", 1); // ... until the level comes
    CHECK(answered() == 3);
    REQUIRE(store->clearAnswer(id, "GO1", ana).has_value());
    CHECK(answered() == 3); // Ben still answers GO1
    REQUIRE(store->clearAnswer(id, "GO1", ben).has_value());
    CHECK(answered() == 2);
    give(ana, "GO3", std::nullopt); // the level taken back, the note kept
    CHECK(answered() == 1);
    // And it agrees with counting the answers themselves.
    SQLite::Database db((dir / "count.db").string(), SQLite::OPEN_READONLY);
    CHECK(db.execAndGet("SELECT count(DISTINCT question_id) FROM answers WHERE current IS NOT NULL OR "
                        "not_applicable = 1")
              .getInt() == 1);
}
