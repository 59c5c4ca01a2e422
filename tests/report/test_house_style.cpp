// House styles: a consultancy's DOCX or ODT gives the editable report its styles, fonts, page, header
// and footer (pictures and placeholders included); ours fills in what it lacks. Bad house styles are
// refused with one line naming the file, and no report is written.
#include "report/exports.hpp"
#include "report/house_style.hpp"
#include "report/xml_copy.hpp"
#include "report/zip_memory.hpp"
#include "report_checks.hpp"

#include <QFile>
#include <QRegularExpression>

#include <regex>

#include <catch2/catch.hpp>

using namespace mw;
using namespace mw::test;

namespace {

QString q(const std::filesystem::path& path) {
    return QString::fromStdString(path.string());
}

void writeFile(const std::filesystem::path& path, const QByteArray& bytes) {
    QFile file(q(path));
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

// An entry's bytes, binary ones too.
QByteArray entryBytes(const std::filesystem::path& zip, const std::string& name) {
    QFile file(q(zip));
    REQUIRE(file.open(QIODevice::ReadOnly));
    auto entries = readZip(file.readAll());
    REQUIRE(entries.has_value());
    const ZipEntry* entry = findEntry(*entries, name);
    return entry ? entry->bytes : QByteArray();
}

// The house style a consultant makes in Word (tests/data/make_house_style.py).
std::filesystem::path acmeHouseStyle(const TempDir& dir) {
    const auto docx = dir / "acme.docx";
    const Run made =
        run("/usr/bin/python3", {QStringLiteral(MW_TEST_DATA_DIR "/make_house_style.py"), q(docx)});
    INFO(made.output.toStdString());
    REQUIRE(made.exitCode == 0);
    return docx;
}

std::string demoHeaderLine() {
    return "ACME Advisory | Severn Vale Water | IT/OT convergence follow-up | {{unknown}}";
}

// Every page after the cover has the house style's header and "Page N of M"; the navigator's outline
// (the PDF's bookmarks) has the sections.
void checkPages(const std::filesystem::path& pdf) {
    const int pages = pdfPages(pdf);
    CHECK(pages > 20);
    const QStringList pageTexts = pdfText(pdf).split('\f');
    REQUIRE(pageTexts.size() >= pages);
    for (int page = 2; page <= pages; ++page) {
        INFO("page " << page);
        const QString onPage = pageTexts[page - 1].simplified();
        CHECK(onPage.contains(QString::fromStdString(demoHeaderLine())));
        CHECK(onPage.contains(QStringLiteral("Page %1 of %2").arg(page).arg(pages)));
    }
    CHECK_FALSE(pageTexts[0].contains("ACME Advisory")); // the cover
    CHECK(pdfBookmarks(pdf).contains("Executive summary"));
}

} // namespace

TEST_CASE("placeholders are filled in one pass, unknown ones left as typed", "[report][house]") {
    DocumentFacts facts;
    facts.client = "Severn {{date}} Vale";
    facts.date = "2026-11-17";
    facts.company = "Northgate";
    CHECK(fillPlaceholders("{{client}} \u00b7 {{date}} \u00b7 {{consultancy}}", facts) ==
          "Severn {{date}} Vale \u00b7 2026-11-17 \u00b7 Northgate");
    CHECK(fillPlaceholders("{{nope}} {client} {{date}", facts) == "{{nope}} {client} {{date}");
}

TEST_CASE("an XML part copied keeps its prefixes and can take content in between", "[report][house]") {
    const QByteArray source =
        R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
        R"(<w:styles xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" )"
        R"(xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" )"
        R"(xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14">)"
        R"(<w:style w:styleId="A"><w:name w:val="{{x}} &amp; y"/></w:style><w:skip/></w:styles>)";
    XmlCopyHooks hooks;
    hooks.beforeStart = [](const QXmlStreamReader& reader, QXmlStreamWriter&, int) {
        return reader.name() != u"skip";
    };
    hooks.beforeEnd = [](const QXmlStreamReader&, QXmlStreamWriter& xml, int depth) {
        if (depth == 1)
            xml.writeEmptyElement("http://schemas.openxmlformats.org/wordprocessingml/2006/main", "added");
    };
    auto copied = copyXml(source, hooks);
    REQUIRE(copied.has_value());
    const std::string text = copied->toStdString();
    CHECK(contains(text, R"(<w:styles xmlns:mc=)"));
    CHECK(contains(text, R"(mc:Ignorable="w14")"));
    CHECK(contains(text, R"(xmlns:w14=)"));
    CHECK(contains(text, R"(<w:name w:val="{{x}} &amp; y"/>)"));
    CHECK_FALSE(contains(text, "skip"));
    CHECK(contains(text, "<w:added/></w:styles>"));
    CHECK_FALSE(copyXml("<a><b></a>", {}).has_value());
    CHECK_FALSE(copyXml(R"(<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>)", {}).has_value());
}

