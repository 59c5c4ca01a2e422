// The floor for the workbench's start-up: a bare QMainWindow of the same size with the same application
// set-up, ended at its first painted frame. scripts/bench.sh times whole runs of both on a real X display.
#include "startup.hpp"

#include <QApplication>
#include <QLabel>
#include <QMainWindow>
#include <QScreen>

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QMainWindow window;
    window.setCentralWidget(new QLabel("Maturity Workbench"));
    window.resize(QSize(1440, 900).boundedTo(window.screen()->availableSize())); // as the workbench
    window.show();
    mw::ui::exitAfterFirstPaint(window);
    return app.exec();
}
