// Benchmark: the workbench's portfolio at scale. Builds (or reuses) a portfolio database, then times, in one
// process: the store's listing against the raw SQL query of the same rows, the portfolio view's reload, and
// the filter per key stroke. Usage: bench_portfolio FOLDER [CLIENTS]; 5,715 clients give 10,000 assessments.
#include "main_window.hpp"
#include "portfolio_view.hpp"
#include "storage/demo.hpp"
#include "workspace.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <QApplication>
#include <QLineEdit>
#include <QTest>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
double ms(Clock::duration d) {
    return std::chrono::duration<double, std::milli>(d).count();
}

double median(std::vector<double> samples) {
    std::sort(samples.begin(), samples.end());
    return samples[samples.size() / 2];
}

template <typename F> double timed(F&& f) {
    const auto start = Clock::now();
    f();
    return ms(Clock::now() - start);
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_portfolio FOLDER [CLIENTS]\n");
        return 2;
    }
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int clients = argc > 2 ? std::atoi(argv[2]) : 5715;
    const auto path = std::filesystem::path(argv[1]) / ("bench-portfolio-" + std::to_string(clients) + ".db");
    if (!std::filesystem::exists(path)) {
        auto store = mw::Store::open(path);
        if (!store)
            return 1;
        const auto models = mw::ModelRegistry::withBuiltins();
        const double built = timed([&] {
            (void)mw::createDemo(*store, models);
            (void)mw::createPortfolio(*store, *models.find(mw::ModelRegistry::defaultModelId), clients);
        });
        std::printf("built a portfolio of %d clients in %.0f ms\n", clients, built);
    }
    std::size_t rows = 0;
    {
        auto store = mw::Store::open(path, mw::OpenMode::ExistingOnly);
        if (!store)
            return 1;
        std::vector<double> listing, raw;
        for (int i = 0; i < 7; ++i) {
            listing.push_back(timed([&] { rows = store->assessments()->size(); }));
            raw.push_back(timed([&] {
                SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
                SQLite::Statement q(db,
                                    "SELECT a.id, a.uid, a.client_id, c.name, a.title, a.date, a.assessor, "
                                    "a.status, a.baseline_id, a.model_id, a.model_version, a.question_count "
                                    "FROM assessments a JOIN clients c ON c.id = a.client_id "
                                    "ORDER BY c.name COLLATE NOCASE, a.date, a.id");
                std::size_t n = 0;
                while (q.executeStep())
                    ++n;
            }));
        }
        std::printf("assessments                          %zu, database %.1f KB per assessment\n", rows,
                    static_cast<double>(std::filesystem::file_size(path)) / 1024.0 /
                        static_cast<double>(rows));
        std::printf("list the assessments (store)         median %7.1f ms\n", median(listing));
        std::printf("the same rows, raw SQL, no counts    median %7.1f ms\n", median(raw));
    } // the store closes before the workbench opens the database

    // Open the database, build the main window and show it until it is exposed, in this process. (Offscreen,
    // a bare QMainWindow is exposed at once, so the ratio the issue asks for needs a real display.)
    std::vector<double> starts;
    for (int i = 0; i < 3; ++i)
        starts.push_back(timed([&] {
            mw::ui::Workspace opened;
            if (!opened.open(QString::fromStdString(path.string())))
                return;
            mw::ui::MainWindow shown(opened);
            shown.resize(1280, 720);
            shown.show();
            (void)QTest::qWaitForWindowExposed(&shown);
        }));
    std::printf("workbench open and shown (offscreen) median %7.1f ms\n", median(starts));

    mw::ui::Workspace workspace;
    if (!workspace.open(QString::fromStdString(path.string())))
        return 1;
    mw::ui::MainWindow window(workspace);
    window.resize(1280, 720);
    window.show();
    QApplication::processEvents();
    mw::ui::PortfolioView* portfolio = window.portfolio();
    std::vector<double> reloads;
    for (int i = 0; i < 5; ++i)
        reloads.push_back(timed([&] { portfolio->reload(); }));
    std::printf("portfolio view reload                median %7.1f ms\n", median(reloads));
    std::vector<double> strokes;
    for (const QString word : {"westbrook", "follow", "pharma"}) {
        for (int n = 1; n <= word.size(); ++n) {
            portfolio->filter()->setText(word.left(n));
            strokes.push_back(timed([&] {
                portfolio->applyFilter();
                QApplication::processEvents();
            }));
            if (std::getenv("BENCH_VERBOSE"))
                std::printf("  '%s' %.1f ms\n", qPrintable(word.left(n)), strokes.back());
        }
        portfolio->filter()->clear();
        portfolio->applyFilter();
    }
    std::printf("filter, one key stroke (%zu strokes) median %7.1f ms, max %.1f ms\n", strokes.size(),
                median(strokes), *std::max_element(strokes.begin(), strokes.end()));
    return 0;
}
