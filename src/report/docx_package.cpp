// The DOCX package around the body: styles with the report's look (which a house-style template's own
// styles replace), the running header and footer, settings, properties and the relationships.
#include "report/docx_parts.hpp"
#include "report/xml_copy.hpp"
#include "report/zip_memory.hpp"

#include <QPageSize>
#include <QSizeF>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <map>
#include <set>
#include <utility>

namespace mw::docx {

namespace {

const QString kRelationships = QStringLiteral("http://schemas.openxmlformats.org/package/2006/relationships");
const QString kOfficeRelationship =
    QStringLiteral("http://schemas.openxmlformats.org/officeDocument/2006/relationships/");
const QString kWordType = QStringLiteral("application/vnd.openxmlformats-officedocument.wordprocessingml.");

// A writer of one part with the w and r namespaces declared.
class Part {
public:
    explicit Part(const QString& root) {
        xml.setAutoFormatting(false);
        xml.writeStartDocument(QStringLiteral("1.0"), true);
        xml.writeNamespace(kW, QStringLiteral("w"));
        xml.writeNamespace(kR, QStringLiteral("r"));
        xml.writeStartElement(kW, root);
    }
    QByteArray finish() {
        xml.writeEndDocument();
        return bytes;
    }
    void value(const QString& name, const QString& value) {
        xml.writeEmptyElement(kW, name);
        xml.writeAttribute(kW, QStringLiteral("val"), value);
    }
    void flag(const QString& name) { xml.writeEmptyElement(kW, name); }
    // A run of text, spaces kept.
    void text(const QString& value) { writeTextRun(xml, value); }
    void simpleField(const QString& instruction, const QString& shown) {
        xml.writeStartElement(kW, QStringLiteral("fldSimple"));
        xml.writeAttribute(kW, QStringLiteral("instr"), QLatin1Char(' ') + instruction + QLatin1Char(' '));
        text(shown);
        xml.writeEndElement();
    }

