// A database that will not open: the recovery dialog offers its newest good backup, restores it and opens
// it, keeping the damaged file; a merely locked or newer file is never replaced.
#include "app/backups.hpp"
#include "recovery.hpp"
#include "storage/demo.hpp"
#include "support.hpp"
#include "workspace.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>

#include <QAbstractButton>
#include <QApplication>
#include <QMessageBox>
#include <QTest>
#include <QTimer>

using namespace mw;
using namespace mw::ui;

namespace {

// Presses, in every message box that comes up, the first button whose text starts with the next word.
struct ButtonPresser {
    QStringList presses;
    QStringList seen; // each box's text, and its buttons
    QTimer timer;
    explicit ButtonPresser(QStringList words)
        : presses(std::move(words)) {
        timer.setInterval(20);
        QObject::connect(&timer, &QTimer::timeout, [this] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            if (!box)
                return;
            QString buttons;
            for (auto* button : box->buttons())
                buttons += " [" + button->text() + "]";
            seen << box->text() + buttons;
            const QString word = presses.isEmpty() ? QStringLiteral("Quit") : presses.takeFirst();
            for (auto* button : box->buttons())
                if (button->text().startsWith(word)) {
                    button->click();
                    return;
                }
            box->reject();
        });
        timer.start();
    }
};

} // namespace

TEST_CASE("a damaged database is restored from its newest good backup and opens", "[ui][backups]") {
    test::TempDir dir;
    const auto path = dir / "portfolio.db";
    {
        auto store = Store::open(path);
        REQUIRE(store.has_value());
        REQUIRE(createDemo(*store, test::builtinModels()).has_value());
        store->setDailyBackups({true, 14, [] { return std::string("2026-05-04"); }});
        REQUIRE(store->clearAnswer(2, "GO1").has_value()); // the day's first change: the copy is made
    }
    REQUIRE(std::filesystem::exists(dailyBackupPath(path, "2026-05-04")));
    test::writeBytes(path, std::string(8192, 'x')); // the disk ate the file
    for (const char* suffix : {"-wal", "-shm"})
        std::filesystem::remove(path.string() + suffix);

    Workspace workspace;
    ButtonPresser presser({"Restore the backup of 2026-05-04", "OK"});
    REQUIRE(openWithRecovery(workspace, QString::fromStdString(path.string())));
    REQUIRE(presser.seen.size() == 2);
    CHECK(presser.seen[0].contains("is not a Maturity Workbench database"));
    CHECK(presser.seen[0].contains("[Restore the backup of 2026-05-04 (2 assessments)]"));
    CHECK(presser.seen[1].startsWith("Restored"));
    auto assessments = workspace.assessments();
    REQUIRE(assessments.has_value());
    CHECK(assessments->size() == 2);
    // The damaged file is kept, not destroyed.
    bool keptDamaged = false;
    for (const auto& file : std::filesystem::directory_iterator(backupFolder(path)))
        keptDamaged |= file.path().filename().string().starts_with("portfolio-replaced-") &&
                       test::readBytes(file.path()) == std::string(8192, 'x');
    CHECK(keptDamaged);
}

TEST_CASE("a database from a newer release is never offered a restore", "[ui][backups]") {
    test::TempDir dir;
    const auto path = dir / "portfolio.db";
    {
        auto store = Store::open(path);
        REQUIRE(store.has_value());
        REQUIRE(createDemo(*store, test::builtinModels()).has_value());
        std::filesystem::create_directories(backupFolder(path));
        REQUIRE(store->backupTo(manualBackupPath(path)).has_value());
    }
    {
        SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
        db.exec("PRAGMA user_version = 99");
    }
    const std::string before = test::readBytes(path);
    Workspace workspace;
    ButtonPresser presser({"Quit"});
    CHECK_FALSE(openWithRecovery(workspace, QString::fromStdString(path.string())));
    REQUIRE(presser.seen.size() == 1);
    CHECK(presser.seen[0].contains("was written by a newer Maturity Workbench"));
    CHECK_FALSE(presser.seen[0].contains("Restore"));
    CHECK(test::readBytes(path) == before);
}
