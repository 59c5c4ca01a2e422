#pragma once
#include <QString>
#include <QStringList>
#include <QTextStream>
#include <vector>

namespace mw {

// Aligned plain-text columns for terminal output. Columns listed in `rightAligned` hold numbers.
class TextTable {
public:
    explicit TextTable(QStringList headers, std::vector<int> rightAligned = {})
        : headers_(std::move(headers))
        , right_(std::move(rightAligned)) {}
    void addRow(QStringList row) { rows_.push_back(std::move(row)); }
    void addSeparator() { rows_.push_back({}); }
    void print(QTextStream& out) const;

private:
    QStringList headers_;
    std::vector<int> right_;
    std::vector<QStringList> rows_;
};

} // namespace mw
