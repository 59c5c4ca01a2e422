// The follow-up's story and the action plan, read back from the PDF and the ODT as a reader would.
#include "report/exports.hpp"
#include "report_checks.hpp"

#include <QRegularExpression>

#include <algorithm>

using namespace mw;
using namespace mw::test;

namespace {

QString twoDecimals(double value) {
    return QString::number(value, 'f', 2);
}

QString signedTwoDecimals(double value) {
    return (value < 0 ? QString(QChar(0x2212)) : QStringLiteral("+")) + twoDecimals(std::abs(value));
}

std::filesystem::path writePdf(const ReportData& data, const TempDir& dir, const std::string& name) {
    const auto pdf = dir / name;
    const auto written = writeReportPdf(data, {}, QString::fromStdString(pdf.string()));
    INFO((written ? std::string() : written.error().message));
    REQUIRE(written.has_value());
    return pdf;
}

// The text of the pages from the one whose first line is `heading` up to the next section's.
QString section(const QString& text, const QString& heading, const QString& next) {
    const auto start =
        text.indexOf(QRegularExpression("\\n\\s*" + QRegularExpression::escape(heading) + "\\n"));
    REQUIRE(start >= 0);
    const auto end =
        text.indexOf(QRegularExpression("\\n\\s*" + QRegularExpression::escape(next) + "\\n"), start + 1);
    return text.mid(start, end < 0 ? -1 : end - start);
}

} // namespace

TEST_CASE("a follow-up's summary opens with the change since its baseline, and the radar shows the baseline",
          "[report][pdf][plan]") {
    DemoData demo;
    REQUIRE(demo.followUp.baseline.has_value());
    const Comparison& change = demo.followUp.baseline->change;
    REQUIRE(change.overallBefore.has_value());
    REQUIRE(change.overallAfter.has_value());
    const QString text = pdfText(writePdf(demo.followUp, demo.dir, "story.pdf"));
    const QString summary = flattened(section(text, "Executive summary", "Maturity profile"));
    const QString opening =
        QStringLiteral("Since the baseline of 18 November 2025 the overall index has moved "
                       "from %1 to %2, a change of %3.")
            .arg(twoDecimals(*change.overallBefore), twoDecimals(*change.overallAfter),
                 signedTwoDecimals(*change.overallDelta()));
    INFO(summary.toStdString());
    CHECK(summary.startsWith("Executive summary " + opening));
    // The two dimensions that rose most, largest first.
    const DimensionMoves moves = largestMoves(change, 2);
    REQUIRE(moves.rose.size() == 2);
    CHECK(summary.contains(
        QStringLiteral("Most progress: %1 (%2) and %3 (%4).")
            .arg(QString::fromStdString(moves.rose[0].title), signedTwoDecimals(*moves.rose[0].delta()),
                 QString::fromStdString(moves.rose[1].title), signedTwoDecimals(*moves.rose[1].delta()))));
    CHECK(
        summary.contains("Of the 12 actions agreed at the baseline, 10 are done, 1 is in progress and 1 was "
                         "dropped; 1 is past its due date."));

    const QString profile = flattened(section(text, "Maturity profile", "Perception gap"));
    CHECK(profile.contains("Baseline (2025-11-18)")); // the radar's legend
    CHECK(profile.contains("Dimension Baseline Score Change Level Target Gap Answered"));
    CHECK(profile.contains(QStringLiteral("Overall %1 %2 %3")
                               .arg(twoDecimals(*change.overallBefore), twoDecimals(*change.overallAfter),
                                    signedTwoDecimals(*change.overallDelta()))));

    // The baseline itself has no baseline: its summary starts with where it stands.
    const QString baseline = flattened(pdfText(writePdf(demo.baseline, demo.dir, "baseline.pdf")));
    CHECK_FALSE(baseline.contains("Since the baseline"));
    CHECK_FALSE(baseline.contains("Actions since the baseline"));
    CHECK(baseline.contains("Dimension Score Level Target Gap Answered"));
}

