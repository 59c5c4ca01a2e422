#pragma once
// Backups of a database: a consistent copy (SQLite's online backup) in a backups/ folder beside it, made
// before the first change of each day and on request, and restored only after the copy is checked.
#include "core/error.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace mw {

struct DailyBackups {
    bool enabled = true;
    std::size_t keep = 14; // daily copies kept; copies made on request are never pruned
    // Today's date as YYYY-MM-DD in local time; replaceable so tests can live through many days.
    std::function<std::string()> today;
};

struct BackupEntry {
    std::filesystem::path path;
    std::string day; // YYYY-MM-DD, from the file's name
    bool daily = false;
    std::uintmax_t bytes = 0;
    bool good = false;   // ours, readable by this release and passing SQLite's integrity check
    std::string problem; // why it is not good
    std::size_t assessments = 0;
};

std::string localToday();
std::filesystem::path backupFolder(const std::filesystem::path& database);
// The daily copy's name: backups/<database stem>-YYYY-MM-DD.db.
std::filesystem::path dailyBackupPath(const std::filesystem::path& database, const std::string& day);
// A copy on request: backups/<stem>-YYYY-MM-DD-HHMMSS.db.
std::filesystem::path manualBackupPath(const std::filesystem::path& database);

// Every backup of that database, newest first, each checked.
Result<std::vector<BackupEntry>> listBackups(const std::filesystem::path& database);
// Checks one copy the way listBackups does.
BackupEntry inspectBackup(const std::filesystem::path& backup);
// Replaces the database with a good backup. The database as it was (and its -wal) is first kept in the
// backups folder, so a restore loses nothing either; returns where. No connection may be open on it.
Result<std::filesystem::path> restoreBackup(const std::filesystem::path& database,
                                            const std::filesystem::path& backup);
// Deletes the oldest daily copies beyond `keep`.
void pruneDailyBackups(const std::filesystem::path& database, std::size_t keep);

} // namespace mw
