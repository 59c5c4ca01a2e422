#pragma once
// Use cases on assessments: start one or a follow-up, load one with everything a view or report needs,
// change its details. Each exists once; the CLI, the workbench and the room server call these.
#include "app/workspace.hpp"
#include "core/actions.hpp"
#include "core/gaps.hpp"
#include "core/report_data.hpp"
#include "core/scoring.hpp"

#include <memory>
#include <optional>
#include <string>

namespace mw::app {

// The portfolio: clients by name, assessments by client, date and id, each with its completeness.
Result<std::vector<Client>> listClients(Workspace& workspace);
Result<std::vector<AssessmentInfo>> listAssessments(Workspace& workspace);

struct ClientOutcome {
    Client client;
    bool created = false;
};
// The client of that name, added (with its sector) when there is none yet.
Result<ClientOutcome> findOrAddClient(Workspace& workspace, const std::string& name,
                                      const std::string& sector = {});

struct StartRequest {
    std::string clientName; // an existing client, or a new one
    std::string sector;     // used when the client is new
    std::string title;
    std::string date; // YYYY-MM-DD
    std::string assessor;
    std::string model; // id or model file; empty: the default model
    std::optional<Id> baseline;
    bool copyBaselineAnswers = false;
};

struct Started {
    Id id = 0;
    ClientOutcome client;
    Model model;
};

// Nothing is written unless everything checks out (model, date, baseline).
Result<Started> startAssessment(Workspace& workspace, const StartRequest& request);
// A follow-up of `baseline`: linked to it, starting from its answers so the room amends what changed.
Result<Started> startFollowUp(Workspace& workspace, Id baseline, StartRequest request);

// One assessment with everything a view or report needs. The model is shared so that copies keep the
// scorecard's pointers valid.
struct AssessmentState {
    AssessmentInfo info;
    std::shared_ptr<const Model> model;
    std::vector<Participant> participants;
    Id consensusId = 0; // the facilitator's recorded answer for the room
    std::vector<Answer> answers;
    Scorecard scores;
    std::vector<Gap> gaps;
    std::vector<Action> actions;             // the action plan, by horizon and priority of the gaps it serves
    std::vector<Evidence> evidence;          // not removed, by when it was attached
    std::optional<BaselineSummary> baseline; // when it has one that can still be read
};

Result<AssessmentState> loadAssessment(Workspace& workspace, Id id);

// The baseline `id` of an assessment whose model, answers and roster are given: scored, and compared with it.
Result<BaselineSummary> baselineSummary(Workspace& workspace, Id id, const Model& laterModel,
                                        const std::vector<Answer>& laterAnswers, const Roster& laterRoster);

// Only the fields that are set change.
struct DetailsEdit {
    std::optional<std::string> title;
    std::optional<std::string> date;
    std::optional<std::string> assessor;
    std::optional<Status> status;
};
Result<AssessmentInfo> updateDetails(Workspace& workspace, Id id, const DetailsEdit& edit);

} // namespace mw::app
