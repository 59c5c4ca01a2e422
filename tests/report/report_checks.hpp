#pragma once
// What the report tests read PDFs, ODTs and workbooks with (poppler, qpdf and LibreOffice), and the demo's
// two assessments as reports see them.
#include "core/report_data.hpp"
#include "support.hpp"

#include <QRectF>
#include <QString>
#include <QStringList>

#include <filesystem>
#include <vector>

namespace mw::test {

struct Run {
    int exitCode = -1;
    QString output;
};
Run run(const QString& program, const QStringList& arguments, int timeoutMs = 180000);

QString pdfText(const std::filesystem::path& pdf);
int pdfPages(const std::filesystem::path& pdf);
// Converts with LibreOffice in a private profile so parallel tests do not collide.
std::filesystem::path convert(const std::filesystem::path& input, const QString& format, const TempDir& dir);

// The demo's baseline and follow-up; the follow-up with its baseline, as app::reportData gives it.
struct DemoData {
    TempDir dir;
    Model model = defaultModel();
    ReportData baseline;
    ReportData followUp;
    DemoData();
};

const QStringList kDimensionTitles = {
    "Goals & objectives",   "Current-state assessment",      "Roles, people, processes & data",
    "Integration roadmap",  "Security, safety & continuity", "Technology footprint",
    "Monitoring & control", "Continuous improvement"};

// One entry of a zip package (ODT, DOCX, XLSX) as text, read with python3's zipfile.
std::string zipEntry(const std::filesystem::path& zip, const std::string& name);
inline bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}
// A PDF's bookmarks, one line each, indented two spaces per level (qpdf's JSON).
QString pdfBookmarks(const std::filesystem::path& pdf);

QString flattened(QString text);
// Whether any two of the rectangles (labels, legend keys, rows) overlap.
bool anyOverlapping(const std::vector<QRectF>& rects);
// The font size (as pdftohtml reports it) of most runs of text: the body text's.
int bodyTextSize(const std::filesystem::path& pdf);

// The words of a PDF with the top and bottom of their boxes, in points from the top of the page.
struct WordBox {
    double top, bottom;
    QString text;
};
std::vector<WordBox> wordBoxes(const std::filesystem::path& pdf);

// Every word of the reports' table headers.
const QStringList kTableHeaderWords = {
    "Id",     "Dimension", "Current", "Target", "Confidence", "Last",   "changed",   "Score",    "Level",
    "Gap",    "Answered",  "Name",    "Group",  "Before",     "After",  "Change",    "Question", "Levels",
    "Tier",   "What",      "it",      "means",  "Role",       "Spread", "P1",        "P2",       "P3",
    "P4",     "P5",        "P6",      "P7",     "P8",         "P9",     "P10",       "P11",      "P12",
    "P13",    "P14",       "P15",     "P16",    "Baseline",   "Action", "Questions", "Owner",    "Due",
    "Status", "Horizon",   "#",       "Next",   "step",       "Then",   "now",       "Note"};
// Table header words cut short by their column, such as "Confidenc" with its "e" on the next line.
QStringList brokenHeaderWords(const std::filesystem::path& pdf);

// The text area of an A4 report, in points.
constexpr double kTextTop = 24 / 25.4 * 72;
constexpr double kTextBottom = 842 - 22 / 25.4 * 72;
// Words of an A4 report that cross the top or bottom edge of the text area: a line cut by a page edge, or
// drawn on two pages (hidden on one but still found by search and copied with the text).
QStringList wordsAcrossPageEdges(const std::filesystem::path& pdf);
// Words printed between the running header and the text, or between the text and the footer, other than
// the header of a table continued from the page before.
QStringList wordsBesideTheText(const std::filesystem::path& pdf);
// The last line of the text on each page that is set in bold throughout: a heading split across two pages,
// or left at the foot of a page while what it heads starts the next.
QStringList headingsAtTheFootOfAPage(const std::filesystem::path& pdf);

} // namespace mw::test
