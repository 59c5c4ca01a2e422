#include "app/evidence_package.hpp"

#include <zip.h>

#include <fstream>
#include <memory>
#include <set>

namespace mw::app {

namespace {

// Larger than any bundle this program writes (a portfolio-sized model and thousands of answers), small
// enough that a hostile package cannot make the reader allocate without bound.
constexpr zip_uint64_t kMaxBundleBytes = 64 * 1024 * 1024;

struct ZipCloser {
    void operator()(zip_t* archive) const { zip_discard(archive); }
};
using Archive = std::unique_ptr<zip_t, ZipCloser>;
struct EntryCloser {
    void operator()(zip_file_t* file) const { zip_fclose(file); }
};
using Entry = std::unique_ptr<zip_file_t, EntryCloser>;

std::string entryName(const std::string& sha256) {
    return "evidence/" + sha256;
}

std::string zipError(int code) {
    zip_error_t error;
    zip_error_init_with_code(&error, code);
    std::string text = zip_error_strerror(&error);
    zip_error_fini(&error);
    return text;
}

Result<Archive> openPackage(const std::filesystem::path& package) {
    std::error_code ec;
    if (!std::filesystem::exists(package, ec))
        return fail("no file at " + package.string());
    int code = 0;
    zip_t* archive = zip_open(package.string().c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &code);
    if (!archive)
        return fail(package.string() + " is not a readable .mwz package (" + zipError(code) + ")");
    return Archive(archive);
}

// The entry's index and size, or an error naming it.
Result<std::pair<zip_uint64_t, zip_uint64_t>> locate(zip_t* archive, const std::string& name,
                                                     const std::filesystem::path& package) {
    const zip_int64_t index = zip_name_locate(archive, name.c_str(), 0);
    if (index < 0)
        return fail(package.string() + ": the package has no " + name);
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(archive, static_cast<zip_uint64_t>(index), 0, &stat) != 0 ||
        !(stat.valid & ZIP_STAT_SIZE))
        return fail(package.string() + ": cannot read the size of " + name);
    return std::pair{static_cast<zip_uint64_t>(index), stat.size};
}

} // namespace

bool looksLikePackage(std::string_view head) {
    return head.starts_with(std::string_view("PK\x03\x04", 4));
}

bool isPackageFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    char head[4] = {};
    in.read(head, sizeof head);
    return in.gcount() == 4 && looksLikePackage(std::string_view(head, 4));
}

Result<Bundle> readPackageBundle(const std::filesystem::path& package) {
    auto archive = openPackage(package);
    if (!archive)
        return std::unexpected(archive.error());
    const std::string bundleName(kPackageBundleEntry);
    auto found = locate(archive->get(), bundleName, package);
    if (!found)
        return std::unexpected(found.error());
    if (found->second > kMaxBundleBytes)
        return fail(package.string() + ": its bundle.json is " +
                    formatByteSize(static_cast<std::int64_t>(found->second)) + ", more than a bundle can be");
    Entry entry(zip_fopen_index(archive->get(), found->first, 0));
    if (!entry)
        return fail(package.string() + ": cannot read bundle.json (" + zip_strerror(archive->get()) + ")");
    std::string text(found->second, '\0');
    if (zip_fread(entry.get(), text.data(), text.size()) != static_cast<zip_int64_t>(text.size()))
        return fail(package.string() + ": bundle.json is damaged (" + zip_file_strerror(entry.get()) + ")");
    auto bundle = parseBundle(text, package.string() + ": bundle.json");
    if (!bundle)
        return std::unexpected(bundle.error());
    for (const auto& e : bundle->evidence) {
        auto file = locate(archive->get(), entryName(e.sha256), package);
        if (!file)
            return fail(file.error().message + " (the file of evidence '" + e.title + "')");
        if (static_cast<std::int64_t>(file->second) != e.size)
            return fail(package.string() + ": " + entryName(e.sha256) + " is " +
                        formatByteSize(static_cast<std::int64_t>(file->second)) + ", but evidence '" +
                        e.title + "' records " + formatByteSize(e.size));
    }
    return bundle;
}

Result<void> storePackageFiles(Workspace& workspace, const std::filesystem::path& package,
                               const Bundle& bundle, StoredFiles& stored) {
    auto archive = openPackage(package);
    if (!archive)
        return std::unexpected(archive.error());
    std::set<std::string> done;
    for (const auto& e : bundle.evidence) {
        if (!done.insert(e.sha256).second)
            continue;
        const std::string name = entryName(e.sha256);
        auto found = locate(archive->get(), name, package);
        if (!found)
            return std::unexpected(found.error());
        Entry entry(zip_fopen_index(archive->get(), found->first, 0));
        if (!entry)
            return fail(package.string() + ": cannot read " + name + " (" + zip_strerror(archive->get()) +
                        ")");
        auto read = [&](char* buffer, std::size_t size) -> Result<std::size_t> {
            const zip_int64_t got = zip_fread(entry.get(), buffer, size);
            if (got < 0)
                return fail(package.string() + ": " + name + " is damaged (" +
                            zip_file_strerror(entry.get()) + ")");
            return static_cast<std::size_t>(got);
        };
        auto added =
            workspace.store().storeEvidenceFile(e.sha256, e.size, read, package.string() + ": " + name);
        if (!added)
            return std::unexpected(added.error());
        if (*added)
            stored.add(e.sha256);
    }
    return {};
}

