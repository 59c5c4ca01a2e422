#pragma once
// Workshop mode in the editor: the room under the question. One chip per participant, the consensus first,
// each with its level for the question on screen; the highlighted one is the voice the keys set. Below, the
// median voice offered as the consensus, and whether the voices are far enough apart to discuss.
#include <QList>
#include <QPointer>
#include <QWidget>

class QGridLayout;
class QLabel;

namespace mw::ui {

class AssessmentDocument;

class VoiceStrip : public QWidget {
    Q_OBJECT
public:
    explicit VoiceStrip(QWidget* parent = nullptr);
    // Hidden when the assessment has only the consensus.
    void setDocument(AssessmentDocument* document);
    void refresh();

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    // As many chips to a row as the width takes: a room of twelve never widens the question beyond a
    // projector's width, and a wide screen shows the room in one or two rows.
    void reflow();
    int columns_ = 0;
    QPointer<AssessmentDocument> document_;
    QWidget* chipArea_;
    QGridLayout* chips_;
    QList<QLabel*> chipLabels_;
    QLabel* suggestion_;
};

} // namespace mw::ui
