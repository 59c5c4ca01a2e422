// What the report tests read PDFs, ODTs and workbooks with: poppler, qpdf and LibreOffice.
#include "report_checks.hpp"

#include "storage/demo.hpp"

#include <QProcess>
#include <QRegularExpression>

#include <algorithm>
#include <map>

namespace mw::test {

Run run(const QString& program, const QStringList& arguments, int timeoutMs) {
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    if (!process.waitForStarted(10000))
        FAIL("cannot start " << program.toStdString()
                             << ": install poppler-utils, qpdf and LibreOffice (scripts/setup.sh)");
    process.waitForFinished(timeoutMs);
    return {process.exitCode(), QString::fromUtf8(process.readAll())};
}

QString pdfText(const std::filesystem::path& pdf) {
    const Run r = run("pdftotext", {"-layout", QString::fromStdString(pdf.string()), "-"});
    REQUIRE(r.exitCode == 0);
    return r.output;
}

int pdfPages(const std::filesystem::path& pdf) {
    const Run r = run("pdfinfo", {QString::fromStdString(pdf.string())});
    REQUIRE(r.exitCode == 0);
    for (const QString& line : r.output.split('\n'))
        if (line.startsWith("Pages:"))
            return line.mid(6).trimmed().toInt();
    return 0;
}

// Converts with LibreOffice in a private profile so parallel tests do not collide.
std::filesystem::path convert(const std::filesystem::path& input, const QString& format,
                              const test::TempDir& dir) {
    const QString profile = "file://" + QString::fromStdString((dir / "lo-profile").string());
    const Run r =
        run("soffice", {"-env:UserInstallation=" + profile, "--headless", "--convert-to", format, "--outdir",
                        QString::fromStdString(dir.path().string()), QString::fromStdString(input.string())});
    INFO(r.output.toStdString());
    REQUIRE(r.exitCode == 0);
    auto output = input;
    output.replace_extension(format.section(':', 0, 0).toStdString());
    output = dir.path() / output.filename();
    REQUIRE(std::filesystem::exists(output));
    return output;
}

std::string zipEntry(const std::filesystem::path& zip, const std::string& name) {
    const Run read =
        run("/usr/bin/python3", {"-c",
                                 "import sys, zipfile\n"
                                 "sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2])"
                                 ".decode())\n",
                                 QString::fromStdString(zip.string()), QString::fromStdString(name)});
    REQUIRE(read.exitCode == 0);
    return read.output.toStdString();
}

QString pdfBookmarks(const std::filesystem::path& pdf) {
    const Run outline =
        run("/usr/bin/python3",
            {"-c",
             "import json, subprocess, sys\n"
             "d = json.loads(subprocess.run(['qpdf', '--json=2', '--json-key=outlines', sys.argv[1]],"
             " capture_output=True, text=True).stdout)\n"
             "def walk(items, depth):\n"
             "    for e in items:\n"
             "        print('  ' * depth + e['title']); walk(e.get('kids', []), depth + 1)\n"
             "walk(d.get('outlines', []), 0)\n",
             QString::fromStdString(pdf.string())});
    REQUIRE(outline.exitCode == 0);
    return outline.output;
}

QString flattened(QString text) {
    return text.simplified();
}

// The font size (as pdftohtml reports it) of most runs of text: the body text's.
int bodyTextSize(const std::filesystem::path& pdf) {
    const Run xml = run("pdftohtml", {"-xml", "-i", "-stdout", QString::fromStdString(pdf.string())});
    REQUIRE(xml.exitCode == 0);
    std::map<QString, int> sizeOfFont;
    const QRegularExpression fontSpec(R"re(<fontspec id="(\d+)" size="(\d+)")re");
    for (auto it = fontSpec.globalMatch(xml.output); it.hasNext();) {
        const auto m = it.next();
        sizeOfFont[m.captured(1)] = m.captured(2).toInt();
    }
    std::map<int, int> runsOfSize;
    const QRegularExpression textRun(R"re(<text [^>]*font="(\d+)")re");
    for (auto it = textRun.globalMatch(xml.output); it.hasNext();)
        ++runsOfSize[sizeOfFont[it.next().captured(1)]];
    REQUIRE_FALSE(runsOfSize.empty());
    return std::max_element(runsOfSize.begin(), runsOfSize.end(),
                            [](const auto& a, const auto& b) { return a.second < b.second; })
        ->first;
}

std::vector<WordBox> wordBoxes(const std::filesystem::path& pdf) {
    const Run r = run("pdftotext", {"-bbox", QString::fromStdString(pdf.string()), "-"});
    REQUIRE(r.exitCode == 0);
    const QRegularExpression word(
        R"re(<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>)re");
    std::vector<WordBox> words;
    for (auto it = word.globalMatch(r.output); it.hasNext();) {
        const auto m = it.next();
        words.push_back({m.captured(1).toDouble(), m.captured(2).toDouble(), m.captured(3)});
    }
    return words;
}

// Table header words cut short by their column, such as "Confidenc" with its "e" on the next line.
QStringList brokenHeaderWords(const std::filesystem::path& pdf) {
    QStringList broken;
    for (const auto& box : wordBoxes(pdf))
        for (const QString& header : kTableHeaderWords)
            if (header.front().isUpper() && box.text.size() >= 4 && header.size() - box.text.size() <= 3 &&
                header.startsWith(box.text) && !kTableHeaderWords.contains(box.text))
                broken << box.text;
    return broken;
}

// Words of an A4 report that cross the top or bottom edge of the text area: a line cut by a page edge, or
// drawn on two pages (hidden on one but still found by search and copied with the text).
QStringList wordsAcrossPageEdges(const std::filesystem::path& pdf) {
    QStringList crossing;
    for (const auto& [top, bottom, text] : wordBoxes(pdf))
        if ((top < kTextTop - 0.5 && bottom > kTextTop - 0.5) || (top < kTextBottom && bottom > kTextBottom))
            crossing << text;
    return crossing;
}

// Words printed between the running header and the text, or between the text and the footer, other than
// the header of a table continued from the page before. Text there is hidden by the page's clip but still
// found by search and copied with the text: a line of the previous page printed again.
QStringList wordsBesideTheText(const std::filesystem::path& pdf) {
    const double headerRule = 34; // the running header and its rule lie above, the footer below 804 pt
    const double footerRule = 804;
    QStringList beside;
    for (const auto& [top, bottom, text] : wordBoxes(pdf)) {
        const bool aboveText = top > headerRule && bottom <= kTextTop + 0.5;
        const bool belowText = top >= kTextBottom - 0.5 && bottom < footerRule;
        if ((aboveText && !kTableHeaderWords.contains(text)) || belowText)
            beside << text;
    }
    return beside;
}

// The last line of the text on each page that is set in bold throughout: a heading split across two pages,
// or left at the foot of a page while what it heads starts the next.
QStringList headingsAtTheFootOfAPage(const std::filesystem::path& pdf) {
    const Run xml = run("pdftohtml", {"-xml", "-i", "-stdout", QString::fromStdString(pdf.string())});
    REQUIRE(xml.exitCode == 0);
    // pdftohtml measures in units of 1/108 inch; the running header and the footer lie outside these.
    const double textTop = 24 / 25.4 * 108 - 8;
    const QRegularExpression pageHeight(R"re(height="(\d+)")re");
    const QRegularExpression textRun(R"re(<text top="(\d+)"[^>]*>(.*?)</text>)re");
    QStringList headings;
    for (const QString& page : xml.output.split("<page ").mid(1)) {
        const double textBottom = pageHeight.match(page).captured(1).toDouble() - 22 / 25.4 * 108;
        std::map<int, std::vector<QString>> lines; // runs of text by their top
        for (auto it = textRun.globalMatch(page); it.hasNext();) {
            const auto m = it.next();
            const int top = m.captured(1).toInt();
            if (top > textTop && top < textBottom)
                lines[top].push_back(m.captured(2));
        }
        if (lines.empty())
            continue;
        const auto& last = lines.rbegin()->second;
        const bool allBold = std::all_of(last.begin(), last.end(), [](const QString& run) {
            return run.trimmed().startsWith("<b>") || run.trimmed().isEmpty();
        });
        if (allBold)
            headings << last.front();
    }
    return headings;
}

bool anyOverlapping(const std::vector<QRectF>& rects) {
    for (std::size_t i = 0; i < rects.size(); ++i)
        for (std::size_t j = i + 1; j < rects.size(); ++j)
            if (rects[i].intersects(rects[j]))
                return true;
    return false;
}

DemoData::DemoData() {
    auto store = Store::open(dir / "demo.db");
    REQUIRE(store.has_value());
    auto demo = createDemo(*store, test::builtinModels());
    REQUIRE(demo.has_value());
    baseline = ReportData::fromBundle(*store->exportBundle(demo->baselineId));
    followUp = ReportData::fromBundle(*store->exportBundle(demo->followUpId));
    // What app::reportData adds to a follow-up read from the database: its baseline and the change since.
    followUp.baseline =
        summarizeBaseline(baseline.info, baseline.model, baseline.answers, Roster::of(baseline.participants),
                          *followUp.model, followUp.answers, Roster::of(followUp.participants));
}

} // namespace mw::test
