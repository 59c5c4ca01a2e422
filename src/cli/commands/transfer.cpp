#include "app/documents.hpp"
#include "cli/commands/commands.hpp"
#include "platform/qt_text.hpp"
#include "report/exports.hpp"
#include "report/file_output.hpp"

namespace mw::cli {

int exportCommand(CommandContext& context) {
    const Id id = context.idArgument(0, "ID");
    context.expectPositionals(1);
    const QString suffix = context.outputFormat({"json", "csv", "xlsx"});
    const QString outPath = context.value("out");
    auto workspace = context.workspace();
    if (!workspace)
        return context.fail(workspace.error());
    auto bundle = app::exportBundle(**workspace, id);
    if (!bundle)
        return context.fail(bundle.error());
    Result<void> written;
    if (suffix == "json")
        written = writeBundleFile(*bundle, outPath);
    else if (suffix == "csv")
        written = writeAnswersCsvFile(*bundle, outPath);
    else
        written = writeXlsx(ReportData::fromBundle(*bundle), outPath);
    if (!written)
        return context.fail(written.error());
    context.out << "Wrote " << outPath << " (assessment #" << id << ", " << bundle->answers.size()
                << " answers).\n";
    return ExitOk;
}

int importCommand(CommandContext& context) {
    const QString file = context.positional(0, "FILE");
    context.expectPositionals(1);
    // The bundle is read and checked before the database is opened: a bad file touches nothing.
    auto bundle = app::readBundleFile(s(file));
    if (!bundle)
        return context.fail(bundle.error());
    auto workspace = context.workspace();
    if (!workspace)
        return context.fail(workspace.error());
    auto outcome = app::importBundle(**workspace, *bundle);
    if (!outcome)
        return context.fail(outcome.error());
    QTextStream& out = context.out;
    if (outcome->alreadyPresent) {
        out << file << " was imported before, as assessment #" << outcome->assessmentId
            << "; nothing changed.\n";
        return ExitOk;
    }
    out << "Imported '" << q(bundle->assessment.title) << "' for " << q(bundle->client.name)
        << " as assessment #" << outcome->assessmentId << " (" << outcome->answers << " answers"
        << (outcome->createdClient ? ", new client" : ", existing client");
    if (outcome->linkedBaseline)
        out << ", baseline #" << *outcome->linkedBaseline;
    out << ").\n";
    return ExitOk;
}

} // namespace mw::cli
