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

} // namespace mw::cli