Result<ImportOutcome> importPackage(Workspace& workspace, const std::filesystem::path& package) {
    auto bundle = readPackageBundle(package);
    if (!bundle)
        return std::unexpected(bundle.error());
    StoredFiles stored(workspace.store());
    if (auto copied = storePackageFiles(workspace, package, *bundle, stored); !copied)
        return std::unexpected(copied.error());
    auto outcome = workspace.store().importBundle(*bundle);
    if (outcome)
        stored.keep();
    return outcome;
}

Result<PackageWritten> writePackage(Workspace& workspace, Id assessmentId,
                                    const std::filesystem::path& target) {
    if (auto refused = checkOutputPath(workspace.path(), target); !refused)
        return std::unexpected(refused.error());
    auto bundle = workspace.store().exportBundle(assessmentId);
    if (!bundle)
        return std::unexpected(bundle.error());
    std::error_code ec;
    if (target.has_parent_path() && !std::filesystem::is_directory(target.parent_path(), ec))
        return fail("the folder " + target.parent_path().string() + " does not exist");
    auto partial = target;
    partial += ".partial";
    // The files are copied out of the database into a private folder first, a chunk at a time, and zipped
    // from there: libzip reads its sources when the archive is closed.
    auto staging = partial;
    staging += ".files";
    std::filesystem::remove_all(staging, ec);
    std::filesystem::create_directories(staging, ec);
    if (ec)
        return fail(staging.string() + ": cannot create a folder for the files (" + ec.message() + ")");
    struct Cleanup {
        std::filesystem::path folder, partial;
        bool keepPartial = false;
        ~Cleanup() {
            std::error_code ignored;
            std::filesystem::remove_all(folder, ignored);
            if (!keepPartial)
                std::filesystem::remove(partial, ignored);
        }
    } cleanup{staging, partial};
    int code = 0;
    zip_t* raw = zip_open(partial.string().c_str(), ZIP_CREATE | ZIP_TRUNCATE, &code);
    if (!raw)
        return fail("cannot write " + partial.string() + " (" + zipError(code) + ")");
    Archive archive(raw);
    const std::string json = serializeBundle(*bundle);
    auto addSource = [&](const std::string& name, zip_source_t* source, bool compress) -> Result<void> {
        if (!source)
            return fail("cannot add " + name + " to " + target.string() + " (" + zip_strerror(archive.get()) +
                        ")");
        const zip_int64_t index = zip_file_add(archive.get(), name.c_str(), source, ZIP_FL_ENC_UTF_8);
        if (index < 0) {
            zip_source_free(source);
            return fail("cannot add " + name + " to " + target.string() + " (" + zip_strerror(archive.get()) +
                        ")");
        }
        // Photos and PDFs are compressed already: stored as they are, they cost no time to pack.
        zip_set_file_compression(archive.get(), static_cast<zip_uint64_t>(index),
                                 compress ? ZIP_CM_DEFLATE : ZIP_CM_STORE, 0);
        return {};
    };
    if (auto added = addSource(std::string(kPackageBundleEntry),
                               zip_source_buffer(archive.get(), json.data(), json.size(), 0), true);
        !added)
        return std::unexpected(added.error());
    std::set<std::string> files;
    for (const auto& e : bundle->evidence) {
        if (!files.insert(e.sha256).second)
            continue;
        const auto copy = staging / e.sha256;
        std::ofstream out(copy, std::ios::binary | std::ios::trunc);
        auto written =
            workspace.store().readEvidenceFile(e.sha256, [&](std::string_view bytes) -> Result<void> {
                out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
                if (!out)
                    return fail("cannot write " + copy.string() + " (is the disk full?)");
                return {};
            });
        out.close();
        if (!written)
            return std::unexpected(written.error());
        if (!out)
            return fail("cannot write " + copy.string() + " (is the disk full?)");
        const bool compress = e.mediaType.starts_with("text/") || e.mediaType == "application/json";
        if (auto added = addSource(entryName(e.sha256),
                                   zip_source_file(archive.get(), copy.string().c_str(), 0, -1), compress);
            !added)
            return std::unexpected(added.error());
    }
    if (zip_close(archive.get()) != 0)
        return fail("cannot write " + target.string() + " (" + zip_strerror(archive.get()) + ")");
    (void)archive.release(); // closed: zip_close freed it
    std::filesystem::rename(partial, target, ec);
    if (ec)
        return fail(target.string() + ": cannot write (" + ec.message() + ")");
    cleanup.keepPartial = true; // renamed: there is nothing left to remove
    return PackageWritten{std::move(*bundle), files.size()};
}

} // namespace mw::app
