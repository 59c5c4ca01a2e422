#include "app/assessments.hpp"
#include "cli/commands/commands.hpp"
#include "platform/qt_text.hpp"

namespace mw::cli {

int newCommand(CommandContext& context) {
    context.expectPositionals(0);
    const QString client = context.value("client").trimmed();
    const QString title = context.value("title").trimmed();
    if (client.isEmpty())
        throw UsageError{"new: --client is required"};
    if (title.isEmpty())
        throw UsageError{"new: --title is required"};
    const auto baseline = context.idOption("baseline", "new: --baseline takes an assessment id");
    if (context.isSet("copy-answers") && !baseline)
        throw UsageError{"new: --copy-answers needs --baseline"};
    const std::string date = context.isSet("date") ? s(context.value("date")) : todayIsoDate();
    if (!isIsoDate(date))
        return context.fail("new: --date '" + q(date) + "' is not a date such as 2025-03-31");
    context.models(); // warn about skipped model files before the model is looked up
    auto workspace = context.workspace(true);
    if (!workspace)
        return context.fail(workspace.error());
    app::StartRequest request{s(client),
                              {},
                              s(title),
                              date,
                              s(context.value("assessor")),
                              s(context.value("model")),
                              baseline,
                              context.isSet("copy-answers")};
    auto started = baseline && request.copyBaselineAnswers
                       ? app::startFollowUp(**workspace, *baseline, request)
                       : app::startAssessment(**workspace, request);
    if (!started)
        return context.fail(started.error());
    context.out << "Created assessment #" << started->id << " '" << title << "' for " << client << " ("
                << q(started->model.id) << ' ' << q(started->model.version) << ", "
                << started->model.questionCount() << " questions)";
    if (started->client.created)
        context.out << "; new client #" << started->client.client.id;
    context.out << ".\n";
    return ExitOk;
}

} // namespace mw::cli
