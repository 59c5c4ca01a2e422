#include "assessment_document.hpp"

#include "app/actions.hpp"
#include "app/answers.hpp"
#include "app/workshop.hpp"
#include "core/voices.hpp"
#include "evidence_list.hpp"

#include <QElapsedTimer>
#include <QUndoCommand>

namespace mw::ui {

namespace {

constexpr int kNoteMergeId = 1;
constexpr int kNoteWriteDelayMs = 300;

// One answer edit. The first redo records it through the application layer (a note being typed is
// written a moment later); undo and later redos write back the whole answer as it was.
class AnswerCommand : public QUndoCommand {
public:
    AnswerCommand(AssessmentDocument* document, Id participant, std::string questionId,
                  std::optional<Answer> before, Answer after, AnswerEdit edit, const QString& text,
                  bool typedNote)
        : QUndoCommand(text)
        , document_(document)
        , participant_(participant)
        , questionId_(std::move(questionId))
        , before_(std::move(before))
        , after_(std::move(after))
        , edit_(std::move(edit))
        , typedNote_(typedNote) {}

    // A write the database refused leaves nothing to undo: the command drops out of the stack.
    void redo() override {
        if (firstRedo_ && typedNote_) {
            document_->applyAnswer(participant_, questionId_, after_, true);
        } else if (firstRedo_) {
            auto recorded = document_->recordEdit(participant_, questionId_, edit_);
            setObsolete(!recorded);
            if (recorded)
                after_ = *recorded;
        } else {
            setObsolete(!document_->applyAnswer(participant_, questionId_, after_, false));
        }
        firstRedo_ = false;
    }
    void undo() override { setObsolete(!document_->applyAnswer(participant_, questionId_, before_, false)); }
    int id() const override { return typedNote_ ? kNoteMergeId : -1; }
    bool mergeWith(const QUndoCommand* other) override {
        const auto* next = static_cast<const AnswerCommand*>(other);
        if (next->questionId_ != questionId_ || next->participant_ != participant_)
            return false;
        after_ = next->after_; // typing a note is one undo step per question
        return true;
    }

private:
    AssessmentDocument* document_;
    Id participant_;
    std::string questionId_;
    std::optional<Answer> before_;
    Answer after_;
    AnswerEdit edit_;
    bool typedNote_;
    bool firstRedo_ = true;
};

// A change of title, date, assessor or status.
class DetailsCommand : public QUndoCommand {
public:
    DetailsCommand(AssessmentDocument* document, AssessmentInfo before, AssessmentInfo after,
                   const QString& text)
        : QUndoCommand(text)
        , document_(document)
        , before_(std::move(before))
        , after_(std::move(after)) {}
    void redo() override { setObsolete(!document_->applyDetails(after_)); }
    void undo() override { setObsolete(!document_->applyDetails(before_)); }

private:
    AssessmentDocument* document_;
    AssessmentInfo before_;
    AssessmentInfo after_;
};

// A change of one action, or its addition (before is empty: undo removes it).
class ActionCommand : public QUndoCommand {
public:
    ActionCommand(AssessmentDocument* document, std::optional<Action> before, Action after,
                  const QString& text)
        : QUndoCommand(text)
        , document_(document)
        , before_(std::move(before))
        , after_(std::move(after)) {}
    void redo() override { setObsolete(!document_->applyAction(after_)); }
    void undo() override {
        setObsolete(!(before_ ? document_->applyAction(*before_) : document_->dropAction(after_.uid)));
    }

private:
    AssessmentDocument* document_;
    std::optional<Action> before_;
    Action after_;
};

} // namespace

AssessmentDocument::AssessmentDocument(app::Workspace& workspace, app::AssessmentState state, QObject* parent)
    : QObject(parent)
    , workspace_(workspace)
    , info_(std::move(state.info))
    , model_(std::move(state.model))
    , participant_(state.consensusId)
    , questions_(model_->allQuestions())
    , baseline_(std::move(state.baseline))
    , participants_(state.participants)
    , roster_(Roster::of(participants_))
    , actions_(std::move(state.actions))
    , evidence_(new EvidenceList(workspace, info_.id, std::move(state.evidence), undo_, this)) {
    activeVoice_ = participant_;
    for (auto& a : state.answers)
        answers_[{a.participantId, a.questionId}] = std::move(a);
    recompute();
    noteWrite_.setSingleShot(true);
    noteWrite_.setInterval(kNoteWriteDelayMs);
    connect(&noteWrite_, &QTimer::timeout, this, &AssessmentDocument::writePending);
    // Start where the work is: the first unanswered question.
    for (std::size_t i = 0; i < questions_.size(); ++i) {
        const auto consensus = answer(questions_[i]->id);
        if (!consensus || !consensus->hasLevel()) {
            current_ = static_cast<int>(i);
            break;
        }
    }
}

AssessmentDocument::~AssessmentDocument() {
    writePending();
}

std::optional<Answer> AssessmentDocument::answer(const std::string& questionId) const {
    return answer(questionId, participant_);
}

std::optional<Answer> AssessmentDocument::answer(const std::string& questionId, Id participant) const {
    auto it = answers_.find({participant, questionId});
    if (it == answers_.end())
        return std::nullopt;
    return it->second;
}

std::vector<Answer> AssessmentDocument::answers() const {
    std::vector<Answer> all;
    all.reserve(answers_.size());
    for (const auto& [key, a] : answers_)
        all.push_back(a);
    return all;
}

void AssessmentDocument::setActiveVoice(Id participant) {
    if (participant == activeVoice_ ||
        std::none_of(participants_.begin(), participants_.end(),
                     [&](const Participant& p) { return p.id == participant; }))
        return;
    writePending();
    activeVoice_ = participant;
    emit activeVoiceChanged(activeVoice_);
}

void AssessmentDocument::stepVoice(int step) {
    if (participants_.empty())
        return;
    const auto n = static_cast<int>(participants_.size());
    int index = 0;
    for (int i = 0; i < n; ++i)
        if (participants_[static_cast<std::size_t>(i)].id == activeVoice_)
            index = i;
    setActiveVoice(participants_[static_cast<std::size_t>(((index + step) % n + n) % n)].id);
}

std::optional<double> AssessmentDocument::suggestedConsensus(const std::string& questionId) const {
    return mw::suggestedConsensus(*model_, answers(), participants_, questionId);
}

void AssessmentDocument::takeSuggestedConsensus(const std::string& questionId) {
    const auto suggestion = suggestedConsensus(questionId);
    if (!suggestion)
        return;
    // The consensus', whichever voice the keys are on.
    edit(participant_, questionId, tr("Take the suggested consensus for %1"),
         AnswerEdit::setLevel(*suggestion));
}

Result<Participant> AssessmentDocument::addParticipant(const std::string& name, const std::string& group,
                                                       const std::string& role) {
    auto added = app::addParticipant(workspace_, info_.id, name, group, role);
    if (!added)
        return added;
    participants_.push_back(*added);
    roster_ = Roster::of(participants_);
    recompute();
    emit rosterChanged();
    emit scoresChanged();
    return added;
}

void AssessmentDocument::acceptParticipant(const Participant& participant) {
    if (this->participant(participant.id))
        return;
    participants_.push_back(participant);
    roster_ = Roster::of(participants_);
    recompute();
    emit rosterChanged();
    emit scoresChanged();
}

void AssessmentDocument::acceptAnswer(const Answer& answer) {
    if (!participant(answer.participantId))
        return; // not of this assessment's roster
    answers_[{answer.participantId, answer.questionId}] = answer;
    recompute();
    emit answerChanged(QString::fromStdString(answer.questionId));
    emit scoresChanged();
}

void AssessmentDocument::setSealedQuestion(std::optional<std::string> questionId) {
    if (sealed_ == questionId)
        return;
    sealed_ = std::move(questionId);
    emit sealedChanged();
}

const Participant* AssessmentDocument::participant(Id id) const {
    for (const auto& p : participants_)
        if (p.id == id)
            return &p;
    return nullptr;
}

void AssessmentDocument::recompute() {
    scores_ = computeScores(*model_, answers(), roster_);
    gaps_ = rankGaps(*model_, scores_);
    sortByHorizonAndPriority(actions_, gaps_);
}

const Action* AssessmentDocument::action(Id actionId) const {
    const auto found =
        std::find_if(actions_.begin(), actions_.end(), [&](const Action& a) { return a.id == actionId; });
    return found == actions_.end() ? nullptr : &*found;
}

void AssessmentDocument::editAction(Id actionId, const ActionEdit& change) {
    const Action* current = action(actionId);
    if (!current)
        return;
    Action after = applied(*current, change);
    if (after == *current)
        return;
    if (auto problem = checkAction(*model_, after)) {
        emit saveFailed(QString::fromStdString(*problem));
        emit actionsChanged(); // the view shows the stored value again
        return;
    }
    const QString description =
        change.status ? tr("Mark the action %1").arg(QString::fromUtf8(toString(*change.status)))
                      : tr("Change the action");
    undo_.push(new ActionCommand(this, *current, std::move(after), description));
}

void AssessmentDocument::addActionForGap(const std::string& questionId) {
    const auto gap =
        std::find_if(gaps_.begin(), gaps_.end(), [&](const Gap& g) { return g.questionId == questionId; });
    if (gap == gaps_.end())
        return;
    Action added = actionForGap(*gap);
    added.uid = newUid(); // fixed here, so that redo after undo brings back the same action
    undo_.push(new ActionCommand(this, std::nullopt, std::move(added),
                                 tr("Add an action for %1").arg(QString::fromStdString(questionId))));
}

bool AssessmentDocument::applyAction(const Action& action) {
    auto saved = app::restoreAction(workspace_, info_.id, action);
    if (!saved) {
        emit saveFailed(QString::fromStdString(saved.error().message));
        return false;
    }
    const auto found =
        std::find_if(actions_.begin(), actions_.end(), [&](const Action& a) { return a.uid == saved->uid; });
    if (found != actions_.end())
        *found = std::move(*saved);
    else
        actions_.push_back(std::move(*saved));
    sortByHorizonAndPriority(actions_, gaps_);
    emit actionsChanged();
    return true;
}

bool AssessmentDocument::dropAction(const std::string& uid) {
    const auto found =
        std::find_if(actions_.begin(), actions_.end(), [&](const Action& a) { return a.uid == uid; });
    if (found == actions_.end())
        return false;
    if (auto removed = app::removeAction(workspace_, info_.id, found->id); !removed) {
        emit saveFailed(QString::fromStdString(removed.error().message));
        return false;
    }
    actions_.erase(found);
    emit actionsChanged();
    return true;
}

void AssessmentDocument::setCurrentIndex(int index) {
    index = std::clamp(index, 0, static_cast<int>(questions_.size()) - 1);
    writePending();
    if (index == current_)
        return;
    current_ = index;
    emit currentChanged(current_);
}

void AssessmentDocument::edit(Id voice, const std::string& questionId, const QString& description,
                              const AnswerEdit& change) {
    const bool typedNote = change.note.has_value() && change.level == AnswerEdit::Level::Keep &&
                           !change.target && !change.confidence;
    // A note of another question still waiting is written first, so the disk follows the undo stack.
    if (!typedNote || (pendingNote_ && *pendingNote_ != std::pair{voice, questionId}))
        if (!writePending())
            return;
    const std::optional<Answer> before = answer(questionId, voice);
    auto after = applyAnswerEdit(*model_, before, questionId, voice, change);
    if (!after) {
        emit saveFailed(
            QString::fromStdString("assessment " + std::to_string(info_.id) + ": " + after.error().message));
        return;
    }
    if (before && sameAnswer(*before, *after))
        return;
    undo_.push(new AnswerCommand(this, voice, questionId, before, *after, change,
                                 description.arg(QString::fromStdString(questionId)), typedNote));
}

void AssessmentDocument::setLevel(const std::string& questionId, double level) {
    edit(activeVoice_, questionId, tr("Set %1 to level ") + QString::fromStdString(formatNumber(level)),
         AnswerEdit::setLevel(level));
}

void AssessmentDocument::setNotApplicable(const std::string& questionId, bool notApplicable) {
    edit(activeVoice_, questionId, notApplicable ? tr("Mark %1 not applicable") : tr("Mark %1 applicable"),
         AnswerEdit::notApplicable(notApplicable));
}

void AssessmentDocument::setTarget(const std::string& questionId, std::optional<double> target) {
    edit(activeVoice_, questionId, tr("Set the target of %1"), AnswerEdit::setTarget(target));
}

void AssessmentDocument::setNote(const std::string& questionId, const std::string& note) {
    edit(activeVoice_, questionId, tr("Edit the note of %1"), AnswerEdit::setNote(note));
}

void AssessmentDocument::setConfidence(const std::string& questionId, Confidence confidence) {
    edit(activeVoice_, questionId, tr("Set the confidence of %1"), AnswerEdit::setConfidence(confidence));
}

std::optional<Answer> AssessmentDocument::recordEdit(Id participant, const std::string& questionId,
                                                     const AnswerEdit& edit) {
    QElapsedTimer timer;
    timer.start();
    auto recorded = app::recordAnswer(workspace_, info_.id, questionId, edit, participant);
    if (!recorded) {
        emit saveFailed(QString::fromStdString(recorded.error().message));
        return std::nullopt;
    }
    answers_[{participant, questionId}] = *recorded;
    answerApplied(questionId, static_cast<double>(timer.nsecsElapsed()) / 1e6);
    return *recorded;
}

bool AssessmentDocument::applyAnswer(Id participant, const std::string& questionId,
                                     const std::optional<Answer>& answer, bool deferWrite) {
    const std::pair key{participant, questionId};
    if (deferWrite) {
        answers_[key] = *answer;
        pendingNote_ = key;
        noteWrite_.start();
        emit answerChanged(QString::fromStdString(questionId));
        return true;
    }
    QElapsedTimer timer;
    timer.start();
    Result<void> written;
    if (answer) {
        if (auto restored = app::restoreAnswer(workspace_, info_.id, *answer); !restored)
            written = std::unexpected(restored.error());
    } else {
        written = app::removeAnswer(workspace_, info_.id, questionId, participant);
    }
    if (!written) {
        emit saveFailed(QString::fromStdString(written.error().message));
        return false;
    }
    if (pendingNote_ == key) {
        pendingNote_.reset(); // this write carries the note too
        noteWrite_.stop();
    }
    if (answer)
        answers_[key] = *answer;
    else
        answers_.erase(key);
    answerApplied(questionId, static_cast<double>(timer.nsecsElapsed()) / 1e6);
    return true;
}

void AssessmentDocument::answerApplied(const std::string& questionId, double milliseconds) {
    recompute();
    const QString id = QString::fromStdString(questionId);
    emit answerChanged(id);
    emit scoresChanged();
    emit saved(id, milliseconds);
}

bool AssessmentDocument::writePending() {
    noteWrite_.stop();
    if (!pendingNote_)
        return true;
    const auto key = *pendingNote_;
    const std::string& questionId = key.second;
    QElapsedTimer timer;
    timer.start();
    auto written = app::restoreAnswer(workspace_, info_.id, answers_.at(key));
    if (!written) {
        emit saveFailed(QString::fromStdString(written.error().message));
        return false; // kept waiting: the next question change or edit tries again
    }
    pendingNote_.reset();
    answers_[key] = *written;
    emit saved(QString::fromStdString(questionId), static_cast<double>(timer.nsecsElapsed()) / 1e6);
    return true;
}

void AssessmentDocument::editDetails(const QString& description, const app::DetailsEdit& change) {
    if (!writePending())
        return;
    AssessmentInfo after = info_;
    after.title = change.title.value_or(after.title);
    after.date = change.date.value_or(after.date);
    after.assessor = change.assessor.value_or(after.assessor);
    after.status = change.status.value_or(after.status);
    if (after.title == info_.title && after.date == info_.date && after.assessor == info_.assessor &&
        after.status == info_.status)
        return;
    undo_.push(new DetailsCommand(this, info_, after, description));
}

void AssessmentDocument::setTitle(const std::string& title) {
    app::DetailsEdit change;
    change.title = title;
    editDetails(tr("Rename the assessment"), change);
}
void AssessmentDocument::setDate(const std::string& date) {
    app::DetailsEdit change;
    change.date = date;
    editDetails(tr("Change the assessment date"), change);
}
void AssessmentDocument::setAssessor(const std::string& assessor) {
    app::DetailsEdit change;
    change.assessor = assessor;
    editDetails(tr("Change the assessor"), change);
}
void AssessmentDocument::setStatus(Status status) {
    app::DetailsEdit change;
    change.status = status;
    editDetails(status == Status::Final ? tr("Mark the assessment final") : tr("Mark the assessment draft"),
                change);
}

void AssessmentDocument::setDetails(const app::DetailsEdit& change) {
    editDetails(tr("Change the assessment details"), change);
}

bool AssessmentDocument::applyDetails(const AssessmentInfo& info) {
    auto updated =
        app::updateDetails(workspace_, info_.id, {info.title, info.date, info.assessor, info.status});
    if (!updated) {
        emit saveFailed(QString::fromStdString(updated.error().message));
        return false;
    }
    info_.title = updated->title;
    info_.date = updated->date;
    info_.assessor = updated->assessor;
    info_.status = updated->status;
    emit detailsChanged();
    return true;
}

} // namespace mw::ui
