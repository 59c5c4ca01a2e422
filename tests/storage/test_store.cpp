#include "storage/sql_support.hpp"
#include "storage/store.hpp"
#include "store_fixture.hpp"
#include "support.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

using namespace mw;
using mw::test::StoreFixture;

TEST_CASE("a new database is created with the current schema", "[store]") {
    StoreFixture f;
    Store store = f.open();
    CHECK(store.schemaVersion() == kSchemaVersion);
    CHECK(std::filesystem::exists(f.path));
    auto clients = store.clients();
    REQUIRE(clients.has_value());
    CHECK(clients->empty());
}

TEST_CASE("an empty file is migrated to the current schema", "[store]") {
    StoreFixture f;
    test::writeBytes(f.path, "");
    Store store = f.open();
    CHECK(store.schemaVersion() == kSchemaVersion);
}

TEST_CASE("clients, assessments and answers round-trip", "[store]") {
    StoreFixture f;
    Id id = 0;
    {
        Store store = f.open();
        id = f.newAssessment(store);
        Answer a = test::level("A1", 2, 4);
        a.participantId = 0; // the default participant
        a.note = "Seen the charter; 'quotes' and ; semicolons";
        a.confidence = Confidence::High;
        REQUIRE(store.saveAnswer(id, a).has_value());
        Answer stranger = test::notApplicable("B1");
        stranger.participantId = 999;
        auto refused = store.saveAnswer(id, stranger);
        REQUIRE_FALSE(refused.has_value());
        CHECK(refused.error().message.find("participant 999 is not part of this assessment") !=
              std::string::npos);
    }
    Store store = f.open();
    auto info = store.assessmentInfo(id);
    REQUIRE(info.has_value());
    CHECK(info->clientName == "Acme Water");
    CHECK(info->questionCount == 5);
    CHECK(info->answeredCount == 1);
    CHECK(info->modelId == "rubric-basic");
    auto answers = store.answers(id);
    REQUIRE(answers.has_value());
    REQUIRE(answers->size() == 1);
    CHECK((*answers)[0].current == 2);
    CHECK((*answers)[0].target == 4);
    CHECK((*answers)[0].confidence == Confidence::High);
    CHECK((*answers)[0].note == "Seen the charter; 'quotes' and ; semicolons");
    CHECK_FALSE((*answers)[0].updatedAt.empty());
}

TEST_CASE("answers outside the model are refused", "[store]") {
    StoreFixture f;
    Store store = f.open();
    const Id id = f.newAssessment(store);
    Answer a = test::level("A1", 7);
    a.participantId = 0;
    auto result = store.saveAnswer(id, a);
    REQUIRE_FALSE(result.has_value());
    CHECK(result.error().message ==
          "assessment " + std::to_string(id) + ": level 7 is not on the scale (0, 1, 2, 3, 4, 5)");
    a = test::level("Z1", 1);
    a.participantId = 0;
    CHECK_FALSE(store.saveAnswer(id, a).has_value());
    auto missing = store.assessment(999);
    REQUIRE_FALSE(missing.has_value());
    CHECK(missing.error().message.find("no assessment with id 999") == 0);
}

TEST_CASE("the model snapshot is kept with the assessment", "[store]") {
    StoreFixture f;
    Store store = f.open();
    const Id id = f.newAssessment(store);
    auto loaded = store.assessment(id);
    REQUIRE(loaded.has_value());
    CHECK(loaded->model.source == f.model.source);
    CHECK(loaded->model.questionCount() == 5);
}

TEST_CASE("a follow-up copies its baseline's answers and links to it", "[store]") {
    StoreFixture f;
    Store store = f.open();
    const Id baseline = f.newAssessment(store);
    Answer a = test::level("A2", 3, 5);
    a.participantId = 0;
    a.note = "carried over";
    REQUIRE(store.saveAnswer(baseline, a));
    auto client = store.findClient("Acme Water");
    auto followUp = store.createAssessment(
        {(*client)->id, "Follow-up", "2026-03-31", "A. Assessor", baseline, &f.model, true});
    REQUIRE(followUp.has_value());
    auto info = store.assessmentInfo(*followUp);
    CHECK(info->baselineId == baseline);
    auto answers = store.answers(*followUp);
    REQUIRE(answers->size() == 1);
    CHECK((*answers)[0].note == "carried over");
    CHECK((*answers)[0].current == 3);
}

