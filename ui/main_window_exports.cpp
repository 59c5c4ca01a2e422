// The main window's exports and imports: reports, spreadsheets and bundles leave through the workspace,
// and files are written off the UI thread.
#include "app/workspace.hpp"
#include "assessment_document.hpp"
#include "compare_page.hpp"
#include "dialogs.hpp"
#include "main_window.hpp"
#include "password_dialog.hpp"
#include "platform/qt_text.hpp"
#include "platform/settings.hpp"
#include "report/exports.hpp"
#include "report/file_output.hpp"
#include "workspace.hpp"

#include <QCoreApplication>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QUrl>
#include <QtConcurrent/QtConcurrentRun>

namespace mw::ui {

namespace {
// The consultancy's branding and choices as saved in the settings, for the report library.
ReportOptions reportOptions(const Workspace& workspace) {
    const SavedBranding saved = savedBranding();
    ReportOptions options;
    options.branding = {saved.consultancy, saved.logoPath};
    options.pageSize = savedLetterPaper() ? QPageSize::Letter : QPageSize::A4;
    const SavedHouseStyles houseStyles = savedHouseStyles();
    options.docxHouseStyle = houseStyles.docx;
    options.odtHouseStyle = houseStyles.odt;
    if (SettingsDialog::reportEvidenceImages())
        options.evidenceImages = workspace.evidenceReader();
    return options;
}

QString wrongPasswordProblem() {
    return QCoreApplication::translate(
        "mw::ui::MainWindow", "That password does not open this file, or the file was changed after it "
                              "was sealed. Try again, or cancel.");
}
} // namespace

QString documentsFolder() {
    // A missing Documents folder would open the dialog on its parent with "Documents" typed as the name.
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return QFileInfo(documents).isDir() ? documents : QDir::homePath();
}

QString safeFileName(QString name) {
    static const QRegularExpression unsafe(QStringLiteral("[^\\w\\- ]+"));
    return name.replace(unsafe, QStringLiteral(" ")).simplified().replace(' ', '-');
}

QString MainWindow::suggestedFileName(const QString& extension) const {
    return safeFileName(q(document()->info().clientName + " " + document()->info().title)) + extension;
}

QFuture<Result<void>> MainWindow::exportReport(const QString& path) {
    auto data = workspace_.reportData(document()->id());
    if (!data)
        return QtFuture::makeReadyFuture(Result<void>(std::unexpected(data.error())));
    const ReportOptions options = reportOptions(workspace_);
    const ReportFormat format = reportFormatOf(path).value_or(ReportFormat::Pdf);
    return QtConcurrent::run([data = std::move(*data), options, path, format]() {
        return writeReport(data, options, path, format);
    });
}

QFuture<Result<void>> MainWindow::exportComparison(Id before, Id after, const QString& path) {
    auto beforeData = workspace_.reportData(before);
    auto afterData = workspace_.reportData(after);
    if (!beforeData || !afterData)
        return QtFuture::makeReadyFuture(
            Result<void>(std::unexpected(!beforeData ? beforeData.error() : afterData.error())));
    const ReportOptions options = reportOptions(workspace_);
    const ReportFormat format = reportFormatOf(path).value_or(ReportFormat::Pdf);
    return QtConcurrent::run([b = std::move(*beforeData), a = std::move(*afterData), options, path,
                              format]() { return writeComparison(b, a, options, path, format); });
}

QFuture<Result<void>> MainWindow::exportSpreadsheet(const QString& path) {
    auto data = workspace_.reportData(document()->id());
    if (!data)
        return QtFuture::makeReadyFuture(Result<void>(std::unexpected(data.error())));
    ReportOptions options = reportOptions(workspace_);
    options.evidenceImages = {}; // a workbook has no pictures
    return QtConcurrent::run(
        [data = std::move(*data), path, options]() { return writeXlsx(data, path, options); });
}

void MainWindow::exportWithDialog(const QString& caption, const QString& filter, const QString& suggested,
                                  const std::function<QFuture<Result<void>>(const QString&)>& start) {
    if (!document())
        return;
    QSettings settings;
    const QString folder = settings.value("export/folder", documentsFolder()).toString();
    QString path = QFileDialog::getSaveFileName(this, caption, folder + "/" + suggested, filter);
    if (path.isEmpty())
        return;
    if (auto refused = app::checkOutputPath(workspace_.path().toStdString(), path.toStdString()); !refused) {
        showError(QString::fromStdString(refused.error().message));
        return;
    }
    settings.setValue("export/folder", QFileInfo(path).path());
    showExportProgress(path, start(path));
}

namespace {
// Work off the UI thread behind a progress dialog (shown only if it takes a moment); `done` gets the result.
template <typename T, typename Done>
void whileWorking(QWidget* parent, const QString& label, QFuture<T> future, Done done) {
    auto* progress = new QProgressDialog(label, QString(), 0, 0, parent);
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(150);
    auto* watcher = new QFutureWatcher<T>(parent);
    QObject::connect(watcher, &QFutureWatcher<T>::finished, parent, [watcher, progress, done] {
        progress->close();
        progress->deleteLater();
        watcher->deleteLater();
        done(watcher->result());
    });
    watcher->setFuture(std::move(future));
}
} // namespace

void MainWindow::showExportProgress(const QString& path, QFuture<Result<void>> future) {
    whileWorking(this, tr("Writing %1…").arg(QFileInfo(path).fileName()), std::move(future),
                 [this, path](const Result<void>& result) {
                     if (!result) {
                         showError(q(result.error().message));
                         return;
                     }
                     statusBar()->showMessage(tr("Wrote %1").arg(path), 8000);
                     QMessageBox done(QMessageBox::Information, tr("Export finished"),
                                      tr("Wrote %1").arg(path), QMessageBox::NoButton, this);
                     auto* openButton = done.addButton(tr("Open it"), QMessageBox::AcceptRole);
                     done.addButton(QMessageBox::Close);
                     done.exec();
                     if (done.clickedButton() == static_cast<QAbstractButton*>(openButton))
                         QDesktopServices::openUrl(QUrl::fromLocalFile(path));
                 });
}

QFuture<Result<void>> MainWindow::exportBundleFile(const QString& path, std::optional<Secret> password) {
    auto bundle = document() ? workspace_.exportBundle(document()->id())
                             : Result<Bundle>(std::unexpected(Error{"no assessment is open", {}}));
    if (!bundle)
        return QtFuture::makeReadyFuture(Result<void>(std::unexpected(bundle.error())));
    // Shared, because the secret cannot be copied and the task may outlive this call.
    auto secret = password ? std::make_shared<Secret>(std::move(*password)) : std::shared_ptr<Secret>();
    return QtConcurrent::run([bundle = std::move(*bundle), secret, path]() -> Result<void> {
        auto bytes = app::bundleFileBytes(bundle, secret.get());
        if (!bytes)
            return std::unexpected(bytes.error());
        return writeFileAtomically(path, QByteArray::fromStdString(*bytes));
    });
}

void MainWindow::exportBundle() {
    if (!document())
        return;
    // A bundle names each evidence file but does not carry it: the choice says so.
    const QString sealedPackageFilter =
        tr("Sealed package with the evidence files, password protected (*.mwz)");
    const QString sealedFilter = tr("Sealed bundle, password protected, without the files (*.mwbundle)");
    const QString packageFilter = tr("Package with the evidence files, readable by anyone (*.mwz)");
    const QString plainFilter = tr("Plain bundle, readable by anyone, without the files (*.json)");
    QString chosenFilter = sealedPackageFilter;
    QString path = QFileDialog::getSaveFileName(
        this, tr("Export bundle"), documentsFolder() + "/" + suggestedFileName(".mwz"),
        sealedPackageFilter + ";;" + sealedFilter + ";;" + packageFilter + ";;" + plainFilter, &chosenFilter);
    if (path.isEmpty())
        return;
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != "json" && suffix != "mwbundle" && suffix != "mwz")
        path += chosenFilter == plainFilter ? ".json" : chosenFilter == sealedFilter ? ".mwbundle" : ".mwz";
    if (auto refused = app::checkOutputPath(workspace_.path().toStdString(), path.toStdString()); !refused) {
        showError(QString::fromStdString(refused.error().message));
        return;
    }
    const bool package = path.endsWith(".mwz", Qt::CaseInsensitive);
    std::optional<Secret> password;
    if (path.endsWith(".mwbundle", Qt::CaseInsensitive) || (package && chosenFilter != packageFilter)) {
        PasswordDialog dialog(PasswordDialog::Purpose::Seal, QFileInfo(path).fileName(), this);
        if (dialog.exec() != QDialog::Accepted)
            return;
        password = dialog.takePassword();
    }
    showExportProgress(path, package ? exportPackageFile(path, std::move(password))
                                     : exportBundleFile(path, std::move(password)));
}

