#pragma once
// Files are written whole or not at all: a temporary file beside the target, moved into place on success.
#include "core/bundle.hpp"
#include "core/error.hpp"

#include <QByteArray>
#include <QString>

namespace mw {

Result<void> writeFileAtomically(const QString& path, const QByteArray& bytes);
Result<void> writeBundleFile(const Bundle& bundle, const QString& path);
Result<void> writeAnswersCsvFile(const Bundle& bundle, const QString& path);

} // namespace mw
