#pragma once
#include "core/gaps.hpp"

#include <QPointer>
#include <QWidget>

class QLabel;
class QProgressBar;
class QTableWidget;

namespace mw::ui {

class AssessmentDocument;
class RadarWidget;

// Radar, dimension scores, ranked gaps and completeness, updated live as answers change.
class DashboardPage : public QWidget {
    Q_OBJECT
public:
    explicit DashboardPage(QWidget* parent = nullptr);
    void setDocument(AssessmentDocument* document);
    QTableWidget* dimensionTable() const { return dimensions_; }
    QTableWidget* gapTable() const { return gaps_; }
    QLabel* overallLabel() const { return overall_; }
    RadarWidget* radar() const { return radar_; }

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void refresh();
    void refreshDimensionTable(const Scorecard& scores);
    void refreshGapTable(const std::vector<Gap>& gaps);

    QPointer<AssessmentDocument> document_;
    RadarWidget* radar_;
    QLabel* overall_;
    QProgressBar* completeness_;
    QTableWidget* dimensions_;
    QTableWidget* gaps_;
    QLabel* holds_; // what a floor holds down, under the headline; hidden when nothing is held
    QLabel* explanation_;
};

} // namespace mw::ui
