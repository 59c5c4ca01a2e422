#pragma once
#include "core/assessment.hpp"

#include <QPointer>
#include <QWidget>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QStackedLayout;

namespace mw::ui {

class AssessmentDocument;
class LevelCard;
class VoiceStrip;

// Walks the assessment dimension by dimension, question by question. Every change is saved at once.
class EditorPage : public QWidget {
    Q_OBJECT
public:
    explicit EditorPage(QWidget* parent = nullptr);
    void setDocument(AssessmentDocument* document);
    AssessmentDocument* document() const { return document_; }
    void focusFind();
    void focusQuestion(); // the workshop keys act on the question panel

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    // A file dropped on the question is attached to it at once, its name as its title.
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void setUpWidgets();
    QWidget* buildQuestionPanel();
    void buildPages(QWidget* questionPanel);
    void connectControls();
    void connectFind();
    void showCurrent();
    void refreshAnswer();
    // Every control's accessible name carries its state: the voice, the level, the target, the confidence.
    void describeControls(const std::optional<Answer>& answer);
    void refreshDimensions();
    void rebuildFindList();
    void refreshAttached();
    void pasteEvidence();

    QPointer<AssessmentDocument> document_;
    QListWidget* dimensions_;
    QLineEdit* find_;
    QLabel* breadcrumb_;
    QLabel* question_;
    QLabel* guidance_;
    QLabel* evidence_;
    QLabel* attached_; // the evidence files behind this question
    QList<LevelCard*> cards_;
    QPushButton* notApplicable_;
    QComboBox* target_;
    QComboBox* confidence_;
    QPlainTextEdit* notes_;
    QLabel* noteStatus_;
    QPushButton* previous_;
    QPushButton* next_;
    VoiceStrip* voices_; // the room under the question: whose level the keys set
    QStackedLayout* pages_;
    bool updating_ = false;
    std::string notesQuestion_; // the question whose note the notes field holds
};

} // namespace mw::ui