TEST_CASE("an acknowledged answer survives the process being killed", "[store]") {
    StoreFixture f;
    Id id = 0;
    {
        Store store = f.open();
        id = f.newAssessment(store);
    }
    int pipeFds[2];
    REQUIRE(pipe(pipeFds) == 0);
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        auto store = Store::open(f.path);
        Answer a = test::level("C1", 4, 5);
        a.participantId = 0;
        const bool saved = store && store->saveAnswer(id, a).has_value();
        const char signal = saved ? 'y' : 'n';
        (void)!write(pipeFds[1], &signal, 1);
        pause(); // killed here, mid-session, without closing the database
        _exit(0);
    }
    char acknowledged = 0;
    REQUIRE(read(pipeFds[0], &acknowledged, 1) == 1);
    kill(child, SIGKILL);
    int status = 0;
    waitpid(child, &status, 0);
    REQUIRE(acknowledged == 'y');
    CHECK(WIFSIGNALED(status));

    Store store = f.open();
    auto answers = store.answers(id);
    REQUIRE(answers->size() == 1);
    CHECK((*answers)[0].questionId == "C1");
    CHECK((*answers)[0].current == 4);
}

TEST_CASE("files that are not our database give a clear error", "[store]") {
    StoreFixture f;
    SECTION("plain text") {
        test::writeBytes(f.path, "this is not a database at all, just text that is long enough");
        auto store = Store::open(f.path);
        REQUIRE_FALSE(store.has_value());
        CHECK(store.error().message ==
              f.path.string() + " is not a Maturity Workbench database (it is not an SQLite file)");
    }
    SECTION("another program's SQLite database") {
        {
            SQLite::Database other(f.path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
            other.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)");
        }
        const std::string before = test::readBytes(f.path);
        auto store = Store::open(f.path);
        REQUIRE_FALSE(store.has_value());
        CHECK(store.error().message.find("is an SQLite database of another program") != std::string::npos);
        CHECK(test::readBytes(f.path) == before);
    }
    SECTION("a damaged database") {
        {
            Store store = f.open();
            for (int i = 0; i < 30; ++i)
                f.newAssessment(store, "Client " + std::to_string(i));
        }
        std::string bytes = test::readBytes(f.path);
        REQUIRE(bytes.size() > 8192);
        for (std::size_t i = 100; i < bytes.size(); i += 7)
            bytes[i] = static_cast<char>(0xA5);
        test::writeBytes(f.path, bytes);
        auto store = Store::open(f.path);
        std::string message;
        if (!store) {
            message = store.error().message;
        } else {
            auto listed = store->assessments();
            REQUIRE_FALSE(listed.has_value());
            message = listed.error().message;
        }
        CHECK(message.find(f.path.string()) == 0);
        const bool explained = message.find("damaged") != std::string::npos ||
                               message.find("not a Maturity Workbench database") != std::string::npos;
        CHECK(explained);
    }
    SECTION("a folder") {
        auto store = Store::open(f.dir.path());
        REQUIRE_FALSE(store.has_value());
        CHECK(store.error().message.find("is a folder") != std::string::npos);
    }
    SECTION("a newer schema") {
        { Store store = f.open(); }
        {
            SQLite::Database raw(f.path.string(), SQLite::OPEN_READWRITE);
            raw.exec("PRAGMA user_version = 99");
        }
        auto store = Store::open(f.path);
        REQUIRE_FALSE(store.has_value());
        CHECK(store.error().message.find("newer Maturity Workbench (schema 99") != std::string::npos);
    }
}

TEST_CASE("a locked database gives a clear error instead of hanging or crashing", "[store]") {
    StoreFixture f;
    Id id = 0;
    {
        Store store = f.open();
        id = f.newAssessment(store);
    }
    Store store = f.open();
    SQLite::Database other(f.path.string(), SQLite::OPEN_READWRITE);
    other.exec("BEGIN EXCLUSIVE");
    Answer a = test::level("A1", 1);
    a.participantId = 0;
    auto result = store.saveAnswer(id, a);
    other.exec("ROLLBACK");
    REQUIRE_FALSE(result.has_value());
    CHECK(result.error().message.find("is locked by another program") != std::string::npos);
}

