#include "app/answers.hpp"

namespace mw::app {

namespace {

// The answer a request makes of the stored one, under the answer rules; nothing is written here.
Result<Answer> prepareAnswer(Store& store, Id assessmentId, const Model& model, const AnswerRequest& request,
                             Id consensusId) {
    if (!model.question(request.questionId))
        return fail("assessment " + std::to_string(assessmentId) + ": unknown question '" +
                    request.questionId + "' in model " + model.id + " (question ids look like " +
                    model.dimensions.front().questions.front().id + ")");
    const Id participantId = request.participantId == 0 ? consensusId : request.participantId;
    auto previous = store.answer(assessmentId, request.questionId, participantId);
    if (!previous)
        return std::unexpected(previous.error());
    auto answer = applyAnswerEdit(model, *previous, request.questionId, participantId, request.edit);
    if (!answer)
        return fail("assessment " + std::to_string(assessmentId) + ": " + answer.error().message);
    return answer;
}

} // namespace

Result<Answer> recordAnswer(Workspace& workspace, Id assessmentId, const std::string& questionId,
                            const AnswerEdit& edit, Id participantId) {
    auto results = recordAnswers(workspace, assessmentId, {AnswerRequest{questionId, edit, participantId}});
    return std::move(results.front());
}

std::vector<Result<Answer>> recordAnswers(Workspace& workspace, Id assessmentId,
                                          const std::vector<AnswerRequest>& requests) {
    Store& store = workspace.store();
    auto failAll = [&](const Error& error) {
        return std::vector<Result<Answer>>(requests.size(), std::unexpected(error));
    };
    auto snapshot = store.model(assessmentId);
    if (!snapshot)
        return failAll(snapshot.error());
    auto consensus = store.defaultParticipant(assessmentId);
    if (!consensus)
        return failAll(consensus.error());
    std::vector<Result<Answer>> results;
    std::vector<Answer> batch;
    std::vector<std::size_t> batchIndex; // where each answer of the batch goes in results
    for (const auto& request : requests) {
        results.push_back(prepareAnswer(store, assessmentId, **snapshot, request, consensus->id));
        if (results.back()) {
            batch.push_back(*results.back());
            batchIndex.push_back(results.size() - 1);
        }
    }
    if (batch.empty())
        return results;
    auto saved = store.saveAnswers(assessmentId, std::move(batch));
    for (std::size_t i = 0; i < batchIndex.size(); ++i)
        results[batchIndex[i]] =
            saved ? Result<Answer>((*saved)[i]) : Result<Answer>(std::unexpected(saved.error()));
    return results;
}

Result<Answer> restoreAnswer(Workspace& workspace, Id assessmentId, const Answer& answer) {
    return workspace.store().saveAnswer(assessmentId, answer);
}

Result<void> removeAnswer(Workspace& workspace, Id assessmentId, const std::string& questionId,
                          Id participantId) {
    return workspace.store().clearAnswer(assessmentId, questionId, participantId);
}

} // namespace mw::app
