// The team hub on the command line: make one, sync with it, and look at what both sides changed.
#include "hub/hub.hpp"
#include "app/sync.hpp"
#include "cli/commands/commands.hpp"
#include "cli/text_table.hpp"
#include "platform/qt_text.hpp"

namespace mw::cli {

namespace {

QString shownValue(const nlohmann::json& value) {
    if (value.is_null())
        return "(none)";
    if (value.is_string())
        return q(value.get<std::string>());
    return q(value.dump());
}

QString shortOrigin(const std::string& origin) {
    return q(origin.substr(0, 8));
}

nlohmann::json conflictJson(const SyncConflict& c) {
    return {{"id", c.id},
            {"kind", c.kind},
            {"key", c.key},
            {"field", c.field},
            {"record", c.description},
            {"kept", {{"value", c.keptValue}, {"origin", c.keptOrigin}, {"clock", c.keptHlc}}},
            {"lost", {{"value", c.lostValue}, {"origin", c.lostOrigin}, {"clock", c.lostHlc}}},
            {"detectedAt", c.detectedAt},
            {"resolvedAt", c.resolvedAt.empty() ? nlohmann::json() : nlohmann::json(c.resolvedAt)}};
}

} // namespace

int hubCommand(CommandContext& context) {
    const QString action = context.positional(0, "init");
    if (action != "init")
        throw UsageError{"hub: '" + action + "' is not an action; use 'hub init ADDRESS'"};
    const QString address = context.positional(1, "ADDRESS");
    context.expectPositionals(2);
    auto made = app::initHub(s(address));
    if (!made)
        return context.fail(made.error());
    if (made->fromVersion == 0)
        context.out << "Made " << q(hub::redactedAddress(s(address))) << " a Maturity Workbench hub (hub "
                    << q(made->hubId) << ").\n";
    else
        context.out << "The hub at " << q(hub::redactedAddress(s(address))) << " is up to date (hub "
                    << q(made->hubId) << ").\n";
    context.out << "Next, on each laptop: maturity sync --hub ADDRESS\n";
    return ExitOk;
}

int syncCommand(CommandContext& context) {
    context.expectPositionals(0);
    std::optional<std::string> address;
    if (context.isSet("hub")) {
        if (context.value("hub").trimmed().isEmpty())
            throw UsageError{"sync: --hub needs the hub's address"};
        address = s(context.value("hub"));
    }
    // A laptop joining the team starts from an empty database: the hub fills it.
    auto workspace = context.workspace(true);
    if (!workspace)
        return context.fail(workspace.error());
    auto synced = app::syncWithHub(**workspace, address);
    if (!synced)
        return context.fail(synced.error());
    context.out << "Synced with " << q(synced->hubAddress) << ": sent " << synced->sent << ", received "
                << synced->received << " (" << synced->applied << " applied).\n";
    if (synced->conflicts > 0)
        context.out << synced->conflicts << (synced->conflicts == 1 ? " field was" : " fields were")
                    << " changed on both sides; the later change was kept, the other is in "
                       "'maturity conflicts'.\n";
    return ExitOk;
}

int conflictsCommand(CommandContext& context) {
    context.expectPositionals(0);
    auto workspace = context.workspace();
    if (!workspace)
        return context.fail(workspace.error());
    auto conflicts = app::conflicts(**workspace, context.isSet("all"));
    if (!conflicts)
        return context.fail(conflicts.error());
    if (context.isSet("json")) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& c : *conflicts)
            out.push_back(conflictJson(c));
        context.out << q(out.dump(2)) << '\n';
        return ExitOk;
    }
    if (conflicts->empty()) {
        context.out << "No conflicts: nothing was changed on two laptops at once.\n";
        return ExitOk;
    }
    TextTable table({"Id", "Record", "Field", "Kept", "From", "Lost", "From", "Found"}, {0});
    for (const auto& c : *conflicts)
        table.addRow({QString::number(c.id), q(c.description), c.field.empty() ? "(deleted)" : q(c.field),
                      c.field.empty() && c.keptValue.is_null() ? "(deleted)" : shownValue(c.keptValue),
                      shortOrigin(c.keptOrigin), shownValue(c.lostValue), shortOrigin(c.lostOrigin),
                      q(c.detectedAt.substr(0, 16)) + (c.resolvedAt.empty() ? "" : " (resolved)")});
    table.print(context.out);
    context.out
        << "Keep what was kept: maturity resolve ID; take the lost value instead: maturity resolve ID "
           "--restore\n";
    return ExitOk;
}

int resolveCommand(CommandContext& context) {
    const Id id = context.idArgument(0, "ID");
    context.expectPositionals(1);
    auto workspace = context.workspace();
    if (!workspace)
        return context.fail(workspace.error());
    auto resolved = app::resolveConflict(**workspace, id, context.isSet("restore"));
    if (!resolved)
        return context.fail(resolved.error());
    if (context.isSet("restore"))
        context.out << "Conflict " << id << " resolved: " << q(resolved->description) << " takes "
                    << shownValue(resolved->lostValue)
                    << " again; it goes to the others with the next sync.\n";
    else
        context.out << "Conflict " << id << " resolved: " << q(resolved->description) << " keeps "
                    << shownValue(resolved->keptValue) << ".\n";
    return ExitOk;
}

} // namespace mw::cli
