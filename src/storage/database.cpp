// Opening the file: what is ours, the pragmas, the backup before an upgrade.
#include "storage/presence_lock.hpp"
#include "storage/sql_support.hpp"

#include <sqlite3.h>

namespace mw {

using namespace sql;

Store::Store(std::unique_ptr<SQLite::Database> db, std::filesystem::path path)
    : db_(std::move(db))
    , statements_(std::make_unique<StatementCache>(*db_))
    , path_(std::move(path)) {}
Store::Store(Store&&) noexcept = default;
// Not the default: that would close the old database while its cached statements still exist.
Store& Store::operator=(Store&& other) noexcept {
    if (this != &other) {
        this->~Store();
        new (this) Store(std::move(other));
    }
    return *this;
}
Store::~Store() = default;

Result<Store> Store::open(const std::filesystem::path& path, OpenMode mode) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        return fail(path.string() + " is a folder; give the path of a database file");
    const bool present = std::filesystem::exists(path, ec);
    const bool existed = present && std::filesystem::file_size(path, ec) > 0;
    if (!existed && mode == OpenMode::ExistingOnly)
        return fail(present ? path.string() + " is an empty file, not a Maturity Workbench database"
                            : "no database at " + path.string() +
                                  " (check the path, or create one with 'maturity demo' or 'maturity new')");
    if (!existed && path.has_parent_path() && !std::filesystem::is_directory(path.parent_path(), ec))
        return fail("the folder " + path.parent_path().string() +
                    " does not exist (check --db or MATURITY_DB)");
    return guarded(path, "open the database", [&]() -> Result<Store> {
        auto db = std::make_unique<SQLite::Database>(path.string(),
                                                     SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE, 3000);
        // The file is never opened outside SQLite to check what it is: closing any other descriptor of it
        // drops every lock this process holds on it (POSIX), and another program closing the database could
        // then delete the log this process's open connection is still writing to. SQLite says NOTADB.
        int version = 0;
        try {
            version = db->execAndGet("PRAGMA user_version").getInt();
        } catch (const SQLite::Exception& e) {
            if (e.getErrorCode() == SQLITE_NOTADB)
                return fail(path.string() +
                            " is not a Maturity Workbench database (it is not an SQLite file)");
            throw;
        }
        const int appId = db->execAndGet("PRAGMA application_id").getInt();
        if (appId != 0 && appId != kApplicationId)
            return fail(path.string() +
                        " is an SQLite database of another program, not of Maturity Workbench");
        if (appId == 0 && version == 0 && db->execAndGet("SELECT count(*) FROM sqlite_master").getInt() > 0)
            return fail(path.string() +
                        " is an SQLite database of another program, not of Maturity Workbench");
        if (version > kSchemaVersion)
            return fail(path.string() + " was written by a newer Maturity Workbench (schema " +
                        std::to_string(version) + ", this version reads up to " +
                        std::to_string(kSchemaVersion) + "); update the program");
        db->exec("PRAGMA foreign_keys = ON");
        const std::string mode = db->execAndGet("PRAGMA journal_mode = WAL").getString();
        if (mode != "wal")
            return fail(path.string() + ": cannot switch the journal to WAL mode (got '" + mode +
                        "'); is the file on a network share?");
        // FULL: an acknowledged answer survives a crash or power cut, not only a killed process.
        db->exec("PRAGMA synchronous = FULL");
        Store store(std::move(db), path);
        store.presence_ = PresenceLock::hold(path);
        if (version < kSchemaVersion) {
            if (version > 0) {
                const auto backup = path.string() + ".v" + std::to_string(version) + ".bak";
                store.db_->backup(backup.c_str(), SQLite::Database::Save);
            }
            if (auto migrated = store.migrate(version); !migrated)
                return std::unexpected(migrated.error());
            // Schema 3 moved each assessment's copy of its model out, which leaves most of an older
            // portfolio's pages free: the file is rewritten once so that it shrinks too. A failure (a full
            // disk) leaves the upgraded file correct, only larger, and the next change works as usual.
            if (version > 0 && version < 3) {
                try {
                    store.db_->exec("VACUUM");
                } catch (const SQLite::Exception&) {
                }
            }
        }
        store.origin_ = store.db_->execAndGet("SELECT value FROM meta WHERE key = 'origin'").getString();
        return store;
    });
}

void Store::countFullScans(bool on) {
    if (!fullScans_)
        fullScans_ = std::make_unique<std::map<std::string, long>>();
    fullScans_->clear();
    // The profile callback runs as each statement finishes, with its counters still readable.
    auto record = [](unsigned, void* context, void* statement, void*) -> int {
        auto* stmt = static_cast<sqlite3_stmt*>(statement);
        if (const int steps = sqlite3_stmt_status(stmt, SQLITE_STMTSTATUS_FULLSCAN_STEP, 0); steps > 0)
            (*static_cast<std::map<std::string, long>*>(context))[sqlite3_sql(stmt)] += steps;
        return 0;
    };
    sqlite3_trace_v2(db_->getHandle(), on ? SQLITE_TRACE_PROFILE : 0, on ? +record : nullptr,
                     on ? fullScans_.get() : nullptr);
}

int Store::schemaVersion() const {
    return db_->execAndGet("PRAGMA user_version").getInt();
}

} // namespace mw
