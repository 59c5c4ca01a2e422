#include "main_window.hpp"

#include "action_plan_page.hpp"
#include "assessment_document.hpp"
#include "compare_page.hpp"
#include "core/voices.hpp"
#include "dashboard_page.hpp"
#include "dialogs.hpp"
#include "editor_page.hpp"
#include "evidence_page.hpp"
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

MainWindow::MainWindow(Workspace& workspace, QWidget* parent)
    : QMainWindow(parent)
    , workspace_(workspace)
    , portfolio_(new PortfolioView(workspace, this))
    , tabs_(new QTabWidget(this))
    , editor_(new EditorPage(this))
    , dashboard_(new DashboardPage(this))
    , compare_(new ComparePage(workspace, this))
    , room_(new RoomPage(this))
    , actionPlan_(new ActionPlanPage(this))
    , evidence_(new EvidencePage(this))
    , undoGroup_(new QUndoGroup(this))
    , databaseLabel_(new QLabel(this))
    , liveRoom_(new LiveRoom(this))
    , roomLabel_(new QLabel(this)) {
    setObjectName("mainWindow");
    tabs_->addTab(editor_, tr("&Assess"));
    tabs_->addTab(dashboard_, tr("&Dashboard"));
    tabs_->addTab(compare_, tr("&Compare"));
    tabs_->addTab(room_, tr("&Room"));
    tabs_->addTab(actionPlan_, tr("Ac&tion plan"));
    tabs_->addTab(evidence_, tr("Evide&nce"));
    tabs_->setDocumentMode(true);
    splitter_ = new QSplitter(this);
    splitter_->addWidget(portfolio_);
    splitter_->addWidget(tabs_);
    splitter_->setStretchFactor(1, 1);
    setCentralWidget(splitter_);
    statusBar()->addPermanentWidget(roomLabel_);
    statusBar()->addPermanentWidget(databaseLabel_);
    buildMenus();

    connect(portfolio_, &PortfolioView::assessmentActivated, this, [this](Id id) {
        if (auto opened = openAssessment(id); !opened)
            showError(q(opened.error().message));
    });
    connect(&workspace_, &Workspace::documentChanged, this, &MainWindow::showDocument);
    connect(portfolio_, &PortfolioView::assessmentChosen, this, [this] {
        showPage(0);
        editor_->focusQuestion();
    });
    connect(portfolio_, &PortfolioView::failed, this, &MainWindow::showError);
    connect(compare_, &ComparePage::failed, this, &MainWindow::showError);
    connect(evidence_, &EvidencePage::failed, this, &MainWindow::showError);
    connect(evidence_, &EvidencePage::status, this,
            [this](const QString& message) { statusBar()->showMessage(message, 8000); });
    connect(evidence_, &EvidencePage::questionChosen, this, [this](const std::string& questionId) {
        if (!document())
            return;
        const auto& questions = document()->questions();
        for (std::size_t i = 0; i < questions.size(); ++i)
            if (questions[i]->id == questionId)
                document()->setCurrentIndex(static_cast<int>(i));
    });
    connect(&workspace_, &Workspace::opened, this, [this] {
        updateTitle();
        rebuildRecentMenu();
    });
    connect(&workspace_, &Workspace::backupFailed, this, [this](const QString& problem) {
        statusBar()->showMessage(tr("Today's automatic backup failed: %1").arg(problem));
    });
    connect(tabs_, &QTabWidget::currentChanged, this, [this](int index) {
        if (index == 0)
            editor_->focusQuestion();
        if (index == 2)
            compare_->reload(document() ? std::optional<Id>(document()->id()) : std::nullopt);
    });
    portfolio_->reload();
    updateTitle();
    updateActions();
    openInitialAssessment();
    // No bigger than the screen (a projector at 1280x720, or a laptop at 200%), then as it was left.
    resize(QSize(1440, 900).boundedTo(screen()->availableSize()));
    QSettings settings;
    restoreGeometry(settings.value("window/geometry").toByteArray());
    // A size saved on a larger screen (the laptop's, before the projector) is bounded again.
    const QRect available = screen()->availableGeometry();
    if (width() > available.width() || height() > available.height()) {
        resize(size().boundedTo(available.size()));
        move(available.topLeft());
    }
}

