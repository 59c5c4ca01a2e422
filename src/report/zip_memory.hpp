#pragma once
// Zip packages (ODT, DOCX) read and written in memory through libzip: the editable reports are built whole
// before one atomic write, and a house-style template is read without unpacking it anywhere.
#include "core/error.hpp"

#include <QByteArray>

#include <optional>
#include <string>
#include <vector>

namespace mw {

struct ZipEntry {
    std::string name;
    QByteArray bytes;
};

// Every entry, in the archive's order. Refused: what is not a zip, and archives whose entries would
// unpack to more than maxBytes in all (a template is a few megabytes; a zip bomb is not read).
Result<std::vector<ZipEntry>> readZip(const QByteArray& archive, qint64 maxBytes = 64 << 20);

// A new archive of the entries, in order, the first stored uncompressed when storeFirst is set (an ODF
// package's mimetype must be).
Result<QByteArray> writeZip(const std::vector<ZipEntry>& entries, bool storeFirst = false);

// The entry of that name, if any.
const ZipEntry* findEntry(const std::vector<ZipEntry>& entries, const std::string& name);

} // namespace mw
