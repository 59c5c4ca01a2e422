// Evidence in the store: attached whole or not at all, each content kept once, limits that refuse before
// anything is written, removal recoverable until the next backup, follow-ups that start with the
// baseline's evidence, and bundles that say what each file is.
#include "storage/store.hpp"
#include "support.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <catch2/catch.hpp>

using namespace mw;

namespace {

struct Evidenced {
    test::TempDir dir;
    std::filesystem::path path = dir / "evidence.db";
    Model model = test::fixtureModel("rubric-basic.json");
    Store store = open();
    Id assessment = create("Baseline", {});

    Store open() {
        auto opened = Store::open(path);
        REQUIRE(opened.has_value());
        return std::move(*opened);
    }
    Id create(const std::string& title, std::optional<Id> baseline) {
        auto client = store.ensureClient("Acme Water");
        REQUIRE(client.has_value());
        auto id = store.createAssessment({client->id, title, "2026-03-01", "A. Assessor", baseline, &model});
        REQUIRE(id.has_value());
        return *id;
    }
    std::string question(std::size_t n) const { return model.allQuestions().at(n)->id; }
    std::filesystem::path file(const std::string& name, const std::string& bytes) {
        const auto at = dir / name;
        test::writeBytes(at, bytes);
        return at;
    }
    NewEvidence request(const std::filesystem::path& file, std::vector<std::string> questions = {}) {
        NewEvidence r;
        r.file = file;
        r.questionIds = std::move(questions);
        return r;
    }
    long rows(const std::string& table) {
        SQLite::Database db(path.string());
        return db.execAndGet("SELECT count(*) FROM " + table).getInt64();
    }
};

// A PNG's signature and header chunk: enough for libmagic to name it, whatever the file is called.
std::string pngBytes() {
    return std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x02\0\0\0\x90\x91h6", 33);
}

} // namespace

TEST_CASE("evidence is attached with its facts, typed from its content, and read back byte for byte",
          "[store][evidence]") {
    Evidenced e;
    // Named .txt, but a PNG: the content decides.
    const std::string bytes = pngBytes() + std::string(3 * 1024 * 1024 + 17, 'x');
    auto r = e.request(e.file("whiteboard.txt", bytes), {e.question(1), e.question(0)});
    r.title = "Workshop whiteboard";
    r.validOn = "2026-02-27";
    r.suppliedBy = "Dana (OT lead)";
    auto added = e.store.addEvidence(e.assessment, r);
    REQUIRE(added.has_value());
    CHECK(added->mediaType == "image/png");
    CHECK(added->size == static_cast<std::int64_t>(bytes.size()));
    CHECK(added->sha256 == sha256Hex(bytes));
    CHECK(added->fileName == "whiteboard.txt");

    auto listed = e.store.evidence(e.assessment);
    REQUIRE(listed.has_value());
    REQUIRE(listed->size() == 1);
    CHECK(listed->front() == *added);
    CHECK(listed->front().questionIds == std::vector<std::string>{e.question(1), e.question(0)});
    CHECK(e.rows("evidence_chunks") == 4); // 1 MiB chunks

    const auto out = e.dir / "copy.bin";
    REQUIRE(e.store.writeEvidenceFile(added->id, out).has_value());
    CHECK(test::readBytes(out) == bytes);
    CHECK_FALSE(std::filesystem::exists(e.dir / "copy.bin.partial"));

    // The title defaults to the file's name without its extension.
    auto untitled = e.store.addEvidence(e.assessment, e.request(e.file("asset register.csv", "tag,zone\n")));
    REQUIRE(untitled.has_value());
    CHECK(untitled->title == "asset register");
    CHECK(untitled->questionIds.empty());
}

TEST_CASE("the same content attached twice is stored once", "[store][evidence]") {
    Evidenced e;
    const auto photo = e.file("photo.png", pngBytes() + std::string(5000, 'p'));
    REQUIRE(e.store.addEvidence(e.assessment, e.request(photo, {e.question(0)})).has_value());
    const auto copy = e.file("same photo, other name.png", test::readBytes(photo));
    const Id other = e.create("Second site", {});
    REQUIRE(e.store.addEvidence(other, e.request(copy, {e.question(2)})).has_value());
    CHECK(e.rows("evidence") == 2);
    CHECK(e.rows("evidence_files") == 1);
    CHECK(e.rows("evidence_chunks") == 1);
}

