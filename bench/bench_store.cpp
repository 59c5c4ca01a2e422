// Benchmark: how long one committed answer takes, and how long scoring and the portfolio listing take.
// Not a test: it reports figures for the README. Usage: bench_store [FOLDER]
#include "app/answers.hpp"
#include "app/workshop.hpp"
#include "bench_demo.hpp"
#include "core/gaps.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <vector>

using namespace mw;
using Clock = std::chrono::steady_clock;

static double ms(Clock::duration d) {
    return std::chrono::duration<double, std::milli>(d).count();
}

static void report(const char* what, std::vector<double> samples) {
    std::sort(samples.begin(), samples.end());
    const auto at = [&](double q) { return samples[static_cast<std::size_t>(q * (samples.size() - 1))]; };
    std::printf("%-44s n=%-5zu median %7.3f ms   p95 %7.3f ms   max %7.3f ms\n", what, samples.size(),
                at(0.5), at(0.95), samples.back());
}

int main(int argc, char** argv) {
    const std::filesystem::path folder = argc > 1 ? argv[1] : std::filesystem::temp_directory_path();
    const auto path = folder / "bench-store.db";
    auto bench = createBenchDemo(path);
    if (!bench)
        return 1;
    Store& store = bench->store;
    const Model& model = bench->model;
    const DemoOutcome& demo = bench->demo;
    const auto portfolioStart = Clock::now();
    auto created = createPortfolio(store, model, 500);
    std::printf("created a portfolio of %zu assessments in %.0f ms\n", created.value_or(0),
                ms(Clock::now() - portfolioStart));

    // The disk's floor, on the same folder: one UPDATE per committed transaction, WAL, synchronous=FULL.
    // Saving an answer can only be this fast; its ratio to the floor is what the code controls.
    std::vector<double> floor;
    {
        const auto floorPath = folder / "bench-floor.db";
        std::filesystem::remove(floorPath);
        SQLite::Database raw(floorPath.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        raw.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
                 "CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT); INSERT INTO t VALUES (1, '')");
        SQLite::Statement update(raw, "UPDATE t SET v = ? WHERE k = 1");
        // Untimed first: a new WAL file grows with every commit, and growing a file makes each sync pay for
        // the file system's metadata too. The store's WAL is already grown when its saves are timed.
        for (int i = -1200; i < 400; ++i) {
            const auto start = Clock::now();
            SQLite::Transaction transaction(raw);
            update.bind(1, "note " + std::to_string(i));
            update.exec();
            update.reset();
            transaction.commit();
            if (i >= 0)
                floor.push_back(ms(Clock::now() - start));
        }
    }
    report("floor: one UPDATE per transaction (raw)", floor);

    std::vector<double> saves;
    const auto questions = model.allQuestions();
    for (int i = 0; i < 400; ++i) {
        Answer a;
        a.questionId = questions[i % questions.size()]->id;
        a.current = model.scale[i % model.scale.size()].value;
        a.note = "Benchmark note " + std::to_string(i);
        const auto start = Clock::now();
        if (!store.saveAnswer(demo.followUpId, a))
            return 1;
        saves.push_back(ms(Clock::now() - start));
    }
    report("save one answer (committed, synchronous=FULL)", saves);

    // The path every front door takes: the answer rules, the stored answer read back, then the same save.
    auto workspace = app::Workspace::open(path);
    if (!workspace)
        return 1;
    std::vector<double> recorded;
    for (int i = 0; i < 400; ++i) {
        const auto edit = AnswerEdit::setLevel(model.scale[i % model.scale.size()].value);
        const auto start = Clock::now();
        if (!app::recordAnswer(*workspace, demo.followUpId, questions[i % questions.size()]->id, edit))
            return 1;
        recorded.push_back(ms(Clock::now() - start));
    }
    report("record one answer (app::recordAnswer)", recorded);

    // Workshop mode: one voice of a room of eight, as the voice strip records it.
    auto voice = app::addParticipant(*workspace, demo.followUpId, "Bench voice", "OT");
    if (!voice)
        return 1;
    std::vector<double> voices;
    for (int i = 0; i < 400; ++i) {
        const auto edit = AnswerEdit::setLevel(model.scale[(i + 1) % model.scale.size()].value);
        const auto start = Clock::now();
        if (!app::recordAnswer(*workspace, demo.followUpId, questions[i % questions.size()]->id, edit,
                               voice->id))
            return 1;
        voices.push_back(ms(Clock::now() - start));
    }
    report("record one voice (app::recordAnswer)", voices);

    std::vector<double> scoring;
    const auto answers = *store.answers(demo.followUpId);
    for (int i = 0; i < 200; ++i) {
        const auto start = Clock::now();
        const auto card = computeScores(model, answers);
        const auto gaps = rankGaps(model, card);
        scoring.push_back(ms(Clock::now() - start));
    }
    report(("score + rank gaps, " + std::to_string(questions.size()) + " questions").c_str(), scoring);

    std::vector<double> listing;
    for (int i = 0; i < 20; ++i) {
        const auto start = Clock::now();
        const auto list = store.assessments();
        listing.push_back(ms(Clock::now() - start));
    }
    report("list 877 assessments with completeness", listing);

    // Bulk import: 1,000 bundles (the demo baseline under 1,000 names) in one transaction, as
    // `maturity import FILE...` does, against raw SQLite inserting the same rows in one transaction.
    const Bundle baseline = *store.exportBundle(demo.baselineId);
    std::vector<Bundle> bundles(1000, baseline);
    std::vector<Store::NamedBundle> named;
    std::size_t answerRows = 0;
    for (std::size_t i = 0; i < bundles.size(); ++i) {
        bundles[i].assessment.uid = "bulk-" + std::to_string(i);
        bundles[i].client.name = "Bulk client " + std::to_string(i);
        bundles[i].baselineUid.reset();
        answerRows += bundles[i].answers.size();
        named.push_back({"bundle " + std::to_string(i), &bundles[i]});
    }
    const auto importPath = folder / "bench-import.db";
    std::filesystem::remove(importPath);
    auto target = Store::open(importPath);
    if (!target)
        return 1;
    const auto importStart = Clock::now();
    if (!target->importBundles(named))
        return 1;
    const double imported = ms(Clock::now() - importStart);
    const auto rawPath = folder / "bench-import-raw.db";
    std::filesystem::remove(rawPath);
    double raw = 0;
    {
        SQLite::Database db(rawPath.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
                "CREATE TABLE clients (id INTEGER PRIMARY KEY, name TEXT UNIQUE);"
                "CREATE TABLE assessments (id INTEGER PRIMARY KEY, uid TEXT UNIQUE, client_id INTEGER, title "
                "TEXT);"
                "CREATE TABLE participants (id INTEGER PRIMARY KEY, assessment_id INTEGER, name TEXT);"
                "CREATE TABLE answers (assessment_id INTEGER, question_id TEXT, participant_id INTEGER, "
                "current REAL, target REAL, note TEXT, PRIMARY KEY (assessment_id, question_id, "
                "participant_id))");
        const auto rawStart = Clock::now();
        SQLite::Transaction transaction(db);
        SQLite::Statement client(db, "INSERT INTO clients (name) VALUES (?)");
        SQLite::Statement assessment(db, "INSERT INTO assessments (uid, client_id, title) VALUES (?,?,?)");
        SQLite::Statement participant(db, "INSERT INTO participants (assessment_id, name) VALUES (?,?)");
        SQLite::Statement answer(db, "INSERT INTO answers VALUES (?,?,?,?,?,?)");
        for (const auto& b : bundles) {
            client.bind(1, b.client.name);
            client.exec();
            client.reset();
            assessment.bind(1, b.assessment.uid);
            assessment.bind(2, static_cast<int64_t>(db.getLastInsertRowid()));
            assessment.bind(3, b.assessment.title);
            assessment.exec();
            assessment.reset();
            const int64_t assessmentId = db.getLastInsertRowid();
            participant.bind(1, assessmentId);
            participant.bind(2, b.participants.front().name);
            participant.exec();
            participant.reset();
            const int64_t participantId = db.getLastInsertRowid();
            for (const auto& a : b.answers) {
                answer.bind(1, assessmentId);
                answer.bind(2, a.questionId);
                answer.bind(3, participantId);
                answer.bind(4, a.current.value_or(-1));
                answer.bind(5, a.target.value_or(-1));
                answer.bind(6, a.note);
                answer.exec();
                answer.reset();
            }
        }
        transaction.commit();
        raw = ms(Clock::now() - rawStart);
    }
    // The second floor: raw SQLite writing the same rows into the product's own schema (its foreign keys,
    // indexes and the answered-count triggers), with one prepared statement per table. What lies between
    // the two floors is the schema's integrity; what lies above this one is the store's code.
    const auto schemaPath = folder / "bench-import-schema.db";
    std::filesystem::remove(schemaPath);
    if (!Store::open(schemaPath))
        return 1;
    double rawSchema = 0;
    {
        SQLite::Database db(schemaPath.string(), SQLite::OPEN_READWRITE);
        db.exec("PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;");
        const auto rawStart = Clock::now();
        SQLite::Transaction transaction(db);
        const Model& bundleModel = bundles.front().model;
        SQLite::Statement snapshot(db, "INSERT INTO model_snapshots (model_id, model_version, digest, "
                                       "model_json) VALUES (?,?,'bench',?)");
        snapshot.bind(1, bundleModel.id);
        snapshot.bind(2, bundleModel.version);
        snapshot.bind(3, bundleModel.source.dump());
        snapshot.exec();
        const int64_t snapshotId = db.getLastInsertRowid();
        SQLite::Statement client(db,
                                 "INSERT INTO clients (name, sector, notes, created_at) VALUES (?,?,?,?)");
        SQLite::Statement assessment(
            db, "INSERT INTO assessments (uid, client_id, title, date, assessor, status, model_id, "
                "model_version, snapshot_id, question_count, created_at, updated_at) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
        SQLite::Statement participant(db, "INSERT INTO participants (assessment_id, name, grp, is_default, "
                                          "uid, role) VALUES (?,?,?,?,?,?)");
        SQLite::Statement answer(db, "INSERT INTO answers (assessment_id, question_id, participant_id, "
                                     "current, not_applicable, target, note, confidence, updated_at, origin) "
                                     "VALUES (?,?,?,?,?,?,?,?,?,?)");
        for (const auto& b : bundles) {
            client.bind(1, b.client.name);
            client.bind(2, b.client.sector);
            client.bind(3, b.client.notes);
            client.bind(4, b.assessment.date);
            client.exec();
            client.reset();
            assessment.bind(1, b.assessment.uid);
            assessment.bind(2, static_cast<int64_t>(db.getLastInsertRowid()));
            assessment.bind(3, b.assessment.title);
            assessment.bind(4, b.assessment.date);
            assessment.bind(5, b.assessment.assessor);
            assessment.bind(6, "draft");
            assessment.bind(7, b.model.id);
            assessment.bind(8, b.model.version);
            assessment.bind(9, snapshotId);
            assessment.bind(10, static_cast<int64_t>(b.model.questionCount()));
            assessment.bind(11, b.assessment.date);
            assessment.bind(12, b.assessment.date);
            assessment.exec();
            assessment.reset();
            const int64_t assessmentId = db.getLastInsertRowid();
            std::vector<int64_t> participantIds;
            for (const auto& p : b.participants) {
                participant.bind(1, assessmentId);
                participant.bind(2, p.name);
                participant.bind(3, p.group);
                participant.bind(4, p.isDefault ? 1 : 0);
                participant.bind(5, p.uid + b.assessment.uid);
                participant.bind(6, p.role);
                participant.exec();
                participant.reset();
                participantIds.push_back(db.getLastInsertRowid());
            }
            for (const auto& a : b.answers) {
                answer.bind(1, assessmentId);
                answer.bind(2, a.questionId);
                answer.bind(3, participantIds.at(static_cast<std::size_t>(a.participantId - 1)));
                if (a.current && !a.notApplicable)
                    answer.bind(4, *a.current);
                answer.bind(5, a.notApplicable ? 1 : 0);
                if (a.target)
                    answer.bind(6, *a.target);
                answer.bind(7, a.note);
                answer.bind(8, "medium");
                answer.bind(9, a.updatedAt);
                answer.bind(10, a.origin);
                answer.exec();
                answer.reset();
                answer.clearBindings();
            }
        }
        transaction.commit();
        rawSchema = ms(Clock::now() - rawStart);
    }
    std::printf(
        "import 1,000 bundles in one transaction  %.0f ms, %.0f answers/s; raw SQLite, same rows: %.0f ms, "
        "%.0f answers/s (%.2f of its rate); raw SQLite into this schema: %.0f ms (%.2f of its rate)\n",
        imported, answerRows / imported * 1000, raw, answerRows / raw * 1000, raw / imported, rawSchema,
        rawSchema / imported);
    std::filesystem::remove(schemaPath);
    std::filesystem::remove(importPath);
    std::filesystem::remove(rawPath);
    std::filesystem::remove(path);
    return 0;
}
