// Two laptop databases and one real PostgreSQL hub: answers travel, offline edits merge, conflicts are
// listed with both values, cuts lose and duplicate nothing, and the hub's rows are untrusted input.
#include "hub_server.hpp"

#include "app/answers.hpp"
#include "app/sync.hpp"
#include "core/answer_rules.hpp"
#include "hub/hub.hpp"
#include "storage/demo.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <csignal>
#include <fcntl.h>
#include <random>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace mw;

namespace {

struct Laptops {
    test::TempDir dir;
    std::string hub = test::HubServer::instance().freshDatabase();
    Laptops() { REQUIRE(app::initHub(hub).has_value()); }

    app::Workspace open(const std::string& name) {
        auto workspace = app::Workspace::open(dir / name);
        REQUIRE(workspace.has_value());
        return std::move(*workspace);
    }
    app::SyncOutcome sync(const std::string& name) {
        auto workspace = open(name);
        auto synced = app::syncWithHub(workspace, hub);
        INFO(name << ": " << (synced ? std::string() : synced.error().message));
        REQUIRE(synced.has_value());
        return *synced;
    }
    // What a consultant would call the database's content, keyed by uids, as one text to compare.
    std::string content(const std::string& name) const {
        SQLite::Database db((dir / name).string(), SQLite::OPEN_READONLY);
        std::string out;
        auto dump = [&](const char* sql) {
            SQLite::Statement q(db, sql);
            while (q.executeStep()) {
                for (int column = 0; column < q.getColumnCount(); ++column)
                    out += q.getColumn(column).getString() + "|";
                out += "\n";
            }
        };
        dump("SELECT uid, name, sector, notes FROM clients ORDER BY uid");
        dump(
            "SELECT a.uid, c.uid, a.title, a.date, a.assessor, a.status, coalesce(baseline_uid, ''), "
            "s.digest, "
            "answered_count, (SELECT b.uid FROM assessments b WHERE b.id = a.baseline_id) FROM assessments a "
            "JOIN clients c ON c.id = a.client_id JOIN model_snapshots s ON s.id = a.snapshot_id ORDER BY "
            "a.uid");
        dump("SELECT a.uid, p.uid, p.name, grp, role, is_default FROM participants p JOIN assessments a ON "
             "a.id = p.assessment_id ORDER BY a.uid, p.uid");
        dump(
            "SELECT a.uid, x.question_id, p.uid, x.current, x.not_applicable, x.target, x.note, x.confidence "
            "FROM answers x JOIN assessments a ON a.id = x.assessment_id JOIN participants p ON "
            "p.id = x.participant_id ORDER BY a.uid, x.question_id, p.uid");
        dump("SELECT a.uid, x.uid, x.title, x.owner, x.due, x.status, x.note, (SELECT "
             "group_concat(question_id) FROM "
             "(SELECT question_id FROM action_questions WHERE action_id = x.id ORDER BY position)) FROM "
             "actions x JOIN assessments a ON a.id = x.assessment_id ORDER BY a.uid, x.uid");
        return out;
    }
    std::int64_t count(const std::string& name, const std::string& sql) const {
        SQLite::Database db((dir / name).string(), SQLite::OPEN_READONLY);
        return db.execAndGet(sql).getInt64();
    }
    std::string hubDatabase() const { return hub.substr(hub.rfind('/') + 1); }
};

void answer(app::Workspace& workspace, Id assessment, const std::string& question, const AnswerEdit& edit) {
    auto saved = app::recordAnswer(workspace, assessment, question, edit);
    INFO(question << ": " << (saved ? std::string() : saved.error().message));
    REQUIRE(saved.has_value());
}

void demo(app::Workspace& workspace, int clients = 0) {
    auto made = createDemo(workspace.store(), test::builtinModels());
    REQUIRE(made.has_value());
    if (clients > 0)
        REQUIRE(createPortfolio(workspace.store(), test::defaultModel(), clients).has_value());
}

} // namespace

