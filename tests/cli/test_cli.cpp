// The `maturity` command line, driven in-process with its output captured.
#include "cli/cli.hpp"
#include "cli_fixture.hpp"
#include "support.hpp"

#include <QProcess>
#include <QRegularExpression>

using namespace mw;
using mw::test::CliFixture;

TEST_CASE("help, version and usage errors", "[cli]") {
    CliFixture cli;
    QString out, err;
    QTextStream o(&out), e(&err);
    CHECK(runCli({"maturity"}, o, e) == ExitUsage);
    CHECK(err.contains("Usage: maturity"));
    CHECK(runCli({"maturity", "--help"}, o, e) == ExitOk);
    CHECK(out.contains("validate-model"));
    auto r = cli.run({"frobnicate"});
    CHECK(r.code == ExitUsage);
    CHECK(r.err.contains("unknown command 'frobnicate'"));
    r = cli.run({"score"});
    CHECK(r.code == ExitUsage);
    CHECK(r.err.contains("score: missing ID"));
    r = cli.run({"score", "abc"});
    CHECK(r.code == ExitUsage);
    CHECK(r.err.contains("'abc' is not an assessment id"));
    r = cli.run({"score", "1", "--bogus"});
    CHECK(r.code == ExitUsage);
    CHECK(r.err.contains("Unknown option 'bogus'"));
    r = cli.run({"new", "--title", "x"});
    CHECK(r.code == ExitUsage);
    CHECK(r.err.contains("--client is required"));
}

TEST_CASE("demo, list, score, gaps and compare work on the sample", "[cli]") {
    CliFixture cli;
    auto r = cli.run({"demo"});
    REQUIRE(r.code == ExitOk);
    CHECK(r.out.contains("Created the demo client 'Severn Vale Water'"));
    r = cli.run({"demo"});
    CHECK(r.code == ExitOk);
    CHECK(r.out.contains("already in"));

    r = cli.run({"list"});
    CHECK(r.code == ExitOk);
    CHECK(r.out.contains("IT/OT convergence baseline"));
    CHECK(r.out.contains("100%"));
    CHECK(r.out.contains("#1"));

    r = cli.run({"score", "2"});
    CHECK(r.code == ExitOk);
    CHECK(r.out.contains("Security, safety & continuity"));
    CHECK(r.out.contains(
        "The overall index is held at 2.00 by a floor (2.15 without it): SF1 reads 1, below 2."));
    CHECK(r.out.contains("Overall"));

    r = cli.run({"score", "2", "--json"});
    REQUIRE(r.code == ExitOk);
    const auto score = nlohmann::json::parse(r.out.toStdString());
    CHECK(score["dimensions"].size() == 8);
    CHECK(score["completeness"]["percent"] == 100.0);
    CHECK(score["overall"]["current"].get<double>() == 2.0); // held by the safety-independence floor
    CHECK(score["overall"]["uncapped"].get<double>() > 2.1);
    CHECK(score["overall"]["heldBy"][0]["question"] == "SF1");

    r = cli.run({"gaps", "2", "--limit", "3"});
    CHECK(r.code == ExitOk);
    CHECK(r.out.contains("Next step:"));
    CHECK(r.out.contains("  3. ["));
    CHECK_FALSE(r.out.contains("  4. ["));

    r = cli.run({"compare", "1", "2", "--json"});
    REQUIRE(r.code == ExitOk);
    const auto comparison = nlohmann::json::parse(r.out.toStdString());
    CHECK(comparison["counts"]["improved"].get<int>() > 30);
    CHECK(comparison["counts"]["declined"].get<int>() >= 1);
    CHECK(comparison["overall"]["delta"].get<double>() > 0);
}

