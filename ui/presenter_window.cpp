#include "presenter_window.hpp"

#include "assessment_document.hpp"
#include "assessment_keys.hpp"
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
    , footer_(new QLabel(this)) {
    setObjectName("presenterWindow");
    setWindowTitle(tr("Presenter mode"));
    setAttribute(Qt::WA_DeleteOnClose);
    setFocusPolicy(Qt::StrongFocus);
    for (auto* label : {header_, question_, footer_}) {
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
    footer_->setAlignment(Qt::AlignCenter);
    footer_->setText(
        tr("0–5 level · Alt+0–5 target · N not applicable · Enter / PgDn next · PgUp previous · Esc close"));

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
    showLevels(cards_, model, question, document_->answer(question.id));
}

void PresenterWindow::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Escape || event->key() == Qt::Key_F5) {
        close();
        return;
    }
    if (!document_ || !runKeyCommand(keyCommand(*event), *document_))
        QWidget::keyPressEvent(event);
}

} // namespace mw::ui