QFuture<Result<void>> MainWindow::exportPackageFile(const QString& path, std::optional<Secret> password) {
    if (!document())
        return QtFuture::makeReadyFuture(Result<void>(std::unexpected(Error{"no assessment is open", {}})));
    auto secret =
        password ? std::make_shared<const Secret>(std::move(*password)) : std::shared_ptr<const Secret>();
    return workspace_.writePackage(document()->id(), path, std::move(secret))
        .then([](const Result<app::PackageWritten>& written) {
            return written ? Result<void>() : Result<void>(std::unexpected(written.error()));
        });
}

void MainWindow::importPackageFile(const QString& path, const QString& problem) {
    auto sealed = app::isSealedPackage(s(path));
    if (!sealed) {
        refuseImport(path, sealed.error());
        return;
    }
    std::shared_ptr<const Secret> secret;
    if (*sealed) {
        PasswordDialog dialog(PasswordDialog::Purpose::Open, QFileInfo(path).fileName(), this);
        if (!problem.isEmpty())
            dialog.setProblem(problem);
        if (dialog.exec() != QDialog::Accepted)
            return;
        secret = std::make_shared<const Secret>(dialog.takePassword());
    }
    whileWorking(this, tr("Importing %1…").arg(QFileInfo(path).fileName()),
                 workspace_.importPackage(path, secret), [this, path](const Result<ImportOutcome>& outcome) {
                     if (!outcome && outcome.error().message.ends_with(kUnsealRefused)) {
                         importPackageFile(path, wrongPasswordProblem());
                         return;
                     }
                     if (!outcome) {
                         refuseImport(path, outcome.error());
                         return;
                     }
                     workspace_.imported(*outcome);
                     showImported(*outcome);
                 });
}

