#include "report/house_style.hpp"
#include "report/docx_parts.hpp"
#include "report/file_output.hpp"
#include "report/odf_names.hpp"
#include "report/odf_package.hpp"
#include "report/xml_copy.hpp"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QXmlStreamReader>

#include <cmath>
#include <map>

namespace mw {

std::string wordMainPart(const std::vector<ZipEntry>& entries) {
    if (auto relationships = relationshipsOf(entries, ""))
        for (const auto& relationship : *relationships)
            if (relationship.type.endsWith(u"/officeDocument") && !relationship.external)
                return partNameOf("", relationship.target);
    return "word/document.xml";
}

namespace {

constexpr qint64 kMaxHouseStyleBytes = 64 << 20;

// A length as ODF writes it ("2.5cm", "1in", "72pt"), in millimetres.
std::optional<double> millimetres(QStringView length) {
    static const QRegularExpression pattern(QStringLiteral("^\\s*(-?[0-9]*\\.?[0-9]+)\\s*([a-z]*)\\s*$"));
    const auto match = pattern.match(length);
    if (!match.hasMatch())
        return std::nullopt;
    const double value = match.captured(1).toDouble();
    const QString unit = match.captured(2);
    if (unit == u"mm")
        return value;
    if (unit == u"cm")
        return value * 10;
    if (unit == u"in" || unit == u"inch")
        return value * 25.4;
    if (unit == u"pt")
        return value * 25.4 / 72;
    if (unit == u"pc")
        return value * 25.4 / 6;
    if (unit == u"px")
        return value * 25.4 / 96;
    return std::nullopt;
}

PageLayout docxLayout(const std::vector<ZipEntry>& entries, PageLayout layout) {
    const ZipEntry* main = findEntry(entries, wordMainPart(entries));
    if (!main)
        return layout;
    using docx::kW;
    QXmlStreamReader reader(main->bytes);
    int depth = 0;
    bool inSection = false;
    std::optional<PageLayout> last;
    PageLayout current = layout;
    auto twips = [&](const QString& name) -> std::optional<double> {
        bool ok = false;
        const double value = reader.attributes().value(kW, name).toDouble(&ok);
        return ok ? std::optional(std::abs(value) / 1440 * 25.4) : std::nullopt;
    };
    while (!reader.atEnd() && !reader.hasError()) {
        reader.readNext();
        if (reader.isStartElement()) {
            ++depth;
            // The body's own section (document > body > sectPr) is the last page set-up.
            if (depth == 3 && reader.namespaceUri() == kW && reader.name() == u"sectPr") {
                inSection = true;
                current = layout;
            } else if (inSection && depth == 4 && reader.name() == u"pgSz") {
                current.width = twips(QStringLiteral("w")).value_or(current.width);
                current.height = twips(QStringLiteral("h")).value_or(current.height);
            } else if (inSection && depth == 4 && reader.name() == u"pgMar") {
                current.top = twips(QStringLiteral("top")).value_or(current.top);
                current.right = twips(QStringLiteral("right")).value_or(current.right);
                current.bottom = twips(QStringLiteral("bottom")).value_or(current.bottom);
                current.left = twips(QStringLiteral("left")).value_or(current.left);
                current.header = twips(QStringLiteral("header")).value_or(current.header);
                current.footer = twips(QStringLiteral("footer")).value_or(current.footer);
            }
        } else if (reader.isEndElement()) {
            if (inSection && depth == 3) {
                inSection = false;
                last = current;
            }
            --depth;
        }
    }
    return last.value_or(layout);
}

PageLayout odtLayout(const std::vector<ZipEntry>& entries, PageLayout layout) {
    const ZipEntry* styles = findEntry(entries, "styles.xml");
    if (!styles)
        return layout;
    using namespace odf;
    // The page layouts by name, and the master pages in order; the report's pages are "Standard".
    std::map<QString, PageLayout> layouts;
    std::vector<std::pair<QString, QString>> masters; // name, page layout
    QXmlStreamReader reader(styles->bytes);
    QString layoutName;
    while (!reader.atEnd() && !reader.hasError()) {
        reader.readNext();
        if (!reader.isStartElement() || reader.namespaceUri() != kStyle)
            continue;
        const auto attributes = reader.attributes();
        if (reader.name() == u"page-layout") {
            layoutName = attributes.value(kStyle, QStringLiteral("name")).toString();
        } else if (reader.name() == u"page-layout-properties" && !layoutName.isEmpty()) {
            PageLayout page = layout;
            auto set = [&](const char* name, double& value) {
                if (auto mm = millimetres(attributes.value(kFo, QLatin1String(name))))
                    value = *mm;
            };
            if (auto margin = millimetres(attributes.value(kFo, QStringLiteral("margin"))))
                page.top = page.right = page.bottom = page.left = *margin;
            set("page-width", page.width);
            set("page-height", page.height);
            set("margin-top", page.top);
            set("margin-right", page.right);
            set("margin-bottom", page.bottom);
            set("margin-left", page.left);
            layouts[layoutName] = page;
            layoutName.clear();
        } else if (reader.name() == u"master-page") {
            masters.emplace_back(attributes.value(kStyle, QStringLiteral("name")).toString(),
                                 attributes.value(kStyle, QStringLiteral("page-layout-name")).toString());
        }
    }
    if (masters.empty())
        return layout;
    auto master = std::find_if(masters.begin(), masters.end(),
                               [](const auto& named) { return named.first == u"Standard"; });
    if (master == masters.end())
        master = masters.begin();
    const auto found = layouts.find(master->second);
    return found == layouts.end() ? layout : found->second;
}

} // namespace

std::string partNameOf(const std::string& source, const QString& target) {
    QString path = target;
    if (!path.startsWith(QLatin1Char('/'))) {
        const auto slash = source.rfind('/');
        path =
            QString::fromStdString(slash == std::string::npos ? std::string() : source.substr(0, slash + 1)) +
            path;
    }
    QStringList kept;
    for (const QString& segment : path.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        if (segment == u".")
            continue;
        if (segment == u"..") {
            if (kept.isEmpty())
                return {}; // outside the package
            kept.removeLast();
            continue;
        }
        kept << segment;
    }
    return kept.join(QLatin1Char('/')).toStdString();
}

Result<std::vector<PackageRelationship>> relationshipsOf(const std::vector<ZipEntry>& entries,
                                                         const std::string& part) {
    const auto slash = part.rfind('/');
    const std::string folder = slash == std::string::npos ? std::string() : part.substr(0, slash + 1);
    const std::string name = part.substr(folder.size());
    const std::string relationshipsPart = folder + "_rels/" + name + ".rels";
    std::vector<PackageRelationship> relationships;
    const ZipEntry* entry = findEntry(entries, relationshipsPart);
    if (!entry)
        return relationships;
    QXmlStreamReader reader(entry->bytes);
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement() && reader.name() == u"Relationship") {
            const auto attributes = reader.attributes();
            relationships.push_back({attributes.value(QStringLiteral("Id")).toString(),
                                     attributes.value(QStringLiteral("Type")).toString(),
                                     attributes.value(QStringLiteral("Target")).toString(),
                                     attributes.value(QStringLiteral("TargetMode")) == u"External"});
        }
    }
    if (reader.hasError())
        return fail(relationshipsPart + " is not well-formed XML (line " +
                    std::to_string(reader.lineNumber()) + ")");
    return relationships;
}

