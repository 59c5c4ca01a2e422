// `maturity evidence` as a user runs it: attach, list, save out, remove and restore; a file of several
// hundred MB streamed with a flat memory peak; a process killed mid-attach that leaves nothing
// half-written behind; and .mwz packages, plain and sealed, moved between databases.
#include "cli_fixture.hpp"
#include "core/sealed_stream.hpp"
#include "storage/store.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <thread>

extern char** environ;

using namespace mw;
using mw::test::CliFixture;

namespace {

// A child process of the real binary, so that its peak memory can be read and it can be killed.
class Child {
public:
    // The CLI with these arguments, or (cli false) the program the first argument names.
    explicit Child(std::vector<std::string> args, bool cli = true) {
        if (cli)
            args.insert(args.begin(), MW_CLI_BINARY);
        std::vector<char*> argv;
        for (auto& a : args)
            argv.push_back(a.data());
        argv.push_back(nullptr);
        // Its report lines are not the test's output.
        posix_spawn_file_actions_t quiet;
        posix_spawn_file_actions_init(&quiet);
        posix_spawn_file_actions_addopen(&quiet, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
        const int spawned = posix_spawn(&pid_, argv.front(), &quiet, nullptr, argv.data(), environ);
        posix_spawn_file_actions_destroy(&quiet);
        REQUIRE(spawned == 0);
    }
    // Exit code and peak resident memory in KiB.
    std::pair<int, long> wait() {
        int status = 0;
        rusage usage{};
        REQUIRE(wait4(pid_, &status, 0, &usage) == pid_);
        return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, usage.ru_maxrss};
    }
    bool running() {
        int status = 0;
        return waitpid(pid_, &status, WNOHANG) == 0;
    }
    void kill() { ::kill(pid_, SIGKILL); }

private:
    pid_t pid_ = 0;
};

// A large file without writing it: a sparse file reads as zeros.
std::filesystem::path sparseFile(const std::filesystem::path& at, std::uintmax_t bytes) {
    { std::ofstream(at, std::ios::binary) << "%PDF-1.4\n"; }
    std::filesystem::resize_file(at, bytes);
    return at;
}

std::uintmax_t storedBytes(const std::filesystem::path& db) {
    std::error_code ec;
    auto size = [&](const std::filesystem::path& p) {
        const auto n = std::filesystem::file_size(p, ec);
        return ec ? std::uintmax_t{0} : n;
    };
    return size(db) + size(db.string() + "-wal");
}

} // namespace

