#pragma once
// Internal to maturity_report: the report as HTML sections before pagination.
#include "report/exports.hpp"
#include "report/odf_package.hpp"
#include "report/report_table.hpp"
#include "report/timeline.hpp"

#include <QDate>
#include <QImage>
#include <QString>
#include <QStringList>
#include <QTextFormat>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

class QPaintDevice;
class QTextDocument;

namespace mw {

// --- Text in the report: user and model text is escaped wherever it becomes markup ------------------

inline const QChar kDash(0x2014);

inline QString esc(const std::string& text) {
    return QString::fromStdString(text).toHtmlEscaped();
}
inline QString plain(const std::string& text) {
    return QString::fromStdString(text);
}
inline QString escMultiline(const std::string& text) {
    return esc(text).replace(QLatin1Char('\n'), QStringLiteral("<br/>"));
}
// One format for each kind of figure, in every report and table:
// - a level (an answer, a target, a level gap) as the scale writes it: "2", or "2.5" on a scale with halves;
inline QString num(double value) {
    return QString::fromStdString(formatNumber(value));
}
inline QString num(const std::optional<double>& value) {
    return value ? num(*value) : QString(kDash);
}
// - a score (an index, a mean, a spread, a priority): always two decimals, so a column lines up ("2.00");
inline QString score(double value) {
    return QString::fromStdString(formatScore(value));
}
inline QString score(const std::optional<double>& value) {
    return value ? score(*value) : QString(kDash);
}
// - a change, signed with a true minus: "+2" or "−1" in levels, "+1.37" or "−0.25" in scores.
inline QString signedFigure(const std::optional<double>& value, QString (*format)(double)) {
    if (!value)
        return kDash;
    if (*value > 1e-9)
        return "+" + format(*value);
    if (*value < -1e-9)
        return QChar(0x2212) + format(-*value);
    return format(0);
}
inline QString signedNum(const std::optional<double>& value) {
    return signedFigure(value, [](double v) { return num(v); });
}
inline QString signedScore(const std::optional<double>& value) {
    return signedFigure(value, [](double v) { return score(v); });
}
// "2 · Developing", as plain text.
inline QString levelPlain(const Model& model, const std::optional<double>& value) {
    if (!value)
        return kDash;
    return num(*value) + QStringLiteral(" \u00b7 ") + plain(model.levelLabel(*value));
}
inline QString levelText(const Model& model, const std::optional<double>& value) {
    return levelPlain(model, value).toHtmlEscaped();
}
inline QString scoreText(const Model& model, const std::optional<double>& value) {
    if (!value)
        return QStringLiteral("not scored");
    return score(*value) + " &#183; " + esc(model.scoreLabel(*value));
}
// Plain text: "18 November 2025".
inline QString longDate(const std::string& iso) {
    const QDate date = QDate::fromString(QString::fromStdString(iso), Qt::ISODate);
    return date.isValid() ? date.toString(QStringLiteral("d MMMM yyyy")) : QString::fromStdString(iso);
}

// Tables and charts appear in the HTML as markers; the PDF and the ODT replace them differently.
inline QString radarMarker(std::size_t index) {
    return QStringLiteral("@@MW-RADAR-%1@@").arg(index);
}
inline QString tableMarker(std::size_t index) {
    return QStringLiteral("@@MW-TABLE-%1@@").arg(index);
}
inline QString timelineMarker(std::size_t index) {
    return QStringLiteral("@@MW-TIMELINE-%1@@").arg(index);
}
inline QString imageMarker(std::size_t index) {
    return QStringLiteral("@@MW-IMAGE-%1@@").arg(index);
}

// Tables and charts appear in the HTML as markers; the PDF and the ODT replace them differently.
struct ReportHtml {
    QString cover;
    QString body;
    std::vector<std::pair<int, QString>> headings; // level, plain text: the contents
    std::vector<RadarChart> charts;
    std::vector<TimelineChart> timelines;
    std::vector<ReportTable> tables;
    // Evidence photos by resource name; the markers give each one's place, sized for the target.
    std::vector<std::pair<QString, QImage>> images;
    // Plain text of the paragraphs that stay with the next one (a question and its answer), in order.
    std::vector<QString> keptWithNext;

