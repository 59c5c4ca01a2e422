// The DOCX package around the body: styles with the report's look (which a house-style template's own
// styles replace), the running header and footer, settings, properties and the relationships.
#include "report/docx_parts.hpp"
#include "report/zip_memory.hpp"

#include <QPageSize>
#include <QSizeF>
#include <QXmlStreamWriter>

#include <cmath>

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

void writeStyle(Part& part, const StyleLook& look, int textWidth) {
    auto& xml = part.xml;
    xml.writeStartElement(kW, QStringLiteral("style"));
    xml.writeAttribute(kW, QStringLiteral("type"), QStringLiteral("paragraph"));
    xml.writeAttribute(kW, QStringLiteral("styleId"), look.id);
    part.value(QStringLiteral("name"), look.name);
    part.value(QStringLiteral("basedOn"), look.basedOn.isEmpty() ? QStringLiteral("Normal") : look.basedOn);
    part.value(QStringLiteral("next"), QStringLiteral("Normal"));
    part.flag(QStringLiteral("qFormat"));
    xml.writeStartElement(kW, QStringLiteral("pPr"));
    if (look.keepNext) {
        part.flag(QStringLiteral("keepNext"));
        part.flag(QStringLiteral("keepLines"));
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
        part.value(QStringLiteral("jc"), QStringLiteral("right"));
    if (look.outline >= 0)
        part.value(QStringLiteral("outlineLvl"), QString::number(look.outline));
    xml.writeEndElement(); // pPr
    xml.writeStartElement(kW, QStringLiteral("rPr"));
    if (look.bold)
        part.flag(QStringLiteral("b"));
    if (!look.color.isEmpty())
        part.value(QStringLiteral("color"), look.color);
    if (look.size > 0) {
        part.value(QStringLiteral("sz"), QString::number(look.size));
        part.value(QStringLiteral("szCs"), QString::number(look.size));
    }
    xml.writeEndElement(); // rPr
    xml.writeEndElement(); // style
}

// Word's built-in style names (lower case where Word's are), so Word and python-docx know them as theirs.
QByteArray stylesXml(const DocumentFacts& facts) {
    const int textWidth = static_cast<int>(
        std::lround((QPageSize(facts.pageSize).size(QPageSize::Millimeter).width() - 40) / 25.4 * 1440));
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

    const std::vector<StyleLook> looks = {
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
        {.id = "Header", .name = "header", .size = 16, .color = "5A6673", .rule = "bottom"},
        {.id = "Footer", .name = "footer", .size = 16, .color = "5A6673", .rule = "top", .alignRight = true},
    };
    for (const StyleLook& look : looks)
        writeStyle(part, look, textWidth);
    return part.finish();
}

QByteArray headerXml(const DocumentFacts& facts) {
    Part part(QStringLiteral("hdr"));
    part.xml.writeStartElement(kW, QStringLiteral("p"));
    part.xml.writeStartElement(kW, QStringLiteral("pPr"));
    part.value(QStringLiteral("pStyle"), QStringLiteral("Header"));
    part.xml.writeEndElement();
    part.text(facts.header);
    part.xml.writeEndElement();
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

QByteArray contentTypesXml() {
    const QString ns = QStringLiteral("http://schemas.openxmlformats.org/package/2006/content-types");
    QByteArray bytes;
    QXmlStreamWriter xml(&bytes);
    xml.writeStartDocument(QStringLiteral("1.0"), true);
    xml.writeDefaultNamespace(ns);
    xml.writeStartElement(ns, QStringLiteral("Types"));
    const std::pair<QString, QString> defaults[] = {
        {"rels", "application/vnd.openxmlformats-package.relationships+xml"},
        {"xml", "application/xml"},
        {"png", "image/png"}};
    for (const auto& [extension, type] : defaults) {
        xml.writeEmptyElement(ns, QStringLiteral("Default"));
        xml.writeAttribute(QStringLiteral("Extension"), extension);
        xml.writeAttribute(QStringLiteral("ContentType"), type);
    }
    const std::pair<QString, QString> overrides[] = {
        {"/word/document.xml", kWordType + "document.main+xml"},
        {"/word/styles.xml", kWordType + "styles+xml"},
        {"/word/settings.xml", kWordType + "settings+xml"},
        {"/word/numbering.xml", kWordType + "numbering+xml"},
        {"/word/header1.xml", kWordType + "header+xml"},
        {"/word/footer1.xml", kWordType + "footer+xml"},
        {"/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"},
        {"/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"}};
    for (const auto& [name, type] : overrides) {
        xml.writeEmptyElement(ns, QStringLiteral("Override"));
        xml.writeAttribute(QStringLiteral("PartName"), name);
        xml.writeAttribute(QStringLiteral("ContentType"), type);
    }
    xml.writeEndDocument();
    return bytes;
}

} // namespace

void writeTextRun(QXmlStreamWriter& xml, const QString& value) {
    xml.writeStartElement(kW, QStringLiteral("r"));
    xml.writeStartElement(kW, QStringLiteral("t"));
    xml.writeAttribute(QStringLiteral("xml:space"), QStringLiteral("preserve"));
    xml.writeCharacters(value);
    xml.writeEndElement();
    xml.writeEndElement();
}

Result<QByteArray> package(const Body& body, const DocumentFacts& facts) {
    std::vector<Relationship> documentRelationships = {
        {"rIdStyles", kOfficeRelationship + "styles", "styles.xml"},
        {"rIdSettings", kOfficeRelationship + "settings", "settings.xml"},
        {"rIdNumbering", kOfficeRelationship + "numbering", "numbering.xml"},
        {kHeaderId, kOfficeRelationship + "header", "header1.xml"},
        {kFooterId, kOfficeRelationship + "footer", "footer1.xml"}};
    for (const auto& picture : body.pictures)
        documentRelationships.push_back(
            {picture.id, kOfficeRelationship + "image", QStringLiteral("media/") + picture.fileName});
    std::vector<ZipEntry> entries = {
        {"[Content_Types].xml", contentTypesXml()},
        {"_rels/.rels",
         relationshipsXml({{"rId1", kOfficeRelationship + "officeDocument", "word/document.xml"},
                           {"rId2",
                            "http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
                            "core-properties",
                            "docProps/core.xml"},
                           {"rId3", kOfficeRelationship + "extended-properties", "docProps/app.xml"}})},
        {"word/document.xml", body.document},
        {"word/_rels/document.xml.rels", relationshipsXml(documentRelationships)},
        {"word/styles.xml", stylesXml(facts)},
        {"word/settings.xml", settingsXml()},
        {"word/numbering.xml", body.numbering},
        {"word/header1.xml", headerXml(facts)},
        {"word/footer1.xml", footerXml()},
        {"docProps/core.xml", coreXml(facts)},
        {"docProps/app.xml", appXml(facts)}};
    for (const auto& picture : body.pictures)
        entries.push_back({"word/media/" + picture.fileName.toStdString(), picture.png});
    return writeZip(entries);
}

} // namespace mw::docx
