#include "evidence_attach.hpp"

#include "assessment_document.hpp"
#include "evidence_dialog.hpp"
#include "evidence_list.hpp"
#include "main_window.hpp"
#include "platform/qt_text.hpp"
#include "platform/settings.hpp"

#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QImage>
#include <QMimeData>
#include <QSettings>
#include <QTemporaryDir>
#include <QUrl>

namespace mw::ui {

namespace {

// Pasted images wait here until they are attached; the folder goes when the workbench closes.
QTemporaryDir& pastedImages() {
    static QTemporaryDir folder(QDir::tempPath() + "/maturity-pasted-XXXXXX");
    return folder;
}

app::AttachRequest requestFor(const AssessmentDocument& document, const QString& file,
                              const std::vector<std::string>& questions) {
    app::AttachRequest request;
    request.file = s(file);
    request.questionIds = questions;
    request.limits = savedEvidenceLimits();
    if (document.activeVoice() != document.consensusId())
        request.participant = std::to_string(document.activeVoice());
    return request;
}

} // namespace

QStringList voiceNames(const AssessmentDocument& document) {
    QStringList names;
    for (const auto& p : document.participants())
        if (!p.isDefault)
            names << q(p.name);
    return names;
}

QStringList localFiles(const QMimeData* data) {
    QStringList files;
    if (!data || !data->hasUrls())
        return files;
    for (const QUrl& url : data->urls())
        if (url.isLocalFile() && QFileInfo(url.toLocalFile()).isFile())
            files << url.toLocalFile();
    return files;
}

bool canAttach(const QMimeData* data) {
    return data && (!localFiles(data).isEmpty() || data->hasImage());
}

QStringList filesToAttach(const QMimeData* data, QString* problem) {
    QStringList files = localFiles(data);
    if (!files.isEmpty() || !data || !data->hasImage())
        return files;
    const QImage image = qvariant_cast<QImage>(data->imageData());
    if (image.isNull()) {
        *problem = QObject::tr("The clipboard's image could not be read.");
        return {};
    }
    if (!pastedImages().isValid()) {
        *problem = QObject::tr("No folder for pasted images could be made in %1.").arg(QDir::tempPath());
        return {};
    }
    const QString stamp = QDateTime::currentDateTime().toString("yyyy-MM-dd HHmmss");
    QString path = pastedImages().filePath(QObject::tr("Pasted image %1.png").arg(stamp));
    for (int n = 2; QFileInfo::exists(path); ++n)
        path = pastedImages().filePath(QObject::tr("Pasted image %1 (%2).png").arg(stamp).arg(n));
    if (!image.save(path, "PNG")) {
        *problem = QObject::tr("The pasted image could not be saved to %1.").arg(path);
        return {};
    }
    return {path};
}

void attachWithDialog(QWidget* parent, AssessmentDocument& document, const QStringList& files,
                      const std::vector<std::string>& questions) {
    if (files.isEmpty())
        return;
    Evidence start;
    start.questionIds = questions;
    start.title = s(QFileInfo(files.front()).completeBaseName());
    start.fileName = files.size() == 1 ? s(QFileInfo(files.front()).fileName())
                                       : s(QObject::tr("%1 files: %2").arg(files.size()).arg([&] {
                                             QStringList names;
                                             for (const auto& f : files)
                                                 names << QFileInfo(f).fileName();
                                             return names.join(", ");
                                         }()));
    const QString heading = files.size() == 1 ? QObject::tr("Attach evidence")
                                              : QObject::tr("Attach %1 evidence files").arg(files.size());
    EvidenceDialog dialog(document.model(), start, voiceNames(document), heading, parent);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const EvidenceEdit fields = dialog.fields();
    for (const QString& file : files) {
        app::AttachRequest request = requestFor(document, file, *fields.questionIds);
        // Several files keep their own names as titles; one takes the title typed.
        if (files.size() == 1)
            request.title = *fields.title;
        request.validOn = *fields.validOn;
        request.suppliedBy = *fields.suppliedBy;
        document.evidence()->attach(std::move(request));
    }
}

void attachNow(AssessmentDocument& document, const QStringList& files,
               const std::vector<std::string>& questions) {
    for (const QString& file : files)
        document.evidence()->attach(requestFor(document, file, questions));
}

void chooseAndAttach(QWidget* parent, AssessmentDocument& document,
                     const std::vector<std::string>& questions) {
    QSettings settings;
    QString folder = settings.value("evidence/folder").toString();
    if (!QFileInfo(folder).isDir())
        folder = documentsFolder();
    const QStringList files = QFileDialog::getOpenFileNames(parent, QObject::tr("Attach evidence"), folder,
                                                            QObject::tr("All files (*)"));
    if (files.isEmpty())
        return;
    settings.setValue("evidence/folder", QFileInfo(files.front()).path());
    attachWithDialog(parent, document, files, questions);
}

} // namespace mw::ui
