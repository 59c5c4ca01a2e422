// Changing an assessment's details: its status, title, date and assessor.
#include "app/assessments.hpp"
#include "cli/commands/commands.hpp"
#include "platform/qt_text.hpp"

namespace mw::cli {

int statusCommand(CommandContext& context) {
    const Id id = context.idArgument(0, "ID");
    const QString text = context.positional(1, "draft|final");
    context.expectPositionals(2);
    auto status = statusFromString(s(text));
    if (!status)
        throw UsageError{"status: '" + text + "' is neither draft nor final"};
    auto workspace = context.workspace();
    if (!workspace)
        return context.fail(workspace.error());
    app::DetailsEdit edit;
    edit.status = *status;
    if (auto updated = app::updateDetails(**workspace, id, edit); !updated)
        return context.fail(updated.error());
    context.out << "Assessment #" << id << " is now " << text << ".\n";
    return ExitOk;
}

int editCommand(CommandContext& context) {
    const Id id = context.idArgument(0, "ID");
    context.expectPositionals(1);
    app::DetailsEdit edit;
    if (context.isSet("title"))
        edit.title = s(context.value("title").trimmed());
    if (context.isSet("date"))
        edit.date = s(context.value("date"));
    if (context.isSet("assessor"))
        edit.assessor = s(context.value("assessor").trimmed());
    if (!edit.title && !edit.date && !edit.assessor)
        throw UsageError{"edit: give at least one of --title, --date and --assessor"};
    auto workspace = context.workspace();
    if (!workspace)
        return context.fail(workspace.error());
    auto updated = app::updateDetails(**workspace, id, edit);
    if (!updated)
        return context.fail(updated.error());
    context.out << "Assessment #" << id << ": '" << q(updated->title) << "', " << q(updated->date)
                << ", assessor "
                << (updated->assessor.empty() ? QStringLiteral("(none)") : q(updated->assessor)) << ".\n";
    return ExitOk;
}

} // namespace mw::cli
