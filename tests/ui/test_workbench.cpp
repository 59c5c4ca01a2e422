// The workbench driven as a user would: keyboard in, scores out, on the offscreen platform.
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

TEST_CASE("a whole assessment flow: create, answer by keyboard, see scores, undo, reopen", "[ui]") {
    Workbench wb;
    auto id = wb.window->createAssessment(request("Harbour Foods"));
    REQUIRE(id.has_value());
    AssessmentDocument* doc = wb.window->document();
    REQUIRE(doc != nullptr);
    CHECK(doc->currentIndex() == 0);
    CHECK(wb.overall().contains("Not scored yet"));
    CHECK_FALSE(wb.window->findChild<QLabel*>("emptyEditor")->isVisible());
    CHECK(wb.window->portfolio()->assessmentCount() == 1);

    // GO1: level 2, target 4 (Alt+4), next; GO2: level 3, next; GO3: N/A.
    wb.questionPanel()->setFocus();
    wb.key(Qt::Key_2);
    wb.key(Qt::Key_4, Qt::AltModifier);
    wb.key(Qt::Key_Return);
    wb.key(Qt::Key_3);
    wb.key(Qt::Key_PageDown);
    wb.key(Qt::Key_N);
    CHECK(doc->currentIndex() == 2);
    REQUIRE(doc->answer("GO1").has_value());
    CHECK(doc->answer("GO1")->current == 2);
    CHECK(doc->answer("GO1")->target == 4);
    CHECK(doc->answer("GO2")->current == 3);
    CHECK(doc->answer("GO3")->notApplicable);
    // The portfolio row follows: 3 of 55 answered.
    auto* tree = wb.window->portfolio()->findChild<QAbstractItemView*>();
    const QModelIndex client = tree->model()->index(0, 0);
    CHECK(tree->model()->index(0, 3, client).data().toString() == "5%");

    // The dashboard follows: Goals = (2 x w(GO1) + 3 x w(GO2)) / (w(GO1) + w(GO2)); GO3 is N/A.
    const Model& model = doc->model();
    const double w1 = model.question("GO1")->weight, w2 = model.question("GO2")->weight;
    const QString expected = QString::number((2 * w1 + 3 * w2) / (w1 + w2), 'f', 2);
    CHECK(wb.window->dashboard()->dimensionTable()->item(0, 1)->text() == expected);
    CHECK(wb.overall().contains("Overall " + expected));
    CHECK(wb.window->dashboard()->gapTable()->rowCount() == 1);
    CHECK(wb.window->dashboard()->gapTable()->item(0, 1)->text().startsWith("GO1"));

    // Digits typed into the notes are text, not levels.
    auto* notes = wb.window->findChild<QPlainTextEdit*>("notesEdit");
    wb.key(Qt::Key_PageUp);
    CHECK(doc->currentIndex() == 1);
    notes->setFocus();
    QTest::keyClicks(notes, "3 sites seen");
    QTest::keyClick(notes, Qt::Key_Escape);
    CHECK(doc->answer("GO2")->note == "3 sites seen");
    CHECK(doc->answer("GO2")->current == 3);

    // Undo the note, then the N/A on GO3.
    doc->undoStack()->undo();
    CHECK(doc->answer("GO2")->note.empty());
    doc->undoStack()->undo();
    CHECK_FALSE(doc->answer("GO3").has_value()); // GO3 had no answer before it was marked N/A

    // Reopen: everything given (and not undone) is still there.
    wb.reopen();
    REQUIRE(wb.window->openAssessment(*id).has_value());
    doc = wb.window->document();
    CHECK(doc->answer("GO1")->current == 2);
    CHECK(doc->answer("GO1")->target == 4);
    CHECK(doc->answer("GO2")->current == 3);
    CHECK_FALSE(doc->answer("GO3").has_value());
    CHECK(doc->scores().answered == 2);
}

