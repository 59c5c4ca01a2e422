// Settings → house styles: a path no report could take is said when Save is pressed, naming the file, and
// the dialog stays open on it; a good one is saved for the next export.
#include "dialogs.hpp"
#include "platform/settings.hpp"
#include "report/house_style.hpp"
#include "support.hpp"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFile>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>

#include <catch2/catch.hpp>

using namespace mw;

namespace {

// Presses Save and returns the text of the warning that comes up, if one does.
QString pressSave(ui::SettingsDialog& dialog) {
    QString warning;
    QTimer timer;
    timer.setInterval(20);
    QObject::connect(&timer, &QTimer::timeout, [&] {
        if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
            warning = box->text();
            box->accept();
        }
    });
    timer.start();
    dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Save)->click();
    return warning;
}

} // namespace

TEST_CASE("the settings refuse a house style no report could take and keep a good one", "[ui][house]") {
    test::TempDir dir;
    const SavedHouseStyles before = savedHouseStyles();
    ModelRegistry models = test::builtinModels();
    ui::SettingsDialog dialog(models);
    dialog.show();
    auto* docx = dialog.findChild<QLineEdit*>("docxHouseStyle");
    auto* odt = dialog.findChild<QLineEdit*>("odtHouseStyle");
    REQUIRE(docx);
    REQUIRE(odt);

    const QString missing = QString::fromStdString((dir / "missing.docx").string());
    docx->setText(missing);
    QString warning = pressSave(dialog);
    CHECK(warning.contains(missing));
    CHECK(warning.contains("no such file"));
    CHECK(dialog.result() != QDialog::Accepted);

    // A Word document where the ODT house style goes.
    const QString ours = QString::fromStdString((dir / "ours.docx").string());
    QFile file(ours);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(*defaultHouseStyleFile(ReportFormat::Docx, QPageSize::A4));
    file.close();
    docx->clear();
    odt->setText(ours);
    warning = pressSave(dialog);
    CHECK(warning.contains("is not an ODT document"));
    CHECK(dialog.result() != QDialog::Accepted);

    odt->clear();
    docx->setText(ours);
    CHECK(pressSave(dialog).isEmpty());
    CHECK(dialog.result() == QDialog::Accepted);
    dialog.save();
    CHECK(savedHouseStyles().docx == ours);
    CHECK(savedHouseStyles().odt.isEmpty());
    saveHouseStyles(before);
}
