#pragma once
// Evidence photos as the report and the workbench show them: decoded from the file's bytes, scaled while
// decoding where the format allows, raster formats only (an SVG or a document is never rendered).
#include "core/evidence.hpp"

#include <QByteArray>
#include <QImage>

#include <functional>
#include <optional>
#include <string>

namespace mw {

// Larger files are listed, not decoded: a camera's photo is a few MB, a 48 MiB image is a scan of a wall.
inline constexpr std::int64_t kDecodableImageLimit = 48 * kMebibyte;

// Whether the evidence is an image the product decodes (by its detected type, not its name, and its size).
bool isDecodableImage(const Evidence& evidence);

// The image no larger than longestSide pixels either way, or a null image when the bytes do not decode.
QImage decodeScaledImage(const QByteArray& bytes, int longestSide);

// The bytes of an evidence file, for the report to embed; nullopt when it cannot be read.
using EvidenceBytes = std::function<std::optional<std::string>(const Evidence& evidence)>;

} // namespace mw
