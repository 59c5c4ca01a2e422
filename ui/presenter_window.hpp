#pragma once
#include <QPointer>
#include <QWidget>

class QGridLayout;
class QLabel;
class QStackedLayout;

namespace mw::ui {

class AssessmentDocument;
class LevelCard;
class LiveRoom;
class QrCodeWidget;
class RadarWidget;

// Full screen for the projector: the question under discussion and its six descriptors in type that fills
// the cards. The workshop keys work here too; Esc or F5 closes it. For a blind vote (B) the voices and the
// current and target marks stay hidden, and only how many voices are in shows, until R reveals them with
// the levels of each group: the first opinion in the room does not anchor the rest. D shows the results of
// the question's dimension and A those of the whole assessment, each group's outline on a radar; PgUp and
// PgDn step through those slides, Esc returns to the question.
class PresenterWindow : public QWidget {
    Q_OBJECT
public:
    explicit PresenterWindow(AssessmentDocument* document, QWidget* parent = nullptr);
    // Whether the room sees scores while a blind vote is still hidden (a setting, off by default).
    void setScoresBeforeReveal(bool shown);
    // Voting from phones: J shows the join slide, V opens the question on screen for voting (the votes stay
    // sealed until R), and moving to another question closes it.
    void setLiveRoom(LiveRoom* room);
    bool showsJoin() const { return joinSlide_; }
    QrCodeWidget* joinCode() const { return joinCode_; }
    QLabel* joinAddress() const { return joinAddress_; }

signals:
    // V or J while the room is not open: the main window opens it.
    void openRoomRequested();

public:
    QLabel* voicesLabel() const { return voices_; }
    QLabel* scoreLabel() const { return score_; }
    QLabel* resultsTitle() const { return resultsTitle_; }
    QLabel* resultsScores() const { return resultsScores_; }
    RadarWidget* resultsRadar() const { return resultsRadar_; }
    bool showsResults() const { return slide_ >= 0; }

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QWidget* buildQuestionSlide();
    QWidget* buildResultsSlide();
    void refresh();
    double unit() const; // the presenter's type unit in pixels, from the window's size
    void fitType();
    void fitCards();
    void refreshQuestion();
    void refreshResults();
    QString distribution() const; // each group's levels for the question on screen
    QString questionScore() const;
    QWidget* buildJoinSlide();
    void refreshJoin();
    bool liveOnScreen() const; // the question on screen is the one open for phone voting
    void openForVoting();
    void reveal();
    bool blind() const { return blind_ && !revealed_; }
    bool scoresHidden() const { return blind() && !scoresBeforeReveal_; }
    int dimensionCount() const;
    int currentDimension() const;
    bool resultsKey(int key); // keys on a results slide; true when used
    QPointer<AssessmentDocument> document_;
    QStackedLayout* slides_ = nullptr;
    QGridLayout* cardGrid_ = nullptr;
    QLabel* header_;
    QLabel* question_;
    QLabel* footer_;
    QLabel* voices_; // "5 of 8 voices in", or after the reveal each group's levels
    QLabel* score_;  // the room's score for the question and its dimension
    QLabel* resultsTitle_;
    QLabel* resultsScores_;
    RadarWidget* resultsRadar_;
    QLabel* joinTitle_;
    QLabel* joinHint_;
    QLabel* joinAddress_;
    QLabel* joinCount_;
    QrCodeWidget* joinCode_;
    QPointer<LiveRoom> live_;
    bool joinSlide_ = false;
    bool fitPending_ = false;
    bool blind_ = false;
    bool revealed_ = false;
    bool scoresBeforeReveal_ = false;
    int shownIndex_ = -1;
    int slide_ = -1; // -1 the question, 0.. a dimension's results, dimensionCount() the whole assessment
    QList<LevelCard*> cards_;
};

} // namespace mw::ui
