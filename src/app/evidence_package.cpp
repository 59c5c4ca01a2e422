#include "app/evidence_package.hpp"

#include <nlohmann/json.hpp>
#include <zip.h>

#include <fstream>
#include <map>
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

// Where each distinct file lives in the package and how many bytes its entry holds, in the order the
// files first appear. A sealed package numbers them, so the names say nothing of the content.
struct FileEntry {
    std::string sha256;
    std::int64_t size = 0;
    std::string title; // of the first evidence it backs, for messages
    std::string mediaType;
    std::string name;
    std::uint64_t entrySize = 0;
};
std::vector<FileEntry> fileEntries(const Bundle& bundle, bool sealed) {
    std::vector<FileEntry> entries;
    std::set<std::string> seen;
    for (const auto& e : bundle.evidence) {
        if (!seen.insert(e.sha256).second)
            continue;
        FileEntry entry{e.sha256, e.size, e.title, e.mediaType, {}, static_cast<std::uint64_t>(e.size)};
        if (sealed) {
            entry.name = "evidence/" + std::to_string(entries.size() + 1);
            entry.entrySize = sealedStreamSize(static_cast<std::uint64_t>(e.size));
        } else {
            entry.name = "evidence/" + e.sha256;
        }
        entries.push_back(std::move(entry));
    }
    return entries;
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

Result<bool> isSealedPackage(const std::filesystem::path& package) {
    auto archive = openPackage(package);
    if (!archive)
        return std::unexpected(archive.error());
    const std::string sealedName(kSealedPackageBundleEntry);
    return zip_name_locate(archive->get(), sealedName.c_str(), 0) >= 0;
}

namespace {

Result<std::string> readBundleEntry(zip_t* archive, const std::string& name,
                                    const std::filesystem::path& package) {
    auto found = locate(archive, name, package);
    if (!found)
        return std::unexpected(found.error());
    if (found->second > kMaxBundleBytes)
        return fail(package.string() + ": its " + name + " is " +
                    formatByteSize(static_cast<std::int64_t>(found->second)) + ", more than a bundle can be");
    Entry entry(zip_fopen_index(archive, found->first, 0));
    if (!entry)
        return fail(package.string() + ": cannot read " + name + " (" + zip_strerror(archive) + ")");
    std::string text(found->second, '\0');
    if (zip_fread(entry.get(), text.data(), text.size()) != static_cast<zip_int64_t>(text.size()))
        return fail(package.string() + ": " + name + " is damaged (" + zip_file_strerror(entry.get()) + ")");
    return text;
}

// A sealed package's bundle: the sealed content is {"filesKey": hex, "bundle": {...}}.
Result<OpenedPackage> openSealedBundle(std::string_view sealed, const Secret& password,
                                       const std::filesystem::path& package) {
    const std::string source = package.string();
    auto plain = unseal(sealed, password, source);
    if (!plain)
        return std::unexpected(plain.error());
    struct Wipe {
        std::string& text;
        ~Wipe() { wipeText(text); }
    } wipe{*plain};
    const auto content = nlohmann::json::parse(*plain, nullptr, false);
    if (!content.is_object() || !content.contains("filesKey") || !content["filesKey"].is_string() ||
        !content.contains("bundle") || !content["bundle"].is_object())
        return fail(source + ": the sealed content is not a package's bundle and key");
    auto key = StreamKey::fromHex(content["filesKey"].get_ref<const std::string&>(), source);
    if (!key)
        return std::unexpected(key.error());
    auto bundle = parseBundle(content["bundle"].dump(), source + ": its sealed bundle");
    if (!bundle)
        return std::unexpected(bundle.error());
    return OpenedPackage{std::move(*bundle), std::move(*key)};
}

} // namespace

Result<OpenedPackage> readPackageBundle(const std::filesystem::path& package, const Secret* password) {
    auto archive = openPackage(package);
    if (!archive)
        return std::unexpected(archive.error());
    const std::string sealedName(kSealedPackageBundleEntry);
    const bool sealed = zip_name_locate(archive->get(), sealedName.c_str(), 0) >= 0;
    if (sealed && !password)
        return fail(package.string() + " is sealed: it needs its password");
    auto text =
        readBundleEntry(archive->get(), sealed ? sealedName : std::string(kPackageBundleEntry), package);
    if (!text)
        return std::unexpected(text.error());
    Result<OpenedPackage> opened =
        sealed ? openSealedBundle(*text, *password, package) : [&]() -> Result<OpenedPackage> {
        auto bundle = parseBundle(*text, package.string() + ": bundle.json");
        if (!bundle)
            return std::unexpected(bundle.error());
        return OpenedPackage{std::move(*bundle), std::nullopt};
    }();
    if (!opened)
        return opened;
    for (const auto& file : fileEntries(opened->bundle, sealed)) {
        auto found = locate(archive->get(), file.name, package);
        if (!found)
            return fail(found.error().message + " (the file of evidence '" + file.title + "')");
        if (found->second != file.entrySize)
            return fail(package.string() + ": " + file.name + " is " +
                        formatByteSize(static_cast<std::int64_t>(found->second)) + ", but evidence '" +
                        file.title + "' records " + formatByteSize(file.size) +
                        (sealed
                             ? " (sealed: " + formatByteSize(static_cast<std::int64_t>(file.entrySize)) + ")"
                             : std::string()));
    }
    return opened;
}

namespace {

// Reads exactly size bytes unless the entry ends first.
Result<std::size_t> readEntry(zip_file_t* entry, char* buffer, std::size_t size, const std::string& source) {
    std::size_t done = 0;
    while (done < size) {
        const zip_int64_t got = zip_fread(entry, buffer + done, size - done);
        if (got < 0)
            return fail(source + " is damaged (" + zip_file_strerror(entry) + ")");
        if (got == 0)
            break;
        done += static_cast<std::size_t>(got);
    }
    return done;
}

// Serves a sealed entry's plain bytes, a sealed chunk opened at a time.
class SealedEntryReader {
public:
    SealedEntryReader(zip_file_t* entry, const StreamKey& key, const std::string& sha256, std::string source)
        : entry_(entry)
        , opener_(key, sha256, source)
        , source_(std::move(source)) {}

    Result<std::size_t> operator()(char* buffer, std::size_t size) {
        if (!started_) {
            std::string header(StreamOpener::headerSize(), '\0');
            auto got = readEntry(entry_, header.data(), header.size(), source_);
            if (!got)
                return std::unexpected(got.error());
            if (auto ok = opener_.start(std::string_view(header).substr(0, *got)); !ok)
                return std::unexpected(ok.error());
            started_ = true;
        }
        while (offset_ == plain_.size() && !opener_.done()) {
            std::string sealed(StreamOpener::sealedChunkSize(), '\0');
            auto got = readEntry(entry_, sealed.data(), sealed.size(), source_);
            if (!got)
                return std::unexpected(got.error());
            auto plain = opener_.open(std::string_view(sealed).substr(0, *got));
            if (!plain)
                return std::unexpected(plain.error());
            plain_ = std::move(*plain);
            offset_ = 0;
        }
        const std::size_t n = std::min(size, plain_.size() - offset_);
        std::copy_n(plain_.data() + offset_, n, buffer);
        offset_ += n;
        return n;
    }

private:
    zip_file_t* entry_;
    StreamOpener opener_;
    std::string source_;
    std::string plain_;
    std::size_t offset_ = 0;
    bool started_ = false;
};

} // namespace

Result<void> storePackageFiles(Workspace& workspace, const std::filesystem::path& package,
                               const Bundle& bundle, const StreamKey* filesKey, StoredFiles& stored) {
    auto archive = openPackage(package);
    if (!archive)
        return std::unexpected(archive.error());
    const bool sealed = filesKey != nullptr;
    for (const auto& file : fileEntries(bundle, sealed)) {
        auto found = locate(archive->get(), file.name, package);
        if (!found)
            return std::unexpected(found.error());
        Entry entry(zip_fopen_index(archive->get(), found->first, 0));
        const std::string source = package.string() + ": " + file.name;
        if (!entry)
            return fail("cannot read " + source + " (" + zip_strerror(archive->get()) + ")");
        Store::ByteReader read;
        if (sealed) {
            auto reader = std::make_shared<SealedEntryReader>(entry.get(), *filesKey, file.sha256, source);
            read = [reader](char* buffer, std::size_t size) { return (*reader)(buffer, size); };
        } else
            read = [&](char* buffer, std::size_t size) {
                return readEntry(entry.get(), buffer, size, source);
            };
        auto added = workspace.store().storeEvidenceFile(file.sha256, file.size, read, source);
        if (!added)
            return std::unexpected(added.error());
        if (*added)
            stored.add(file.sha256);
    }
    return {};
}

Result<ImportOutcome> importPackage(Workspace& workspace, const std::filesystem::path& package,
                                    const Secret* password) {
    auto opened = readPackageBundle(package, password);
    if (!opened)
        return std::unexpected(opened.error());
    StoredFiles stored(workspace.store());
    const StreamKey* filesKey = opened->filesKey ? &*opened->filesKey : nullptr;
    if (auto copied = storePackageFiles(workspace, package, opened->bundle, filesKey, stored); !copied)
        return std::unexpected(copied.error());
    auto outcome = workspace.store().importBundle(opened->bundle);
    if (outcome)
        stored.keep();
    return outcome;
}

Result<PackageWritten> writePackage(Workspace& workspace, Id assessmentId,
                                    const std::filesystem::path& target, const Secret* password) {
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
    // With a password the bundle is sealed together with a random key for the files, each sealed with it.
    const std::optional<StreamKey> filesKey =
        password ? std::optional<StreamKey>(StreamKey::generate()) : std::nullopt;
    std::string json = serializeBundle(*bundle);
    if (filesKey) {
        std::string content = R"({"filesKey":")" + filesKey->hex() + R"(","bundle":)" + json + "}";
        auto sealed = seal(content, *password);
        wipeText(content);
        wipeText(json);
        if (!sealed)
            return std::unexpected(sealed.error());
        json = std::move(*sealed);
    }
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
    if (auto added = addSource(std::string(filesKey ? kSealedPackageBundleEntry : kPackageBundleEntry),
                               zip_source_buffer(archive.get(), json.data(), json.size(), 0), !filesKey);
        !added)
        return std::unexpected(added.error());
    const auto files = fileEntries(*bundle, filesKey.has_value());
    for (const auto& file : files) {
        const auto copy = staging / std::to_string(&file - files.data());
        std::ofstream out(copy, std::ios::binary | std::ios::trunc);
        auto put = [&](std::string_view bytes) -> Result<void> {
            out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
            if (!out)
                return fail("cannot write " + copy.string() + " (is the disk full?)");
            return {};
        };
        std::optional<StreamSealer> sealer;
        if (filesKey) {
            sealer.emplace(*filesKey, file.sha256);
            (void)put(sealer->header());
        }
        auto written = workspace.store().readEvidenceFile(file.sha256, [&](std::string_view bytes) {
            return sealer ? put(sealer->add(bytes)) : put(bytes);
        });
        if (written && sealer)
            written = put(sealer->finish());
        out.close();
        if (!written)
            return std::unexpected(written.error());
        if (!out)
            return fail("cannot write " + copy.string() + " (is the disk full?)");
        const std::string& mediaType = file.mediaType;
        const bool compress =
            !filesKey && (mediaType.starts_with("text/") || mediaType == "application/json");
        if (auto added =
                addSource(file.name, zip_source_file(archive.get(), copy.string().c_str(), 0, -1), compress);
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
