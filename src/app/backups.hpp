#pragma once
// Backups as every front door offers them: one now, the list, and a restore that is checked first.
#include "app/workspace.hpp"
#include "storage/backups.hpp"

#include <optional>

namespace mw::app {

// A consistent copy now: to `out` when given (never over the database), else to backups/ beside it.
Result<std::filesystem::path> backupNow(Workspace& workspace,
                                        const std::optional<std::filesystem::path>& out);
// The day's automatic copy, on a connection of its own (so it can run off a UI thread): what went wrong,
// or empty.
std::string backUpIfDue(const std::filesystem::path& database);
// Every backup of the database at that path, newest first, each checked. The database need not open.
Result<std::vector<BackupEntry>> listBackups(const std::filesystem::path& database);
// The newest backup that passes the checks, for a database that will not open.
std::optional<BackupEntry> newestGoodBackup(const std::filesystem::path& database);
// Replaces the (closed) database with the backup; the replaced file is kept, and its path returned.
Result<std::filesystem::path> restoreBackup(const std::filesystem::path& database,
                                            const std::filesystem::path& backup);

} // namespace mw::app
