#include "cli/cli.hpp"

#include <QGuiApplication>

#include <cstdio>
#include <memory>

int main(int argc, char** argv) {
    // Only the report and spreadsheet commands draw text; they need a GUI application but never a display.
    bool needsGui = false;
    for (int i = 1; i < argc; ++i)
        needsGui = needsGui || std::string_view(argv[i]) == "report" || std::string_view(argv[i]) == "export";
    std::unique_ptr<QCoreApplication> app;
    if (needsGui) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setOrganizationName("MaturityWorkbench");
    QCoreApplication::setApplicationName("maturity-workbench");
    QCoreApplication::setApplicationVersion(MW_VERSION);
    QTextStream out(stdout);
    QTextStream err(stderr);
    return mw::runCli(QCoreApplication::arguments(), out, err);
}
