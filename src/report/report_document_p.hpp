#pragma once
// Internal to maturity_report: the report as HTML sections before pagination.
#include "report/exports.hpp"
#include "report/report_table.hpp"

#include <QDate>
#include <QImage>
#include <QString>
#include <QStringList>
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
inline QString num(double value) {
    return QString::fromStdString(formatNumber(value));
}
inline QString num(const std::optional<double>& value) {
    return value ? num(*value) : QString(kDash);
}
// A score in a table column: always two decimals, so a column of scores lines up ("2.00", not "2").
inline QString scoreCell(const std::optional<double>& value) {
    return value ? QString::number(*value, 'f', 2) : QString(kDash);
}
// Plain text that needs no escaping: digits, signs and dashes.
inline QString signedNum(const std::optional<double>& value) {
    if (!value)
        return kDash;
    if (*value > 1e-9)
        return "+" + num(*value);
    if (*value < -1e-9)
        return QChar(0x2212) + num(-*value);
    return QStringLiteral("0");
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
    return num(*value) + " &#183; " + esc(model.scoreLabel(*value));
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

// Tables and charts appear in the HTML as markers; the PDF and the ODT replace them differently.
struct ReportHtml {
    QString cover;
    QString body;
    std::vector<std::pair<int, QString>> headings; // level, plain text: the contents
    std::vector<RadarChart> charts;
    std::vector<ReportTable> tables;

    // The marker of a new table, to be placed between paragraphs.
    QString table(ReportTable table);
    // A grid table with a header row; cells are plain text.
    QString table(const QStringList& headers, std::vector<std::vector<TableCell>> rows,
                  const std::vector<int>& widthPercents);
    void heading(int level, const QString& plainText);
    void radar(RadarChart chart);
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

// --- Writers -----------------------------------------------------------------------------------------

Result<void> paginateToPdf(const ReportHtml& html, const ReportOptions& options, const QString& path,
                           const QString& runningTitle);
Result<void> writeOdt(const ReportHtml& html, const ReportOptions& options, const QString& path);

} // namespace mw