TEST_CASE("a refused save is reported, changes nothing and leaves nothing to undo", "[ui]") {
    Workbench wb;
    REQUIRE(wb.window->createAssessment(request("Locked Utilities")).has_value());
    AssessmentDocument* doc = wb.window->document();
    QString reported;
    QObject::connect(doc, &AssessmentDocument::saveFailed,
                     [&](const QString& message) { reported = message; });
    {
        // Another program holds the database: the write waits for it, then gives up with a clear message.
        SQLite::Database other(wb.path.toStdString(), SQLite::OPEN_READWRITE);
        other.exec("BEGIN EXCLUSIVE");
        wb.questionPanel()->setFocus();
        wb.key(Qt::Key_3);
        other.exec("ROLLBACK");
    }
    CHECK(reported.contains("is locked by another program"));
    CHECK_FALSE(doc->answer("GO1").has_value());
    CHECK(doc->undoStack()->count() == 0);
    CHECK(wb.window->findChild<QMessageBox*>("errorBox") != nullptr);
    wb.key(Qt::Key_3); // and once the lock is gone the same key works
    CHECK(doc->answer("GO1")->current == 3);
}

TEST_CASE("clicking a level card and choosing a target save at once", "[ui]") {
    Workbench wb;
    REQUIRE(wb.window->createAssessment(request("Clickable Ltd")).has_value());
    AssessmentDocument* doc = wb.window->document();
    auto cards = wb.window->editor()->findChildren<QFrame*>();
    QFrame* levelFive = nullptr;
    for (auto* card : cards)
        if (card->accessibleName().startsWith("Level 5 Optimised"))
            levelFive = card;
    REQUIRE(levelFive != nullptr);
    QTest::mouseClick(levelFive, Qt::LeftButton);
    CHECK(doc->answer("GO1")->current == 5);
    auto answers = wb.workspace.app().store().answers(doc->id());
    REQUIRE(answers->size() == 1);
    CHECK((*answers)[0].current == 5);
}

TEST_CASE("find jumps to a question and follow-ups start from the baseline", "[ui]") {
    Workbench wb;
    auto baseline = wb.window->createAssessment(request("Followup Water"));
    REQUIRE(baseline.has_value());
    wb.questionPanel()->setFocus();
    wb.key(Qt::Key_1);
    // A note still being typed when the user jumps away belongs to the question it was typed for.
    auto* notes = wb.window->findChild<QPlainTextEdit*>("notesEdit");
    notes->setFocus();
    QTest::keyClicks(notes, "charter seen");
    QTest::keyClick(notes, Qt::Key_F, Qt::ControlModifier);
    auto* find = wb.window->editor()->findChild<QLineEdit*>();
    REQUIRE(find != nullptr);
    CHECK(find->hasFocus());
    QTest::keyClicks(find, "SB4");
    QTest::keyClick(find, Qt::Key_Return);
    CHECK(wb.window->document()->currentQuestion().id == "SB4");
    CHECK(wb.window->document()->answer("GO1")->note == "charter seen");
    CHECK_FALSE(wb.window->document()->answer("SB4").has_value());
    CHECK(notes->toPlainText().isEmpty());

    auto followUp = wb.window->createAssessment(
        {"Followup Water", "", "Workshop follow-up", "2027-03-01", "Sam Lee", "itot-convergence"}, *baseline,
        true);
    REQUIRE(followUp.has_value());
    AssessmentDocument* doc = wb.window->document();
    CHECK(doc->info().baselineId == *baseline);
    CHECK(doc->answer("GO1")->current == 1);
    // The new follow-up takes the workshop keys at once, without a click.
    CHECK(QApplication::focusWidget() == wb.questionPanel());
    const std::string firstOpen = doc->currentQuestion().id; // the first question not carried over
    CHECK(firstOpen == "GO2");
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_2);
    CHECK(doc->answer(firstOpen)->current == 2);
    doc->undoStack()->undo();

    wb.window->showPage(2);
    auto* compare = wb.window->comparePage();
    CHECK(compare->beforeId() == *baseline);
    CHECK(compare->afterId() == *followUp);
    CHECK(compare->countsLabel()->text().contains("0 improved"));
}

