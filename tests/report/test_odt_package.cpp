// The ODT as a word processor opens it: its own page (the chosen paper, 2 cm margins), a running header
// with the client and assessment, "Page N of M" as fields in the footer, and the document's metadata, all
// named in the manifest. Client names are text in the XML, never markup.
#include "report/exports.hpp"
#include "report_checks.hpp"

#include <catch2/catch.hpp>

using namespace mw;
using namespace mw::test;

namespace {

std::string entry(const std::filesystem::path& zip, const std::string& name) {
    const Run read =
        run("/usr/bin/python3", {"-c",
                                 "import sys, zipfile\n"
                                 "sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2])"
                                 ".decode())\n",
                                 QString::fromStdString(zip.string()), QString::fromStdString(name)});
    REQUIRE(read.exitCode == 0);
    return read.output.toStdString();
}

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

} // namespace

TEST_CASE("the ODT carries its page, running header, page numbers and metadata", "[report][odt]") {
    DemoData demo;
    ReportData data = demo.followUp;
    data.client.name = "Severn <b>Vale</b> & Co";
    ReportOptions options;
    options.pageSize = QPageSize::Letter;
    options.branding.consultancy = "Northgate Advisory";
    const auto odt = demo.dir / "follow-up.odt";
    REQUIRE(writeReportOdt(data, options, QString::fromStdString(odt.string())).has_value());

    const std::string styles = entry(odt, "styles.xml");
    INFO(styles.substr(0, 1500));
    CHECK(has(styles, R"(fo:page-width="21.59cm" fo:page-height="27.94cm")"));
    CHECK(has(styles, R"(fo:margin-left="2cm")"));
    CHECK(has(styles, R"(<style:master-page style:name="Standard" style:page-layout-name="ReportPage">)"));
    CHECK(
        has(styles,
            "Severn &lt;b&gt;Vale&lt;/b&gt; &amp; Co - IT/OT convergence follow-up  ·  Northgate Advisory"));
    CHECK(has(styles, R"(Page <text:page-number text:select-page="current">1</text:page-number> of )"
                      R"(<text:page-count>1</text:page-count>)"));
    const std::string meta = entry(odt, "meta.xml");
    CHECK(has(meta,
              "<dc:title>Severn &lt;b&gt;Vale&lt;/b&gt; &amp; Co - IT/OT convergence follow-up</dc:title>"));
    CHECK(has(meta, "<dc:subject>IT/OT convergence maturity assessment</dc:subject>"));
    CHECK(has(meta, "<meta:initial-creator>" + data.info.assessor + "</meta:initial-creator>"));
    CHECK(has(meta, "<dc:date>" + data.info.date + "T00:00:00</dc:date>"));
    const std::string manifest = entry(odt, "META-INF/manifest.xml");
    CHECK(has(manifest, R"(manifest:full-path="styles.xml")"));
    CHECK(has(manifest, R"(manifest:full-path="meta.xml")"));
    CHECK(has(manifest, R"(manifest:full-path="content.xml")"));

    // As LibreOffice lays it out: US Letter, and every page numbered "Page N of M" under the header.
    const auto pdf = convert(odt, "pdf", demo.dir);
    const Run info = run("pdfinfo", {QString::fromStdString(pdf.string())});
    CHECK(info.output.contains("612 x 792 pts (letter)"));
    const QStringList pages = pdfText(pdf).split('\f', Qt::SkipEmptyParts);
    REQUIRE(pages.size() > 10);
    for (int i = 0; i < pages.size(); ++i) {
        INFO("page " << i + 1);
        CHECK(pages[i].contains(QStringLiteral("Page %1 of %2").arg(i + 1).arg(pages.size())));
        CHECK(pages[i].contains("Severn <b>Vale</b> & Co - IT/OT convergence follow-up"));
    }
}

TEST_CASE("the comparison ODT is laid out on A4 with its own title", "[report][odt]") {
    DemoData demo;
    const auto odt = demo.dir / "review.odt";
    REQUIRE(writeComparisonOdt(demo.baseline, demo.followUp, {}, QString::fromStdString(odt.string()))
                .has_value());
    CHECK(has(entry(odt, "styles.xml"), R"(fo:page-width="21.00cm" fo:page-height="29.70cm")"));
    CHECK(has(entry(odt, "meta.xml"), "<dc:title>Severn Vale Water - progress review</dc:title>"));
}
