#include "cli/text_table.hpp"

#include <algorithm>

namespace mw {

void TextTable::print(QTextStream& out) const {
    std::vector<qsizetype> widths(headers_.size(), 0);
    auto measure = [&](const QStringList& row) {
        for (qsizetype i = 0; i < row.size() && i < static_cast<qsizetype>(widths.size()); ++i)
            widths[i] = std::max(widths[i], row[i].size());
    };
    measure(headers_);
    for (const auto& row : rows_)
        measure(row);
    auto printRow = [&](const QStringList& row) {
        QString line;
        for (qsizetype i = 0; i < static_cast<qsizetype>(widths.size()); ++i) {
            const QString cell = i < row.size() ? row[i] : QString();
            const bool right = std::find(right_.begin(), right_.end(), i) != right_.end();
            const bool last = i + 1 == static_cast<qsizetype>(widths.size());
            if (i > 0)
                line += QStringLiteral("  ");
            line += right ? cell.rightJustified(widths[i]) : (last ? cell : cell.leftJustified(widths[i]));
        }
        while (line.endsWith(u' '))
            line.chop(1);
        out << line << '\n';
    };
    printRow(headers_);
    qsizetype total = 0;
    for (auto w : widths)
        total += w + 2;
    out << QString(total - 2, QChar(u'-')) << '\n';
    for (const auto& row : rows_) {
        if (row.isEmpty())
            out << QString(total - 2, QChar(u'-')) << '\n';
        else
            printRow(row);
    }
}

} // namespace mw
