// The ODT as a word processor opens it: its own page (the chosen paper, 2 cm margins), a running header
// with the client and assessment, "Page N of M" as fields in the footer, the document's metadata, all
// named in the manifest; headings with outline levels and bookmarks, a table of contents it can update,
// and no heading left at the foot of a page. Client names are text in the XML, never markup.
#include "report/exports.hpp"
#include "report_checks.hpp"

#include <QRegularExpression>

#include <catch2/catch.hpp>

using namespace mw;
using namespace mw::test;

TEST_CASE("the ODT carries its page, running header, page numbers and metadata", "[report][odt]") {
    DemoData demo;
    ReportData data = demo.followUp;
    data.client.name = "Severn <b>Vale</b> & Co";
    ReportOptions options;
    options.pageSize = QPageSize::Letter;
    options.branding.consultancy = "Northgate Advisory";
    const auto odt = demo.dir / "follow-up.odt";
    REQUIRE(writeReportOdt(data, options, QString::fromStdString(odt.string())).has_value());

    const std::string styles = zipEntry(odt, "styles.xml");
    INFO(styles.substr(0, 1500));
    CHECK(contains(styles, R"(fo:page-width="21.59cm" fo:page-height="27.94cm")"));
    CHECK(contains(styles, R"(fo:margin-left="2cm")"));
    CHECK(
        contains(styles, R"(<style:master-page style:name="Standard" style:page-layout-name="ReportPage">)"));
    CHECK(contains(
        styles,
        "Severn &lt;b&gt;Vale&lt;/b&gt; &amp; Co - IT/OT convergence follow-up  ·  Northgate Advisory"));
    CHECK(contains(styles, R"(Page <text:page-number text:select-page="current">1</text:page-number> of )"
                           R"(<text:page-count>1</text:page-count>)"));
    const std::string meta = zipEntry(odt, "meta.xml");
    CHECK(contains(
        meta, "<dc:title>Severn &lt;b&gt;Vale&lt;/b&gt; &amp; Co - IT/OT convergence follow-up</dc:title>"));
    CHECK(contains(meta, "<dc:subject>IT/OT convergence maturity assessment</dc:subject>"));
    CHECK(contains(meta, "<meta:initial-creator>" + data.info.assessor + "</meta:initial-creator>"));
    CHECK(contains(meta, "<dc:date>" + data.info.date + "T00:00:00</dc:date>"));
    const std::string manifest = zipEntry(odt, "META-INF/manifest.xml");
    CHECK(contains(manifest, R"(manifest:full-path="styles.xml")"));
    CHECK(contains(manifest, R"(manifest:full-path="meta.xml")"));
    CHECK(contains(manifest, R"(manifest:full-path="content.xml")"));

    // As LibreOffice lays it out: US Letter, and every page after the cover numbered "Page N of M" under
    // the header; the cover on a page of its own with neither.
    const auto pdf = convert(odt, "pdf", demo.dir);
    const Run info = run("pdfinfo", {QString::fromStdString(pdf.string())});
    CHECK(info.output.contains("612 x 792 pts (letter)"));
    const QStringList pages = pdfText(pdf).split('\f', Qt::SkipEmptyParts);
    REQUIRE(pages.size() > 10);
    for (int i = 1; i < pages.size(); ++i) {
        INFO("page " << i + 1);
        CHECK(pages[i].contains(QStringLiteral("Page %1 of %2").arg(i + 1).arg(pages.size())));
        CHECK(pages[i].contains("Severn <b>Vale</b> & Co - IT/OT convergence follow-up"));
    }
    CHECK_FALSE(pages[0].contains("Page 1 of"));
    CHECK_FALSE(pages[0].contains("Severn <b>Vale</b> & Co - IT/OT convergence follow-up"));
    CHECK(contains(zipEntry(odt, "styles.xml"), R"(style:name="MW_20_Cover")"));
}