TEST_CASE("the report's action plan: a vector timeline, the actions by horizon, the gaps without one",
          "[report][pdf][plan]") {
    DemoData demo;
    const auto pdf = writePdf(demo.followUp, demo.dir, "plan.pdf");
    const QString plan = flattened(section(pdfText(pdf), "Action plan", "Appendix"));
    CHECK(
        plan.contains("The plan holds 12 actions: 10 are done, 1 is in progress and 1 was dropped; 1 is past "
                      "its due date."));
    // The timeline's quarters and legend are text in the page, not a picture.
    for (const char* word :
         {"Q1", "Q2", "Q3", "Q4", "2026", "Planned", "In progress", "Done", "Dropped", "Past due", "Today"})
        CHECK(plan.contains(word));
    const Run images = run("pdfimages", {"-list", QString::fromStdString(pdf.string())});
    CHECK(images.output.split('\n', Qt::SkipEmptyParts).size() == 2); // the header lines: no image at all

    CHECK(plan.contains("Action Questions Owner Due Status"));
    // The late one: in progress, its due date passed.
    const auto late = std::find_if(demo.followUp.actions.begin(), demo.followUp.actions.end(),
                                   [&](const Action& a) { return isLate(a, demo.followUp.today); });
    REQUIRE(late != demo.followUp.actions.end());
    CHECK(plan.contains(QString::fromStdString(late->title).left(30)));
    CHECK(plan.contains("In progress,"));
    CHECK(plan.count("past due") == 1); // its status: "In progress, past due", wrapped in its cell
    // Every gap no action serves is listed once, compactly, with its rank and next step.
    const auto served = questionsServed(demo.followUp.actions);
    std::size_t without = 0;
    for (std::size_t i = 0; i < demo.followUp.gaps.size(); ++i) {
        const Gap& g = demo.followUp.gaps[i];
        if (served.contains(g.questionId))
            continue;
        ++without;
        // The rank and the question's id open the row, whatever the cells' wrapping.
        const QString row = QStringLiteral("%1 %2 ").arg(i + 1).arg(QString::fromStdString(g.questionId));
        INFO(row.toStdString());
        CHECK(plan.contains(row));
    }
    CHECK(plan.contains(QStringLiteral("%1 gaps no action serves yet").arg(without)));
    CHECK(headingsAtTheFootOfAPage(pdf).isEmpty());
    CHECK(wordsAcrossPageEdges(pdf).isEmpty());
}

TEST_CASE(
    "the section on the baseline's actions gives each one's status and its questions' levels then and now",
    "[report][pdf][plan]") {
    DemoData demo;
    const QString text = pdfText(writePdf(demo.followUp, demo.dir, "since.pdf"));
    const QString since = flattened(section(text, "Actions since the baseline", "Findings by dimension"));
    CHECK(since.contains("At the baseline of 18 November 2025 the client agreed 12 actions. Of these, 10 are "
                         "done, 1 is in progress and 1 was dropped; 1 is past its due date."));
    CHECK(since.contains("Action Status Then \u2192 now Note"));
    CHECK(since.contains("The finished ones served 10 questions, and all 10 rose."));
    const auto outcomes = actionOutcomes(demo.followUp.actions, demo.followUp.baseline->change);
    REQUIRE(outcomes.size() == 12);
    for (const auto& outcome : outcomes)
        for (const auto& q : outcome.questions) {
            const QString change = QStringLiteral("%1 %2 \u2192 %3")
                                       .arg(QString::fromStdString(q.questionId))
                                       .arg(q.before ? QString::number(*q.before) : QStringLiteral("n/a"))
                                       .arg(q.after ? QString::number(*q.after) : QStringLiteral("n/a"));
            INFO(change.toStdString());
            CHECK(since.contains(change));
        }
}

TEST_CASE("the editable report carries the action plan and its timeline as a picture",
          "[report][odt][plan]") {
    DemoData demo;
    const auto odt = demo.dir / "plan.odt";
    REQUIRE(writeReportOdt(demo.followUp, {}, QString::fromStdString(odt.string())).has_value());
    // The timeline is a picture of its own: the same report without actions has one fewer.
    const auto pictures = [&](const ReportData& data, const std::string& name) {
        const auto path = demo.dir / name;
        REQUIRE(writeReportOdt(data, {}, QString::fromStdString(path.string())).has_value());
        const Run listing =
            run("/usr/bin/python3", {"-m", "zipfile", "-l", QString::fromStdString(path.string())});
        REQUIRE(listing.exitCode == 0);
        return listing.output.count(QStringLiteral("Pictures/"));
    };
    ReportData withoutActions = demo.followUp;
    withoutActions.actions.clear();
    CHECK(pictures(demo.followUp, "with.odt") == pictures(withoutActions, "without.odt") + 1);
    const auto pdf = convert(odt, "pdf", demo.dir);
    const QString text = flattened(pdfText(pdf));
    CHECK(text.contains("Since the baseline of 18 November 2025"));
    CHECK(text.contains("Actions since the baseline"));
    CHECK(text.contains("Gaps without an action"));
}