Result<HouseStyle> houseStyleOf(const QByteArray& bytes, const std::string& name) {
    auto entries = readZip(bytes, kMaxHouseStyleBytes);
    if (!entries)
        return fail(name + ": " + entries.error().message);
    HouseStyle style;
    auto wellFormed = [&](const std::string& part, bool required) -> Result<void> {
        const ZipEntry* entry = findEntry(*entries, part);
        if (!entry)
            return required ? fail(name + ": the package has no " + part) : Result<void>{};
        if (auto checked = checkXml(entry->bytes); !checked)
            return fail(name + ": " + part + " is not well-formed XML (" + checked.error().message + ")");
        return {};
    };
    if (const ZipEntry* mimetype = findEntry(*entries, "mimetype")) {
        const QByteArray type = mimetype->bytes.trimmed();
        if (type != "application/vnd.oasis.opendocument.text" &&
            type != "application/vnd.oasis.opendocument.text-template")
            return fail(name + ": an OpenDocument file of type " + type.toStdString() +
                        ", not a text document (ODT or OTT)");
        style.format = ReportFormat::Odt;
        if (auto checked = wellFormed("styles.xml", false); !checked)
            return std::unexpected(checked.error());
    } else if (const ZipEntry* types = findEntry(*entries, "[Content_Types].xml")) {
        if (types->bytes.contains("macroEnabled"))
            return fail(name + ": a macro-enabled Word file; save the house style as .docx or .dotx");
        if (!types->bytes.contains("wordprocessingml.document.main+xml") &&
            !types->bytes.contains("wordprocessingml.template.main+xml"))
            return fail(name + ": not a Word document (DOCX or DOTX)");
        style.format = ReportFormat::Docx;
        const std::string main = wordMainPart(*entries);
        if (auto checked = wellFormed(main, true); !checked)
            return std::unexpected(checked.error());
        auto relationships = relationshipsOf(*entries, main);
        if (!relationships)
            return fail(name + ": " + relationships.error().message);
        for (const auto& relationship : *relationships)
            if (relationship.type.endsWith(u"/styles"))
                if (auto checked = wellFormed(partNameOf(main, relationship.target), false); !checked)
                    return std::unexpected(checked.error());
    } else {
        return fail(name + ": neither an ODT nor a DOCX document");
    }
    style.entries = std::move(*entries);
    return style;
}

