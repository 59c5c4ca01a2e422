#include "presenter_window.hpp"

#include "assessment_document.hpp"
#include "assessment_keys.hpp"
#include "core/voices.hpp"
#include "level_card.hpp"
#include "live_room.hpp"
#include "qr_code.hpp"
#include "radar_widget.hpp"
#include "report/exports.hpp"
#include "table_helpers.hpp"

#include "platform/qt_text.hpp"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QStackedLayout>
#include <QTimer>
#include <QVBoxLayout>

namespace mw::ui {

namespace {
QLabel* textLabel(QWidget* parent, bool bold = false) {
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText); // model and user text is data, never markup
    QFont font = label->font();
    font.setBold(bold);
    label->setFont(font);
    return label;
}
void setPixelSize(QWidget* widget, double pixels) {
    QFont font = widget->font();
    font.setPixelSize(std::max(8, qRound(pixels)));
    widget->setFont(font);
}
// The wrapped height of a label's text at a pixel size, for a given width.
int wrappedHeight(const QLabel* label, int pixels, int width) {
    QFont font = label->font();
    font.setPixelSize(pixels);
    return QFontMetrics(font)
        .boundingRect(QRect(0, 0, std::max(50, width), 100000), Qt::TextWordWrap, label->text())
        .height();
}
} // namespace

PresenterWindow::PresenterWindow(AssessmentDocument* document, QWidget* parent)
    : QWidget(parent, Qt::Window)
    , document_(document)
    , header_(textLabel(this))
    , question_(textLabel(this, true))
    , footer_(textLabel(this))
    , voices_(textLabel(this, true))
    , score_(textLabel(this, true))
    , resultsTitle_(textLabel(this, true))
    , resultsScores_(textLabel(this, true))
    , resultsRadar_(new RadarWidget(this))
    , joinTitle_(textLabel(this, true))
    , joinHint_(textLabel(this))
    , joinAddress_(textLabel(this, true))
    , joinCount_(textLabel(this, true))
    , joinCode_(new QrCodeWidget(this)) {
    setObjectName("presenterWindow");
    setWindowTitle(tr("Presenter mode"));
    setAttribute(Qt::WA_DeleteOnClose);
    setFocusPolicy(Qt::StrongFocus);
    voices_->setObjectName("presenterVoices");
    score_->setObjectName("presenterScore");
    for (auto* label : {voices_, score_, footer_, resultsScores_})
        label->setAlignment(Qt::AlignCenter);

    auto* layout = new QVBoxLayout(this);
    slides_ = new QStackedLayout;
    slides_->addWidget(buildQuestionSlide());
    slides_->addWidget(buildResultsSlide());
    slides_->addWidget(buildJoinSlide());
    layout->addLayout(slides_, 1);
    layout->addWidget(footer_);
    if (document_) {
        connect(document_, &AssessmentDocument::currentChanged, this, &PresenterWindow::refresh);
        connect(document_, &AssessmentDocument::answerChanged, this, &PresenterWindow::refresh);
        connect(document_, &QObject::destroyed, this, &QWidget::close);
    }
    refresh();
}

QWidget* PresenterWindow::buildQuestionSlide() {
    auto* slide = new QWidget(this);
    auto* grid = new QGridLayout;
    cardGrid_ = grid;
    for (int i = 0; i < 6; ++i) {
        auto* card = new LevelCard(i, slide);
        card->setFillsCard();
        card->installEventFilter(this);    // a card's new size asks for new type
        card->setFocusPolicy(Qt::NoFocus); // every key here belongs to the presenter
        cards_ << card;
        grid->addWidget(card, i / 3, i % 3);
        connect(card, &LevelCard::clicked, this, [this](int index) {
            if (document_ && index < static_cast<int>(document_->model().scale.size()))
                document_->setLevel(document_->currentQuestion().id, document_->model().scale[index].value);
        });
    }
    auto* layout = new QVBoxLayout(slide);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(header_);
    layout->addWidget(question_);
    layout->addLayout(grid, 1);
    layout->addWidget(score_);
    layout->addWidget(voices_);
    return slide;
}

QWidget* PresenterWindow::buildResultsSlide() {
    auto* slide = new QWidget(this);
    resultsTitle_->setObjectName("presenterResultsTitle");
    resultsScores_->setObjectName("presenterResultsScores");
    auto* layout = new QVBoxLayout(slide);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(resultsTitle_);
    layout->addWidget(resultsScores_);
    layout->addWidget(resultsRadar_, 1);
    return slide;
}