// Sized when first shown, at the window's real size: the portfolio takes under a quarter of the width, so
// the question keeps its room on a small screen or at twice the scale.
void MainWindow::showEvent(QShowEvent* event) {
    QMainWindow::showEvent(event);
    if (sized_)
        return;
    sized_ = true;
    const int portfolioWidth = std::clamp(width() * 2 / 9, 180, 420);
    splitter_->setSizes({portfolioWidth, width() - portfolioWidth});
}

MainWindow::~MainWindow() = default;

AssessmentDocument* MainWindow::document() const {
    return workspace_.document();
}

void MainWindow::closeEvent(QCloseEvent* event) {
    QSettings().setValue("window/geometry", saveGeometry());
    event->accept();
}

void MainWindow::updateTitle() {
    QString title = tr("Maturity Workbench");
    if (document())
        title = q(document()->info().clientName + " - " + document()->info().title) + " — " + title;
    setWindowTitle(title);
    databaseLabel_->setText(tr("Database: %1").arg(workspace_.path()));
}

void MainWindow::updateActions() {
    for (auto* action : documentActions_)
        action->setEnabled(document() != nullptr);
}

void MainWindow::showPage(int index) {
    tabs_->setCurrentIndex(index);
}

void MainWindow::showError(const QString& message) {
    statusBar()->showMessage(message, 10000);
    if (!isVisible())
        return;
    // Not modal: a workshop carries on while the consultant reads what went wrong.
    auto* box =
        new QMessageBox(QMessageBox::Warning, tr("Maturity Workbench"), message, QMessageBox::Ok, this);
    box->setObjectName("errorBox");
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

Result<void> MainWindow::openAssessment(Id id) {
    auto opened = workspace_.openAssessment(id);
    if (!opened)
        return std::unexpected(opened.error());
    return {};
}

// The workspace opened or closed an assessment: every view follows it.
void MainWindow::showDocument(AssessmentDocument* document) {
    connectRoom(document);
    editor_->setDocument(document);
    dashboard_->setDocument(document);
    room_->setDocument(document);
    actionPlan_->setDocument(document);
    evidence_->setDocument(document);
    if (document) {
        undoGroup_->addStack(document->undoStack());
        undoGroup_->setActiveStack(document->undoStack());
        connect(document, &AssessmentDocument::saveFailed, this, &MainWindow::showError);
        connect(document, &AssessmentDocument::saved, this, [this](const QString& question, double ms) {
            const QString problem = workspace_.backupProblem();
            if (problem.isEmpty())
                statusBar()->showMessage(tr("Saved %1 in %2 ms").arg(question).arg(ms, 0, 'f', 1), 4000);
            else
                statusBar()->showMessage(
                    tr("Saved %1, but today's automatic backup failed: %2").arg(question, problem));
        });
        // Only this assessment's completeness changes with an answer: update its row, not the whole
        // portfolio.
        connect(document, &AssessmentDocument::scoresChanged, this, [this, document] {
            portfolio_->setCompleteness(document->id(), document->scores().completeness);
        });
        connect(document, &AssessmentDocument::detailsChanged, this, &MainWindow::updateTitle);
        portfolio_->select(document->id());
        QSettings().setValue("last/" + workspace_.path(), QVariant::fromValue<qlonglong>(document->id()));
    }
    updateTitle();
    updateActions();
}

// Workshops resume where they stopped: the assessment last open on this database, else the latest draft.
void MainWindow::openInitialAssessment() {
    if (!workspace_.isOpen())
        return;
    // The portfolio has just listed them: start-up reads the assessments once.
    const std::vector<AssessmentInfo>* list = &portfolio_->loadedAssessments();
    if (list->empty())
        return;
    const qlonglong remembered = QSettings().value("last/" + workspace_.path()).toLongLong();
    std::optional<Id> pick;
    for (const auto& a : *list)
        if (a.id == remembered)
            pick = a.id;
    if (!pick) {
        // Drafts before final reports, then the most recent date.
        auto preferable = [](const AssessmentInfo& a, const AssessmentInfo& b) {
            if ((a.status == Status::Draft) != (b.status == Status::Draft))
                return a.status == Status::Draft;
            return a.date >= b.date;
        };
        const AssessmentInfo* best = &list->front();
        for (const auto& a : *list)
            if (preferable(a, *best))
                best = &a;
        pick = best->id;
    }
    if (auto opened = openAssessment(*pick); !opened)
        statusBar()->showMessage(q(opened.error().message), 10000);
}

Result<Id> MainWindow::createAssessment(const NewAssessmentRequest& request, std::optional<Id> baseline,
                                        bool copyBaselineAnswers) {
    const app::StartRequest start{
        s(request.clientName), s(request.sector),  s(request.title), s(request.date),
        s(request.assessor),   s(request.modelId), baseline,         copyBaselineAnswers};
    // A follow-up from the baseline's answers is its own use case: the workshop amends what changed.
    auto opened = baseline && copyBaselineAnswers ? workspace_.startFollowUp(*baseline, start)
                                                  : workspace_.startAssessment(start);
    if (!opened)
        return std::unexpected(opened.error());
    showPage(0);
    editor_->focusQuestion(); // ready for 0-5 straight away
    return (*opened)->id();
}

void MainWindow::newAssessment() {
    auto clients = workspace_.clients();
    if (!clients) {
        showError(q(clients.error().message));
        return;
    }
    NewAssessmentDialog dialog(*clients, workspace_.models(), this);
    if (document())
        dialog.setRequest({q(document()->info().clientName),
                           {},
                           tr("IT/OT convergence baseline"),
                           {},
                           SettingsDialog::defaultAssessor(),
                           SettingsDialog::defaultModel()});
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (auto created = createAssessment(dialog.request()); !created)
        showError(q(created.error().message));
}

void MainWindow::startFollowUp() {
    if (!document())
        return;
    auto clients = workspace_.clients();
    if (!clients) {
        showError(q(clients.error().message));
        return;
    }
    NewAssessmentDialog dialog(*clients, workspace_.models(), this);
    dialog.setWindowTitle(tr("Start follow-up of “%1”").arg(q(document()->info().title)));
    const AssessmentInfo info = document()->info();
    dialog.setRequest({q(info.clientName),
                       {},
                       tr("IT/OT convergence follow-up"),
                       QDate::currentDate().toString(Qt::ISODate),
                       q(info.assessor),
                       q(info.modelId)});
    if (dialog.exec() != QDialog::Accepted)
        return;
    // The follow-up starts from the previous answers so that the workshop only amends what changed.
    if (auto created = createAssessment(dialog.request(), info.id, true); !created)
        showError(q(created.error().message));
}

void MainWindow::switchDatabase(const QString& path) {
    if (auto opened = workspace_.open(path); !opened) {
        showError(q(opened.error().message));
        return;
    }
    updateTitle();
    updateActions();
    openInitialAssessment();
}

void MainWindow::openDatabase() {
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open database"), QFileInfo(workspace_.path()).path(),
                                     tr("Maturity databases (*.db *.sqlite);;All files (*)"));
    if (!path.isEmpty())
        switchDatabase(path);
}

void MainWindow::newDatabase() {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("New database"), documentsFolder() + "/maturity.db", tr("Maturity databases (*.db)"));
    if (!path.isEmpty())
        switchDatabase(path);
}

void MainWindow::addParticipant() {
    if (!document())
        return;
    QStringList groups;
    for (const auto& g : voiceGroups(document()->participants()))
        groups << q(g);
    ParticipantDialog dialog(groups, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (auto added = document()->addParticipant(s(dialog.name()), s(dialog.group()), s(dialog.role()));
        !added)
        showError(q(added.error().message));
    else
        statusBar()->showMessage(
            tr("%1 (%2) joined the room; ←/→ picks the voice").arg(dialog.name(), dialog.group()), 6000);
}

void MainWindow::editDetails() {
    if (!document())
        return;
    DetailsDialog dialog(document()->info(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    app::DetailsEdit change;
    change.title = s(dialog.title());
    change.date = s(dialog.date());
    change.assessor = s(dialog.assessor());
    document()->setDetails(change); // one undo step; a refusal is reported through saveFailed
}

void MainWindow::showSettings() {
    SettingsDialog dialog(workspace_.models(), this);
    if (dialog.exec() == QDialog::Accepted)
        dialog.save();
}

} // namespace mw::ui