TEST_CASE("an answer made on one laptop reaches the other, and edits made on both while offline merge",
          "[hub]") {
    Laptops laptops;
    {
        auto a = laptops.open("a.db");
        demo(a);
    }
    CHECK(laptops.sync("a.db").sent > 500);
    const auto joined = laptops.sync("b.db");
    CHECK(joined.applied == joined.received);
    REQUIRE(laptops.content("b.db") == laptops.content("a.db"));

    // Offline: A and B both change GO1's note (a real conflict), A changes GO2's level, B GO3's target.
    {
        auto a = laptops.open("a.db");
        answer(a, 2, "GO1", AnswerEdit::setNote("A: the board signed the charter"));
        answer(a, 2, "GO2", AnswerEdit::setLevel(1));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5)); // B's note is the later one
    {
        auto b = laptops.open("b.db");
        answer(b, 2, "GO1", AnswerEdit::setNote("B: the charter is still a draft"));
        answer(b, 2, "GO3", AnswerEdit::setTarget(5));
    }
    laptops.sync("a.db");
    const auto merged = laptops.sync("b.db");
    CHECK(merged.conflicts == 1);
    laptops.sync("a.db");
    CHECK(laptops.content("a.db") == laptops.content("b.db"));
    auto b = laptops.open("b.db");
    auto goals = b.store().answers(2);
    REQUIRE(goals.has_value());
    auto consensus = b.store().defaultParticipant(2);
    REQUIRE(consensus.has_value());
    auto of = [&](const std::string& question) {
        for (const auto& x : *goals)
            if (x.questionId == question && x.participantId == consensus->id)
                return x;
        FAIL("no answer to " << question);
        return Answer{};
    };
    CHECK(of("GO1").note == "B: the charter is still a draft");
    CHECK(of("GO2").current == 1.0);
    CHECK(of("GO3").target == 5.0);

    // The conflict keeps both values; restoring the lost one is a new change that reaches A too.
    auto conflicts = b.store().conflicts();
    REQUIRE(conflicts.has_value());
    REQUIRE(conflicts->size() == 1);
    const SyncConflict& conflict = conflicts->front();
    CHECK(conflict.field == "note");
    CHECK(conflict.keptValue == "B: the charter is still a draft");
    CHECK(conflict.lostValue == "A: the board signed the charter");
    CHECK(conflict.description.find("GO1") != std::string::npos);
    // The command line lists it with both values, fields as docs/cli-json.md describes them.
    const std::string listing = (laptops.dir / "conflicts.json").string();
    REQUIRE(test::runShell(std::string(MW_CLI_BINARY) + " --db " + (laptops.dir / "b.db").string() +
                           " conflicts --json >" + listing) == 0);
    const auto listed = nlohmann::json::parse(test::readBytes(listing));
    REQUIRE(listed.size() == 1);
    CHECK(listed[0]["field"] == "note");
    CHECK(listed[0]["kept"]["value"] == "B: the charter is still a draft");
    CHECK(listed[0]["lost"]["value"] == "A: the board signed the charter");
    CHECK(listed[0]["resolvedAt"].is_null());
    for (const char* name : {"id", "kind", "key", "record", "detectedAt"})
        CHECK(listed[0].contains(name));
    REQUIRE(b.store().resolveConflict(conflict.id, true).has_value());
    CHECK(b.store().conflicts()->empty());
    CHECK(b.store().resolveConflict(conflict.id, true).error().message.find("was resolved") !=
          std::string::npos);
    laptops.sync("b.db");
    laptops.sync("a.db");
    CHECK(laptops.content("a.db") == laptops.content("b.db"));
    CHECK(laptops.content("a.db").find("A: the board signed the charter") != std::string::npos);
}

TEST_CASE(
    "a deletion travels as a tombstone, and an edit of what was deleted elsewhere is kept as a conflict",
    "[hub]") {
    Laptops laptops;
    {
        auto a = laptops.open("a.db");
        demo(a);
    }
    laptops.sync("a.db");
    laptops.sync("b.db");
    {
        auto a = laptops.open("a.db");
        REQUIRE(a.store().clearAnswer(2, "GO4").has_value());
        REQUIRE(a.store().deleteAssessment(1).has_value());
    }
    {
        auto b = laptops.open("b.db");
        answer(b, 1, "GO1", AnswerEdit::setNote("noted on B before it was deleted on A"));
    }
    laptops.sync("a.db");
    CHECK(laptops.sync("b.db").conflicts == 1);
    laptops.sync("a.db");
    CHECK(laptops.content("a.db") == laptops.content("b.db"));
    CHECK(laptops.count("b.db", "SELECT count(*) FROM assessments") == 1);
    auto b = laptops.open("b.db");
    auto conflicts = b.store().conflicts();
    REQUIRE(conflicts->size() == 1);
    CHECK(conflicts->front().field.empty());
    CHECK(conflicts->front().lostValue.dump().find("noted on B") != std::string::npos);
    CHECK_FALSE(b.store().answer(2, "GO4", b.store().defaultParticipant(2)->id)->has_value());
}

