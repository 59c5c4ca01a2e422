#include "action_plan_page.hpp"

#include "assessment_document.hpp"
#include "startup.hpp"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTableWidget>
#include <QVBoxLayout>

#include <set>

namespace mw::ui {

namespace {

constexpr int kActionIdRole = Qt::UserRole + 1;

const ActionStatus kStatuses[] = {ActionStatus::Planned, ActionStatus::InProgress, ActionStatus::Done,
                                  ActionStatus::Dropped};

QString statusLabel(ActionStatus status) {
    switch (status) {
    case ActionStatus::Planned:
        return QObject::tr("Planned");
    case ActionStatus::InProgress:
        return QObject::tr("In progress");
    case ActionStatus::Done:
        return QObject::tr("Done");
    case ActionStatus::Dropped:
        return QObject::tr("Dropped");
    }
    return {};
}

// The status column edits with a list of the four statuses, so a key press picks one.
class StatusDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem&, const QModelIndex&) const override {
        auto* box = new QComboBox(parent);
        for (const auto status : kStatuses)
            box->addItem(statusLabel(status), static_cast<int>(status));
        return box;
    }
    void setEditorData(QWidget* editor, const QModelIndex& index) const override {
        auto* box = static_cast<QComboBox*>(editor);
        box->setCurrentIndex(std::max(0, box->findText(index.data(Qt::EditRole).toString())));
    }
    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override {
        model->setData(index, static_cast<QComboBox*>(editor)->currentText(), Qt::EditRole);
    }
};

} // namespace

ActionPlanPage::ActionPlanPage(QWidget* parent)
    : QWidget(parent)
    , summary_(new QLabel(this))
    , filter_(new QLineEdit(this))
    , table_(new QTableWidget(this))
    , gaps_(new QComboBox(this))
    , add_(new QPushButton(tr("&Add action for this gap"), this)) {
    setObjectName("actionPlanPage");
    summary_->setWordWrap(true);
    filter_->setPlaceholderText(tr("Filter by owner or status…"));
    filter_->setAccessibleName(tr("Filter the actions by owner or status"));
    enableClearButtonWhenTyped(*filter_);
    table_->setColumnCount(ColumnCount);
    table_->setHorizontalHeaderLabels(
        {tr("Horizon"), tr("Status"), tr("Due"), tr("Owner"), tr("Questions"), tr("Action"), tr("Note")});
    table_->setAccessibleName(tr("Action plan"));
    table_->setItemDelegateForColumn(Status, new StatusDelegate(table_));
    table_->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::AnyKeyPressed |
                            QAbstractItemView::DoubleClicked);
    table_->setSelectionBehavior(QAbstractItemView::SelectItems);
    table_->setWordWrap(true);
    table_->verticalHeader()->setVisible(false);
    // Wrapped rows keep the height of their text at the columns' real widths, as the window is resized.
    table_->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setSectionResizeMode(Title, QHeaderView::Stretch);
    table_->horizontalHeader()->setSectionResizeMode(Note, QHeaderView::Stretch);
    // An owner is often a name with a role: wrapped in a column of its own width, so that the title and the
    // note, which stretch, keep their room on a projector or at twice the scale.
    table_->horizontalHeader()->setSectionResizeMode(Owner, QHeaderView::Interactive);
    table_->setColumnWidth(Owner, table_->fontMetrics().averageCharWidth() * 20);
    gaps_->setAccessibleName(tr("Gaps without an action"));
    auto* addRow = new QHBoxLayout;
    auto* gapsLabel = new QLabel(tr("&Gap without an action:"), this);
    gapsLabel->setBuddy(gaps_);
    addRow->addWidget(gapsLabel);
    addRow->addWidget(gaps_, 1);
    addRow->addWidget(add_);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(summary_);
    layout->addWidget(filter_);
    layout->addWidget(table_, 1);
    layout->addLayout(addRow);

    connect(filter_, &QLineEdit::textChanged, this, &ActionPlanPage::applyFilter);
    connect(table_, &QTableWidget::cellChanged, this, &ActionPlanPage::cellEdited);
    connect(add_, &QPushButton::clicked, this, [this] {
        if (document_ && gaps_->currentIndex() >= 0)
            document_->addActionForGap(gaps_->currentData().toString().toStdString());
    });
}

void ActionPlanPage::setDocument(AssessmentDocument* document) {
    if (document_)
        disconnect(document_, nullptr, this, nullptr);
    document_ = document;
    if (document_) {
        connect(document_, &AssessmentDocument::actionsChanged, this, &ActionPlanPage::refresh);
        connect(document_, &AssessmentDocument::scoresChanged, this, &ActionPlanPage::refresh);
    }
    refresh();
}