TEST_CASE("bundles round-trip between databases unchanged", "[store][bundle]") {
    StoreFixture f;
    Store store = f.open();
    const Id id = f.newAssessment(store);
    for (const char* q : {"A1", "A2", "B1"}) {
        Answer a = test::level(q, 2, 4);
        a.participantId = 0;
        a.note = std::string("note for ") + q;
        REQUIRE(store.saveAnswer(id, a));
    }
    REQUIRE(store.addParticipant(id, "Plant team", "OT"));
    auto exported = store.exportBundle(id);
    REQUIRE(exported.has_value());
    const std::string first = serializeBundle(*exported);

    test::TempDir other;
    auto second = Store::open(other / "other.db");
    REQUIRE(second.has_value());
    auto imported = second->importBundle(*exported);
    REQUIRE(imported.has_value());
    CHECK_FALSE(imported->alreadyPresent);
    CHECK(imported->createdClient);
    CHECK(imported->answers == 3);
    auto again = second->exportBundle(imported->assessmentId);
    REQUIRE(again.has_value());
    CHECK(serializeBundle(*again) == first);

    // A second import of the same bundle says so and changes nothing.
    auto repeat = second->importBundle(*exported);
    REQUIRE(repeat.has_value());
    CHECK(repeat->alreadyPresent);
    CHECK(repeat->assessmentId == imported->assessmentId);
    CHECK(second->assessments()->size() == 1);
}

TEST_CASE("a refused import leaves the database byte-identical", "[store][bundle]") {
    StoreFixture f;
    Bundle bundle;
    {
        Store store = f.open();
        const Id id = f.newAssessment(store);
        Answer a = test::level("A1", 2, 4);
        a.participantId = 0;
        REQUIRE(store.saveAnswer(id, a));
        bundle = *store.exportBundle(id);
    }
    bundle.assessment.uid = "a-different-assessment";
    bundle.client.name = "Brand new client";
    Answer poisoned = test::level("B2", 3);
    poisoned.participantId = 1;
    bundle.answers.push_back(poisoned);
    {
        // A failure in the middle of the import: the last answer is rejected by the database itself.
        SQLite::Database raw(f.path.string(), SQLite::OPEN_READWRITE);
        raw.exec("CREATE TRIGGER refuse_b2 BEFORE INSERT ON answers WHEN NEW.question_id = 'B2' "
                 "BEGIN SELECT RAISE(ABORT, 'refused for the test'); END");
    }
    const std::string before = test::readBytes(f.path);
    {
        Store store = f.open();
        auto result = store.importBundle(bundle);
        REQUIRE_FALSE(result.has_value());
        CHECK(result.error().message.find("cannot import the bundle") != std::string::npos);
        CHECK_FALSE(store.findClient("Brand new client")->has_value());
    }
    CHECK(test::readBytes(f.path) == before);
}

TEST_CASE("the store's prepared statements outlive a failed write, a moved store and nested use",
          "[store][bundle]") {
    StoreFixture f;
    Bundle bundle;
    {
        Store store = f.open();
        const Id id = f.newAssessment(store);
        REQUIRE(store.saveAnswer(id, test::level("A1", 2, 4)));
        bundle = *store.exportBundle(id);
        SQLite::Database raw(f.path.string(), SQLite::OPEN_READWRITE);
        raw.exec("CREATE TRIGGER refuse_b2 BEFORE INSERT ON answers WHEN NEW.question_id = 'B2' "
                 "BEGIN SELECT RAISE(ABORT, 'refused for the test'); END");
    }
    Store store = f.open();
    Bundle refused = bundle;
    refused.assessment.uid = "refused";
    refused.client.name = "Refused client";
    refused.answers.push_back(test::level("B2", 3));
    refused.answers.back().participantId = 1;
    REQUIRE_FALSE(store.importBundle(refused));
    // The insert that failed is reused by the next import, which lands whole.
    Bundle accepted = bundle;
    accepted.assessment.uid = "accepted";
    accepted.client.name = "Accepted client";
    auto imported = store.importBundle(accepted);
    REQUIRE(imported);
    CHECK(store.answers(imported->assessmentId)->size() == 1);

    // Moving another store over this one closes this database, statements first, and the moved store
    // works on its own file.
    test::TempDir other;
    auto second = Store::open(other / "other.db");
    REQUIRE(second);
    store = std::move(*second);
    auto client = store.ensureClient("Moved client");
    REQUIRE(client);
    CHECK(store.createAssessment(
        {client->id, "After the move", "2025-03-31", "A. Assessor", std::nullopt, &f.model}));
    SQLite::Database first(f.path.string(), SQLite::OPEN_READWRITE);
    first.exec("BEGIN EXCLUSIVE; COMMIT"); // nothing holds the first file any more

    // A statement asked for while the same one is in use is a separate statement, not the same one reset.
    SQLite::Database db(":memory:", SQLite::OPEN_READWRITE);
    sql::StatementCache statements(db);
    auto outer = statements.prepare("SELECT ?");
    outer->bind(1, 7);
    REQUIRE(outer->executeStep());
    {
        auto inner = statements.prepare("SELECT ?");
        inner->bind(1, 8);
        REQUIRE(inner->executeStep());
        CHECK(inner->getColumn(0).getInt() == 8);
    }
    CHECK(outer->getColumn(0).getInt() == 7);
}

