// Reports checked as a reader would: through poppler, qpdf and LibreOffice.
#include "core/action_csv.hpp"
#include "report/csv_export.hpp"
#include "report/exports.hpp"
#include "report_checks.hpp"
#include "storage/demo.hpp"
#include "support.hpp"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>

#include <algorithm>
#include <map>

using namespace mw;
using namespace mw::test;

TEST_CASE("the PDF maturity report has every section and passes qpdf", "[report][pdf]") {
    DemoData demo;
    const auto pdf = demo.dir / "report.pdf";
    ReportOptions options;
    options.branding.consultancy = "Northbridge Advisory";
    REQUIRE(writeReportPdf(demo.followUp, options, QString::fromStdString(pdf.string())).has_value());
    const QString text = flattened(pdfText(pdf));
    CHECK(text.contains("Severn Vale Water"));
    CHECK(text.contains("Northbridge Advisory"));
    for (const QString& title : kDimensionTitles)
        CHECK(text.contains(title));
    for (const char* section :
         {"Contents", "Executive summary", "Maturity profile", "Findings by dimension", "Action plan",
          "Gaps without an action", "Appendix", "How the scores are computed"})
        CHECK(text.contains(section));
    REQUIRE_FALSE(demo.followUp.gaps.empty());
    const QString topGap = QString::fromStdString(demo.followUp.gaps.front().questionText);
    CHECK(text.contains(topGap.left(40)));
    CHECK(text.contains("Page 1 of"));
    const int pages = pdfPages(pdf);
    CHECK(pages >= 8);
    CHECK(pages <= 40);
    CHECK(text.contains(QStringLiteral("Page %1 of %1").arg(pages)));
    const Run check = run("qpdf", {"--check", QString::fromStdString(pdf.string())});
    INFO(check.output.toStdString());
    CHECK(check.exitCode == 0);
    const Run fonts = run("pdffonts", {QString::fromStdString(pdf.string())});
    CHECK(fonts.output.contains("DejaVuSans"));
    for (const QString& line : fonts.output.split('\n').mid(2))
        if (!line.trimmed().isEmpty())
            CHECK(line.mid(line.indexOf("Identity-H") + 17, 3) == "yes"); // every font embedded
}

TEST_CASE("the contents page gives the pages the sections start on", "[report][pdf]") {
    DemoData demo;
    const auto pdf = demo.dir / "contents.pdf";
    REQUIRE(writeReportPdf(demo.followUp, {}, QString::fromStdString(pdf.string())).has_value());
    const QString path = QString::fromStdString(pdf.string());
    const QString contents = run("pdftotext", {"-f", "2", "-l", "2", "-layout", path, "-"}).output;
    for (const QString heading : {"Executive summary", "Maturity profile", "Findings by dimension",
                                  "Actions since the baseline", "Action plan", "Appendix"}) {
        INFO(heading.toStdString());
        const QRegularExpression row("^\\s*" + QRegularExpression::escape(heading) + "\\s+(\\d+)\\s*$",
                                     QRegularExpression::MultilineOption);
        const auto match = row.match(contents);
        REQUIRE(match.hasMatch());
        const QString page = match.captured(1);
        const QString text = run("pdftotext", {"-f", page, "-l", page, path, "-"}).output;
        CHECK(text.split('\n').contains(heading));
    }
}

TEST_CASE("every question appears in the findings and the appendix", "[report][pdf]") {
    DemoData demo;
    const auto pdf = demo.dir / "complete.pdf";
    REQUIRE(writeReportPdf(demo.followUp, {}, QString::fromStdString(pdf.string())).has_value());
    const QString text = pdfText(pdf);
    for (const auto* question : demo.model.allQuestions()) {
        INFO(question->id);
        CHECK(text.count(QString::fromStdString(question->id)) >= 2);
    }
}

