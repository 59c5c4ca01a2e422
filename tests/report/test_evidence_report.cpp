// Evidence in the documents: each question names what backs it, the appendix lists every file with its
// checksum, and the workbook's answers sheet counts and names them. Titles are text, never markup.
#include "report/exports.hpp"
#include "report_checks.hpp"
#include "storage/demo.hpp"
#include "storage/store.hpp"

#include <QBuffer>
#include <QImage>

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

namespace {

// A photo of the whiteboard: 1600 x 1200, so the report has to scale it down.
std::string photoBytes() {
    QImage image(1600, 1200, QImage::Format_RGB32);
    image.fill(QColor(200, 40, 40));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    REQUIRE(image.save(&buffer, "JPEG"));
    return bytes.toStdString();
}

} // namespace

TEST_CASE("the PDF can show each question's evidence photos, scaled, and never renders anything else",
          "[report][evidence]") {
    EvidencedDemo demo;
    auto store = Store::open(demo.dir / "demo.db");
    REQUIRE(store.has_value());
    writeBytes(demo.dir / "whiteboard.jpg", photoBytes());
    writeBytes(
        demo.dir / "zones.svg",
        R"(<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>)");
    for (const char* file : {"whiteboard.jpg", "zones.svg"}) {
        NewEvidence request;
        request.file = demo.dir / file;
        request.title = std::string("Photo <i>") + file + "</i>";
        request.questionIds = {"GO1"};
        REQUIRE(store->addEvidence(2, request).has_value());
    }
    const ReportData data = ReportData::fromBundle(*store->exportBundle(2));
    std::vector<std::string> asked;
    ReportOptions options;
    options.evidenceImages = [&](const Evidence& e) -> std::optional<std::string> {
        asked.push_back(e.fileName);
        return readBytes(demo.dir / e.fileName);
    };
    const auto pdf = demo.dir / "photos.pdf";
    REQUIRE(writeReportPdf(data, options, QString::fromStdString(pdf.string())).has_value());
    // Only the photo was read: the SVG and the PDF are listed by title, never rendered.
    CHECK(asked == std::vector<std::string>{"whiteboard.jpg"});
    const Run images = run("pdfimages", {"-list", QString::fromStdString(pdf.string())});
    const QStringList lines = images.output.split('\n', Qt::SkipEmptyParts);
    REQUIRE(lines.size() == 3); // the header lines and the photo
    const QStringList columns = lines[2].split(' ', Qt::SkipEmptyParts);
    INFO(lines[2].toStdString());
    CHECK(columns[3] == "900"); // decoded at 900 pixels across at most, 675 down
    CHECK(columns[4] == "675");
    // Shown 8 cm wide at most: pdfimages gives its resolution, 900 pixels over at most 3.15 inches.
    CHECK(columns[12].toInt() >= 280);
    const QString text = flattened(pdfText(pdf));
    CHECK(text.contains("Photo <i>whiteboard.jpg</i>"));
    CHECK(headingsAtTheFootOfAPage(pdf).isEmpty());

    // The ODT carries the photo as one more picture than without the option.
    const auto pictures = [&](const ReportOptions& with, const std::string& name) {
        const auto path = demo.dir / name;
        REQUIRE(writeReportOdt(data, with, QString::fromStdString(path.string())).has_value());
        const Run listing =
            run("/usr/bin/python3", {"-m", "zipfile", "-l", QString::fromStdString(path.string())});
        REQUIRE(listing.exitCode == 0);
        return listing.output.count(QStringLiteral("Pictures/"));
    };
    CHECK(pictures(options, "photos.odt") == pictures({}, "plain.odt") + 1);

    // Without the option, no picture at all.
    const auto plainPdf = demo.dir / "plain.pdf";
    REQUIRE(writeReportPdf(data, {}, QString::fromStdString(plainPdf.string())).has_value());
    CHECK(run("pdfimages", {"-list", QString::fromStdString(plainPdf.string())})
              .output.split('\n', Qt::SkipEmptyParts)
              .size() == 2);
}