// Type follows the window, not the desktop's font: a line of text is a fixed share of the screen's height,
// so the slide reads the same from the back of the room at 1280x720, at 1920x1080 and at twice the scale.
void PresenterWindow::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    fitType();
}

double PresenterWindow::unit() const {
    return std::max(9.0, std::min(height() / 34.0, width() / 52.0));
}

void PresenterWindow::fitType() {
    const double unit = this->unit();
    const int margin = qRound(unit * 1.6);
    layout()->setContentsMargins(margin * 3 / 2, margin, margin * 3 / 2, margin * 3 / 4);
    layout()->setSpacing(qRound(unit * 0.45));
    for (int i = 0; i < slides_->count(); ++i)
        slides_->widget(i)->layout()->setSpacing(qRound(unit * 0.6));
    cardGrid_->setSpacing(qRound(unit * 0.6));
    for (const auto& [label, size] : std::initializer_list<std::pair<QLabel*, double>>{{header_, 0.95},
                                                                                       {footer_, 0.72},
                                                                                       {voices_, 1.2},
                                                                                       {score_, 1.0},
                                                                                       {resultsTitle_, 1.9},
                                                                                       {resultsScores_, 1.3},
                                                                                       {joinTitle_, 2.2},
                                                                                       {joinHint_, 1.05},
                                                                                       {joinAddress_, 1.25},
                                                                                       {joinCount_, 1.6}})
        setPixelSize(label, unit * size);
    setPixelSize(resultsRadar_, unit * 0.95);
    // The question takes the largest type that keeps it within a fifth of the screen: the cards need the
    // rest.
    const int width = this->width() - margin * 3;
    int pixels = qRound(unit * 2.1);
    while (pixels > unit && wrappedHeight(question_, pixels, width) > height() / 5)
        --pixels;
    setPixelSize(question_, pixels);
    fitCards();
}

// One size for every card, the largest at which the longest descriptor still fits: calmer than each
// card on its own, and nothing is cut off.
void PresenterWindow::fitCards() {
    int pixels = qRound(unit() * 1.45);
    for (auto* card : cards_)
        if (card->isVisibleTo(this) && card->width() > 0)
            pixels = std::min(pixels, card->fittingPixelSize(pixels));
    for (auto* card : cards_)
        card->setTextPixelSize(pixels);
}

bool PresenterWindow::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::Resize && !fitPending_) {
        fitPending_ = true; // once for all six cards, after the layout has placed them
        QTimer::singleShot(0, this, [this] {
            fitPending_ = false;
            fitCards();
        });
    }
    return QWidget::eventFilter(watched, event);
}

QWidget* PresenterWindow::buildJoinSlide() {
    auto* slide = new QWidget(this);
    joinTitle_->setText(tr("Vote from your phone"));
    joinAddress_->setObjectName("joinAddress");
    joinAddress_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* words = new QVBoxLayout;
    joinHint_->setText(tr("Join the room's Wi-Fi, then scan the code or type the address. Your vote stays "
                          "hidden until the facilitator reveals the room's answers."));
    words->addWidget(joinTitle_);
    words->addWidget(joinHint_);
    words->addWidget(joinAddress_);
    words->addWidget(joinCount_);
    words->addStretch();
    auto* layout = new QHBoxLayout(slide);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(words, 3);
    layout->addWidget(joinCode_, 2);
    return slide;
}

void PresenterWindow::setLiveRoom(LiveRoom* room) {
    live_ = room;
    if (live_)
        connect(live_, &LiveRoom::changed, this, &PresenterWindow::refresh);
    refresh();
}

void PresenterWindow::refreshJoin() {
    if (!live_ || !live_->isRunning()) {
        joinAddress_->setText(tr("The room is not open for voting."));
        joinCount_->clear();
        joinCode_->setText(QString());
        return;
    }
    joinAddress_->setText(live_->joinUrl());
    joinCount_->setText(tr("%n joined", nullptr, live_->devicesJoined()));
    if (joinCode_->text() != live_->joinUrl())
        joinCode_->setText(live_->joinUrl());
}

