#include "cli/cli.hpp"
#include "report/exports.hpp"

#include <QDir>
#include <QFile>
#include <QGuiApplication>

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>

int main(int argc, char** argv) {
    // Only the report and spreadsheet commands draw text; they need a GUI application but never a display.
    bool writesReport = false;
    bool needsGui = false;
    for (int i = 1; i < argc; ++i) {
        writesReport = writesReport || std::string_view(argv[i]) == "report";
        needsGui = needsGui || std::string_view(argv[i]) == "report" || std::string_view(argv[i]) == "export";
    }
    std::unique_ptr<QCoreApplication> app;
    std::optional<mw::ReportFontPreload> fontPreload;
    if (needsGui) {
        // The minimal platform with fontconfig fonts: no display, no OpenGL, and it starts in a third of the
        // time "offscreen" takes, which is most of what a one-page command waits for.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "minimal:enable_fonts:fontconfig");
        // Headless machines often lack a runtime folder; give Qt a private one instead of a warning.
        if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
            const QByteArray runtime =
                QDir::tempPath().toUtf8() + "/maturity-runtime-" + QByteArray::number(getuid());
            QDir().mkpath(QString::fromUtf8(runtime));
            QFile::setPermissions(QString::fromUtf8(runtime),
                                  QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
            qputenv("XDG_RUNTIME_DIR", runtime);
        }
        app = std::make_unique<QGuiApplication>(argc, argv);
        // The font database takes as long to load as the assessment takes to read: start it at once.
        if (writesReport)
            fontPreload.emplace();
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setOrganizationName("MaturityWorkbench");
    QCoreApplication::setApplicationName("maturity-workbench");
    QCoreApplication::setApplicationVersion(MW_VERSION);
    QTextStream out(stdout);
    QTextStream err(stderr);
    const int code = mw::runCli(QCoreApplication::arguments(), out, err);
    if (needsGui) {
        // The command has closed its database and committed its file. Tearing down Qt's font database and
        // platform plugin would only make a one-shot command slower, so the process ends here.
        std::fflush(nullptr);
        std::_Exit(code);
    }
    return code;
}