    // The marker of a new table, to be placed between paragraphs.
    QString table(ReportTable table);
    // A grid table with a header row; cells are plain text. Figures go in the right-aligned columns.
    QString table(const QStringList& headers, std::vector<std::vector<TableCell>> rows,
                  const std::vector<int>& widthPercents, std::vector<int> rightAlignedColumns = {});
    void heading(int level, const QString& plainText);
    // A question's id and text in bold, kept with what follows it.
    void questionHeading(const std::string& id, const std::string& text);
    void radar(RadarChart chart);
    void timeline(TimelineChart chart);
    void pageBreak();
    // Headings and their pages; a page of 0 leaves the number out.
    ReportTable contents(const std::vector<int>& pages) const;
};

// Parts every report shares (report_content.cpp).
// facts: label and value pairs, plain text.
QString coverHtml(ReportHtml& report, const QString& kind, const QString& client, const QString& title,
                  const QStringList& facts, const ReportBranding& branding, bool hasLogo);
void appendMethod(ReportHtml& html, const Model& model);
// Workshop mode (perception_content.cpp): the section on each group's view, the summary's sentence on where
// IT and OT are furthest apart, and every voice's answers for the appendix. Nothing when only the consensus
// answered.
void appendPerceptionGap(ReportHtml& html, const ReportData& data);
std::optional<QString> perceptionSummary(const ReportData& data);
void appendVoices(ReportHtml& html, const ReportData& data);

// The follow-up's story and the action plan (plan_content.cpp): the summary's opening on the change since
// the baseline (nothing without one), the action plan with its timeline and the gaps no action serves, and
// what each of the baseline's actions did to the levels of its questions.
std::optional<QString> progressSummary(const ReportData& data);
void appendActionPlan(ReportHtml& html, const ReportData& data);
void appendActionsSinceBaseline(ReportHtml& html, const ReportData& data);
// "a, b and c".
QString joinNatural(const QStringList& items);

ReportHtml reportHtml(const ReportData& data, const ReportOptions& options, bool hasLogo);
ReportHtml comparisonHtml(const ReportData& before, const ReportData& after, const ReportOptions& options,
                          bool hasLogo);

// --- From HTML to a document (report_document.cpp) -------------------------------------------------

enum class Target { Pdf, WordProcessor };
class DocumentObjects;

QFont documentFont();
QImage loadLogo(const QString& path);
// The report as one document. For a PDF the radar and the table rows are objects painted by `objects`;
// a word processor gets a picture and real tables it can edit.
std::unique_ptr<QTextDocument> assemble(const ReportHtml& html, Target target, const QImage& logo,
                                        QPaintDevice* device, const QSizeF& bodySize,
                                        DocumentObjects* objects);
// The headings that must stay with the next line carry this block state ("-qt-user-state").
inline constexpr int kKeepWithNext = 1;
// The cover's client and title lines and the captions carry these, which a DOCX gives their styles.
inline constexpr int kTitleParagraph = 2;
inline constexpr int kSubtitleParagraph = 3;
inline constexpr int kCaptionParagraph = 4;
// A numbered item whose number is typed ("1.  "), which a word processor gets as a numbered list.
inline constexpr int kNumberedItem = 5;
// A block property marking the paragraphs of table cells in the ODT (see markTableParagraphs).
inline constexpr int kTableParagraphProperty = QTextFormat::UserProperty + 41;
// A block property marking the ODT's first paragraph, whose style starts the cover's page.
inline constexpr int kCoverParagraphProperty = QTextFormat::UserProperty + 42;

// --- Writers -----------------------------------------------------------------------------------------

Result<void> paginateToPdf(const ReportHtml& html, const ReportOptions& options, const QString& path,
                           const QString& runningTitle);
// The page each heading of the contents starts on in the PDF, in the order of html.headings.
std::vector<int> pdfHeadingPages(const ReportHtml& html, const ReportOptions& options);
// The ODT (Qt's ODF writer, then the page, running header and footer and metadata it leaves out) or the
// DOCX of the document.
Result<void> writeEditable(const ReportHtml& html, const ReportOptions& options, const QString& path,
                           DocumentFacts facts, ReportFormat format);

} // namespace mw
