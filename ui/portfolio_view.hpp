#pragma once
#include "core/assessment.hpp"

#include <QWidget>

class QLineEdit;
class QTimer;
class QTreeView;

namespace mw::ui {

class Workspace;
class PortfolioFilter;
class PortfolioModel;

// Clients and their assessments, with status, completeness, date and baseline link, and a filter.
class PortfolioView : public QWidget {
    Q_OBJECT
public:
    explicit PortfolioView(Workspace& workspace, QWidget* parent = nullptr);
    void reload();
    void select(Id assessmentId);
    void setCompleteness(Id assessmentId, double percent);
    std::optional<Id> selectedAssessment() const;
    QLineEdit* filter() const { return filter_; }
    // Applies the filter's text now instead of after the typing pause (tests, and Enter in the filter).
    void applyFilter();
    int assessmentCount() const;
    // What the last reload listed, so that start-up reads the portfolio once.
    const std::vector<AssessmentInfo>& loadedAssessments() const;

protected:
    void resizeEvent(QResizeEvent* event) override;

signals:
    void assessmentActivated(mw::Id id);
    void assessmentChosen(mw::Id id); // Enter or double-click: go and work on it
    void failed(const QString& message);

private:
    void fitColumns();
    void expandShownClients();
    Workspace& workspace_;
    QLineEdit* filter_;
    PortfolioModel* model_;
    PortfolioFilter* proxy_;
    QTreeView* tree_;
    QTimer* filterPause_; // one filter pass per pause in typing, not one per key stroke
};

} // namespace mw::ui
