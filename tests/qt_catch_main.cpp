// Catch2 runner inside a QApplication on the offscreen platform: report and UI tests need fonts and widgets
// but never a display.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <QApplication>

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName("MaturityWorkbenchTests");
    QCoreApplication::setApplicationName("maturity-workbench-tests");
    return Catch::Session().run(argc, argv);
}
