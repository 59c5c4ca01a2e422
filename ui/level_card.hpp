#pragma once
#include "core/assessment.hpp"
#include "core/model.hpp"

#include <QString>

#include <QFrame>
#include <optional>

class QLabel;

namespace mw::ui {

// One level of the rubric: number, name and the question's descriptor, readable at a glance and clickable.
class LevelCard : public QFrame {
    Q_OBJECT
public:
    LevelCard(int index, QWidget* parent = nullptr);
    void setContent(const QString& number, const QString& label, const QString& descriptor);
    // aboveTarget: the current level lies above the target the room set (shown, never fixed).
    void setState(bool current, bool target, bool aboveTarget = false);
    QString badgeText() const;
    void setScale(double factor); // presenter mode uses large type
    // Presenter mode: the card takes the size its grid gives it, and its owner picks the type with
    // fittingPixelSize, so that the descriptors read from the back of the room and no card is cut off.
    void setFillsCard();
    // The largest descriptor size up to limit at which everything fits the card as it is now.
    int fittingPixelSize(int limit) const;
    void setTextPixelSize(int pixels);
    bool isCurrent() const { return current_; }
    bool isTarget() const { return target_; }
    int descriptorPixelSize() const;

signals:
    void clicked(int index);

protected:
    void mousePressEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void changeEvent(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void focusInEvent(QFocusEvent* event) override;
    void focusOutEvent(QFocusEvent* event) override;

private:
    void restyle();
    void describe(); // the accessible name: level, name, state and descriptor
    bool fitsAt(int pixels) const;
    QString number_, label_;
    int index_;
    bool current_ = false;
    bool target_ = false;
    QLabel* heading_;
    QLabel* descriptor_;
    QLabel* badge_;
};

// Shows a question's descriptors on the cards (one per scale level; spare cards are hidden) and marks the
// answer's current and target levels. The editor and presenter mode both use it.
void showLevels(const QList<LevelCard*>& cards, const Model& model, const Question& question,
                const std::optional<Answer>& answer);

} // namespace mw::ui
