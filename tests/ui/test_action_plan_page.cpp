// The Action plan page, driven by keyboard.
#include "action_plan_page.hpp"
#include "app/answers.hpp"
#include "app/workshop.hpp"
#include "assessment_document.hpp"
#include "compare_page.hpp"
#include "dashboard_page.hpp"
#include "dialogs.hpp"
#include "editor_page.hpp"
#include "level_card.hpp"
#include "main_window.hpp"
#include "portfolio_view.hpp"
#include "presenter_window.hpp"
#include "radar_widget.hpp"
#include "room_page.hpp"
#include "storage/demo.hpp"
#include "support.hpp"
#include "workbench_fixture.hpp"
#include "workspace.hpp"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QTreeView>
#include <SQLiteCpp/SQLiteCpp.h>

using namespace mw;
using namespace mw::ui;
using namespace mw::ui::test_support;

TEST_CASE("the action plan page edits an action by keyboard, and undo puts it back", "[ui][actions]") {
    Workbench wb;
    auto demo = createDemo(wb.workspace.app().store(), wb.workspace.models());
    REQUIRE(demo.has_value());
    wb.reopen();
    REQUIRE(wb.window->openAssessment(demo->followUpId).has_value());
    ActionPlanPage* page = wb.window->actionPlanPage();
    // Ctrl+5 reaches the page from the question, as Ctrl+1 to Ctrl+4 reach the others.
    CHECK_FALSE(page->isVisible());
    wb.key(Qt::Key_5, Qt::ControlModifier);
    QTRY_VERIFY(page->isVisible());
    QTableWidget* table = page->table();
    REQUIRE(table->rowCount() == 12); // carried from the baseline
    CHECK(page->summary()->text().contains("12 actions: 10 done, 1 late"));
    // The late one: monitoring the boundary, still in progress.
    int late = -1;
    for (int row = 0; row < table->rowCount(); ++row)
        if (table->item(row, ActionPlanPage::Questions)->text() == "SB4")
            late = row;
    REQUIRE(late >= 0);
    CHECK(table->item(late, ActionPlanPage::Status)->text() == "In progress");
    // Type a new owner into the cell and press Enter.
    table->setFocus();
    table->setCurrentCell(late, ActionPlanPage::Owner);
    QTest::keyClick(table, Qt::Key_F2);
    QWidget* editor = QApplication::focusWidget();
    REQUIRE(qobject_cast<QLineEdit*>(editor));
    qobject_cast<QLineEdit*>(editor)->selectAll();
    QTest::keyClicks(editor, "L. Chen");
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_VERIFY(
        wb.window->document()->action(table->item(late, 0)->data(Qt::UserRole + 1).toLongLong())->owner ==
        "L. Chen");
    auto stored = wb.workspace.app().store().actions(demo->followUpId);
    CHECK(std::any_of(stored->begin(), stored->end(), [](const Action& a) { return a.owner == "L. Chen"; }));
    // Undo puts the owner back, in the database too.
    wb.window->document()->undoStack()->undo();
    stored = wb.workspace.app().store().actions(demo->followUpId);
    CHECK(std::none_of(stored->begin(), stored->end(), [](const Action& a) { return a.owner == "L. Chen"; }));
    // The filter keeps the rows whose owner or status holds the text.
    QTest::keyClicks(page->filter(), "dropped");
    int shown = 0;
    for (int row = 0; row < table->rowCount(); ++row)
        shown += !table->isRowHidden(row);
    CHECK(shown == 1);
    // A gap without an action becomes one, and undo removes it.
    REQUIRE(page->gaps()->count() > 0);
    page->addButton()->click();
    CHECK(wb.workspace.app().store().actions(demo->followUpId)->size() == 13);
    wb.window->document()->undoStack()->undo();
    CHECK(wb.workspace.app().store().actions(demo->followUpId)->size() == 12);
}
