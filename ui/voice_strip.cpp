#include "voice_strip.hpp"

#include "assessment_document.hpp"
#include "core/voices.hpp"
#include "platform/qt_text.hpp"

#include <QGridLayout>
#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>

namespace mw::ui {

VoiceStrip::VoiceStrip(QWidget* parent)
    : QWidget(parent)
    , chipArea_(new QWidget(this))
    , chips_(new QGridLayout(chipArea_))
    , suggestion_(new QLabel(this)) {
    chipArea_->setObjectName("voiceStrip");
    chips_->setContentsMargins(0, 4, 0, 0);
    chips_->setSpacing(6);
    suggestion_->setObjectName("suggestedConsensus");
    suggestion_->setTextFormat(Qt::PlainText);
    suggestion_->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(chipArea_);
    layout->addWidget(suggestion_);
    setVisible(false);
}

// One chip per participant, the consensus first; the active one is the voice the keys set.
void VoiceStrip::setDocument(AssessmentDocument* document) {
    document_ = document;
    qDeleteAll(chipLabels_);
    chipLabels_.clear();
    const bool voices = document_ && document_->participants().size() > 1;
    setVisible(voices);
    if (!voices)
        return;
    for (const auto& p : document_->participants()) {
        auto* chip = new QLabel(chipArea_);
        chip->setTextFormat(Qt::PlainText); // names are data, never markup
        chip->setFrameShape(QFrame::StyledPanel);
        chip->setMargin(4);
        chip->setAutoFillBackground(true);
        chip->setProperty("participant", QVariant::fromValue<qlonglong>(p.id));
        chipLabels_ << chip;
    }
    columns_ = 0;
    refresh();
}

void VoiceStrip::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    reflow();
}

void VoiceStrip::reflow() {
    if (chipLabels_.isEmpty())
        return;
    int widest = 0;
    for (auto* chip : chipLabels_)
        widest = std::max(widest, chip->sizeHint().width());
    // The strip may be narrower than its rows: only one chip's width is a minimum.
    chipArea_->setMinimumWidth(widest);
    const int spacing = chips_->horizontalSpacing();
    const int columns =
        std::clamp((width() + spacing) / (widest + spacing), 1, static_cast<int>(chipLabels_.size()));
    if (columns == columns_)
        return;
    columns_ = columns;
    for (auto* chip : chipLabels_)
        chips_->removeWidget(chip);
    for (int i = 0; i < chipLabels_.size(); ++i)
        chips_->addWidget(chipLabels_[i], i / columns, i % columns);
}

void VoiceStrip::refresh() {
    if (!document_ || chipLabels_.isEmpty())
        return;
    const std::string& questionId = document_->currentQuestion().id;
    for (auto* chip : chipLabels_) {
        const Id id = chip->property("participant").toLongLong();
        const Participant* p = document_->participant(id);
        const auto answer = document_->answer(questionId, id);
        // A voice's level stays sealed while the room votes from phones; the strip only says it is in.
        const bool sealed = document_->isSealed(questionId) && !p->isDefault;
        const QString level = sealed ? (answer ? tr("voted") : QStringLiteral("—"))
                              : !answer || !answer->hasLevel() ? (answer ? tr("?") : QStringLiteral("—"))
                              : answer->notApplicable          ? tr("N/A")
                                                               : q(formatNumber(*answer->current));
        const QString who = p->isDefault ? tr("Consensus") : q(p->name + " · " + p->group);
        chip->setText(who + "  " + level);
        const bool active = id == document_->activeVoice();
        QPalette colours = palette();
        if (active) {
            colours.setColor(QPalette::Window, colours.color(QPalette::Highlight));
            colours.setColor(QPalette::WindowText, colours.color(QPalette::HighlightedText));
        }
        chip->setPalette(colours);
        QFont font = chip->font();
        font.setBold(active);
        chip->setFont(font);
        chip->setAccessibleName(who + ": " + (level == QStringLiteral("—") ? tr("no level") : level) +
                                (active ? tr(", the keys set this voice") : QString()));
    }
    reflow(); // a level's width can change the widest chip
    if (document_->isSealed(questionId)) {
        suggestion_->setText(tr("The room is voting from phones: the levels stay sealed until the reveal."));
        return;
    }
    const auto suggestion = document_->suggestedConsensus(questionId);
    const auto spread =
        questionSpread(document_->model(), document_->answers(), document_->participants(), questionId);
    const bool discuss = spread && spread->discuss;
    // Who should speak first, while nobody has: the lead group's view before the others anchor it.
    const Question* question = document_->model().question(questionId);
    const QString askFirst = question ? q(askFirstSentence(*question)) : QString();
    suggestion_->setText(
        suggestion ? tr("Suggested consensus: %1 %2, the median voice (S takes it)%3")
                         .arg(q(formatNumber(*suggestion)), q(document_->model().levelLabel(*suggestion)),
                              discuss ? tr("   ·   voices two levels apart or more: discuss") : QString())
        : askFirst.isEmpty() ? tr("No voice has given a level yet (←/→ picks a voice).")
                             : tr("No voice has given a level yet: %1 (←/→ picks a voice).").arg(askFirst));
}

} // namespace mw::ui
