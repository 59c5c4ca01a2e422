// Participants and their answers.
#include "storage/sql_support.hpp"

#include <algorithm>

namespace mw {

using namespace sql;

Result<std::vector<Participant>> Store::participants(Id assessmentId) const {
    return guarded(path_, "read the participants", [&]() -> Result<std::vector<Participant>> {
        std::vector<Participant> out;
        SQLite::Statement q(*db_, std::string("SELECT ") + kParticipantColumns +
                                      " FROM participants WHERE assessment_id = ? ORDER BY id");
        q.bind(1, static_cast<int64_t>(assessmentId));
        while (q.executeStep())
            out.push_back(readParticipant(q));
        return out;
    });
}

Result<Participant> Store::defaultParticipant(Id assessmentId) const {
    auto all = participants(assessmentId);
    if (!all)
        return std::unexpected(all.error());
    for (const auto& p : *all)
        if (p.isDefault)
            return p;
    if (!all->empty())
        return all->front();
    return fail("assessment " + std::to_string(assessmentId) + " has no participants");
}

Result<Id> Store::addParticipant(Id assessmentId, const std::string& name, const std::string& group,
                                 const std::string& role) {
    backUpIfDue();
    if (name.find_first_not_of(" \t") == std::string::npos)
        return fail("a participant needs a name");
    return guarded(path_, "add the participant", [&]() -> Result<Id> {
        Participant participant;
        participant.name = name;
        participant.group = group;
        participant.role = role;
        return insertParticipant(*statements_, assessmentId, participant);
    });
}

Result<std::vector<Answer>> Store::answers(Id assessmentId) const {
    return guarded(path_, "read the answers", [&]() -> Result<std::vector<Answer>> {
        std::vector<Answer> out;
        SQLite::Statement q(*db_,
                            std::string("SELECT ") + kAnswerColumns +
                                " FROM answers WHERE assessment_id = ? ORDER BY question_id, participant_id");
        q.bind(1, static_cast<int64_t>(assessmentId));
        while (q.executeStep())
            out.push_back(readAnswer(q));
        return out;
    });
}

Result<std::optional<Answer>> Store::answer(Id assessmentId, const std::string& questionId,
                                            Id participantId) const {
    return guarded(path_, "read the answer", [&]() -> Result<std::optional<Answer>> {
        SQLite::Statement q(
            *db_, std::string("SELECT ") + kAnswerColumns +
                      " FROM answers WHERE assessment_id = ? AND question_id = ? AND participant_id = ?");
        q.bind(1, static_cast<int64_t>(assessmentId));
        q.bind(2, questionId);
        q.bind(3, static_cast<int64_t>(participantId));
        if (!q.executeStep())
            return std::optional<Answer>{};
        return std::optional<Answer>{readAnswer(q)};
    });
}

Result<Answer> Store::saveAnswer(Id assessmentId, Answer answer) {
    backUpIfDue();
    auto saved = saveAnswers(assessmentId, {std::move(answer)});
    if (!saved)
        return std::unexpected(saved.error());
    return std::move(saved->front());
}

Result<std::vector<Answer>> Store::saveAnswers(Id assessmentId, std::vector<Answer> answers) {
    backUpIfDue();
    // Hot path: the cached model snapshot and one participants query, nothing more, before the write.
    auto model = modelOf(assessmentId);
    if (!model)
        return std::unexpected(model.error());
    auto participants = this->participants(assessmentId);
    if (!participants)
        return std::unexpected(participants.error());
    const auto consensus = std::find_if(participants->begin(), participants->end(),
                                        [](const Participant& p) { return p.isDefault; });
    const std::string now = nowIsoUtc();
    for (Answer& answer : answers) {
        if (auto problem = checkAnswer(**model, answer))
            return fail("assessment " + std::to_string(assessmentId) + ": " + *problem);
        if (answer.participantId == 0) {
            if (participants->empty())
                return fail("assessment " + std::to_string(assessmentId) + " has no participants");
            answer.participantId = (consensus != participants->end() ? *consensus : participants->front()).id;
        } else if (std::none_of(participants->begin(), participants->end(),
                                [&](const Participant& p) { return p.id == answer.participantId; })) {
            return fail("assessment " + std::to_string(assessmentId) + ": participant " +
                        std::to_string(answer.participantId) + " is not part of this assessment");
        }
        answer.updatedAt = now;
        answer.origin = origin_;
    }
    return guarded(path_, "save the answers", [&]() -> Result<std::vector<Answer>> {
        SQLite::Transaction transaction(*db_, SQLite::TransactionBehavior::IMMEDIATE);
        for (const Answer& answer : answers)
            insertAnswer(*statements_, assessmentId, answer);
        auto touch = statements_->prepare("UPDATE assessments SET updated_at = ? WHERE id = ?");
        touch->bind(1, now);
        touch->bind(2, static_cast<int64_t>(assessmentId));
        touch->exec();
        transaction.commit();
        return answers;
    });
}

Result<void> Store::clearAnswer(Id assessmentId, const std::string& questionId, Id participantId) {
    backUpIfDue();
    if (participantId == 0) {
        auto participant = defaultParticipant(assessmentId);
        if (!participant)
            return std::unexpected(participant.error());
        participantId = participant->id;
    }
    return guarded(path_, "clear the answer", [&]() -> Result<void> {
        auto q = statements_->prepare("DELETE FROM answers WHERE assessment_id = ? AND question_id = ? AND "
                                      "participant_id = ?");
        q->bind(1, static_cast<int64_t>(assessmentId));
        q->bind(2, questionId);
        q->bind(3, static_cast<int64_t>(participantId));
        q->exec();
        return {};
    });
}

} // namespace mw
