#include "evidence_page.hpp"

#include "assessment_document.hpp"
#include "evidence_attach.hpp"
#include "evidence_dialog.hpp"
#include "evidence_list.hpp"
#include "platform/qt_text.hpp"

#include <QAction>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace mw::ui {

namespace {

constexpr int kEvidenceIdRole = Qt::UserRole;
constexpr int kQuestionIdRole = Qt::UserRole;
constexpr int kListThumbnail = 48;
constexpr int kPreviewThumbnail = 320;

enum Column {
    TitleColumn,
    KindColumn,
    SizeColumn,
    ValidColumn,
    SuppliedColumn,
    QuestionsColumn,
    ColumnCount
};

QString questionsText(const Evidence& evidence) {
    if (evidence.questionIds.empty())
        return QObject::tr("whole assessment");
    QStringList ids;
    for (const auto& id : evidence.questionIds)
        ids << q(id);
    return ids.join(", ");
}

} // namespace

EvidencePage::EvidencePage(QWidget* parent)
    : QWidget(parent)
    , filter_(new QComboBox(this))
    , search_(new QLineEdit(this))
    , attach_(new QPushButton(tr("Attach f&iles…"), this))
    , paste_(new QPushButton(tr("&Paste (Ctrl+V)"), this))
    , progressRow_(new QWidget(this))
    , progressLabel_(new QLabel(progressRow_))
    , progress_(new QProgressBar(progressRow_))
    , list_(new QTreeWidget(this))
    , preview_(new ImageLabel(this))
    , details_(new QLabel(this))
    , open_(new QPushButton(tr("&Open"), this))
    , save_(new QPushButton(tr("&Save as…"), this))
    , edit_(new QPushButton(tr("Chan&ge… (F2)"), this))
    , remove_(new QPushButton(tr("Remove (Del)"), this))
    , missingHeading_(new QLabel(this))
    , missing_(new QListWidget(this)) {
    setObjectName("evidencePage");
    setAcceptDrops(true);
    buildLayout();
    connectControls();
    setDocument(nullptr);
}

