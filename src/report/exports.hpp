#pragma once
// Reports and spreadsheets, shared by the CLI and the workbench.
#include "core/bundle.hpp"
#include "core/comparison.hpp"
#include "core/error.hpp"
#include "core/gaps.hpp"
#include "core/report_data.hpp"
#include "core/voices.hpp"
#include "report/evidence_images.hpp"
#include "report/house_style.hpp"
#include "report/radar.hpp"

#include <QPageSize>
#include <QString>

#include <memory>
#include <optional>
#include <thread>

namespace mw {

// The consultancy's name and logo for the cover and running header, passed in by the caller.
struct ReportBranding {
    QString consultancy;
    QString logoPath; // PNG/JPEG/SVG; ignored when it cannot be read
};

struct ReportOptions {
    QPageSize::PageSizeId pageSize = QPageSize::A4;
    ReportBranding branding;
    // When set, each question shows its evidence photos (raster images only) under its findings, at most
    // 8 by 6 cm each; the callback reads a file's bytes as the report reaches it.
    EvidenceBytes evidenceImages;
    // House styles for the editable reports: a DOCX (or DOTX) and an ODT (or OTT) whose styles, fonts,
    // page, header and footer the report takes (see house_style.hpp). Empty: ours. The PDF keeps ours.
    QString docxHouseStyle, odtHouseStyle;
};

// A radar with no axes or series yet: rings labelled with the model's score levels, and its range.
RadarChart radarScale(const Model& model);
// The radar of one assessment: target, current, and the baseline's current scores when given.
RadarChart assessmentRadar(const Model& model, const Scorecard& scores, const Scorecard* baseline = nullptr,
                           const QString& baselineLabel = {});
// The radar of one assessment (current and target), with its baseline's outline when it has one.
RadarChart radarChartFor(const ReportData& data);
// One outline per group (from scoresByGroup), for the perception gap.
RadarChart groupRadar(const Model& model, const std::vector<GroupScores>& groups);
// One dimension's questions as the axes (id and the start of the text), one outline per group at that
// group's mean level. Fewer than three questions make no radar: the chart then has fewer than three axes.
RadarChart dimensionGroupRadar(const Model& model, const std::string& dimensionId,
                               const std::vector<GroupScores>& groups);
// Before/after radar for a comparison.
RadarChart comparisonRadar(const ReportData& before, const ReportData& after);

// Loads the report fonts on a worker thread while the caller reads the assessment: the font database
// takes about as long to load as the data. Waits for the thread when destroyed.
class ReportFontPreload {
public:
    ReportFontPreload();
    ~ReportFontPreload();
    ReportFontPreload(const ReportFontPreload&) = delete;
    ReportFontPreload& operator=(const ReportFontPreload&) = delete;

private:
    std::thread thread_;
};

Result<void> writeReportPdf(const ReportData& data, const ReportOptions& options, const QString& path);
Result<void> writeReportOdt(const ReportData& data, const ReportOptions& options, const QString& path);
Result<void> writeComparisonPdf(const ReportData& before, const ReportData& after,
                                const ReportOptions& options, const QString& path);
Result<void> writeComparisonOdt(const ReportData& before, const ReportData& after,
                                const ReportOptions& options, const QString& path);
Result<void> writeReportDocx(const ReportData& data, const ReportOptions& options, const QString& path);
Result<void> writeComparisonDocx(const ReportData& before, const ReportData& after,
                                 const ReportOptions& options, const QString& path);

// The report in the format a file name asks for: PDF to read and print, ODT or DOCX to edit.
std::optional<ReportFormat> reportFormatOf(const QString& path);
Result<void> writeReport(const ReportData& data, const ReportOptions& options, const QString& path,
                         ReportFormat format);
Result<void> writeComparison(const ReportData& before, const ReportData& after, const ReportOptions& options,
                             const QString& path, ReportFormat format);
// The answers, the dimension scores, the action plan, the gaps without an action and (in workshop mode)
// every voice; laid out for the options' paper, the consultancy as the file's company.
Result<void> writeXlsx(const ReportData& data, const QString& path, const ReportOptions& options = {});

} // namespace mw
