#include "app/assessments.hpp"
#include "cli/commands/commands.hpp"
#include "cli/text_format.hpp"
#include "cli/text_table.hpp"
#include "core/json_output.hpp"

#include <algorithm>

namespace mw::cli {

namespace {

void printScoreTable(QTextStream& out, const Scorecard& card) {
    TextTable table({"Dimension", "Current", "Target", "Gap", "Level", "Answered"}, {1, 2, 3, 5});
    for (const auto& d : card.dimensions)
        table.addRow({q(d.title), fixed(d.current), fixed(d.target), fixed(d.gap()),
                      d.current ? q(d.currentLabel) : QStringLiteral("(not scored)"),
                      QStringLiteral("%1/%2").arg(d.answered).arg(d.total)});
    table.addSeparator();
    table.addRow({"Overall", fixed(card.overall), fixed(card.overallTarget),
                  card.overall ? fixed(*card.overallTarget - *card.overall) : "-",
                  card.overall ? q(card.overallLabel) : QStringLiteral("(not scored)"),
                  QStringLiteral("%1/%2").arg(card.answered).arg(card.total)});
    table.print(out);
}

void printGap(QTextStream& out, int rank, const Gap& g) {
    out << QString::number(rank).rightJustified(3) << ". [" << q(g.questionId) << "] " << q(g.questionText)
        << '\n'
        << "     " << q(g.dimensionTitle) << ": " << q(formatNumber(g.current)) << " " << q(g.currentLabel)
        << " -> " << q(formatNumber(g.target)) << " " << q(g.targetLabel) << "; gap "
        << q(formatNumber(g.gap)) << ", priority " << q(formatScore(g.priority));
    if (g.consequenceFactor != 1)
        out << " (" << q(std::string(toString(g.consequence))) << " x" << q(formatNumber(g.consequenceFactor))
            << ")";
    out << ", " << q(std::string(toString(g.horizon))) << " (" << q(std::string(horizonPeriod(g.horizon)))
        << ")\n";
    if (!g.recommendation.empty())
        out << "     Next step: " << q(g.recommendation) << '\n';
    out << '\n';
}

bool anyTargetSet(const std::vector<Answer>& answers) {
    return std::any_of(answers.begin(), answers.end(), [](const Answer& a) { return a.target.has_value(); });
}

} // namespace

int scoreCommand(CommandContext& context) {
    const Id id = context.idArgument(0, "ID");
    context.expectPositionals(1);
    auto state = context.loadAssessment(id);
    if (!state)
        return context.fail(state.error());
    if (context.isSet("by-group"))
        return groupScoresCommand(context, *state);
    const Model& model = *state->model;
    const Scorecard& card = state->scores;
    QTextStream& out = context.out;
    if (context.isSet("json")) {
        out << q(scoresJson(state->info, model, card).dump(2)) << '\n';
        return ExitOk;
    }
    out << heading(state->info) << '\n'
        << "Model: " << q(model.title) << ' ' << q(model.version) << "; rule "
        << q(std::string(toString(model.aggregation.rule))) << "; " << card.answered << " of " << card.total
        << " questions answered (" << qRound(card.completeness) << "%)\n\n";
    printScoreTable(out, card);
    bool heldNoted = false;
    auto noteHold = [&](const std::string& sentence) {
        if (sentence.empty())
            return;
        out << (heldNoted ? "" : "\n") << q(sentence) << '\n';
        heldNoted = true;
    };
    for (const auto& d : card.dimensions)
        noteHold(floorSentence(d.title, d.current, d.uncapped, d.heldBy));
    noteHold(floorSentence("The overall index", card.overall, card.overallUncapped, card.overallHeldBy));
    if (card.overall && card.scoredDimensions < card.dimensions.size())
        out << "\nThe overall covers " << card.scoredDimensions << " of " << card.dimensions.size()
            << " dimensions: the others have no scored answer yet.\n";
    if (!card.unanswered.empty()) {
        out << "\nIncomplete: " << card.unanswered.size() << " question"
            << (card.unanswered.size() > 1 ? "s" : "") << " unanswered:";
        for (std::size_t i = 0; i < card.unanswered.size() && i < 12; ++i)
            out << ' ' << q(card.unanswered[i]);
        if (card.unanswered.size() > 12)
            out << " ...";
        out << '\n';
    }
    return ExitOk;
}

int gapsCommand(CommandContext& context) {
    const Id id = context.idArgument(0, "ID");
    context.expectPositionals(1);
    const std::size_t limit = context.limitOption();
    auto state = context.loadAssessment(id);
    if (!state)
        return context.fail(state.error());
    std::vector<Gap> list = state->gaps;
    const std::size_t totalGaps = list.size();
    if (limit && list.size() > limit)
        list.resize(limit);
    QTextStream& out = context.out;
    if (context.isSet("json")) {
        out << q(gapsJson(state->info, list).dump(2)) << '\n';
        return ExitOk;
    }
    out << heading(state->info) << '\n';
    if (list.empty()) {
        if (anyTargetSet(state->answers))
            out << "No gaps: every answered question is at or above its target.\n";
        else
            out << "No gaps to rank: no targets are set yet (maturity answer ID QUESTION LEVEL --target "
                   "L).\n";
        return ExitOk;
    }
    if (list.size() < totalGaps)
        out << "Top " << list.size() << " of " << totalGaps << " gaps";
    else
        out << totalGaps << " gap" << (totalGaps > 1 ? "s" : "");
    out << ", highest priority first (priority = gap x question weight x dimension weight"
        << (state->model->priority.consequenceFactors.empty() ? "" : " x consequence factor") << ")\n\n";
    int rank = 0;
    for (const auto& g : list)
        printGap(out, ++rank, g);
    return ExitOk;
}

} // namespace mw::cli