TEST_CASE("presenter mode shows the question and takes the same keys", "[ui]") {
    Workbench wb;
    REQUIRE(wb.window->createAssessment(request("Projector Plc")).has_value());
    AssessmentDocument* doc = wb.window->document();
    auto* presenter = new PresenterWindow(doc);
    presenter->show();
    REQUIRE(QTest::qWaitForWindowExposed(presenter));
    bool showsQuestion = false;
    for (auto* label : presenter->findChildren<QLabel*>())
        showsQuestion = showsQuestion || label->text() == QString::fromStdString(doc->currentQuestion().text);
    CHECK(showsQuestion);
    QTest::keyClick(presenter, Qt::Key_4);
    CHECK(doc->answer("GO1")->current == 4);
    QTest::keyClick(presenter, Qt::Key_PageDown);
    CHECK(doc->currentIndex() == 1);
    presenter->close();
}

TEST_CASE("the demo portfolio loads, filters and exports a report off the UI thread", "[ui]") {
    Workbench wb;
    REQUIRE(createDemo(wb.workspace.app().store(), wb.workspace.models()).has_value());
    wb.workspace.notifyPortfolioChanged();
    CHECK(wb.window->portfolio()->assessmentCount() == 2);
    REQUIRE(wb.window->openAssessment(2).has_value());
    CHECK(wb.overall().contains("Overall 2.00")); // held by the safety-independence floor
    // The comparison with the 1.0.0 baseline says what it compares across versions, and what holds the index.
    wb.window->showPage(2);
    const QString counts = wb.window->comparePage()->countsLabel()->text();
    CHECK(counts.contains("Model 1.0.0 → 2.0.0: 42 questions compared, 13 new."));
    CHECK(counts.contains(
        "After, the overall index is held at 2.00 by a floor (2.15 without it): SF1 reads 1"));
    const QString pdf = QString::fromStdString((wb.dir / "ui-report.pdf").string());
    auto future = wb.window->exportReport(pdf);
    future.waitForFinished();
    REQUIRE(future.result().has_value());
    CHECK(std::filesystem::file_size(wb.dir / "ui-report.pdf") > 10000);
    const QString xlsx = QString::fromStdString((wb.dir / "ui-plan.xlsx").string());
    auto sheet = wb.window->exportSpreadsheet(xlsx);
    sheet.waitForFinished();
    CHECK(sheet.result().has_value());
    // Starting again resumes the assessment that was open.
    wb.reopen();
    REQUIRE(wb.window->document() != nullptr);
    CHECK(wb.window->document()->id() == 2);
    wb.window->portfolio()->filter()->setText("nothing matches this");
    CHECK(QTest::qWaitFor(
        [&] { return wb.window->portfolio()->findChild<QAbstractItemView*>()->model()->rowCount() == 0; }));
}

TEST_CASE("the portfolio filter waits for a pause in typing, and a matching client shows its assessments",
          "[ui][scale]") {
    Workbench wb;
    REQUIRE(createDemo(wb.workspace.app().store(), wb.workspace.models()).has_value());
    REQUIRE(wb.window->createAssessment(request("Harbour Foods")).has_value());
    wb.workspace.notifyPortfolioChanged();
    PortfolioView* portfolio = wb.window->portfolio();
    const QAbstractItemModel* shown = portfolio->findChild<QAbstractItemView*>()->model();
    REQUIRE(shown->rowCount() == 2);
    auto childrenOf = [&](const QString& client) {
        for (int r = 0; r < shown->rowCount(); ++r)
            if (shown->index(r, 0).data().toString().startsWith(client))
                return shown->rowCount(shown->index(r, 0));
        return -1; // the client is not shown
    };

    portfolio->filter()->setText("severn");
    CHECK(shown->rowCount() == 2); // nothing is filtered while the user is still typing
    REQUIRE(QTest::qWaitFor([&] { return shown->rowCount() == 1; }));
    CHECK(childrenOf("Severn Vale Water") == 2); // the client matched: all its assessments show
    portfolio->filter()->setText("Follow-up");   // case folded, and a title matches
    portfolio->applyFilter();
    CHECK(childrenOf("Severn Vale Water") == 1);
    CHECK(childrenOf("Harbour Foods") == -1);
    portfolio->filter()->setText("2.0.0"); // the model version is searched too
    portfolio->applyFilter();
    CHECK(childrenOf("Severn Vale Water") == 1);
    CHECK(childrenOf("Harbour Foods") == 1); // new assessments are on 2.0.0
    portfolio->filter()->clear();
    portfolio->applyFilter();
    CHECK(shown->rowCount() == 2);
}

