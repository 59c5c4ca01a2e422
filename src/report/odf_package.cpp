#include "report/odf_package.hpp"
#include "report/house_style.hpp"
#include "report/odf_names.hpp"
#include "report/xml_copy.hpp"
#include "report/zip_memory.hpp"

#include <QSizeF>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

#include <algorithm>
#include <map>
#include <set>
#include <utility>

namespace mw {

using namespace odf;

namespace {

QXmlStreamWriter& startDocument(QXmlStreamWriter& xml, const QString& root,
                                std::initializer_list<std::pair<QString, QString>> namespaces) {
    xml.setAutoFormatting(false);
    xml.writeStartDocument();
    for (const auto& [prefix, uri] : namespaces)
        xml.writeNamespace(uri, prefix);
    xml.writeStartElement(kOffice, root);
    // The version of the content Qt writes.
    xml.writeAttribute(kOffice, QStringLiteral("version"), QStringLiteral("1.2"));
    return xml;
}

// A paragraph style for the header and footer: small, muted, with a rule between it and the text.
void writeRunningStyle(QXmlStreamWriter& xml, const QString& name, bool above) {
    xml.writeStartElement(kStyle, QStringLiteral("style"));
    xml.writeAttribute(kStyle, QStringLiteral("name"), name);
    xml.writeAttribute(kStyle, QStringLiteral("family"), QStringLiteral("paragraph"));
    xml.writeStartElement(kStyle, QStringLiteral("paragraph-properties"));
    xml.writeAttribute(kFo, above ? QStringLiteral("border-bottom") : QStringLiteral("border-top"),
                       QStringLiteral("0.5pt solid #b8c4d0"));
    xml.writeAttribute(kFo, above ? QStringLiteral("padding-bottom") : QStringLiteral("padding-top"),
                       QStringLiteral("0.1cm"));
    if (!above)
        xml.writeAttribute(kFo, QStringLiteral("text-align"), QStringLiteral("end"));
    xml.writeEndElement();
    xml.writeStartElement(kStyle, QStringLiteral("text-properties"));
    xml.writeAttribute(kFo, QStringLiteral("font-size"), QStringLiteral("8pt"));
    xml.writeAttribute(kFo, QStringLiteral("color"), QStringLiteral("#5a6673"));
    xml.writeEndElement();
    xml.writeEndElement();
}

void writeTextProperties(QXmlStreamWriter& xml, const QString& size, const QString& color, bool bold) {
    xml.writeStartElement(kStyle, QStringLiteral("text-properties"));
    if (!size.isEmpty())
        xml.writeAttribute(kFo, QStringLiteral("font-size"), size);
    if (!color.isEmpty())
        xml.writeAttribute(kFo, QStringLiteral("color"), color);
    if (bold)
        xml.writeAttribute(kFo, QStringLiteral("font-weight"), QStringLiteral("bold"));
    xml.writeEndElement();
}

// The named styles the report's content uses, but for those the house style has (`defined`). None names
// a font: the house style's default does (ours: DejaVu Sans 9.5 pt).
void writeReportStyles(QXmlStreamWriter& xml, const DocumentFacts& facts, const std::set<QString>& defined) {
    auto missing = [&](const QString& name) { return !defined.contains(name); };
    if (missing(QStringLiteral("Header")))
        writeRunningStyle(xml, QStringLiteral("Header"), true);
    if (missing(QStringLiteral("Footer")))
        writeRunningStyle(xml, QStringLiteral("Footer"), false);
    // The contents' entries: the title, dots to the right margin, the page.
    const double textWidthCm = facts.page.textWidth() / 10.0;
    for (int level = 1; level <= 2; ++level) {
        const QString name = QStringLiteral("Contents_20_%1").arg(level);
        if (!missing(name))
            continue;
        const double indent = level == 1 ? 0 : 0.6;
        xml.writeStartElement(kStyle, QStringLiteral("style"));
        xml.writeAttribute(kStyle, QStringLiteral("name"), name);
        xml.writeAttribute(kStyle, QStringLiteral("display-name"), QStringLiteral("Contents %1").arg(level));
        xml.writeAttribute(kStyle, QStringLiteral("family"), QStringLiteral("paragraph"));
        xml.writeStartElement(kStyle, QStringLiteral("paragraph-properties"));
        xml.writeAttribute(kFo, QStringLiteral("margin-left"), QString::number(indent, 'f', 2) + "cm");
        xml.writeAttribute(kFo, QStringLiteral("margin-top"),
                           level == 1 ? QStringLiteral("0.12cm") : QStringLiteral("0cm"));
        xml.writeStartElement(kStyle, QStringLiteral("tab-stops"));
        xml.writeStartElement(kStyle, QStringLiteral("tab-stop"));
        xml.writeAttribute(kStyle, QStringLiteral("position"),
                           QString::number(textWidthCm - indent, 'f', 2) + "cm");
        xml.writeAttribute(kStyle, QStringLiteral("type"), QStringLiteral("right"));
        xml.writeAttribute(kStyle, QStringLiteral("leader-style"), QStringLiteral("dotted"));
        xml.writeAttribute(kStyle, QStringLiteral("leader-text"), QStringLiteral("."));
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
        writeTextProperties(xml, {}, {}, level == 1);
        xml.writeEndElement();
    }
    // Table text at the report's size whatever the house style's body text is, so that columns fit.
    if (missing(QStringLiteral("Table_20_Contents"))) {
        xml.writeStartElement(kStyle, QStringLiteral("style"));
        xml.writeAttribute(kStyle, QStringLiteral("name"), QStringLiteral("Table_20_Contents"));
        xml.writeAttribute(kStyle, QStringLiteral("display-name"), QStringLiteral("Table Contents"));
        xml.writeAttribute(kStyle, QStringLiteral("family"), QStringLiteral("paragraph"));
        writeTextProperties(xml, QStringLiteral("9.5pt"), {}, false);
        xml.writeEndElement();
    }
    // The headings' look is their style's, so that a house style's headings apply to the report's.
    struct HeadingLook {
        const char *size, *color, *above, *below;
    };
    const HeadingLook looks[] = {{"17pt", "#17365d", "0.16cm", "0.26cm"},
                                 {"13pt", "#1f4e79", "0.42cm", "0.16cm"},
                                 {"11pt", "#1f4e79", "0.32cm", "0.1cm"}};
    for (int level = 1; level <= 3; ++level) {
        const QString name = QStringLiteral("Heading_20_%1").arg(level);
        if (!missing(name))
            continue;
        const HeadingLook& look = looks[level - 1];
        xml.writeStartElement(kStyle, QStringLiteral("style"));
        xml.writeAttribute(kStyle, QStringLiteral("name"), name);
        xml.writeAttribute(kStyle, QStringLiteral("display-name"), QStringLiteral("Heading %1").arg(level));
        xml.writeAttribute(kStyle, QStringLiteral("family"), QStringLiteral("paragraph"));
        xml.writeAttribute(kStyle, QStringLiteral("default-outline-level"), QString::number(level));
        xml.writeStartElement(kStyle, QStringLiteral("paragraph-properties"));
        xml.writeAttribute(kFo, QStringLiteral("keep-with-next"), QStringLiteral("always"));
        xml.writeAttribute(kFo, QStringLiteral("margin-top"), QLatin1String(look.above));
        xml.writeAttribute(kFo, QStringLiteral("margin-bottom"), QLatin1String(look.below));
        xml.writeEndElement();
        writeTextProperties(xml, QLatin1String(look.size), QLatin1String(look.color), true);
        xml.writeEndElement();
    }
}

// A master page's header: one line of text (a house style's placeholders are filled in later).
void writeRunningHeader(QXmlStreamWriter& xml, const QString& text) {
    xml.writeStartElement(kStyle, QStringLiteral("header"));
    xml.writeStartElement(kText, QStringLiteral("p"));
    xml.writeAttribute(kText, QStringLiteral("style-name"), QStringLiteral("Header"));
    xml.writeCharacters(text);
    xml.writeEndElement();
    xml.writeEndElement();
}

// A master page's footer: "Page N of M" as fields.
void writeRunningFooter(QXmlStreamWriter& xml) {
    xml.writeStartElement(kStyle, QStringLiteral("footer"));
    xml.writeStartElement(kText, QStringLiteral("p"));
    xml.writeAttribute(kText, QStringLiteral("style-name"), QStringLiteral("Footer"));
    xml.writeCharacters(QStringLiteral("Page "));
    xml.writeStartElement(kText, QStringLiteral("page-number"));
    xml.writeAttribute(kText, QStringLiteral("select-page"), QStringLiteral("current"));
    xml.writeCharacters(QStringLiteral("1"));
    xml.writeEndElement();
    xml.writeCharacters(QStringLiteral(" of "));
    xml.writeTextElement(kText, QStringLiteral("page-count"), QStringLiteral("1"));
    xml.writeEndElement();
    xml.writeEndElement();
}

// Our house style's styles.xml: DejaVu Sans 9.5 pt as the default, the report's styles, the page of the
// facts and a master page whose header holds the {{header}} placeholder.
QByteArray stylesXml(const DocumentFacts& facts) {
    QByteArray bytes;
    QXmlStreamWriter xml(&bytes);
    startDocument(xml, QStringLiteral("document-styles"),
                  {{"office", kOffice}, {"style", kStyle}, {"fo", kFo}, {"text", kText}, {"svg", kSvg}});
    xml.writeStartElement(kOffice, QStringLiteral("font-face-decls"));
    xml.writeStartElement(kStyle, QStringLiteral("font-face"));
    xml.writeAttribute(kStyle, QStringLiteral("name"), QStringLiteral("DejaVu Sans"));
    xml.writeAttribute(kSvg, QStringLiteral("font-family"), QStringLiteral("'DejaVu Sans'"));
    xml.writeEndElement();
    xml.writeEndElement();

    xml.writeStartElement(kOffice, QStringLiteral("styles"));
    xml.writeStartElement(kStyle, QStringLiteral("default-style"));
    xml.writeAttribute(kStyle, QStringLiteral("family"), QStringLiteral("paragraph"));
    xml.writeStartElement(kStyle, QStringLiteral("text-properties"));
    xml.writeAttribute(kStyle, QStringLiteral("font-name"), QStringLiteral("DejaVu Sans"));
    xml.writeAttribute(kFo, QStringLiteral("font-family"), QStringLiteral("'DejaVu Sans'"));
    xml.writeAttribute(kFo, QStringLiteral("font-size"), QStringLiteral("9.5pt"));
    xml.writeAttribute(kFo, QStringLiteral("language"), QStringLiteral("en"));
    xml.writeAttribute(kFo, QStringLiteral("country"), QStringLiteral("GB"));
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeStartElement(kStyle, QStringLiteral("style"));
    xml.writeAttribute(kStyle, QStringLiteral("name"), QStringLiteral("Standard"));
    xml.writeAttribute(kStyle, QStringLiteral("display-name"), QStringLiteral("Default Paragraph Style"));
    xml.writeAttribute(kStyle, QStringLiteral("family"), QStringLiteral("paragraph"));
    xml.writeEndElement();
    writeReportStyles(xml, facts, {});
    xml.writeEndElement();

    const PageLayout& page = facts.page;
    auto cm = [](double mm) { return QString::number(mm / 10.0, 'g', 4) + "cm"; };
    xml.writeStartElement(kOffice, QStringLiteral("automatic-styles"));
    xml.writeStartElement(kStyle, QStringLiteral("page-layout"));
    xml.writeAttribute(kStyle, QStringLiteral("name"), QStringLiteral("ReportPage"));
    xml.writeStartElement(kStyle, QStringLiteral("page-layout-properties"));
    auto paper = [](double mm) { return QString::number(mm / 10.0, 'f', 2) + "cm"; };
    xml.writeAttribute(kFo, QStringLiteral("page-width"), paper(page.width));
    xml.writeAttribute(kFo, QStringLiteral("page-height"), paper(page.height));
    xml.writeAttribute(kStyle, QStringLiteral("print-orientation"),
                       page.width > page.height ? QStringLiteral("landscape") : QStringLiteral("portrait"));
    xml.writeAttribute(kFo, QStringLiteral("margin-top"), cm(page.top));
    xml.writeAttribute(kFo, QStringLiteral("margin-bottom"), cm(page.bottom));
    xml.writeAttribute(kFo, QStringLiteral("margin-left"), cm(page.left));
    xml.writeAttribute(kFo, QStringLiteral("margin-right"), cm(page.right));
    xml.writeEndElement();
    for (const char* part : {"header-style", "footer-style"}) {
        xml.writeStartElement(kStyle, QLatin1String(part));
        xml.writeStartElement(kStyle, QStringLiteral("header-footer-properties"));
        xml.writeAttribute(kFo, QStringLiteral("min-height"), QStringLiteral("0.6cm"));
        xml.writeAttribute(kFo, QLatin1String(part[0] == 'h' ? "margin-bottom" : "margin-top"),
                           QStringLiteral("0.4cm"));
        xml.writeEndElement();
        xml.writeEndElement();
    }
    xml.writeEndElement();
    xml.writeEndElement();

    // "Standard" is the page every paragraph without a page of its own is laid out on: the whole report.
    xml.writeStartElement(kOffice, QStringLiteral("master-styles"));
    xml.writeStartElement(kStyle, QStringLiteral("master-page"));
    xml.writeAttribute(kStyle, QStringLiteral("name"), QStringLiteral("Standard"));
    xml.writeAttribute(kStyle, QStringLiteral("page-layout-name"), QStringLiteral("ReportPage"));
    writeRunningHeader(xml, QStringLiteral("{{header}}"));
    writeRunningFooter(xml);
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeEndDocument();
    return bytes;
}

// A picture the house style's styles show (a logo in the header), renamed into the report's package.
struct CarriedPicture {
    std::string from, to;
};

// The house style's styles.xml for the report: the placeholders in its master pages filled in, the
// report's styles it lacks added, its pictures renamed to where `pictures` puts them.
Result<QByteArray> mergedStyles(const QByteArray& houseStyles, const std::vector<ZipEntry>& houseEntries,
                                const DocumentFacts& facts, std::vector<CarriedPicture>& pictures) {
    std::set<QString> defined;
    QString mainMaster;                       // the report's pages: "Standard", else the first master page
    std::map<QString, QString> masterLayouts; // master page -> its page layout
    {
        QXmlStreamReader reader(houseStyles);
        while (!reader.atEnd() && !reader.hasError()) {
            if (reader.readNext() != QXmlStreamReader::StartElement || reader.namespaceUri() != kStyle)
                continue;
            const QString name = reader.attributes().value(kStyle, QStringLiteral("name")).toString();
            if (reader.name() == u"style")
                defined.insert(name);
            else if (reader.name() == u"master-page") {
                masterLayouts[name] =
                    reader.attributes().value(kStyle, QStringLiteral("page-layout-name")).toString();
                if (mainMaster.isEmpty() || name == u"Standard")
                    mainMaster = name;
            }
        }
    }
    bool stylesWritten = false, inMasters = false;
    bool inMainMaster = false, hasHeader = false, hasFooter = false;
    auto writeOurs = [&](QXmlStreamWriter& xml, bool wrapped) {
        if (std::exchange(stylesWritten, true))
            return;
        if (wrapped)
            xml.writeStartElement(kOffice, QStringLiteral("styles"));
        writeReportStyles(xml, facts, defined);
        if (wrapped)
            xml.writeEndElement();
    };
    XmlCopyHooks hooks;
    hooks.beforeStart = [&](const QXmlStreamReader& reader, QXmlStreamWriter& xml, int depth) {
        if (depth == 2 && reader.namespaceUri() == kOffice &&
            (reader.name() == u"automatic-styles" || reader.name() == u"master-styles"))
            writeOurs(xml, true); // a house style without common styles
        if (depth == 2)
            inMasters = reader.namespaceUri() == kOffice && reader.name() == u"master-styles";
        if (inMasters && depth == 3)
            inMainMaster = reader.name() == u"master-page" &&
                           reader.attributes().value(kStyle, QStringLiteral("name")) == mainMaster;
        // The house style's page without a header or footer of its own takes ours.
        if (inMainMaster && depth == 4 && reader.namespaceUri() == kStyle) {
            if (reader.name().startsWith(u"footer") && !std::exchange(hasHeader, true))
                writeRunningHeader(xml, facts.header);
            hasHeader = hasHeader || reader.name().startsWith(u"header");
            hasFooter = hasFooter || reader.name().startsWith(u"footer");
        }
        return true;
    };
    hooks.beforeEnd = [&](const QXmlStreamReader& reader, QXmlStreamWriter& xml, int depth) {
        if (inMainMaster && depth == 3) {
            if (!std::exchange(hasHeader, true))
                writeRunningHeader(xml, facts.header);
            if (!std::exchange(hasFooter, true))
                writeRunningFooter(xml);
            inMainMaster = false;
        }
        if (depth == 2 && reader.namespaceUri() == kOffice && reader.name() == u"styles")
            writeOurs(xml, false);
        else if (depth == 1)
            writeOurs(xml, true);
        // The cover's page: the report's paper, no running header or footer, then the report's page.
        if (depth == 2 && inMasters && !mainMaster.isEmpty() && !masterLayouts.contains(kCoverMasterPage)) {
            xml.writeStartElement(kStyle, QStringLiteral("master-page"));
            xml.writeAttribute(kStyle, QStringLiteral("name"), kCoverMasterPage);
            xml.writeAttribute(kStyle, QStringLiteral("display-name"), QStringLiteral("Report cover"));
            xml.writeAttribute(kStyle, QStringLiteral("page-layout-name"), masterLayouts[mainMaster]);
            xml.writeAttribute(kStyle, QStringLiteral("next-style-name"), mainMaster);
            xml.writeEndElement();
        }
    };
    hooks.text = [&](const QString& text) { return inMasters ? fillPlaceholders(text, facts) : text; };
    hooks.attributes = [&](const QXmlStreamReader& reader) {
        QXmlStreamAttributes attributes = reader.attributes();
        const QString href = attributes.value(kXlink, QStringLiteral("href")).toString();
        const std::string from = partNameOf("styles.xml", href);
        if (href.isEmpty() || href.contains(u':') || from.empty() || !findEntry(houseEntries, from))
            return attributes;
        const QString to = QStringLiteral("Pictures/house-%1.%2")
                               .arg(pictures.size() + 1)
                               .arg(QString::fromStdString(from).section(u'.', -1).toLower());
        pictures.push_back({from, to.toStdString()});
        QXmlStreamAttributes renamed;
        for (const auto& attribute : attributes)
            if (attribute.namespaceUri() == kXlink && attribute.name() == u"href")
                renamed.append(kXlink, QStringLiteral("href"), to);
            else
                renamed.append(attribute);
        return renamed;
    };
    return copyXml(houseStyles, hooks);
}

QByteArray metaXml(const DocumentFacts& facts) {
    QByteArray bytes;
    QXmlStreamWriter xml(&bytes);
    startDocument(xml, QStringLiteral("document-meta"), {{"office", kOffice}, {"meta", kMeta}, {"dc", kDc}});
    xml.writeStartElement(kOffice, QStringLiteral("meta"));
    xml.writeTextElement(kMeta, QStringLiteral("generator"), QStringLiteral("Maturity Workbench"));
    xml.writeTextElement(kDc, QStringLiteral("title"), facts.title);
    xml.writeTextElement(kDc, QStringLiteral("subject"), facts.subject);
    xml.writeTextElement(kMeta, QStringLiteral("initial-creator"), facts.author);
    xml.writeTextElement(kDc, QStringLiteral("creator"), facts.author);
    xml.writeTextElement(kDc, QStringLiteral("date"), facts.date + QStringLiteral("T00:00:00"));
    xml.writeTextElement(kMeta, QStringLiteral("creation-date"), facts.date + QStringLiteral("T00:00:00"));
    xml.writeEndElement();
    xml.writeEndDocument();
    return bytes;
}

QString mediaTypeOf(const std::string& name) {
    const QString extension = QString::fromStdString(name).section(u'.', -1).toLower();
    if (extension == u"png")
        return QStringLiteral("image/png");
    if (extension == u"jpg" || extension == u"jpeg")
        return QStringLiteral("image/jpeg");
    if (extension == u"svg")
        return QStringLiteral("image/svg+xml");
    if (extension == u"gif")
        return QStringLiteral("image/gif");
    return QStringLiteral("application/octet-stream");
}

// The writer's manifest with styles.xml, meta.xml and the house style's pictures added, or a manifest of
// a text document with those and content.xml when there is none.
QByteArray manifestXml(const ZipEntry* written, const std::vector<CarriedPicture>& pictures) {
    QByteArray entries =
        R"(<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>)"
        R"(<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>)";
    for (const auto& picture : pictures)
        entries += "<manifest:file-entry manifest:full-path=\"" + QByteArray::fromStdString(picture.to) +
                   "\" manifest:media-type=\"" + mediaTypeOf(picture.to).toUtf8() + "\"/>";
    if (written) {
        QByteArray manifest = written->bytes;
        const qsizetype end = manifest.lastIndexOf("</manifest:manifest>");
        if (end >= 0 && !manifest.contains("styles.xml"))
            return manifest.insert(end, entries);
    }
    return R"(<?xml version="1.0" encoding="UTF-8"?>)"
           R"(<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">)"
           R"(<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>)"
           R"(<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>)" +
           entries + "</manifest:manifest>";
}

// The template's content: with the guide, a page in the report's styles saying how to make it one's own
// (the report never reads a template's content); without, one empty paragraph.
QByteArray templateContentXml(bool withGuide) {
    QByteArray bytes;
    QXmlStreamWriter xml(&bytes);
    startDocument(xml, QStringLiteral("document-content"), {{"office", kOffice}, {"text", kText}});
    xml.writeStartElement(kOffice, QStringLiteral("body"));
    xml.writeStartElement(kOffice, QStringLiteral("text"));
    const std::pair<int, const char*> guide[] = {
        {1, "House style for Maturity Workbench reports"},
        {0,
         "Change this document's styles, fonts, page set-up, header and footer, save it, and choose it in "
         "the workbench under Settings \u2192 ODT house style, or give it to 'maturity report' "
         "with --template FILE. Each report then takes this file's look and fills in its own content; what "
         "is written in this body is never used."},
        {2, "The styles the report uses"},
        {0,
         "Heading 1: each section. Heading 2: each dimension and part. Default "
         "Paragraph Style: the text. Table Contents: the text in tables (keep it small enough for narrow "
         "columns). Contents 1 and 2: the contents. Header and Footer: the "
         "running header and footer, on the page style Default Page Style. A style this file does not have "
         "is the report's own."},
        {2, "What the header and footer may hold"},
        {0,
         "Text, pictures such as a logo, page numbers, and these placeholders, each typed in one go: "
         "{{client}}, {{assessment}}, {{date}}, {{assessor}}, {{consultancy}}, {{title}}, {{subject}}, and "
         "{{header}} for the report's own header line."}};
    for (const auto& [level, text] : guide) {
        if (!withGuide)
            break;
        if (level > 0) {
            xml.writeStartElement(kText, QStringLiteral("h"));
            xml.writeAttribute(kText, QStringLiteral("style-name"),
                               QStringLiteral("Heading_20_%1").arg(level));
            xml.writeAttribute(kText, QStringLiteral("outline-level"), QString::number(level));
        } else {
            xml.writeStartElement(kText, QStringLiteral("p"));
            xml.writeAttribute(kText, QStringLiteral("style-name"), QStringLiteral("Standard"));
        }
        xml.writeCharacters(QString::fromUtf8(text));
        xml.writeEndElement();
    }
    if (!withGuide)
        xml.writeEmptyElement(kText, QStringLiteral("p"));
    xml.writeEndDocument();
    return bytes;
}

// The entry of that name replaced, or added at the end.
void putEntry(std::vector<ZipEntry>& entries, const std::string& name, QByteArray bytes) {
    for (ZipEntry& entry : entries)
        if (entry.name == name) {
            entry.bytes = std::move(bytes);
            return;
        }
    entries.push_back({name, std::move(bytes)});
}

} // namespace

