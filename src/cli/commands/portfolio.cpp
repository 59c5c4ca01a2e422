#include "app/assessments.hpp"
#include "cli/commands/commands.hpp"
#include "cli/text_table.hpp"
#include "platform/qt_text.hpp"

#include <map>

namespace mw::cli {

int clientsCommand(CommandContext& context) {
    context.expectPositionals(0);
    auto workspace = context.workspace();
    if (!workspace)
        return context.fail(workspace.error());
    auto clients = app::listClients(**workspace);
    auto assessments = app::listAssessments(**workspace);
    if (!clients)
        return context.fail(clients.error());
    if (!assessments)
        return context.fail(assessments.error());
    std::map<Id, int> counts;
    for (const auto& a : *assessments)
        ++counts[a.clientId];
    TextTable table({"Id", "Client", "Sector", "Assessments"}, {0, 3});
    for (const auto& c : *clients)
        table.addRow({QString::number(c.id), q(c.name), q(c.sector), QString::number(counts[c.id])});
    table.print(context.out);
    return ExitOk;
}

int listCommand(CommandContext& context) {
    context.expectPositionals(0);
    auto workspace = context.workspace();
    if (!workspace)
        return context.fail(workspace.error());
    auto assessments = app::listAssessments(**workspace);
    if (!assessments)
        return context.fail(assessments.error());
    if (assessments->empty()) {
        context.out
            << "No assessments yet. Try 'maturity demo' or 'maturity new --client NAME --title TITLE'.\n";
        return ExitOk;
    }
    TextTable table({"Id", "Client", "Title", "Date", "Model", "Status", "Done", "Baseline"}, {0, 6});
    for (const auto& a : *assessments)
        table.addRow({QString::number(a.id), q(a.clientName), q(a.title), q(a.date),
                      q(a.modelId + " " + a.modelVersion), q(std::string(toString(a.status))),
                      QString::number(qRound(a.completeness())) + "%",
                      a.baselineId ? "#" + QString::number(*a.baselineId) : QString()});
    table.print(context.out);
    return ExitOk;
}

} // namespace mw::cli
