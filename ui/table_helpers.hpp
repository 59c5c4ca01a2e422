#pragma once
// Read-only result tables shared by the dashboard and the compare view.
#include "core/model.hpp"

#include <QHeaderView>
#include <QTableWidget>

#include <optional>

namespace mw::ui {

inline QString fixedScore(const std::optional<double>& value) {
    return value ? QString::fromStdString(formatScore(*value)) : QStringLiteral("—");
}

inline QTableWidgetItem* readOnlyCell(const QString& text, bool number = false) {
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    if (number)
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

// First column stretches, the others fit their contents.
inline QTableWidget* makeResultTable(const QStringList& headers, QWidget* parent) {
    auto* table = new QTableWidget(0, static_cast<int>(headers.size()), parent);
    table->setHorizontalHeaderLabels(headers);
    table->verticalHeader()->setVisible(false);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setAlternatingRowColors(true);
    table->setWordWrap(true);
    table->horizontalHeader()->setStretchLastSection(false);
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int c = 1; c < table->columnCount(); ++c)
        table->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    return table;
}

} // namespace mw::ui
