#pragma once
#include <QFrame>

class QLabel;

namespace mw::ui {

// One level of the rubric: number, name and the question's descriptor, readable at a glance and clickable.
class LevelCard : public QFrame {
    Q_OBJECT
public:
    LevelCard(int index, QWidget* parent = nullptr);
    void setContent(const QString& number, const QString& label, const QString& descriptor);
    void setState(bool current, bool target);
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

} // namespace mw::ui
