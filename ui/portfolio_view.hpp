#pragma once
#include "core/assessment.hpp"

#include <QWidget>

#include <unordered_map>

class QLineEdit;
class QStandardItem;
class QStandardItemModel;
class QTimer;
class QTreeView;

namespace mw::ui {

class Workspace;
class PortfolioFilter;

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
    const std::vector<AssessmentInfo>& loadedAssessments() const { return loaded_; }

protected:
    void resizeEvent(QResizeEvent* event) override;

signals:
    void assessmentActivated(mw::Id id);
    void assessmentChosen(mw::Id id); // Enter or double-click: go and work on it
    void failed(const QString& message);

private:
    QStandardItem* assessmentItem(Id assessmentId) const;
    void fitColumns();
    void expandShownClients();
    Workspace& workspace_;
    QLineEdit* filter_;
    QStandardItemModel* model_;
    PortfolioFilter* proxy_;
    QTreeView* tree_;
    QTimer* filterPause_; // one filter pass per pause in typing, not one per key stroke
    std::unordered_map<Id, QStandardItem*> assessmentItems_;
    std::vector<AssessmentInfo> loaded_;
};

} // namespace mw::ui
