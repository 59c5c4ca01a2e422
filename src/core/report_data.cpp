#include "report_data.hpp"

namespace mw {

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