void MainWindow::importBundle() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Import bundle or package"), documentsFolder(),
        tr("Maturity bundles and packages (*.mwbundle *.mwz *.json);;All files (*)"));
    if (!path.isEmpty())
        importBundleFile(path);
}

void MainWindow::importBundleFile(const QString& path) {
    // A package is known by its content, whatever it is called.
    if (app::isPackageFile(s(path))) {
        importPackageFile(path);
        return;
    }
    auto sealed = app::isSealedBundleFile(s(path));
    if (!sealed) {
        finishImport(path, std::unexpected(sealed.error()));
        return;
    }
    if (*sealed)
        openSealedBundle(path, QString());
    else
        finishImport(path, app::readBundleFile(s(path)));
}

// Asks for the password and opens the file off the UI thread; a password that does not open it asks again.
void MainWindow::openSealedBundle(const QString& path, const QString& problem) {
    PasswordDialog dialog(PasswordDialog::Purpose::Open, QFileInfo(path).fileName(), this);
    if (!problem.isEmpty())
        dialog.setProblem(problem);
    if (dialog.exec() != QDialog::Accepted)
        return;
    auto secret = std::make_shared<Secret>(dialog.takePassword());
    auto opening = QtConcurrent::run([path, secret] { return app::readBundleFile(s(path), secret.get()); });
    whileWorking(this, tr("Opening %1…").arg(QFileInfo(path).fileName()), std::move(opening),
                 [this, path](Result<Bundle> bundle) {
                     // The header was checked before asking, so a failure to open is the password (or a
                     // changed byte).
                     if (!bundle && bundle.error().message.ends_with(kUnsealRefused)) {
                         openSealedBundle(path, wrongPasswordProblem());
                         return;
                     }
                     finishImport(path, std::move(bundle));
                 });
}

void MainWindow::refuseImport(const QString& path, const Error& error) {
    QStringList details;
    for (const auto& d : error.details)
        details << q(d);
    QMessageBox box(
        QMessageBox::Warning, tr("Import refused"),
        tr("Nothing was imported from %1.\n\n%2").arg(QFileInfo(path).fileName(), q(error.message)),
        QMessageBox::Ok, this);
    box.setDetailedText(details.join('\n'));
    box.exec();
}

void MainWindow::finishImport(const QString& path, Result<Bundle> bundle) {
    if (!bundle) {
        refuseImport(path, bundle.error());
        return;
    }
    auto outcome = workspace_.importBundle(*bundle);
    if (!outcome) {
        showError(q(outcome.error().message));
        return;
    }
    showImported(*outcome);
}

void MainWindow::showImported(const ImportOutcome& outcome) {
    if (outcome.merged)
        showMerge(outcome);
    else if (outcome.evidenceWithoutFile > 0)
        statusBar()->showMessage(tr("%1 pieces of evidence were left out: the bundle does not carry their "
                                    "files, and this database does not hold them.")
                                     .arg(outcome.evidenceWithoutFile),
                                 10000);
    if (auto opened = openAssessment(outcome.assessmentId); !opened)
        showError(q(opened.error().message));
}

// What a merge did; the voices both sides answered differently are in the details.
void MainWindow::showMerge(const ImportOutcome& outcome) {
    QStringList differences;
    for (const auto& d : outcome.differences)
        differences << q(d);
    const QString summary = outcome.alreadyPresent
                                ? tr("This bundle was imported before, as assessment #%1. Nothing changed.")
                                      .arg(outcome.assessmentId)
                                : tr("Merged into assessment #%1: %2 new participants, %3 new answers and %4 "
                                     "answers updated from the bundle.")
                                      .arg(outcome.assessmentId)
                                      .arg(outcome.addedParticipants)
                                      .arg(outcome.addedAnswers)
                                      .arg(outcome.updatedAnswers);
    QMessageBox box(QMessageBox::Information, tr("Bundle merged"), summary, QMessageBox::Ok, this);
    if (!differences.isEmpty()) {
        box.setInformativeText(
            tr("%1 voices differed on both sides; the later one is kept (see the details).")
                .arg(differences.size()));
        box.setDetailedText(differences.join('\n'));
    }
    box.exec();
}

} // namespace mw::ui
