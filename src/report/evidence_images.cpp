#include "report/evidence_images.hpp"

#include <QBuffer>
#include <QImageReader>

namespace mw {

bool isDecodableImage(const Evidence& evidence) {
    return isPreviewableImage(evidence.mediaType) && evidence.size <= kDecodableImageLimit;
}

QImage decodeScaledImage(const QByteArray& bytes, int longestSide) {
    QByteArray copy = bytes; // QBuffer wants a mutable array; the copy shares the bytes until written
    QBuffer buffer(&copy);
    QImageReader reader(&buffer);
    reader.setAutoTransform(true); // a phone's photo taken upright shows upright
    // Scaled while decoding where the format allows (JPEG), so a camera's photo is not decoded whole.
    const QSize full = reader.size();
    if (full.isValid() && (full.width() > longestSide || full.height() > longestSide))
        reader.setScaledSize(full.scaled(longestSide, longestSide, Qt::KeepAspectRatio));
    QImage image = reader.read();
    if (image.isNull())
        return {};
    return image.width() > longestSide || image.height() > longestSide
               ? image.scaled(longestSide, longestSide, Qt::KeepAspectRatio, Qt::SmoothTransformation)
               : image;
}

} // namespace mw
