// Backups: consistent copies beside the database, pruned to the last fortnight, checked before a restore.
#include "storage/backups.hpp"

#include "storage/sql_support.hpp"
#include "storage/store.hpp"

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <atomic>
#include <ctime>
#include <unistd.h>

namespace mw {

namespace {

bool isDigits(std::string_view text) {
    return !text.empty() &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "<stem>-YYYY-MM-DD.db" (daily) or "<stem>-YYYY-MM-DD-HHMMSS.db" (on request): the day, or empty.
std::string dayOf(const std::string& name, const std::string& stem, bool* daily) {
    if (!name.starts_with(stem + "-") || !name.ends_with(".db"))
        return {};
    const std::string rest = name.substr(stem.size() + 1, name.size() - stem.size() - 4);
    if (rest.size() < 10 || !isDigits(rest.substr(0, 4)) || rest[4] != '-' || !isDigits(rest.substr(5, 2)) ||
        rest[7] != '-' || !isDigits(rest.substr(8, 2)))
        return {};
    if (rest.size() == 10) {
        *daily = true;
        return rest;
    }
    if (rest.size() == 17 && rest[10] == '-' && isDigits(rest.substr(11, 6))) {
        *daily = false;
        return rest.substr(0, 10);
    }
    return {};
}

std::string stamp(const char* format) {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char text[32];
    std::strftime(text, sizeof text, format, &local);
    return text;
}

} // namespace

std::string localToday() {
    return stamp("%Y-%m-%d");
}

std::filesystem::path backupFolder(const std::filesystem::path& database) {
    return database.parent_path() / "backups";
}

std::filesystem::path dailyBackupPath(const std::filesystem::path& database, const std::string& day) {
    return backupFolder(database) / (database.stem().string() + "-" + day + ".db");
}

std::filesystem::path manualBackupPath(const std::filesystem::path& database) {
    return backupFolder(database) / (database.stem().string() + "-" + stamp("%Y-%m-%d-%H%M%S") + ".db");
}

BackupEntry inspectBackup(const std::filesystem::path& backup) {
    BackupEntry entry;
    entry.path = backup;
    std::error_code ec;
    entry.bytes = std::filesystem::file_size(backup, ec);
    try {
        SQLite::Database db(backup.string(), SQLite::OPEN_READONLY);
        if (db.execAndGet("PRAGMA application_id").getInt() != sql::kApplicationId) {
            entry.problem = "not a Maturity Workbench database";
            return entry;
        }
        if (db.execAndGet("PRAGMA user_version").getInt() > kSchemaVersion) {
            entry.problem = "written by a newer Maturity Workbench";
            return entry;
        }
        const std::string check = db.execAndGet("PRAGMA quick_check").getString();
        if (check != "ok") {
            entry.problem = "damaged (" + check + ")";
            return entry;
        }
        entry.assessments =
            static_cast<std::size_t>(db.execAndGet("SELECT count(*) FROM assessments").getInt64());
        entry.good = true;
    } catch (const SQLite::Exception& e) {
        entry.problem = std::string("unreadable (") + e.what() + ")";
    }
    return entry;
}

Result<std::vector<BackupEntry>> listBackups(const std::filesystem::path& database) {
    std::vector<BackupEntry> entries;
    const auto folder = backupFolder(database);
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec))
        return entries;
    const std::string stem = database.stem().string();
    for (const auto& file : std::filesystem::directory_iterator(folder, ec)) {
        bool daily = false;
        const std::string day = dayOf(file.path().filename().string(), stem, &daily);
        if (day.empty() || !file.is_regular_file(ec))
            continue;
        BackupEntry entry = inspectBackup(file.path());
        entry.day = day;
        entry.daily = daily;
        entries.push_back(std::move(entry));
    }
    if (ec)
        return fail(folder.string() + ": cannot list the backups (" + ec.message() + ")");
    // A daily copy is made at the day's first change, so it is older than that day's copies on request.
    const auto order = [](const BackupEntry& e) {
        const std::string name = e.path.filename().string();
        return e.day + (e.daily ? std::string("-000000") : name.substr(name.size() - 10, 7));
    };
    std::sort(entries.begin(), entries.end(),
              [&](const BackupEntry& a, const BackupEntry& b) { return order(a) > order(b); });
    return entries;
}

