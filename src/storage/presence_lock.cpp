#include "storage/presence_lock.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace mw {

namespace {

// SQLite's unix locking layout (os_unix.c): the database's shared range, which a writer of the file (and a
// program deleting the log at close) must lock exclusively, and the index's "dead man switch" byte, which
// the first program to open the index locks exclusively before it resets it.
constexpr off_t kPendingByte = 0x40000000;
constexpr off_t kSharedFirst = kPendingByte + 2;
constexpr off_t kSharedSize = 510;
constexpr off_t kShmDeadManSwitch = (22 + 8) * 4 + 8;

// One per database file in the process. Its descriptors stay open while the file does: closing one would
// drop the process's POSIX locks on the file, the very thing this guards against. Once the file is gone
// (a temporary database removed) and nothing holds it, they are closed.
struct Entry {
    std::string path;
    dev_t device = 0;
    ino_t inode = 0;
    int database = -1;
    int index = -1;
    ino_t indexInode = 0;
    std::vector<int> earlierIndexes; // of index files since made anew
    int holders = 0;
};

std::mutex& registryMutex() {
    static std::mutex mutex;
    return mutex;
}
std::map<std::uint64_t, Entry>& registry() {
    static std::map<std::uint64_t, Entry> entries;
    return entries;
}

bool stillThere(const Entry& entry) {
    struct stat file {};
    return stat(entry.path.c_str(), &file) == 0 && file.st_dev == entry.device && file.st_ino == entry.inode;
}

void closeAll(Entry& entry) {
    for (int fd : entry.earlierIndexes)
        close(fd);
    if (entry.index >= 0)
        close(entry.index);
    close(entry.database);
}

bool setReadLock(int fd, off_t start, off_t length, bool locked) {
#ifdef F_OFD_SETLK
    struct flock lock {};
    lock.l_type = locked ? F_RDLCK : F_UNLCK;
    lock.l_whence = SEEK_SET;
    lock.l_start = start;
    lock.l_len = length;
    lock.l_pid = 0; // required for open-file-description locks
    return fd >= 0 && fcntl(fd, F_OFD_SETLK, &lock) == 0;
#else
    (void)fd, (void)start, (void)length, (void)locked;
    return false;
#endif
}

void lockEntry(Entry& entry, const std::filesystem::path& database) {
    setReadLock(entry.database, kSharedFirst, kSharedSize, true);
    // The index is made anew when the last program closes the database: follow it to its current file.
    const std::string indexPath = database.string() + "-shm";
    struct stat index {};
    if (stat(indexPath.c_str(), &index) == 0 && (entry.index < 0 || index.st_ino != entry.indexInode)) {
        if (entry.index >= 0)
            entry.earlierIndexes.push_back(entry.index);
        entry.index = open(indexPath.c_str(), O_RDONLY | O_CLOEXEC);
        entry.indexInode = index.st_ino;
    }
    setReadLock(entry.index, kShmDeadManSwitch, 1, true);
}

void unlockEntry(Entry& entry) {
    setReadLock(entry.database, kSharedFirst, kSharedSize, false);
    setReadLock(entry.index, kShmDeadManSwitch, 1, false);
}

} // namespace

std::unique_ptr<PresenceLock> PresenceLock::hold(const std::filesystem::path& database) {
    struct stat file {};
    if (stat(database.c_str(), &file) != 0)
        return nullptr;
    std::lock_guard guard(registryMutex());
    auto& entries = registry();
    for (auto it = entries.begin(); it != entries.end();) {
        if (it->second.holders == 0 && !stillThere(it->second)) {
            closeAll(it->second);
            it = entries.erase(it);
        } else {
            ++it;
        }
    }
    auto found = std::find_if(entries.begin(), entries.end(), [&](const auto& e) {
        return e.second.device == file.st_dev && e.second.inode == file.st_ino;
    });
    if (found == entries.end()) {
        const int fd = open(database.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            return nullptr;
        static std::uint64_t nextId = 0;
        Entry entry;
        entry.path = database.string();
        entry.device = file.st_dev;
        entry.inode = file.st_ino;
        entry.database = fd;
        found = entries.emplace(nextId++, std::move(entry)).first;
    }
    Entry& entry = found->second;
    if (entry.holders++ == 0)
        lockEntry(entry, database);
    return std::unique_ptr<PresenceLock>(new PresenceLock(found->first));
}

PresenceLock::~PresenceLock() {
    std::lock_guard guard(registryMutex());
    Entry& entry = registry().at(entry_);
    // The last holder lets go, so that the process's last connection may tidy the log away as it closes.
    if (--entry.holders == 0)
        unlockEntry(entry);
}

} // namespace mw