TEST_CASE("new and answer record data, and bad input changes nothing", "[cli]") {
    CliFixture cli;
    auto r = cli.run({"new", "--client", "Acme Foods", "--title", "Baseline", "--date", "2025-05-01",
                      "--assessor", "Sam"});
    REQUIRE(r.code == ExitOk);
    CHECK(r.out.contains("Created assessment #1"));
    r = cli.run(
        {"answer", "1", "GO1", "3", "--target", "4", "--note", "Charter seen", "--confidence", "high"});
    REQUIRE(r.code == ExitOk);
    CHECK(r.out.contains("GO1 in assessment #1: 3 (Defined), target 4 (Managed), confidence high"));
    r = cli.run({"answer", "1", "GO2", "na"});
    CHECK(r.code == ExitOk);
    CHECK(r.out.contains("N/A"));

    const std::string before = test::readBytes(cli.dir / "cli.db");
    r = cli.run({"answer", "1", "GO1", "7"});
    CHECK(r.code == ExitBadInput);
    CHECK(r.err.contains("level 7 is not on the scale (0, 1, 2, 3, 4, 5)"));
    r = cli.run({"answer", "1", "XX9", "2"});
    CHECK(r.code == ExitBadInput);
    CHECK(r.err.contains("unknown question 'XX9'"));
    r = cli.run({"answer", "42", "GO1", "2"});
    CHECK(r.code == ExitBadInput);
    CHECK(r.err.contains("no assessment with id 42"));
    r = cli.run({"answer", "1", "GO1", "2", "--confidence", "sure"});
    CHECK(r.code == ExitUsage);
    r = cli.run({"new", "--client", "Acme Foods", "--title", "Again", "--date", "2025-02-30"});
    CHECK(r.code == ExitBadInput);
    CHECK(r.err.contains("'2025-02-30' is not a date"));
    r = cli.run({"new", "--client", "Acme Foods", "--title", "Again", "--model", "cmmi"});
    CHECK(r.code == ExitBadInput);
    CHECK(r.err.contains("unknown model 'cmmi'"));
    CHECK(test::readBytes(cli.dir / "cli.db") == before);

    r = cli.run({"score", "1"});
    CHECK(r.out.contains("2 of 55 questions answered"));
    CHECK(r.out.contains("Incomplete: 53 questions unanswered"));
    r = cli.run({"status", "1", "final"});
    CHECK(r.code == ExitOk);
    CHECK(cli.run({"list"}).out.contains("final"));
}

TEST_CASE("export and import bundles, and refused imports that say where and change nothing", "[cli]") {
    CliFixture cli;
    REQUIRE(cli.run({"demo"}).code == ExitOk);
    auto r = cli.run({"export", "2", "--out", cli.file("b.json")});
    REQUIRE(r.code == ExitOk);
    r = cli.run({"export", "2", "--out", cli.file("b.csv")});
    REQUIRE(r.code == ExitOk);
    CHECK(QString::fromStdString(test::readBytes(cli.dir / "b.csv")).startsWith("dimension,question_id"));
    r = cli.run({"export", "2", "--out", cli.file("b.txt")});
    CHECK(r.code == ExitUsage);

    r = cli.run({"import", cli.file("b.json")});
    CHECK(r.code == ExitOk);
    CHECK(r.out.contains("was imported before, as assessment #2; nothing changed"));

    auto bundle = nlohmann::json::parse(test::readBytes(cli.dir / "b.json"));
    bundle["assessment"]["uid"] = "fresh";
    bundle["answers"][3]["current"] = 9;
    test::writeBytes(cli.dir / "bad.json", bundle.dump());
    const std::string before = test::readBytes(cli.dir / "cli.db");
    r = cli.run({"import", cli.file("bad.json")});
    CHECK(r.code == ExitBadInput);
    CHECK(r.err.contains("answers[3].current: 9 is not a level of the scale"));
    test::writeBytes(cli.dir / "trunc.json", bundle.dump().substr(0, 200));
    r = cli.run({"import", cli.file("trunc.json")});
    CHECK(r.code == ExitBadInput);
    CHECK(r.err.contains("trunc.json: line 1"));
    r = cli.run({"import", cli.file("missing.json")});
    CHECK(r.code == ExitBadInput);
    CHECK(r.err.contains("missing.json: no such file"));
    CHECK(test::readBytes(cli.dir / "cli.db") == before);

    // Into a fresh database: a new client and assessment.
    CliFixture other;
    r = other.run({"import", cli.file("b.json")});
    CHECK(r.code == ExitOk);
    CHECK(r.out.contains("as assessment #1 (495 answers, new client)")); // 55 by the consensus and 8 voices
}

