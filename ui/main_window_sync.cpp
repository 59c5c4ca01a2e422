// The team hub in the workbench: File → Sync with team hub (F9), a quiet sync in the background whenever
// the database has a hub, the status in words at the foot of the window, and the conflicts to look at.
#include "conflicts_dialog.hpp"
#include "main_window.hpp"
#include "platform/qt_text.hpp"
#include "workspace.hpp"

#include <QFutureWatcher>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QStatusBar>
#include <QTimer>

namespace mw::ui {

namespace {
// Often enough that a colleague's answer arrives within minutes, rarely enough to cost nothing.
constexpr int kBackgroundSyncMs = 2 * 60 * 1000;
constexpr int kStatusRefreshMs = 30 * 1000;
} // namespace

void MainWindow::buildSync(QMenu* file) {
    actions_.sync = file->addAction(QIcon::fromTheme("view-refresh"), tr("S&ync with team hub"), this,
                                    [this] { syncNow(false); });
    actions_.sync->setShortcut(QKeySequence(Qt::Key_F9));
    file->addAction(tr("Sync &conflicts…"), this, &MainWindow::showConflicts);
    syncLabel_ = new QLabel(this);
    syncLabel_->setObjectName("syncStatus");
    statusBar()->addPermanentWidget(syncLabel_);
    auto* background = new QTimer(this);
    connect(background, &QTimer::timeout, this, [this] {
        auto status = workspace_.isOpen() ? workspace_.syncStatus() : Result<SyncStatus>(SyncStatus{});
        if (status && status->connected)
            syncNow(true);
    });
    background->start(kBackgroundSyncMs);
    auto* refresh = new QTimer(this);
    connect(refresh, &QTimer::timeout, this, &MainWindow::updateSyncStatus);
    refresh->start(kStatusRefreshMs);
    connect(&workspace_, &Workspace::opened, this, [this] {
        syncProblem_.clear();
        updateSyncStatus();
    });
    updateSyncStatus();
}

void MainWindow::updateSyncStatus() {
    if (!syncLabel_ || !workspace_.isOpen())
        return;
    auto status = workspace_.syncStatus();
    if (!status) {
        syncLabel_->setText(tr("sync status unknown"));
        syncLabel_->setToolTip(q(status.error().message));
        return;
    }
    syncLabel_->setVisible(status->connected || syncing_);
    QString text =
        syncing_ ? tr("syncing…") : q(app::describeSync(*status, std::chrono::system_clock::now()));
    if (!syncing_ && !syncProblem_.isEmpty())
        text = status->pending > 0
                   ? (status->pending == 1 ? tr("offline, 1 change waiting")
                                           : tr("offline, %1 changes waiting").arg(status->pending))
                   : tr("offline");
    syncLabel_->setText(text);
    syncLabel_->setToolTip(syncProblem_.isEmpty() ? q(status->hubUrl) : syncProblem_);
}

QFuture<void> MainWindow::syncNow(bool quiet) {
    if (syncing_ || !workspace_.isOpen())
        return QtFuture::makeReadyFuture();
    auto status = workspace_.syncStatus();
    if (!status) {
        if (!quiet)
            showError(q(status.error().message));
        return QtFuture::makeReadyFuture();
    }
    std::optional<QString> address;
    if (status->hubUrl.empty()) {
        if (quiet)
            return QtFuture::makeReadyFuture();
        bool ok = false;
        const QString given = QInputDialog::getText(
            this, tr("Sync with team hub"),
            tr("The hub's address, as your administrator gave it: a PostgreSQL URI such as\n"
               "postgresql://you@hub.example.com/maturity?sslmode=verify-full, or service=NAME.\n"
               "Passwords belong in ~/.pgpass, not here."),
            QLineEdit::Normal, QString(), &ok);
        if (!ok || given.trimmed().isEmpty())
            return QtFuture::makeReadyFuture();
        address = given.trimmed();
    }
    syncing_ = true;
    updateSyncStatus();
    auto* watcher = new QFutureWatcher<Result<app::SyncOutcome>>(this);
    QPromise<void> finished;
    finished.start();
    QFuture<void> done = finished.future();
    connect(
        watcher, &QFutureWatcherBase::finished, this,
        [this, watcher, quiet, promise = std::make_shared<QPromise<void>>(std::move(finished))] {
            watcher->deleteLater();
            syncing_ = false;
            const Result<app::SyncOutcome> outcome = watcher->result();
            if (!outcome) {
                syncProblem_ = q(outcome.error().message);
                if (!quiet)
                    showError(syncProblem_);
            } else {
                syncProblem_.clear();
                workspace_.synced(*outcome);
                if (!quiet || outcome->applied > 0)
                    statusBar()->showMessage(
                        tr("Synced: sent %1, received %2.").arg(outcome->sent).arg(outcome->applied), 8000);
                if (!quiet && outcome->conflicts > 0 &&
                    QMessageBox::question(
                        this, tr("Sync conflicts"),
                        (outcome->conflicts == 1 ? tr("A field was changed here and on another laptop.")
                                                 : tr("%1 fields were changed here and on another laptop.")
                                                       .arg(outcome->conflicts)) +
                            tr(" The later change was kept; look at the other value now?")) ==
                        QMessageBox::Yes)
                    showConflicts();
            }
            updateSyncStatus();
            promise->finish();
        });
    watcher->setFuture(workspace_.sync(address));
    return done;
}

void MainWindow::showConflicts() {
    if (!workspace_.isOpen())
        return;
    ConflictsDialog dialog(workspace_, this);
    dialog.exec();
    updateSyncStatus();
}

} // namespace mw::ui
