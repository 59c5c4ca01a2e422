// Evidence in the documents: each question names what backs it, the appendix lists every file with its
// checksum, and the workbook's answers sheet counts and names them. Titles are text, never markup.
#include "report/exports.hpp"
#include "report_checks.hpp"
#include "storage/demo.hpp"
#include "storage/store.hpp"

#include <catch2/catch.hpp>

using namespace mw;
using namespace mw::test;

namespace {

struct EvidencedDemo {
    TempDir dir;
    ReportData data;
    Evidence drawing;
    EvidencedDemo() {
        auto store = Store::open(dir / "demo.db");
        REQUIRE(store.has_value());
        auto demo = createDemo(*store, builtinModels());
        REQUIRE(demo.has_value());
        writeBytes(dir / "zones.pdf", "%PDF-1.4\n% zones and conduits\n");
        NewEvidence request;
        request.file = dir / "zones.pdf";
        request.title = "Zone <b>drawing</b> & conduits";
        request.validOn = "2026-10-01";
        request.questionIds = {"SB1", "SB2"};
        auto added = store->addEvidence(demo->followUpId, request);
        REQUIRE(added.has_value());
        drawing = *added;
        data = ReportData::fromBundle(*store->exportBundle(demo->followUpId));
    }
};

} // namespace

TEST_CASE("the PDF names each question's evidence and lists every file with its checksum",
          "[report][evidence]") {
    EvidencedDemo demo;
    REQUIRE(demo.data.evidence.size() == 1);
    const auto pdf = demo.dir / "report.pdf";
    REQUIRE(writeReportPdf(demo.data, {}, QString::fromStdString(pdf.string())).has_value());
    const QString text = flattened(pdfText(pdf));
    CHECK(text.count("Evidence files: Zone <b>drawing</b> & conduits (valid on 2026-10-01)") == 2);
    CHECK(text.contains("Evidence files Every file kept with the assessment"));
    CHECK(text.contains(QString::fromStdString(demo.drawing.sha256.substr(0, 16))));
    CHECK(text.contains(QString::fromStdString(demo.drawing.sha256.substr(48, 16))));
    CHECK(text.contains("zones.pdf SB1, SB2 30 bytes"));
    CHECK(headingsAtTheFootOfAPage(pdf).isEmpty());
}

TEST_CASE("the workbook's answers sheet counts and names each question's evidence",
          "[report][evidence][xlsx]") {
    EvidencedDemo demo;
    const auto xlsx = demo.dir / "answers.xlsx";
    REQUIRE(writeXlsx(demo.data, QString::fromStdString(xlsx.string())).has_value());
    const QString profile = "file://" + QString::fromStdString((demo.dir / "lo-profile").string());
    const Run converted =
        run("soffice",
            {"-env:UserInstallation=" + profile, "--headless", "--convert-to",
             "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,1", "--outdir",
             QString::fromStdString(demo.dir.path().string()), QString::fromStdString(xlsx.string())});
    REQUIRE(converted.exitCode == 0);
    const std::string csv = readBytes(demo.dir / "answers-Answers.csv");
    INFO(csv.substr(0, 300));
    REQUIRE(csv.find("Notes and evidence,Evidence files,Evidence\n") != std::string::npos);
    std::size_t rowsWithEvidence = 0;
    const std::string cells = ",1,Zone <b>drawing</b> & conduits (valid on 2026-10-01)\n";
    for (std::size_t at = csv.find(cells); at != std::string::npos; at = csv.find(cells, at + 1))
        ++rowsWithEvidence;
    CHECK(rowsWithEvidence == 2);
    CHECK(csv.find(",0,\n") != std::string::npos); // questions without evidence count none
}
