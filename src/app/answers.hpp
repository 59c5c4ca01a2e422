#pragma once
// Recording answers: the one path from a key press, a command or a phone's vote to the database.
#include "app/workspace.hpp"
#include "core/answer_rules.hpp"

namespace mw::app {

// Applies the edit to the stored answer of that participant (0: the consensus) under the answer rules
// and commits it at once. Unknown question, level off the scale or unknown participant: nothing is written.
Result<Answer> recordAnswer(Workspace& workspace, Id assessmentId, const std::string& questionId,
                            const AnswerEdit& edit, Id participantId = 0);

struct AnswerRequest {
    std::string questionId;
    AnswerEdit edit;
    Id participantId = 0;
};
// Several answers under the same rules, committed together in one transaction (the room server's group
// commit). Each request gets its own result: one that breaks the rules is refused and not written, the rest
// are written together; a failed commit fails them all.
std::vector<Result<Answer>> recordAnswers(Workspace& workspace, Id assessmentId,
                                          const std::vector<AnswerRequest>& requests);

// Writes a whole answer back as it was (undo and redo), or removes it.
Result<Answer> restoreAnswer(Workspace& workspace, Id assessmentId, const Answer& answer);
Result<void> removeAnswer(Workspace& workspace, Id assessmentId, const std::string& questionId,
                          Id participantId);

} // namespace mw::app