TEST_CASE("US Letter reports are produced on Letter paper", "[report][pdf]") {
    DemoData demo;
    const auto pdf = demo.dir / "letter.pdf";
    ReportOptions options;
    options.pageSize = QPageSize::Letter;
    REQUIRE(writeReportPdf(demo.followUp, options, QString::fromStdString(pdf.string())).has_value());
    const Run info = run("pdfinfo", {QString::fromStdString(pdf.string())});
    CHECK(info.output.contains("612 x 792 pts"));
}

TEST_CASE("the comparison report shows deltas and both notes", "[report][pdf]") {
    DemoData demo;
    const auto pdf = demo.dir / "comparison.pdf";
    REQUIRE(writeComparisonPdf(demo.baseline, demo.followUp, {}, QString::fromStdString(pdf.string()))
                .has_value());
    const QString text = flattened(pdfText(pdf));
    CHECK(text.contains("progress review"));
    CHECK(text.contains("Change by dimension"));
    CHECK(text.contains("Improvements"));
    CHECK(text.contains("Regressions"));
    CHECK(text.contains("Every changed question"));
    for (const QString& title : kDimensionTitles)
        CHECK(text.contains(title));
    // Across versions (1.0.0 and 2.0.0), with the follow-up's index held by the safety-system floor.
    CHECK(text.contains("different model versions (1.0.0 and 2.0.0)"));
    CHECK(text.contains("IT/OT Convergence Maturity 1.0.0 → 2.0.0")); // the cover
    // The 13 questions only 2.0.0 asks are listed with their starting level and note, not left out.
    CHECK(text.contains("New in IT/OT Convergence Maturity 2.0.0"));
    CHECK(text.contains("asks 13 questions that IT/OT Convergence Maturity 1.0.0 did not"));
    CHECK(text.contains("SF1 Is the safety instrumented system kept independent"));
    CHECK(text.contains("1 · Initial"));
    CHECK(text.contains(
        "In the later assessment the overall index is held at 2.00 by a floor (2.15 without it): "
        "SF1 reads 1, below 2."));
    // MC4 declined in the demo: both of its notes appear.
    CHECK(text.contains("Interface backlog managed informally"));
    CHECK(text.contains("The SCADA team lead left in May"));
    CHECK(text.contains("Page 1 of"));
    CHECK(run("qpdf", {"--check", QString::fromStdString(pdf.string())}).exitCode == 0);
}

TEST_CASE("user text is printed literally, never interpreted as markup", "[report][escaping]") {
    DemoData demo;
    demo.followUp.client.name = "<b>x</b> Holdings";
    for (auto& answer : demo.followUp.answers)
        if (answer.questionId == "GO1")
            answer.note = "<img src=\"file:///etc/passwd\"> & <script>alert(1)</script>";
    const auto pdf = demo.dir / "escaped.pdf";
    REQUIRE(writeReportPdf(demo.followUp, {}, QString::fromStdString(pdf.string())).has_value());
    const QString text = flattened(pdfText(pdf));
    CHECK(text.contains("<b>x</b> Holdings"));
    CHECK(text.contains("<img src=\"file:///etc/passwd\"> & <script>alert(1)</script>"));
    CHECK_FALSE(text.contains("root:x:0:0"));
}

TEST_CASE("a table that runs over pages repeats its header and prints every row once", "[report][pdf]") {
    DemoData demo;
    for (int i = 1; i <= 90; ++i)
        demo.followUp.participants.push_back(
            {0, "Participant " + std::to_string(1000 + i), i % 2 ? "OT" : "IT", false, "", ""});
    demo.followUp.participants.push_back({0, "<b>Ana</b> & Co", "Business", false, "", ""});
    const auto pdf = demo.dir / "long-table.pdf";
    REQUIRE(writeReportPdf(demo.followUp, {}, QString::fromStdString(pdf.string())).has_value());
    const QString path = QString::fromStdString(pdf.string());
    const QRegularExpression header("^\\s*Id\\s+Name\\s+Group\\s+Role\\s*$",
                                    QRegularExpression::MultilineOption);
    int pagesWithRows = 0;
    for (int page = 1; page <= pdfPages(pdf); ++page) {
        const QString number = QString::number(page);
        const QString text = run("pdftotext", {"-f", number, "-l", number, "-layout", path, "-"}).output;
        if (!text.contains("Participant 1"))
            continue;
        INFO("page " << page);
        ++pagesWithRows;
        CHECK(header.match(text).hasMatch());
    }
    CHECK(pagesWithRows >= 2);
    const QString all = pdfText(pdf);
    for (int i = 1; i <= 90; ++i) {
        INFO(i);
        CHECK(all.count(QStringLiteral("Participant %1").arg(1000 + i)) == 1);
    }
    CHECK(all.contains("<b>Ana</b> & Co"));
}

