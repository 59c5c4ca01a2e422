// The editable reports: the same document as the PDF, as an ODT (written through Qt's ODF writer, with the
// parts and fix-ups word processors need) or as a DOCX (written from the document model).
#include "report/docx_parts.hpp"
#include "report/exports.hpp"
#include "report/file_output.hpp"
#include "report/house_style.hpp"
#include "report/odf_package.hpp"
#include "report/report_document_p.hpp"

#include <QBuffer>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextDocumentWriter>
#include <QTextTable>

#include <functional>

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

// The character formats of the blocks `chosen` picks, each block's own and its fragments', changed by
// `change` where it changes them; the ranges are collected first, since changing a format splits
// fragments.
void changeCharFormats(QTextDocument& doc, const std::function<bool(const QTextBlock&)>& chosen,
                       const std::function<QTextCharFormat(QTextCharFormat)>& change) {
    struct Range {
        int start, end;
        QTextCharFormat format;
    };
    std::vector<Range> ranges;
    std::vector<int> blocks;
    for (QTextBlock block = doc.begin(); block.isValid(); block = block.next()) {
        if (!chosen(block))
            continue;
        blocks.push_back(block.position());
        for (auto it = block.begin(); !it.atEnd(); ++it)
            if (QTextCharFormat changed = change(it.fragment().charFormat());
                changed != it.fragment().charFormat())
                ranges.push_back({it.fragment().position(), it.fragment().position() + it.fragment().length(),
                                  std::move(changed)});
    }
    QTextCursor cursor(&doc);
    for (const int position : blocks) {
        cursor.setPosition(position);
        cursor.setBlockCharFormat(change(cursor.blockCharFormat()));
    }
    for (const auto& [start, end, format] : ranges) {
        cursor.setPosition(start);
        cursor.setPosition(end, QTextCursor::KeepAnchor);
        cursor.setCharFormat(format);
    }
}

// Qt 6.4's ODF writer takes the font name from the property Qt 5 used; given only the font families of
// Qt 6, it names the font "Sans", which only fontconfig understands. Text in the report's own font is
// left to the paragraph styles (ours or a house style's); any other font is named by both properties.
void nameFontsForOdf(QTextDocument& doc) {
    const QString ownFamily = documentFont().family();
    changeCharFormats(
        doc, [](const QTextBlock&) { return true; },
        [&](QTextCharFormat format) {
            if (!format.hasProperty(QTextFormat::FontFamilies))
                return format;
            const QStringList families = format.fontFamilies().toStringList();
            if (families.isEmpty() || families.front() == ownFamily) {
                format.clearProperty(QTextFormat::FontFamilies);
                format.clearProperty(QTextFormat::FontFamily);
            } else {
                format.setProperty(QTextFormat::FontFamily, families.front());
            }
            return format;
        });
}

// The paragraphs in table cells get block formats of their own (a property Qt's writer ignores), so that
// their automatic styles can take the "Table Contents" style as parent without touching other text.
void markTableParagraphs(QTextFrame* frame) {
    for (QTextFrame* child : frame->childFrames()) {
        if (auto* table = qobject_cast<QTextTable*>(child)) {
            QTextCursor cursor(table->document());
            for (int row = 0; row < table->rows(); ++row)
                for (int column = 0; column < table->columns(); ++column) {
                    const QTextTableCell cell = table->cellAt(row, column);
                    for (auto it = cell.begin(); !it.atEnd(); ++it)
                        if (const QTextBlock block = it.currentBlock(); block.isValid()) {
                            cursor.setPosition(block.position());
                            QTextBlockFormat format = block.blockFormat();
                            format.setProperty(kTableParagraphProperty, true);
                            cursor.setBlockFormat(format);
                        }
                }
        }
        markTableParagraphs(child);
    }
}

