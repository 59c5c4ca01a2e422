#include "assessment_document.hpp"

#include <QElapsedTimer>
#include <QUndoCommand>

namespace mw::ui {

namespace {

// One answer change: remembers the answer before and after, so undo writes the old one back.
class AnswerCommand : public QUndoCommand {
public:
    AnswerCommand(AssessmentDocument* document, std::string questionId, std::optional<Answer> before,
                  std::optional<Answer> after, const QString& text, int mergeId)
        : QUndoCommand(text)
        , document_(document)
        , questionId_(std::move(questionId))
        , before_(std::move(before))
        , after_(std::move(after))
        , mergeId_(mergeId) {}

    // A write the database refused leaves nothing to undo: the command drops out of the stack.
    void redo() override { setObsolete(!document_->apply(questionId_, after_)); }
    void undo() override { setObsolete(!document_->apply(questionId_, before_)); }
    int id() const override { return mergeId_; }
    bool mergeWith(const QUndoCommand* other) override {
        const auto* next = static_cast<const AnswerCommand*>(other);
        if (next->questionId_ != questionId_)
            return false;
        after_ = next->after_; // typing a note is one undo step per question
        return true;
    }

private:
    AssessmentDocument* document_;
    std::string questionId_;
    std::optional<Answer> before_;
    std::optional<Answer> after_;
    int mergeId_;
};

constexpr int kNoteMergeId = 1;

} // namespace

Result<AssessmentDocument*> AssessmentDocument::open(Store& store, Id assessmentId, QObject* parent) {
    auto loaded = store.assessment(assessmentId);
    if (!loaded)
        return std::unexpected(loaded.error());
    auto participant = store.defaultParticipant(assessmentId);
    if (!participant)
        return std::unexpected(participant.error());
    auto answers = store.answers(assessmentId);
    if (!answers)
        return std::unexpected(answers.error());
    return new AssessmentDocument(store, std::move(*loaded), participant->id, std::move(*answers), parent);
}

AssessmentDocument::AssessmentDocument(Store& store, LoadedAssessment loaded, Id participant,
                                       std::vector<Answer> answers, QObject* parent)
    : QObject(parent)
    , store_(store)
    , info_(std::move(loaded.info))
    , model_(std::move(loaded.model))
    , participant_(participant)
    , questions_(model_.allQuestions()) {
    for (auto& a : answers) {
        if (a.participantId == participant_)
            answers_[a.questionId] = std::move(a);
        else
            otherAnswers_.push_back(std::move(a));
    }
    recompute();
    // Start where the work is: the first unanswered question.
    for (std::size_t i = 0; i < questions_.size(); ++i) {
        if (!answers_.contains(questions_[i]->id) || !answers_[questions_[i]->id].hasLevel()) {
            current_ = static_cast<int>(i);
            break;
        }
    }
}

std::optional<Answer> AssessmentDocument::answer(const std::string& questionId) const {
    auto it = answers_.find(questionId);
    if (it == answers_.end())
        return std::nullopt;
    return it->second;
}

std::vector<Answer> AssessmentDocument::answers() const {
    std::vector<Answer> all = otherAnswers_;
    for (const auto& [id, a] : answers_)
        all.push_back(a);
    return all;
}

void AssessmentDocument::recompute() {
    scores_ = computeScores(model_, answers());
    gaps_ = rankGaps(model_, scores_);
}

void AssessmentDocument::setCurrentIndex(int index) {
    index = std::clamp(index, 0, static_cast<int>(questions_.size()) - 1);
    if (index == current_)
        return;
    current_ = index;
    emit currentChanged(current_);
}

void AssessmentDocument::edit(const std::string& questionId, const QString& description,
                              const std::function<void(Answer&)>& change, int mergeId) {
    const std::optional<Answer> before = answer(questionId);
    Answer after = before.value_or(Answer{});
    after.questionId = questionId;
    after.participantId = participant_;
    change(after);
    if (before && before->current == after.current && before->target == after.target &&
        before->notApplicable == after.notApplicable && before->note == after.note &&
        before->confidence == after.confidence)
        return;
    undo_.push(new AnswerCommand(this, questionId, before, after,
                                 description.arg(QString::fromStdString(questionId)), mergeId));
}

void AssessmentDocument::setLevel(const std::string& questionId, double level) {
    edit(questionId, tr("Set %1 to level ") + QString::fromStdString(formatNumber(level)), [&](Answer& a) {
        a.current = level;
        a.notApplicable = false;
        // A target below the level reached means nothing; keep targets at or above the current level.
        if (a.target && *a.target < level)
            a.target = level;
    });
}

void AssessmentDocument::setNotApplicable(const std::string& questionId, bool notApplicable) {
    edit(questionId, notApplicable ? tr("Mark %1 not applicable") : tr("Mark %1 applicable"), [&](Answer& a) {
        a.notApplicable = notApplicable;
        if (notApplicable)
            a.current.reset();
    });
}

void AssessmentDocument::setTarget(const std::string& questionId, std::optional<double> target) {
    edit(questionId, tr("Set the target of %1"), [&](Answer& a) { a.target = target; });
}

void AssessmentDocument::setNote(const std::string& questionId, const std::string& note) {
    edit(
        questionId, tr("Edit the note of %1"), [&](Answer& a) { a.note = note; }, kNoteMergeId);
}

void AssessmentDocument::setConfidence(const std::string& questionId, Confidence confidence) {
    edit(questionId, tr("Set the confidence of %1"), [&](Answer& a) { a.confidence = confidence; });
}

bool AssessmentDocument::apply(const std::string& questionId, const std::optional<Answer>& answer) {
    QElapsedTimer timer;
    timer.start();
    if (answer) {
        auto saved = store_.saveAnswer(info_.id, *answer);
        if (!saved) {
            emit saveFailed(QString::fromStdString(saved.error().message));
            return false;
        }
        answers_[questionId] = *saved;
    } else {
        auto cleared = store_.clearAnswer(info_.id, questionId, participant_);
        if (!cleared) {
            emit saveFailed(QString::fromStdString(cleared.error().message));
            return false;
        }
        answers_.erase(questionId);
    }
    const double elapsed = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    recompute();
    const QString id = QString::fromStdString(questionId);
    emit answerChanged(id);
    emit scoresChanged();
    emit saved(id, elapsed);
    return true;
}

} // namespace mw::ui
