#include "report/odf_package.hpp"
#include "report/odf_names.hpp"
#include "report/zip_memory.hpp"

#include <QSizeF>
#include <QXmlStreamWriter>

#include <algorithm>

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
    xml.writeAttribute(kStyle, QStringLiteral("font-name"), QStringLiteral("DejaVu Sans"));
    xml.writeAttribute(kFo, QStringLiteral("font-family"), QStringLiteral("'DejaVu Sans'"));
    xml.writeAttribute(kFo, QStringLiteral("font-size"), QStringLiteral("8pt"));
    xml.writeAttribute(kFo, QStringLiteral("color"), QStringLiteral("#5a6673"));
    xml.writeEndElement();
    xml.writeEndElement();
}

QByteArray stylesXml(const DocumentFacts& facts) {
    QByteArray bytes;
    QXmlStreamWriter xml(&bytes);
    startDocument(xml, QStringLiteral("document-styles"),
                  {{"office", kOffice}, {"style", kStyle}, {"fo", kFo}, {"text", kText}});
    xml.writeStartElement(kOffice, QStringLiteral("font-face-decls"));
    xml.writeStartElement(kStyle, QStringLiteral("font-face"));
    xml.writeAttribute(kStyle, QStringLiteral("name"), QStringLiteral("DejaVu Sans"));
    xml.writeAttribute(QStringLiteral("urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"),
                       QStringLiteral("font-family"), QStringLiteral("'DejaVu Sans'"));
    xml.writeEndElement();
    xml.writeEndElement();

    xml.writeStartElement(kOffice, QStringLiteral("styles"));
    writeRunningStyle(xml, QStringLiteral("Header"), true);
    writeRunningStyle(xml, QStringLiteral("Footer"), false);
    // The contents' entries: the title, dots to the right margin, the page.
    const double textWidthCm = (QPageSize(facts.pageSize).size(QPageSize::Millimeter).width() - 40) / 10.0;
    for (int level = 1; level <= 2; ++level) {
        const double indent = level == 1 ? 0 : 0.6;
        xml.writeStartElement(kStyle, QStringLiteral("style"));
        xml.writeAttribute(kStyle, QStringLiteral("name"), QStringLiteral("Contents_20_%1").arg(level));
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
        xml.writeStartElement(kStyle, QStringLiteral("text-properties"));
        xml.writeAttribute(kStyle, QStringLiteral("font-name"), QStringLiteral("DejaVu Sans"));
        xml.writeAttribute(kFo, QStringLiteral("font-size"), QStringLiteral("9.5pt"));
        if (level == 1)
            xml.writeAttribute(kFo, QStringLiteral("font-weight"), QStringLiteral("bold"));
        xml.writeEndElement();
        xml.writeEndElement();
    }
    // The report's own sizes and colours stay on each heading's automatic style; these give the outline.
    for (int level = 1; level <= 3; ++level) {
        xml.writeStartElement(kStyle, QStringLiteral("style"));
        xml.writeAttribute(kStyle, QStringLiteral("name"), QStringLiteral("Heading_20_%1").arg(level));
        xml.writeAttribute(kStyle, QStringLiteral("display-name"), QStringLiteral("Heading %1").arg(level));
        xml.writeAttribute(kStyle, QStringLiteral("family"), QStringLiteral("paragraph"));
        xml.writeAttribute(kStyle, QStringLiteral("default-outline-level"), QString::number(level));
        xml.writeStartElement(kStyle, QStringLiteral("paragraph-properties"));
        xml.writeAttribute(kFo, QStringLiteral("keep-with-next"), QStringLiteral("always"));
        xml.writeEndElement();
        xml.writeStartElement(kStyle, QStringLiteral("text-properties"));
        xml.writeAttribute(kFo, QStringLiteral("font-weight"), QStringLiteral("bold"));
        xml.writeEndElement();
        xml.writeEndElement();
    }
    xml.writeEndElement();

    const QSizeF paper = QPageSize(facts.pageSize).size(QPageSize::Millimeter);
    xml.writeStartElement(kOffice, QStringLiteral("automatic-styles"));
    xml.writeStartElement(kStyle, QStringLiteral("page-layout"));
    xml.writeAttribute(kStyle, QStringLiteral("name"), QStringLiteral("ReportPage"));
    xml.writeStartElement(kStyle, QStringLiteral("page-layout-properties"));
    xml.writeAttribute(kFo, QStringLiteral("page-width"),
                       QString::number(paper.width() / 10.0, 'f', 2) + "cm");
    xml.writeAttribute(kFo, QStringLiteral("page-height"),
                       QString::number(paper.height() / 10.0, 'f', 2) + "cm");
    xml.writeAttribute(kStyle, QStringLiteral("print-orientation"), QStringLiteral("portrait"));
    for (const char* side : {"margin-top", "margin-bottom", "margin-left", "margin-right"})
        xml.writeAttribute(kFo, QLatin1String(side), QStringLiteral("2cm"));
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
    xml.writeStartElement(kStyle, QStringLiteral("header"));
    xml.writeStartElement(kText, QStringLiteral("p"));
    xml.writeAttribute(kText, QStringLiteral("style-name"), QStringLiteral("Header"));
    xml.writeCharacters(facts.header);
    xml.writeEndElement();
    xml.writeEndElement();
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
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeEndDocument();
    return bytes;
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

// The writer's manifest with the two parts added, or a manifest of every entry when it has none.
QByteArray manifestXml(const ZipEntry* written) {
    const QByteArray entries =
        R"(<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>)"
        R"(<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>)";
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

Result<QByteArray> completeOdfPackage(const QByteArray& package, const DocumentFacts& facts) {
    auto entries = readZip(package);
    if (!entries)
        return fail("the ODF writer's package: " + entries.error().message);
    if (const ZipEntry* content = findEntry(*entries, "content.xml"))
        putEntry(*entries, "content.xml", completedContent(content->bytes, facts));
    putEntry(*entries, "META-INF/manifest.xml", manifestXml(findEntry(*entries, "META-INF/manifest.xml")));
    putEntry(*entries, "styles.xml", stylesXml(facts));
    putEntry(*entries, "meta.xml", metaXml(facts));
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

} // namespace mw
