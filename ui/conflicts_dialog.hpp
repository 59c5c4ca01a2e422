#pragma once
// The fields two laptops changed while apart: the value kept and the value that lost, each closed by
// keeping what was kept or taking the lost value again. Keyboard first: the list has the focus, K keeps,
// R restores.
#include <QDialog>

class QLabel;
class QPushButton;
class QTableWidget;

namespace mw::ui {

class Workspace;

class ConflictsDialog : public QDialog {
    Q_OBJECT
public:
    explicit ConflictsDialog(Workspace& workspace, QWidget* parent = nullptr);
    int count() const;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void reload();
    void resolveCurrent(bool restoreLost);
    Workspace& workspace_;
    QTableWidget* table_;
    QLabel* summary_;
    QPushButton* keep_;
    QPushButton* restore_;
};

} // namespace mw::ui
