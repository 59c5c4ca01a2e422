#include "storage/demo.hpp"
#include "cli/commands/commands.hpp"
#include "platform/qt_text.hpp"

namespace mw::cli {

int demoCommand(CommandContext& context) {
    context.expectPositionals(0);
    int portfolio = 0;
    if (context.isSet("clients")) {
        bool ok = false;
        portfolio = context.value("clients").toInt(&ok);
        if (!ok || portfolio < 1 || portfolio > 100000)
            throw UsageError{"demo: --clients takes a whole number from 1 to 100000"};
    }
    auto workspace = context.workspace(true);
    if (!workspace)
        return context.fail(workspace.error());
    Store& store = (*workspace)->store();
    auto outcome = createDemo(store, context.models());
    if (!outcome)
        return context.fail(outcome.error());
    QTextStream& out = context.out;
    if (outcome->alreadyPresent)
        out << "The demo client '" << q(outcome->clientName) << "' is already in " << q(store.path().string())
            << ": baseline #" << outcome->baselineId << ", follow-up #" << outcome->followUpId << ".\n";
    else
        out << "Created the demo client '" << q(outcome->clientName) << "' in " << q(store.path().string())
            << ": baseline #" << outcome->baselineId << " and its follow-up #" << outcome->followUpId
            << ".\n";
    if (portfolio > 0) {
        auto model = context.models().find(ModelRegistry::defaultModelId);
        if (!model)
            return context.fail(model.error());
        auto created = createPortfolio(store, *model, portfolio);
        if (!created)
            return context.fail(created.error());
        out << "Added " << *created << " synthetic assessments for " << portfolio << " clients.\n";
    }
    out << "Next: maturity score " << outcome->followUpId << "   maturity compare " << outcome->baselineId
        << ' ' << outcome->followUpId << '\n';
    return ExitOk;
}

} // namespace mw::cli
