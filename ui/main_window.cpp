#include "main_window.hpp"

#include "assessment_document.hpp"
#include "compare_page.hpp"
#include "core/bundle.hpp"
#include "core/model_loader.hpp"
#include "dashboard_page.hpp"
#include "dialogs.hpp"
#include "editor_page.hpp"
#include "portfolio_view.hpp"
#include "presenter_window.hpp"
#include "report/exports.hpp"
#include "report/file_output.hpp"
#include "workspace.hpp"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QRegularExpression>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QUndoGroup>
#include <QUrl>
#include <QtConcurrent/QtConcurrentRun>

namespace mw::ui {

namespace {
QString q(const std::string& text) {
    return QString::fromStdString(text);
}

Result<ReportData> reportDataFor(Store& store, Id id) {
    auto bundle = store.exportBundle(id);
    if (!bundle)
        return std::unexpected(bundle.error());
    return ReportData::fromBundle(*bundle);
}

QString documentsFolder() {
    return QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
}

QString safeFileName(QString name) {
    static const QRegularExpression unsafe(QStringLiteral("[^\\w\\- ]+"));
    return name.replace(unsafe, QStringLiteral(" ")).simplified().replace(' ', '-');
}
} // namespace

MainWindow::MainWindow(Workspace& workspace, QWidget* parent)
    : QMainWindow(parent)
    , workspace_(workspace)
    , portfolio_(new PortfolioView(workspace, this))
    , tabs_(new QTabWidget(this))
    , editor_(new EditorPage(this))
    , dashboard_(new DashboardPage(this))
    , compare_(new ComparePage(workspace, this))
    , undoGroup_(new QUndoGroup(this))
    , databaseLabel_(new QLabel(this)) {
    setObjectName("mainWindow");
    tabs_->addTab(editor_, tr("&Assess"));
    tabs_->addTab(dashboard_, tr("&Dashboard"));
    tabs_->addTab(compare_, tr("&Compare"));
    tabs_->setDocumentMode(true);
    auto* splitter = new QSplitter(this);
    splitter->addWidget(portfolio_);
    splitter->addWidget(tabs_);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({470, 1130});
    setCentralWidget(splitter);
    statusBar()->addPermanentWidget(databaseLabel_);
    buildMenus();

    connect(portfolio_, &PortfolioView::assessmentActivated, this, [this](Id id) {
        if (!document_ || document_->id() != id)
            if (auto opened = openAssessment(id); !opened)
                showError(q(opened.error().message));
    });
    connect(portfolio_, &PortfolioView::assessmentChosen, this, [this] {
        showPage(0);
        editor_->focusQuestion();
    });
    connect(portfolio_, &PortfolioView::failed, this, &MainWindow::showError);
    connect(compare_, &ComparePage::failed, this, &MainWindow::showError);
    connect(&workspace_, &Workspace::opened, this, [this] {
        updateTitle();
        rebuildRecentMenu();
    });
    connect(tabs_, &QTabWidget::currentChanged, this, [this](int index) {
        if (index == 0)
            editor_->focusQuestion();
        if (index == 2)
            compare_->reload(document_ ? std::optional<Id>(document_->id()) : std::nullopt);
    });
    portfolio_->reload();
    updateTitle();
    updateActions();
    openInitialAssessment();
    resize(1440, 900);
    QSettings settings;
    restoreGeometry(settings.value("window/geometry").toByteArray());
}

MainWindow::~MainWindow() = default;

AssessmentDocument* MainWindow::document() const {
    return document_;
}

void MainWindow::closeEvent(QCloseEvent* event) {
    editor_->flushNote();
    QSettings().setValue("window/geometry", saveGeometry());
    event->accept();
}

void MainWindow::buildMenus() {
    auto* file = menuBar()->addMenu(tr("&File"));
    auto* newAssessment = file->addAction(QIcon::fromTheme("document-new"), tr("&New assessment…"), this,
                                          &MainWindow::newAssessment);
    newAssessment->setShortcut(QKeySequence::New);
    auto* followUp = file->addAction(QIcon::fromTheme("go-next"), tr("Start &follow-up…"), this,
                                     &MainWindow::startFollowUp);
    followUp->setShortcut(QKeySequence(tr("Ctrl+Shift+N")));
    file->addSeparator();
    file->addAction(tr("New &database…"), this, &MainWindow::newDatabase);
    auto* open = file->addAction(QIcon::fromTheme("document-open"), tr("&Open database…"), this,
                                 &MainWindow::openDatabase);
    open->setShortcut(QKeySequence::Open);
    recentMenu_ = file->addMenu(tr("&Recent databases"));
    file->addSeparator();
    auto* report = file->addAction(QIcon::fromTheme("document-print"), tr("Export &report…"), this, [this] {
        exportWithDialog(tr("Export report"), tr("PDF report (*.pdf);;Editable report (*.odt)"),
                         safeFileName(q(document_->info().clientName + " " + document_->info().title)) +
                             ".pdf",
                         [this](const QString& path) { return exportReport(path); });
    });
    report->setShortcut(QKeySequence::Print);
    auto* comparison = file->addAction(tr("Export &comparison report…"), this, [this] {
        const auto before = compare_->beforeId();
        const auto after = compare_->afterId();
        if (!before || !after) {
            compare_->reload(document_->id());
            showPage(2);
            showError(tr("Pick the two assessments to compare on the Compare page first."));
            return;
        }
        exportWithDialog(
            tr("Export comparison report"), tr("PDF report (*.pdf);;Editable report (*.odt)"),
            safeFileName(q(document_->info().clientName)) + "-progress-review.pdf",
            [this, before, after](const QString& path) { return exportComparison(*before, *after, path); });
    });
    auto* spreadsheet = file->addAction(tr("Export &spreadsheet…"), this, [this] {
        exportWithDialog(tr("Export spreadsheet"), tr("Excel workbook (*.xlsx)"),
                         safeFileName(q(document_->info().clientName + " " + document_->info().title)) +
                             ".xlsx",
                         [this](const QString& path) { return exportSpreadsheet(path); });
    });
    auto* bundle = file->addAction(tr("Export &bundle…"), this, &MainWindow::exportBundle);
    file->addAction(tr("&Import bundle…"), this, &MainWindow::importBundle);
    file->addSeparator();
    auto* quit = file->addAction(QIcon::fromTheme("application-exit"), tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    auto* edit = menuBar()->addMenu(tr("&Edit"));
    auto* undo = undoGroup_->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    auto* redo = undoGroup_->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    auto* find = edit->addAction(QIcon::fromTheme("edit-find"), tr("&Find question…"), this, [this] {
        showPage(0);
        editor_->focusFind();
    });
    find->setShortcut(QKeySequence::Find);
    auto* markFinal = edit->addAction(tr("Mark assessment &final"), this, [this] {
        AssessmentInfo info = document_->info();
        info.status = info.status == Status::Final ? Status::Draft : Status::Final;
        if (auto updated = workspace_.store().updateAssessment(info); !updated)
            showError(q(updated.error().message));
        workspace_.notifyPortfolioChanged();
    });
    edit->addSeparator();
    edit->addAction(tr("&Settings…"), this, &MainWindow::showSettings)
        ->setShortcut(QKeySequence::Preferences);

    auto* view = menuBar()->addMenu(tr("&View"));
    view->addAction(tr("&Assess"), this, [this] { showPage(0); })->setShortcut(QKeySequence(tr("Ctrl+1")));
    view->addAction(tr("&Dashboard"), this, [this] { showPage(1); })->setShortcut(QKeySequence(tr("Ctrl+2")));
    view->addAction(tr("&Compare"), this, [this] { showPage(2); })->setShortcut(QKeySequence(tr("Ctrl+3")));
    view->addSeparator();
    auto* presenter = view->addAction(QIcon::fromTheme("view-fullscreen"), tr("&Presenter mode"), this,
                                      &MainWindow::presenterMode);
    presenter->setShortcut(QKeySequence(Qt::Key_F5));

    auto* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard shortcuts"), this, [this] {
        QMessageBox::information(
            this, tr("Keyboard shortcuts"),
            tr("While assessing:\n\n0–5\tset the current level\nAlt+0–5\tset the target level\n"
               "N\tmark not applicable\nEnter, PgDn\tnext question\nPgUp\tprevious question\n"
               "Ctrl+F\tfind a question\nEsc\tleave the notes field\nCtrl+Z / Ctrl+Shift+Z\tundo / redo\n"
               "F5\tpresenter mode\nCtrl+P\texport the report"));
    });
    help->addAction(tr("&About Maturity Workbench"), this, [this] {
        QMessageBox::about(this, tr("About Maturity Workbench"),
                           tr("<b>Maturity Workbench %1</b><p>IT/OT convergence maturity assessments for "
                              "consultants.</p><p>Licensed under the Apache License 2.0.</p>")
                               .arg(QCoreApplication::applicationVersion().toHtmlEscaped()));
    });

