#pragma once
// The ODF namespaces the report's package writers use.
#include <QString>

namespace mw::odf {

inline const QString kOffice = QStringLiteral("urn:oasis:names:tc:opendocument:xmlns:office:1.0");
inline const QString kStyle = QStringLiteral("urn:oasis:names:tc:opendocument:xmlns:style:1.0");
inline const QString kFo = QStringLiteral("urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0");
inline const QString kText = QStringLiteral("urn:oasis:names:tc:opendocument:xmlns:text:1.0");
inline const QString kMeta = QStringLiteral("urn:oasis:names:tc:opendocument:xmlns:meta:1.0");
inline const QString kXlink = QStringLiteral("http://www.w3.org/1999/xlink");
inline const QString kSvg = QStringLiteral("urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0");
// The cover's page: no running header or footer; the next page is the report's.
inline const QString kCoverMasterPage = QStringLiteral("MW_20_Cover");
inline const QString kDc = QStringLiteral("http://purl.org/dc/elements/1.1/");

} // namespace mw::odf
