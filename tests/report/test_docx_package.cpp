// The DOCX as Word and LibreOffice open it: Word's built-in styles (headings with outline levels, the
// contents' entries, title, caption, header and footer), the page and its margins, the running header and
// "Page N of M" fields in parts of their own, a TOC field over the headings' bookmarks, header rows that
// repeat, rows that do not split, headings kept with what follows, and the document's properties. User
// text is text in the XML, never markup.
#include "report/exports.hpp"
#include "report_checks.hpp"

#include <QRegularExpression>

#include <map>

#include <catch2/catch.hpp>

using namespace mw;
using namespace mw::test;

namespace {

std::size_t occurrences(const std::string& text, const std::string& part) {
    std::size_t count = 0;
    for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1))
        ++count;
    return count;
}

} // namespace

TEST_CASE("the DOCX has Word's styles, its page, header, footer fields and properties", "[report][docx]") {
    DemoData demo;
    ReportData data = demo.followUp;
    data.client.name = "Severn <b>Vale</b> & Co";
    ReportOptions options;
    options.pageSize = QPageSize::Letter;
    options.branding.consultancy = "Northgate <Advisory>";
    const auto docx = demo.dir / "follow-up.docx";
    REQUIRE(writeReportDocx(data, options, QString::fromStdString(docx.string())).has_value());

    const std::string styles = zipEntry(docx, "word/styles.xml");
    for (int level = 1; level <= 3; ++level) {
        INFO("heading " << level);
        const auto at = styles.find("w:styleId=\"Heading" + std::to_string(level) + "\"");
        REQUIRE(at != std::string::npos);
        const std::string style = styles.substr(at, styles.find("</w:style>", at) - at);
        CHECK(contains(style, "<w:name w:val=\"heading " + std::to_string(level) + "\"/>"));
        CHECK(contains(style, "<w:outlineLvl w:val=\"" + std::to_string(level - 1) + "\"/>"));
        CHECK(contains(style, "<w:keepNext/>"));
    }
    for (const char* id : {"Title", "Subtitle", "Caption", "TOC1", "TOC2", "TOCHeading", "Header", "Footer"})
        CHECK(contains(styles, "w:styleId=\"" + std::string(id) + "\""));
    CHECK(contains(styles, R"(<w:rFonts w:ascii="DejaVu Sans")"));

    const std::string document = zipEntry(docx, "word/document.xml");
    CHECK(contains(document, R"(<w:pgSz w:w="12240" w:h="15840"/>)"));
    CHECK(contains(document, R"(<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134")"));
    CHECK(contains(document, R"(<w:headerReference w:type="default" r:id="rIdHeader"/>)"));
    CHECK(contains(document, R"(<w:footerReference w:type="default" r:id="rIdFooter"/>)"));
    CHECK(contains(document, "<w:titlePg/>")); // the cover has no running header
    const auto title = document.find("<w:pStyle w:val=\"Title\"/>");
    REQUIRE(title != std::string::npos);
    CHECK(document.find("<w:t xml:space=\"preserve\">Severn &lt;b&gt;Vale&lt;/b&gt; &amp; Co</w:t>", title) <
          document.find("</w:p>", title));
    CHECK(contains(document, "<w:tblHeader/>"));
    CHECK(contains(document, "<w:cantSplit/>"));
    CHECK(contains(document, R"(<w:shd w:val="clear" w:color="auto" w:fill="DCE6F0"/>)"));
    CHECK(contains(document, R"(<w:shd w:val="clear" w:color="auto" w:fill="F4F7FA"/>)"));
    CHECK(contains(document, R"( TOC \o &quot;1-2&quot; \h \z \u )"));
    CHECK(contains(document, "<w:keepNext/>"));
    CHECK(contains(document, "<w:drawing>")); // the radar
    // Every heading but the contents' own has a bookmark its contents entry's page field refers to.
    const std::size_t headings = occurrences(document, "<w:pStyle w:val=\"Heading1\"/>") +
                                 occurrences(document, "<w:pStyle w:val=\"Heading2\"/>");
    CHECK(headings > 10);
    CHECK(occurrences(document, " PAGEREF _TocMw") == headings);

    const std::string header = zipEntry(docx, "word/header1.xml");
    CHECK(contains(header, "Severn &lt;b&gt;Vale&lt;/b&gt; &amp; Co - IT/OT convergence follow-up"
                           "  \u00b7  Northgate &lt;Advisory&gt;"));
    const std::string footer = zipEntry(docx, "word/footer1.xml");
    CHECK(contains(footer, R"(w:instr=" PAGE ")"));
    CHECK(contains(footer, R"(w:instr=" NUMPAGES ")"));
    const std::string core = zipEntry(docx, "docProps/core.xml");
    CHECK(contains(core, "<dc:title>Severn &lt;b&gt;Vale&lt;/b&gt; &amp; Co - IT/OT convergence "
                         "follow-up</dc:title>"));
    CHECK(contains(core, "<dc:creator>" + data.info.assessor + "</dc:creator>"));
    CHECK(contains(core, ">" + data.info.date + "T00:00:00Z</dcterms:created>"));
    CHECK(contains(zipEntry(docx, "docProps/app.xml"), "<Company>Northgate &lt;Advisory&gt;</Company>"));
    CHECK(contains(zipEntry(docx, "[Content_Types].xml"), R"(PartName="/word/header1.xml")"));

    // As python-docx reads it: Word's heading styles, one Letter section, the header's text.
    const Run read = run(
        "/usr/bin/python3",
        {"-c",
         "import sys, docx\n"
         "d = docx.Document(sys.argv[1])\n"
         "s = d.sections[0]\n"
         "print(len(d.sections), s.page_width.pt, s.page_height.pt, s.different_first_page_header_footer)\n"
         "print(s.header.paragraphs[0].text)\n"
         "print(d.core_properties.title)\n"
         "for p in d.paragraphs:\n"
         "    if p.style.name.startswith('Heading') or p.style.name == 'Title':\n"
         "        print(p.style.name + ': ' + p.text)\n",
         QString::fromStdString(docx.string())});
    REQUIRE(read.exitCode == 0);
    const QStringList lines = read.output.split('\n');
    INFO(read.output.left(3000).toStdString());
    REQUIRE(lines.size() > 10);
    CHECK(lines[0] == "1 612.0 792.0 True");
    CHECK(lines[1] == QStringLiteral("Severn <b>Vale</b> & Co - IT/OT convergence follow-up  \u00b7  "
                                     "Northgate <Advisory>"));
    CHECK(lines[2] == "Severn <b>Vale</b> & Co - IT/OT convergence follow-up");
    CHECK(lines.contains("Title: Severn <b>Vale</b> & Co"));
    for (const char* section :
         {"Executive summary", "Maturity profile", "Findings by dimension", "Action plan", "Appendix"})
        CHECK(lines.contains(QStringLiteral("Heading 1: %1").arg(QLatin1String(section))));
    for (const QString& dimension : kDimensionTitles)
        CHECK(lines.contains("Heading 2: " + dimension));
}

TEST_CASE("the DOCX as LibreOffice lays it out: numbered pages, its contents' pages, kept headings",
          "[report][docx]") {
    DemoData demo;
    const auto docx = demo.dir / "outline.docx";
    REQUIRE(writeReportDocx(demo.followUp, {}, QString::fromStdString(docx.string())).has_value());
    const auto pdf = convert(docx, "pdf", demo.dir);
    const QStringList pages = pdfText(pdf).split('\f', Qt::SkipEmptyParts);
    const auto native = demo.dir / "native.pdf";
    REQUIRE(writeReportPdf(demo.followUp, {}, QString::fromStdString(native.string())).has_value());
    CHECK(std::abs(static_cast<int>(pages.size()) - pdfPages(native)) <= 1);
    REQUIRE(pages.size() > 20);
    // The cover stands alone; every later page has the running header and its number.
    CHECK_FALSE(pages[0].contains("Page 1 of"));
    for (int i = 1; i < pages.size(); ++i) {
        INFO("page " << i + 1);
        CHECK(pages[i].contains(QStringLiteral("Page %1 of %2").arg(i + 1).arg(pages.size())));
        CHECK(pages[i].contains("Severn Vale Water - IT/OT convergence follow-up"));
    }
    // Until the word processor updates the contents (Word does as it opens the file), each entry shows
    // the page the PDF puts its section on; LibreOffice lays the sections out within a page of that.
    const QRegularExpression dotted(QStringLiteral("^(\\S.*?)\\s*\\.{3,}\\s*(\\d+)$"));
    const QRegularExpression spaced(QStringLiteral("^(\\S.*?)\\s{2,}(\\d+)$"));
    std::map<QString, int> nativeContents;
    for (const QString& line : pdfText(native).split('\f')[1].split('\n'))
        if (const auto match = spaced.match(line.trimmed()); match.hasMatch())
            nativeContents[match.captured(1)] = match.captured(2).toInt();
    int entries = 0;
    for (const QString& line : pages[1].split('\n')) {
        const auto match = dotted.match(line.trimmed());
        if (!match.hasMatch())
            continue;
        ++entries;
        const QString title = match.captured(1).trimmed();
        const int page = match.captured(2).toInt();
        INFO(line.toStdString());
        CHECK(page == nativeContents[title]);
        REQUIRE(page >= 2);
        REQUIRE(page <= pages.size());
        bool nearby = false; // on that page, or the one before or after
        for (int near = std::max(1, page - 1);
             near <= std::min<int>(static_cast<int>(pages.size()), page + 1); ++near)
            nearby = nearby || pages[near - 1].split('\n').contains(title);
        CHECK(nearby);
    }
    const std::string document = zipEntry(docx, "word/document.xml");
    CHECK(entries == static_cast<int>(occurrences(document, " PAGEREF _TocMw")));
    CHECK(entries > 10);
    CHECK(headingsAtTheFootOfAPage(pdf).isEmpty());
    const QString outline = "\n" + pdfBookmarks(pdf);
    INFO(outline.toStdString());
    for (const char* section :
         {"Executive summary", "Maturity profile", "Findings by dimension", "Action plan", "Appendix"})
        CHECK(outline.contains(QStringLiteral("\n%1\n").arg(QLatin1String(section))));
    for (const QString& dimension : kDimensionTitles)
        CHECK(outline.contains("\n  " + dimension + "\n"));
}

TEST_CASE("the comparison DOCX is laid out on A4 with its own title", "[report][docx]") {
    DemoData demo;
    const auto docx = demo.dir / "review.docx";
    REQUIRE(writeComparisonDocx(demo.baseline, demo.followUp, {}, QString::fromStdString(docx.string()))
                .has_value());
    CHECK(contains(zipEntry(docx, "word/document.xml"), R"(<w:pgSz w:w="11906" w:h="16838"/>)"));
    CHECK(contains(zipEntry(docx, "docProps/core.xml"),
                   "<dc:title>Severn Vale Water - progress review</dc:title>"));
}

TEST_CASE("a report is written in the format its file name asks for", "[report][docx]") {
    CHECK(reportFormatOf("a/report.PDF") == ReportFormat::Pdf);
    CHECK(reportFormatOf("report.odt") == ReportFormat::Odt);
    CHECK(reportFormatOf("report.Docx") == ReportFormat::Docx);
    CHECK_FALSE(reportFormatOf("report.doc").has_value());
    CHECK_FALSE(reportFormatOf("docx").has_value());
}

TEST_CASE("numbered items are lists in the ODT and the DOCX, typed numbers in the PDF",
          "[report][docx][odt]") {
    DemoData demo;
    const auto docx = demo.dir / "lists.docx";
    const auto odt = demo.dir / "lists.odt";
    REQUIRE(writeReportDocx(demo.followUp, {}, QString::fromStdString(docx.string())).has_value());
    REQUIRE(writeReportOdt(demo.followUp, {}, QString::fromStdString(odt.string())).has_value());
    const std::string first = "Is the safety instrumented system kept independent";
    // The DOCX: five paragraphs on one decimal list, the first gap's question without a typed number.
    const std::string document = zipEntry(docx, "word/document.xml");
    CHECK(occurrences(document, "<w:numPr>") == 5);
    CHECK(contains(zipEntry(docx, "word/numbering.xml"), R"(<w:numFmt w:val="decimal"/>)"));
    CHECK(contains(document, ">" + first));
    CHECK_FALSE(contains(document, "1.\u00a0\u00a0" + first));
    // The ODT: one list of five items, its number given room.
    const std::string content = zipEntry(odt, "content.xml");
    CHECK(occurrences(content, "<text:list-item>") == 5);
    CHECK(contains(content, "text:min-label-width="));
    CHECK(contains(content, ">" + first));
    // The PDF keeps its typed numbers.
    const auto pdf = demo.dir / "lists.pdf";
    REQUIRE(writeReportPdf(demo.followUp, {}, QString::fromStdString(pdf.string())).has_value());
    CHECK(pdfText(pdf).simplified().contains(QString::fromStdString("1. " + first)));
}
