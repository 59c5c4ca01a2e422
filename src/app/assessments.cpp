#include "app/assessments.hpp"

namespace mw::app {

Result<std::vector<Client>> listClients(Workspace& workspace) {
    return workspace.store().clients();
}

Result<std::vector<AssessmentInfo>> listAssessments(Workspace& workspace) {
    return workspace.store().assessments();
}

Result<ClientOutcome> findOrAddClient(Workspace& workspace, const std::string& name,
                                      const std::string& sector) {
    auto existing = workspace.store().findClient(name);
    if (!existing)
        return std::unexpected(existing.error());
    if (*existing)
        return ClientOutcome{**existing, false};
    auto added = workspace.store().addClient(name, sector);
    if (!added)
        return std::unexpected(added.error());
    return ClientOutcome{*added, true};
}

Result<Started> startAssessment(Workspace& workspace, const StartRequest& request) {
    auto model = workspace.findModel(request.model.empty() ? std::string(ModelRegistry::defaultModelId)
                                                           : request.model);
    if (!model)
        return std::unexpected(model.error());
    if (!isIsoDate(request.date))
        return fail("'" + request.date + "' is not a date such as 2025-03-31");
    if (request.title.find_first_not_of(" \t") == std::string::npos)
        return fail("a new assessment needs a title");
    if (request.baseline)
        if (auto info = workspace.store().assessmentInfo(*request.baseline); !info)
            return fail("baseline: " + info.error().message);
    auto client = findOrAddClient(workspace, request.clientName, request.sector);
    if (!client)
        return std::unexpected(client.error());
    auto id =
        workspace.store().createAssessment({client->client.id, request.title, request.date, request.assessor,
                                            request.baseline, &*model, request.copyBaselineAnswers});
    if (!id)
        return std::unexpected(id.error());
    return Started{*id, std::move(*client), std::move(*model)};
}

Result<Started> startFollowUp(Workspace& workspace, Id baseline, StartRequest request) {
    request.baseline = baseline;
    request.copyBaselineAnswers = true;
    return startAssessment(workspace, request);
}

Result<BaselineSummary> baselineSummary(Workspace& workspace, Id id, const Model& laterModel,
                                        const std::vector<Answer>& laterAnswers, const Roster& laterRoster) {
    auto loaded = workspace.store().assessment(id);
    if (!loaded)
        return std::unexpected(loaded.error());
    auto answers = workspace.store().answers(id);
    if (!answers)
        return std::unexpected(answers.error());
    auto participants = workspace.store().participants(id);
    if (!participants)
        return std::unexpected(participants.error());
    return summarizeBaseline(std::move(loaded->info), std::make_shared<const Model>(std::move(loaded->model)),
                             *answers, Roster::of(*participants), laterModel, laterAnswers, laterRoster);
}

Result<AssessmentState> loadAssessment(Workspace& workspace, Id id) {
    Store& store = workspace.store();
    auto loaded = store.assessment(id);
    if (!loaded)
        return std::unexpected(loaded.error());
    auto participants = store.participants(id);
    if (!participants)
        return std::unexpected(participants.error());
    auto consensus = store.defaultParticipant(id);
    if (!consensus)
        return std::unexpected(consensus.error());
    auto answers = store.answers(id);
    if (!answers)
        return std::unexpected(answers.error());
    AssessmentState state;
    state.info = std::move(loaded->info);
    state.model = std::make_shared<const Model>(std::move(loaded->model));
    state.participants = std::move(*participants);
    state.consensusId = consensus->id;
    state.answers = std::move(*answers);
    state.scores = computeScores(*state.model, state.answers, Roster::of(state.participants));
    state.gaps = rankGaps(*state.model, state.scores);
    auto actions = store.actions(id);
    if (!actions)
        return std::unexpected(actions.error());
    state.actions = std::move(*actions);
    sortByHorizonAndPriority(state.actions, state.gaps);
    auto evidence = store.evidence(id);
    if (!evidence)
        return std::unexpected(evidence.error());
    state.evidence = std::move(*evidence);
    // A baseline that cannot be read does not stop the assessment from opening; it just draws no overlay.
    if (state.info.baselineId)
        if (auto baseline = baselineSummary(workspace, *state.info.baselineId, *state.model, state.answers,
                                            Roster::of(state.participants)))
            state.baseline = std::move(*baseline);
    return state;
}

Result<AssessmentInfo> updateDetails(Workspace& workspace, Id id, const DetailsEdit& edit) {
    auto info = workspace.store().assessmentInfo(id);
    if (!info)
        return std::unexpected(info.error());
    if (edit.title)
        info->title = *edit.title;
    if (edit.date)
        info->date = *edit.date;
    if (edit.assessor)
        info->assessor = *edit.assessor;
    if (edit.status)
        info->status = *edit.status;
    if (auto updated = workspace.store().updateAssessment(*info); !updated)
        return std::unexpected(updated.error());
    return *info;
}

} // namespace mw::app