TEST_CASE("a level above the target leaves the target alone and says so", "[ui]") {
    Workbench wb;
    REQUIRE(wb.window->createAssessment(request("Targeted Ltd")).has_value());
    AssessmentDocument* doc = wb.window->document();
    // The current level's card says when it lies above the target.
    auto currentBadge = [&] {
        for (auto* card : wb.window->editor()->findChildren<LevelCard*>())
            if (card->isCurrent())
                return card->badgeText();
        return QString();
    };
    wb.key(Qt::Key_2, Qt::AltModifier);
    wb.key(Qt::Key_1);
    CHECK(currentBadge() == "CURRENT");
    wb.key(Qt::Key_4);
    CHECK(doc->answer("GO1")->current == 4);
    CHECK(doc->answer("GO1")->target == 2); // the room's target, not raised to the level
    CHECK(currentBadge() == "CURRENT · ABOVE TARGET");
    const auto stored = wb.workspace.app().store().answers(doc->id());
    REQUIRE(stored->size() == 1);
    CHECK((*stored)[0].target == 2);
    doc->undoStack()->undo();
    CHECK(doc->answer("GO1")->current == 1);
    CHECK(currentBadge() == "CURRENT");
}

TEST_CASE("a note is written shortly after the last key stroke, and at once when the question changes",
          "[ui]") {
    Workbench wb;
    REQUIRE(wb.window->createAssessment(request("Noted Ltd")).has_value());
    AssessmentDocument* doc = wb.window->document();
    auto* notes = wb.window->findChild<QPlainTextEdit*>("notesEdit");
    auto storedNote = [&](const std::string& question) {
        const auto stored = wb.workspace.app().store().answers(doc->id());
        for (const auto& a : *stored)
            if (a.questionId == question)
                return a.note;
        return std::string("(none)");
    };
    wb.key(Qt::Key_E); // from the question panel to the notes, without the mouse
    REQUIRE(notes->hasFocus());
    QTest::keyClicks(notes, "OT owns the historian");
    CHECK(doc->answer("GO1")->note == "OT owns the historian"); // in the document at once
    CHECK(storedNote("GO1") == "(none)");                       // on disk a moment later
    QTRY_COMPARE_WITH_TIMEOUT(storedNote("GO1"), std::string("OT owns the historian"), 2000);
    CHECK(doc->undoStack()->count() == 1); // one undo step for the whole note

    QTest::keyClicks(notes, ", IT the ERP");
    QTest::keyClick(notes, Qt::Key_PageDown);
    CHECK(doc->currentIndex() == 1);
    CHECK(storedNote("GO1") == "OT owns the historian, IT the ERP"); // written when the question changed
    CHECK(doc->undoStack()->count() == 1);
    doc->undoStack()->undo();
    CHECK(storedNote("GO1") == "(none)");
    CHECK_FALSE(doc->answer("GO1").has_value());
}

TEST_CASE("status and title are document edits: saved, signalled and undoable", "[ui]") {
    Workbench wb;
    REQUIRE(wb.window->createAssessment(request("Final Co")).has_value());
    AssessmentDocument* doc = wb.window->document();
    int changes = 0;
    QObject::connect(doc, &AssessmentDocument::detailsChanged, [&] { ++changes; });
    doc->setStatus(Status::Final);
    CHECK(doc->info().status == Status::Final);
    CHECK(wb.workspace.app().store().assessmentInfo(doc->id())->status == Status::Final);
    auto* tree = wb.window->portfolio()->findChild<QAbstractItemView*>();
    CHECK(tree->model()->index(0, 2, tree->model()->index(0, 0)).data().toString() == "final");
    doc->setTitle("Site workshop");
    CHECK(wb.window->windowTitle().contains("Site workshop"));
    CHECK(changes == 2);
    doc->undoStack()->undo();
    doc->undoStack()->undo();
    CHECK(wb.workspace.app().store().assessmentInfo(doc->id())->status == Status::Draft);
    CHECK(wb.workspace.app().store().assessmentInfo(doc->id())->title == "Workshop baseline");
    doc->setDate("2026-02-30"); // refused: nothing to undo, nothing changed
    CHECK(doc->undoStack()->count() == 0);
    CHECK(doc->info().date == "2026-03-02");
    // The details dialog's three fields are one undo step.
    app::DetailsEdit details;
    details.title = "Plant workshop";
    details.date = "2026-03-09";
    details.assessor = "Kim Ode";
    doc->setDetails(details);
    CHECK(doc->undoStack()->count() == 1);
    CHECK(wb.workspace.app().store().assessmentInfo(doc->id())->assessor == "Kim Ode");
    doc->undoStack()->undo();
    CHECK(wb.workspace.app().store().assessmentInfo(doc->id())->date == "2026-03-02");
    CHECK(doc->info().assessor == "Sam Lee");
}