TEST_CASE("models and validate-model", "[cli]") {
    CliFixture cli;
    auto r = cli.run({"models"});
    CHECK(r.code == ExitOk);
    CHECK(r.out.contains("itot-convergence"));
    r = cli.run(
        {"validate-model", QString::fromStdString(test::modelPath("itot-convergence.json").string())});
    CHECK(r.code == ExitOk);
    CHECK(r.out.contains("valid: itot-convergence 2.0.0, 8 dimensions, 55 questions"));
    r = cli.run(
        {"validate-model", QString::fromStdString(test::modelPath("itot-convergence-1.0.0.json").string())});
    CHECK(r.code == ExitOk);
    CHECK(r.out.contains("valid: itot-convergence 1.0.0, 8 dimensions, 42 questions"));
    r = cli.run({"validate-model", QString::fromStdString(test::dataPath("bad-model.json").string())});
    CHECK(r.code == ExitBadInput);
    CHECK(r.err.contains("problems"));
    CHECK(r.err.contains("scale: the scale is empty"));
    CHECK(r.err.contains("dimensions[1].id: duplicate dimension id 'd1'"));
    CHECK(r.err.contains("questions[0].dimension: unknown dimension 'nowhere'"));
    r = cli.run({"validate-model", QString::fromStdString(test::dataPath("c2m2-style.json").string())});
    CHECK(r.code == ExitOk);
}

TEST_CASE("a corrupt database gives one clear line and exit 1", "[cli]") {
    CliFixture cli;
    test::writeBytes(cli.dir / "cli.db", std::string(4096, 'x'));
    auto r = cli.run({"list"});
    CHECK(r.code == ExitBadInput);
    CHECK(r.err.trimmed().count('\n') == 0);
    CHECK(r.err.contains("is not a Maturity Workbench database"));
}

TEST_CASE("reports and spreadsheets are written from the CLI", "[cli]") {
    CliFixture cli;
    REQUIRE(cli.run({"demo"}).code == ExitOk);
    CHECK(cli.run({"report", "2", "--out", cli.file("r.pdf")}).code == ExitOk);
    CHECK(cli.run({"report", "2", "--out", cli.file("r.odt")}).code == ExitOk);
    CHECK(cli.run({"report", "2", "--out", cli.file("r.docx")}).code == ExitOk);
    CHECK(cli.run({"report", "2", "--compare", "1", "--out", cli.file("c.docx")}).code == ExitOk);
    CHECK(cli.run({"report", "2", "--compare", "1", "--out", cli.file("c.pdf")}).code == ExitOk);
    CHECK(cli.run({"report", "2", "--page-size", "Letter", "--out", cli.file("l.pdf")}).code == ExitOk);
    CHECK(cli.run({"export", "2", "--out", cli.file("w.xlsx")}).code == ExitOk);
    for (const char* name : {"r.pdf", "r.odt", "r.docx", "c.docx", "c.pdf", "l.pdf", "w.xlsx"})
        CHECK(std::filesystem::file_size(cli.dir / name) > 5000);
    auto r = cli.run({"report", "2", "--out", cli.file("r.doc")});
    CHECK(r.code == ExitUsage);
    CHECK_FALSE(std::filesystem::exists(cli.dir / "r.doc"));
    r = cli.run({"report", "2", "--out", cli.file("no-such-folder/r.pdf")});
    CHECK(r.code == ExitBadInput);
    CHECK(r.err.contains("cannot write"));
}

