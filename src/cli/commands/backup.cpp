// backup, backups and restore: consistent copies of the database, the list of them, and putting one back.
#include "app/backups.hpp"
#include "cli/commands/commands.hpp"
#include "cli/text_table.hpp"
#include "platform/app_paths.hpp"
#include "platform/qt_text.hpp"

#include <QLocale>

namespace mw::cli {

namespace {
QString databasePath(const CommandContext& context) {
    return resolveDatabasePath(context.value("db"));
}
} // namespace

int backupCommand(CommandContext& context) {
    context.expectPositionals(0);
    std::optional<std::filesystem::path> out;
    if (context.isSet("out")) {
        if (context.value("out").isEmpty())
            throw UsageError{"backup: --out needs a file name"};
        out = s(context.value("out"));
    }
    auto workspace = context.workspace();
    if (!workspace)
        return context.fail(workspace.error());
    auto written = app::backupNow(**workspace, out);
    if (!written)
        return context.fail(written.error());
    const BackupEntry checked = inspectBackup(*written);
    context.out << "Backed up " << q((*workspace)->path().string()) << " to " << q(written->string()) << " ("
                << checked.assessments << (checked.assessments == 1 ? " assessment" : " assessments") << ", "
                << QLocale::c().formattedDataSize(static_cast<qint64>(checked.bytes), 1,
                                                  QLocale::DataSizeSIFormat)
                << ").\n";
    return ExitOk;
}

int backupsCommand(CommandContext& context) {
    context.expectPositionals(0);
    const QString database = databasePath(context);
    auto entries = app::listBackups(s(database));
    if (!entries)
        return context.fail(entries.error());
    if (entries->empty()) {
        context.out << "No backups of " << database
                    << " yet. One is made before the first change of each day; "
                    << "'maturity backup' makes one now.\n";
        return ExitOk;
    }
    context.out << "Backups of " << database << ", newest first (in " << q(backupFolder(s(database)).string())
                << "):\n";
    TextTable table({"Day", "Kind", "Assessments", "Size", "State", "File"}, {2, 3});
    for (const auto& entry : *entries)
        table.addRow(
            {q(entry.day), entry.daily ? "daily" : "on request",
             entry.good ? QString::number(entry.assessments) : QString(),
             QLocale::c().formattedDataSize(static_cast<qint64>(entry.bytes), 1, QLocale::DataSizeSIFormat),
             entry.good ? "good" : q(entry.problem), q(entry.path.filename().string())});
    table.print(context.out);
    return ExitOk;
}

int restoreCommand(CommandContext& context) {
    const QString backup = context.positional(0, "BACKUP");
    context.expectPositionals(1);
    const QString database = databasePath(context);
    // A bare name is looked for in the backups folder, as `maturity backups` lists it.
    std::filesystem::path chosen = s(backup);
    if (!chosen.has_parent_path() && !std::filesystem::exists(chosen))
        chosen = backupFolder(s(database)) / chosen;
    auto kept = app::restoreBackup(s(database), chosen);
    if (!kept)
        return context.fail(kept.error());
    auto reopened = context.workspace();
    if (!reopened)
        return context.fail(reopened.error());
    context.out << "Restored " << database << " from " << q(chosen.string())
                << ". The database as it was is kept at " << q(kept->string()) << ".\n";
    return ExitOk;
}

} // namespace mw::cli
