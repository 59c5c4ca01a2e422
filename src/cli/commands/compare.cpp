#include "app/documents.hpp"
#include "cli/commands/commands.hpp"
#include "cli/text_format.hpp"
#include "cli/text_table.hpp"
#include "core/json_output.hpp"

namespace mw::cli {

namespace {

QString signedNumber(std::optional<double> v) {
    if (!v)
        return QStringLiteral("-");
    return (*v > 1e-9 ? QStringLiteral("+") : QString()) + QString::number(*v, 'f', 2);
}

void printIds(QTextStream& out, const char* label, const std::vector<std::string>& ids) {
    if (ids.empty())
        return;
    out << label;
    for (const auto& id : ids)
        out << ' ' << q(id);
    out << '\n';
}

} // namespace

int compareCommand(CommandContext& context) {
    const Id beforeId = context.idArgument(0, "BEFORE");
    const Id afterId = context.idArgument(1, "AFTER");
    context.expectPositionals(2);
    auto workspace = context.workspace();
    if (!workspace)
        return context.fail(workspace.error());
    auto state = app::compare(**workspace, beforeId, afterId);
    if (!state)
        return context.fail(state.error());
    const Comparison& c = state->comparison;
    QTextStream& out = context.out;
    if (context.isSet("json")) {
        out << q(comparisonJson(state->before, state->after, c).dump(2)) << '\n';
        return ExitOk;
    }
    out << "Before: " << heading(state->before) << '\n' << "After:  " << heading(state->after) << "\n\n";
    TextTable table({"Dimension", "Before", "After", "Change"}, {1, 2, 3});
    for (const auto& d : c.dimensions)
        table.addRow({q(d.title), fixed(d.before), fixed(d.after), signedNumber(d.delta())});
    table.addSeparator();
    table.addRow({"Overall", fixed(c.overallBefore), fixed(c.overallAfter), signedNumber(c.overallDelta())});
    table.print(out);
    out << "\nQuestions: " << c.improved << " improved, " << c.declined << " declined, " << c.unchanged
        << " unchanged";
    if (c.notComparable)
        out << ", " << c.notComparable << " not comparable (unanswered or N/A on one side)";
    out << ".\n";
    for (const auto& held : heldIndexSentences(c, "Before: the overall index", "After: the overall index"))
        out << q(held) << '\n';
    if (!c.sameModelVersion)
        out << "The two assessments use different model versions (" << q(state->beforeModel->version)
            << " and " << q(state->afterModel->version) << ").\n";
    printIds(out, "Only in the earlier model:", c.onlyInBefore);
    printIds(out, "Only in the later model:", c.onlyInAfter);
    return ExitOk;
}

} // namespace mw::cli