TEST_CASE("actions are stored with their questions, edited, removed and carried by bundles",
          "[store][actions]") {
    StoreFixture f;
    Store store = f.open();
    const Id id = f.newAssessment(store);
    Action action;
    action.title = "Write the OT security charter";
    action.owner = "J. Okafor";
    action.due = "2026-06-30";
    action.note = "<b>not markup</b>";
    action.questionIds = {"B2", "A1"};
    auto saved = store.saveAction(id, action);
    REQUIRE(saved.has_value());
    CHECK(saved->id > 0);
    CHECK(saved->uid.size() == 32);
    CHECK_FALSE(saved->updatedAt.empty());
    auto listed = store.actions(id);
    REQUIRE(listed->size() == 1);
    CHECK(listed->front().questionIds == std::vector<std::string>{"B2", "A1"}); // in the order given
    CHECK(listed->front() == *saved);

    // Refused: unknown question, blank title, a date that is not one, an id of no action here.
    Action bad = action;
    bad.questionIds = {"Z9"};
    CHECK(store.saveAction(id, bad).error().message.contains("unknown question 'Z9'"));
    bad = action;
    bad.title = "  ";
    CHECK(store.saveAction(id, bad).error().message.contains("needs a title"));
    bad = action;
    bad.due = "30/06/2026";
    CHECK(store.saveAction(id, bad).error().message.contains("'30/06/2026' is not a date"));
    bad = action;
    bad.id = 999;
    CHECK(store.saveAction(id, bad).error().message.contains("has no action 999"));
    CHECK(store.actions(id)->size() == 1);

    Action edited = *saved;
    edited.status = ActionStatus::Done;
    edited.questionIds = {"A1"};
    edited.updatedAt.clear();
    auto done = store.saveAction(id, edited);
    REQUIRE(done.has_value());
    CHECK(done->uid == saved->uid);
    CHECK(store.actions(id)->front().status == ActionStatus::Done);
    CHECK(store.actions(id)->front().questionIds == std::vector<std::string>{"A1"});
    CHECK(*store.actionAssessment(saved->id) == id);
    CHECK(store.actionAssessment(4242).error().message.contains("no action with id 4242"));

    // A bundle carries the plan to another database, and merging a later edit back updates it there.
    Bundle bundle = *store.exportBundle(id);
    REQUIRE(bundle.actions.size() == 1);
    auto reparsed = parseBundle(serializeBundle(bundle), "bundle.json");
    REQUIRE(reparsed.has_value());
    CHECK(reparsed->actions.front().uid == saved->uid);
    test::TempDir other;
    auto target = Store::open(other / "other.db");
    auto imported = target->importBundle(*reparsed);
    REQUIRE(imported.has_value());
    auto there = target->actions(imported->assessmentId);
    REQUIRE(there->size() == 1);
    CHECK(there->front().note == "<b>not markup</b>");
    CHECK(there->front().status == ActionStatus::Done);
    Action later = store.actions(id)->front();
    later.owner = "A. New Owner";
    later.updatedAt.clear();
    REQUIRE(store.saveAction(id, later));
    auto merged = target->importBundle(*store.exportBundle(id));
    REQUIRE(merged.has_value());
    CHECK(merged->updatedActions == 1);
    CHECK(target->actions(imported->assessmentId)->front().owner == "A. New Owner");
    CHECK(target->importBundle(*store.exportBundle(id))->alreadyPresent);

    REQUIRE(store.removeAction(id, saved->id));
    CHECK(store.actions(id)->empty());
    CHECK(store.removeAction(id, saved->id).error().message.contains("has no action"));
}
