#pragma once
// The action plan: the open assessment's actions in the plan's order, edited in place with the keyboard.
#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace mw::ui {

class AssessmentDocument;

// One row per action: horizon, status, due date, owner, questions, title and note. Status, due date,
// owner, title and note are edited in place (F2 or typing; Enter commits), each edit one undo step. The
// filter keeps the rows whose owner or status holds the text; a gap without an action becomes one from
// the list under the table.
class ActionPlanPage : public QWidget {
    Q_OBJECT
public:
    explicit ActionPlanPage(QWidget* parent = nullptr);
    void setDocument(AssessmentDocument* document);
    QTableWidget* table() const { return table_; }
    QLineEdit* filter() const { return filter_; }
    QComboBox* gaps() const { return gaps_; }
    QPushButton* addButton() const { return add_; }
    QLabel* summary() const { return summary_; }

    enum Column { Horizon, Status, Due, Owner, Questions, Title, Note, ColumnCount };

private:
    void refresh();
    void applyFilter();
    void cellEdited(int row, int column);

    QPointer<AssessmentDocument> document_;
    QLabel* summary_;
    QLineEdit* filter_;
    QTableWidget* table_;
    QComboBox* gaps_;
    QPushButton* add_;
    bool refreshing_ = false;
};

} // namespace mw::ui