TEST_CASE("evidence add, list, get, set, remove and restore on the command line", "[cli][evidence]") {
    CliFixture cli;
    REQUIRE(cli.run({"demo"}).code == 0);
    test::writeBytes(cli.dir / "diagram.pdf", "%PDF-1.4\n% zones and conduits\n");
    auto added =
        cli.run({"evidence", "add", "2", cli.file("diagram.pdf"), "--question", "SB1,SB2", "--title",
                 "Zone & conduit <drawing>", "--valid-on", "2026-10-01", "--supplied-by", "Dan Okafor"});
    INFO(added.err.toStdString());
    REQUIRE(added.code == 0);
    CHECK(
        added.out.contains("Attached #1 'Zone & conduit <drawing>' (diagram.pdf, 30 bytes) to assessment #2, "
                           "supporting SB1, SB2. Type PDF document"));

    auto listed = cli.run({"evidence", "2"});
    REQUIRE(listed.code == 0);
    CHECK(listed.out.contains("Zone & conduit <drawing>  SB1, SB2   2026-10-01  Dan Okafor   PDF document"));
    CHECK(listed.out.contains("2 of 55 questions have evidence"));

    auto json = nlohmann::json::parse(cli.run({"evidence", "2", "--json"}).out.toStdString());
    REQUIRE(json["evidence"].size() == 1);
    CHECK(json["evidence"][0]["questions"] == nlohmann::json::array({"SB1", "SB2"}));
    CHECK(json["evidence"][0]["mediaType"] == "application/pdf");
    CHECK(json["evidence"][0]["fromBaseline"] == false);
    std::size_t missing = 0;
    for (const auto& q : json["questions"]) {
        if (q["id"] == "SB1")
            CHECK(q["evidence"] == nlohmann::json::array({1}));
        missing += q["missingForLevel"].get<bool>() ? 1 : 0;
    }
    CHECK(json["missingForLevel"] == missing);
    CHECK(missing > 0);

    const QString copy = cli.file("copy.pdf");
    REQUIRE(cli.run({"evidence", "get", "2", "1", "--out", copy}).code == 0);
    CHECK(test::readBytes(cli.dir / "copy.pdf") == test::readBytes(cli.dir / "diagram.pdf"));

    REQUIRE(cli.run({"evidence", "set", "2", "1", "--question", "SB1"}).code == 0);
    CHECK(cli.run({"evidence", "2"}).out.contains("1 of 55 questions have evidence"));
    auto removed = cli.run({"evidence", "remove", "2", "1"});
    CHECK(removed.code == 0);
    CHECK(removed.out.contains("'maturity evidence restore 2 1' until the next backup"));
    CHECK(cli.run({"evidence", "2"}).out.contains("No evidence yet"));
    REQUIRE(cli.run({"evidence", "restore", "2", "1"}).code == 0);
    CHECK(cli.run({"evidence", "2"}).out.contains("Zone & conduit"));

    // Bad input: one line naming what and where, exit 1 or 2, nothing written.
    auto wrongAssessment = cli.run({"evidence", "get", "1", "1", "--out", copy});
    CHECK(wrongAssessment.code == 1);
    CHECK(wrongAssessment.err.contains("evidence 1 belongs to assessment 2, not to assessment 1"));
    auto unknown = cli.run({"evidence", "remove", "2", "77"});
    CHECK(unknown.code == 1);
    CHECK(unknown.err.contains("no evidence with id 77"));
    CHECK(cli.run({"evidence", "add", "2", cli.file("nothing.png")}).err.contains("no file at"));
    CHECK(cli.run({"evidence", "add", "2", cli.file("diagram.pdf"), "--valid-on", "tomorrow"}).code == 2);
    CHECK(cli.run({"evidence", "get", "2", "1"}).code == 2);
    auto intoDatabase = cli.run({"evidence", "get", "2", "1", "--out", cli.db});
    CHECK(intoDatabase.code == 1);
    CHECK(nlohmann::json::parse(cli.run({"evidence", "2", "--json"}).out.toStdString())["evidence"].size() ==
          1);
}

TEST_CASE("a file of several hundred MB is streamed: the peak memory does not grow with it",
          "[cli][evidence][process]") {
    CliFixture cli;
    REQUIRE(cli.run({"demo"}).code == 0);
    const auto small = sparseFile(cli.dir / "small.pdf", 64 * 1024);
    const auto large = sparseFile(cli.dir / "large.pdf", 256ull * 1024 * 1024);
    const std::string db = cli.db.toStdString();
    // Under AddressSanitizer freed blocks wait in a quarantine of up to 256 MB before reuse, which would
    // count each chunk's buffers as if they were kept: the children run without it, so that what is
    // measured is the program's own memory. Other builds ignore the variable.
    const char* given = std::getenv("ASAN_OPTIONS");
    const std::string saved = given ? given : "";
    setenv("ASAN_OPTIONS", (saved + (saved.empty() ? "" : ":") + "quarantine_size_mb=0").c_str(), 1);
    struct Restore {
        std::string value;
        bool was;
        ~Restore() { was ? setenv("ASAN_OPTIONS", value.c_str(), 1) : unsetenv("ASAN_OPTIONS"); }
    } restore{saved, given != nullptr};
    auto [smallCode, smallPeak] = Child({"--db", db, "evidence", "add", "2", small.string()}).wait();
    auto [largeCode, largePeak] = Child({"--db", db, "evidence", "add", "2", large.string()}).wait();
    REQUIRE(smallCode == 0);
    REQUIRE(largeCode == 0);
    INFO("peak KiB: small " << smallPeak << ", large " << largePeak);
    // Holding the file would add 320 MiB; streaming it adds a few chunks.
    CHECK(largePeak - smallPeak < 48 * 1024);
    const auto out = cli.dir / "large-copy.pdf";
    auto [getCode, getPeak] = Child({"--db", db, "evidence", "get", "2", "2", "--out", out.string()}).wait();
    REQUIRE(getCode == 0);
    CHECK(getPeak - smallPeak < 48 * 1024);
    CHECK(std::filesystem::file_size(out) == std::filesystem::file_size(large));
}

