#include "presenter_window.hpp"

#include "assessment_document.hpp"
#include "assessment_keys.hpp"
#include "core/voices.hpp"
#include "level_card.hpp"

#include "platform/qt_text.hpp"

#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QVBoxLayout>

namespace mw::ui {

PresenterWindow::PresenterWindow(AssessmentDocument* document, QWidget* parent)
    : QWidget(parent, Qt::Window)
    , document_(document)
    , header_(new QLabel(this))
    , question_(new QLabel(this))
    , footer_(new QLabel(this))
    , voices_(new QLabel(this)) {
    setObjectName("presenterWindow");
    setWindowTitle(tr("Presenter mode"));
    setAttribute(Qt::WA_DeleteOnClose);
    setFocusPolicy(Qt::StrongFocus);
    voices_->setObjectName("presenterVoices");
    voices_->setAlignment(Qt::AlignCenter);
    voices_->setWordWrap(true);
    for (auto* label : {header_, question_, footer_, voices_}) {
        label->setWordWrap(true);
        label->setTextFormat(Qt::PlainText);
    }
    QFont base = font();
    const double unit = std::max(11.0, base.pointSizeF());
    QFont headerFont = base;
    headerFont.setPointSizeF(unit * 1.3);
    header_->setFont(headerFont);
    QFont questionFont = base;
    questionFont.setPointSizeF(unit * 2.3);
    questionFont.setBold(true);
    question_->setFont(questionFont);
    QFont footerFont = base;
    footerFont.setPointSizeF(unit * 1.05);
    footer_->setFont(footerFont);
    QFont voicesFont = base;
    voicesFont.setPointSizeF(unit * 1.6);
    voicesFont.setBold(true);
    voices_->setFont(voicesFont);
    footer_->setAlignment(Qt::AlignCenter);
    footer_->setText(
        tr("0–5 level · Alt+0–5 target · N not applicable · Enter / PgDn next · PgUp previous · ←/→ voice · "
           "B blind vote · R reveal · Esc close"));

    auto* grid = new QGridLayout;
    grid->setSpacing(14);
    for (int i = 0; i < 6; ++i) {
        auto* card = new LevelCard(i, this);
        card->setScale(1.45);
        cards_ << card;
        grid->addWidget(card, i / 3, i % 3);
        connect(card, &LevelCard::clicked, this, [this](int index) {
            if (document_ && index < static_cast<int>(document_->model().scale.size()))
                document_->setLevel(document_->currentQuestion().id, document_->model().scale[index].value);
        });
    }
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(48, 32, 48, 24);
    layout->setSpacing(18);
    layout->addWidget(header_);
    layout->addWidget(question_);
    layout->addLayout(grid, 1);
    layout->addWidget(voices_);
    layout->addWidget(footer_);
    if (document_) {
        connect(document_, &AssessmentDocument::currentChanged, this, &PresenterWindow::refresh);
        connect(document_, &AssessmentDocument::answerChanged, this, &PresenterWindow::refresh);
        connect(document_, &QObject::destroyed, this, &QWidget::close);
    }
    refresh();
}

void PresenterWindow::refresh() {
    if (!document_)
        return;
    const Model& model = document_->model();
    const Question& question = document_->currentQuestion();
    header_->setText(
        tr("%1  ·  %2  ·  question %3 of %4")
            .arg(q(document_->info().clientName), q(model.dimension(question.dimensionId)->title))
            .arg(document_->currentIndex() + 1)
            .arg(document_->questions().size()));
    question_->setText(q(question.text));
    if (document_->currentIndex() != shownIndex_) { // a new question starts hidden again
        shownIndex_ = document_->currentIndex();
        revealed_ = false;
    }
    showLevels(cards_, model, question, blind() ? std::nullopt : document_->answer(question.id));
    int voices = 0, in = 0;
    for (const auto& p : document_->participants()) {
        if (p.isDefault)
            continue;
        ++voices;
        const auto answer = document_->answer(question.id, p.id);
        in += answer && answer->hasLevel() ? 1 : 0;
    }
    voices_->setVisible(voices > 0);
    voices_->setText(blind() ? tr("%1 of %2 voices in  ·  R reveals").arg(in).arg(voices) : distribution());
}

QString PresenterWindow::distribution() const {
    const std::string& questionId = document_->currentQuestion().id;
    QStringList groups;
    for (const auto& group : voiceGroups(document_->participants())) {
        QStringList levels;
        for (const auto& p : document_->participants()) {
            const auto answer =
                p.isDefault || p.group != group ? std::nullopt : document_->answer(questionId, p.id);
            if (answer && answer->hasLevel())
                levels << (answer->notApplicable ? tr("N/A") : q(formatNumber(*answer->current)));
        }
        groups << q(group) + ": " +
                      (levels.isEmpty() ? QStringLiteral("—") : levels.join(QStringLiteral(" ")));
    }
    return groups.join(QStringLiteral("     "));
}

void PresenterWindow::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Escape || event->key() == Qt::Key_F5) {
        close();
        return;
    }
    if (event->modifiers() == Qt::NoModifier && (event->key() == Qt::Key_B || event->key() == Qt::Key_R)) {
        if (event->key() == Qt::Key_B)
            blind_ = !blind_;
        else
            revealed_ = true;
        refresh();
        return;
    }
    if (!document_ || !runKeyCommand(keyCommand(*event), *document_))
        QWidget::keyPressEvent(event);
}

} // namespace mw::ui