    auto* toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName("mainToolbar");
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->addAction(newAssessment);
    toolbar->addAction(followUp);
    toolbar->addSeparator();
    toolbar->addAction(undo);
    toolbar->addAction(redo);
    toolbar->addSeparator();
    toolbar->addAction(presenter);
    toolbar->addAction(report);
    toolbar->addAction(spreadsheet);
    documentActions_ = {followUp, report, comparison, spreadsheet, bundle, markFinal, presenter, find};
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu() {
    recentMenu_->clear();
    for (const QString& path : Workspace::recentDatabases())
        recentMenu_->addAction(path, this, [this, path] { switchDatabase(path); });
    recentMenu_->setEnabled(!recentMenu_->isEmpty());
}

void MainWindow::updateTitle() {
    QString title = tr("Maturity Workbench");
    if (document_)
        title = q(document_->info().clientName + " - " + document_->info().title) + " — " + title;
    setWindowTitle(title);
    databaseLabel_->setText(tr("Database: %1").arg(workspace_.path()));
}

void MainWindow::updateActions() {
    for (auto* action : documentActions_)
        action->setEnabled(document_ != nullptr);
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
    auto opened = AssessmentDocument::open(workspace_.store(), id, this);
    if (!opened)
        return std::unexpected(opened.error());
    editor_->flushNote();
    AssessmentDocument* previous = document_;
    document_ = *opened;
    undoGroup_->addStack(document_->undoStack());
    undoGroup_->setActiveStack(document_->undoStack());
    connect(document_, &AssessmentDocument::saveFailed, this, &MainWindow::showError);
    connect(document_, &AssessmentDocument::saved, this, [this](const QString& question, double ms) {
        statusBar()->showMessage(tr("Saved %1 in %2 ms").arg(question).arg(ms, 0, 'f', 1), 4000);
    });
    // Only this assessment's completeness changes with an answer: update its row, not the whole portfolio.
    connect(document_, &AssessmentDocument::scoresChanged, this, [this] {
        if (document_)
            portfolio_->setCompleteness(document_->id(), document_->scores().completeness);
    });
    editor_->setDocument(document_);
    dashboard_->setDocument(document_);
    if (document_->info().baselineId) {
        auto baselineAnswers = workspace_.store().answers(*document_->info().baselineId);
        auto baseline = workspace_.store().assessment(*document_->info().baselineId);
        if (baselineAnswers && baseline) {
            const auto scores = computeScores(baseline->model, *baselineAnswers);
            std::vector<std::pair<std::string, std::optional<double>>> values;
            for (const auto& d : scores.dimensions)
                values.emplace_back(d.id, d.current);
            dashboard_->setBaselineScores(values, tr("Baseline (%1)").arg(q(baseline->info.date)));
        }
    }
    if (previous) {
        undoGroup_->removeStack(previous->undoStack());
        previous->deleteLater();
    }
    portfolio_->select(id);
    QSettings().setValue("last/" + workspace_.path(), QVariant::fromValue<qlonglong>(id));
    updateTitle();
    updateActions();
    return {};
}

// Workshops resume where they stopped: the assessment last open on this database, else the latest draft.
void MainWindow::openInitialAssessment() {
    if (!workspace_.isOpen())
        return;
    auto list = workspace_.store().assessments();
    if (!list || list->empty())
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
    Store& store = workspace_.store();
    auto model = workspace_.models().find(request.modelId.toStdString());
    if (!model)
        return std::unexpected(model.error());
    auto existing = store.findClient(request.clientName.toStdString());
    if (!existing)
        return std::unexpected(existing.error());
    auto client = *existing ? Result<Client>(**existing)
                            : store.addClient(request.clientName.toStdString(), request.sector.toStdString());
    if (!client)
        return std::unexpected(client.error());
    auto id =
        store.createAssessment({client->id, request.title.toStdString(), request.date.toStdString(),
                                request.assessor.toStdString(), baseline, &*model, copyBaselineAnswers});
    if (!id)
        return std::unexpected(id.error());
    workspace_.notifyPortfolioChanged();
    if (auto opened = openAssessment(*id); !opened)
        return std::unexpected(opened.error());
    showPage(0);
    editor_->focusQuestion(); // ready for 0-5 straight away
    return *id;
}

void MainWindow::newAssessment() {
    auto clients = workspace_.store().clients();
    if (!clients) {
        showError(q(clients.error().message));
        return;
    }
    NewAssessmentDialog dialog(*clients, workspace_.models(), this);
    if (document_)
        dialog.setRequest({q(document_->info().clientName),
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
    if (!document_)
        return;
    auto clients = workspace_.store().clients();
    if (!clients) {
        showError(q(clients.error().message));
        return;
    }
    NewAssessmentDialog dialog(*clients, workspace_.models(), this);
    dialog.setWindowTitle(tr("Start follow-up of “%1”").arg(q(document_->info().title)));
    const AssessmentInfo& info = document_->info();
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
    editor_->flushNote();
    if (auto opened = workspace_.open(path); !opened) {
        showError(q(opened.error().message));
        return;
    }
    editor_->setDocument(nullptr);
    dashboard_->setDocument(nullptr);
    if (document_) {
        undoGroup_->removeStack(document_->undoStack());
        document_->deleteLater();
        document_ = nullptr;
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

QFuture<Result<void>> MainWindow::exportReport(const QString& path) {
    auto data = reportDataFor(workspace_.store(), document_->id());
    if (!data)
        return QtFuture::makeReadyFuture(Result<void>(std::unexpected(data.error())));
    ReportOptions options;
    options.branding = ReportBranding::fromSettings();
    const bool odt = path.endsWith(".odt", Qt::CaseInsensitive);
    return QtConcurrent::run([data = std::move(*data), options, path, odt]() {
        return odt ? writeReportOdt(data, options, path) : writeReportPdf(data, options, path);
    });
}

QFuture<Result<void>> MainWindow::exportComparison(Id before, Id after, const QString& path) {
    auto beforeData = reportDataFor(workspace_.store(), before);
    auto afterData = reportDataFor(workspace_.store(), after);
    if (!beforeData || !afterData)
        return QtFuture::makeReadyFuture(
            Result<void>(std::unexpected(!beforeData ? beforeData.error() : afterData.error())));
    ReportOptions options;
    options.branding = ReportBranding::fromSettings();
    const bool odt = path.endsWith(".odt", Qt::CaseInsensitive);
    return QtConcurrent::run([b = std::move(*beforeData), a = std::move(*afterData), options, path, odt]() {
        return odt ? writeComparisonOdt(b, a, options, path) : writeComparisonPdf(b, a, options, path);
    });
}

QFuture<Result<void>> MainWindow::exportSpreadsheet(const QString& path) {
    auto data = reportDataFor(workspace_.store(), document_->id());
    if (!data)
        return QtFuture::makeReadyFuture(Result<void>(std::unexpected(data.error())));
    return QtConcurrent::run([data = std::move(*data), path]() { return writeXlsx(data, path); });
}

void MainWindow::exportWithDialog(const QString& caption, const QString& filter, const QString& suggested,
                                  const std::function<QFuture<Result<void>>(const QString&)>& start) {
    if (!document_)
        return;
    editor_->flushNote();
    QSettings settings;
    const QString folder = settings.value("export/folder", documentsFolder()).toString();
    QString path = QFileDialog::getSaveFileName(this, caption, folder + "/" + suggested, filter);
    if (path.isEmpty())
        return;
    settings.setValue("export/folder", QFileInfo(path).path());
    auto* progress =
        new QProgressDialog(tr("Writing %1…").arg(QFileInfo(path).fileName()), QString(), 0, 0, this);
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(150);
    auto* watcher = new QFutureWatcher<Result<void>>(this);
    connect(watcher, &QFutureWatcher<Result<void>>::finished, this, [this, watcher, progress, path] {
        progress->close();
        progress->deleteLater();
        watcher->deleteLater();
        const Result<void> result = watcher->result();
        if (!result) {
            showError(q(result.error().message));
            return;
        }
        statusBar()->showMessage(tr("Wrote %1").arg(path), 8000);
        QMessageBox done(QMessageBox::Information, tr("Export finished"), tr("Wrote %1").arg(path),
                         QMessageBox::NoButton, this);
        auto* openButton = done.addButton(tr("Open it"), QMessageBox::AcceptRole);
        done.addButton(QMessageBox::Close);
        done.exec();
        if (done.clickedButton() == static_cast<QAbstractButton*>(openButton))
            QDesktopServices::openUrl(QUrl::fromLocalFile(path));
    });
    watcher->setFuture(start(path));
}

void MainWindow::exportBundle() {
    if (!document_)
        return;
    editor_->flushNote();
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export bundle"),
        documentsFolder() + "/" +
            safeFileName(q(document_->info().clientName + " " + document_->info().title)) + ".json",
        tr("Maturity bundle (*.json)"));
    if (path.isEmpty())
        return;
    auto bundle = workspace_.store().exportBundle(document_->id());
    if (!bundle) {
        showError(q(bundle.error().message));
        return;
    }
    if (auto written = writeBundleFile(*bundle, path); !written) {
        showError(q(written.error().message));
        return;
    }
    statusBar()->showMessage(tr("Wrote %1").arg(path), 8000);
}

void MainWindow::importBundle() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Import bundle"), documentsFolder(),
                                                      tr("Maturity bundle (*.json)"));
    if (path.isEmpty())
        return;
    auto text = readTextFile(path.toStdString());
    if (!text) {
        showError(q(text.error().message));
        return;
    }
    auto bundle = parseBundle(*text, path.toStdString());
    if (!bundle) {
        QStringList details;
        for (const auto& d : bundle.error().details)
            details << q(d);
        QMessageBox box(QMessageBox::Warning, tr("Import refused"),
                        tr("Nothing was imported.\n\n%1").arg(q(bundle.error().message)), QMessageBox::Ok,
                        this);
        box.setDetailedText(details.join('\n'));
        box.exec();
        return;
    }
    auto outcome = workspace_.store().importBundle(*bundle);
    if (!outcome) {
        showError(q(outcome.error().message));
        return;
    }
    workspace_.notifyPortfolioChanged();
    if (outcome->alreadyPresent)
        QMessageBox::information(this, tr("Already imported"),
                                 tr("This bundle was imported before, as assessment #%1. Nothing changed.")
                                     .arg(outcome->assessmentId));
    if (auto opened = openAssessment(outcome->assessmentId); !opened)
        showError(q(opened.error().message));
}

void MainWindow::presenterMode() {
    if (!document_)
        return;
    editor_->flushNote();
    auto* presenter = new PresenterWindow(document_, this);
    // Cover the screen the workbench is on (the projector, when the window was moved there).
    presenter->setGeometry(screen()->geometry());
    presenter->showFullScreen();
    presenter->activateWindow();
    presenter->setFocus();
}

void MainWindow::showSettings() {
    SettingsDialog dialog(workspace_.models(), this);
    if (dialog.exec() == QDialog::Accepted)
        dialog.save();
}

} // namespace mw::ui