TEST_CASE("a table cell taller than a page still prints in full", "[report][pdf]") {
    DemoData demo;
    std::string group;
    for (int i = 1; i <= 900; ++i)
        group += "site" + std::to_string(i) + " ";
    demo.followUp.participants.push_back({0, "Long list", group, false, "", ""});
    const auto pdf = demo.dir / "tall-cell.pdf";
    REQUIRE(writeReportPdf(demo.followUp, {}, QString::fromStdString(pdf.string())).has_value());
    const QString text = flattened(pdfText(pdf));
    for (const char* token : {"site1 ", "site450 ", "site899 ", "site900"})
        CHECK(text.contains(token));
    CHECK(wordsAcrossPageEdges(pdf).isEmpty());
}

TEST_CASE("no line of the reports is cut by a page edge or printed on two pages", "[report][pdf]") {
    DemoData demo;
    const auto report = demo.dir / "edges.pdf";
    REQUIRE(writeReportPdf(demo.followUp, {}, QString::fromStdString(report.string())).has_value());
    CHECK(wordsAcrossPageEdges(report).join(' ').toStdString() == "");
    CHECK(wordsBesideTheText(report).join(' ').toStdString() == "");
    const auto comparison = demo.dir / "edges-comparison.pdf";
    REQUIRE(writeComparisonPdf(demo.baseline, demo.followUp, {}, QString::fromStdString(comparison.string()))
                .has_value());
    CHECK(wordsAcrossPageEdges(comparison).join(' ').toStdString() == "");
    CHECK(wordsBesideTheText(comparison).join(' ').toStdString() == "");
}

TEST_CASE("table headers keep their words whole, in the PDF and in a word processor", "[report][odt]") {
    DemoData demo;
    const auto report = demo.dir / "headers.pdf";
    REQUIRE(writeReportPdf(demo.followUp, {}, QString::fromStdString(report.string())).has_value());
    CHECK(brokenHeaderWords(report).join(' ').toStdString() == "");
    const auto comparison = demo.dir / "headers-comparison.pdf";
    REQUIRE(writeComparisonPdf(demo.baseline, demo.followUp, {}, QString::fromStdString(comparison.string()))
                .has_value());
    CHECK(brokenHeaderWords(comparison).join(' ').toStdString() == "");
    // A word processor pads table cells more than the PDF does.
    const auto reportOdt = demo.dir / "headers.odt";
    REQUIRE(writeReportOdt(demo.followUp, {}, QString::fromStdString(reportOdt.string())).has_value());
    CHECK(brokenHeaderWords(convert(reportOdt, "pdf", demo.dir)).join(' ').toStdString() == "");
    const auto comparisonOdt = demo.dir / "headers-comparison.odt";
    REQUIRE(
        writeComparisonOdt(demo.baseline, demo.followUp, {}, QString::fromStdString(comparisonOdt.string()))
            .has_value());
    CHECK(brokenHeaderWords(convert(comparisonOdt, "pdf", demo.dir)).join(' ').toStdString() == "");
}

