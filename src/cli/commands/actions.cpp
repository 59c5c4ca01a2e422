// The action plan on the command line: list, add, change, and the CSV a client edits in a spreadsheet.
#include "app/actions.hpp"
#include "app/assessments.hpp"
#include "cli/commands/commands.hpp"
#include "cli/text_format.hpp"
#include "cli/text_table.hpp"
#include "core/action_csv.hpp"
#include "core/json_output.hpp"
#include "core/json_text.hpp"
#include "report/file_output.hpp"

namespace mw::cli {

namespace {

QString statusText(const Action& action, const std::string& today) {
    return q(std::string(toString(action.status))) + (isLate(action, today)        ? " (late)"
                                                      : action.continuedInFollowUp ? " (carried on)"
                                                                                   : "");
}

QString describe(const Action& action) {
    return QStringLiteral("#%1 '%2' (%3%4%5)")
        .arg(action.id)
        .arg(q(action.title))
        .arg(q(std::string(toString(action.status))))
        .arg(action.owner.empty() ? QString() : ", " + q(action.owner))
        .arg(action.due.empty() ? QString() : ", due " + q(action.due));
}

std::optional<ActionStatus> statusOption(const CommandContext& context) {
    if (!context.isSet("status"))
        return std::nullopt;
    auto status = actionStatusFromString(s(context.value("status")));
    if (!status)
        throw UsageError{"action: --status '" + context.value("status") + "' is not " +
                         q(std::string(kActionStatuses))};
    return status;
}

// Dates are checked here too, so that a mistyped one is a usage error before anything is opened.
std::optional<std::string> dueOption(const CommandContext& context) {
    if (!context.isSet("due"))
        return std::nullopt;
    const std::string due = s(context.value("due").trimmed());
    if (!due.empty() && !isIsoDate(due))
        throw UsageError{"action: --due '" + q(due) + "' is not a date such as 2026-06-30"};
    return due;
}

int addAction(CommandContext& context) {
    const Id id = context.idArgument(1, "ID");
    context.expectPositionals(2);
    app::NewAction request;
    for (const QString& question : context.values("question"))
        request.questions.push_back(s(question));
    if (request.questions.empty())
        throw UsageError{"action add: --question is required (the gap the action serves)"};
    if (context.isSet("title"))
        request.title = s(context.value("title").trimmed());
    request.owner = s(context.value("owner").trimmed());
    request.due = dueOption(context).value_or("");
    request.status = statusOption(context).value_or(ActionStatus::Planned);
    request.note = s(context.value("note"));
    auto workspace = context.workspace();
    if (!workspace)
        return context.fail(workspace.error());
    auto added = app::addAction(**workspace, id, request);
    if (!added)
        return context.fail(added.error());
    context.out << "Added action " << describe(*added) << " to assessment #" << id << ".\n";
    return ExitOk;
}

int setAction(CommandContext& context) {
    const Id actionId = context.idArgument(1, "ACTION_ID");
    context.expectPositionals(2);
    ActionEdit edit;
    if (context.isSet("title"))
        edit.title = s(context.value("title").trimmed());
    if (context.isSet("owner"))
        edit.owner = s(context.value("owner").trimmed());
    edit.due = dueOption(context);
    edit.status = statusOption(context);
    if (context.isSet("note"))
        edit.note = s(context.value("note"));
    if (!edit.title && !edit.owner && !edit.due && !edit.status && !edit.note)
        throw UsageError{"action set: give at least one of --status, --owner, --due, --note and --title"};
    auto workspace = context.workspace();
    if (!workspace)
        return context.fail(workspace.error());
    auto changed = app::editAction(**workspace, actionId, edit);
    if (!changed)
        return context.fail(changed.error());
    context.out << "Action " << describe(*changed) << ".\n";
    return ExitOk;
}

int removeAction(CommandContext& context) {
    const Id actionId = context.idArgument(1, "ACTION_ID");
    context.expectPositionals(2);
    auto workspace = context.workspace();
    if (!workspace)
        return context.fail(workspace.error());
    auto assessmentId = (*workspace)->store().actionAssessment(actionId);
    if (!assessmentId)
        return context.fail(assessmentId.error());
    if (auto removed = app::removeAction(**workspace, *assessmentId, actionId); !removed)
        return context.fail(removed.error());
    context.out << "Removed action #" << actionId << " from assessment #" << *assessmentId << ".\n";
    return ExitOk;
}

int importActions(CommandContext& context) {
    const Id id = context.idArgument(1, "ID");
    const QString file = context.positional(2, "FILE.csv");
    context.expectPositionals(3);
    // Read before the database is opened: a missing file touches nothing.
    auto text = readTextFile(s(file));
    if (!text)
        return context.fail(text.error());
    auto workspace = context.workspace();
    if (!workspace)
        return context.fail(workspace.error());
    auto changed = app::importActionsCsv(**workspace, id, *text);
    if (!changed)
        return context.fail(file + ": " + q(changed.error().message) + "; nothing was changed");
    context.out << "Read " << file << ": " << changed->size() << " action"
                << (changed->size() == 1 ? "" : "s") << " of assessment #" << id << " changed.\n";
    for (const auto& action : *changed)
        context.out << "  " << describe(action) << '\n';
    return ExitOk;
}

} // namespace

int actionsCommand(CommandContext& context) {
    const Id id = context.idArgument(0, "ID");
    context.expectPositionals(1);
    if (context.isSet("out"))
        context.outputFormat({"csv"});
    auto workspace = context.workspace();
    if (!workspace)
        return context.fail(workspace.error());
    auto plan = app::actionPlan(**workspace, id);
    if (!plan)
        return context.fail(plan.error());
    if (context.isSet("out")) {
        const QString path = context.value("out");
        auto written =
            writeFileAtomically(path, QByteArray::fromStdString(actionsCsv(plan->actions, plan->today)));
        if (!written)
            return context.fail(written.error());
        context.out << "Wrote " << path << " (" << plan->actions.size() << " actions of assessment #" << id
                    << "). Edit owners, dates, statuses and notes, then read it back with 'maturity action "
                       "import "
                    << id << " " << path << "'.\n";
        return ExitOk;
    }
    auto info = (*workspace)->store().assessmentInfo(id);
    if (!info)
        return context.fail(info.error());
    if (context.isSet("json")) {
        context.out
            << q(actionsJson(*info, plan->actions, plan->gaps, plan->gapsWithoutAction, plan->today).dump(2))
            << '\n';
        return ExitOk;
    }
    context.out << heading(*info) << '\n';
    if (plan->actions.empty()) {
        context.out << "No actions yet. Turn a gap into one with 'maturity action add " << id
                    << " --question Q --owner NAME --due DATE'.\n";
    } else {
        TextTable table({"Id", "Horizon", "Status", "Due", "Owner", "Questions", "Title"}, {0});
        for (const auto& a : plan->actions) {
            const Gap* gap = mostUrgentGap(a, plan->gaps);
            table.addRow({QString::number(a.id), gap ? q(std::string(toString(gap->horizon))) : "-",
                          statusText(a, plan->today), a.due.empty() ? "-" : q(a.due),
                          a.owner.empty() ? "-" : q(a.owner), q(a.questionIds.empty() ? "" : [&] {
                              std::string joined;
                              for (const auto& question : a.questionIds)
                                  joined += (joined.empty() ? "" : " ") + question;
                              return joined;
                          }()),
                          q(a.title)});
        }
        table.print(context.out);
    }
    if (!plan->gapsWithoutAction.empty()) {
        context.out << plan->gapsWithoutAction.size() << " gap"
                    << (plan->gapsWithoutAction.size() == 1 ? "" : "s") << " without an action:";
        for (const auto& gap : plan->gapsWithoutAction)
            context.out << ' ' << q(gap.questionId);
        context.out << '\n';
    }
    return ExitOk;
}

int actionCommand(CommandContext& context) {
    const QString verb = context.positional(0, "add|set|remove|import");
    if (verb == "add")
        return addAction(context);
    if (verb == "set")
        return setAction(context);
    if (verb == "remove")
        return removeAction(context);
    if (verb == "import")
        return importActions(context);
    throw UsageError{"action: '" + verb + "' is not one of add, set, remove and import"};
}

} // namespace mw::cli
