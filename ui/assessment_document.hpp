#pragma once
// One open assessment: its model, its answers, the question being discussed and the undo stack. Every view
// observes it; every change goes through it and is written to the database the moment it is made.
#include "core/gaps.hpp"
#include "core/scoring.hpp"
#include "storage/store.hpp"

#include <QObject>
#include <QUndoStack>

#include <map>

namespace mw::ui {

class AssessmentDocument : public QObject {
    Q_OBJECT
public:
    static Result<AssessmentDocument*> open(Store& store, Id assessmentId, QObject* parent = nullptr);

    Id id() const { return info_.id; }
    const AssessmentInfo& info() const { return info_; }
    const Model& model() const { return model_; }
    const std::vector<const Question*>& questions() const { return questions_; }
    QUndoStack* undoStack() { return &undo_; }

    // The consensus answer to a question, if one was given.
    std::optional<Answer> answer(const std::string& questionId) const;
    std::vector<Answer> answers() const;
    const Scorecard& scores() const { return scores_; }
    const std::vector<Gap>& gaps() const { return gaps_; }

    // Edits: each becomes one undoable command and one committed write.
    void setLevel(const std::string& questionId, double level);
    void setNotApplicable(const std::string& questionId, bool notApplicable);
    void setTarget(const std::string& questionId, std::optional<double> target);
    void setNote(const std::string& questionId, const std::string& note);
    void setConfidence(const std::string& questionId, Confidence confidence);

    // The question under discussion, shared by the editor and presenter mode.
    int currentIndex() const { return current_; }
    const Question& currentQuestion() const { return *questions_[current_]; }
    void setCurrentIndex(int index);
    void next() { setCurrentIndex(current_ + 1); }
    void previous() { setCurrentIndex(current_ - 1); }

    // Applies an answer (or removes it, when empty) and persists it. Used by undo commands.
    bool apply(const std::string& questionId, const std::optional<Answer>& answer);

signals:
    void answerChanged(const QString& questionId);
    void scoresChanged();
    void currentChanged(int index);
    void saveFailed(const QString& message);
    void saved(const QString& questionId, double milliseconds);

private:
    AssessmentDocument(Store& store, LoadedAssessment loaded, Id participant, std::vector<Answer> answers,
                       QObject* parent);
    void edit(const std::string& questionId, const QString& description,
              const std::function<void(Answer&)>& change, int mergeId = -1);
    void recompute();

    Store& store_;
    AssessmentInfo info_;
    Model model_;
    Id participant_;
    std::vector<const Question*> questions_;
    std::map<std::string, Answer> answers_; // consensus participant only; others are kept in the store
    std::vector<Answer> otherAnswers_;
    Scorecard scores_;
    std::vector<Gap> gaps_;
    QUndoStack undo_;
    int current_ = 0;
};

} // namespace mw::ui
