#pragma once
#include <QPointer>
#include <QWidget>

class QLabel;

namespace mw::ui {

class AssessmentDocument;
class LevelCard;

// Full screen for the projector: the question under discussion and its six descriptors in large type.
// The workshop keys work here too; Esc or F5 closes it.
class PresenterWindow : public QWidget {
    Q_OBJECT
public:
    explicit PresenterWindow(AssessmentDocument* document, QWidget* parent = nullptr);

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    void refresh();
    QPointer<AssessmentDocument> document_;
    QLabel* header_;
    QLabel* question_;
    QLabel* footer_;
    QList<LevelCard*> cards_;
};

} // namespace mw::ui
