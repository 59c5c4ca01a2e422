#include "report/odf_package.hpp"
#include "report/odf_names.hpp"

#include <QSizeF>
#include <QXmlStreamWriter>

#include <zip.h>

#include <cstdlib>
#include <cstring>
#include <memory>

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

QByteArray stylesXml(const OdfFacts& facts) {
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

QByteArray metaXml(const OdfFacts& facts) {
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
QByteArray manifestXml(zip_t* archive) {
    const QByteArray entries =
        R"(<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>)"
        R"(<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>)";
    zip_stat_t stat;
    if (zip_stat(archive, "META-INF/manifest.xml", 0, &stat) == 0 && (stat.valid & ZIP_STAT_SIZE)) {
        QByteArray manifest(static_cast<qsizetype>(stat.size), Qt::Uninitialized);
        if (zip_file_t* file = zip_fopen(archive, "META-INF/manifest.xml", 0)) {
            const zip_int64_t read = zip_fread(file, manifest.data(), stat.size);
            zip_fclose(file);
            const qsizetype end = manifest.lastIndexOf("</manifest:manifest>");
            if (read == static_cast<zip_int64_t>(stat.size) && end >= 0 && !manifest.contains("styles.xml"))
                return manifest.insert(end, entries);
        }
    }
    return R"(<?xml version="1.0" encoding="UTF-8"?>)"
           R"(<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">)"
           R"(<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>)"
           R"(<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>)" +
           entries + "</manifest:manifest>";
}

struct SourceFree {
    void operator()(zip_source_t* source) const { zip_source_free(source); }
};

} // namespace

Result<QByteArray> completeOdfPackage(const QByteArray& package, const OdfFacts& facts) {
    zip_error_t error;
    zip_error_init(&error);
    // A copy the source owns: writing the archive back replaces (and frees) the source's buffer.
    void* copy = std::malloc(static_cast<std::size_t>(package.size()));
    if (!copy)
        return fail("no memory for the ODT package");
    std::memcpy(copy, package.constData(), static_cast<std::size_t>(package.size()));
    std::unique_ptr<zip_source_t, SourceFree> source(
        zip_source_buffer_create(copy, static_cast<zip_uint64_t>(package.size()), 1, &error));
    if (!source) {
        std::free(copy);
        return fail("cannot read the ODT package in memory");
    }
    zip_source_keep(source.get()); // the archive's close writes the result back into it
    zip_t* archive = zip_open_from_source(source.get(), 0, &error);
    if (!archive) {
        zip_source_free(source.get());
        return fail("the ODF writer's package is not a readable zip");
    }
    const QByteArray styles = stylesXml(facts), meta = metaXml(facts);
    QByteArray content;
    if (zip_stat_t stat; zip_stat(archive, "content.xml", 0, &stat) == 0 && (stat.valid & ZIP_STAT_SIZE)) {
        content.resize(static_cast<qsizetype>(stat.size));
        zip_file_t* file = zip_fopen(archive, "content.xml", 0);
        const zip_int64_t read = file ? zip_fread(file, content.data(), stat.size) : -1;
        if (file)
            zip_fclose(file);
        if (read != static_cast<zip_int64_t>(stat.size)) {
            zip_discard(archive);
            return fail("cannot read the ODF writer's content.xml");
        }
        content = completedContent(content, facts);
    }
    auto put = [&](const char* name, const QByteArray& bytes) {
        zip_source_t* data =
            zip_source_buffer(archive, bytes.constData(), static_cast<zip_uint64_t>(bytes.size()), 0);
        return data && zip_file_add(archive, name, data, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8) >= 0;
    };
    bool added = put("styles.xml", styles) && put("meta.xml", meta) &&
                 (content.isEmpty() || put("content.xml", content));
    const QByteArray manifest = manifestXml(archive);
    added = added && put("META-INF/manifest.xml", manifest);
    if (!added || zip_close(archive) != 0) {
        zip_discard(archive);
        return fail("cannot complete the ODT package");
    }
    zip_stat_t stat;
    if (zip_source_stat(source.get(), &stat) != 0 || zip_source_open(source.get()) != 0)
        return fail("cannot read the completed ODT package");
    QByteArray result(static_cast<qsizetype>(stat.size), Qt::Uninitialized);
    const zip_int64_t read = zip_source_read(source.get(), result.data(), stat.size);
    zip_source_close(source.get());
    if (read != static_cast<zip_int64_t>(stat.size))
        return fail("cannot read the completed ODT package");
    return result;
}

} // namespace mw
