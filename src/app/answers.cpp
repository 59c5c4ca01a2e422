#include "app/answers.hpp"

namespace mw::app {

Result<Answer> recordAnswer(Workspace& workspace, Id assessmentId, const std::string& questionId,
                            const AnswerEdit& edit, Id participantId) {
    Store& store = workspace.store();
    auto snapshot = store.model(assessmentId);
    if (!snapshot)
        return std::unexpected(snapshot.error());
    const Model& model = **snapshot;
    if (!model.question(questionId))
        return fail("assessment " + std::to_string(assessmentId) + ": unknown question '" + questionId +
                    "' in model " + model.id + " (question ids look like " +
                    model.dimensions.front().questions.front().id + ")");
    if (participantId == 0) {
        auto consensus = store.defaultParticipant(assessmentId);
        if (!consensus)
            return std::unexpected(consensus.error());
        participantId = consensus->id;
    }
    auto previous = store.answer(assessmentId, questionId, participantId);
    if (!previous)
        return std::unexpected(previous.error());
    auto answer = applyAnswerEdit(model, *previous, questionId, participantId, edit);
    if (!answer)
        return fail("assessment " + std::to_string(assessmentId) + ": " + answer.error().message);
    return store.saveAnswer(assessmentId, std::move(*answer));
}

Result<Answer> restoreAnswer(Workspace& workspace, Id assessmentId, const Answer& answer) {
    return workspace.store().saveAnswer(assessmentId, answer);
}

Result<void> removeAnswer(Workspace& workspace, Id assessmentId, const std::string& questionId,
                          Id participantId) {
    return workspace.store().clearAnswer(assessmentId, questionId, participantId);
}

} // namespace mw::app
