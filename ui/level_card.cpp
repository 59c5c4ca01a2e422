#include "level_card.hpp"

#include "core/answer_rules.hpp"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QVBoxLayout>

#include <cmath>

namespace mw::ui {

LevelCard::LevelCard(int index, QWidget* parent)
    : QFrame(parent)
    , index_(index)
    , heading_(new QLabel(this))
    , descriptor_(new QLabel(this))
    , badge_(new QLabel(this)) {
    setFrameShape(QFrame::StyledPanel);
    setCursor(Qt::PointingHandCursor);
    setAutoFillBackground(true);
    descriptor_->setWordWrap(true);
    descriptor_->setTextFormat(Qt::PlainText);
    descriptor_->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    heading_->setTextFormat(Qt::PlainText);
    badge_->setTextFormat(Qt::PlainText);
    auto* top = new QHBoxLayout;
    top->setSpacing(14); // the badge never runs into the level's name
    top->addWidget(heading_);
    top->addStretch();
    top->addWidget(badge_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 6, 10, 8);
    layout->setSpacing(3);
    layout->addLayout(top);
    layout->addWidget(descriptor_, 1);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
    restyle();
}

void LevelCard::setContent(const QString& number, const QString& label, const QString& descriptor) {
    heading_->setText(number + "  " + label);
    descriptor_->setText(descriptor);
    setAccessibleName(number + " " + label + ": " + descriptor);
}

void LevelCard::setState(bool current, bool target, bool aboveTarget) {
    current_ = current;
    target_ = target;
    QStringList badges;
    if (current)
        badges << (aboveTarget ? tr("CURRENT · ABOVE TARGET") : tr("CURRENT"));
    if (target)
        badges << tr("TARGET");
    badge_->setText(badges.join(QStringLiteral(" · ")));
    restyle();
}

QString LevelCard::badgeText() const {
    return badge_->text();
}

void LevelCard::setScale(double factor) {
    QFont headingFont = font();
    headingFont.setPointSizeF(font().pointSizeF() * factor);
    headingFont.setBold(true);
    heading_->setFont(headingFont);
    badge_->setFont(headingFont);
    QFont body = font();
    body.setPointSizeF(font().pointSizeF() * factor * 0.92);
    descriptor_->setFont(body);
}

void LevelCard::mousePressEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton)
        emit clicked(index_);
}

void LevelCard::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange)
        restyle();
    QFrame::changeEvent(event);
}

void showLevels(const QList<LevelCard*>& cards, const Model& model, const Question& question,
                const std::optional<Answer>& answer) {
    auto is = [](const std::optional<double>& level, double value) {
        return level && std::abs(*level - value) < 1e-9;
    };
    for (int i = 0; i < cards.size(); ++i) {
        const bool used = i < static_cast<int>(model.scale.size());
        cards[i]->setVisible(used);
        if (!used)
            continue;
        const ScaleLevel& level = model.scale[i];
        cards[i]->setContent(QString::fromStdString(formatNumber(level.value)),
                             QString::fromStdString(level.label),
                             i < static_cast<int>(question.descriptors.size())
                                 ? QString::fromStdString(question.descriptors[i])
                                 : QString());
        cards[i]->setState(answer && is(answer->current, level.value),
                           answer && is(answer->target, level.value), answer && isAboveTarget(*answer));
    }
}

void LevelCard::restyle() {
    // Colours come from the palette, so light and dark themes both keep their contrast.
    const QPalette base = parentWidget() ? parentWidget()->palette() : palette();
    QPalette p = base;
    QColor background = base.color(QPalette::Base);
    QColor text = base.color(QPalette::Text);
    if (current_) {
        background = base.color(QPalette::Highlight);
        text = base.color(QPalette::HighlightedText);
    } else if (target_) {
        background = QColor(0xe0, 0x7b, 0x1a);
        background.setAlphaF(0.16);
        background = QColor::fromRgbF(background.redF() * background.alphaF() +
                                          base.color(QPalette::Base).redF() * (1 - background.alphaF()),
                                      background.greenF() * background.alphaF() +
                                          base.color(QPalette::Base).greenF() * (1 - background.alphaF()),
                                      background.blueF() * background.alphaF() +
                                          base.color(QPalette::Base).blueF() * (1 - background.alphaF()));
    }
    p.setColor(QPalette::Window, background);
    p.setColor(QPalette::WindowText, text);
    setPalette(p);
    QFont bold = heading_->font();
    bold.setBold(true);
    heading_->setFont(bold);
    badge_->setFont(bold);
    setLineWidth(current_ || target_ ? 2 : 1);
}

} // namespace mw::ui
