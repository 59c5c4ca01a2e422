#pragma once
// A consultancy's house style: an ODT (or OTT) or DOCX (or DOTX) file whose styles, fonts, page layout,
// header and footer the editable report takes, filling in its own content. What the file lacks (a style
// the report uses, a header, a footer) falls back to ours. Ours is a house style too: the one the
// report uses when none is chosen, and what `maturity template` writes for a consultancy to change.
#include "core/error.hpp"
#include "report/document_facts.hpp"
#include "report/zip_memory.hpp"

#include <QString>

#include <optional>
#include <vector>

namespace mw {

enum class ReportFormat { Pdf, Odt, Docx };

struct HouseStyle {
    ReportFormat format = ReportFormat::Docx; // Odt or Docx
    std::vector<ZipEntry> entries;
};

// The file's house style, checked: a zip package that is a text document (ODT, OTT) or a Word document
// (DOCX, DOTX, never a macro-enabled one) with well-formed styles. Errors name the file.
Result<HouseStyle> readHouseStyle(const QString& path);
// The same from bytes; `name` names them in errors.
Result<HouseStyle> houseStyleOf(const QByteArray& bytes, const std::string& name);

// Ours, for the format: the report's styles on the facts' page, a header and footer of placeholders.
HouseStyle defaultHouseStyle(ReportFormat format, const DocumentFacts& facts);
// Ours as a file to start a house style from: with a page that says how to change it.
Result<QByteArray> defaultHouseStyleFile(ReportFormat format, QPageSize::PageSizeId paper);

// That file written to path, atomically.
Result<void> writeDefaultHouseStyle(ReportFormat format, QPageSize::PageSizeId paper, const QString& path);

// The page the house style sets out, or the fallback for what it does not say.
PageLayout pageLayoutOf(const HouseStyle& style, const PageLayout& fallback);

// A header's or footer's text with the placeholders {{title}}, {{client}}, {{assessment}}, {{date}},
// {{assessor}}, {{consultancy}}, {{subject}} and {{header}} (the report's own header line) filled in.
QString fillPlaceholders(QString text, const DocumentFacts& facts);

// The name in the package of a relationship's target, seen from the part that names it ("word/..."), or
// empty when it leaves the package.
std::string partNameOf(const std::string& source, const QString& target);

// The main document part of a Word package, "word/document.xml" in practice.
std::string wordMainPart(const std::vector<ZipEntry>& entries);

struct PackageRelationship {
    QString id, type, target;
    bool external = false;
};
// A part's relationships in an Open Packaging package ("word/document.xml" reads
// "word/_rels/document.xml.rels"); none when it has no relationships part.
Result<std::vector<PackageRelationship>> relationshipsOf(const std::vector<ZipEntry>& entries,
                                                         const std::string& part);

} // namespace mw