TEST_CASE("no heading ends a page without the line it heads", "[report][pdf]") {
    DemoData demo;
    const auto a4 = demo.dir / "headings.pdf";
    REQUIRE(writeReportPdf(demo.followUp, {}, QString::fromStdString(a4.string())).has_value());
    CHECK(headingsAtTheFootOfAPage(a4).join(" | ").toStdString() == "");
    ReportOptions letter;
    letter.pageSize = QPageSize::Letter;
    const auto us = demo.dir / "headings-letter.pdf";
    REQUIRE(writeReportPdf(demo.followUp, letter, QString::fromStdString(us.string())).has_value());
    CHECK(headingsAtTheFootOfAPage(us).join(" | ").toStdString() == "");
    const auto comparison = demo.dir / "headings-comparison.pdf";
    REQUIRE(writeComparisonPdf(demo.baseline, demo.followUp, {}, QString::fromStdString(comparison.string()))
                .has_value());
    CHECK(headingsAtTheFootOfAPage(comparison).join(" | ").toStdString() == "");
}

TEST_CASE("non-Latin text renders with embedded fonts", "[report][unicode]") {
    DemoData demo;
    demo.followUp.client.name = "Müller Wasser 東京 Ελλάδα";
    const auto pdf = demo.dir / "unicode.pdf";
    REQUIRE(writeReportPdf(demo.followUp, {}, QString::fromStdString(pdf.string())).has_value());
    const QString text = pdfText(pdf);
    CHECK(text.contains("Müller"));
    CHECK(text.contains("東京"));
    CHECK(text.contains("Ελλάδα"));
    const Run fonts = run("pdffonts", {QString::fromStdString(pdf.string())});
    CHECK(fonts.output.contains("CJK"));
}

TEST_CASE("the ODT report opens in LibreOffice with the same content", "[report][odt]") {
    DemoData demo;
    const auto odt = demo.dir / "report.odt";
    REQUIRE(writeReportOdt(demo.followUp, {}, QString::fromStdString(odt.string())).has_value());
    const auto pdf = convert(odt, "pdf", demo.dir);
    const QString text = flattened(pdfText(pdf));
    CHECK(text.contains("Severn Vale Water"));
    CHECK(text.contains("Executive summary"));
    for (const QString& title : kDimensionTitles)
        CHECK(text.contains(title));
    CHECK(text.contains(QString::fromStdString(demo.followUp.gaps.front().questionText).left(40)));
    // The report's font and size reach the word processor: the ODF writer leaves the document's default out,
    // and LibreOffice would set the text in its own default size. The body text of the converted ODT has the
    // size of the native PDF's.
    const auto native = demo.dir / "native.pdf";
    REQUIRE(writeReportPdf(demo.followUp, {}, QString::fromStdString(native.string())).has_value());
    CHECK(bodyTextSize(pdf) == bodyTextSize(native));
}

TEST_CASE("the ODT names the report's font and shades cells, never words", "[report][odt]") {
    DemoData demo;
    const auto odt = demo.dir / "styled.odt";
    REQUIRE(writeReportOdt(demo.followUp, {}, QString::fromStdString(odt.string())).has_value());
    // LibreOffice's flat XML shows the styles as a word processor reads them.
    QFile flat(QString::fromStdString(convert(odt, "fodt", demo.dir).string()));
    REQUIRE(flat.open(QIODevice::ReadOnly));
    const QString xml = QString::fromUtf8(flat.readAll());
    // A font called by its real name, not fontconfig's alias "Sans", which Windows and macOS do not know.
    CHECK(xml.contains("style:font-name=\"DejaVu Sans\""));
    CHECK_FALSE(xml.contains("style:font-name=\"Sans\""));
    // Header and stripe colours shade whole cells, as in the PDF; none is a highlight behind the words.
    CHECK(xml.contains(
        QRegularExpression(R"re(<style:table-cell-properties[^>]*fo:background-color="#dce6f0")re",
                           QRegularExpression::CaseInsensitiveOption)));
    CHECK(xml.contains(
        QRegularExpression(R"re(<style:table-cell-properties[^>]*fo:background-color="#f4f7fa")re",
                           QRegularExpression::CaseInsensitiveOption)));
    CHECK_FALSE(xml.contains(
        QRegularExpression(R"re(<style:text-properties[^>]*fo:background-color="#(dce6f0|f4f7fa)")re",
                           QRegularExpression::CaseInsensitiveOption)));
}