TEST_CASE("a file that is no house style is refused with one line naming it", "[report][house]") {
    TempDir dir;
    auto refusal = [](const std::filesystem::path& path) {
        auto style = readHouseStyle(q(path));
        REQUIRE_FALSE(style.has_value());
        const std::string message = style.error().message;
        CHECK(contains(message, path.string()));
        CHECK_FALSE(contains(message, "\n"));
        return message;
    };
    CHECK(contains(refusal(dir / "missing.docx"), "no such file"));
    std::filesystem::create_directory(dir / "folder.docx");
    CHECK(contains(refusal(dir / "folder.docx"), "folder"));
    writeFile(dir / "text.docx", QByteArray("not a zip at all"));
    CHECK(contains(refusal(dir / "text.docx"), "not a zip"));
    writeFile(dir / "sheet.odt", *writeZip({{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"},
                                            {"content.xml", "<a/>"}},
                                           true));
    CHECK(contains(refusal(dir / "sheet.odt"), "not a text document"));
    writeFile(dir / "book.docx",
              *writeZip({{"[Content_Types].xml",
                          "<Types><Override ContentType=\"spreadsheetml.sheet\"/></Types>"}}));
    CHECK(contains(refusal(dir / "book.docx"), "not a Word document"));
    writeFile(dir / "macros.docx",
              *writeZip({{"[Content_Types].xml", "<Types><Override ContentType=\"application/"
                                                 "vnd.ms-word.document.macroEnabled.main+xml\"/></Types>"}}));
    CHECK(contains(refusal(dir / "macros.docx"), "macro-enabled"));
    // Our own template with its styles broken.
    auto entries = readZip(*defaultHouseStyleFile(ReportFormat::Docx, QPageSize::A4));
    REQUIRE(entries.has_value());
    for (ZipEntry& entry : *entries)
        if (entry.name == "word/styles.xml")
            entry.bytes.chop(20);
    writeFile(dir / "broken.docx", *writeZip(*entries));
    CHECK(contains(refusal(dir / "broken.docx"), "word/styles.xml is not well-formed XML"));

    // Nothing is written when the report's house style is refused, whoever named it.
    DemoData demo;
    ReportOptions options;
    options.docxHouseStyle = q(dir / "broken.docx");
    const auto out = demo.dir / "refused.docx";
    auto written = writeReportDocx(demo.followUp, options, q(out));
    REQUIRE_FALSE(written.has_value());
    CHECK(contains(written.error().message, "house style"));
    CHECK_FALSE(std::filesystem::exists(out));
    // An ODT cannot style a Word report, nor the other way round.
    options.docxHouseStyle.clear();
    writeFile(dir / "ours.docx", *defaultHouseStyleFile(ReportFormat::Docx, QPageSize::A4));
    options.odtHouseStyle = q(dir / "ours.docx");
    written = writeReportOdt(demo.followUp, options, q(demo.dir / "refused.odt"));
    REQUIRE_FALSE(written.has_value());
    CHECK(contains(written.error().message, "cannot style an ODT report"));
    CHECK_FALSE(std::filesystem::exists(demo.dir / "refused.odt"));
}

TEST_CASE("our house style is a template Word and LibreOffice open, and the report without one",
          "[report][house]") {
    TempDir dir;
    const auto docx = dir / "ours.docx";
    writeFile(docx, *defaultHouseStyleFile(ReportFormat::Docx, QPageSize::Letter));
    const Run read = run("/usr/bin/python3", {"-c",
                                              "import sys, docx\n"
                                              "d = docx.Document(sys.argv[1])\n"
                                              "print([p.style.name for p in d.paragraphs])\n"
                                              "print(d.sections[0].header.paragraphs[0].text)\n"
                                              "print(round(d.sections[0].page_width.cm, 1))\n",
                                              q(docx)});
    INFO(read.output.toStdString());
    REQUIRE(read.exitCode == 0);
    CHECK(read.output.contains("'Title', 'Subtitle', 'Heading 1', 'Normal', 'Heading 2'"));
    CHECK(read.output.contains("\n{{header}}\n"));
    CHECK(read.output.contains("21.6")); // Letter
    const auto odt = dir / "ours.odt";
    writeFile(odt, *defaultHouseStyleFile(ReportFormat::Odt, QPageSize::A4));
    const QString text = pdfText(convert(odt, "pdf", dir));
    CHECK(text.contains("House style for Maturity Workbench reports"));
    CHECK(text.contains("{{header}}"));
    CHECK(text.contains("Page 1 of 1"));
    // Given to the report, our template gives what the report has without one.
    DemoData demo;
    ReportOptions options;
    options.odtHouseStyle = q(odt);
    REQUIRE(writeReportOdt(demo.followUp, options, q(demo.dir / "with.odt")).has_value());
    REQUIRE(writeReportOdt(demo.followUp, {}, q(demo.dir / "without.odt")).has_value());
    CHECK(zipEntry(demo.dir / "with.odt", "styles.xml") == zipEntry(demo.dir / "without.odt", "styles.xml"));
}

TEST_CASE("a DOCX report takes a consultancy's house style made in Word", "[report][house][docx]") {
    DemoData demo;
    const auto house = acmeHouseStyle(demo.dir);
    ReportOptions options;
    options.docxHouseStyle = q(house);
    const auto docx = demo.dir / "acme-report.docx";
    REQUIRE(writeReportDocx(demo.followUp, options, q(docx)).has_value());

    // Its styles: the serif body and red headings, and ours where it has none.
    const std::string styles = zipEntry(docx, "word/styles.xml");
    CHECK(contains(styles, "DejaVu Serif"));
    CHECK(contains(styles, "C0392B"));
    for (const char* id : {"Title", "Subtitle", "Heading1", "Heading2", "Heading3", "Caption", "TOC1", "TOC2",
                           "TOCHeading", "Header", "Footer"})
        CHECK(contains(styles, "w:styleId=\"" + std::string(id) + "\""));
    // Its page: 3 cm side margins (1701 twips).
    const std::string document = zipEntry(docx, "word/document.xml");
    CHECK(contains(document, R"(w:right="1701")"));
    CHECK(contains(document, R"(w:left="1701")"));
    // Its header with the logo and the placeholders filled in; our footer, as it has none.
    const std::string header = zipEntry(docx, "word/header1.xml");
    CHECK(contains(header, demoHeaderLine()));
    CHECK(contains(zipEntry(docx, "word/_rels/header1.xml.rels"), "media/house-1.png"));
    CHECK(entryBytes(docx, "word/media/house-1.png").startsWith("\x89PNG"));
    CHECK(contains(zipEntry(docx, "word/footer1.xml"), "NUMPAGES"));
    // Its lists stay as they are, and the report's are numbered after them: each list the body names is
    // defined, none is one of the house style's.
    const std::string numbering = zipEntry(docx, "word/numbering.xml");
    const std::string houseNumbering = zipEntry(house, "word/numbering.xml");
    CHECK(contains(numbering, "w:abstractNumId=\"0\""));
    static const std::regex used(R"re(<w:numId w:val="(\d+)"/>)re");
    int items = 0;
    for (auto it = std::sregex_iterator(document.begin(), document.end(), used); it != std::sregex_iterator();
         ++it, ++items) {
        const std::string defined = "<w:num w:numId=\"" + (*it)[1].str() + "\"";
        CHECK(contains(numbering, defined));
        CHECK_FALSE(contains(houseNumbering, defined));
    }
    CHECK(items == 5);
    // As LibreOffice lays it out: the house font, the header on every page after the cover, our footer.
    const auto pdf = convert(docx, "pdf", demo.dir);
    const Run fonts = run("pdffonts", {q(pdf)});
    CHECK(fonts.output.contains("DejaVuSerif"));
    checkPages(pdf);
}

TEST_CASE("an ODT report takes the same house style saved from LibreOffice", "[report][house][odt]") {
    DemoData demo;
    const auto house = convert(acmeHouseStyle(demo.dir), "odt", demo.dir);
    ReportOptions options;
    options.odtHouseStyle = q(house);
    const auto odt = demo.dir / "acme-report.odt";
    REQUIRE(writeReportOdt(demo.followUp, options, q(odt)).has_value());
    const std::string styles = zipEntry(odt, "styles.xml");
    CHECK(contains(styles, "DejaVu Serif"));
    CHECK(contains(styles, demoHeaderLine()));
    CHECK(contains(styles, "style:name=\"Contents_20_1\""));
    const std::string manifest = zipEntry(odt, "META-INF/manifest.xml");
    static const std::regex picture(R"re(manifest:full-path="(Pictures/house-1\.[a-z]+)")re");
    std::smatch match;
    REQUIRE(std::regex_search(manifest, match, picture));
    CHECK(entryBytes(odt, match[1].str()).size() > 50);

    const auto pdf = convert(odt, "pdf", demo.dir);
    CHECK(run("pdffonts", {q(pdf)}).output.contains("DejaVuSerif"));
    checkPages(pdf);
}
