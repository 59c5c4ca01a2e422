#pragma once
// A QR code of a text (the join URL), from libqrencode, painted with QPainter: black modules on white with
// the quiet zone the standard asks for, as large as the widget allows.
#include <QWidget>

#include <vector>

namespace mw::ui {

class QrCodeWidget : public QWidget {
    Q_OBJECT
public:
    explicit QrCodeWidget(QWidget* parent = nullptr);
    void setText(const QString& text);
    const QString& text() const { return text_; }
    int modulesPerSide() const { return size_; }
    bool isDark(int x, int y) const { return modules_[static_cast<std::size_t>(y * size_ + x)]; }
    QSize sizeHint() const override { return {320, 320}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QString text_;
    int size_ = 0;
    std::vector<bool> modules_;
};

} // namespace mw::ui