void pruneDailyBackups(const std::filesystem::path& database, std::size_t keep) {
    std::vector<std::filesystem::path> daily;
    std::error_code ec;
    const std::string stem = database.stem().string();
    for (const auto& file : std::filesystem::directory_iterator(backupFolder(database), ec)) {
        bool isDaily = false;
        if (!dayOf(file.path().filename().string(), stem, &isDaily).empty() && isDaily)
            daily.push_back(file.path());
    }
    std::sort(daily.begin(), daily.end());
    for (std::size_t i = 0; i + keep < daily.size(); ++i)
        std::filesystem::remove(daily[i], ec);
}

Result<std::filesystem::path> restoreBackup(const std::filesystem::path& database,
                                            const std::filesystem::path& backup) {
    std::error_code ec;
    if (!std::filesystem::exists(backup, ec))
        return fail(backup.string() + ": no such backup");
    const BackupEntry checked = inspectBackup(backup);
    if (!checked.good)
        return fail(backup.string() + ": cannot restore this backup: it is " + checked.problem);
    std::filesystem::create_directories(backupFolder(database), ec);
    if (ec)
        return fail(backupFolder(database).string() + ": cannot create the backups folder (" + ec.message() +
                    ")");
    const auto kept =
        backupFolder(database) / (database.stem().string() + "-replaced-" + stamp("%Y-%m-%d-%H%M%S") + ".db");
    for (const char* suffix : {"", "-wal"}) {
        const std::filesystem::path from = database.string() + suffix;
        if (std::filesystem::exists(from, ec) &&
            !std::filesystem::copy_file(from, kept.string() + suffix,
                                        std::filesystem::copy_options::overwrite_existing, ec))
            return fail(database.string() + ": cannot keep a copy before restoring (" + ec.message() +
                        "); nothing was changed");
    }
    const std::filesystem::path staged = database.string() + ".restoring";
    if (!std::filesystem::copy_file(backup, staged, std::filesystem::copy_options::overwrite_existing, ec))
        return fail(database.string() + ": cannot stage the backup beside it (" + ec.message() +
                    "); nothing was changed");
    // The old write-ahead log belongs to the old file: left in place it would be replayed onto the copy.
    for (const char* suffix : {"-wal", "-shm"})
        std::filesystem::remove(database.string() + suffix, ec);
    std::filesystem::rename(staged, database, ec);
    if (ec)
        return fail(database.string() + ": cannot put the backup in place (" + ec.message() +
                    "); the database is kept at " + kept.string());
    return kept;
}

Result<void> Store::backupTo(const std::filesystem::path& target) const {
    // Unique per writer: the workbench's opening copy and its first change may both be making the day's.
    static std::atomic<unsigned> serial{0};
    const std::filesystem::path partial =
        target.string() + ".partial-" + std::to_string(::getpid()) + "-" + std::to_string(serial++);
    return sql::guarded(target, "write the backup", [&]() -> Result<void> {
        std::error_code ec;
        std::filesystem::remove(partial, ec);
        {
            SQLite::Database copy(partial.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
            SQLite::Backup backup(copy, *db_);
            backup.executeStep();
            // A single self-contained file: no -wal beside the copy, whoever opens it.
            copy.exec("PRAGMA journal_mode = DELETE");
        }
        std::filesystem::rename(partial, target, ec);
        if (ec) {
            std::filesystem::remove(partial, ec);
            return fail(target.string() + ": cannot write the backup (" + ec.message() + ")");
        }
        return {};
    });
}

void Store::backUpIfDue() {
    if (!daily_.enabled)
        return;
    const std::string today = daily_.today ? daily_.today() : localToday();
    if (today == backedUpDay_)
        return;
    backedUpDay_ = today;
    backupProblem_.clear();
    std::error_code ec;
    const auto target = dailyBackupPath(path_, today);
    if (std::filesystem::exists(target, ec))
        return;
    try {
        // An empty database has nothing to lose.
        if (db_->execAndGet("SELECT EXISTS (SELECT 1 FROM clients)").getInt() == 0)
            return;
    } catch (const SQLite::Exception&) {
        return;
    }
    std::filesystem::create_directories(backupFolder(path_), ec);
    if (ec) {
        backupProblem_ =
            backupFolder(path_).string() + ": cannot create the backups folder (" + ec.message() + ")";
        return;
    }
    if (auto written = backupTo(target); !written) {
        backupProblem_ = written.error().message;
        return;
    }
    // The copy holds what was removed; the database lets it go. A failure leaves it for the next backup.
    (void)purgeRemovedEvidence();
    pruneDailyBackups(path_, daily_.keep);
}

} // namespace mw