TEST_CASE("a process killed while it attaches a large file leaves no half-written evidence",
          "[cli][evidence][process]") {
    CliFixture cli;
    REQUIRE(cli.run({"demo"}).code == 0);
    const std::filesystem::path db = cli.db.toStdString();
    const auto large = sparseFile(cli.dir / "large.pdf", 256ull * 1024 * 1024);
    const auto before = storedBytes(db);
    Child attach({"--db", db.string(), "evidence", "add", "2", large.string()});
    // Killed once part of the file is in the database, well before all of it is.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (attach.running() && storedBytes(db) < before + 24 * 1024 * 1024 &&
           std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    REQUIRE(attach.running());
    attach.kill();
    attach.wait();

    {
        auto store = Store::open(db);
        REQUIRE(store.has_value());
        CHECK(store->evidence(2, true)->empty());
        SQLite::Database raw(db.string());
        CHECK(raw.execAndGet("PRAGMA integrity_check").getString() == "ok");
        CHECK(raw.execAndGet("SELECT count(*) FROM evidence_files WHERE complete = 1").getInt() == 0);
    }
    // Attached again, the half-stored copy is replaced by a whole one.
    auto again = cli.run({"evidence", "add", "2", QString::fromStdString(large.string())});
    INFO(again.err.toStdString());
    REQUIRE(again.code == 0);
    SQLite::Database raw(db.string());
    CHECK(raw.execAndGet("SELECT count(*) FROM evidence_chunks").getInt() == 256);
    CHECK(raw.execAndGet("SELECT count(*) FROM evidence_files WHERE complete = 1").getInt() == 1);
}

namespace {

// Rewrites one entry of a zip with other bytes, or leaves it out when they are empty (python3's zipfile, so
// that the zip itself stays sound).
void rewriteEntry(const std::filesystem::path& zip, const std::string& name, const std::string& bytes,
                  const std::filesystem::path& out) {
    const auto data = out.string() + ".entry";
    test::writeBytes(data, bytes);
    const std::string script = "import sys, zipfile\n"
                               "src, name, dst = sys.argv[1], sys.argv[2], sys.argv[4]\n"
                               "data = open(sys.argv[3], 'rb').read()\n"
                               "with zipfile.ZipFile(src) as a, zipfile.ZipFile(dst, 'w') as b:\n"
                               "    for i in a.infolist():\n"
                               "        if i.filename == name:\n"
                               "            if data: b.writestr(i, data)\n"
                               "        else: b.writestr(i, a.read(i))\n";
    Child python({"/usr/bin/python3", "-c", script, zip.string(), name, data, out.string()}, false);
    REQUIRE(python.wait().first == 0);
}

long count(const QString& db, const char* sql) {
    SQLite::Database raw(db.toStdString());
    return raw.execAndGet(sql).getInt64();
}

} // namespace

