#pragma once
// Internal to maturity_report: the report as HTML sections before pagination.
#include "report/exports.hpp"
#include "report/report_table.hpp"

#include <QString>
#include <QStringList>
#include <utility>
#include <vector>

namespace mw {

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

ReportHtml reportHtml(const ReportData& data, const ReportOptions& options, bool hasLogo);
ReportHtml comparisonHtml(const ReportData& before, const ReportData& after, const ReportOptions& options,
                          bool hasLogo);

} // namespace mw