TEST_CASE("'template' writes our house style and 'report --template' takes one", "[cli]") {
    CliFixture cli;
    REQUIRE(cli.run({"demo"}).code == ExitOk);
    auto r = cli.run({"template", "--out", cli.file("house.docx")});
    CHECK(r.code == ExitOk);
    CHECK(r.out.contains("--template"));
    CHECK(cli.run({"template", "--out", cli.file("house.odt"), "--page-size", "Letter"}).code == ExitOk);
    CHECK(cli.run({"template", "--out", cli.file("house.pdf")}).code == ExitUsage);
    CHECK_FALSE(std::filesystem::exists(cli.dir / "house.pdf"));

    CHECK(cli.run({"report", "2", "--out", cli.file("r.docx"), "--template", cli.file("house.docx")}).code ==
          ExitOk);
    CHECK(cli.run({"report", "2", "--out", cli.file("r.odt"), "--template", cli.file("house.odt")}).code ==
          ExitOk);
    // Refused, with nothing written: the wrong kind, a PDF, a missing file, the template as the output.
    r = cli.run({"report", "2", "--out", cli.file("x.odt"), "--template", cli.file("house.docx")});
    CHECK(r.code == ExitUsage);
    CHECK(r.err.contains("is a Word document; a .odt report takes an .odt or .ott house style"));
    r = cli.run({"report", "2", "--out", cli.file("x.pdf"), "--template", cli.file("house.docx")});
    CHECK(r.code == ExitUsage);
    r = cli.run({"report", "2", "--out", cli.file("x.docx"), "--template", cli.file("gone.docx")});
    CHECK(r.code == ExitBadInput);
    CHECK(r.err.trimmed().count('\n') == 0);
    CHECK(r.err.contains("gone.docx: no such file"));
    r = cli.run({"report", "2", "--out", cli.file("x.docx"), "--template", cli.db});
    CHECK(r.code == ExitBadInput);
    CHECK(r.err.contains("not a zip package"));
    for (const char* name : {"x.odt", "x.pdf", "x.docx"})
        CHECK_FALSE(std::filesystem::exists(cli.dir / name));
    const auto before = std::filesystem::file_size(cli.dir / "house.docx");
    r = cli.run({"report", "2", "--out", cli.file("house.docx"), "--template", cli.file("house.docx")});
    CHECK(r.code == ExitBadInput);
    CHECK(r.err.contains("is the house style itself"));
    CHECK(std::filesystem::file_size(cli.dir / "house.docx") == before);
}

TEST_CASE("the installed binary uses MATURITY_DB and exit codes", "[cli][process]") {
    CliFixture cli;
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("MATURITY_DB", cli.db);
    process.setProcessEnvironment(env);
    process.start(MW_CLI_BINARY, {"demo"});
    REQUIRE(process.waitForFinished(60000));
    CHECK(process.exitCode() == 0);
    CHECK(std::filesystem::exists(cli.dir / "cli.db"));
    process.start(MW_CLI_BINARY, {"score", "77"});
    REQUIRE(process.waitForFinished(60000));
    CHECK(process.exitCode() == 1);
    CHECK(QString::fromUtf8(process.readAllStandardError()).contains("no assessment with id 77"));
}

