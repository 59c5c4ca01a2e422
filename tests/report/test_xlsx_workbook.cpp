// The workbook a client works in, read back as a spreadsheet program sees it (python3-openpyxl): levels
// whole, percentages as percentages, Status from a list, levels checked against the scale, every gap a
// formula of its levels, the chosen paper, the document's properties. Then a level changed in the file
// and the workbook recalculated by LibreOffice: the gap follows.
#include "report/exports.hpp"
#include "report_checks.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace mw;
using namespace mw::test;

namespace {

// What openpyxl reads from the workbook, as JSON.
const char* const kReadWorkbook = R"PY(
import json, sys, zipfile, openpyxl
book = openpyxl.load_workbook(sys.argv[1])
answers, scores, plan, gaps = book['Answers'], book['Dimension scores'], book['Action plan'], book['Gaps without action']
def validations(sheet):
    return [{'type': v.type, 'operator': v.operator, 'formula1': v.formula1, 'formula2': v.formula2,
             'ranges': str(v.sqref)} for v in sheet.data_validations.dataValidation]
app = zipfile.ZipFile(sys.argv[1]).read('docProps/app.xml').decode()
print(json.dumps({
    'paper': [s.page_setup.paperSize for s in book.worksheets],
    'current': [answers['D2'].value, answers['D2'].number_format],
    'currentName': answers['E2'].value,
    'gap': [answers['I2'].value, answers['I2'].number_format],
    'scoreGap': scores['G2'].value,
    'complete': [scores['J2'].value, scores['J2'].number_format],
    'openGap': gaps['H2'].value,
    'answerValidations': validations(answers),
    'planValidations': validations(plan),
    'title': book.properties.title, 'subject': book.properties.subject,
    'creator': book.properties.creator, 'keywords': book.properties.keywords,
    'company': '<Company>Northgate Advisory</Company>' in app,
}))
)PY";

// Sets one cell and saves the workbook again.
const char* const kChangeLevel = R"PY(
import sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1])
book['Answers'][sys.argv[2]] = float(sys.argv[3])
book.save(sys.argv[4])
)PY";

// Row 2's Current, Target and Gap from a CSV (the question's text may hold commas and quotes).
const char* const kCells = R"PY(
import csv, sys
row = list(csv.reader(open(sys.argv[1], encoding='utf-8')))[1]
print('|'.join([row[3], row[4], row[6], row[8]]))
)PY";

} // namespace

TEST_CASE("the workbook has whole levels, percentages, a Status list, gap formulas, the paper and properties",
          "[report][xlsx]") {
    DemoData demo;
    const auto xlsx = demo.dir / "follow-up.xlsx";
    ReportOptions options;
    options.pageSize = QPageSize::Letter;
    options.branding.consultancy = "Northgate Advisory";
    REQUIRE(writeXlsx(demo.followUp, QString::fromStdString(xlsx.string()), options).has_value());
    const Run read = run("/usr/bin/python3", {"-c", kReadWorkbook, QString::fromStdString(xlsx.string())});
    INFO(read.output.toStdString());
    REQUIRE(read.exitCode == 0);
    const auto book = nlohmann::json::parse(read.output.toStdString());

    CHECK(book["paper"] == nlohmann::json::array({1, 1, 1, 1, 1})); // US Letter on every sheet
    CHECK(book["current"][1] == "0");
    CHECK(
        book["currentName"] ==
        "=IF(ISNUMBER(D2),IFERROR(LOOKUP(D2,{0,1,2,3,4,5},{\"Absent\",\"Initial\",\"Developing\",\"Defined\","
        "\"Managed\",\"Optimised\"}),\"\"),\"\")");
    CHECK(book["gap"][0] == "=IF(AND(ISNUMBER(G2),ISNUMBER(D2)),G2-D2,\"\")");
    CHECK(book["gap"][1] == "0");
    CHECK(book["scoreGap"] == "=IF(AND(ISNUMBER(E2),ISNUMBER(C2)),E2-C2,\"\")");
    CHECK(book["openGap"] == "=IF(AND(ISNUMBER(G2),ISNUMBER(F2)),G2-F2,\"\")");
    CHECK(book["complete"][0].get<double>() == Approx(demo.followUp.scores.dimensions[0].completeness / 100));
    CHECK(book["complete"][1] == "0%");

    REQUIRE(book["answerValidations"].size() == 2);
    for (const auto& v : book["answerValidations"]) {
        CHECK(v["type"] == "decimal");
        CHECK(v["operator"].is_null()); // "between", the file format's default, is left out
        CHECK(v["formula1"] == "0");
        CHECK(v["formula2"] == "5");
    }
    const auto rows = std::to_string(demo.followUp.scores.questions.size() + 1);
    CHECK(book["answerValidations"][0]["ranges"] == "D2:D" + rows);
    CHECK(book["answerValidations"][1]["ranges"] == "G2:G" + rows);
    REQUIRE(book["planValidations"].size() == 1);
    CHECK(book["planValidations"][0]["type"] == "list");
    CHECK(book["planValidations"][0]["formula1"] == "\"planned,in-progress,done,dropped\"");
    CHECK(book["planValidations"][0]["ranges"] ==
          "G2:G" + std::to_string(demo.followUp.actions.size() + 101));

    CHECK(book["title"] == "Severn Vale Water - IT/OT convergence follow-up");
    CHECK(book["subject"] == "IT/OT convergence maturity assessment of " + demo.followUp.info.date);
    CHECK(book["creator"] == demo.followUp.info.assessor);
    CHECK(book["keywords"].get<std::string>().find("IT/OT convergence") != std::string::npos);
    CHECK(book["company"] == true);
}

TEST_CASE("a level changed in the workbook changes its gap when the spreadsheet recalculates",
          "[report][xlsx]") {
    DemoData demo;
    const auto xlsx = demo.dir / "follow-up.xlsx";
    REQUIRE(writeXlsx(demo.followUp, QString::fromStdString(xlsx.string())).has_value());
    // GO1 (row 2): current 3, target 4 in the demo follow-up. The client marks it down to 1.
    const auto& first = demo.followUp.scores.questions.front();
    REQUIRE(first.answer.current.has_value());
    const double target = first.effectiveTarget();
    const auto edited = demo.dir / "edited.xlsx";
    const Run changed = run("/usr/bin/python3", {"-c", kChangeLevel, QString::fromStdString(xlsx.string()),
                                                 "D2", "1", QString::fromStdString(edited.string())});
    REQUIRE(changed.exitCode == 0);
    const auto csv = convert(edited, "csv", demo.dir);
    const Run cells = run("/usr/bin/python3", {"-c", kCells, QString::fromStdString(csv.string())});
    REQUIRE(cells.exitCode == 0);
    INFO(cells.output.toStdString());
    // Current, its name, Target and Gap of GO1, as LibreOffice computed them after the change.
    const QStringList values = cells.output.trimmed().split('|');
    REQUIRE(values.size() == 4);
    CHECK(values[0].toDouble() == 1);
    CHECK(values[1] == QString::fromStdString(demo.followUp.model->levelLabel(1)));
    CHECK(values[2].toDouble() == target);
    CHECK(values[3].toDouble() == target - 1);
    CHECK(target - 1 != target - *first.answer.current); // the gap did change
}