Result<HouseStyle> readHouseStyle(const QString& path) {
    const std::string name = path.toStdString();
    const QFileInfo info(path);
    if (!info.exists())
        return fail(name + ": no such file");
    if (info.isDir())
        return fail(name + ": a folder, not a house-style document");
    if (info.size() > kMaxHouseStyleBytes)
        return fail(name + ": larger than 64 MB; a house style is a document of a few pages");
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(name + ": cannot be read (" + file.errorString().toStdString() + ")");
    return houseStyleOf(file.readAll(), name);
}

HouseStyle defaultHouseStyle(ReportFormat format, const DocumentFacts& facts) {
    if (format == ReportFormat::Odt)
        return {ReportFormat::Odt, odfDefaultTemplate(facts, false)};
    return {ReportFormat::Docx, docx::defaultTemplate(facts, false)};
}

Result<QByteArray> defaultHouseStyleFile(ReportFormat format, QPageSize::PageSizeId paper) {
    DocumentFacts facts;
    facts.title = QStringLiteral("House style for Maturity Workbench reports");
    facts.subject = QStringLiteral("IT/OT convergence maturity assessment");
    facts.pageSize = paper;
    facts.page = PageLayout::of(paper);
    if (format == ReportFormat::Odt) {
        auto entries = odfDefaultTemplate(facts, true);
        return writeZip(entries, true);
    }
    return writeZip(docx::defaultTemplate(facts, true));
}

Result<void> writeDefaultHouseStyle(ReportFormat format, QPageSize::PageSizeId paper, const QString& path) {
    auto bytes = defaultHouseStyleFile(format, paper);
    if (!bytes)
        return std::unexpected(bytes.error());
    return writeFileAtomically(path, *bytes);
}

PageLayout pageLayoutOf(const HouseStyle& style, const PageLayout& fallback) {
    return style.format == ReportFormat::Odt ? odtLayout(style.entries, fallback)
                                             : docxLayout(style.entries, fallback);
}

QString fillPlaceholders(QString text, const DocumentFacts& facts) {
    if (!text.contains(QStringLiteral("{{")))
        return text;
    const std::map<QString, const QString*> fields = {
        {"title", &facts.title},     {"client", &facts.client},   {"assessment", &facts.assessment},
        {"date", &facts.date},       {"assessor", &facts.author}, {"consultancy", &facts.company},
        {"subject", &facts.subject}, {"header", &facts.header}};
    // One pass, so that a value holding braces of its own is left as it is.
    static const QRegularExpression placeholder(QStringLiteral("\\{\\{([a-z]+)\\}\\}"));
    QString filled;
    qsizetype from = 0;
    for (auto it = placeholder.globalMatch(text); it.hasNext();) {
        const auto match = it.next();
        const auto field = fields.find(match.captured(1));
        filled += text.mid(from, match.capturedStart() - from);
        filled += field == fields.end() ? match.captured() : *field->second;
        from = match.capturedEnd();
    }
    return filled + text.mid(from);
}

} // namespace mw
