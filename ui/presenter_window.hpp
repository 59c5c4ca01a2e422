#pragma once
#include <QPointer>
#include <QWidget>

class QLabel;

namespace mw::ui {

class AssessmentDocument;
class LevelCard;

// Full screen for the projector: the question under discussion and its six descriptors in large type.
// The workshop keys work here too; Esc or F5 closes it. For a blind vote (B) the voices and the current
// and target marks stay hidden, and only how many voices are in shows, until R reveals them with the
// levels of each group: the first opinion in the room does not anchor the rest.
class PresenterWindow : public QWidget {
    Q_OBJECT
public:
    explicit PresenterWindow(AssessmentDocument* document, QWidget* parent = nullptr);
    QLabel* voicesLabel() const { return voices_; }

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    void refresh();
    QString distribution() const; // each group's levels for the question on screen
    bool blind() const { return blind_ && !revealed_; }
    QPointer<AssessmentDocument> document_;
    QLabel* header_;
    QLabel* question_;
    QLabel* footer_;
    QLabel* voices_; // "5 of 8 voices in", or after the reveal each group's levels
    bool blind_ = false;
    bool revealed_ = false;
    int shownIndex_ = -1;
    QList<LevelCard*> cards_;
};

} // namespace mw::ui
