// Workshop mode on the command line: the roster, each group's scores and where the room disagrees.
#include "app/workshop.hpp"
#include "app/assessments.hpp"
#include "cli/commands/commands.hpp"
#include "cli/text_format.hpp"
#include "cli/text_table.hpp"
#include "core/json_output.hpp"
#include "core/voices.hpp"

#include <algorithm>

namespace mw::cli {

int participantsCommand(CommandContext& context) {
    const Id id = context.idArgument(0, "ID");
    context.expectPositionals(1);
    auto state = context.loadAssessment(id);
    if (!state)
        return context.fail(state.error());
    if (context.isSet("json")) {
        context.out << q(participantsJson(state->info, state->participants, state->answers).dump(2)) << '\n';
        return ExitOk;
    }
    context.out << heading(state->info) << '\n';
    TextTable table({"Id", "Name", "Group", "Role", "Answered"}, {0, 4});
    for (const auto& p : state->participants)
        table.addRow(
            {QString::number(p.id), q(p.name) + (p.isDefault ? " (consensus)" : ""), q(p.group), q(p.role),
             QStringLiteral("%1/%2").arg(answeredBy(p.id, state->answers)).arg(state->info.questionCount)});
    table.print(context.out);
    return ExitOk;
}

int participantCommand(CommandContext& context) {
    const QString action = context.positional(0, "add");
    if (action != "add")
        throw UsageError{"participant: '" + action +
                         "' is not an action; use 'participant add ID --name N --group G'"};
    const Id id = context.idArgument(1, "ID");
    context.expectPositionals(2);
    if (context.value("name").trimmed().isEmpty())
        throw UsageError{"participant add: --name is required"};
    if (context.value("group").trimmed().isEmpty())
        throw UsageError{"participant add: --group is required (IT, OT, Business or any other)"};
    auto workspace = context.workspace();
    if (!workspace)
        return context.fail(workspace.error());
    auto added = app::addParticipant(**workspace, id, s(context.value("name")), s(context.value("group")),
                                     s(context.value("role")));
    if (!added)
        return context.fail(added.error());
    context.out << "Added " << q(added->name) << " (" << q(added->group)
                << (added->role.empty() ? QString() : ", " + q(added->role)) << ") to assessment #" << id
                << " as participant #" << added->id << ".\n";
    return ExitOk;
}

int groupScoresCommand(CommandContext& context, const app::AssessmentState& state) {
    const auto groups = scoresByGroup(*state.model, state.answers, state.participants);
    if (context.isSet("json")) {
        context.out << q(groupScoresJson(state.info, groups).dump(2)) << '\n';
        return ExitOk;
    }
    context.out << heading(state.info) << '\n';
    if (groups.empty()) {
        context.out << "No group has answered yet: only the consensus is recorded. Add voices with "
                       "'maturity participant add'.\n";
        return ExitOk;
    }
    QStringList headers{"Dimension"};
    std::vector<int> numbers;
    for (const auto& g : groups) {
        numbers.push_back(static_cast<int>(headers.size()));
        headers << q(g.group) + QStringLiteral(" (%1)").arg(g.voices);
    }
    TextTable table(headers, numbers);
    for (std::size_t d = 0; d < state.model->dimensions.size(); ++d) {
        QStringList row{q(state.model->dimensions[d].title)};
        for (const auto& g : groups)
            row << fixed(g.scores.dimensions[d].current);
        table.addRow(row);
    }
    table.addSeparator();
    QStringList overall{"Overall"};
    for (const auto& g : groups)
        overall << fixed(g.scores.overall);
    table.addRow(overall);
    table.print(context.out);
    return ExitOk;
}

int divergenceCommand(CommandContext& context) {
    const Id id = context.idArgument(0, "ID");
    context.expectPositionals(1);
    const std::size_t limit = context.limitOption();
    auto state = context.loadAssessment(id);
    if (!state)
        return context.fail(state.error());
    auto spreads = divergence(*state->model, state->answers, state->participants);
    if (limit && spreads.size() > limit)
        spreads.resize(limit);
    QTextStream& out = context.out;
    if (context.isSet("json")) {
        out << q(divergenceJson(state->info, *state->model, spreads).dump(2)) << '\n';
        return ExitOk;
    }
    out << heading(state->info) << '\n';
    if (spreads.empty()) {
        out << "No question has levels from two groups yet.\n";
        return ExitOk;
    }
    out << "Where the room disagrees, largest spread first (spread = highest group mean - lowest)\n\n";
    int rank = 0;
    for (const auto& s : spreads) {
        const Question* question = state->model->question(s.questionId);
        out << QString::number(++rank).rightJustified(3) << ". [" << q(s.questionId) << "] "
            << q(question->text) << '\n'
            << "     spread " << q(formatScore(s.spread)) << (s.discuss ? ", to discuss" : "") << ":";
        for (const auto& [group, level] : s.groupLevels)
            out << ' ' << q(group) << ' ' << q(formatScore(level));
        out << "\n\n";
    }
    return ExitOk;
}

} // namespace mw::cli
