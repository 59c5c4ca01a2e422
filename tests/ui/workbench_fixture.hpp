#pragma once
// The workbench's main window on a database of its own, driven by key events as a facilitator would.
#include "assessment_document.hpp"
#include "dashboard_page.hpp"
#include "dialogs.hpp"
#include "main_window.hpp"
#include "storage/demo.hpp"
#include "support.hpp"
#include "workspace.hpp"

#include <catch2/catch.hpp>

#include <QLabel>
#include <QTest>

namespace mw::ui::test_support {

struct Workbench {
    test::TempDir dir;
    QString path = QString::fromStdString((dir / "workbench.db").string());
    Workspace workspace;
    std::unique_ptr<MainWindow> window;

    Workbench() { reopen(); }
    void reopen() {
        window.reset();
        REQUIRE(workspace.open(path).has_value());
        window = std::make_unique<MainWindow>(workspace);
        window->show();
        REQUIRE(QTest::qWaitForWindowExposed(window.get()));
    }
    QWidget* questionPanel() { return window->findChild<QWidget*>("questionPanel"); }
    void key(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
        QTest::keyClick(questionPanel(), static_cast<Qt::Key>(key), modifiers);
    }
    QString overall() { return window->dashboard()->overallLabel()->text(); }
};

// The demo portfolio with its follow-up (assessment 2, eight voices) open.
struct DemoWorkbench : Workbench {
    DemoWorkbench() {
        REQUIRE(createDemo(workspace.app().store(), workspace.models()).has_value());
        workspace.notifyPortfolioChanged();
        REQUIRE(window->openAssessment(2).has_value());
    }
    AssessmentDocument* doc() { return window->document(); }
};

inline NewAssessmentRequest request(const QString& client) {
    return {client, "Water utility", "Workshop baseline", "2026-03-02", "Sam Lee", "itot-convergence"};
}

} // namespace mw::ui::test_support
