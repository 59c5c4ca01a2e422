#pragma once
// Keeps the database's write-ahead log safe while this process has the database open, whatever else in
// the process reads its files.
//
// SQLite's locks are POSIX record locks, which belong to the process: closing any descriptor of the file,
// even one opened elsewhere for a moment (a file dialog reading the first bytes of every file in a folder
// to show its type), drops all of them. Another program closing the database then believes it is the last
// one, checkpoints, and deletes the log and its index while this process still writes to them: every later
// change is lost. So each open database also holds open-file-description locks (Linux's F_OFD_SETLK),
// which belong to a descriptor of their own that is never closed: a read lock on the range SQLite locks
// to write the file, and on the index's "in use" byte. A reader of the database is not hindered; a closing
// program cannot take the exclusive lock it needs to delete the log, and an opening one does not reset
// the index. Where such locks do not exist this does nothing.
#include <cstdint>
#include <filesystem>
#include <memory>

namespace mw {

class PresenceLock {
public:
    // Held until the returned object goes; call it once the database is in WAL mode.
    static std::unique_ptr<PresenceLock> hold(const std::filesystem::path& database);
    ~PresenceLock();
    PresenceLock(const PresenceLock&) = delete;
    PresenceLock& operator=(const PresenceLock&) = delete;

private:
    explicit PresenceLock(std::uint64_t entry)
        : entry_(entry) {}
    std::uint64_t entry_;
};

} // namespace mw
