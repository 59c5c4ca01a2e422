#pragma once
// The .mwz package: a bundle with its evidence files, for moving an assessment to another database whole.
// A zip (libzip) holding bundle.json and one entry per distinct file, evidence/<sha256>. Both directions
// stream the files a chunk at a time, and an import keeps nothing unless all of it lands.
// Sealed with a password, it holds bundle.sealed instead (a sealed bundle, docs/sealed-bundle.md, whose
// content also carries a random key for the files) and evidence/1, evidence/2, ... each sealed as a stream
// with that key, so neither the bundle nor the files' checksums can be read without the password.
#include "app/workspace.hpp"
#include "core/sealed_bundle.hpp"
#include "core/sealed_stream.hpp"

#include <optional>

#include <filesystem>
#include <string_view>
#include <vector>

namespace mw::app {

inline constexpr std::string_view kPackageBundleEntry = "bundle.json";
inline constexpr std::string_view kSealedPackageBundleEntry = "bundle.sealed";

// Whether the bytes, or the file, begin like a zip, whatever it is called.
bool looksLikePackage(std::string_view head);
bool isPackageFile(const std::filesystem::path& path);
// Whether a package is sealed, so a front door knows to ask for the password before reading it.
Result<bool> isSealedPackage(const std::filesystem::path& package);

struct PackageWritten {
    Bundle bundle;
    std::size_t files = 0; // distinct files carried
};
// Writes beside the target, then renames: a failed export leaves no half-written package. With a
// password the package is sealed.
Result<PackageWritten> writePackage(Workspace& workspace, Id assessmentId,
                                    const std::filesystem::path& target, const Secret* password = nullptr);

struct OpenedPackage {
    Bundle bundle;
    std::optional<StreamKey> filesKey; // set when the package is sealed
};
// Reads and checks the package's bundle (a sealed one opened with the password), and that the package
// holds an entry of the recorded size for every piece of evidence, without touching any database. A wrong
// password ends its message with kUnsealRefused.
Result<OpenedPackage> readPackageBundle(const std::filesystem::path& package,
                                        const Secret* password = nullptr);

// The files an import stored: dropped when the guard goes unless kept (the import went ahead).
class StoredFiles {
public:
    explicit StoredFiles(Store& store)
        : store_(&store) {}
    StoredFiles(StoredFiles&& other) noexcept
        : store_(other.store_)
        , added_(std::move(other.added_)) {
        other.added_.clear();
    }
    StoredFiles(const StoredFiles&) = delete;
    StoredFiles& operator=(const StoredFiles&) = delete;
    ~StoredFiles() {
        if (!added_.empty())
            (void)store_->discardEvidenceFiles(added_);
    }
    void add(std::string sha256) { added_.push_back(std::move(sha256)); }
    void keep() { added_.clear(); }

private:
    Store* store_;
    std::vector<std::string> added_;
};

// Copies the package's evidence files into the database, each checked against its checksum (and opened
// with the key when the package is sealed); on a refusal nothing it stored is kept. Link them by
// importing the bundle next, then keep().
Result<void> storePackageFiles(Workspace& workspace, const std::filesystem::path& package,
                               const Bundle& bundle, const StreamKey* filesKey, StoredFiles& stored);

// One package imported whole: its bundle read and checked, its files stored, the bundle imported, or
// nothing kept at all.
Result<ImportOutcome> importPackage(Workspace& workspace, const std::filesystem::path& package,
                                    const Secret* password = nullptr);

} // namespace mw::app
