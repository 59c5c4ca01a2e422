#include "app/documents.hpp"
#include "app/evidence.hpp"
#include "cli/commands/commands.hpp"
#include "platform/settings.hpp"
#include "report/exports.hpp"

namespace mw::cli {

int reportCommand(CommandContext& context) {
    const Id id = context.idArgument(0, "ID");
    context.expectPositionals(1);
    const QString suffix = context.outputFormat({"pdf", "odt", "docx"});
    const QString outPath = context.value("out");
    // outputFormat() has refused every other suffix.
    const ReportFormat format =
        reportFormatOf(QStringLiteral("report.") + suffix).value_or(ReportFormat::Pdf);
    ReportOptions options;
    options.pageSize = context.pageSize();
    // The house style: --template, else the one the settings name for the format.
    const SavedHouseStyles saved = savedHouseStyles();
    options.docxHouseStyle = saved.docx;
    options.odtHouseStyle = saved.odt;
    if (context.isSet("template")) {
        if (format == ReportFormat::Pdf)
            throw UsageError{
                "report: --template styles a .docx or .odt report; a PDF keeps the report's own look"};
        const QString path = context.value("template");
        auto style = readHouseStyle(path);
        if (!style)
            return context.fail(QStringLiteral("house style ") +
                                QString::fromStdString(style.error().message));
        if (style->format != format)
            throw UsageError{
                QStringLiteral("report: %1 is %2; a .%3 report takes %4")
                    .arg(path, style->format == ReportFormat::Docx ? "a Word document" : "an ODT", suffix,
                         format == ReportFormat::Docx ? "a .docx or .dotx house style"
                                                      : "an .odt or .ott house style")};
        (format == ReportFormat::Docx ? options.docxHouseStyle : options.odtHouseStyle) = path;
    }
    const auto baseId = context.idOption("compare", "report: --compare takes an assessment id");
    auto workspace = context.workspace();
    if (!workspace)
        return context.fail(workspace.error());
    auto data = app::reportData(**workspace, id);
    if (!data)
        return context.fail(data.error());
    const SavedBranding branding = savedBranding();
    options.branding = {branding.consultancy, branding.logoPath};
    if (context.isSet("embed-images"))
        options.evidenceImages = [&workspace](const Evidence& evidence) -> std::optional<std::string> {
            auto content = app::readEvidenceContent(**workspace, evidence, kDecodableImageLimit);
            return content ? std::optional(std::move(*content)) : std::nullopt;
        };
    Result<void> written;
    if (baseId) {
        auto base = app::reportData(**workspace, *baseId);
        if (!base)
            return context.fail(base.error());
        written = writeComparison(*base, *data, options, outPath, format);
    } else {
        written = writeReport(*data, options, outPath, format);
    }
    if (!written)
        return context.fail(written.error());
    context.out << "Wrote " << outPath << ".\n";
    return ExitOk;
}

int templateCommand(CommandContext& context) {
    context.expectPositionals(0);
    const QString suffix = context.outputFormat({"docx", "odt"});
    const QString outPath = context.value("out");
    if (auto written = writeDefaultHouseStyle(suffix == u"docx" ? ReportFormat::Docx : ReportFormat::Odt,
                                              context.pageSize(), outPath);
        !written)
        return context.fail(written.error());
    context.out << "Wrote " << outPath
                << ": change its styles, page, header and footer, then use it with 'maturity report ID --out "
                   "FILE."
                << suffix << " --template " << outPath << "' or under Settings.\n";
    return ExitOk;
}

} // namespace mw::cli
