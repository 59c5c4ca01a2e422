// Sealed bundles in the workbench: written off the UI thread with the password asked twice, opened with the
// password asked once, and asked again (saying why) when it does not open the file.
#include "password_typer.hpp"
#include "portfolio_view.hpp"
#include "workbench_fixture.hpp"

#include <QApplication>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>

using namespace mw;
using namespace mw::ui;
using namespace mw::ui::test_support;

TEST_CASE("the workbench seals a bundle and opens it again only with the password", "[ui][sealed]") {
    DemoWorkbench source;
    const QString sealed = QString::fromStdString((source.dir / "follow-up.mwbundle").string());
    auto written = source.window->exportBundleFile(sealed, Secret(std::string("correct horse battery")));
    written.waitForFinished();
    REQUIRE(written.result().has_value());
    const std::string bytes = test::readBytes(source.dir / "follow-up.mwbundle");
    CHECK(bytes.starts_with("MWSEALED"));
    CHECK(bytes.find("Severn Vale") == std::string::npos);

    Workbench target;
    {
        PasswordTyper typer({"not the password", "correct horse battery"});
        target.window->importBundleFile(sealed);
        REQUIRE(QTest::qWaitFor([&] { return target.window->document() != nullptr; }, 30000));
        CHECK(typer.asked == 2);
        REQUIRE(typer.problems.size() == 2);
        CHECK(typer.problems[0].isEmpty());
        CHECK(typer.problems[1].startsWith("That password does not open this file"));
    }
    CHECK(target.window->document()->info().title == "IT/OT convergence follow-up");
    CHECK(target.window->portfolio()->assessmentCount() == 1);
}

TEST_CASE("cancelling the password, or a cut sealed file, imports nothing", "[ui][sealed]") {
    DemoWorkbench source;
    const QString sealed = QString::fromStdString((source.dir / "b.mwbundle").string());
    auto written = source.window->exportBundleFile(sealed, Secret(std::string("correct horse battery")));
    written.waitForFinished();
    REQUIRE(written.result().has_value());

    Workbench target;
    {
        PasswordTyper typer({});
        target.window->importBundleFile(sealed);
        CHECK(typer.asked == 1);
    }
    test::writeBytes(source.dir / "cut.mwbundle", test::readBytes(source.dir / "b.mwbundle").substr(0, 40));
    {
        PasswordTyper typer({"correct horse battery"});
        target.window->importBundleFile(QString::fromStdString((source.dir / "cut.mwbundle").string()));
        CHECK(typer.asked == 0); // no password can help a cut file
        REQUIRE(typer.problems.size() == 1);
        CHECK(typer.problems[0].startsWith("message: Nothing was imported from cut.mwbundle."));
        CHECK(typer.problems[0].contains("the sealed bundle is cut short"));
    }
    QTest::qWait(50);
    CHECK(target.window->document() == nullptr);
    CHECK(target.window->portfolio()->assessmentCount() == 0);
}

TEST_CASE("the sealing dialog asks twice and refuses a short password or a mismatch", "[ui][sealed]") {
    PasswordDialog dialog(PasswordDialog::Purpose::Seal, "b.mwbundle");
    auto* password = dialog.findChild<QLineEdit*>("bundlePassword");
    auto* again = dialog.findChild<QLineEdit*>("bundlePasswordAgain");
    auto* problem = dialog.findChild<QLabel*>("passwordProblem");
    auto* ok = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
    CHECK(password->echoMode() == QLineEdit::Password);
    CHECK_FALSE(ok->isEnabled());
    password->setText("short");
    CHECK(problem->text() == "At least 8 characters.");
    CHECK_FALSE(ok->isEnabled());
    password->setText("correct horse battery");
    again->setText("correct horse batter");
    CHECK(problem->text() == "The two passwords differ.");
    CHECK_FALSE(ok->isEnabled());
    again->setText("correct horse battery");
    CHECK(problem->text().isEmpty());
    CHECK(ok->isEnabled());
    CHECK(dialog.takePassword().view() == "correct horse battery");
    CHECK(password->text().isEmpty());
}
