#include "app/backups.hpp"

namespace mw::app {

Result<std::filesystem::path> backupNow(Workspace& workspace,
                                        const std::optional<std::filesystem::path>& out) {
    const auto& database = workspace.path();
    std::filesystem::path target = out ? *out : manualBackupPath(database);
    if (out) {
        if (auto refused = checkOutputPath(database, *out); !refused)
            return std::unexpected(refused.error());
    } else {
        std::error_code ec;
        std::filesystem::create_directories(target.parent_path(), ec);
        if (ec)
            return fail(target.parent_path().string() + ": cannot create the backups folder (" +
                        ec.message() + ")");
    }
    if (auto written = workspace.store().backupTo(target); !written)
        return std::unexpected(written.error());
    // Removed evidence was recoverable until a backup held it; this one does.
    (void)workspace.store().purgeRemovedEvidence();
    return target;
}

std::string backUpIfDue(const std::filesystem::path& database) {
    auto store = Store::open(database, OpenMode::ExistingOnly);
    if (!store)
        return store.error().message;
    store->backUpIfDue();
    return store->backupProblem();
}

Result<std::vector<BackupEntry>> listBackups(const std::filesystem::path& database) {
    return mw::listBackups(database);
}

std::optional<BackupEntry> newestGoodBackup(const std::filesystem::path& database) {
    auto entries = mw::listBackups(database);
    if (!entries)
        return std::nullopt;
    for (auto& entry : *entries)
        if (entry.good)
            return std::move(entry);
    return std::nullopt;
}

Result<std::filesystem::path> restoreBackup(const std::filesystem::path& database,
                                            const std::filesystem::path& backup) {
    if (overwritesDatabase(database, backup))
        return fail(backup.string() + " is the database itself, not a backup of it");
    return mw::restoreBackup(database, backup);
}

} // namespace mw::app