TEST_CASE("a .mwz package moves an assessment with its evidence files to another database, checksums intact",
          "[cli][evidence][bundle]") {
    CliFixture from;
    REQUIRE(from.run({"demo"}).code == 0);
    const std::string photo = std::string("\x89PNG\r\n\x1a\n", 8) + std::string(200000, 'w');
    test::writeBytes(from.dir / "whiteboard.png", photo);
    test::writeBytes(from.dir / "zones.pdf", "%PDF-1.4\n% zones\n");
    REQUIRE(from.run({"evidence", "add", "2", from.file("whiteboard.png"), "--question", "GO1"}).code == 0);
    REQUIRE(from.run({"evidence", "add", "2", from.file("zones.pdf"), "--question", "SB1,SB2"}).code == 0);
    REQUIRE(from.run({"evidence", "add", "2", from.file("whiteboard.png"), "--title", "Again"}).code == 0);
    const QString package = from.file("follow-up.mwz");
    auto exported = from.run({"export", "2", "--out", package});
    REQUIRE(exported.code == 0);
    CHECK(exported.out.contains("3 pieces of evidence in 2 files"));
    // A plain bundle says what it left out.
    CHECK(from.run({"export", "2", "--out", from.file("plain.json")})
              .out.contains("Left out 3 evidence files"));

    CliFixture to;
    auto imported = to.run({"import", package});
    INFO(imported.err.toStdString());
    REQUIRE(imported.code == 0);
    CHECK(imported.out.contains("3 pieces of evidence"));
    auto json = nlohmann::json::parse(to.run({"evidence", "1", "--json"}).out.toStdString());
    REQUIRE(json["evidence"].size() == 3);
    CHECK(json["evidence"][0]["questions"] == nlohmann::json::array({"GO1"}));
    CHECK(count(to.db, "SELECT count(*) FROM evidence_files") == 2);
    REQUIRE(to.run({"evidence", "get", "1", "1", "--out", to.file("back.png")}).code == 0);
    CHECK(test::readBytes(to.dir / "back.png") == photo);
    // Importing it again changes nothing.
    CHECK(to.run({"import", package}).out.contains("nothing changed"));

    // A file whose bytes do not match its checksum: refused, and nothing of the package is kept.
    const auto sha = json["evidence"][0]["sha256"].get<std::string>();
    const auto tampered = from.dir / "tampered.mwz";
    rewriteEntry(package.toStdString(), "evidence/" + sha, std::string(photo.size(), 'x'), tampered);
    CliFixture third;
    REQUIRE(third.run({"demo"}).code == 0);
    auto refused = third.run({"import", QString::fromStdString(tampered.string())});
    CHECK(refused.code == 1);
    CHECK(refused.err.contains("does not match its checksum"));
    CHECK(count(third.db, "SELECT count(*) FROM assessments") == 2);
    CHECK(count(third.db, "SELECT count(*) FROM evidence_files") == 0);
    CHECK(count(third.db, "SELECT count(*) FROM evidence_chunks") == 0);

    // A package without one of its files is refused before the database is touched.
    const auto incomplete = from.dir / "incomplete.mwz";
    rewriteEntry(package.toStdString(), "evidence/" + sha, "", incomplete);
    auto missing = third.run({"import", QString::fromStdString(incomplete.string())});
    CHECK(missing.code == 1);
    CHECK(missing.err.contains("the package has no evidence/" + QString::fromStdString(sha)));
    CHECK(count(third.db, "SELECT count(*) FROM assessments") == 2);
}

namespace {

// The bytes of one entry of a zip, read with python3's zipfile.
std::string entryBytes(const std::filesystem::path& zip, const std::string& name) {
    const auto data = zip.string() + ".read";
    const std::string script =
        "import sys, zipfile\n"
        "open(sys.argv[3], 'wb').write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]))\n";
    Child python({"/usr/bin/python3", "-c", script, zip.string(), name, data}, false);
    REQUIRE(python.wait().first == 0);
    return test::readBytes(data);
}

} // namespace