void ActionPlanPage::refresh() {
    refreshing_ = true;
    const int keepRow = table_->currentRow(), keepColumn = table_->currentColumn();
    table_->setRowCount(0);
    gaps_->clear();
    if (!document_) {
        summary_->setText(tr("Open an assessment to see its action plan."));
        refreshing_ = false;
        return;
    }
    const std::string today = todayIsoDate();
    const auto& actions = document_->actions();
    int done = 0, late = 0, continued = 0;
    table_->setRowCount(static_cast<int>(actions.size()));
    for (int row = 0; row < static_cast<int>(actions.size()); ++row) {
        const Action& a = actions[static_cast<std::size_t>(row)];
        done += a.status == ActionStatus::Done;
        late += isLate(a, today);
        continued += a.continuedInFollowUp;
        const Gap* gap = mostUrgentGap(a, document_->gaps());
        QStringList questions;
        for (const auto& q : a.questionIds)
            questions << QString::fromStdString(q);
        const QString horizon = gap ? QString::fromUtf8(horizonTitle(gap->horizon)) : tr("no gap left");
        const QString due = QString::fromStdString(a.due);
        const QString cells[ColumnCount] = {horizon,
                                            statusLabel(a.status),
                                            due,
                                            QString::fromStdString(a.owner),
                                            questions.join(' '),
                                            QString::fromStdString(a.title),
                                            QString::fromStdString(a.note)};
        for (int column = 0; column < ColumnCount; ++column) {
            auto* item = new QTableWidgetItem(cells[column]);
            item->setData(kActionIdRole, QVariant::fromValue<qlonglong>(a.id));
            if (column == Horizon || column == Questions)
                item->setFlags(item->flags() & ~Qt::ItemIsEditable);
            item->setToolTip(cells[column]);
            if (column == Due && isLate(a, today)) {
                // Late: bold and in the palette's link colour, which keeps its contrast in both themes.
                QFont bold = item->font();
                bold.setBold(true);
                item->setFont(bold);
                item->setForeground(palette().color(QPalette::Link));
                item->setToolTip(tr("Late: due %1 and still open").arg(due));
            }
            table_->setItem(row, column, item);
        }
    }
    const std::set<std::string> served = questionsServed(actions);
    for (const auto& gap : document_->gaps())
        if (!served.contains(gap.questionId))
            gaps_->addItem(
                QStringLiteral("%1 (%2, priority %3): %4")
                    .arg(QString::fromStdString(gap.questionId), QString::fromUtf8(horizonTitle(gap.horizon)))
                    .arg(QString::fromStdString(formatScore(gap.priority)))
                    .arg(QString::fromStdString(gap.recommendation)),
                QString::fromStdString(gap.questionId));
    add_->setEnabled(gaps_->count() > 0);
    const int count = static_cast<int>(actions.size());
    summary_->setText(
        tr("%1 %2: %3 done, %4 late; %5 %6 without an action. Edit a cell with F2 or by typing; "
           "Ctrl+Z undoes.")
            .arg(count)
            .arg(count == 1 ? tr("action") : tr("actions"))
            .arg(done)
            .arg(late)
            .arg(gaps_->count())
            .arg(gaps_->count() == 1 ? tr("gap") : tr("gaps")) +
        (continued > 0 ? tr(" %1 carried on in a follow-up, where their status moves on.").arg(continued)
                       : QString()));
    applyFilter();
    if (keepRow >= 0 && keepRow < table_->rowCount())
        table_->setCurrentCell(keepRow, std::max(0, keepColumn));
    refreshing_ = false;
}

void ActionPlanPage::applyFilter() {
    const QString needle = filter_->text().trimmed();
    for (int row = 0; row < table_->rowCount(); ++row) {
        const bool shown = needle.isEmpty() ||
                           table_->item(row, Owner)->text().contains(needle, Qt::CaseInsensitive) ||
                           table_->item(row, Status)->text().contains(needle, Qt::CaseInsensitive);
        table_->setRowHidden(row, !shown);
    }
}

void ActionPlanPage::cellEdited(int row, int column) {
    if (refreshing_ || !document_)
        return;
    const QTableWidgetItem* item = table_->item(row, column);
    const Id actionId = item->data(kActionIdRole).toLongLong();
    const std::string text = item->data(Qt::EditRole).toString().trimmed().toStdString();
    ActionEdit change;
    switch (column) {
    case Status:
        for (const auto status : kStatuses)
            if (statusLabel(status).toStdString() == text)
                change.status = status;
        break;
    case Due:
        change.due = text;
        break;
    case Owner:
        change.owner = text;
        break;
    case Title:
        change.title = text;
        break;
    case Note:
        change.note = item->data(Qt::EditRole).toString().toStdString();
        break;
    default:
        return;
    }
    // Refreshed after the edit's round trip (or its refusal), not while the table is mid-edit.
    QMetaObject::invokeMethod(
        this,
        [this, actionId, change] {
            if (document_)
                document_->editAction(actionId, change);
        },
        Qt::QueuedConnection);
}

} // namespace mw::ui