bool PresenterWindow::liveOnScreen() const {
    return live_ && live_->isRunning() && live_->openQuestion() == document_->currentQuestion().id;
}

void PresenterWindow::openForVoting() {
    if (!live_)
        return;
    if (!live_->isRunning())
        emit openRoomRequested();
    if (!live_->isRunning())
        return;
    const std::string& id = document_->currentQuestion().id;
    if (live_->open(id)) {
        blind_ = true; // the phones' votes stay sealed on the projector until R
        revealed_ = false;
        document_->setSealedQuestion(id);
    }
}

void PresenterWindow::reveal() {
    revealed_ = true;
    if (liveOnScreen()) {
        live_->reveal();
        document_->setSealedQuestion(std::nullopt);
    }
}

void PresenterWindow::setScoresBeforeReveal(bool shown) {
    scoresBeforeReveal_ = shown;
    refresh();
}

void PresenterWindow::refresh() {
    if (!document_)
        return;
    if (document_->currentIndex() != shownIndex_) { // a new question starts hidden again
        shownIndex_ = document_->currentIndex();
        revealed_ = false;
        if (live_ && live_->openQuestion() && !liveOnScreen()) { // moving on closes the phones' vote
            live_->close();
            document_->setSealedQuestion(std::nullopt);
        }
    }
    slides_->setCurrentIndex(joinSlide_ ? 2 : showsResults() ? 1 : 0);
    if (joinSlide_) {
        refreshJoin();
        footer_->setText(tr("J back to the question · V open the question for voting · Esc back"));
    } else if (showsResults()) {
        refreshResults();
        footer_->setText(tr("PgDn / PgUp next or previous results · D / A results of a dimension or of all · "
                            "R reveal · Esc back to the question"));
    } else {
        refreshQuestion();
        footer_->setText(tr("0–5 level · Alt+0–5 target · N not applicable · Enter / PgDn next · PgUp "
                            "previous · ←/→ voice · B blind vote · R reveal · V phones vote · J join · D / A "
                            "results · Esc close"));
    }
}

void PresenterWindow::refreshQuestion() {
    const Model& model = document_->model();
    const Question& question = document_->currentQuestion();
    const QString askFirst = q(askFirstSentence(question));
    header_->setText(
        tr("%1  ·  %2  ·  question %3 of %4")
            .arg(q(document_->info().clientName), q(model.dimension(question.dimensionId)->title))
            .arg(document_->currentIndex() + 1)
            .arg(document_->questions().size()) +
        (askFirst.isEmpty() ? QString() : "  ·  " + askFirst));
    question_->setText(q(question.text));
    fitType();
    showLevels(cards_, model, question, blind() ? std::nullopt : document_->answer(question.id));
    fitCards(); // new descriptors and badges
    int voices = 0, in = 0;
    for (const auto& p : document_->participants()) {
        if (p.isDefault)
            continue;
        ++voices;
        const auto answer = document_->answer(question.id, p.id);
        in += answer && answer->hasLevel() ? 1 : 0;
    }
    voices_->setVisible(voices > 0 || liveOnScreen());
    if (liveOnScreen() && blind())
        voices_->setText(
            tr("%1 of %2 voted from phones  ·  R reveals").arg(live_->votesIn()).arg(live_->devicesJoined()));
    else
        voices_->setText(blind() ? tr("%1 of %2 voices in  ·  R reveals").arg(in).arg(voices)
                                 : distribution());
    score_->setVisible(!scoresHidden());
    score_->setText(questionScore());
}

