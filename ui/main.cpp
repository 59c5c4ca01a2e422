#include "assessment_document.hpp"
#include "editor_page.hpp"
#include "main_window.hpp"
#include "platform/app_paths.hpp"
#include "platform/qt_text.hpp"
#include "recovery.hpp"
#include "startup.hpp"
#include "workspace.hpp"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileDialog>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QStyle>
#include <QStyleFactory>

#include <cstdio>

namespace {

// Fusion with a palette of our own, so light and dark look the same on every platform; "system" keeps the
// platform's style and palette.
bool applyTheme(const QString& theme) {
    if (theme == "system")
        return true;
    if (theme != "light" && theme != "dark")
        return false;
    QApplication::setStyle(QStyleFactory::create("Fusion"));
    QPalette palette = QApplication::style()->standardPalette();
    if (theme == "dark") {
        const QColor window(0x2b, 0x2d, 0x31), base(0x1e, 0x1f, 0x22), text(0xe8, 0xea, 0xed);
        palette.setColor(QPalette::Window, window);
        palette.setColor(QPalette::WindowText, text);
        palette.setColor(QPalette::Base, base);
        palette.setColor(QPalette::AlternateBase, window);
        palette.setColor(QPalette::Text, text);
        palette.setColor(QPalette::Button, window);
        palette.setColor(QPalette::ButtonText, text);
        palette.setColor(QPalette::ToolTipBase, base);
        palette.setColor(QPalette::ToolTipText, text);
        palette.setColor(QPalette::PlaceholderText, QColor(0xa8, 0xad, 0xb4));
        palette.setColor(QPalette::Highlight, QColor(0x3d, 0x8b, 0xd9));
        palette.setColor(QPalette::HighlightedText, Qt::black);
        palette.setColor(QPalette::Link, QColor(0x7c, 0xb7, 0xf0));
        palette.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x84, 0x8a));
        palette.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x84, 0x8a));
        palette.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x84, 0x8a));
    }
    QApplication::setPalette(palette);
    return true;
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
    QCommandLineOption theme("theme",
                             "light, dark or system (default): dark suits a dimmed room, light a bright one.",
                             "THEME", "system");
    // For scripts/bench.sh: start-up is timed from process start to the first painted frame.
    QCommandLineOption exitAfterFirstPaint("exit-after-first-paint",
                                           "Exit once the window has been painted.");
    exitAfterFirstPaint.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(db);
    parser.addOption(open);
    parser.addOption(theme);
    parser.addOption(exitAfterFirstPaint);
    parser.process(app);
    if (!applyTheme(parser.value(theme))) {
        std::fprintf(stderr, "maturity-workbench: --theme must be light, dark or system, not \"%s\"\n",
                     qPrintable(parser.value(theme)));
        return 2;
    }

    mw::ui::Workspace workspace;
    if (!mw::ui::openWithRecovery(workspace, mw::resolveDatabasePath(parser.value(db))))
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
    if (parser.isSet(exitAfterFirstPaint))
        mw::ui::exitAfterFirstPaint(window);
    return app.exec();
}