TEST_CASE("the XLSX workbook opens in LibreOffice with answers, scores and an action plan",
          "[report][xlsx]") {
    DemoData demo;
    const auto xlsx = demo.dir / "workbook.xlsx";
    REQUIRE(writeXlsx(demo.followUp, QString::fromStdString(xlsx.string())).has_value());
    // The first sheet (answers) as CSV.
    const auto csv = convert(xlsx, "csv", demo.dir);
    const QString answers = QString::fromUtf8(QByteArray::fromStdString(test::readBytes(csv)));
    INFO(answers.left(300).toStdString());
    CHECK(answers.startsWith("Dimension,Id,Question,Current"));
    CHECK(answers.contains("GO1"));
    CHECK(answers.contains("CI5"));
    CHECK(answers.contains("Industrial DMZ in service since May 2026"));
    // All three sheets, through a PDF of the whole workbook.
    const auto pdf = convert(xlsx, "pdf", demo.dir);
    const QString text = flattened(pdfText(pdf));
    CHECK(text.contains("Next step"));
    CHECK(text.contains("Owner"));
    CHECK(text.contains("Dan Okafor (OT security)"));
    CHECK(text.contains("Complete"));
    // The fourth sheet: one row per voice and question.
    CHECK(text.contains("Participant Group Role Level"));
    CHECK(text.contains("Gareth Lloyd OT Control systems engineer"));
}

TEST_CASE("the XLSX action plan, saved as CSV from a spreadsheet and edited, reads back into the plan",
          "[report][xlsx][actions]") {
    test::TempDir dir;
    auto store = Store::open(dir / "demo.db");
    REQUIRE(store.has_value());
    auto demo = createDemo(*store, test::builtinModels());
    REQUIRE(demo.has_value());
    const ReportData data = ReportData::fromBundle(*store->exportBundle(demo->followUpId));
    REQUIRE(data.actions.size() == 12);
    const auto xlsx = dir / "plan.xlsx";
    REQUIRE(writeXlsx(data, QString::fromStdString(xlsx.string())).has_value());
    // The third sheet, as LibreOffice saves it as CSV (UTF-8, comma, quoted text).
    const QString profile = "file://" + QString::fromStdString((dir / "lo-profile").string());
    const Run converted =
        run("soffice",
            {"-env:UserInstallation=" + profile, "--headless", "--convert-to",
             "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,3", "--outdir",
             QString::fromStdString(dir.path().string()), QString::fromStdString(xlsx.string())});
    REQUIRE(converted.exitCode == 0);
    const auto sheet = dir / "plan-Action plan.csv";
    REQUIRE(std::filesystem::exists(sheet));
    std::string csv = test::readBytes(sheet);
    INFO(csv.substr(0, 400));
    CHECK(csv.starts_with("Horizon,Priority,Questions,Title,Owner,Due,Status,Late,Note,Uid"));
    // The client marks the late boundary monitoring done and hands the file back.
    const std::string late = "2026-09-30,in-progress,yes,";
    const auto at = csv.find(late);
    REQUIRE(at != std::string::npos);
    csv.replace(at, late.size(), "2026-09-30,done,yes,");
    auto changed = readActionsCsv(csv, *store->actions(demo->followUpId));
    REQUIRE(changed.has_value());
    REQUIRE(changed->size() == 1);
    CHECK(changed->front().questionIds == std::vector<std::string>{"SB4"});
    REQUIRE(store->saveActions(demo->followUpId, *changed).has_value());
    const auto after = store->actions(demo->followUpId);
    CHECK(std::count_if(after->begin(), after->end(),
                        [](const Action& a) { return a.status == ActionStatus::Done; }) == 11);
}