void EvidencePage::buildLayout() {
    filter_->setObjectName("evidenceFilter");
    filter_->setAccessibleName(tr("Show the evidence of"));
    filter_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    filter_->setMinimumContentsLength(28);
    search_->setObjectName("evidenceSearch");
    search_->setPlaceholderText(tr("Search titles, files, suppliers…"));
    search_->setClearButtonEnabled(true);
    search_->setAccessibleName(tr("Search the evidence"));
    auto* top = new QHBoxLayout;
    auto* showLabel = new QLabel(tr("Sho&w:"), this);
    showLabel->setBuddy(filter_);
    top->addWidget(showLabel);
    top->addWidget(filter_, 2);
    top->addWidget(search_, 2);
    top->addWidget(attach_);
    top->addWidget(paste_);

    auto* progressLayout = new QHBoxLayout(progressRow_);
    progressLayout->setContentsMargins(0, 0, 0, 0);
    auto* cancel = new QPushButton(tr("Cancel"), progressRow_);
    cancel->setObjectName("cancelAttach");
    progressLayout->addWidget(progressLabel_, 1);
    progressLayout->addWidget(progress_, 1);
    progressLayout->addWidget(cancel);
    connect(cancel, &QPushButton::clicked, this, [this] {
        if (document_)
            document_->evidence()->cancelAttach();
    });
    progressLabel_->setTextFormat(Qt::PlainText);
    progressRow_->hide();

    list_->setObjectName("evidenceList");
    list_->setColumnCount(ColumnCount);
    list_->setHeaderLabels(
        {tr("Evidence"), tr("Kind"), tr("Size"), tr("Valid on"), tr("Supplied by"), tr("Backs")});
    list_->setRootIsDecorated(false);
    list_->setUniformRowHeights(true);
    list_->setIconSize(QSize(kListThumbnail, kListThumbnail));
    list_->setAlternatingRowColors(true);
    list_->setSelectionMode(QAbstractItemView::SingleSelection);
    // The title takes what the other columns leave; they are as wide as what they hold.
    list_->header()->setStretchLastSection(false);
    list_->header()->setMinimumSectionSize(60);
    // The kind is in the details beside the list; the supplier and questions keep a set width, so the title
    // still shows at twice the scale on a projector.
    for (int c = 0; c < ColumnCount; ++c)
        list_->header()->setSectionResizeMode(c, c == TitleColumn      ? QHeaderView::Stretch
                                                 : c >= SuppliedColumn ? QHeaderView::Interactive
                                                                       : QHeaderView::ResizeToContents);
    list_->setColumnHidden(KindColumn, true);
    list_->header()->resizeSection(SuppliedColumn, 120);
    list_->header()->resizeSection(QuestionsColumn, 120);
    list_->installEventFilter(this); // a narrow list gives the title the supplier's and date's room
    list_->setAccessibleName(tr("Evidence files"));

    preview_->setObjectName("evidencePreview");
    preview_->setMinimumSize(120, 90);
    details_->setObjectName("evidenceDetails");
    details_->setTextFormat(Qt::PlainText); // user text is data, never markup
    details_->setWordWrap(true);
    details_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    details_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    auto* side = new QWidget(this);
    side->setMaximumWidth(kPreviewThumbnail + 40); // the list keeps most of the width
    auto* sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    // The details get the height their text needs; the picture takes what is left.
    sideLayout->addWidget(preview_, 1);
    sideLayout->addWidget(details_, 0);
    auto* buttons = new QGridLayout;
    buttons->addWidget(open_, 0, 0);
    buttons->addWidget(save_, 0, 1);
    buttons->addWidget(edit_, 1, 0);
    buttons->addWidget(remove_, 1, 1);
    sideLayout->addLayout(buttons);

    auto* upper = new QSplitter(this);
    upper->addWidget(list_);
    upper->addWidget(side);
    upper->setStretchFactor(0, 3);
    upper->setStretchFactor(1, 1);

    missingHeading_->setObjectName("missingHeading");
    missingHeading_->setWordWrap(true);
    missing_->setObjectName("missingEvidence");
    missing_->setWordWrap(true);
    missing_->setAccessibleName(tr("Questions answered at level 3 or above with no evidence"));
    auto* lower = new QWidget(this);
    auto* lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 0, 0, 0);
    lowerLayout->addWidget(missingHeading_);
    lowerLayout->addWidget(missing_, 1);

    auto* vertical = new QSplitter(Qt::Vertical, this);
    vertical->addWidget(upper);
    vertical->addWidget(lower);
    vertical->setStretchFactor(0, 3);
    vertical->setStretchFactor(1, 1);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(progressRow_);
    layout->addWidget(vertical, 1);
}

bool EvidencePage::eventFilter(QObject* watched, QEvent* event) {
    if (watched == list_ && event->type() == QEvent::Resize) {
        // Below this width (at twice the scale, or beside a wide portfolio) the title would be cut to a
        // word; the date and the supplier stay in the details beside the list.
        const bool narrow = list_->width() < 600;
        list_->setColumnHidden(ValidColumn, narrow);
        list_->setColumnHidden(SuppliedColumn, narrow);
    }
    return QWidget::eventFilter(watched, event);
}

