#pragma once
#include "core/assessment.hpp"

#include <QWidget>

class QLineEdit;
class QSortFilterProxyModel;
class QStandardItem;
class QStandardItemModel;
class QTreeView;

namespace mw::ui {

class Workspace;

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
    int assessmentCount() const;

protected:
    void resizeEvent(QResizeEvent* event) override;

signals:
    void assessmentActivated(mw::Id id);
    void assessmentChosen(mw::Id id); // Enter or double-click: go and work on it
    void failed(const QString& message);

private:
    QStandardItem* assessmentItem(Id assessmentId) const;
    void fitColumns();
    Workspace& workspace_;
    QLineEdit* filter_;
    QStandardItemModel* model_;
    QSortFilterProxyModel* proxy_;
    QTreeView* tree_;
};

} // namespace mw::ui
