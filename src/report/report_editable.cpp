// The editable reports: the same document as the PDF, as an ODT (written through Qt's ODF writer, with the
// parts and fix-ups word processors need) or as a DOCX (written from the document model).
#include "report/docx_parts.hpp"
#include "report/exports.hpp"
#include "report/file_output.hpp"
#include "report/report_document_p.hpp"

#include <QBuffer>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextDocumentWriter>
#include <QTextTable>

namespace mw {

namespace {

// Word processors ignore percentage table widths in Qt's ODF output and squeeze every table into a narrow
// block. Give each table and its columns fixed widths across the text area instead.
void fixTableWidths(QTextFrame* frame, double textWidth) {
    for (QTextFrame* child : frame->childFrames()) {
        if (auto* table = qobject_cast<QTextTable*>(child)) {
            QTextTableFormat format = table->format();
            const auto constraints = format.columnWidthConstraints();
            QList<QTextLength> fixed;
            for (int c = 0; c < table->columns(); ++c) {
                const double share =
                    c < constraints.size() && constraints[c].type() == QTextLength::PercentageLength
                        ? constraints[c].rawValue() / 100.0
                        : 1.0 / table->columns();
                fixed << QTextLength(QTextLength::FixedLength, textWidth * share);
            }
            format.setColumnWidthConstraints(fixed);
            format.setWidth(QTextLength(QTextLength::FixedLength, textWidth));
            table->setFormat(format);
        }
        fixTableWidths(child, textWidth);
    }
}

// Qt 6.4's ODF writer takes the font name from the property Qt 5 used; given only the font families of Qt 6,
// it names every font "Sans", which only fontconfig understands: a word processor on Windows or macOS would
// substitute its own font. Both properties name the family.
void setFontFamily(QTextCharFormat& format, const QString& family) {
    format.setFontFamilies(QStringList{family});
    format.setProperty(QTextFormat::FontFamily, family);
}

// The ODF writer leaves out the document's default font, and word processors then use their own, often a
// 12 pt serif, which breaks words in narrow table columns. Give every piece of text without a font or size
// of its own the report's.
void writeDefaultFontIntoText(QTextDocument& doc, const QFont& font) {
    struct Range {
        int start, end;
        QTextCharFormat missing;
    };
    std::vector<Range> ranges;
    for (QTextBlock block = doc.begin(); block.isValid(); block = block.next())
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            QTextCharFormat missing;
            if (!fragment.charFormat().hasProperty(QTextFormat::FontPointSize))
                missing.setFontPointSize(font.pointSizeF());
            if (!fragment.charFormat().hasProperty(QTextFormat::FontFamilies))
                setFontFamily(missing, font.family());
            if (!missing.properties().isEmpty())
                ranges.push_back({fragment.position(), fragment.position() + fragment.length(), missing});
        }
    QTextCursor cursor(&doc); // merging splits fragments, so the ranges are collected first
    // Blocks too: an empty paragraph and a list number take their font from the block.
    QTextCharFormat blockDefault;
    blockDefault.setFontPointSize(font.pointSizeF());
    setFontFamily(blockDefault, font.family());
    for (QTextBlock block = doc.begin(); block.isValid(); block = block.next())
        if (!block.charFormat().hasProperty(QTextFormat::FontFamilies)) {
            cursor.setPosition(block.position());
            cursor.mergeBlockCharFormat(blockDefault);
        }
    for (const auto& [start, end, missing] : ranges) {
        cursor.setPosition(start);
        cursor.setPosition(end, QTextCursor::KeepAnchor);
        cursor.mergeCharFormat(missing);
    }
}

} // namespace

namespace {

// What the editable document says of itself and of its parts beyond the document model.
DocumentFacts completedFacts(const ReportHtml& html, const ReportOptions& options, DocumentFacts facts) {
    facts.pageSize = options.pageSize;
    facts.company = options.branding.consultancy;
    // The contents' own heading comes first (assemble() writes it before the body).
    facts.headings = html.headings;
    facts.headings.insert(facts.headings.begin(), {1, QStringLiteral("Contents")});
    facts.keptWithNext = html.keptWithNext;
    // The tables in the order the document holds them (assemble() puts the contents after the cover), as
    // Qt writes them: those with rows.
    const QString order = html.cover + tableMarker(html.tables.size()) + html.body;
    static const QRegularExpression marker(QStringLiteral("@@MW-TABLE-(\\d+)@@"));
    for (auto it = marker.globalMatch(order); it.hasNext();) {
        const auto index = static_cast<std::size_t>(it.next().captured(1).toULongLong());
        if (index == html.tables.size()) {
            facts.gridTables.push_back(false); // the contents, which becomes an index
            continue;
        }
        if (index < html.tables.size() && !html.tables[index].rows.empty())
            facts.gridTables.push_back(html.tables[index].style == ReportTable::Style::Grid &&
                                       !html.tables[index].headers.isEmpty());
    }
    if (!options.branding.consultancy.isEmpty())
        facts.header += QStringLiteral("  \u00b7  ") + options.branding.consultancy;
    return facts;
}

Result<QByteArray> odtPackage(QTextDocument& doc, const DocumentFacts& facts) {
    // The text width with 2 cm margins, in points: the ODF writer writes fixed lengths as points.
    fixTableWidths(doc.rootFrame(),
                   (QPageSize(facts.pageSize).size(QPageSize::Millimeter).width() - 40) / 25.4 * 72);
    writeDefaultFontIntoText(doc, documentFont());
    // The ODF writer closes its device, so it writes to memory and the bytes are then moved into place.
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QTextDocumentWriter writer(&buffer, "ODF");
    if (!writer.write(&doc))
        return fail("cannot write the ODT document");
    return completeOdfPackage(buffer.data(), facts);
}

} // namespace