TEST_CASE("serve: the join line first, one answer per command, and a clean stop on quit or SIGTERM",
          "[cli][process]") {
    CliFixture cli;
    REQUIRE(cli.run({"demo"}).code == 0);
    QProcess serve;
    serve.start(MW_CLI_BINARY, {"--db", cli.db, "serve", "2", "--port", "0", "--bind", "127.0.0.1"});
    REQUIRE(serve.waitForStarted(10000));
    auto line = [&] {
        while (!serve.canReadLine())
            if (!serve.waitForReadyRead(30000))
                return QString();
        return QString::fromUtf8(serve.readLine()).trimmed();
    };
    const QString join = line();
    CHECK(QRegularExpression("^Join: http://127\\.0\\.0\\.1:\\d+/s/[0-9a-f]{32}/$").match(join).hasMatch());
    auto ask = [&](const char* command) {
        serve.write(command);
        serve.write("\n");
        return line();
    };
    CHECK(ask("open GO1").startsWith("open GO1: Is there a written statement"));
    CHECK(ask("status") == "joined 0 · open GO1 · 0 votes");
    CHECK(ask("reveal") == "revealed GO1: 0 votes · no votes");
    CHECK(ask("open NOPE").startsWith("error: unknown question 'NOPE'"));
    CHECK(ask("dance").startsWith("error: unknown command 'dance'"));
    CHECK(ask("close") == "closed GO1: 0 votes");
    CHECK(ask("quit") == "stopped");
    REQUIRE(serve.waitForFinished(10000));
    CHECK(serve.exitStatus() == QProcess::NormalExit);
    CHECK(serve.exitCode() == 0);

    // Stdin at its end: it keeps serving until SIGTERM, then stops cleanly.
    serve.start(MW_CLI_BINARY, {"--db", cli.db, "serve", "2", "--port", "0", "--bind", "127.0.0.1"});
    REQUIRE(serve.waitForStarted(10000));
    CHECK(line().startsWith("Join: "));
    serve.closeWriteChannel();
    CHECK_FALSE(serve.waitForFinished(500));
    serve.terminate();
    REQUIRE(serve.waitForFinished(10000));
    CHECK(serve.exitStatus() == QProcess::NormalExit);
    CHECK(serve.exitCode() == 0);

    // An unknown assessment: one line and exit 1, and no server.
    auto busy = cli.run({"serve", "77", "--port", "0"});
    CHECK(busy.code == 1);
    CHECK(busy.err.contains("no assessment with id 77"));
}

TEST_CASE("import takes many bundles in one transaction, and a refused one keeps none", "[cli][scale]") {
    CliFixture cli;
    REQUIRE(cli.run({"demo"}).code == ExitOk);
    REQUIRE(cli.run({"export", "1", "--out", cli.file("baseline.json")}).code == ExitOk);
    REQUIRE(cli.run({"export", "2", "--out", cli.file("follow-up.json")}).code == ExitOk);

    // The follow-up first: the baseline that arrives after it in the same command is linked to it.
    CliFixture fresh;
    auto r = fresh.run({"import", cli.file("follow-up.json"), cli.file("baseline.json")});
    REQUIRE(r.code == ExitOk);
    CHECK(r.out.contains("Imported 'IT/OT convergence follow-up' for Severn Vale Water as assessment #1 "
                         "(495 answers, new client)."));
    CHECK(r.out.contains("Imported 'IT/OT convergence baseline' for Severn Vale Water as assessment #2 "
                         "(42 answers, existing client)."));
    CHECK(r.out.contains("Imported 2 bundles in one transaction."));
    CHECK(fresh.run({"list"}).out.contains("#2"));

    // A bundle the database must refuse (the same assessment on another model version) refuses the whole
    // command, names its file, and keeps nothing of the bundles before it.
    auto other = nlohmann::json::parse(test::readBytes(cli.dir / "baseline.json"));
    other["assessment"]["uid"] = "a-third-assessment";
    test::writeBytes(cli.dir / "third.json", other.dump());
    auto clash = nlohmann::json::parse(test::readBytes(cli.dir / "follow-up.json"));
    clash["model"]["version"] = "9.0.0";
    test::writeBytes(cli.dir / "clash.json", clash.dump());
    const std::string before = test::readBytes(fresh.dir / "cli.db");
    r = fresh.run({"import", cli.file("third.json"), cli.file("clash.json")});
    CHECK(r.code == ExitBadInput);
    CHECK(r.err.contains("clash.json: cannot merge the bundle into assessment 1"));
    CHECK(r.err.contains("nothing was imported"));
    CHECK(fresh.run({"list"}).out.count("IT/OT convergence baseline") == 1); // the third was not kept
    CHECK(test::readBytes(fresh.dir / "cli.db") == before);
}
