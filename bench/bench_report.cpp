// Benchmark: how long the reports take inside a running process, as the workbench writes them (the CLI adds
// its start-up, which scripts/bench.sh measures). Not a test: it reports figures for the README.
// Usage: bench_report [FOLDER]
#include "bench_demo.hpp"
#include "report/exports.hpp"

#include <QGuiApplication>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <vector>

using namespace mw;
using Clock = std::chrono::steady_clock;

namespace {

void measure(const char* what, int runs, const std::function<bool()>& work) {
    std::vector<double> samples;
    for (int i = 0; i < runs; ++i) {
        const auto start = Clock::now();
        if (!work()) {
            std::fprintf(stderr, "%s failed\n", what);
            std::exit(1);
        }
        samples.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    std::sort(samples.begin(), samples.end());
    std::printf("%-44s n=%-3d min %7.1f ms   median %7.1f ms   max %7.1f ms\n", what, runs, samples.front(),
                samples[samples.size() / 2], samples.back());
}

} // namespace

int main(int argc, char** argv) {
    const std::filesystem::path folder = argc > 1 ? argv[1] : std::filesystem::temp_directory_path();
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "minimal:enable_fonts:fontconfig");
    QGuiApplication app(argc, argv);
    auto bench = createBenchDemo(folder / "bench-report.db");
    if (!bench)
        return 1;
    Store& store = bench->store;
    const DemoOutcome& demo = bench->demo;
    const ReportData baseline = ReportData::fromBundle(*store.exportBundle(demo.baselineId));
    const ReportData followUp = ReportData::fromBundle(*store.exportBundle(demo.followUpId));
    const QString out = QString::fromStdString(folder.string());
    const ReportOptions options;
    const int runs = 15;
    // The first report also loads the fonts; a workbench has loaded them long before its first export.
    measure("first PDF report in a fresh process", 1,
            [&] { return writeReportPdf(followUp, options, out + "/bench.pdf").has_value(); });
    measure("PDF maturity report (demo follow-up)", runs,
            [&] { return writeReportPdf(followUp, options, out + "/bench.pdf").has_value(); });
    measure("PDF comparison report", runs, [&] {
        return writeComparisonPdf(baseline, followUp, options, out + "/bench-compare.pdf").has_value();
    });
    measure("ODT maturity report", runs,
            [&] { return writeReportOdt(followUp, options, out + "/bench.odt").has_value(); });
    measure("XLSX workbook", runs, [&] { return writeXlsx(followUp, out + "/bench.xlsx").has_value(); });
    return 0;
}
