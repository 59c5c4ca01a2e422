#pragma once
#include "core/assessment.hpp"

#include <QWidget>

class QComboBox;
class QLabel;
class QTableWidget;

namespace mw::ui {

class RadarWidget;
class Workspace;

// Before/after: two assessments side by side, as an overlaid radar and tables of deltas.
class ComparePage : public QWidget {
    Q_OBJECT
public:
    ComparePage(Workspace& workspace, QWidget* parent = nullptr);
    // Lists the assessments again and selects the pair for `focus`: its baseline and itself.
    void reload(std::optional<Id> focus);
    std::optional<Id> beforeId() const;
    std::optional<Id> afterId() const;
    QLabel* countsLabel() const { return counts_; }

signals:
    void failed(const QString& message);

private:
    void refresh();
    void clear(const QString& message);

    Workspace& workspace_;
    QComboBox* before_;
    QComboBox* after_;
    RadarWidget* radar_;
    QLabel* counts_;
    QTableWidget* dimensions_;
    QTableWidget* questions_;
};

} // namespace mw::ui
