// The Evidence page's ways in and out for files: attaching from a dialog, the clipboard or a drop, writing
// a file out to open it or keep it (off the UI thread), and changing or removing the selected one.
#include "assessment_document.hpp"
#include "evidence_attach.hpp"
#include "evidence_dialog.hpp"
#include "evidence_list.hpp"
#include "evidence_page.hpp"
#include "platform/qt_text.hpp"

#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QDir>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QMimeData>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUrl>

namespace mw::ui {

namespace {
// Copies opened in the desktop's application live here until the workbench closes.
QTemporaryDir& openedCopies() {
    static QTemporaryDir folder(QDir::tempPath() + "/maturity-evidence-XXXXXX");
    return folder;
}

} // namespace

void EvidencePage::attachFiles() {
    if (document_)
        chooseAndAttach(this, *document_, filterQuestions());
}

void EvidencePage::pasteFiles() {
    if (!document_)
        return;
    QString problem;
    const QStringList files = filesToAttach(QApplication::clipboard()->mimeData(), &problem);
    if (files.isEmpty()) {
        emit failed(problem.isEmpty() ? tr("The clipboard holds no file or image to attach.") : problem);
        return;
    }
    attachWithDialog(this, *document_, files, filterQuestions());
}

namespace {
// Writes the file off the UI thread; `done` gets the path once it is there.
template <typename Done>
void writeThen(EvidencePage* page, EvidenceList* list, Id id, const QString& target, Done done) {
    auto* watcher = new QFutureWatcher<Result<Evidence>>(page);
    QObject::connect(watcher, &QFutureWatcher<Result<Evidence>>::finished, page,
                     [page, watcher, target, done] {
                         watcher->deleteLater();
                         const Result<Evidence> written = watcher->result();
                         if (!written)
                             emit page->failed(q(written.error().message));
                         else
                             done(target);
                     });
    watcher->setFuture(list->saveFile(id, target));
}
} // namespace

void EvidencePage::openSelected() {
    const Evidence* e = selected();
    if (!e)
        return;
    if (!openedCopies().isValid()) {
        emit failed(tr("No folder for opened copies could be made in %1.").arg(QDir::tempPath()));
        return;
    }
    // Each copy in a folder of its own, so two files of the same name do not meet.
    const QString folder = openedCopies().filePath(QString::number(e->id));
    QDir().mkpath(folder);
    const QString target = folder + "/" + QFileInfo(q(e->fileName)).fileName();
    writeThen(this, document_->evidence(), e->id, target, [this](const QString& path) {
        if (!QDesktopServices::openUrl(QUrl::fromLocalFile(path)))
            emit failed(
                tr("No application on this computer opens %1; save it and open it yourself.").arg(path));
    });
}

void EvidencePage::saveSelected() {
    const Evidence* e = selected();
    if (!e)
        return;
    QSettings settings;
    const QString folder =
        settings
            .value("evidence/saveFolder", QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
            .toString();
    const QString target = QFileDialog::getSaveFileName(this, tr("Save evidence file"),
                                                        folder + "/" + QFileInfo(q(e->fileName)).fileName());
    if (target.isEmpty())
        return;
    settings.setValue("evidence/saveFolder", QFileInfo(target).path());
    writeThen(this, document_->evidence(), e->id, target,
              [this](const QString& path) { emit status(tr("Saved %1").arg(path)); });
}

void EvidencePage::dragEnterEvent(QDragEnterEvent* event) {
    if (document_ && canAttach(event->mimeData()))
        event->acceptProposedAction();
}

void EvidencePage::dropEvent(QDropEvent* event) {
    if (!document_)
        return;
    QString problem;
    const QStringList files = filesToAttach(event->mimeData(), &problem);
    if (files.isEmpty()) {
        emit failed(problem.isEmpty() ? tr("Nothing in the drop can be attached: drop files or an image.")
                                      : problem);
        return;
    }
    event->acceptProposedAction();
    attachWithDialog(this, *document_, files, filterQuestions());
}

void EvidencePage::editSelected() {
    const Evidence* e = selected();
    if (!e)
        return;
    EvidenceDialog dialog(document_->model(), *e, voiceNames(*document_),
                          tr("Evidence “%1”").arg(q(e->title)), this);
    if (dialog.exec() == QDialog::Accepted)
        document_->evidence()->edit(e->id, dialog.fields());
}

void EvidencePage::removeOrRestoreSelected() {
    if (const Evidence* e = selected()) {
        const Id id = e->id;
        const bool removed = e->removed();
        const QString title = q(e->title);
        if (removed)
            document_->evidence()->restore(id);
        else
            document_->evidence()->remove(id);
        emit status(removed ? tr("Restored “%1”").arg(title)
                            : tr("Removed “%1”: Ctrl+Z brings it back, as does Restore until the next backup")
                                  .arg(title));
    }
}

} // namespace mw::ui