// A heading's look is its paragraph style's (ours or a house style's): the size, colour, weight and
// spacing the report's style sheet gave it are taken off, and Qt's fonts, which it would write as "Sans".
void leaveHeadingsToTheirStyles(QTextDocument& doc) {
    auto isHeading = [](const QTextBlock& block) {
        const int level = block.blockFormat().headingLevel();
        return level >= 1 && level <= 3 && !QTextCursor(block).currentTable();
    };
    changeCharFormats(doc, isHeading, [](QTextCharFormat format) {
        for (const auto property :
             {QTextFormat::FontPointSize, QTextFormat::ForegroundBrush, QTextFormat::FontWeight,
              QTextFormat::FontFamilies, QTextFormat::FontFamily})
            format.clearProperty(property);
        return format;
    });
    QTextCursor cursor(&doc);
    for (QTextBlock block = doc.begin(); block.isValid(); block = block.next())
        if (isHeading(block)) {
            cursor.setPosition(block.position());
            QTextBlockFormat format = cursor.blockFormat();
            format.clearProperty(QTextFormat::BlockTopMargin);
            format.clearProperty(QTextFormat::BlockBottomMargin);
            cursor.setBlockFormat(format);
        }
}

} // namespace

namespace {

// What the editable document says of itself and of its parts beyond the document model.
DocumentFacts completedFacts(const ReportHtml& html, const ReportOptions& options, DocumentFacts facts) {
    facts.pageSize = options.pageSize;
    facts.page = PageLayout::of(options.pageSize);
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

Result<QByteArray> odtPackage(QTextDocument& doc, const DocumentFacts& facts, const HouseStyle& style) {
    // The text width in points: the ODF writer writes fixed lengths as points.
    fixTableWidths(doc.rootFrame(), facts.page.textWidth() / 25.4 * 72);
    leaveHeadingsToTheirStyles(doc);
    nameFontsForOdf(doc);
    markTableParagraphs(doc.rootFrame());
    // The first paragraph gets a format of its own: its style starts the cover's page, without header.
    if (QTextBlock first = doc.begin(); first.isValid() && !QTextCursor(first).currentTable()) {
        QTextCursor cursor(first);
        QTextBlockFormat format = first.blockFormat();
        format.setProperty(kCoverParagraphProperty, true);
        cursor.setBlockFormat(format);
    }
    // The ODF writer closes its device, so it writes to memory and the bytes are then moved into place.
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QTextDocumentWriter writer(&buffer, "ODF");
    if (!writer.write(&doc))
        return fail("cannot write the ODT document");
    return completeOdfPackage(buffer.data(), facts, style);
}

// The house style the options choose for the format, checked, or ours.
Result<HouseStyle> houseStyleFor(ReportFormat format, const ReportOptions& options,
                                 const DocumentFacts& facts, const QString& output) {
    const QString& path = format == ReportFormat::Docx ? options.docxHouseStyle : options.odtHouseStyle;
    if (path.isEmpty())
        return defaultHouseStyle(format, facts);
    auto style = readHouseStyle(path);
    if (!style)
        return fail("house style " + style.error().message);
    if (QFileInfo(path).canonicalFilePath() == QFileInfo(output).canonicalFilePath())
        return fail(output.toStdString() + " is the house style itself; write the report to another file");
    if (style->format != format)
        return fail("house style " + path.toStdString() +
                    (format == ReportFormat::Docx
                         ? ": an ODT, which cannot style a Word report; choose a DOCX or DOTX"
                         : ": a Word document, which cannot style an ODT report; choose an "
                           "ODT or OTT"));
    return style;
}

} // namespace

Result<void> writeEditable(const ReportHtml& html, const ReportOptions& options, const QString& path,
                           DocumentFacts facts, ReportFormat format) {
    facts = completedFacts(html, options, std::move(facts));
    auto style = houseStyleFor(format, options, facts, path);
    if (!style)
        return std::unexpected(style.error());
    facts.page = pageLayoutOf(*style, facts.page);
    const QImage logo = loadLogo(options.branding.logoPath);
    // Word processors number their own pages; the contents lists the sections without numbers.
    auto doc = assemble(html, Target::WordProcessor, logo, nullptr, {}, nullptr);
    if (format == ReportFormat::Docx) {
        facts.contentsPages = pdfHeadingPages(html, options);
        facts.numberingBase = docx::numberingBase(*style);
    }
    auto package = format == ReportFormat::Docx ? docx::package(docx::bodyOf(*doc, facts), facts, *style)
                                                : odtPackage(*doc, facts, *style);
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
    facts.client = QString::fromStdString(data.client.name);
    facts.assessment = QString::fromStdString(data.info.title);
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
    facts.client = QString::fromStdString(after.client.name);
    facts.assessment = QStringLiteral("Progress review: ") + QString::fromStdString(before.info.title) +
                       QStringLiteral(" to ") + QString::fromStdString(after.info.title);
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
