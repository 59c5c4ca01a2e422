#include "qr_code.hpp"

#include <QPainter>

#include <qrencode.h>

namespace mw::ui {

QrCodeWidget::QrCodeWidget(QWidget* parent)
    : QWidget(parent) {
    setMinimumSize(120, 120);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void QrCodeWidget::setText(const QString& text) {
    text_ = text;
    size_ = 0;
    modules_.clear();
    const QByteArray bytes = text.toUtf8();
    // Error correction M: a phone still reads it from a projector with a glare spot.
    if (QRcode* code = QRcode_encodeString8bit(bytes.constData(), 0, QR_ECLEVEL_M)) {
        size_ = code->width;
        modules_.resize(static_cast<std::size_t>(size_ * size_));
        for (int i = 0; i < size_ * size_; ++i)
            modules_[static_cast<std::size_t>(i)] = code->data[i] & 1;
        QRcode_free(code);
    }
    setAccessibleName(tr("QR code of %1").arg(text));
    update();
}

void QrCodeWidget::paintEvent(QPaintEvent*) {
    if (size_ == 0)
        return;
    QPainter painter(this);
    const int quiet = 4; // modules of white border on each side
    const int side = std::min(width(), height());
    const int module = std::max(1, side / (size_ + 2 * quiet));
    const int drawn = module * (size_ + 2 * quiet);
    const QPoint origin((width() - drawn) / 2, (height() - drawn) / 2);
    painter.fillRect(QRect(origin, QSize(drawn, drawn)), Qt::white);
    for (int y = 0; y < size_; ++y)
        for (int x = 0; x < size_; ++x)
            if (isDark(x, y))
                painter.fillRect(origin.x() + (x + quiet) * module, origin.y() + (y + quiet) * module, module,
                                 module, Qt::black);
}

} // namespace mw::ui