TEST_CASE("a sync killed at random points, or cut by the hub stopping, loses and duplicates nothing",
          "[hub]") {
    Laptops laptops;
    {
        auto a = laptops.open("a.db");
        demo(a, 40);
    }
    std::mt19937 random(20261203);
    auto syncProcess = [&](const std::string& name) {
        const pid_t child = fork();
        if (child == 0) {
            const std::string db = (laptops.dir / name).string();
            // What a cut sync prints is not this test's output.
            const int quiet = open("/dev/null", O_WRONLY);
            dup2(quiet, STDOUT_FILENO);
            dup2(quiet, STDERR_FILENO);
            execl(MW_CLI_BINARY, MW_CLI_BINARY, "--db", db.c_str(), "sync", "--hub", laptops.hub.c_str(),
                  static_cast<char*>(nullptr));
            _exit(127);
        }
        return child;
    };
    int killed = 0;
    for (int round = 0; round < 8; ++round) {
        const std::string name = round % 2 == 0 ? "a.db" : "b.db";
        const pid_t child = syncProcess(name);
        std::this_thread::sleep_for(
            std::chrono::milliseconds(std::uniform_int_distribution<int>(5, 400)(random)));
        if (round == 3) {
            test::HubServer::instance().halt();
            test::HubServer::instance().resume();
        } else {
            killed += kill(child, SIGKILL) == 0;
        }
        int status = 0;
        waitpid(child, &status, 0);
    }
    CHECK(killed > 0);
    laptops.sync("a.db");
    laptops.sync("b.db");
    const std::string a = laptops.content("a.db");
    CHECK(a == laptops.content("b.db"));
    CHECK(laptops.count("a.db", "SELECT count(*) FROM sync_outbox") == 0);
    // The hub holds each change once: as many rows as A ever logged, each (origin, seq) once.
    auto& server = test::HubServer::instance();
    CHECK(server.query(laptops.hubDatabase(),
                       "SELECT count(*) = count(DISTINCT (origin, seq)) FROM mw_changes") == "t");
    CHECK(std::stoll(server.query(laptops.hubDatabase(), "SELECT count(*) FROM mw_changes")) ==
          laptops.count("a.db",
                        "SELECT (SELECT count(*) FROM clients) + (SELECT count(*) FROM model_snapshots) + "
                        "(SELECT count(*) FROM assessments) + (SELECT count(*) FROM participants) + "
                        "(SELECT count(*) FROM answers) + (SELECT count(*) FROM actions)"));
    // Sending again what the hub holds changes nothing.
    CHECK(laptops.sync("a.db").sent == 0);
    CHECK(laptops.sync("b.db").received == 0);
}

