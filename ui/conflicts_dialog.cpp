#include "conflicts_dialog.hpp"

#include "platform/qt_text.hpp"
#include "workspace.hpp"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace mw::ui {

namespace {
QString shown(const nlohmann::json& value) {
    if (value.is_null())
        return QObject::tr("(deleted)");
    if (value.is_string())
        return q(value.get<std::string>());
    if (value.is_object()) {
        QStringList parts;
        for (const auto& [field, item] : value.items())
            parts << q(field) + ": " + (item.is_string() ? q(item.get<std::string>()) : q(item.dump()));
        return parts.join("; ");
    }
    return q(value.dump());
}
} // namespace

ConflictsDialog::ConflictsDialog(Workspace& workspace, QWidget* parent)
    : QDialog(parent)
    , workspace_(workspace)
    , table_(new QTableWidget(this))
    , summary_(new QLabel(this))
    , keep_(new QPushButton(tr("&Keep what was kept"), this))
    , restore_(new QPushButton(tr("&Restore the lost value"), this)) {
    setObjectName("conflictsDialog");
    setWindowTitle(tr("Sync conflicts"));
    summary_->setWordWrap(true);
    table_->setObjectName("conflictsTable");
    table_->setColumnCount(4);
    table_->setHorizontalHeaderLabels({tr("Record"), tr("Field"), tr("Kept"), tr("Lost")});
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setWordWrap(true);
    table_->verticalHeader()->hide();
    // Rows follow their text as the columns take their widths, not the widths before the dialog showed.
    table_->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    table_->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    table_->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
    keep_->setObjectName("keepConflict");
    restore_->setObjectName("restoreConflict");
    // K and R on the list itself: an item view takes typed letters for its search before any shortcut.
    table_->installEventFilter(this);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(keep_, QDialogButtonBox::ActionRole);
    buttons->addButton(restore_, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(keep_, &QPushButton::clicked, this, [this] { resolveCurrent(false); });
    connect(restore_, &QPushButton::clicked, this, [this] { resolveCurrent(true); });
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(summary_);
    layout->addWidget(table_, 1);
    layout->addWidget(buttons);
    resize(QSize(1000, 420).boundedTo(parent ? parent->size() : QSize(1000, 420)));
    reload();
    table_->setFocus();
}

bool ConflictsDialog::eventFilter(QObject* watched, QEvent* event) {
    if (watched == table_ && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->modifiers() == Qt::NoModifier && (key->key() == Qt::Key_K || key->key() == Qt::Key_R)) {
            resolveCurrent(key->key() == Qt::Key_R);
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

int ConflictsDialog::count() const {
    return table_->rowCount();
}

void ConflictsDialog::reload() {
    const int row = std::max(0, table_->currentRow());
    table_->setRowCount(0);
    auto conflicts = workspace_.conflicts();
    if (!conflicts) {
        summary_->setText(q(conflicts.error().message));
        return;
    }
    for (const auto& conflict : *conflicts) {
        const int at = table_->rowCount();
        table_->insertRow(at);
        auto* record = new QTableWidgetItem(q(conflict.description));
        record->setData(Qt::UserRole, QVariant::fromValue<qlonglong>(conflict.id));
        table_->setItem(at, 0, record);
        table_->setItem(
            at, 1,
            new QTableWidgetItem(conflict.field.empty() ? tr("(deleted elsewhere)") : q(conflict.field)));
        table_->setItem(at, 2, new QTableWidgetItem(shown(conflict.keptValue)));
        table_->setItem(at, 3, new QTableWidgetItem(shown(conflict.lostValue)));
    }
    summary_->setText(
        conflicts->empty()
            ? tr("No conflicts: nothing was changed on two laptops at once.")
            : (conflicts->size() == 1 ? tr("One field was changed on two laptops while they were apart.")
                                      : tr("%1 fields were changed on two laptops while they were apart.")
                                            .arg(conflicts->size())) +
                  tr(" The later change was kept everywhere; the other is here until you decide: "
                     "K keeps what was kept, R restores the lost value."));
    keep_->setEnabled(!conflicts->empty());
    restore_->setEnabled(!conflicts->empty());
    if (!conflicts->empty())
        table_->setCurrentCell(std::min(row, table_->rowCount() - 1), 0);
}

void ConflictsDialog::resolveCurrent(bool restoreLost) {
    const int row = table_->currentRow();
    if (row < 0)
        return;
    const auto id = table_->item(row, 0)->data(Qt::UserRole).toLongLong();
    if (auto resolved = workspace_.resolveConflict(id, restoreLost); !resolved)
        QMessageBox::warning(this, tr("Sync conflicts"), q(resolved.error().message));
    reload();
    table_->setFocus();
}

} // namespace mw::ui