TEST_CASE("a file over a limit, or a bad request, is refused and writes nothing", "[store][evidence]") {
    Evidenced e;
    REQUIRE(
        e.store.addEvidence(e.assessment, e.request(e.file("small.bin", std::string(600, 's')))).has_value());
    auto r = e.request(e.file("large.bin", std::string(2000, 'l')));
    r.limits.perFileBytes = 1000;
    auto refused = e.store.addEvidence(e.assessment, r);
    REQUIRE_FALSE(refused.has_value());
    CHECK_THAT(refused.error().message,
               Catch::Contains("large.bin is 2.0 KB, over the limit of 1000 bytes per "
                               "evidence file"));
    r.limits = {10'000, 2'500}; // 600 bytes attached already
    refused = e.store.addEvidence(e.assessment, r);
    REQUIRE_FALSE(refused.has_value());
    CHECK_THAT(refused.error().message, Catch::Contains("over its limit of 2.4 KB"));
    CHECK(e.rows("evidence") == 1);
    CHECK(e.rows("evidence_files") == 1);

    auto bad = e.request(e.file("x.bin", "x"), {"NO-SUCH-QUESTION"});
    CHECK_THAT(e.store.addEvidence(e.assessment, bad).error().message,
               Catch::Contains("the model has no question NO-SUCH-QUESTION"));
    bad = e.request(e.file("y.bin", "y"));
    bad.validOn = "31/03/2026";
    CHECK_THAT(e.store.addEvidence(e.assessment, bad).error().message, Catch::Contains("is not a date"));
    CHECK_THAT(e.store.addEvidence(e.assessment, e.request(e.dir / "missing.pdf")).error().message,
               Catch::Contains("no file at"));
    CHECK_THAT(e.store.addEvidence(e.assessment, e.request(e.dir.path())).error().message,
               Catch::Contains("is not a file"));
    CHECK_THAT(e.store.addEvidence(999, e.request(e.file("z.bin", "z"))).error().message,
               Catch::Contains("no assessment with id 999"));
    CHECK(e.rows("evidence") == 1);
    CHECK(e.rows("evidence_files") == 1);
}

TEST_CASE("removed evidence is recoverable until the next backup, which lets it and its file go",
          "[store][evidence]") {
    Evidenced e;
    auto kept =
        e.store.addEvidence(e.assessment, e.request(e.file("kept.pdf", "%PDF-1.4 kept"), {e.question(0)}));
    auto gone =
        e.store.addEvidence(e.assessment, e.request(e.file("gone.pdf", "%PDF-1.4 gone"), {e.question(0)}));
    REQUIRE(kept.has_value());
    REQUIRE(gone.has_value());
    auto removed = e.store.removeEvidence(gone->id);
    REQUIRE(removed.has_value());
    CHECK(removed->removed());
    CHECK(e.store.evidence(e.assessment)->size() == 1);
    CHECK(e.store.evidence(e.assessment, true)->size() == 2);
    CHECK_THAT(e.store.removeEvidence(gone->id).error().message, Catch::Contains("is removed already"));
    REQUIRE(e.store.restoreEvidence(gone->id).has_value());
    CHECK(e.store.evidence(e.assessment)->size() == 2);
    REQUIRE(e.store.removeEvidence(gone->id).has_value());

    // A daily backup holds the removed evidence; the database then lets it go, and its file with it.
    e.store.setDailyBackups({true, 14, [] { return std::string("2026-03-02"); }});
    EvidenceEdit retitle;
    retitle.title = "Signed charter";
    REQUIRE(e.store.editEvidence(kept->id, retitle).has_value());
    CHECK(e.store.backupProblem().empty());
    CHECK(e.store.evidence(e.assessment, true)->size() == 1);
    CHECK(e.rows("evidence_files") == 1);
    CHECK_THAT(e.store.restoreEvidence(gone->id).error().message, Catch::Contains("no evidence with id"));
    auto backup = Store::open(dailyBackupPath(e.path, "2026-03-02"));
    REQUIRE(backup.has_value());
    auto inBackup = backup->evidence(e.assessment, true);
    REQUIRE(inBackup->size() == 2);
    CHECK(inBackup->at(1).removed());
}