    QByteArray bytes;
    QXmlStreamWriter xml{&bytes};
};

void writeValue(QXmlStreamWriter& xml, const QString& name, const QString& value) {
    xml.writeEmptyElement(kW, name);
    xml.writeAttribute(kW, QStringLiteral("val"), value);
}

// What one paragraph style looks like; sizes in half points, spacing in twips.
struct StyleLook {
    QString id{}, name{}, basedOn{};
    int size = 0;
    QString color{};
    bool bold = false, keepNext = false;
    int before = -1, after = -1, outline = -1, indent = 0;
    bool rightTab = false; // a tab stop with dots to the right margin (from the margin, not the indent)
    QString rule{};        // "top" or "bottom": a thin line between the running text and the page
    bool alignRight = false;
};

void writeStyle(QXmlStreamWriter& xml, const StyleLook& look, int textWidth) {
    auto value = [&xml](const QString& name, const QString& v) { writeValue(xml, name, v); };
    auto flag = [&xml](const QString& name) { xml.writeEmptyElement(kW, name); };
    xml.writeStartElement(kW, QStringLiteral("style"));
    xml.writeAttribute(kW, QStringLiteral("type"), QStringLiteral("paragraph"));
    xml.writeAttribute(kW, QStringLiteral("styleId"), look.id);
    value(QStringLiteral("name"), look.name);
    value(QStringLiteral("basedOn"), look.basedOn.isEmpty() ? QStringLiteral("Normal") : look.basedOn);
    value(QStringLiteral("next"), QStringLiteral("Normal"));
    flag(QStringLiteral("qFormat"));
    xml.writeStartElement(kW, QStringLiteral("pPr"));
    if (look.keepNext) {
        flag(QStringLiteral("keepNext"));
        flag(QStringLiteral("keepLines"));
    }
    if (!look.rule.isEmpty()) {
        xml.writeStartElement(kW, QStringLiteral("pBdr"));
        xml.writeEmptyElement(kW, look.rule);
        xml.writeAttribute(kW, QStringLiteral("val"), QStringLiteral("single"));
        xml.writeAttribute(kW, QStringLiteral("sz"), QStringLiteral("4"));
        xml.writeAttribute(kW, QStringLiteral("space"), QStringLiteral("3"));
        xml.writeAttribute(kW, QStringLiteral("color"), QStringLiteral("B8C4D0"));
        xml.writeEndElement();
    }
    if (look.rightTab) {
        xml.writeStartElement(kW, QStringLiteral("tabs"));
        xml.writeEmptyElement(kW, QStringLiteral("tab"));
        xml.writeAttribute(kW, QStringLiteral("val"), QStringLiteral("right"));
        xml.writeAttribute(kW, QStringLiteral("leader"), QStringLiteral("dot"));
        xml.writeAttribute(kW, QStringLiteral("pos"), QString::number(textWidth));
        xml.writeEndElement();
    }
    if (look.before >= 0 || look.after >= 0) {
        xml.writeEmptyElement(kW, QStringLiteral("spacing"));
        xml.writeAttribute(kW, QStringLiteral("before"), QString::number(std::max(0, look.before)));
        xml.writeAttribute(kW, QStringLiteral("after"), QString::number(std::max(0, look.after)));
    }
    if (look.indent > 0) {
        xml.writeEmptyElement(kW, QStringLiteral("ind"));
        xml.writeAttribute(kW, QStringLiteral("left"), QString::number(look.indent));
    }
    if (look.alignRight)
        value(QStringLiteral("jc"), QStringLiteral("right"));
    if (look.outline >= 0)
        value(QStringLiteral("outlineLvl"), QString::number(look.outline));
    xml.writeEndElement(); // pPr
    xml.writeStartElement(kW, QStringLiteral("rPr"));
    if (look.bold)
        flag(QStringLiteral("b"));
    if (!look.color.isEmpty())
        value(QStringLiteral("color"), look.color);
    if (look.size > 0) {
        value(QStringLiteral("sz"), QString::number(look.size));
        value(QStringLiteral("szCs"), QString::number(look.size));
    }
    xml.writeEndElement(); // rPr
    xml.writeEndElement(); // style
}

int textWidthTwips(const DocumentFacts& facts) {
    return static_cast<int>(std::lround(facts.page.textWidth() / 25.4 * 1440));
}

// Word's built-in style names (lower case where Word's are), so Word and python-docx know them as theirs.
// None names a font: the document's defaults (or a house style's) do.
std::vector<StyleLook> reportStyles() {
    return {
        {.id = kTitleStyle, .name = "Title", .size = 52, .color = "17365D", .bold = true, .after = 120},
        {.id = kSubtitleStyle, .name = "Subtitle", .size = 30, .color = "1F4E79", .after = 120},
        {.id = headingStyle(1),
         .name = "heading 1",
         .size = 34,
         .color = "17365D",
         .bold = true,
         .keepNext = true,
         .before = 90,
         .after = 150,
         .outline = 0},
        {.id = headingStyle(2),
         .name = "heading 2",
         .size = 26,
         .color = "1F4E79",
         .bold = true,
         .keepNext = true,
         .before = 240,
         .after = 90,
         .outline = 1},
        {.id = headingStyle(3),
         .name = "heading 3",
         .size = 22,
         .color = "1F4E79",
         .bold = true,
         .keepNext = true,
         .before = 180,
         .after = 60,
         .outline = 2},
        // The contents' own heading is left out of the contents it heads.
        {.id = kContentsHeadingStyle, .name = "TOC Heading", .basedOn = headingStyle(1), .outline = 9},
        {.id = contentsStyle(1), .name = "toc 1", .bold = true, .before = 70, .after = 0, .rightTab = true},
        {.id = contentsStyle(2), .name = "toc 2", .indent = 340, .rightTab = true},
        {.id = kCaptionStyle, .name = "caption", .color = "5A6673", .after = 135},
        {.id = kTableTextStyle, .name = "Table Text", .size = 19},
        {.id = "Header", .name = "header", .size = 16, .color = "5A6673", .rule = "bottom"},
        {.id = "Footer", .name = "footer", .size = 16, .color = "5A6673", .rule = "top", .alignRight = true},
    };
}

QByteArray stylesXml(const DocumentFacts& facts) {
    Part part(QStringLiteral("styles"));
    auto& xml = part.xml;
    xml.writeStartElement(kW, QStringLiteral("docDefaults"));
    xml.writeStartElement(kW, QStringLiteral("rPrDefault"));
    xml.writeStartElement(kW, QStringLiteral("rPr"));
    xml.writeEmptyElement(kW, QStringLiteral("rFonts"));
    for (const char* script : {"ascii", "hAnsi", "eastAsia", "cs"})
        xml.writeAttribute(kW, QLatin1String(script), QStringLiteral("DejaVu Sans"));
    part.value(QStringLiteral("sz"), QStringLiteral("19"));
    part.value(QStringLiteral("szCs"), QStringLiteral("19"));
    part.value(QStringLiteral("lang"), QStringLiteral("en-GB"));
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeStartElement(kW, QStringLiteral("pPrDefault"));
    xml.writeStartElement(kW, QStringLiteral("pPr"));
    xml.writeEmptyElement(kW, QStringLiteral("spacing"));
    xml.writeAttribute(kW, QStringLiteral("after"), QStringLiteral("0"));
    xml.writeAttribute(kW, QStringLiteral("line"), QStringLiteral("252"));
    xml.writeAttribute(kW, QStringLiteral("lineRule"), QStringLiteral("auto"));
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeEndElement(); // docDefaults

    xml.writeStartElement(kW, QStringLiteral("style"));
    xml.writeAttribute(kW, QStringLiteral("type"), QStringLiteral("paragraph"));
    xml.writeAttribute(kW, QStringLiteral("default"), QStringLiteral("1"));
    xml.writeAttribute(kW, QStringLiteral("styleId"), QStringLiteral("Normal"));
    part.value(QStringLiteral("name"), QStringLiteral("Normal"));
    part.flag(QStringLiteral("qFormat"));
    xml.writeEndElement();
    xml.writeStartElement(kW, QStringLiteral("style"));
    xml.writeAttribute(kW, QStringLiteral("type"), QStringLiteral("table"));
    xml.writeAttribute(kW, QStringLiteral("default"), QStringLiteral("1"));
    xml.writeAttribute(kW, QStringLiteral("styleId"), QStringLiteral("TableNormal"));
    part.value(QStringLiteral("name"), QStringLiteral("Normal Table"));
    xml.writeEndElement();

    for (const StyleLook& look : reportStyles())
        writeStyle(xml, look, textWidthTwips(facts));
    return part.finish();
}

// The house style's styles with those the report uses and the style lacks added: its look, ours where
// it says nothing.
Result<QByteArray> mergedStyles(const QByteArray& houseStyles, const DocumentFacts& facts) {
    std::set<QString> defined;
    QXmlStreamReader reader(houseStyles);
    while (!reader.atEnd() && !reader.hasError())
        if (reader.readNext() == QXmlStreamReader::StartElement && reader.name() == u"style")
            defined.insert(reader.attributes().value(kW, QStringLiteral("styleId")).toString());
    XmlCopyHooks hooks;
    hooks.beforeEnd = [&](const QXmlStreamReader&, QXmlStreamWriter& xml, int depth) {
        if (depth != 1)
            return;
        for (const StyleLook& look : reportStyles())
            if (!defined.contains(look.id))
                writeStyle(xml, look, textWidthTwips(facts));
    };
    return copyXml(houseStyles, hooks);
}

// The house style's lists first, then the report's (numbered after the style's, see numberingBase):
// every abstract list before every list, as the schema orders them.
Result<QByteArray> mergedNumbering(const QByteArray& houseNumbering, const QByteArray& reportNumbering) {
    bool abstractsWritten = false, listsWritten = false;
    auto writeAbstracts = [&](QXmlStreamWriter& xml) {
        if (!std::exchange(abstractsWritten, true))
            copyRootChildren(reportNumbering, u"abstractNum", xml);
    };
    auto writeLists = [&](QXmlStreamWriter& xml) {
        writeAbstracts(xml);
        if (!std::exchange(listsWritten, true))
            copyRootChildren(reportNumbering, u"num", xml);
    };
    XmlCopyHooks hooks;
    hooks.beforeStart = [&](const QXmlStreamReader& reader, QXmlStreamWriter& xml, int depth) {
        if (depth == 2 && reader.name() == u"num")
            writeAbstracts(xml);
        else if (depth == 2 && reader.name() == u"numIdMacAtCleanup")
            writeLists(xml);
        return true;
    };
    hooks.beforeEnd = [&](const QXmlStreamReader&, QXmlStreamWriter& xml, int depth) {
        if (depth == 1)
            writeLists(xml);
    };
    return copyXml(houseNumbering, hooks);
}

// The running header: one line, in a house style's placeholders ({{header}} is the report's own line).
QByteArray headerXml(const QString& text) {
    Part part(QStringLiteral("hdr"));
    part.xml.writeStartElement(kW, QStringLiteral("p"));
    part.xml.writeStartElement(kW, QStringLiteral("pPr"));
    part.value(QStringLiteral("pStyle"), QStringLiteral("Header"));
    part.xml.writeEndElement();
    part.text(text);
    part.xml.writeEndElement();
    return part.finish();
}

// A header or footer with nothing in it: the cover's, unless the house style gives the first page one.
QByteArray emptyPart(const QString& root) {
    Part part(root);
    part.xml.writeEmptyElement(kW, QStringLiteral("p"));
    return part.finish();
}

QByteArray footerXml() {
    Part part(QStringLiteral("ftr"));
    part.xml.writeStartElement(kW, QStringLiteral("p"));
    part.xml.writeStartElement(kW, QStringLiteral("pPr"));
    part.value(QStringLiteral("pStyle"), QStringLiteral("Footer"));
    part.xml.writeEndElement();
    part.text(QStringLiteral("Page "));
    part.simpleField(QStringLiteral("PAGE"), QStringLiteral("1"));
    part.text(QStringLiteral(" of "));
    part.simpleField(QStringLiteral("NUMPAGES"), QStringLiteral("1"));
    part.xml.writeEndElement();
    return part.finish();
}

// Fields are brought up to date when the document opens, so the contents show their pages.
QByteArray settingsXml() {
    Part part(QStringLiteral("settings"));
    part.value(QStringLiteral("updateFields"), QStringLiteral("true"));
    part.value(QStringLiteral("defaultTabStop"), QStringLiteral("709"));
    part.xml.writeStartElement(kW, QStringLiteral("compat"));
    part.xml.writeEmptyElement(kW, QStringLiteral("compatSetting"));
    part.xml.writeAttribute(kW, QStringLiteral("name"), QStringLiteral("compatibilityMode"));
    part.xml.writeAttribute(kW, QStringLiteral("uri"),
                            QStringLiteral("http://schemas.microsoft.com/office/word"));
    part.xml.writeAttribute(kW, QStringLiteral("val"), QStringLiteral("15"));
    part.xml.writeEndElement();
    return part.finish();
}

QByteArray coreXml(const DocumentFacts& facts) {
    const QString cp =
        QStringLiteral("http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
    const QString dc = QStringLiteral("http://purl.org/dc/elements/1.1/");
    const QString terms = QStringLiteral("http://purl.org/dc/terms/");
    const QString xsi = QStringLiteral("http://www.w3.org/2001/XMLSchema-instance");
    QByteArray bytes;
    QXmlStreamWriter xml(&bytes);
    xml.writeStartDocument(QStringLiteral("1.0"), true);
    xml.writeNamespace(cp, QStringLiteral("cp"));
    xml.writeNamespace(dc, QStringLiteral("dc"));
    xml.writeNamespace(terms, QStringLiteral("dcterms"));
    xml.writeNamespace(xsi, QStringLiteral("xsi"));
    xml.writeStartElement(cp, QStringLiteral("coreProperties"));
    xml.writeTextElement(dc, QStringLiteral("title"), facts.title);
    xml.writeTextElement(dc, QStringLiteral("subject"), facts.subject);
    xml.writeTextElement(dc, QStringLiteral("creator"), facts.author);
    xml.writeTextElement(cp, QStringLiteral("lastModifiedBy"), facts.author);
    for (const char* name : {"created", "modified"}) {
        xml.writeStartElement(terms, QLatin1String(name));
        xml.writeAttribute(xsi, QStringLiteral("type"), QStringLiteral("dcterms:W3CDTF"));
        xml.writeCharacters(facts.date + QStringLiteral("T00:00:00Z"));
        xml.writeEndElement();
    }
    xml.writeEndDocument();
    return bytes;
}

QByteArray appXml(const DocumentFacts& facts) {
    const QString ns =
        QStringLiteral("http://schemas.openxmlformats.org/officeDocument/2006/extended-properties");
    QByteArray bytes;
    QXmlStreamWriter xml(&bytes);
    xml.writeStartDocument(QStringLiteral("1.0"), true);
    xml.writeDefaultNamespace(ns);
    xml.writeStartElement(ns, QStringLiteral("Properties"));
    xml.writeTextElement(ns, QStringLiteral("Application"), QStringLiteral("Maturity Workbench"));
    if (!facts.company.isEmpty())
        xml.writeTextElement(ns, QStringLiteral("Company"), facts.company);
    xml.writeEndDocument();
    return bytes;
}

struct Relationship {
    QString id, type, target;
};

QByteArray relationshipsXml(const std::vector<Relationship>& relationships) {
    QByteArray bytes;
    QXmlStreamWriter xml(&bytes);
    xml.writeStartDocument(QStringLiteral("1.0"), true);
    xml.writeDefaultNamespace(kRelationships);
    xml.writeStartElement(kRelationships, QStringLiteral("Relationships"));
    for (const auto& [id, type, target] : relationships) {
        xml.writeEmptyElement(kRelationships, QStringLiteral("Relationship"));
        xml.writeAttribute(QStringLiteral("Id"), id);
        xml.writeAttribute(QStringLiteral("Type"), type);
        xml.writeAttribute(QStringLiteral("Target"), target);
    }
    xml.writeEndDocument();
    return bytes;
}

QByteArray packageRelationshipsXml() {
    return relationshipsXml(
        {{"rId1", kOfficeRelationship + "officeDocument", "word/document.xml"},
         {"rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
          "docProps/core.xml"},
         {"rId3", kOfficeRelationship + "extended-properties", "docProps/app.xml"}});
}

// The template's body: with the guide, a page in the report's styles saying how to make it one's own
// (the report never reads a template's body); without, one empty paragraph.
QByteArray templateDocumentXml(const DocumentFacts& facts, bool withGuide) {
    Part part(QStringLiteral("document"));
    auto& xml = part.xml;
    xml.writeStartElement(kW, QStringLiteral("body"));
    const std::pair<QString, QString> guide[] = {
        {kTitleStyle, "House style"},
        {kSubtitleStyle, "for Maturity Workbench reports"},
        {headingStyle(1), "How to make it your own"},
        {"", "Change this document's styles, fonts, page set-up, header and footer, save it, and choose it "
             "in the workbench under Settings \u2192 Word house style, or give it to "
             "'maturity report' with --template FILE. Each report then takes this file's look and fills in "
             "its own content; what is written in this body is never used."},
        {headingStyle(2), "The styles the report uses"},
        {"", "Title and Subtitle: the cover. Heading 1: each section. Heading 2: each dimension and part. "
             "Normal: the text. Table Text: the text in tables (keep it small enough "
             "for narrow columns). Caption: the notes under charts "
             "and tables. TOC Heading, TOC 1 and TOC 2: the contents. Header and Footer: the running header "
             "and footer. A style this file does not have is the report's own."},
        {headingStyle(2), "What the header and footer may hold"},
        {"", "Text, pictures such as a logo, page numbers, and these placeholders, each typed in one go: "
             "{{client}}, {{assessment}}, {{date}}, {{assessor}}, {{consultancy}}, {{title}}, {{subject}}, "
             "and {{header}} for the report's own header line. The cover has no running header unless "
             "this file gives its first page a header of its own."},
        {kCaptionStyle, "A caption looks like this."}};
    for (const auto& [style, text] : guide) {
        if (!withGuide)
            break;
        xml.writeStartElement(kW, QStringLiteral("p"));
        if (!style.isEmpty()) {
            xml.writeStartElement(kW, QStringLiteral("pPr"));
            writeValue(xml, QStringLiteral("pStyle"), style);
            xml.writeEndElement();
        }
        part.text(text);
        xml.writeEndElement();
    }
    if (!withGuide)
        xml.writeEmptyElement(kW, QStringLiteral("p"));
    writeSection(xml, facts, false);
    xml.writeEndElement(); // body
    return part.finish();
}

struct ContentTypes {
    std::map<QString, QString> defaults = {
        {"rels", "application/vnd.openxmlformats-package.relationships+xml"},
        {"xml", "application/xml"},
        {"png", "image/png"}};
    std::vector<std::pair<QString, QString>> overrides = {
        {"/word/document.xml", kWordType + "document.main+xml"},
        {"/word/styles.xml", kWordType + "styles+xml"},
        {"/word/settings.xml", kWordType + "settings+xml"},
        {"/word/numbering.xml", kWordType + "numbering+xml"},
        {"/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"},
        {"/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"}};

    QByteArray xml() const {
        const QString ns = QStringLiteral("http://schemas.openxmlformats.org/package/2006/content-types");
        QByteArray bytes;
        QXmlStreamWriter xml(&bytes);
        xml.writeStartDocument(QStringLiteral("1.0"), true);
        xml.writeDefaultNamespace(ns);
        xml.writeStartElement(ns, QStringLiteral("Types"));
        for (const auto& [extension, type] : defaults) {
            xml.writeEmptyElement(ns, QStringLiteral("Default"));
            xml.writeAttribute(QStringLiteral("Extension"), extension);
            xml.writeAttribute(QStringLiteral("ContentType"), type);
        }
        for (const auto& [name, type] : overrides) {
            xml.writeEmptyElement(ns, QStringLiteral("Override"));
            xml.writeAttribute(QStringLiteral("PartName"), name);
            xml.writeAttribute(QStringLiteral("ContentType"), type);
        }
        xml.writeEndDocument();
        return bytes;
    }
};

// The media types a house style's package gives file extensions (its pictures').
std::map<QString, QString> extensionTypes(const std::vector<ZipEntry>& entries) {
    std::map<QString, QString> types = {
        {"jpeg", "image/jpeg"}, {"jpg", "image/jpeg"},  {"gif", "image/gif"},     {"png", "image/png"},
        {"emf", "image/x-emf"}, {"wmf", "image/x-wmf"}, {"svg", "image/svg+xml"}, {"bmp", "image/bmp"},
        {"tif", "image/tiff"},  {"tiff", "image/tiff"}};
    if (const ZipEntry* entry = findEntry(entries, "[Content_Types].xml")) {
        QXmlStreamReader reader(entry->bytes);
        while (!reader.atEnd() && !reader.hasError())
            if (reader.readNext() == QXmlStreamReader::StartElement && reader.name() == u"Default")
                types[reader.attributes().value(QStringLiteral("Extension")).toString().toLower()] =
                    reader.attributes().value(QStringLiteral("ContentType")).toString();
    }
    return types;
}

// The relationship ids of the headers and footers the house style's own section names, as
// "header default", "footer first" and so on.
std::map<QString, QString> sectionParts(const QByteArray& document) {
    std::map<QString, QString> parts;
    QXmlStreamReader reader(document);
    int depth = 0;
    while (!reader.atEnd() && !reader.hasError()) {
        reader.readNext();
        if (reader.isStartElement()) {
            ++depth;
            if (depth == 3 && reader.name() == u"sectPr")
                parts.clear(); // the body's own section is the last
            if (depth == 4 && (reader.name() == u"headerReference" || reader.name() == u"footerReference")) {
                const QString kind =
                    reader.name().startsWith(u"header") ? QStringLiteral("header") : QStringLiteral("footer");
                const auto type = reader.attributes().value(kW, QStringLiteral("type"));
                parts[kind + u' ' + (type.isEmpty() ? QStringLiteral("default") : type.toString())] =
                    reader.attributes().value(kR, QStringLiteral("id")).toString();
            }
        } else if (reader.isEndElement()) {
            --depth;
        }
    }
    return parts;
}

// What the package takes from a house style beyond the styles.
class HouseParts {
public:
    HouseParts(const HouseStyle& style, const DocumentFacts& facts)
        : style_(style)
        , facts_(facts)
        , main_(wordMainPart(style.entries))
        , mediaTypes_(extensionTypes(style.entries)) {}

    Result<void> collect(const Body& body, ContentTypes& types, std::vector<Relationship>& relationships,
                         std::vector<ZipEntry>& entries) {
        auto own = relationshipsOf(style_.entries, main_);
        if (!own)
            return fail(own.error().message);
        QByteArray styles = stylesXml(facts_), numbering = body.numbering;
        for (const auto& relationship : *own) {
            if (relationship.external)
                continue;
            const std::string name = partNameOf(main_, relationship.target);
            const ZipEntry* part = findEntry(style_.entries, name);
            if (!part)
                continue;
            auto hasNoRelationships = [&] {
                auto its = relationshipsOf(style_.entries, name);
                return its && its->empty();
            };
            if (relationship.type.endsWith(u"/styles")) {
                auto merged = mergedStyles(part->bytes, facts_);
                if (!merged)
                    return fail(name + ": " + merged.error().message);
                styles = *merged;
            } else if (relationship.type.endsWith(u"/numbering")) {
                auto merged = mergedNumbering(part->bytes, body.numbering);
                if (!merged)
                    return fail(name + ": " + merged.error().message);
                numbering = *merged;
            } else if (relationship.type.endsWith(u"/theme") && hasNoRelationships()) {
                // The theme names the fonts a style's "minor" and "major" fonts stand for.
                entries.push_back({"word/theme/theme1.xml", part->bytes});
                relationships.push_back({"rIdTheme", relationship.type, "theme/theme1.xml"});
                types.overrides.emplace_back("/word/theme/theme1.xml",
                                             "application/vnd.openxmlformats-officedocument.theme+xml");
            } else if (relationship.type.endsWith(u"/fontTable") && hasNoRelationships()) {
                entries.push_back({"word/fontTable.xml", part->bytes});
                relationships.push_back({"rIdFonts", relationship.type, "fontTable.xml"});
                types.overrides.emplace_back("/word/fontTable.xml", kWordType + "fontTable+xml");
            }
        }
        entries.push_back({"word/styles.xml", styles});
        entries.push_back({"word/numbering.xml", numbering});

        const ZipEntry* document = findEntry(style_.entries, main_);
        const auto section = sectionParts(document ? document->bytes : QByteArray());
        for (const bool header : {true, false})
            for (const bool first : {false, true}) {
                const QString kind = header ? QStringLiteral("header") : QStringLiteral("footer");
                const QString file = kind + (first ? u'2' : u'1') + QStringLiteral(".xml");
                QByteArray bytes;
                const auto id =
                    section.find(kind + (first ? QStringLiteral(" first") : QStringLiteral(" default")));
                const auto named = id == section.end()
                                       ? own->end()
                                       : std::find_if(own->begin(), own->end(),
                                                      [&](const auto& r) { return r.id == id->second; });
                if (named != own->end() && !named->external) {
                    auto carried = carry(partNameOf(main_, named->target), file, entries, types);
                    if (!carried)
                        return std::unexpected(carried.error());
                    bytes = *carried;
                } else if (first) {
                    bytes = emptyPart(header ? QStringLiteral("hdr") : QStringLiteral("ftr"));
                } else {
                    bytes = header ? headerXml(facts_.header) : footerXml();
                }
                entries.push_back({"word/" + file.toStdString(), bytes});
                relationships.push_back({partId(header, first), kOfficeRelationship + kind, file});
                types.overrides.emplace_back("/word/" + file, kWordType + kind + QStringLiteral("+xml"));
            }
        return {};
    }

private:
    // A header or footer of the house style, its placeholders filled in, with its pictures and links.
    Result<QByteArray> carry(const std::string& name, const QString& file, std::vector<ZipEntry>& entries,
                             ContentTypes& types) {
        const ZipEntry* part = findEntry(style_.entries, name);
        if (!part)
            return fail(name + " is named but not in the package");
        XmlCopyHooks hooks;
        hooks.text = [this](const QString& text) { return fillPlaceholders(text, facts_); };
        auto copied = copyXml(part->bytes, hooks);
        if (!copied)
            return fail(name + " is not well-formed XML (" + copied.error().message + ")");
        auto its = relationshipsOf(style_.entries, name);
        if (!its)
            return fail(its.error().message);
        std::vector<Relationship> carried;
        for (const auto& relationship : *its) {
            if (relationship.external) {
                carried.push_back({relationship.id, relationship.type, relationship.target});
                continue;
            }
            const std::string target = partNameOf(name, relationship.target);
            const ZipEntry* picture = findEntry(style_.entries, target);
            const QString extension = QString::fromStdString(target).section(u'.', -1).toLower();
            if (!relationship.type.endsWith(u"/image") || !picture || !mediaTypes_.contains(extension))
                return fail(name + " holds " + (target.empty() ? relationship.target.toStdString() : target) +
                            ", which a house style cannot carry into a report: a header or footer may "
                            "hold text, fields and pictures");
            const QString media = QStringLiteral("media/house-%1.%2").arg(++pictures_).arg(extension);
            entries.push_back({"word/" + media.toStdString(), picture->bytes});
            types.defaults.try_emplace(extension, mediaTypes_.at(extension));
            carried.push_back({relationship.id, relationship.type, media});
        }
        if (!carried.empty())
            entries.push_back({"word/_rels/" + file.toStdString() + ".rels", relationshipsXml(carried)});
        return *copied;
    }

    const HouseStyle& style_;
    const DocumentFacts& facts_;
    const std::string main_;
    const std::map<QString, QString> mediaTypes_;
    int pictures_ = 0;
};

} // namespace

void writeTextRun(QXmlStreamWriter& xml, const QString& value) {
    xml.writeStartElement(kW, QStringLiteral("r"));
    xml.writeStartElement(kW, QStringLiteral("t"));
    xml.writeAttribute(QStringLiteral("xml:space"), QStringLiteral("preserve"));
    xml.writeCharacters(value);
    xml.writeEndElement();
    xml.writeEndElement();
}

void writeSection(QXmlStreamWriter& xml, const DocumentFacts& facts, bool cover) {
    auto twipsOf = [](double mm) { return QString::number(std::lround(mm / 25.4 * 1440)); };
    xml.writeStartElement(kW, QStringLiteral("sectPr"));
    for (const bool first : cover ? std::vector{false, true} : std::vector{false})
        for (const bool header : {true, false}) {
            xml.writeEmptyElement(kW, header ? QStringLiteral("headerReference")
                                             : QStringLiteral("footerReference"));
            xml.writeAttribute(kW, QStringLiteral("type"),
                               first ? QStringLiteral("first") : QStringLiteral("default"));
            xml.writeAttribute(kR, QStringLiteral("id"), partId(header, first));
        }
    const PageLayout& page = facts.page;
    xml.writeEmptyElement(kW, QStringLiteral("pgSz"));
    xml.writeAttribute(kW, QStringLiteral("w"), twipsOf(page.width));
    xml.writeAttribute(kW, QStringLiteral("h"), twipsOf(page.height));
    if (page.width > page.height)
        xml.writeAttribute(kW, QStringLiteral("orient"), QStringLiteral("landscape"));
    xml.writeEmptyElement(kW, QStringLiteral("pgMar"));
    xml.writeAttribute(kW, QStringLiteral("top"), twipsOf(page.top));
    xml.writeAttribute(kW, QStringLiteral("right"), twipsOf(page.right));
    xml.writeAttribute(kW, QStringLiteral("bottom"), twipsOf(page.bottom));
    xml.writeAttribute(kW, QStringLiteral("left"), twipsOf(page.left));
    xml.writeAttribute(kW, QStringLiteral("header"), twipsOf(page.header));
    xml.writeAttribute(kW, QStringLiteral("footer"), twipsOf(page.footer));
    xml.writeAttribute(kW, QStringLiteral("gutter"), QStringLiteral("0"));
    if (cover)
        xml.writeEmptyElement(kW, QStringLiteral("titlePg"));
    xml.writeEndElement();
}

int numberingBase(const HouseStyle& style) {
    int highest = 0;
    const std::string main = wordMainPart(style.entries);
    auto relationships = relationshipsOf(style.entries, main);
    if (!relationships)
        return 0;
    for (const auto& relationship : *relationships) {
        const ZipEntry* part = relationship.type.endsWith(u"/numbering")
                                   ? findEntry(style.entries, partNameOf(main, relationship.target))
                                   : nullptr;
        if (!part)
            continue;
        QXmlStreamReader reader(part->bytes);
        while (!reader.atEnd() && !reader.hasError()) {
            if (reader.readNext() != QXmlStreamReader::StartElement)
                continue;
            if (reader.name() == u"abstractNum")
                highest =
                    std::max(highest, reader.attributes().value(kW, QStringLiteral("abstractNumId")).toInt());
            else if (reader.name() == u"num")
                highest = std::max(highest, reader.attributes().value(kW, QStringLiteral("numId")).toInt());
        }
    }
    return highest;
}

Result<QByteArray> package(const Body& body, const DocumentFacts& facts, const HouseStyle& style) {
    std::vector<Relationship> documentRelationships = {
        {"rIdStyles", kOfficeRelationship + "styles", "styles.xml"},
        {"rIdSettings", kOfficeRelationship + "settings", "settings.xml"},
        {"rIdNumbering", kOfficeRelationship + "numbering", "numbering.xml"}};
    ContentTypes types;
    std::vector<ZipEntry> parts;
    if (auto collected = HouseParts(style, facts).collect(body, types, documentRelationships, parts);
        !collected)
        return fail("the house style's " + collected.error().message);
    for (const auto& picture : body.pictures)
        documentRelationships.push_back(
            {picture.id, kOfficeRelationship + "image", QStringLiteral("media/") + picture.fileName});
    std::vector<ZipEntry> entries = {
        {"[Content_Types].xml", types.xml()},
        {"_rels/.rels", packageRelationshipsXml()},
        {"word/document.xml", body.document},
        {"word/_rels/document.xml.rels", relationshipsXml(documentRelationships)},
        {"word/settings.xml", settingsXml()},
        {"docProps/core.xml", coreXml(facts)},
        {"docProps/app.xml", appXml(facts)}};
    std::move(parts.begin(), parts.end(), std::back_inserter(entries));
    for (const auto& picture : body.pictures)
        entries.push_back({"word/media/" + picture.fileName.toStdString(), picture.png});
    return writeZip(entries);
}

std::vector<ZipEntry> defaultTemplate(const DocumentFacts& facts, bool withGuide) {
    ContentTypes types;
    types.overrides.emplace_back("/word/header1.xml", kWordType + "header+xml");
    types.overrides.emplace_back("/word/footer1.xml", kWordType + "footer+xml");
    const std::vector<Relationship> relationships = {
        {"rIdStyles", kOfficeRelationship + "styles", "styles.xml"},
        {"rIdSettings", kOfficeRelationship + "settings", "settings.xml"},
        {partId(true, false), kOfficeRelationship + "header", "header1.xml"},
        {partId(false, false), kOfficeRelationship + "footer", "footer1.xml"}};
    return {{"[Content_Types].xml", types.xml()},
            {"_rels/.rels", packageRelationshipsXml()},
            {"word/document.xml", templateDocumentXml(facts, withGuide)},
            {"word/_rels/document.xml.rels", relationshipsXml(relationships)},
            {"word/styles.xml", stylesXml(facts)},
            {"word/settings.xml", settingsXml()},
            {"word/header1.xml", headerXml(QStringLiteral("{{header}}"))},
            {"word/footer1.xml", footerXml()},
            {"docProps/core.xml", coreXml(facts)},
            {"docProps/app.xml", appXml(facts)}};
}

} // namespace mw::docx
