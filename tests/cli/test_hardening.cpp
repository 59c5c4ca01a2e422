// Hostile and mistaken input from the outside: each gives one clear line, exit 1 (2 for usage), and leaves
// the database and every other file byte for byte as it was.
#include "cli_fixture.hpp"
#include "support.hpp"

#include <QProcess>
#include <QRegularExpression>
#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>
#include <map>
#include <random>

using namespace mw;
using mw::test::CliFixture;

namespace {

// A demo database, and a way to check that a command left it (and its folder) exactly as it was.
struct Hardened : CliFixture {
    Hardened() { REQUIRE(run({"demo"}).code == 0); }
    std::string snapshot() {
        std::string all;
        for (const auto& entry : std::filesystem::directory_iterator(dir.path()))
            if (entry.is_regular_file() && entry.path().extension() != ".json")
                all += entry.path().filename().string() + ":" + test::readBytes(entry.path()) + "\n";
        return all;
    }
    void write(const std::string& name, const std::string& text) { test::writeBytes(dir / name, text); }
};

void expectOneLine(const test::CliResult& result, int code, const QString& words) {
    CAPTURE(result.err.toStdString());
    CHECK(result.code == code);
    CHECK(result.err.contains(words));
    CHECK(result.err.trimmed().count('\n') == 0);
}

std::string bundleOf(Hardened& h) {
    REQUIRE(h.run({"export", "2", "--out", h.file("bundle.json")}).code == 0);
    return test::readBytes(h.dir / "bundle.json");
}

} // namespace

TEST_CASE("numbers beyond a double, deep nesting and huge ids are refused, never a crash",
          "[cli][hardening]") {
    Hardened h;
    const std::string before = h.snapshot();
    h.write("huge.json", "1e400");
    expectOneLine(h.run({"validate-model", h.file("huge.json")}), 1, "a number is too large");
    h.write("deep.json", "{\"id\": " + std::string(100000, '[') + std::string(100000, ']') + "}");
    expectOneLine(h.run({"validate-model", h.file("deep.json")}), 1, "nested deeper than 64 levels");
    h.write("long.json", "{\"id\": \"" + std::string(100000, 'a') + "\", \"version\": \"1." +
                             std::string(100000, '1') + ".0\"}");
    auto longIds = h.run({"validate-model", h.file("long.json")});
    CHECK(longIds.code == 1);
    CHECK(longIds.err.contains("id: is longer than 100 characters"));
    CHECK(longIds.err.contains("version: is longer than 100 characters"));
    CHECK(longIds.err.size() < 2000); // the value is not echoed back

    std::string bundle = bundleOf(h);
    const auto at = bundle.find("\"current\":");
    REQUIRE(at != std::string::npos);
    std::string overflowing = bundle;
    overflowing.replace(at, 10, "\"current\":1e400,\"x\":");
    h.write("overflow.json", overflowing);
    expectOneLine(h.run({"import", h.file("overflow.json")}), 1, "a number is too large");
    std::string nested = bundle;
    nested.insert(nested.find("\"model\":") + 8,
                  "{\"deep\":" + std::string(5000, '[') + std::string(5000, ']') + "},\"m\":");
    h.write("nested.json", nested);
    expectOneLine(h.run({"import", h.file("nested.json")}), 1, "nested deeper than 64 levels");
    CHECK(h.snapshot() == before);
}

TEST_CASE("duplicate keys are refused with their path", "[cli][hardening]") {
    Hardened h;
    const std::string before = h.snapshot();
    std::string bundle = bundleOf(h);
    const auto end = bundle.rfind('}');
    h.write("twice.json", bundle.substr(0, end) + ",\"answers\":[]}");
    expectOneLine(h.run({"import", h.file("twice.json")}), 1, "duplicate key 'answers' in the top level");
    h.write("model-twice.json", "{\"id\": \"a\", \"title\": {\"en\": 1, \"en\": 2}}");
    expectOneLine(h.run({"validate-model", h.file("model-twice.json")}), 1, "duplicate key 'en' in title");
    CHECK(h.snapshot() == before);
}

