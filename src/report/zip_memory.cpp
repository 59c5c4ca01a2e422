#include "report/zip_memory.hpp"

#include <zip.h>

#include <algorithm>

namespace mw {

namespace {

// The bytes a source holds (an archive closed into it).
Result<QByteArray> sourceBytes(zip_source_t* source) {
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_source_stat(source, &stat) != 0 || !(stat.valid & ZIP_STAT_SIZE) || zip_source_open(source) != 0)
        return fail("cannot read the package written in memory");
    QByteArray bytes(static_cast<qsizetype>(stat.size), Qt::Uninitialized);
    const zip_int64_t read = zip_source_read(source, bytes.data(), stat.size);
    zip_source_close(source);
    if (read != static_cast<zip_int64_t>(stat.size))
        return fail("cannot read the package written in memory");
    return bytes;
}

} // namespace

Result<std::vector<ZipEntry>> readZip(const QByteArray& archive, qint64 maxBytes) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source =
        zip_source_buffer_create(archive.constData(), static_cast<zip_uint64_t>(archive.size()), 0, &error);
    if (!source)
        return fail("cannot read the package in memory");
    zip_t* zip = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
    if (!zip) {
        zip_source_free(source);
        zip_error_fini(&error);
        return fail("not a zip package (ODT and DOCX files are)");
    }
    std::vector<ZipEntry> entries;
    qint64 total = 0;
    const zip_int64_t count = zip_get_num_entries(zip, 0);
    for (zip_int64_t i = 0; i < count; ++i) {
        zip_stat_t stat;
        zip_stat_init(&stat);
        if (zip_stat_index(zip, static_cast<zip_uint64_t>(i), 0, &stat) != 0 ||
            !(stat.valid & ZIP_STAT_SIZE) || !(stat.valid & ZIP_STAT_NAME)) {
            zip_discard(zip);
            return fail("the package has an entry that cannot be read");
        }
        total += static_cast<qint64>(stat.size);
        if (stat.size > static_cast<zip_uint64_t>(maxBytes) || total > maxBytes) {
            zip_discard(zip);
            return fail("the package unpacks to more than " + std::to_string(maxBytes >> 20) + " MB");
        }
        ZipEntry entry{stat.name, QByteArray(static_cast<qsizetype>(stat.size), Qt::Uninitialized)};
        zip_file_t* file = zip_fopen_index(zip, static_cast<zip_uint64_t>(i), 0);
        const zip_int64_t read = file ? zip_fread(file, entry.bytes.data(), stat.size) : -1;
        if (file)
            zip_fclose(file);
        if (read != static_cast<zip_int64_t>(stat.size)) {
            zip_discard(zip);
            return fail("the package's entry " + entry.name + " is damaged");
        }
        entries.push_back(std::move(entry));
    }
    zip_discard(zip); // frees the source too
    return entries;
}

Result<QByteArray> writeZip(const std::vector<ZipEntry>& entries, bool storeFirst) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(nullptr, 0, 0, &error);
    if (!source)
        return fail("no memory for the package");
    zip_source_keep(source); // closing the archive writes into the source, which is read afterwards
    zip_t* zip = zip_open_from_source(source, ZIP_TRUNCATE, &error);
    if (!zip) {
        zip_source_free(source);
        zip_source_free(source);
        return fail("cannot start the package in memory");
    }
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const ZipEntry& entry = entries[i];
        zip_source_t* data =
            zip_source_buffer(zip, entry.bytes.constData(), static_cast<zip_uint64_t>(entry.bytes.size()), 0);
        const zip_int64_t index =
            data ? zip_file_add(zip, entry.name.c_str(), data, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8) : -1;
        if (index < 0) {
            if (data)
                zip_source_free(data);
            zip_discard(zip);
            zip_source_free(source);
            return fail("cannot add " + entry.name + " to the package");
        }
        if (i == 0 && storeFirst)
            zip_set_file_compression(zip, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
    }
    if (zip_close(zip) != 0) {
        zip_discard(zip);
        zip_source_free(source);
        return fail("cannot write the package in memory");
    }
    auto bytes = sourceBytes(source);
    zip_source_free(source);
    return bytes;
}

const ZipEntry* findEntry(const std::vector<ZipEntry>& entries, const std::string& name) {
    const auto it = std::find_if(entries.begin(), entries.end(),
                                 [&](const ZipEntry& entry) { return entry.name == name; });
    return it == entries.end() ? nullptr : &*it;
}

} // namespace mw
