// The main window's menus and toolbar: every command with its shortcut, so a facilitator never needs the
// mouse.
#include "main_window.hpp"

#include "action_plan_page.hpp"
#include "assessment_document.hpp"
#include "compare_page.hpp"
#include "core/voices.hpp"
#include "dashboard_page.hpp"
#include "dialogs.hpp"
#include "editor_page.hpp"
#include "evidence_attach.hpp"
#include "live_room.hpp"
#include "platform/qt_text.hpp"
#include "portfolio_view.hpp"
#include "presenter_window.hpp"
#include "room_page.hpp"
#include "workspace.hpp"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QUndoGroup>

namespace mw::ui {

void MainWindow::buildMenus() {
    buildFileMenu();
    buildEditMenu();
    buildViewMenu();
    buildHelpMenu();
    buildToolbar();
    rebuildRecentMenu();
}

void MainWindow::buildFileMenu() {
    auto* file = menuBar()->addMenu(tr("&File"));
    actions_.newAssessment = file->addAction(QIcon::fromTheme("document-new"), tr("&New assessment…"), this,
                                             &MainWindow::newAssessment);
    actions_.newAssessment->setShortcut(QKeySequence::New);
    actions_.followUp = file->addAction(QIcon::fromTheme("go-next"), tr("Start &follow-up…"), this,
                                        &MainWindow::startFollowUp);
    actions_.followUp->setShortcut(QKeySequence(tr("Ctrl+Shift+N")));
    file->addSeparator();
    file->addAction(tr("New &database…"), this, &MainWindow::newDatabase);
    auto* open = file->addAction(QIcon::fromTheme("document-open"), tr("&Open database…"), this,
                                 &MainWindow::openDatabase);
    open->setShortcut(QKeySequence::Open);
    recentMenu_ = file->addMenu(tr("&Recent databases"));
    file->addSeparator();
    actions_
        .report = file->addAction(QIcon::fromTheme("document-print"), tr("Export &report…"), this, [this] {
        exportWithDialog(
            tr("Export report"),
            tr("PDF report (*.pdf);;Word document, editable (*.docx);;OpenDocument text, editable (*.odt)"),
            suggestedFileName(".pdf"), [this](const QString& path) { return exportReport(path); });
    });
    actions_.report->setShortcut(QKeySequence::Print);
    actions_.comparison = file->addAction(tr("Export &comparison report…"), this, [this] {
        const auto before = compare_->beforeId();
        const auto after = compare_->afterId();
        if (!before || !after) {
            compare_->reload(document()->id());
            showPage(2);
            showError(tr("Pick the two assessments to compare on the Compare page first."));
            return;
        }
        exportWithDialog(
            tr("Export comparison report"),
            tr("PDF report (*.pdf);;Word document, editable (*.docx);;OpenDocument text, editable (*.odt)"),
            safeFileName(q(document()->info().clientName)) + "-progress-review.pdf",
            [this, before, after](const QString& path) { return exportComparison(*before, *after, path); });
    });
    actions_.spreadsheet = file->addAction(tr("Export &spreadsheet…"), this, [this] {
        exportWithDialog(tr("Export spreadsheet"), tr("Excel workbook (*.xlsx)"), suggestedFileName(".xlsx"),
                         [this](const QString& path) { return exportSpreadsheet(path); });
    });
    actions_.bundle = file->addAction(tr("Export &bundle…"), this, &MainWindow::exportBundle);
    file->addAction(tr("&Import bundle or package…"), this, &MainWindow::importBundle);
    file->addSeparator();
    buildSync(file);
    file->addSeparator();
    auto* quit = file->addAction(QIcon::fromTheme("application-exit"), tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
}

void MainWindow::buildEditMenu() {
    auto* edit = menuBar()->addMenu(tr("&Edit"));
    actions_.undo = undoGroup_->createUndoAction(this, tr("&Undo"));
    actions_.undo->setShortcut(QKeySequence::Undo);
    actions_.redo = undoGroup_->createRedoAction(this, tr("&Redo"));
    actions_.redo->setShortcut(QKeySequence::Redo);
    edit->addAction(actions_.undo);
    edit->addAction(actions_.redo);
    edit->addSeparator();
    actions_.find = edit->addAction(QIcon::fromTheme("edit-find"), tr("&Find question…"), this, [this] {
        showPage(0);
        editor_->focusFind();
    });
    actions_.find->setShortcut(QKeySequence::Find);
    actions_.participant = edit->addAction(tr("Add &participant…"), this, &MainWindow::addParticipant);
    actions_.participant->setShortcut(QKeySequence(tr("Ctrl+Shift+P")));
    actions_.details = edit->addAction(tr("Assessment &details…"), this, &MainWindow::editDetails);
    actions_.details->setShortcut(QKeySequence(tr("Ctrl+I")));
    actions_.markFinal = edit->addAction(tr("Mark assessment &final"), this, [this] {
        document()->setStatus(document()->info().status == Status::Final ? Status::Draft : Status::Final);
    });
    actions_.attach = edit->addAction(tr("A&ttach evidence to this question…"), this, [this] {
        chooseAndAttach(this, *document(), {document()->currentQuestion().id});
    });
    actions_.attach->setShortcut(QKeySequence(tr("Ctrl+Shift+E")));
    buildRoomActions(edit);
    edit->addSeparator();
    edit->addAction(tr("&Settings…"), this, &MainWindow::showSettings)
        ->setShortcut(QKeySequence::Preferences);
}

void MainWindow::buildViewMenu() {
    auto* view = menuBar()->addMenu(tr("&View"));
    view->addAction(tr("&Assess"), this, [this] { showPage(0); })->setShortcut(QKeySequence(tr("Ctrl+1")));
    view->addAction(tr("&Dashboard"), this, [this] { showPage(1); })->setShortcut(QKeySequence(tr("Ctrl+2")));
    view->addAction(tr("&Compare"), this, [this] { showPage(2); })->setShortcut(QKeySequence(tr("Ctrl+3")));
    view->addAction(tr("&Room: each group's view"), this, [this] { showPage(3); })
        ->setShortcut(QKeySequence(tr("Ctrl+4")));
    // Ctrl+5 as well as the tab's Alt+T: a tab mnemonic is lost while a text field has the focus.
    view->addAction(tr("Action &plan"), this, [this] { showPage(4); })
        ->setShortcut(QKeySequence(tr("Ctrl+5")));
    view->addAction(tr("&Evidence"), this, [this] { showPage(5); })->setShortcut(QKeySequence(tr("Ctrl+6")));
    view->addSeparator();
    auto* showPortfolio = view->addAction(tr("&Portfolio"));
    showPortfolio->setCheckable(true);
    showPortfolio->setChecked(true);
    showPortfolio->setShortcut(QKeySequence(tr("Ctrl+0")));
    connect(showPortfolio, &QAction::toggled, portfolio_, &QWidget::setVisible);
    view->addSeparator();
    actions_.presenter = view->addAction(QIcon::fromTheme("view-fullscreen"), tr("&Presenter mode"), this,
                                         &MainWindow::presenterMode);
    actions_.presenter->setShortcut(QKeySequence(Qt::Key_F5));
}

void MainWindow::buildHelpMenu() {
    auto* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard shortcuts"), this, [this] {
        QMessageBox::information(
            this, tr("Keyboard shortcuts"),
            tr("While assessing:\n\n0–5\tset the current level\nAlt+0–5\tset the target level\n"
               "N\tmark not applicable\nL, M, H\tlow, medium or high confidence\n"
               "Enter, PgDn\tnext question\nPgUp\tprevious question\n"
               "E\tgo to the notes\nEsc\tleave the notes field\nCtrl+F\tfind a question\n"
               "Tab\tthe level cards, then target, confidence and notes\nSpace\tpick the level card in "
               "focus\n"
               "←, →\tthe previous or next voice\nC\tback to the consensus\nS\ttake the suggested consensus\n"
               "Ctrl+I\tassessment details\nCtrl+Shift+P\tadd a participant\nCtrl+Z / Ctrl+Shift+Z\tundo / "
               "redo\n"
               "Ctrl+0\tshow or hide the portfolio\nCtrl+4\tthe Room: each group's view\n"
               "Ctrl+6\tthe evidence\nCtrl+Shift+E\tattach evidence to the question\n"
               "Ctrl+V\tattach the copied file or screenshot to the question\n"
               "Ctrl+P\texport the report\nCtrl+Shift+V\topen or close the room for voting from phones\n"
               "F9\tsync with the team hub\n\n"
               "In presenter mode (F5):\n\nB\tblind vote: hide the voices and the marks\nR\treveal\n"
               "D\tresults of the question's dimension\nA\tresults of the whole assessment\n"
               "J\tthe join slide: URL and QR code for phones\nV\topen the question for voting from phones\n"
               "PgDn, PgUp\tnext or previous results\nEsc\tback to the question, or close"));
    });
    help->addAction(tr("&About Maturity Workbench"), this, [this] {
        QMessageBox::about(this, tr("About Maturity Workbench"),
                           tr("<b>Maturity Workbench %1</b><p>IT/OT convergence maturity assessments for "
                              "consultants.</p><p>Licensed under the Apache License 2.0.</p>")
                               .arg(QCoreApplication::applicationVersion().toHtmlEscaped()));
    });
}

void MainWindow::buildToolbar() {
    auto* toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName("mainToolbar");
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->addAction(actions_.newAssessment);
    toolbar->addAction(actions_.followUp);
    toolbar->addSeparator();
    toolbar->addAction(actions_.undo);
    toolbar->addAction(actions_.redo);
    toolbar->addSeparator();
    toolbar->addAction(actions_.presenter);
    toolbar->addAction(actions_.report);
    toolbar->addAction(actions_.spreadsheet);
    documentActions_ = {actions_.followUp, actions_.report,      actions_.comparison, actions_.spreadsheet,
                        actions_.bundle,   actions_.markFinal,   actions_.presenter,  actions_.find,
                        actions_.details,  actions_.participant, actions_.room,       actions_.attach};
}

void MainWindow::rebuildRecentMenu() {
    recentMenu_->clear();
    for (const QString& path : Workspace::recentDatabases())
        recentMenu_->addAction(path, this, [this, path] { switchDatabase(path); });
    recentMenu_->setEnabled(!recentMenu_->isEmpty());
}

} // namespace mw::ui