TEST_CASE("the Compare page follows the open assessment and never compares one with itself", "[ui]") {
    DemoWorkbench wb;
    wb.window->showPage(2);
    auto* compare = wb.window->comparePage();
    CHECK(compare->beforeId() == 1);
    CHECK(compare->afterId() == 2);
    // Another assessment opened while the page is showing: the page follows at once.
    auto fresh = wb.window->createAssessment(request("Lonely Ltd"));
    REQUIRE(fresh.has_value());
    wb.window->showPage(2);
    CHECK_FALSE(compare->beforeId().has_value());
    CHECK(compare->afterId() == *fresh);
    CHECK(compare->countsLabel()->text().contains("no baseline"));
    REQUIRE(wb.window->openAssessment(1).has_value());
    CHECK(compare->beforeId() == 1); // the baseline, with its follow-up
    CHECK(compare->afterId() == 2);
}

TEST_CASE("a whole question by keys, drop-downs included, as a facilitator works it", "[ui]") {
    Workbench wb;
    REQUIRE(wb.window->createAssessment(request("Keyboard Works")).has_value());
    AssessmentDocument* doc = wb.window->document();
    CHECK(QApplication::focusWidget() == wb.questionPanel());
    wb.key(Qt::Key_2);                  // level
    wb.key(Qt::Key_4, Qt::AltModifier); // target
    wb.key(Qt::Key_H);                  // confidence high
    wb.key(Qt::Key_E);                  // to the notes
    auto* notes = wb.window->findChild<QPlainTextEdit*>("notesEdit");
    REQUIRE(notes->hasFocus());
    QTest::keyClicks(notes, "Ops and IT agree: no charter");
    QTest::keyClick(notes, Qt::Key_Escape);
    CHECK(QApplication::focusWidget() == wb.questionPanel());
    // The target drop-down, by keyboard: the choice is saved and the keys go back to the question.
    auto* target = wb.window->findChild<QComboBox*>("targetCombo");
    target->setFocus();
    QTest::keyClick(target, Qt::Key_Down); // 4 Managed -> 5 Optimised
    QCoreApplication::processEvents();
    CHECK(doc->answer("GO1")->target == 5);
    CHECK(QApplication::focusWidget() == wb.questionPanel());
    wb.key(Qt::Key_L); // a letter now is a command, not a search in the drop-down
    const auto saved = wb.workspace.app().store().answer(doc->id(), "GO1", doc->consensusId());
    REQUIRE(saved.has_value());
    REQUIRE(saved->has_value());
    CHECK((*saved)->current == 2);
    CHECK((*saved)->target == 5);
    CHECK((*saved)->confidence == Confidence::Low);
    CHECK((*saved)->note == "Ops and IT agree: no charter");
    wb.key(Qt::Key_Return);
    CHECK(doc->currentIndex() == 1);
}