Result<void> writeEditable(const ReportHtml& html, const ReportOptions& options, const QString& path,
                           DocumentFacts facts, ReportFormat format) {
    const QImage logo = loadLogo(options.branding.logoPath);
    // Word processors number their own pages; the contents lists the sections without numbers.
    auto doc = assemble(html, Target::WordProcessor, logo, nullptr, {}, nullptr);
    facts = completedFacts(html, options, std::move(facts));
    if (format == ReportFormat::Docx)
        facts.contentsPages = pdfHeadingPages(html, options);
    auto package = format == ReportFormat::Docx ? docx::package(docx::bodyOf(*doc, facts), facts)
                                                : odtPackage(*doc, facts);
    if (!package)
        return fail(path.toStdString() + ": " + package.error().message);
    return writeFileAtomically(path, *package);
}

namespace {

DocumentFacts reportFacts(const ReportData& data) {
    DocumentFacts facts;
    facts.title = QString::fromStdString(data.client.name + " - " + data.info.title);
    facts.subject = QStringLiteral("IT/OT convergence maturity assessment");
    facts.author = QString::fromStdString(data.info.assessor);
    facts.date = QString::fromStdString(data.info.date);
    facts.header = facts.title;
    return facts;
}

DocumentFacts comparisonFacts(const ReportData& before, const ReportData& after) {
    DocumentFacts facts;
    facts.title = QString::fromStdString(after.client.name + " - progress review");
    facts.subject =
        QString::fromStdString("IT/OT convergence maturity: " + before.info.date + " to " + after.info.date);
    facts.author = QString::fromStdString(after.info.assessor);
    facts.date = QString::fromStdString(after.info.date);
    facts.header = facts.title;
    return facts;
}

} // namespace

std::optional<ReportFormat> reportFormatOf(const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == u"pdf")
        return ReportFormat::Pdf;
    if (suffix == u"odt")
        return ReportFormat::Odt;
    if (suffix == u"docx")
        return ReportFormat::Docx;
    return std::nullopt;
}

Result<void> writeReport(const ReportData& data, const ReportOptions& options, const QString& path,
                         ReportFormat format) {
    if (format == ReportFormat::Pdf)
        return writeReportPdf(data, options, path);
    const bool hasLogo = !loadLogo(options.branding.logoPath).isNull();
    return writeEditable(reportHtml(data, options, hasLogo), options, path, reportFacts(data), format);
}

Result<void> writeComparison(const ReportData& before, const ReportData& after, const ReportOptions& options,
                             const QString& path, ReportFormat format) {
    if (format == ReportFormat::Pdf)
        return writeComparisonPdf(before, after, options, path);
    const bool hasLogo = !loadLogo(options.branding.logoPath).isNull();
    return writeEditable(comparisonHtml(before, after, options, hasLogo), options, path,
                         comparisonFacts(before, after), format);
}

Result<void> writeReportOdt(const ReportData& data, const ReportOptions& options, const QString& path) {
    return writeReport(data, options, path, ReportFormat::Odt);
}

Result<void> writeComparisonOdt(const ReportData& before, const ReportData& after,
                                const ReportOptions& options, const QString& path) {
    return writeComparison(before, after, options, path, ReportFormat::Odt);
}

Result<void> writeReportDocx(const ReportData& data, const ReportOptions& options, const QString& path) {
    return writeReport(data, options, path, ReportFormat::Docx);
}

Result<void> writeComparisonDocx(const ReportData& before, const ReportData& after,
                                 const ReportOptions& options, const QString& path) {
    return writeComparison(before, after, options, path, ReportFormat::Docx);
}

} // namespace mw
