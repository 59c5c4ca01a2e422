#pragma once
// One open assessment: its model, answers, details, baseline scores, the question being discussed and the
// undo stack. Every view observes it; every edit of the open assessment goes through it as an undoable
// command and reaches the database through the application layer the moment it is made (a note being
// typed within 300 ms of the last key stroke, and at once when the question changes).
#include "app/assessments.hpp"
#include "core/answer_rules.hpp"

#include <QObject>
#include <QTimer>
#include <QUndoStack>

#include <map>
#include <memory>

namespace mw::ui {

class EvidenceList;

class AssessmentDocument : public QObject {
    Q_OBJECT
public:
    AssessmentDocument(app::Workspace& workspace, app::AssessmentState state, QObject* parent = nullptr);
    ~AssessmentDocument() override;

    Id id() const { return info_.id; }
    const AssessmentInfo& info() const { return info_; }
    const Model& model() const { return *model_; }
    const std::vector<const Question*>& questions() const { return questions_; }
    const std::optional<BaselineSummary>& baseline() const { return baseline_; }
    // The roster: the consensus and every voice, with their groups.
    const std::vector<Participant>& participants() const { return participants_; }
    QUndoStack* undoStack() { return &undo_; }
    // The files that back the answers; edits of them are steps on the same undo stack.
    EvidenceList* evidence() const { return evidence_; }

    // The consensus answer to a question, if one was given (with a note being typed, as typed).
    std::optional<Answer> answer(const std::string& questionId) const;
    // One participant's answer (a voice, or the consensus).
    std::optional<Answer> answer(const std::string& questionId, Id participant) const;
    Id consensusId() const { return participant_; }
    const Participant* participant(Id id) const;

    // Workshop mode: whose level the keys set. The consensus unless the facilitator moves to a voice.
    Id activeVoice() const { return activeVoice_; }
    void setActiveVoice(Id participant);
    // The next (or previous) participant in the roster, the consensus first; wraps around.
    void stepVoice(int step);
    // The median of the voices, on the scale, offered as the consensus; written only when taken.
    std::optional<double> suggestedConsensus(const std::string& questionId) const;
    // Sets the consensus to the suggestion (one undoable edit), whichever voice is active.
    void takeSuggestedConsensus(const std::string& questionId);
    // Adds a voice to the roster (app::addParticipant); views follow rosterChanged.
    Result<Participant> addParticipant(const std::string& name, const std::string& group,
                                       const std::string& role);
    // What another front door already committed (a phone joined, a phone's vote): shown everywhere the
    // document's voices are, never written again and not undoable.
    void acceptParticipant(const Participant& participant);
    void acceptAnswer(const Answer& answer);
    // A question open for phone voting and not yet revealed: views show who voted, not what.
    void setSealedQuestion(std::optional<std::string> questionId);
    bool isSealed(const std::string& questionId) const { return sealed_ == questionId; }
    std::vector<Answer> answers() const;
    const Scorecard& scores() const { return scores_; }
    const std::vector<Gap>& gaps() const { return gaps_; }

    // Answer edits of the active voice, under the answer rules: only what is named changes.
    void setLevel(const std::string& questionId, double level);
    void setNotApplicable(const std::string& questionId, bool notApplicable);
    void setTarget(const std::string& questionId, std::optional<double> target);
    void setNote(const std::string& questionId, const std::string& note);
    void setConfidence(const std::string& questionId, Confidence confidence);
    // Details edits.
    void setTitle(const std::string& title);
    void setDate(const std::string& date);
    void setAssessor(const std::string& assessor);
    void setStatus(Status status);
    // Several details as one undo step (the details dialog).
    void setDetails(const app::DetailsEdit& change);

    // The question under discussion, shared by the editor and presenter mode.
    int currentIndex() const { return current_; }
    const Question& currentQuestion() const { return *questions_[current_]; }
    void setCurrentIndex(int index);
    void next() { setCurrentIndex(current_ + 1); }
    void previous() { setCurrentIndex(current_ - 1); }

    // The action plan, in its order (by the horizon and priority of the gaps it serves).
    const std::vector<Action>& actions() const { return actions_; }
    const Action* action(Id actionId) const;
    // Changes one action as an undoable edit; a refused change (a date that is not one) is reported
    // through saveFailed and changes nothing.
    void editAction(Id actionId, const ActionEdit& change);
    // A new action for a gap, with the model's next step as its title (undo removes it).
    void addActionForGap(const std::string& questionId);
    // Used by the undo commands: writes the action back whole (matched by uid), or removes it.
    bool applyAction(const Action& action);
    bool dropAction(const std::string& uid);

    // Writes what is still waiting (a note being typed) before the caller reads the database.
    bool writePending();

    // Used by the undo commands.
    bool applyAnswer(Id participant, const std::string& questionId, const std::optional<Answer>& answer,
                     bool deferWrite);
    std::optional<Answer> recordEdit(Id participant, const std::string& questionId, const AnswerEdit& edit);
    bool applyDetails(const AssessmentInfo& info);

signals:
    void answerChanged(const QString& questionId);
    void scoresChanged();
    void detailsChanged();
    void currentChanged(int index);
    void activeVoiceChanged(mw::Id participant);
    void rosterChanged();
    void sealedChanged();
    void saveFailed(const QString& message);
    void saved(const QString& questionId, double milliseconds);
    void actionsChanged();

private:
    void edit(Id voice, const std::string& questionId, const QString& description, const AnswerEdit& change);
    void editDetails(const QString& description, const app::DetailsEdit& change);
    void answerApplied(const std::string& questionId, double milliseconds);
    void recompute();

    app::Workspace& workspace_;
    AssessmentInfo info_;
    std::shared_ptr<const Model> model_;
    Id participant_;
    std::vector<const Question*> questions_;
    std::map<std::pair<Id, std::string>, Answer> answers_; // by participant and question
    Id activeVoice_ = 0;
    std::optional<BaselineSummary> baseline_;
    std::vector<Participant> participants_;
    Roster roster_;
    Scorecard scores_;
    std::vector<Gap> gaps_;
    std::vector<Action> actions_;
    QUndoStack undo_;
    QTimer noteWrite_;
    std::optional<std::pair<Id, std::string>> pendingNote_; // the voice and question not yet on disk
    int current_ = 0;
    std::optional<std::string> sealed_;
    EvidenceList* evidence_; // a child: goes with the document
};

} // namespace mw::ui