TEST_CASE("a missing or empty database is reported, never created by a command that only uses one",
          "[cli][hardening]") {
    CliFixture cli;
    const QString empty = cli.file("e.db");
    test::writeBytes(cli.dir / "e.db", "");
    auto onEmpty = cli.run({"--db", empty, "answer", "3", "GO1", "2"});
    expectOneLine(onEmpty, 1, "e.db is an empty file, not a Maturity Workbench database");
    CHECK(std::filesystem::file_size(cli.dir / "e.db") == 0);
    CHECK_FALSE(std::filesystem::exists(cli.dir / "e.db-wal"));

    const QString nowhere = cli.file("nope/a/b.db");
    expectOneLine(cli.run({"--db", nowhere, "list"}), 1, "no database at");
    CHECK_FALSE(std::filesystem::exists(cli.dir / "nope"));
    // Even a command that creates databases does not create folders.
    expectOneLine(cli.run({"--db", nowhere, "demo"}), 1, "does not exist");
    CHECK_FALSE(std::filesystem::exists(cli.dir / "nope"));
}

TEST_CASE("negative and odd numbers are arguments, and messages show them as given", "[cli][hardening]") {
    Hardened h;
    const std::string before = h.snapshot();
    expectOneLine(h.run({"answer", "2", "GO1", "-1"}), 1, "level -1 is not on the scale");
    expectOneLine(h.run({"answer", "2", "GO1", "2", "--target", "-3"}), 1, "target -3 is not on the scale");
    expectOneLine(h.run({"answer", "2", "GO1", "0.001"}), 1, "level 0.001 is not on the scale");
    expectOneLine(h.run({"answer", "2", "GO1", "1e100"}), 1, "level 1e+100 is not on the scale");
    CHECK(h.snapshot() == before);
}

TEST_CASE("no export or report is written over the database, by name or through a link", "[cli][hardening]") {
    Hardened h;
    std::filesystem::copy_file(h.dir / "cli.db", h.dir / "w.json");
    const std::string asJson = test::readBytes(h.dir / "w.json");
    expectOneLine(h.run({"--db", h.file("w.json"), "export", "2", "--out", h.file("w.json")}), 1,
                  "is the database");
    CHECK(test::readBytes(h.dir / "w.json") == asJson);

    const std::string before = h.snapshot();
    std::filesystem::create_symlink(h.dir / "cli.db", h.dir / "report.pdf");
    expectOneLine(h.run({"report", "2", "--out", h.file("report.pdf")}), 1, "is the database");
    std::filesystem::create_symlink(h.dir / "cli.db-wal", h.dir / "wal.xlsx");
    expectOneLine(h.run({"export", "2", "--out", h.file("wal.xlsx")}), 1, "is the database");
    std::filesystem::remove(h.dir / "report.pdf");
    std::filesystem::remove(h.dir / "wal.xlsx");
    CHECK(h.snapshot() == before);
}

TEST_CASE("a follow-up imported without its baseline keeps the link, and links when the baseline comes",
          "[cli][hardening]") {
    Hardened h;
    REQUIRE(h.run({"export", "2", "--out", h.file("follow-up.json")}).code == 0);
    REQUIRE(h.run({"export", "1", "--out", h.file("baseline.json")}).code == 0);
    const std::string expected = "\"baselineUid\": \"demo-severn-vale-2025\"";
    REQUIRE(test::readBytes(h.dir / "follow-up.json").find(expected) != std::string::npos);

    CliFixture other;
    REQUIRE(other.run({"import", h.file("follow-up.json")}).code == 0);
    REQUIRE(other.run({"export", "1", "--out", other.file("again.json")}).code == 0);
    CHECK(test::readBytes(other.dir / "again.json").find(expected) != std::string::npos);
    // The baseline arrives later: the follow-up links to it.
    auto imported = other.run({"import", h.file("baseline.json")});
    REQUIRE(imported.code == 0);
    auto listed = other.run({"list"});
    // The follow-up (#1 here) now names the baseline (#2) in the Baseline column.
    CHECK(QRegularExpression("\\n\\s*1\\s.*follow-up.*#2\\s*\\n").match(listed.out).hasMatch());
    REQUIRE(other.run({"export", "1", "--out", other.file("linked.json")}).code == 0);
    CHECK(test::readBytes(other.dir / "linked.json").find(expected) != std::string::npos);
    auto compared = other.run({"compare", "2", "1"});
    CHECK(compared.code == 0);
}

