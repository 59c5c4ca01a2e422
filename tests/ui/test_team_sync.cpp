// The workbench and the team hub (a real PostgreSQL server, tests/hub/pg_server.sh): F9 syncs off the UI
// thread, the open assessment shows what arrived, the status says when it last synced, and the conflicts
// dialog keeps or restores a lost value from the keyboard.
#include "conflicts_dialog.hpp"
#include "hub/hub_server.hpp"
#include "workbench_fixture.hpp"

#include "app/answers.hpp"

#include <QPlainTextEdit>
#include <QTableWidget>

using namespace mw;
using namespace mw::ui;
using namespace mw::ui::test_support;

namespace {

void waitFor(const QFuture<void>& future) {
    REQUIRE(QTest::qWaitFor([&] { return future.isFinished(); }, 30000));
}

app::Workspace otherLaptop(const test::TempDir& dir) {
    auto laptop = app::Workspace::open(dir / "other.db");
    REQUIRE(laptop.has_value());
    return std::move(*laptop);
}

} // namespace

TEST_CASE("F9 syncs with the team hub off the UI thread, and the open assessment shows what arrived",
          "[ui][hub]") {
    const std::string hub = test::HubServer::instance().freshDatabase();
    REQUIRE(app::initHub(hub).has_value());
    DemoWorkbench wb;
    REQUIRE(app::syncWithHub(wb.workspace.app(), hub).has_value()); // the address is remembered
    test::TempDir dir;
    {
        auto other = otherLaptop(dir);
        REQUIRE(app::syncWithHub(other, hub).has_value());
        REQUIRE(app::recordAnswer(other, 2, "GO1", AnswerEdit::setNote("Agreed on the other laptop"))
                    .has_value());
        REQUIRE(app::syncWithHub(other, hub).has_value());
    }
    wb.doc()->setCurrentIndex(0);
    wb.window->syncLabel()->setText({});
    QTest::keyClick(wb.window.get(), Qt::Key_F9);
    REQUIRE(QTest::qWaitFor([&] { return wb.window->syncLabel()->text().startsWith("synced"); }, 30000));
    CHECK(wb.window->syncLabel()->text() == "synced just now");
    REQUIRE(wb.doc() != nullptr);
    CHECK(wb.doc()->currentIndex() == 0);
    CHECK(wb.doc()->answer("GO1")->note == "Agreed on the other laptop");

    // A note changed on both sides: the later one is kept, the other waits in the conflicts dialog.
    {
        auto other = otherLaptop(dir);
        REQUIRE(
            app::recordAnswer(other, 2, "GO2", AnswerEdit::setNote("Other: measured monthly")).has_value());
        REQUIRE(app::syncWithHub(other, hub).has_value());
    }
    QTest::qWait(5);
    wb.doc()->setCurrentIndex(1);
    wb.questionPanel()->setFocus();
    wb.key(Qt::Key_E);
    auto* notes = wb.window->findChild<QPlainTextEdit*>("notesEdit");
    REQUIRE(notes->hasFocus());
    notes->moveCursor(QTextCursor::End);
    QTest::keyClicks(notes, " (here)");
    QTest::keyClick(notes, Qt::Key_Escape);
    waitFor(wb.window->syncNow(true));
    CHECK(wb.window->syncLabel()->text().contains("1 conflict to look at"));
    CHECK(wb.doc()->answer("GO2")->note.ends_with(" (here)"));
    {
        ConflictsDialog dialog(wb.workspace, wb.window.get());
        dialog.show();
        dialog.activateWindow();
        REQUIRE(QTest::qWaitForWindowActive(&dialog));
        REQUIRE(dialog.count() == 1);
        auto* table = dialog.findChild<QTableWidget*>("conflictsTable");
        CHECK(table->item(0, 1)->text() == "note");
        CHECK(table->item(0, 3)->text() == "Other: measured monthly");
        QTest::keyClick(table, Qt::Key_R); // restore the lost value
        CHECK(dialog.count() == 0);
    }
    CHECK(wb.doc()->answer("GO2")->note == "Other: measured monthly");
    waitFor(wb.window->syncNow(true));
    auto other = otherLaptop(dir);
    REQUIRE(app::syncWithHub(other, hub).has_value());
    auto consensus = other.store().defaultParticipant(2);
    REQUIRE(consensus.has_value());
    CHECK((*other.store().answer(2, "GO2", consensus->id))->note == "Other: measured monthly");
}

TEST_CASE("a hub that cannot be reached leaves the workbench working and says 'offline'", "[ui][hub]") {
    DemoWorkbench wb;
    // A hub that was there once: the address is remembered, then the server is gone.
    auto& server = test::HubServer::instance();
    const std::string hub = server.freshDatabase();
    REQUIRE(app::initHub(hub).has_value());
    REQUIRE(app::syncWithHub(wb.workspace.app(), hub).has_value());
    server.halt();
    wb.doc()->setCurrentIndex(0);
    wb.questionPanel()->setFocus();
    wb.key(Qt::Key_1);
    waitFor(wb.window->syncNow(true));
    CHECK(wb.window->syncLabel()->text() == "offline, 1 change waiting");
    CHECK(wb.window->syncLabel()->toolTip().contains("cannot reach the hub"));
    CHECK(wb.doc()->answer("GO1")->current == 1);
    server.resume();
    waitFor(wb.window->syncNow(true));
    CHECK(wb.window->syncLabel()->text() == "synced just now");
}