TEST_CASE("the editor says who to ask first, and the dashboard says which question a floor holds a score by",
          "[ui][floors]") {
    Workbench wb;
    const Model model = test::fixtureModel("rubric-floored.json");
    auto& store = wb.workspace.app().store();
    auto client = store.ensureClient("Severn Vale Water");
    REQUIRE(client.has_value());
    auto id = store.createAssessment({client->id, "Floors", "2026-03-02", "Sam Lee", std::nullopt, &model});
    REQUIRE(id.has_value());
    wb.workspace.notifyPortfolioChanged();
    REQUIRE(wb.window->openAssessment(*id).has_value());
    auto* breadcrumb = wb.window->findChild<QLabel*>("breadcrumb");
    CHECK(breadcrumb->text().endsWith("A1  ·  Ask OT first, then Security"));

    // A1 at 1 (the floor question), every other question at 4, by keyboard as the facilitator would.
    wb.questionPanel()->setFocus();
    wb.key(Qt::Key_1);
    for (int i = 1; i < 5; ++i) {
        wb.key(Qt::Key_Return);
        wb.key(Qt::Key_4);
    }
    CHECK_FALSE(breadcrumb->text().contains("Ask")); // the other questions name nobody
    auto* holds = wb.window->findChild<QLabel*>("floorHolds");
    CHECK_FALSE(holds->isHidden()); // shown on the dashboard (another page is open here)
    CHECK(holds->text().startsWith("The overall index is held at 2.00 by a floor"));
    CHECK(holds->text().endsWith("A1 reads 1, below 2."));
    CHECK(wb.overall().startsWith("Overall 2.00 of 5"));
    auto* table = wb.window->dashboard()->dimensionTable();
    CHECK(table->item(0, 2)->text() == "Developing (held)");
    CHECK(table->item(0, 2)->toolTip().startsWith("Alpha is held at 2.00"));

    for (int i = 1; i < 5; ++i) // back to A1, lifted to the floor's line: nothing holds any more
        wb.key(Qt::Key_PageUp);
    CHECK(wb.window->document()->currentQuestion().id == "A1");
    wb.key(Qt::Key_2);
    CHECK(holds->isHidden());
    CHECK_FALSE(table->item(0, 2)->text().contains("held"));
}

TEST_CASE("the new-assessment dialog offers each built-in version, and picking 1.0.0 starts on 1.0.0",
          "[ui][default-model]") {
    Workbench wb;
    NewAssessmentDialog dialog({}, wb.workspace.models());
    auto* models = dialog.findChildren<QComboBox*>().last();
    REQUIRE(models->count() == 2);
    CHECK(models->itemText(0) == "IT/OT Convergence Maturity 2.0.0"); // newest first, and the default
    CHECK(models->currentIndex() == 0);
    CHECK(models->itemText(1) == "IT/OT Convergence Maturity 1.0.0");
    models->setCurrentIndex(1);
    NewAssessmentRequest request = dialog.request();
    CHECK(request.modelId == "itot-convergence@1.0.0");
    request.clientName = "Legacy Water";
    request.title = "Baseline on the older version";
    auto created = wb.window->createAssessment(request);
    REQUIRE(created.has_value());
    CHECK(wb.window->document()->model().version == "1.0.0");
    CHECK(wb.window->document()->model().questionCount() == 42);
}

TEST_CASE("a large portfolio lists its clients closed, and opens those a filter leaves", "[ui][scale]") {
    Workbench wb;
    REQUIRE(createPortfolio(wb.workspace.app().store(), test::defaultModel(), 160).has_value());
    wb.workspace.notifyPortfolioChanged();
    PortfolioView* portfolio = wb.window->portfolio();
    auto* tree = portfolio->findChild<QTreeView*>();
    const QAbstractItemModel* shown = tree->model();
    REQUIRE(shown->rowCount() == 160);
    CHECK(portfolio->assessmentCount() == 280);        // every fourth client has no follow-up yet
    CHECK_FALSE(tree->isExpanded(shown->index(0, 0))); // 160 clients: a list of clients
    portfolio->filter()->setText("Carrow Mining");
    portfolio->applyFilter();
    REQUIRE(shown->rowCount() > 0);
    CHECK(shown->rowCount() <= 150);
    for (int r = 0; r < shown->rowCount(); ++r) {
        CHECK(shown->index(r, 0).data().toString().contains("Carrow Mining"));
        CHECK(tree->isExpanded(shown->index(r, 0))); // few enough to read: each opens onto its assessments
    }
}
