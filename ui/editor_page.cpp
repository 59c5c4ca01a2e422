#include "editor_page.hpp"

#include "assessment_document.hpp"
#include "assessment_keys.hpp"
#include "evidence_list.hpp"
#include "level_card.hpp"
#include "startup.hpp"
#include "voice_strip.hpp"

#include "platform/qt_text.hpp"

#include <QApplication>
#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedLayout>
#include <QTimer>
#include <QVBoxLayout>

namespace mw::ui {

namespace {
// Secondary text: breadcrumbs, status and hints.
QPalette mutedPalette(const QWidget* widget) {
    QPalette muted = widget->palette();
    muted.setColor(QPalette::WindowText, muted.color(QPalette::PlaceholderText));
    return muted;
}
QString level(double value) {
    return q(formatNumber(value));
}
} // namespace

EditorPage::EditorPage(QWidget* parent)
    : QWidget(parent)
    , dimensions_(new QListWidget(this))
    , find_(new QLineEdit(this))
    , breadcrumb_(new QLabel(this))
    , question_(new QLabel(this))
    , guidance_(new QLabel(this))
    , evidence_(new QLabel(this))
    , attached_(new QLabel(this))
    , notApplicable_(new QPushButton(tr("Not applicable (N)"), this))
    , target_(new QComboBox(this))
    , confidence_(new QComboBox(this))
    , notes_(new QPlainTextEdit(this))
    , noteStatus_(new QLabel(this))
    , previous_(new QPushButton(tr("◀ Previous (PgUp)"), this))
    , next_(new QPushButton(tr("Next (Enter) ▶"), this))
    , voices_(new VoiceStrip(this)) {
    setUpWidgets();
    buildPages(buildQuestionPanel());
    connectControls();
    connectFind();
    qApp->installEventFilter(this);
}

void EditorPage::setUpWidgets() {
    setObjectName("editorPage");
    find_->setPlaceholderText(tr("Find a question (Ctrl+F)…"));
    enableClearButtonWhenTyped(*find_);
    find_->setAccessibleName(tr("Find a question (Ctrl+F)"));
    dimensions_->setObjectName("dimensionList");
    dimensions_->setMinimumWidth(150);
    dimensions_->setWordWrap(true);
    dimensions_->setFocusPolicy(Qt::NoFocus);
    dimensions_->setSpacing(3);
    dimensions_->setResizeMode(QListView::Adjust); // wrapped names re-measured at the new width
    dimensions_->setTextElideMode(Qt::ElideNone);
    dimensions_->setAccessibleName(tr("Dimensions, each with how many questions are answered"));

    setAcceptDrops(true);
    attached_->setObjectName("attachedEvidence");
    for (auto* label : {breadcrumb_, question_, guidance_, evidence_, attached_}) {
        label->setWordWrap(true);
        label->setTextFormat(Qt::PlainText); // model and user text is data, never markup
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    noteStatus_->setTextFormat(Qt::PlainText);
    breadcrumb_->setObjectName("breadcrumb");
    question_->setObjectName("questionText");
    QFont questionFont = question_->font();
    questionFont.setPointSizeF(questionFont.pointSizeF() * 1.45);
    questionFont.setBold(true);
    question_->setFont(questionFont);
    breadcrumb_->setPalette(mutedPalette(guidance_));
    noteStatus_->setPalette(mutedPalette(guidance_));

    for (int i = 0; i < 6; ++i) {
        auto* card = new LevelCard(i, this);
        cards_ << card;
        connect(card, &LevelCard::clicked, this, [this](int index) {
            if (document_ && index < static_cast<int>(document_->model().scale.size()))
                document_->setLevel(document_->currentQuestion().id, document_->model().scale[index].value);
        });
    }

    notApplicable_->setCheckable(true);
    notApplicable_->setFocusPolicy(Qt::NoFocus);
    target_->setObjectName("targetCombo");
    target_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    confidence_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    confidence_->setObjectName("confidenceCombo");
    confidence_->addItem(tr("Low confidence"), "low");
    confidence_->addItem(tr("Medium confidence"), "medium");
    confidence_->addItem(tr("High confidence"), "high");
    notes_->setObjectName("notesEdit");
    notes_->setPlaceholderText(
        tr("Notes and evidence: what was seen, who said it, which documents prove it…"));
    notes_->setTabChangesFocus(true);
    notes_->setMinimumHeight(90);
    previous_->setFocusPolicy(Qt::NoFocus);
    next_->setFocusPolicy(Qt::NoFocus);
}

QWidget* EditorPage::buildQuestionPanel() {
    auto* cardGrid = new QGridLayout;
    cardGrid->setSpacing(8);
    auto* controls = new QHBoxLayout;
    controls->addWidget(notApplicable_);
    controls->addWidget(new QLabel(tr("Target (Alt+0–5):"), this));
    controls->addWidget(target_);
    controls->addWidget(confidence_);
    controls->addStretch();

    auto* nav = new QHBoxLayout;
    nav->addWidget(previous_);
    nav->addStretch();
    nav->addWidget(noteStatus_);
    nav->addStretch();
    nav->addWidget(next_);

    auto* questionPanel = new QWidget(this);
    questionPanel->setObjectName("questionPanel");
    questionPanel->setFocusPolicy(Qt::StrongFocus);
    // A visible mark where the workshop keys go.
    questionPanel->setStyleSheet(
        QStringLiteral("#questionPanel:focus { border: 2px solid palette(highlight); }"));
    questionPanel->setAttribute(Qt::WA_StyledBackground);
    auto* panel = new QVBoxLayout(questionPanel);
    panel->setContentsMargins(16, 12, 16, 12);
    panel->addWidget(breadcrumb_);
    panel->addWidget(question_);
    panel->addWidget(guidance_);
    panel->addWidget(evidence_);
    panel->addWidget(attached_);
    panel->addWidget(voices_);
    panel->addSpacing(6);
    panel->addLayout(cardGrid);
    panel->addLayout(controls);
    panel->addWidget(notes_, 1);
    panel->addLayout(nav);
    for (int i = 0; i < 6; ++i)
        cardGrid->addWidget(cards_[i], i / 2, i % 2);
    // Tab walks the question as it reads: the cards, the target, the confidence, the notes.
    QWidget* previous = questionPanel;
    for (QWidget* next :
         QList<QWidget*>(cards_.begin(), cards_.end()) + QList<QWidget*>{target_, confidence_, notes_}) {
        setTabOrder(previous, next);
        previous = next;
    }
    return questionPanel;
}

// The question panel beside the dimension list, the key hints below; an empty page while nothing is open.
void EditorPage::buildPages(QWidget* questionPanel) {
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(questionPanel);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(find_);
    leftLayout->addWidget(dimensions_, 1);

    auto* splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(scroll);
    // A smaller window takes most of its width from the question, a fifth from the dimension list.
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 4);
    splitter->setSizes({230, 900});

    auto* hints = new QLabel(keyHelpText(), this);
    hints->setObjectName("keyHints");
    hints->setWordWrap(true);
    hints->setAlignment(Qt::AlignCenter);
    hints->setPalette(mutedPalette(this));
    hints->setContentsMargins(6, 4, 6, 4);

    auto* work = new QWidget(this);
    auto* workLayout = new QVBoxLayout(work);
    workLayout->setContentsMargins(0, 0, 0, 0);
    workLayout->addWidget(splitter, 1);
    workLayout->addWidget(hints);

    // With no assessment open, say what to do instead of showing empty cards.
    auto* empty =
        new QLabel(tr("No assessment is open.\n\nPick one in the portfolio on the left, or press Ctrl+N "
                      "to start a new one."),
                   this);
    empty->setObjectName("emptyEditor");
    empty->setAlignment(Qt::AlignCenter);
    empty->setWordWrap(true);
    QFont emptyFont = empty->font();
    emptyFont.setPointSizeF(emptyFont.pointSizeF() * 1.3);
    empty->setFont(emptyFont);
    empty->setPalette(mutedPalette(this));

    pages_ = new QStackedLayout(this);
    pages_->addWidget(empty);
    pages_->addWidget(work);
}

void EditorPage::connectControls() {
    connect(dimensions_, &QListWidget::currentRowChanged, this, [this](int row) {
        if (updating_ || !document_ || row < 0)
            return;
        // Jump to the first question of the chosen dimension.
        int index = 0;
        for (int d = 0; d < row; ++d)
            index += static_cast<int>(document_->model().dimensions[d].questions.size());
        document_->setCurrentIndex(index);
    });
    connect(notApplicable_, &QPushButton::clicked, this, [this](bool checked) {
        if (document_)
            document_->setNotApplicable(document_->currentQuestion().id, checked);
    });
    connect(target_, &QComboBox::activated, this, [this](int index) {
        if (!document_ || updating_)
            return;
        const QVariant value = target_->itemData(index);
        document_->setTarget(document_->currentQuestion().id,
                             value.isValid() ? std::optional<double>(value.toDouble()) : std::nullopt);
        // Back to the question: the next letter must not land in the drop-down (where N would pick an item).
        QTimer::singleShot(0, this, &EditorPage::focusQuestion);
    });
    connect(confidence_, &QComboBox::activated, this, [this](int index) {
        if (document_ && !updating_)
            document_->setConfidence(
                document_->currentQuestion().id,
                confidenceFromString(confidence_->itemData(index).toString().toStdString())
                    .value_or(Confidence::Medium));
        QTimer::singleShot(0, this, &EditorPage::focusQuestion);
    });
    // The note goes straight into the document, which writes it a moment after the last key stroke.
    connect(notes_, &QPlainTextEdit::textChanged, this, [this] {
        if (!updating_ && document_ && !notesQuestion_.empty()) {
            noteStatus_->setText(tr("Typing…"));
            document_->setNote(notesQuestion_, notes_->toPlainText().toStdString());
        }
    });
    connect(previous_, &QPushButton::clicked, this, [this] {
        if (document_)
            document_->previous();
    });
    connect(next_, &QPushButton::clicked, this, [this] {
        if (document_)
            document_->next();
    });
}

void EditorPage::setDocument(AssessmentDocument* document) {
    if (document_)
        disconnect(document_, nullptr, this, nullptr);
    document_ = document;
    notesQuestion_.clear();
    pages_->setCurrentIndex(document_ ? 1 : 0);
    if (!document_)
        return;
    connect(document_, &AssessmentDocument::currentChanged, this, &EditorPage::showCurrent);
    connect(document_, &AssessmentDocument::activeVoiceChanged, this, &EditorPage::showCurrent);
    connect(document_, &AssessmentDocument::sealedChanged, voices_, &VoiceStrip::refresh);
    connect(document_, &AssessmentDocument::rosterChanged, this, [this] {
        voices_->setDocument(document_);
        voices_->refresh();
    });
    connect(document_, &AssessmentDocument::answerChanged, this, [this](const QString& id) {
        refreshDimensions();
        if (id.toStdString() == document_->currentQuestion().id) {
            refreshAnswer();
            voices_->refresh();
        }
    });
    connect(document_, &AssessmentDocument::saved, this, [this](const QString& id, double ms) {
        noteStatus_->setText(tr("Saved %1 (%2 ms)").arg(id).arg(ms, 0, 'f', 1));
    });
    connect(document_->evidence(), &EvidenceList::changed, this, [this] {
        refreshAttached();
        refreshDimensions();
    });
    connect(document_->evidence(), &EvidenceList::attachStarted, this,
            [this](const QString& name) { noteStatus_->setText(tr("Attaching %1…").arg(name)); });
    connect(document_->evidence(), &EvidenceList::attachDone, this,
            [this](const Evidence& e) { noteStatus_->setText(tr("Attached “%1”").arg(q(e.title))); });
    connect(document_->evidence(), &EvidenceList::attachFailed, this,
            [this](const QString& message) { noteStatus_->setText(message); });
    dimensions_->clear();
    for (const auto& d : document_->model().dimensions)
        dimensions_->addItem(q(d.title));
    rebuildFindList();
    voices_->setDocument(document_);
    refreshDimensions();
    showCurrent();
}

void EditorPage::refreshDimensions() {
    if (!document_)
        return;
    updating_ = true;
    const auto& scores = document_->scores();
    int currentDimension = 0, index = 0;
    for (int d = 0; d < static_cast<int>(document_->model().dimensions.size()); ++d) {
        const auto& dimension = document_->model().dimensions[d];
        const auto* result = scores.dimension(dimension.id);
        QString progress = tr("%1 of %2 answered").arg(result->answered).arg(result->total);
        std::size_t files = 0;
        for (const auto& question : dimension.questions)
            files += document_->evidence()->countFor(question.id);
        if (files > 0)
            progress += files == 1 ? tr(" · 1 file") : tr(" · %1 files").arg(files);
        QListWidgetItem* item = dimensions_->item(d);
        item->setText(q(dimension.title) + "\n" + progress +
                      (result->answered == result->total ? "  ✓" : ""));
        if (document_->currentIndex() >= index)
            currentDimension = d;
        index += static_cast<int>(dimension.questions.size());
    }
    dimensions_->setCurrentRow(currentDimension);
    updating_ = false;
}

void EditorPage::showCurrent() {
    if (!document_)
        return;
    updating_ = true;
    const Model& model = document_->model();
    const Question& question = document_->currentQuestion();
    const Dimension* dimension = model.dimension(question.dimensionId);
    const QString askFirst = q(askFirstSentence(question));
    breadcrumb_->setText(tr("%1  ·  Question %2 of %3  ·  %4")
                             .arg(q(dimension->title))
                             .arg(document_->currentIndex() + 1)
                             .arg(document_->questions().size())
                             .arg(q(question.id)) +
                         (askFirst.isEmpty() ? QString() : "  ·  " + askFirst));
    question_->setText(q(question.text));
    guidance_->setText(q(question.guidance));
    guidance_->setVisible(!question.guidance.empty());
    QStringList evidence;
    for (const auto& e : question.evidence)
        evidence << q(e);
    evidence_->setText(tr("Evidence to look for: %1").arg(evidence.join("; ")));
    evidence_->setVisible(!evidence.isEmpty());
    refreshAttached();
    target_->clear();
    target_->addItem(tr("No target"), QVariant());
    for (const auto& l : model.scale)
        target_->addItem(level(l.value) + "  " + q(l.label), l.value);
    previous_->setEnabled(document_->currentIndex() > 0);
    next_->setEnabled(document_->currentIndex() + 1 < static_cast<int>(document_->questions().size()));
    const auto answer = document_->answer(question.id, document_->activeVoice());
    notes_->setPlainText(answer ? q(answer->note) : QString());
    notesQuestion_ = question.id;
    noteStatus_->clear();
    updating_ = false;
    refreshAnswer();
    voices_->refresh();
    refreshDimensions();
}

void EditorPage::refreshAnswer() {
    if (!document_)
        return;
    updating_ = true;
    const Model& model = document_->model();
    const auto answer = document_->answer(document_->currentQuestion().id, document_->activeVoice());
    showLevels(cards_, model, document_->currentQuestion(), answer);
    notApplicable_->setChecked(answer && answer->notApplicable);
    target_->setCurrentIndex(answer && answer->target ? target_->findData(*answer->target) : 0);
    confidence_->setCurrentIndex(confidence_->findData(
        QString::fromLatin1(toString(answer ? answer->confidence : Confidence::Medium).data())));
    // Undo can change the note of the question on screen; typing leaves the field and the document equal.
    const QString note = answer ? q(answer->note) : QString();
    if (notes_->toPlainText() != note)
        notes_->setPlainText(note);
    describeControls(answer);
    updating_ = false;
}

void EditorPage::describeControls(const std::optional<Answer>& answer) {
    const Model& model = document_->model();
    const Question& question = document_->currentQuestion();
    const Participant* voice = document_->participant(document_->activeVoice());
    const QString who =
        !voice || voice->isDefault ? tr("the consensus") : q(voice->name + " (" + voice->group + ")");
    auto levelText = [&](const std::optional<double>& value) {
        return value ? level(*value) + " " + q(model.levelLabel(*value)) : tr("none");
    };
    const QString current = !answer || !answer->hasLevel() ? tr("no level yet")
                            : answer->notApplicable        ? tr("not applicable")
                                                    : tr("current level %1").arg(levelText(answer->current));
    const QString target = answer && answer->target ? levelText(answer->target) : tr("none");
    auto* panel = findChild<QWidget*>("questionPanel");
    panel->setAccessibleName(tr("Question %1 of %2, %3: %4")
                                 .arg(document_->currentIndex() + 1)
                                 .arg(document_->questions().size())
                                 .arg(q(question.id), q(question.text)));
    panel->setAccessibleDescription(
        tr("Answering for %1: %2, target %3. Keys: 0–5 level, Alt+0–5 target, N not applicable, E notes, "
           "Enter next.")
            .arg(who, current, target));
    notApplicable_->setAccessibleName(notApplicable_->isChecked() ? tr("Not applicable (N): on")
                                                                  : tr("Not applicable (N): off"));
    target_->setAccessibleName(tr("Target level (Alt+0–5): %1").arg(target));
    confidence_->setAccessibleName(tr("Confidence (L, M, H): %1").arg(confidence_->currentText()));
    notes_->setAccessibleName(tr("Notes for %1 on %2 (E)").arg(who, q(question.id)));
}

void EditorPage::refreshAttached() {
    if (!document_)
        return;
    const auto files = evidenceFor(document_->evidence()->attached(), document_->currentQuestion().id);
    QStringList titles;
    for (const Evidence* e : files)
        titles << q(e->title);
    attached_->setText(titles.isEmpty()
                           ? tr("No evidence file attached: drop one here, paste a screenshot (Ctrl+V) or "
                                "press Ctrl+Shift+E.")
                           : tr("Evidence files (%1): %2").arg(titles.size()).arg(titles.join("; ")));
    attached_->setPalette(titles.isEmpty() ? mutedPalette(guidance_) : guidance_->palette());
}

} // namespace mw::ui
