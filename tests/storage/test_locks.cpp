// This process's hold on an open database survives what else in the program does with its files, so that
// no other program closing the database deletes the log this one still writes to.
#include "storage/store.hpp"
#include "store_fixture.hpp"
#include "support.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <fstream>
#include <sys/wait.h>
#include <unistd.h>

using namespace mw;
using mw::test::StoreFixture;

namespace {

// Another program opens the database, reads, and closes it: a program of its own (a forked copy of this
// one would inherit SQLite's record of this process's locks).
void readAndCloseFromAnotherProgram(const std::filesystem::path& database) {
    const std::string script = "import sqlite3, sys\n"
                               "db = sqlite3.connect(sys.argv[1])\n"
                               "db.execute('SELECT count(*) FROM answers').fetchall()\n"
                               "db.close()\n";
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        execl("/usr/bin/python3", "python3", "-c", script.c_str(), database.c_str(),
              static_cast<char*>(nullptr));
        _exit(127);
    }
    int status = 0;
    waitpid(child, &status, 0);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
}

// What this connection writes next is in the file that every other program reads.
void expectNextAnswerReachesOtherPrograms(Store& store, Id id, const std::filesystem::path& database) {
    REQUIRE(store.saveAnswer(id, test::level("A2", 3, 4)).has_value());
    SQLite::Database reader(database.string(), SQLite::OPEN_READONLY);
    CHECK(
        reader.execAndGet("SELECT count(*) FROM answers WHERE question_id = 'A2' AND current = 3").getInt() ==
        1);
}

} // namespace

TEST_CASE("a second connection in this program keeps the first one's log safe from other programs",
          "[store][locks]") {
    // The workbench opens the database again for the day's copy. Had that open read the file outside
    // SQLite, closing it would drop this process's locks (POSIX), and the next program to close the
    // database would delete the log the first connection still writes to: every later answer lost.
    StoreFixture f;
    Store store = f.open();
    const Id id = f.newAssessment(store);
    REQUIRE(store.saveAnswer(id, test::level("A1", 1, 4)).has_value());
    {
        auto second = Store::open(f.path);
        REQUIRE(second.has_value());
        CHECK(second->assessmentInfo(id).has_value());
    }
    readAndCloseFromAnotherProgram(f.path);
    CHECK(std::filesystem::exists(f.path.string() + "-wal"));
    expectNextAnswerReachesOtherPrograms(store, id, f.path);
}

TEST_CASE("another part of this program reading the database's files keeps its log safe from other programs",
          "[store][locks]") {
    // A file dialog showing the database's folder reads the first bytes of the database, its log and its
    // index to tell their type, and closes them: with POSIX locks that drops every lock this process holds
    // on them, and the next program to close the database would then delete the log this connection
    // still writes to. Seen with the workbench's "Attach evidence" dialog and a `maturity` command.
    StoreFixture f;
    Store store = f.open();
    const Id id = f.newAssessment(store);
    REQUIRE(store.saveAnswer(id, test::level("A1", 1, 4)).has_value());
    for (const char* suffix : {"", "-wal", "-shm"}) {
        std::ifstream sniff(f.path.string() + suffix, std::ios::binary);
        char head[64];
        sniff.read(head, sizeof head);
    }
    readAndCloseFromAnotherProgram(f.path);
    CHECK(std::filesystem::exists(f.path.string() + "-wal"));
    CHECK(std::filesystem::exists(f.path.string() + "-shm"));
    expectNextAnswerReachesOtherPrograms(store, id, f.path);
}