TEST_CASE("the ODT's headings are headings: outline levels, Heading styles, bookmarks in LibreOffice's PDF",
          "[report][odt]") {
    DemoData demo;
    const auto odt = demo.dir / "outline.odt";
    REQUIRE(writeReportOdt(demo.followUp, {}, QString::fromStdString(odt.string())).has_value());
    const std::string styles = zipEntry(odt, "styles.xml");
    for (int level = 1; level <= 3; ++level) {
        const std::string style = "style:name=\"Heading_20_" + std::to_string(level) + "\"";
        CHECK(contains(styles, style));
        CHECK(contains(styles, "style:default-outline-level=\"" + std::to_string(level) + "\""));
    }
    CHECK(contains(styles, R"(fo:keep-with-next="always")"));
    const std::string content = zipEntry(odt, "content.xml");
    CHECK(contains(content, R"(text:outline-level="1"><text:bookmark text:name="mw-heading-1"/>)"));
    CHECK(contains(content, R"(style:parent-style-name="Heading_20_1")"));
    CHECK(contains(content, R"(style:parent-style-name="Heading_20_2")"));

    // The contents is an index the word processor updates, each page a field it fills in as it lays out.
    CHECK(contains(content, R"(<text:table-of-content-source text:outline-level="2">)"));
    std::size_t references = 0;
    for (std::size_t at = content.find("text:reference-format=\"page\""); at != std::string::npos;
         at = content.find("text:reference-format=\"page\"", at + 1))
        ++references;
    std::size_t headings = 0;
    for (std::size_t at = content.find("<text:h "); at != std::string::npos;
         at = content.find("<text:h ", at + 1))
        ++headings;
    CHECK(references == headings - 1); // every heading but the contents' own

    // Grid tables repeat their header row on every page and are shaded as in the PDF.
    CHECK(contains(content, "<table:table-header-rows><table:table-row>"));
    CHECK(contains(content, R"(<style:style style:name="MwHeaderCell" style:family="table-cell">)"));
    CHECK(contains(content, R"(table:style-name="MwStripeCell")"));

    const auto pdf = convert(odt, "pdf", demo.dir);
    const QStringList pages = pdfText(pdf).split('\f', Qt::SkipEmptyParts);
    // The same report laid out by LibreOffice takes within a page of the native PDF.
    const auto native = demo.dir / "native.pdf";
    REQUIRE(writeReportPdf(demo.followUp, {}, QString::fromStdString(native.string())).has_value());
    const int nativePages = static_cast<int>(pdfText(native).split('\f', Qt::SkipEmptyParts).size());
    CHECK(std::abs(static_cast<int>(pages.size()) - nativePages) <= 1);
    REQUIRE(pages.size() > 20);
    // Each entry of the contents names the page its section starts on.
    const QRegularExpression entry(QStringLiteral("^(\\S.*?)\\.{3,}\\s*(\\d+)$"));
    int entries = 0;
    for (const QString& line : pages[1].split('\n')) {
        const auto match = entry.match(line.trimmed());
        if (!match.hasMatch())
            continue;
        ++entries;
        const int page = match.captured(2).toInt();
        INFO(line.toStdString());
        REQUIRE(page >= 1);
        REQUIRE(page <= pages.size());
        CHECK(pages[page - 1].split('\n').contains(match.captured(1).trimmed()));
    }
    CHECK(entries == static_cast<int>(headings) - 1);
    CHECK_FALSE(pages[1].contains("Reference source not found"));
    // A question's heading keeps with its answer, a section's with its first paragraph: none ends a page.
    CHECK(contains(content, R"(fo:keep-with-next="always")"));
    CHECK(headingsAtTheFootOfAPage(pdf).isEmpty());

    const QString outline = "\n" + pdfBookmarks(pdf);
    INFO(outline.toStdString());
    for (const char* section : {"Contents", "Executive summary", "Maturity profile", "Findings by dimension",
                                "Action plan", "Appendix"})
        CHECK(outline.contains(QStringLiteral("\n%1\n").arg(QLatin1String(section))));
    for (const QString& dimension : kDimensionTitles)
        CHECK(outline.contains("\n  " + dimension + "\n"));
}

TEST_CASE("the comparison ODT is laid out on A4 with its own title", "[report][odt]") {
    DemoData demo;
    const auto odt = demo.dir / "review.odt";
    REQUIRE(writeComparisonOdt(demo.baseline, demo.followUp, {}, QString::fromStdString(odt.string()))
                .has_value());
    CHECK(contains(zipEntry(odt, "styles.xml"), R"(fo:page-width="21.00cm" fo:page-height="29.70cm")"));
    CHECK(contains(zipEntry(odt, "meta.xml"), "<dc:title>Severn Vale Water - progress review</dc:title>"));
}