void EvidencePage::connectControls() {
    connect(filter_, &QComboBox::currentIndexChanged, this, [this] {
        if (!rebuilding_)
            refresh();
    });
    connect(search_, &QLineEdit::textChanged, this, &EvidencePage::refresh);
    connect(attach_, &QPushButton::clicked, this, &EvidencePage::attachFiles);
    connect(paste_, &QPushButton::clicked, this, &EvidencePage::pasteFiles);
    connect(open_, &QPushButton::clicked, this, &EvidencePage::openSelected);
    connect(save_, &QPushButton::clicked, this, &EvidencePage::saveSelected);
    connect(edit_, &QPushButton::clicked, this, &EvidencePage::editSelected);
    connect(remove_, &QPushButton::clicked, this, &EvidencePage::removeOrRestoreSelected);
    connect(list_, &QTreeWidget::currentItemChanged, this, &EvidencePage::refreshDetails);
    connect(list_, &QTreeWidget::itemActivated, this, &EvidencePage::editSelected);
    // Enter on a missing question attaches to it; the editor follows, so the discussion stays on it.
    connect(missing_, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        if (!document_)
            return;
        const std::string id = s(item->data(kQuestionIdRole).toString());
        emit questionChosen(id);
        chooseAndAttach(this, *document_, {id});
    });
    // F2 and Delete act on the list only, so that they stay editing keys in the search field.
    auto shortcut = [this](QWidget* on, QKeySequence keys, Qt::ShortcutContext context, auto slot) {
        auto* action = new QAction(on);
        action->setShortcut(keys);
        action->setShortcutContext(context);
        connect(action, &QAction::triggered, this, slot);
        on->addAction(action);
    };
    shortcut(list_, QKeySequence(Qt::Key_F2), Qt::WidgetShortcut, &EvidencePage::editSelected);
    shortcut(list_, QKeySequence(Qt::Key_Delete), Qt::WidgetShortcut, &EvidencePage::removeOrRestoreSelected);
    shortcut(this, QKeySequence::Paste, Qt::WidgetWithChildrenShortcut, &EvidencePage::pasteFiles);
}

void EvidencePage::setDocument(AssessmentDocument* document) {
    if (document_) {
        disconnect(document_, nullptr, this, nullptr);
        disconnect(document_->evidence(), nullptr, this, nullptr);
    }
    document_ = document;
    for (QWidget* w : std::initializer_list<QWidget*>{filter_, search_, attach_, paste_, list_, missing_})
        w->setEnabled(document_ != nullptr);
    if (document_) {
        EvidenceList* evidence = document_->evidence();
        connect(evidence, &EvidenceList::changed, this, [this] {
            rebuildFilter();
            refresh();
        });
        connect(evidence, &EvidenceList::thumbnailReady, this, [this] {
            refreshThumbnails();
            refreshDetails();
        });
        connect(evidence, &EvidenceList::failed, this, &EvidencePage::failed);
        connect(evidence, &EvidenceList::attachFailed, this, [this](const QString& message) {
            progressRow_->setVisible(document_ && document_->evidence()->busy());
            emit failed(message);
        });
        connect(evidence, &EvidenceList::attachStarted, this, [this](const QString& name, int waiting) {
            progressLabel_->setText(waiting > 0 ? tr("Attaching %1 (%2 more waiting)…").arg(name).arg(waiting)
                                                : tr("Attaching %1…").arg(name));
            progress_->setValue(0);
            progressRow_->show();
        });
        connect(evidence, &EvidenceList::attachProgress, progress_, &QProgressBar::setValue);
        connect(evidence, &EvidenceList::attachDone, this, [this](const Evidence& e) {
            progressRow_->setVisible(document_ && document_->evidence()->busy());
            emit status(tr("Attached “%1” (%2)").arg(q(e.title), q(formatByteSize(e.size))));
        });
        connect(document_, &AssessmentDocument::scoresChanged, this, &EvidencePage::refreshMissing);
        connect(document_, &AssessmentDocument::currentChanged, this, [this] {
            rebuildFilter();
            refresh();
        });
    }
    progressRow_->setVisible(document_ && document_->evidence()->busy());
    rebuildFilter();
    refresh();
}

// What the filter offers, with how many each holds; the choice survives the rebuild.
void EvidencePage::rebuildFilter() {
    const QString chosen = filter_->currentData().toString();
    rebuilding_ = true;
    filter_->clear();
    if (document_) {
        const auto& attached = document_->evidence()->attached();
        filter_->addItem(tr("All evidence (%1)").arg(attached.size()), "all");
        const Question& current = document_->currentQuestion();
        filter_->addItem(tr("Question in discussion: %1 (%2)")
                             .arg(q(current.id))
                             .arg(document_->evidence()->countFor(current.id)),
                         "current");
        const auto whole = std::count_if(attached.begin(), attached.end(),
                                         [](const Evidence& e) { return e.questionIds.empty(); });
        filter_->addItem(tr("The assessment as a whole (%1)").arg(whole), "whole");
        for (const auto& dimension : document_->model().dimensions) {
            const auto inDimension = std::count_if(attached.begin(), attached.end(), [&](const Evidence& e) {
                return std::any_of(dimension.questions.begin(), dimension.questions.end(),
                                   [&](const Question& question) { return e.supports(question.id); });
            });
            filter_->addItem(tr("%1 (%2)").arg(q(dimension.title)).arg(inDimension),
                             "dimension:" + q(dimension.id));
        }
        for (const auto* question : document_->questions())
            filter_->addItem(tr("Question %1 (%2)")
                                 .arg(q(question->id))
                                 .arg(document_->evidence()->countFor(question->id)),
                             "question:" + q(question->id));
        filter_->addItem(
            tr("Removed, restorable until the next backup (%1)").arg(document_->evidence()->removed().size()),
            "removed");
    }
    const int index = filter_->findData(chosen);
    filter_->setCurrentIndex(index >= 0 ? index : 0);
    rebuilding_ = false;
}

