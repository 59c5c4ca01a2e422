#pragma once
// Internal to maturity_report: the report as HTML sections before pagination.
#include "report/exports.hpp"

#include <QString>
#include <QStringList>
#include <utility>
#include <vector>

namespace mw {

struct ReportHtml {
    QString cover;
    QString body;
    std::vector<std::pair<int, QString>> headings; // level, escaped text: the contents
    std::vector<RadarChart> charts;

    static QString table(const QStringList& headers, const std::vector<QStringList>& rows,
                         const std::vector<int>& widthPercents);
    void heading(int level, const QString& text);
    void radar(RadarChart chart);
    void pageBreak();
    QString contents(const std::vector<int>& pages) const;
};

ReportHtml reportHtml(const ReportData& data, const ReportOptions& options, bool hasLogo);
ReportHtml comparisonHtml(const ReportData& before, const ReportData& after, const ReportOptions& options,
                          bool hasLogo);

} // namespace mw
