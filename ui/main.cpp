#include "assessment_document.hpp"
#include "editor_page.hpp"
#include "main_window.hpp"
#include "platform/app_paths.hpp"
#include "workspace.hpp"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileDialog>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>

namespace {

// A database that cannot be opened gets a choice, never a crash: another file, a new one, or quit.
bool openWithRecovery(mw::ui::Workspace& workspace, QString path) {
    while (true) {
        auto opened = workspace.open(path);
        if (opened)
            return true;
        QMessageBox box(QMessageBox::Warning, QObject::tr("Cannot open the database"),
                        QString::fromStdString(opened.error().message), QMessageBox::NoButton);
        box.setInformativeText(QObject::tr("Nothing was changed in that file. What would you like to do?"));
        auto* other = box.addButton(QObject::tr("Open another…"), QMessageBox::AcceptRole);
        auto* create = box.addButton(QObject::tr("Create a new database…"), QMessageBox::ActionRole);
        box.addButton(QObject::tr("Quit"), QMessageBox::RejectRole);
        box.exec();
        const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
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

} // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName("MaturityWorkbench");
    QApplication::setApplicationName("maturity-workbench");
    QApplication::setApplicationDisplayName("Maturity Workbench");
    QApplication::setApplicationVersion(MW_VERSION);
    QApplication::setDesktopFileName("maturity-workbench");
    QApplication::setWindowIcon(QIcon(":/icons/maturity-workbench.svg"));

    QCommandLineParser parser;
    parser.setApplicationDescription("Maturity Workbench: IT/OT convergence maturity assessments.");
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption db("db", "Database file (default: $MATURITY_DB, else the application-data folder).",
                          "PATH");
    QCommandLineOption open("open", "Open this assessment id at start.", "ID");
    parser.addOption(db);
    parser.addOption(open);
    parser.process(app);

    mw::ui::Workspace workspace;
    if (!openWithRecovery(workspace, mw::resolveDatabasePath(parser.value(db))))
        return 1;
    mw::ui::MainWindow window(workspace);
    window.show();
    if (const QStringList problems = workspace.modelProblems(); !problems.isEmpty())
        QMessageBox::warning(&window, "Maturity Workbench",
                             QObject::tr("Some model files were skipped:\n\n%1").arg(problems.join('\n')));
    if (parser.isSet(open))
        if (auto opened = window.openAssessment(parser.value(open).toLongLong()); !opened)
            QMessageBox::warning(&window, "Maturity Workbench",
                                 QString::fromStdString(opened.error().message));
    // The workshop keys act at once: a first digit sets a level instead of going into the portfolio filter.
    window.editor()->focusQuestion();
    return app.exec();
}