TEST_CASE("the hub's rows are untrusted: a malformed change is refused by name and nothing of it is applied",
          "[hub]") {
    test::TempDir dir;
    {
        auto pristine = app::Workspace::open(dir / "demo.db");
        REQUIRE(pristine.has_value());
        demo(*pristine);
    }
    auto& server = test::HubServer::instance();
    struct Bad {
        std::string kind, key, fields, expected;
    };
    // Keys are filled in per hub: {a} the demo follow-up's uid, {p} its consensus participant's uid.
    const std::vector<Bad> bad = {
        {"answer", "{a}/GO1/{p}", R"({"current": "high"})", "is not a number"},
        {"answer", "{a}/GO1/{p}", R"({"current": 17})", "GO1"},
        {"answer", "{a}/GO1/{p}", R"({"colour": "red"})", "does not have"},
        {"answer", "no-slashes", R"({"note": "x"})", "does not name"},
        {"gadget", "x", R"({"note": "x"})", "not one this version knows"},
        {"participant", "{a}/nobody", R"({"name": "x"})", "never sent"},
        {"answer", "{a}/GO1/{p}", R"({"note": {"nested": 1}})", "not a plain value"},
        {"client", "c1", R"({"name": 5})", "is not a text"},
    };
    int round = 0;
    for (const auto& row : bad) {
        INFO(row.kind << " " << row.fields);
        // The hub's log is append-only, so each bad row gets a hub of its own, holding the demo first.
        const std::string hub = server.freshDatabase();
        const std::string hubName = hub.substr(hub.rfind('/') + 1);
        REQUIRE(app::initHub(hub).has_value());
        const auto sender = dir / ("a" + std::to_string(round) + ".db");
        const auto receiver = dir / ("b" + std::to_string(round++) + ".db");
        std::filesystem::copy_file(dir / "demo.db", sender);
        {
            auto a = app::Workspace::open(sender);
            REQUIRE(app::syncWithHub(*a, hub).has_value());
        }
        SQLite::Database senderDb(sender.string(), SQLite::OPEN_READONLY);
        const std::string follow =
            senderDb.execAndGet("SELECT uid FROM assessments WHERE id = 2").getString();
        const std::string consensus =
            senderDb.execAndGet("SELECT uid FROM participants WHERE assessment_id = 2 AND is_default = 1")
                .getString();
        std::string key = row.key;
        for (auto [mark, value] :
             {std::pair{std::string("{a}"), follow}, std::pair{std::string("{p}"), consensus}})
            if (auto at = key.find(mark); at != std::string::npos)
                key.replace(at, mark.size(), value);
        REQUIRE(server.psql(hubName,
                            "INSERT INTO mw_changes (origin, seq, kind, key, client_uid, op, fields, hlc) "
                            "VALUES ('intruder', 1, '" +
                                row.kind + "', '" + key + "', '', 'update', '" + row.fields +
                                "', 9000000000000000000)") == 0);
        auto b = app::Workspace::open(receiver);
        REQUIRE(b.has_value());
        auto synced = app::syncWithHub(*b, hub);
        REQUIRE_FALSE(synced.has_value());
        CHECK(synced.error().message.find(row.expected) != std::string::npos);
        CHECK(synced.error().message.find("refused") != std::string::npos);
        // Nothing of the batch it came in was kept, and the cursor did not move past it.
        CHECK(b->store().assessments()->empty());
        CHECK(b->store().syncStatus()->cursor == 0);
        // Even the hub's owner cannot rewrite the log.
        CHECK(server.psql(hubName, "DELETE FROM mw_changes WHERE origin = 'intruder'") != 0);
        CHECK(server.psql(hubName, "UPDATE mw_changes SET fields = '{}' WHERE origin = 'intruder'") != 0);
    }
}

TEST_CASE("a hub address holding a password is refused, and a hub that is not there says so", "[hub]") {
    test::TempDir dir;
    auto laptop = app::Workspace::open(dir / "a.db");
    REQUIRE(laptop.has_value());
    auto withPassword = app::syncWithHub(*laptop, "postgresql://consultant:secret@127.0.0.1:1/hub");
    REQUIRE_FALSE(withPassword.has_value());
    CHECK(withPassword.error().message.find("~/.pgpass") != std::string::npos);
    CHECK(withPassword.error().message.find("secret") == std::string::npos);
    auto nowhere = app::syncWithHub(*laptop, "postgresql://consultant@127.0.0.1:1/hub?connect_timeout=2");
    REQUIRE_FALSE(nowhere.has_value());
    CHECK(nowhere.error().message.find("cannot reach the hub") != std::string::npos);
    CHECK(nowhere.error().message.find("next sync") != std::string::npos);
    // A database that is not a hub is named as such.
    auto& server = test::HubServer::instance();
    auto plain = app::syncWithHub(*laptop, server.freshDatabase());
    REQUIRE_FALSE(plain.has_value());
    CHECK(plain.error().message.find("hub init") != std::string::npos);
    CHECK_FALSE(laptop->store().syncStatus()->connected);
}