TEST_CASE("a follow-up starts with its baseline's evidence, marked as the baseline's", "[store][evidence]") {
    Evidenced e;
    auto charter =
        e.store.addEvidence(e.assessment, e.request(e.file("charter.pdf", "%PDF-1.4 c"), {e.question(0)}));
    REQUIRE(charter.has_value());
    auto removed =
        e.store.addEvidence(e.assessment, e.request(e.file("old.pdf", "%PDF-1.4 o"), {e.question(1)}));
    REQUIRE(e.store.removeEvidence(removed->id).has_value());
    const Id followUp = e.create("Follow-up", e.assessment);
    auto carried = e.store.evidence(followUp);
    REQUIRE(carried.has_value());
    REQUIRE(carried->size() == 1);
    CHECK(carried->front().fromBaseline());
    CHECK(carried->front().carriedFrom == charter->uid);
    CHECK(carried->front().uid != charter->uid);
    CHECK(carried->front().sha256 == charter->sha256);
    CHECK(carried->front().questionIds == charter->questionIds);
    CHECK(e.rows("evidence_files") == 2); // linked, not copied
    // Renewing it in the follow-up leaves the baseline's as it was.
    EvidenceEdit renewed;
    renewed.validOn = "2027-01-15";
    REQUIRE(e.store.editEvidence(carried->front().id, renewed).has_value());
    CHECK(e.store.evidence(e.assessment)->front().validOn.empty());
}

TEST_CASE("bundles say what each piece of evidence is, and its file is linked only where it is stored",
          "[store][evidence][bundle]") {
    Evidenced e;
    auto added = e.store.addEvidence(e.assessment,
                                     e.request(e.file("diagram.pdf", "%PDF-1.4 zones"), {e.question(0)}));
    REQUIRE(added.has_value());
    auto bundle = e.store.exportBundle(e.assessment);
    REQUIRE(bundle.has_value());
    REQUIRE(bundle->evidence.size() == 1);
    auto parsed = parseBundle(serializeBundle(*bundle), "bundle.json");
    REQUIRE(parsed.has_value());
    REQUIRE(parsed->evidence.size() == 1);
    CHECK(parsed->evidence.front().sha256 == added->sha256);
    CHECK(parsed->evidence.front().questionIds == added->questionIds);

    // Another database has no copy of the file: the evidence is left out, and counted.
    test::TempDir other;
    auto elsewhere = Store::open(other / "other.db");
    REQUIRE(elsewhere.has_value());
    auto outcome = elsewhere->importBundle(*parsed);
    REQUIRE(outcome.has_value());
    CHECK(outcome->addedEvidence == 0);
    CHECK(outcome->evidenceWithoutFile == 1);
    CHECK(elsewhere->evidence(outcome->assessmentId)->empty());

    // Merged back where the file is, the evidence already there is not added twice.
    auto again = e.store.importBundle(*parsed);
    REQUIRE(again.has_value());
    CHECK(again->merged);
    CHECK(again->alreadyPresent);
    CHECK(e.rows("evidence") == 1);
}

TEST_CASE("a bundle's evidence is checked like the store checks it", "[bundle][evidence]") {
    Evidenced e;
    REQUIRE(e.store.addEvidence(e.assessment, e.request(e.file("d.pdf", "%PDF-1.4"), {e.question(0)}))
                .has_value());
    const auto json = bundleToJson(*e.store.exportBundle(e.assessment));
    auto refusedWith = [&](const char* field, const nlohmann::json& value) {
        auto changed = json;
        changed["evidence"][0][field] = value;
        auto refused = bundleFromJson(changed);
        REQUIRE_FALSE(refused.has_value());
        return refused.error().message;
    };
    CHECK_THAT(refusedWith("sha256", "not-a-digest"), Catch::StartsWith("evidence[0].sha256: expected 64"));
    CHECK_THAT(refusedWith("size", -1), Catch::StartsWith("evidence[0].size: expected a whole number"));
    CHECK_THAT(refusedWith("questions", {"NOPE"}), Catch::Contains("the model has no question NOPE"));
    CHECK_THAT(refusedWith("participant", 42),
               Catch::StartsWith("evidence[0].participant: unknown participant"));
    CHECK_THAT(refusedWith("title", ""), Catch::StartsWith("evidence[0]"));
    CHECK(bundleFromJson(json).has_value());
}