// The room's score for the question (the consensus, else the mean of the group means) and its dimension's.
QString PresenterWindow::questionScore() const {
    const Scorecard& scores = document_->scores();
    const Question& question = document_->currentQuestion();
    QString text = tr("Room: not answered yet");
    for (const auto& result : scores.questions) {
        if (!result.question || result.question->id != question.id)
            continue;
        if (result.answer.notApplicable)
            text = tr("Room: not applicable");
        else if (result.answer.current)
            text = tr("Room: %1 %2 (%3)")
                       .arg(q(formatNumber(*result.answer.current)),
                            q(document_->model().levelLabel(*result.answer.current)),
                            result.answer.fromConsensus ? tr("consensus") : tr("mean of the group means"));
    }
    if (const DimensionResult* dimension = scores.dimension(question.dimensionId);
        dimension && dimension->current)
        text += tr("   ·   %1: %2").arg(q(dimension->title), fixedScore(dimension->current));
    return text;
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

// A results slide: one dimension (its questions as the axes) or the whole assessment (the dimensions), each
// group's outline, and the scores in words above it.
void PresenterWindow::refreshResults() {
    const Model& model = document_->model();
    const Scorecard& scores = document_->scores();
    const auto groups = scoresByGroup(model, document_->answers(), document_->participants());
    const bool whole = slide_ >= dimensionCount();
    const DimensionResult* dimension = whole ? nullptr : &scores.dimensions[static_cast<std::size_t>(slide_)];
    resultsTitle_->setText(whole ? tr("Results: %1, every dimension").arg(q(document_->info().clientName))
                                 : tr("Results: %1").arg(q(dimension->title)));
    if (scoresHidden()) {
        resultsScores_->setText(tr("Scores stay hidden until the reveal (R)."));
        resultsRadar_->hide();
        return;
    }
    QStringList parts;
    parts << tr("Room %1").arg(fixedScore(whole ? scores.overall : dimension->current));
    for (const auto& g : groups) {
        const DimensionResult* own = whole ? nullptr : g.scores.dimension(dimension->id);
        parts << q(g.group) + " " + fixedScore(whole ? g.scores.overall : own ? own->current : std::nullopt);
    }
    QString text = parts.join(QStringLiteral("   ·   "));
    // The room sees why its score reads lower than its answers when a floor holds it.
    const std::string held =
        whole ? floorSentence(tr("The overall index").toStdString(), scores.overall, scores.overallUncapped,
                              scores.overallHeldBy)
              : floorSentence(dimension->title, dimension->current, dimension->uncapped, dimension->heldBy);
    if (!held.empty())
        text += QStringLiteral("\n") + q(held);
    resultsScores_->setText(text);
    RadarChart chart = whole ? groupRadar(model, groups) : dimensionGroupRadar(model, dimension->id, groups);
    resultsRadar_->setVisible(chart.axes.size() >= 3 && !groups.empty());
    resultsRadar_->setChart(std::move(chart));
}

int PresenterWindow::dimensionCount() const {
    return static_cast<int>(document_->scores().dimensions.size());
}

int PresenterWindow::currentDimension() const {
    const std::string& id = document_->currentQuestion().dimensionId;
    for (int i = 0; i < dimensionCount(); ++i)
        if (document_->scores().dimensions[static_cast<std::size_t>(i)].id == id)
            return i;
    return 0;
}

bool PresenterWindow::resultsKey(int key) {
    switch (key) {
    case Qt::Key_PageDown:
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Right:
        slide_ = std::min(slide_ + 1, dimensionCount());
        return true;
    case Qt::Key_PageUp:
    case Qt::Key_Left:
        slide_ = std::max(slide_ - 1, 0);
        return true;
    case Qt::Key_Escape:
        slide_ = -1;
        return true;
    default:
        return false;
    }
}

void PresenterWindow::keyPressEvent(QKeyEvent* event) {
    const int key = event->key();
    if (key == Qt::Key_F5 || (key == Qt::Key_Escape && !showsResults() && !joinSlide_) || !document_) {
        close();
        return;
    }
    if (event->modifiers() == Qt::NoModifier) {
        bool used = true;
        if (key == Qt::Key_B)
            blind_ = !blind_;
        else if (key == Qt::Key_R)
            reveal();
        else if (key == Qt::Key_V)
            openForVoting();
        else if (key == Qt::Key_J) {
            if (!joinSlide_ && live_ && !live_->isRunning())
                emit openRoomRequested();
            joinSlide_ = !joinSlide_;
        } else if (key == Qt::Key_Escape && joinSlide_)
            joinSlide_ = false;
        else if (key == Qt::Key_D)
            slide_ = slide_ == currentDimension() ? -1 : currentDimension();
        else if (key == Qt::Key_A)
            slide_ = slide_ == dimensionCount() ? -1 : dimensionCount();
        else
            used = showsResults() && resultsKey(key);
        if (used) {
            refresh();
            return;
        }
    }
    // A results or join slide never changes an answer the room cannot see.
    if (showsResults() || joinSlide_ || !runKeyCommand(keyCommand(*event), *document_))
        QWidget::keyPressEvent(event);
}

} // namespace mw::ui
