#include "report_data.hpp"

#include <algorithm>
#include <map>

namespace mw {

BaselineSummary summarizeBaseline(AssessmentInfo info, std::shared_ptr<const Model> model,
                                  const std::vector<Answer>& answers, const Roster& roster,
                                  const Model& laterModel, const std::vector<Answer>& laterAnswers,
                                  const Roster& laterRoster) {
    BaselineSummary summary;
    summary.scores = computeScores(*model, answers, roster);
    summary.change = compareAssessments(*model, answers, laterModel, laterAnswers, roster, laterRoster);
    summary.info = std::move(info);
    summary.model = std::move(model);
    return summary;
}

DimensionMoves largestMoves(const Comparison& change, std::size_t count) {
    constexpr double kMoved = 1e-9;
    DimensionMoves moves;
    for (const auto& d : change.dimensions) {
        const auto delta = d.delta();
        if (delta && *delta > kMoved)
            moves.rose.push_back(d);
        else if (delta && *delta < -kMoved)
            moves.fell.push_back(d);
    }
    // Stable, so equal moves keep the model's order.
    std::stable_sort(moves.rose.begin(), moves.rose.end(),
                     [](const auto& a, const auto& b) { return *a.delta() > *b.delta(); });
    std::stable_sort(moves.fell.begin(), moves.fell.end(),
                     [](const auto& a, const auto& b) { return *a.delta() < *b.delta(); });
    if (moves.rose.size() > count)
        moves.rose.resize(count);
    if (moves.fell.size() > count)
        moves.fell.resize(count);
    return moves;
}

std::vector<ActionOutcome> actionOutcomes(const std::vector<Action>& actions, const Comparison& change) {
    std::map<std::string, const QuestionDelta*> byQuestion;
    for (const auto& q : change.questions)
        byQuestion.emplace(q.questionId, &q);
    std::vector<ActionOutcome> outcomes;
    for (const auto& action : actions) {
        if (action.carriedFrom.empty())
            continue;
        ActionOutcome outcome{action, {}, 0, 0};
        for (const auto& id : action.questionIds) {
            const auto found = byQuestion.find(id);
            if (found == byQuestion.end())
                continue;
            outcome.questions.push_back(*found->second);
            if (const auto delta = found->second->delta(); delta && *delta > 1e-9)
                ++outcome.rose;
            else if (delta && *delta < -1e-9)
                ++outcome.fell;
        }
        outcomes.push_back(std::move(outcome));
    }
    return outcomes;
}

ActionTally tallyActions(const std::vector<Action>& actions, std::string_view today) {
    ActionTally tally;
    for (const auto& a : actions) {
        switch (a.status) {
        case ActionStatus::Planned:
            ++tally.planned;
            break;
        case ActionStatus::InProgress:
            ++tally.inProgress;
            break;
        case ActionStatus::Done:
            ++tally.done;
            break;
        case ActionStatus::Dropped:
            ++tally.dropped;
            break;
        }
        if (isLate(a, today))
            ++tally.late;
    }
    return tally;
}

ReportData ReportData::fromBundle(const Bundle& bundle) {
    ReportData data;
    data.client = bundle.client;
    data.info = bundle.assessment;
    data.model = std::make_shared<const Model>(bundle.model);
    data.participants = bundle.participants;
    data.answers = bundle.answers;
    data.scores = computeScores(*data.model, data.answers, Roster::of(data.participants));
    data.gaps = rankGaps(*data.model, data.scores);
    data.actions = bundle.actions;
    data.evidence = bundle.evidence;
    sortByHorizonAndPriority(data.actions, data.gaps);
    data.today = todayIsoDate();
    return data;
}

const Answer* ReportData::consensusAnswer(const std::string& questionId) const {
    Id defaultId = participants.empty() ? 0 : participants.front().id;
    for (const auto& p : participants)
        if (p.isDefault)
            defaultId = p.id;
    const Answer* any = nullptr;
    for (const auto& a : answers) {
        if (a.questionId != questionId)
            continue;
        if (a.participantId == defaultId)
            return &a;
        any = any ? any : &a;
    }
    return any;
}

} // namespace mw