std::vector<std::string> EvidencePage::filterQuestions() const {
    const QString chosen = filter_->currentData().toString();
    if (chosen == "current" && document_)
        return {document_->currentQuestion().id};
    if (chosen.startsWith("question:"))
        return {s(chosen.mid(9))};
    return {};
}

bool EvidencePage::passesFilter(const Evidence& evidence) const {
    const QString chosen = filter_->currentData().toString();
    const bool named = !evidence.questionIds.empty();
    if (chosen == "whole" && named)
        return false;
    if (chosen == "current" && !evidence.supports(document_->currentQuestion().id))
        return false;
    if (chosen.startsWith("question:") && !evidence.supports(s(chosen.mid(9))))
        return false;
    if (chosen.startsWith("dimension:")) {
        const Dimension* dimension = document_->model().dimension(s(chosen.mid(10)));
        if (!dimension ||
            std::none_of(dimension->questions.begin(), dimension->questions.end(),
                         [&](const Question& question) { return evidence.supports(question.id); }))
            return false;
    }
    const QString text = search_->text().trimmed();
    if (text.isEmpty())
        return true;
    for (const auto* field : {&evidence.title, &evidence.fileName, &evidence.suppliedBy, &evidence.validOn})
        if (q(*field).contains(text, Qt::CaseInsensitive))
            return true;
    return false;
}

void EvidencePage::refresh() {
    const std::optional<Id> keep = selectedId();
    list_->clear();
    if (document_) {
        const bool removed = filter_->currentData().toString() == "removed";
        const auto& shown = removed ? document_->evidence()->removed() : document_->evidence()->attached();
        for (const auto& e : shown) {
            if (!removed && !passesFilter(e))
                continue;
            auto* item = new QTreeWidgetItem(list_);
            item->setData(TitleColumn, kEvidenceIdRole, QVariant::fromValue<qlonglong>(e.id));
            item->setText(TitleColumn,
                          q(e.title) + (e.fromBaseline() ? tr("  (from the baseline)") : QString()));
            item->setToolTip(TitleColumn, q(e.fileName));
            item->setText(KindColumn, q(describeMediaType(e.mediaType)));
            item->setText(SizeColumn, q(formatByteSize(e.size)));
            item->setTextAlignment(SizeColumn, Qt::AlignRight | Qt::AlignVCenter);
            item->setText(ValidColumn, q(e.validOn));
            item->setText(SuppliedColumn, q(e.suppliedBy));
            item->setText(QuestionsColumn, questionsText(e));
            if (keep && *keep == e.id)
                list_->setCurrentItem(item);
        }
        if (!list_->currentItem() && list_->topLevelItemCount() > 0)
            list_->setCurrentItem(list_->topLevelItem(0));
    }
    refreshThumbnails();
    refreshDetails();
    refreshMissing();
}

void EvidencePage::refreshThumbnails() {
    if (!document_)
        return;
    const QIcon placeholder = QIcon::fromTheme("text-x-generic", style()->standardIcon(QStyle::SP_FileIcon));
    for (int row = 0; row < list_->topLevelItemCount(); ++row) {
        QTreeWidgetItem* item = list_->topLevelItem(row);
        const Evidence* e =
            document_->evidence()->find(item->data(TitleColumn, kEvidenceIdRole).toLongLong());
        if (!e)
            continue;
        const QImage image = document_->evidence()->thumbnail(*e, kListThumbnail * 2);
        item->setIcon(TitleColumn, image.isNull() ? placeholder : QIcon(QPixmap::fromImage(image)));
    }
}

