#pragma once
// An assessment with its computed results: what every report, spreadsheet and view is made from.
#include "actions.hpp"
#include "bundle.hpp"
#include "gaps.hpp"
#include "scoring.hpp"

#include <memory>

namespace mw {

// The model is shared so that copies keep the scorecard's question pointers valid.
struct ReportData {
    Client client;
    AssessmentInfo info;
    std::shared_ptr<const Model> model;
    std::vector<Participant> participants;
    std::vector<Answer> answers;
    Scorecard scores;
    std::vector<Gap> gaps;
    std::vector<Action> actions; // in the plan's order
    std::string today;           // what "late" is judged against

    static ReportData fromBundle(const Bundle& bundle);
    const Answer* consensusAnswer(const std::string& questionId) const;
};

} // namespace mw