TEST_CASE("a sealed .mwz package carries the files sealed too, and opens only with its password, intact",
          "[cli][evidence][bundle][sealed]") {
    CliFixture from;
    REQUIRE(from.run({"demo"}).code == 0);
    const std::string photo = std::string("\x89PNG\r\n\x1a\n", 8) + std::string(150000, 'w');
    test::writeBytes(from.dir / "whiteboard.png", photo);
    test::writeBytes(from.dir / "zones.pdf", "%PDF-1.4\n% zone and conduit drawing\n");
    REQUIRE(from.run({"evidence", "add", "2", from.file("whiteboard.png"), "--question", "GO1"}).code == 0);
    REQUIRE(from.run({"evidence", "add", "2", from.file("zones.pdf"), "--question", "SB1"}).code == 0);
    test::writeBytes(from.dir / "pw.txt", "correct horse battery\n");
    test::writeBytes(from.dir / "wrong.txt", "not the password\n");
    const QString package = from.file("sealed.mwz");
    auto exported = from.run({"export", "2", "--out", package, "--password-file", from.file("pw.txt")});
    INFO(exported.err.toStdString());
    REQUIRE(exported.code == 0);
    CHECK(exported.out.contains("2 pieces of evidence in 2 files, all sealed with the password"));

    // Nothing readable inside: neither the client, the files' bytes, nor their checksums.
    const std::string bytes = test::readBytes(package.toStdString());
    CHECK(bytes.find("Severn Vale") == std::string::npos);
    CHECK(bytes.find(std::string(64, 'w')) == std::string::npos);
    CHECK(bytes.find("zone and conduit") == std::string::npos);
    const auto listed = nlohmann::json::parse(from.run({"evidence", "2", "--json"}).out.toStdString());
    for (const auto& e : listed["evidence"])
        CHECK(bytes.find(e["sha256"].get<std::string>()) == std::string::npos);
    CHECK(bytes.find("bundle.json") == std::string::npos);

    CliFixture to;
    auto wrong = to.run({"import", package, "--password-file", from.file("wrong.txt")});
    CHECK(wrong.code == 1);
    CHECK(wrong.err.contains("wrong password"));
    CHECK_FALSE(std::filesystem::exists(to.db.toStdString())); // refused before any database is opened

    auto imported = to.run({"import", package, "--password-file", from.file("pw.txt")});
    INFO(imported.err.toStdString());
    REQUIRE(imported.code == 0);
    CHECK(imported.out.contains("2 pieces of evidence"));
    CHECK(count(to.db, "SELECT count(*) FROM evidence_files WHERE complete = 1") == 2);
    REQUIRE(to.run({"evidence", "get", "1", "1", "--out", to.file("back.png")}).code == 0);
    CHECK(test::readBytes(to.dir / "back.png") == photo);

    // One changed byte in a sealed file: refused, and nothing of the package is kept.
    std::string changed = entryBytes(package.toStdString(), "evidence/1");
    REQUIRE(changed.size() == sealedStreamSize(photo.size()));
    changed[changed.size() / 2] ^= 0x20;
    const auto tampered = from.dir / "tampered.mwz";
    rewriteEntry(package.toStdString(), "evidence/1", changed, tampered);
    CliFixture third;
    REQUIRE(third.run({"demo"}).code == 0);
    auto refused = third.run(
        {"import", QString::fromStdString(tampered.string()), "--password-file", from.file("pw.txt")});
    CHECK(refused.code == 1);
    CHECK(refused.err.contains("evidence/1: the sealed file was changed after it was sealed"));
    CHECK(count(third.db, "SELECT count(*) FROM assessments") == 2);
    CHECK(count(third.db, "SELECT count(*) FROM evidence_files") == 0);
    CHECK(count(third.db, "SELECT count(*) FROM evidence_chunks") == 0);

    // Cut short: refused by its size before the database is touched.
    const auto cut = from.dir / "cut.mwz";
    rewriteEntry(package.toStdString(), "evidence/1", changed.substr(0, changed.size() - 17), cut);
    auto short_ =
        third.run({"import", QString::fromStdString(cut.string()), "--password-file", from.file("pw.txt")});
    CHECK(short_.code == 1);
    CHECK(short_.err.contains("evidence/1 is"));
    CHECK(count(third.db, "SELECT count(*) FROM assessments") == 2);

    // Only a package or a .mwbundle can be sealed.
    auto csv = from.run({"export", "2", "--out", from.file("answers.csv"), "--seal"});
    CHECK(csv.code == ExitUsage);
    CHECK(csv.err.contains("only a .mwz package or a .mwbundle bundle can be sealed"));
}
