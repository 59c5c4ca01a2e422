#include "level_card.hpp"

#include "core/answer_rules.hpp"

#include <QEvent>
#include <QFontInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
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
    // Tab reaches the cards (Space picks one); a click does not take the focus from the question.
    setFocusPolicy(Qt::TabFocus);
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
    number_ = number;
    label_ = label;
    heading_->setText(number + "  " + label);
    descriptor_->setText(descriptor);
    describe();
}

void LevelCard::describe() {
    QStringList state;
    if (current_)
        state << tr("current level");
    if (target_)
        state << tr("target");
    setAccessibleName(tr("Level %1 %2").arg(number_, label_) +
                      (state.isEmpty() ? QString() : QStringLiteral(", ") + state.join(tr(" and "))));
    setAccessibleDescription(descriptor_->text());
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
    describe();
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

void LevelCard::setFillsCard() {
    // The card takes the size the grid gives it and the type follows, never the other way round.
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
    setMinimumSize(80, 60);
    heading_->setMinimumWidth(1); // a long name shrinks instead of widening the card
}

int LevelCard::descriptorPixelSize() const {
    return QFontInfo(descriptor_->font()).pixelSize();
}

// Whether the heading line and the wrapped descriptor fit the card at this descriptor size (the heading a
// tenth larger).
bool LevelCard::fitsAt(int pixels) const {
    const QMargins margins = layout()->contentsMargins();
    const int textWidth = width() - margins.left() - margins.right() - 4;
    QFont body = descriptor_->font();
    body.setPixelSize(pixels);
    QFont heading = heading_->font();
    heading.setPixelSize(pixels * 11 / 10);
    const QFontMetrics headingMetrics(heading);
    if (headingMetrics.horizontalAdvance(heading_->text()) +
            headingMetrics.horizontalAdvance(badge_->text()) + 20 >
        textWidth)
        return false;
    const QRect needed = QFontMetrics(body).boundingRect(QRect(0, 0, std::max(20, textWidth), 100000),
                                                         Qt::TextWordWrap, descriptor_->text());
    return headingMetrics.height() + layout()->spacing() + needed.height() + margins.top() +
               margins.bottom() + 6 <=
           height();
}

int LevelCard::fittingPixelSize(int limit) const {
    int low = 7, high = std::max(limit, 8);
    if (fitsAt(high))
        return high;
    while (high - low > 1) { // fitsAt(low) is assumed: below 7 px nothing reads anyway
        const int middle = (low + high) / 2;
        (fitsAt(middle) ? low : high) = middle;
    }
    return low;
}

void LevelCard::setTextPixelSize(int pixels) {
    QFont body = descriptor_->font();
    body.setPixelSize(pixels);
    descriptor_->setFont(body);
    QFont heading = heading_->font();
    heading.setPixelSize(pixels * 11 / 10);
    heading_->setFont(heading);
    badge_->setFont(heading);
}

void LevelCard::mousePressEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton)
        emit clicked(index_);
}

void LevelCard::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Space && event->modifiers() == Qt::NoModifier) {
        emit clicked(index_);
        return;
    }
    QFrame::keyPressEvent(event); // the workshop keys travel on to the question
}

void LevelCard::focusInEvent(QFocusEvent* event) {
    QFrame::focusInEvent(event);
    update();
}

void LevelCard::focusOutEvent(QFocusEvent* event) {
    QFrame::focusOutEvent(event);
    update();
}

// The focus ring: a thick outline in the card's own text colour, so it shows on the highlighted current
// card as well as on a plain one, in light and dark palettes.
void LevelCard::paintEvent(QPaintEvent* event) {
    QFrame::paintEvent(event);
    if (!hasFocus())
        return;
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(palette().color(QPalette::WindowText), 3, Qt::DashLine));
    painter.setBrush(Qt::NoBrush);
    painter.drawRoundedRect(QRectF(rect()).adjusted(3, 3, -3, -3), 4, 4);
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
