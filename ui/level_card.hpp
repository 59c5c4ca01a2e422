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
    bool isCurrent() const { return current_; }

signals:
    void clicked(int index);

protected:
    void mousePressEvent(QMouseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void restyle();
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