const Evidence* EvidencePage::selected() const {
    if (!document_ || !list_->currentItem())
        return nullptr;
    return document_->evidence()->find(list_->currentItem()->data(TitleColumn, kEvidenceIdRole).toLongLong());
}

std::optional<Id> EvidencePage::selectedId() const {
    if (const Evidence* e = selected())
        return e->id;
    return std::nullopt;
}

void EvidencePage::refreshDetails() {
    const Evidence* e = selected();
    for (QPushButton* b : {open_, save_, edit_, remove_})
        b->setEnabled(e != nullptr);
    if (!e) {
        preview_->setMessage(
            document_ ? tr("Drop files here, paste a screenshot (Ctrl+V) or press Alt+I to attach.")
                      : tr("No assessment is open."));
        preview_->setWordWrap(true);
        details_->clear();
        return;
    }
    // Decoded for the screen's pixels, so that it is sharp at twice the scale too.
    const int side = qRound(kPreviewThumbnail * devicePixelRatioF());
    const QImage image = document_->evidence()->thumbnail(*e, side);
    if (image.isNull())
        preview_->setMessage(isPreviewableImage(e->mediaType) ? tr("Reading the image…")
                                                              : q(describeMediaType(e->mediaType)));
    else
        preview_->setImage(image);
    QStringList lines{
        q(e->title),
        tr("File: %1 (%2, %3)")
            .arg(q(e->fileName), q(describeMediaType(e->mediaType)), q(formatByteSize(e->size))),
        tr("Backs: %1").arg(questionsText(*e))};
    if (!e->validOn.empty())
        lines << tr("Valid on: %1").arg(q(e->validOn));
    if (!e->suppliedBy.empty())
        lines << tr("Supplied by: %1").arg(q(e->suppliedBy));
    if (e->fromBaseline())
        lines << tr("Carried over from the baseline: renew it if it has changed.");
    lines << tr("Attached: %1").arg(q(e->addedAt.substr(0, 10)));
    if (e->removed())
        lines << tr("Removed %1; restorable until the next backup.").arg(q(e->removedAt.substr(0, 10)));
    // In two halves: the panel is narrower than the 64 digits, and a cut checksum cannot be compared.
    lines << tr("SHA-256: %1\n%2").arg(q(e->sha256.substr(0, 32)), q(e->sha256.substr(32)));
    details_->setText(lines.join('\n'));
    remove_->setText(e->removed() ? tr("Restore (Del)") : tr("Remove (Del)"));
}

void EvidencePage::refreshMissing() {
    missing_->clear();
    if (!document_) {
        missingHeading_->clear();
        return;
    }
    const EvidenceReview review =
        reviewEvidence(document_->model(), document_->scores(), document_->evidence()->attached());
    for (const auto& question : review.questions) {
        if (!question.missingForLevel())
            continue;
        QString text =
            tr("%1 — %2 (level %3)")
                .arg(q(question.question->id), q(question.question->text), q(formatNumber(*question.level)));
        QStringList look;
        for (const auto& suggestion : question.suggestedMissing)
            look << q(suggestion);
        if (!look.isEmpty())
            text += "\n    " + tr("Look for: %1").arg(look.join("; "));
        auto* item = new QListWidgetItem(text, missing_);
        item->setData(kQuestionIdRole, q(question.question->id));
    }
    missingHeading_->setText(review.missingForLevel == 0
                                 ? tr("Every answer at level 3 or above has evidence behind it.")
                                 : tr("Answered at level 3 or above with no evidence (%1) — Enter attaches a "
                                      "file to the question:")
                                       .arg(review.missingForLevel));
}

void EvidencePage::showQuestion(const std::string& questionId) {
    const int index = filter_->findData("question:" + q(questionId));
    if (index >= 0)
        filter_->setCurrentIndex(index);
    list_->setFocus();
}

} // namespace mw::ui
