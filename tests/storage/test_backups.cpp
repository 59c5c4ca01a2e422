// Automatic and requested backups: one consistent copy before each day's first change, the last 14 kept,
// every copy checked, and a restore that keeps the file it replaces.
#include "storage/backups.hpp"
#include "storage/store.hpp"
#include "support.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <catch2/catch.hpp>

using namespace mw;

namespace {

struct Days {
    test::TempDir dir;
    std::filesystem::path path = dir / "portfolio.db";
    Model model = test::fixtureModel("rubric-basic.json");
    std::string today = "2026-03-01";

    Store open() {
        auto store = Store::open(path);
        REQUIRE(store.has_value());
        store->setDailyBackups({true, 14, [this] { return today; }});
        return std::move(*store);
    }
    Id assessment(Store& store) {
        auto client = store.ensureClient("Acme Water");
        REQUIRE(client.has_value());
        auto id = store.createAssessment({client->id, "Baseline", "2026-03-01", "A. Assessor", {}, &model});
        REQUIRE(id.has_value());
        return *id;
    }
    void answer(Store& store, Id id, double level) {
        Answer a;
        a.questionId = model.allQuestions().front()->id;
        a.current = level;
        REQUIRE(store.saveAnswer(id, a).has_value());
    }
    std::size_t count(Id id, const std::filesystem::path& file) {
        SQLite::Database db(file.string(), SQLite::OPEN_READONLY);
        SQLite::Statement q(db, "SELECT count(*) FROM answers WHERE assessment_id = ?");
        q.bind(1, id);
        REQUIRE(q.executeStep());
        return static_cast<std::size_t>(q.getColumn(0).getInt64());
    }
    double level(const std::filesystem::path& file) {
        SQLite::Database db(file.string(), SQLite::OPEN_READONLY);
        return db.execAndGet("SELECT current FROM answers ORDER BY rowid LIMIT 1").getDouble();
    }
};

} // namespace

TEST_CASE("the first change of a day leaves a copy of the database as it was before it", "[backups]") {
    Days days;
    auto store = days.open();
    const Id id = days.assessment(store); // an empty database has nothing to lose: no copy yet
    CHECK_FALSE(std::filesystem::exists(backupFolder(days.path)));
    days.answer(store, id, 1);
    days.today = "2026-03-02";
    days.answer(store, id, 2); // the day's first change: the copy holds level 1
    days.answer(store, id, 3); // the same day: no second copy
    const auto copy = dailyBackupPath(days.path, "2026-03-02");
    REQUIRE(std::filesystem::exists(copy));
    CHECK(days.level(copy) == 1);
    auto listed = listBackups(days.path);
    REQUIRE(listed.has_value());
    REQUIRE(listed->size() == 1); // 03-01 began on an empty database: nothing to keep
    CHECK((*listed)[0].day == "2026-03-02");
    CHECK((*listed)[0].daily);
    CHECK((*listed)[0].good);
    CHECK((*listed)[0].assessments == 1);
    // A self-contained file: no -wal or -shm beside the copies, and no half-written .partial.
    for (const auto& file : std::filesystem::directory_iterator(backupFolder(days.path)))
        CHECK(file.path().extension() == ".db");
    CHECK(store.backupProblem().empty());
}

TEST_CASE("twenty days of work keep the last fourteen daily copies and every copy on request", "[backups]") {
    Days days;
    auto store = days.open();
    const Id id = days.assessment(store);
    days.answer(store, id, 0);
    std::filesystem::create_directories(backupFolder(days.path));
    REQUIRE(store.backupTo(manualBackupPath(days.path)).has_value());
    for (int day = 1; day <= 20; ++day) {
        days.today = "2026-04-" + std::string(day < 10 ? "0" : "") + std::to_string(day);
        days.answer(store, id, day % 5);
    }
    auto listed = listBackups(days.path);
    REQUIRE(listed.has_value());
    std::size_t daily = 0, onRequest = 0;
    for (const auto& entry : *listed)
        (entry.daily ? daily : onRequest) += 1;
    CHECK(daily == 14);
    CHECK(onRequest == 1);
    CHECK_FALSE(listed->front().daily); // made today by the real clock, after the simulated April
    CHECK((*listed)[1].day == "2026-04-20");
    CHECK(std::filesystem::exists(dailyBackupPath(days.path, "2026-04-07")));
    CHECK_FALSE(std::filesystem::exists(dailyBackupPath(days.path, "2026-04-06")));
    CHECK(days.level(dailyBackupPath(days.path, "2026-04-20")) == 19 % 5);
}

TEST_CASE("a restore checks the copy, keeps the file it replaces and drops the old write-ahead log",
          "[backups]") {
    Days days;
    std::filesystem::path copy;
    {
        auto store = days.open();
        const Id id = days.assessment(store);
        days.answer(store, id, 1);
        copy = manualBackupPath(days.path);
        std::filesystem::create_directories(backupFolder(days.path));
        REQUIRE(store.backupTo(copy).has_value());
        days.answer(store, id, 3);
    }
    test::writeBytes(days.path.string() + "-wal", "stale log of the file being replaced");
    auto kept = restoreBackup(days.path, copy);
    REQUIRE(kept.has_value());
    CHECK(days.level(days.path) == 1);
    CHECK(days.level(*kept) == 3);
    CHECK(test::readBytes(kept->string() + "-wal") == "stale log of the file being replaced");
    CHECK_FALSE(std::filesystem::exists(days.path.string() + "-wal"));
    auto reopened = Store::open(days.path, OpenMode::ExistingOnly);
    REQUIRE(reopened.has_value());
    CHECK(reopened->schemaVersion() == kSchemaVersion);
}

TEST_CASE("a damaged or foreign copy is listed as such and never restored", "[backups]") {
    Days days;
    {
        auto store = days.open();
        days.answer(store, days.assessment(store), 2);
    }
    std::filesystem::create_directories(backupFolder(days.path));
    const auto garbage = dailyBackupPath(days.path, "2026-02-01");
    test::writeBytes(garbage, "not a database at all");
    const auto foreign = dailyBackupPath(days.path, "2026-02-02");
    SQLite::Database(foreign.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE)
        .exec("CREATE TABLE t (x)");
    const std::string before = test::readBytes(days.path);
    auto refused = restoreBackup(days.path, garbage);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message.find("cannot restore this backup: it is unreadable") != std::string::npos);
    auto alien = restoreBackup(days.path, foreign);
    REQUIRE_FALSE(alien);
    CHECK(alien.error().message.ends_with("it is not a Maturity Workbench database"));
    CHECK(test::readBytes(days.path) == before);
    auto listed = listBackups(days.path);
    REQUIRE(listed.has_value());
    REQUIRE(listed->size() == 2);
    for (const auto& entry : *listed)
        CHECK_FALSE(entry.good);
}

TEST_CASE("a backup that cannot be made does not stop the change, and says why", "[backups]") {
    Days days;
    auto store = days.open();
    const Id id = days.assessment(store);
    // A file where the backups folder should be: the folder cannot be created.
    test::writeBytes(backupFolder(days.path), "in the way");
    days.today = "2026-03-05";
    days.answer(store, id, 2);
    CHECK(store.backupProblem().find("cannot create the backups folder") != std::string::npos);
    CHECK(days.count(id, days.path) == 1);
}