TEST_CASE("the CSV export quotes and neutralises user text", "[report][csv]") {
    const Model model = test::fixtureModel("rubric-basic.json");
    Answer a = test::level("A1", 2, 4);
    a.note = "=HYPERLINK(\"http://x\"), \"quoted\"\nsecond line";
    const std::string csv = answersCsv(model, {a}, {{1, "Consensus", "All", true, "", ""}});
    CHECK(csv.find("\"'=HYPERLINK(\"\"http://x\"\"), \"\"quoted\"\"\nsecond line\"") != std::string::npos);
    CHECK(csv.find("Alpha,A1,Alpha one?,Consensus,2,Developing,no,4,Managed,2,medium,") != std::string::npos);
    CHECK(csv.find("Gamma,C1,Gamma one?,,,,,,,,,,") != std::string::npos);
}

TEST_CASE("the report shows the perception gap: each group's view, where IT and OT differ, every voice",
          "[report][pdf][voices]") {
    DemoData demo;
    const auto pdf = demo.dir / "perception.pdf";
    REQUIRE(writeReportPdf(demo.followUp, {}, QString::fromStdString(pdf.string())).has_value());
    const QString text = flattened(pdfText(pdf));
    CHECK(text.contains("IT and OT see the organisation most differently in Security, safety & continuity"));
    CHECK(text.contains("Perception gap 8 participants in 3 groups gave their own levels"));
    CHECK(text.contains("Dimension IT (3) OT (3) Business (2) Spread"));
    CHECK(text.contains("Where the room disagrees"));
    // A disagreement with each voice's own words, escaped as data.
    CHECK(text.contains("Gareth Lloyd (OT): Behind the DMZ the works are still one flat network"));
    CHECK(text.contains("Every participant's answers"));
    CHECK(text.contains("Id P1 P2 P3 P4 P5 P6 P7 P8"));
    CHECK(text.contains("P4 Gareth Lloyd OT Control systems engineer"));
    CHECK(wordsAcrossPageEdges(pdf).isEmpty());
    // The baseline recorded a consensus only: no such section.
    const auto baseline = demo.dir / "baseline.pdf";
    REQUIRE(writeReportPdf(demo.baseline, {}, QString::fromStdString(baseline.string())).has_value());
    const QString baselineText = flattened(pdfText(baseline));
    CHECK_FALSE(baselineText.contains("Perception gap"));
    CHECK_FALSE(baselineText.contains("IT and OT see"));
}

TEST_CASE("the report says which question a floor holds a score by, and names the floor in its method",
          "[report][pdf][floors]") {
    test::TempDir dir;
    Bundle bundle;
    bundle.client.name = "Severn Vale Water";
    bundle.assessment.title = "Floors";
    bundle.assessment.date = "2026-03-02";
    bundle.model = test::fixtureModel("rubric-floored.json");
    bundle.assessment.modelId = bundle.model.id;
    bundle.assessment.modelVersion = bundle.model.version;
    for (const auto* question : bundle.model.allQuestions()) {
        Answer answer;
        answer.questionId = question->id;
        answer.current = question->id == "A1" ? 1 : 4;
        answer.target = 5;
        bundle.answers.push_back(answer);
    }
    const auto pdf = dir / "floors.pdf";
    REQUIRE(
        writeReportPdf(ReportData::fromBundle(bundle), {}, QString::fromStdString(pdf.string())).has_value());
    const QString text = flattened(pdfText(pdf));
    CHECK(text.contains("The overall index is held at 2.00 by a floor"));
    CHECK(text.contains("Alpha is held at 2.00 by a floor (3.25 without it): A1 reads 1, below 2."));
    CHECK(text.contains("Floor 'containment': while A1 reads below 2 (Developing)"));
    CHECK(text.contains("An open path to control cannot be averaged away."));
}