Result<QByteArray> completeOdfPackage(const QByteArray& package, const DocumentFacts& facts,
                                      const HouseStyle& style) {
    auto entries = readZip(package);
    if (!entries)
        return fail("the ODF writer's package: " + entries.error().message);
    std::vector<CarriedPicture> pictures;
    QByteArray styles;
    if (const ZipEntry* house = findEntry(style.entries, "styles.xml")) {
        auto merged = mergedStyles(house->bytes, style.entries, facts, pictures);
        if (!merged)
            return fail("the house style's styles.xml is not well-formed XML (" + merged.error().message +
                        ")");
        styles = *merged;
    } else {
        std::vector<CarriedPicture> none;
        styles = *mergedStyles(stylesXml(facts), {}, facts, none);
    }
    if (const ZipEntry* content = findEntry(*entries, "content.xml"))
        putEntry(*entries, "content.xml", completedContent(content->bytes, facts));
    putEntry(*entries, "META-INF/manifest.xml",
             manifestXml(findEntry(*entries, "META-INF/manifest.xml"), pictures));
    putEntry(*entries, "styles.xml", styles);
    putEntry(*entries, "meta.xml", metaXml(facts));
    for (const auto& picture : pictures)
        putEntry(*entries, picture.to, findEntry(style.entries, picture.from)->bytes);
    // The mimetype comes first, stored, so that a file's first bytes say what it is.
    const auto mimetype = std::find_if(entries->begin(), entries->end(),
                                       [](const ZipEntry& entry) { return entry.name == "mimetype"; });
    const bool hasMimetype = mimetype != entries->end();
    if (hasMimetype)
        std::rotate(entries->begin(), mimetype, mimetype + 1);
    auto written = writeZip(*entries, hasMimetype);
    if (!written)
        return fail("cannot complete the ODT package: " + written.error().message);
    return written;
}

std::vector<ZipEntry> odfDefaultTemplate(const DocumentFacts& facts, bool withGuide) {
    return {{"mimetype", "application/vnd.oasis.opendocument.text"},
            {"content.xml", templateContentXml(withGuide)},
            {"styles.xml", stylesXml(facts)},
            {"meta.xml", metaXml(facts)},
            {"META-INF/manifest.xml", manifestXml(nullptr, {})}};
}

} // namespace mw
