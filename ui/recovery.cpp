#include "recovery.hpp"

#include "app/backups.hpp"
#include "platform/qt_text.hpp"
#include "workspace.hpp"

#include <QFileDialog>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>

namespace mw::ui {

bool openWithRecovery(Workspace& workspace, QString path) {
    while (true) {
        auto opened = workspace.open(path);
        if (opened)
            return true;
        QMessageBox box(QMessageBox::Warning, QObject::tr("Cannot open the database"),
                        QString::fromStdString(opened.error().message), QMessageBox::NoButton);
        box.setInformativeText(QObject::tr("Nothing was changed in that file. What would you like to do?"));
        // The newest copy that passes the checks, from the backups folder beside the file; offered only when
        // the file itself is missing or damaged (not when it is merely locked, or from a newer release).
        const BackupEntry itself = inspectBackup(s(path));
        const bool damaged = !itself.good && itself.problem != "written by a newer Maturity Workbench";
        const auto backup = damaged ? app::newestGoodBackup(s(path)) : std::nullopt;
        QAbstractButton* restore = nullptr;
        if (backup)
            restore = box.addButton(QObject::tr("Restore the backup of %1 (%2 assessments)")
                                        .arg(QString::fromStdString(backup->day))
                                        .arg(backup->assessments),
                                    QMessageBox::AcceptRole);
        auto* other = box.addButton(QObject::tr("Open another…"), QMessageBox::AcceptRole);
        auto* create = box.addButton(QObject::tr("Create a new database…"), QMessageBox::ActionRole);
        box.addButton(QObject::tr("Quit"), QMessageBox::RejectRole);
        box.exec();
        const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        if (restore && box.clickedButton() == restore) {
            auto kept = app::restoreBackup(s(path), backup->path);
            if (!kept)
                QMessageBox::warning(nullptr, QObject::tr("Restore failed"),
                                     QString::fromStdString(kept.error().message));
            else
                QMessageBox::information(
                    nullptr, QObject::tr("Backup restored"),
                    QObject::tr("Restored %1 from the backup of %2. The file as it was is kept "
                                "at %3.")
                        .arg(path, QString::fromStdString(backup->day),
                             QString::fromStdString(kept->string())));
            continue;
        }
        if (box.clickedButton() == other)
            path = QFileDialog::getOpenFileName(
                nullptr, QObject::tr("Open database"), folder,
                QObject::tr("Maturity databases (*.db *.sqlite);;All files (*)"));
        else if (box.clickedButton() == create)
            path = QFileDialog::getSaveFileName(nullptr, QObject::tr("New database"), folder + "/maturity.db",
                                                QObject::tr("Maturity databases (*.db)"));
        else
            return false;
        if (path.isEmpty())
            return false;
    }
}

} // namespace mw::ui
