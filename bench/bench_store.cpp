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
        for (int i = 0; i < 400; ++i) {
            const auto start = Clock::now();
            SQLite::Transaction transaction(raw);
            update.bind(1, "note " + std::to_string(i));
            update.exec();
            update.reset();
            transaction.commit();
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
    std::filesystem::remove(path);
    return 0;
}