TEST_CASE("answers survive SIGKILL at random moments: every acknowledged one is there, the file is sound",
          "[cli][hardening][process]") {
    Hardened h;
    // A fresh assessment, so every question starts unanswered.
    REQUIRE(h.run({"new", "--client", "Kill Test Ltd", "--title", "Kill test"}).code == 0);
    const QStringList questions = {"GO1", "GO2", "GO3", "GO4", "GO5", "CS1", "CS2", "CS3", "CS4", "CS5",
                                   "RP1", "RP2", "RP3", "RP4", "RP5", "RP6", "IR1", "IR2", "IR3", "IR4",
                                   "SB1", "SB2", "SB3", "SB4", "SB5", "SB6", "TF1", "TF2", "TF3", "TF4"};
    std::mt19937 random(20261201);
    std::map<QString, QString> acknowledged; // question -> level, for answers whose command said so
    int killed = 0;
    for (int i = 0; i < questions.size(); ++i) {
        const QString level = QString::number(i % 6);
        QProcess answer;
        answer.start(MW_CLI_BINARY,
                     {"--db", h.db, "answer", "3", questions[i], level, "--note", "kill " + level});
        REQUIRE(answer.waitForStarted(10000));
        const int delay = std::uniform_int_distribution<int>(0, 40)(random);
        if (!answer.waitForFinished(delay)) {
            answer.kill(); // SIGKILL, wherever it is: opening, reading, in the transaction, after it
            answer.waitForFinished(10000);
            ++killed;
        }
        if (answer.exitStatus() == QProcess::NormalExit && answer.exitCode() == 0)
            acknowledged[questions[i]] = level;
    }
    CAPTURE(killed, acknowledged.size());
    CHECK(killed > 0);                        // the loop did interrupt some writes
    REQUIRE(h.run({"score", "3"}).code == 0); // the database opens and scores
    auto exported = h.run({"export", "3", "--out", h.file("after.json")});
    REQUIRE(exported.code == 0);
    const std::string bundle = test::readBytes(h.dir / "after.json");
    for (const auto& [question, level] : acknowledged) {
        CAPTURE(question.toStdString());
        const std::string expected = "\"current\": " + level.toStdString() + ".0";
        const auto at = bundle.find("\"question\": \"" + question.toStdString() + "\"");
        REQUIRE(at != std::string::npos);
        const auto start = bundle.rfind('{', at);
        CHECK(bundle.substr(start, at - start).find(expected) != std::string::npos);
    }
    SQLite::Database db(h.db.toStdString(), SQLite::OPEN_READONLY);
    CHECK(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
}

TEST_CASE("a sealed bundle imports only with its password: a wrong one or a changed byte imports nothing",
          "[cli][hardening][sealed]") {
    Hardened h;
    h.write("pw.txt", "correct horse battery\n");
    h.write("other.txt", "correct horse battery staple\n");
    auto exported =
        h.run({"export", "2", "--out", h.file("b.mwbundle"), "--password-file", h.file("pw.txt")});
    REQUIRE(exported.code == 0);
    CHECK(exported.out.contains("sealed with the password"));
    const std::string sealed = test::readBytes(h.dir / "b.mwbundle");
    CHECK(sealed.starts_with("MWSEALED"));
    CHECK(sealed.find("Severn Vale") == std::string::npos);
    CHECK(sealed.find("correct horse") == std::string::npos);

    CliFixture other;
    const QString target = other.db;
    REQUIRE(other.run({"demo"}).code == 0);
    const std::string before = test::readBytes(other.dir / "cli.db");
    expectOneLine(other.run({"import", h.file("b.mwbundle"), "--password-file", h.file("other.txt")}), 1,
                  "b.mwbundle: cannot open the sealed bundle: wrong password, or the file was changed");
    std::string changed = sealed;
    changed[sealed.size() / 2] = static_cast<char>(changed[sealed.size() / 2] ^ 0x20);
    h.write("changed.mwbundle", changed);
    expectOneLine(other.run({"import", h.file("changed.mwbundle"), "--password-file", h.file("pw.txt")}), 1,
                  "wrong password, or the file was changed after it was sealed");
    h.write("cut.mwbundle", sealed.substr(0, 50));
    expectOneLine(other.run({"import", h.file("cut.mwbundle"), "--password-file", h.file("pw.txt")}), 1,
                  "the sealed bundle is cut short");
    CHECK(test::readBytes(other.dir / "cli.db") == before);

    // The right password: the same assessment, merged as already present (the demo holds it).
    auto imported = other.run({"import", h.file("b.mwbundle"), "--password-file", h.file("pw.txt")});
    CHECK(imported.code == 0);
    CHECK(imported.out.contains("was imported before"));
    CliFixture fresh;
    auto created = fresh.run({"import", h.file("b.mwbundle"), "--password-file", h.file("pw.txt")});
    CHECK(created.code == 0);
    CHECK(created.out.contains("Imported 'IT/OT convergence follow-up' for Severn Vale Water"));
    CHECK(created.out.contains("(495 answers"));
}

TEST_CASE("sealing refuses a short, empty or missing password file, and a plain bundle takes no password",
          "[cli][hardening][sealed]") {
    Hardened h;
    const std::string before = h.snapshot();
    h.write("short.txt", "seven77\n");
    h.write("empty.txt", "");
    expectOneLine(
        h.run({"export", "2", "--out", h.file("b.mwbundle"), "--password-file", h.file("short.txt")}), 1,
        "short.txt: the password is too short to seal with; use at least 8 characters");
    expectOneLine(
        h.run({"export", "2", "--out", h.file("b.mwbundle"), "--password-file", h.file("empty.txt")}), 1,
        "empty.txt: the password file is empty");
    expectOneLine(
        h.run({"export", "2", "--out", h.file("b.mwbundle"), "--password-file", h.file("none.txt")}), 1,
        "password file " + h.file("none.txt") + ": no such file");
    auto plain = h.run({"export", "2", "--out", h.file("b.json"), "--password-file", h.file("short.txt")});
    CHECK(plain.code == 2);
    CHECK(plain.err.contains("only a .mwz package or a .mwbundle bundle can be sealed"));
    CHECK_FALSE(std::filesystem::exists(h.dir / "b.mwbundle"));
    CHECK_FALSE(std::filesystem::exists(h.dir / "b.json"));
    std::filesystem::remove(h.dir / "short.txt");
    std::filesystem::remove(h.dir / "empty.txt");
    CHECK(h.snapshot() == before);
}

TEST_CASE("without a terminal or a password file, a sealed bundle is refused, never read from a pipe",
          "[cli][hardening][sealed]") {
    Hardened h;
    h.write("pw.txt", "correct horse battery");
    REQUIRE(h.run({"export", "2", "--out", h.file("b.mwbundle"), "--password-file", h.file("pw.txt")}).code ==
            0);
    const std::string before = h.snapshot();
    for (const QStringList& args : {QStringList{"import", h.file("b.mwbundle")},
                                    QStringList{"export", "2", "--out", h.file("c.mwbundle")}}) {
        QProcess cli;
        cli.start(MW_CLI_BINARY, QStringList{"--db", h.db} + args);
        REQUIRE(cli.waitForStarted(10000));
        cli.write("correct horse battery\n"); // a pipe is not a terminal: this is never taken as the password
        cli.closeWriteChannel();
        REQUIRE(cli.waitForFinished(30000));
        CHECK(cli.exitCode() == 1);
        CHECK(QString::fromUtf8(cli.readAllStandardError())
                  .contains("a sealed bundle needs a password: give it with --password-file PATH"));
    }
    CHECK(h.snapshot() == before);
}

TEST_CASE("backup, backups and restore: a checked copy, listed, put back with the replaced file kept",
          "[cli][hardening][backups]") {
    Hardened h;
    auto listedNone = h.run({"backups"});
    CHECK(listedNone.code == 0);
    CHECK(listedNone.out.contains("No backups of " + h.db + " yet."));
    auto made = h.run({"backup"});
    REQUIRE(made.code == 0);
    CHECK(made.out.contains("(2 assessments, "));
    auto listed = h.run({"backups"});
    CHECK(listed.code == 0);
    CHECK(listed.out.contains("on request            2"));
    CHECK(listed.out.contains("  good  "));
    const auto copies = std::vector<std::filesystem::directory_entry>(
        std::filesystem::directory_iterator(h.dir / "backups"), std::filesystem::directory_iterator());
    REQUIRE(copies.size() == 1);
    const QString copyName = QString::fromStdString(copies[0].path().filename().string());

    const QString scoresBefore = h.run({"score", "2", "--json"}).out;
    REQUIRE(h.run({"answer", "2", "GO1", "0"}).code == 0);
    REQUIRE(h.run({"score", "2", "--json"}).out != scoresBefore);
    auto restored = h.run({"restore", copyName});
    CHECK(restored.code == 0);
    CHECK(restored.out.contains("The database as it was is kept at"));
    CHECK(h.run({"score", "2", "--json"}).out == scoresBefore);

    // Bad input: one line, the database unchanged.
    const std::string before = h.snapshot();
    expectOneLine(h.run({"restore", "nope.db"}), 1, "nope.db: no such backup");
    h.write("junk.db", "not a database");
    expectOneLine(h.run({"restore", h.file("junk.db")}), 1, "cannot restore this backup: it is unreadable");
    expectOneLine(h.run({"restore", h.db}), 1, "is the database itself, not a backup of it");
    expectOneLine(h.run({"backup", "--out", h.db}), 1, "is the database");
    expectOneLine(h.run({"backup", "--out", h.file("missing/folder/copy.db")}), 1, "copy.db");
    std::filesystem::remove(h.dir / "junk.db");
    CHECK(h.snapshot() == before);
}
