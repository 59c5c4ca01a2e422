#pragma once
// A label that shows an image as large as its space allows (never larger than the image), sharp at any
// scale factor, and never asks the layout for the image's size: a big photo cannot push its neighbours
// over each other.
#include <QImage>
#include <QLabel>
#include <QPixmap>
#include <QResizeEvent>

namespace mw::ui {

class ImageLabel : public QLabel {
public:
    explicit ImageLabel(QWidget* parent = nullptr)
        : QLabel(parent) {
        setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
        setAlignment(Qt::AlignCenter);
    }
    void setImage(QImage image) {
        image_ = std::move(image);
        fit();
    }
    // Text instead of an image.
    void setMessage(const QString& text) {
        image_ = QImage();
        clear();
        setText(text);
    }

protected:
    void resizeEvent(QResizeEvent* event) override {
        QLabel::resizeEvent(event);
        if (!image_.isNull())
            fit();
    }

private:
    void fit() {
        const qreal ratio = devicePixelRatioF();
        const QSize space = (QSizeF(size()) * ratio).toSize();
        const QImage shown = image_.width() > space.width() || image_.height() > space.height()
                                 ? image_.scaled(space, Qt::KeepAspectRatio, Qt::SmoothTransformation)
                                 : image_;
        QPixmap pixmap = QPixmap::fromImage(shown);
        pixmap.setDevicePixelRatio(ratio);
        setPixmap(pixmap);
    }
    QImage image_;
};

} // namespace mw::ui
