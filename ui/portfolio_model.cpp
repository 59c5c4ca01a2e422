#include "portfolio_model.hpp"

#include "platform/qt_text.hpp"

#include <QFont>

namespace mw::ui {

namespace {
// Client rows carry internal id 0; an assessment row carries its client's index + 1.
constexpr quintptr kClientRow = 0;
QString percent(double value) {
    return QString::number(qRound(value)) + QStringLiteral("%");
}
} // namespace

void PortfolioModel::reset(const std::vector<Client>& clients, std::vector<AssessmentInfo> assessments) {
    beginResetModel();
    clients_.clear();
    assessments_.clear();
    byId_.clear();
    infos_ = std::move(assessments);
    std::unordered_map<Id, int> clientIndex;
    clients_.reserve(clients.size());
    for (const auto& c : clients) {
        ClientRow row;
        row.text = c.sector.empty() ? q(c.name) : q(c.name + "  ·  " + c.sector);
        row.sector = q(c.sector);
        row.search = row.text.toCaseFolded();
        clientIndex[c.id] = static_cast<int>(clients_.size());
        clients_.push_back(std::move(row));
    }
    assessments_.reserve(infos_.size());
    for (std::size_t i = 0; i < infos_.size(); ++i) {
        const AssessmentInfo& a = infos_[i];
        const auto client = clientIndex.find(a.clientId);
        if (client == clientIndex.end())
            continue; // a row listed between the two reads; the next reload shows it
        AssessmentRow row;
        row.info = static_cast<int>(i);
        row.client = client->second;
        row.row = static_cast<int>(clients_[row.client].assessments.size());
        row.title = q(a.title);
        row.date = q(a.date);
        row.status = q(std::string(toString(a.status)));
        row.done = percent(a.completeness());
        row.baseline = a.baselineId ? "#" + QString::number(*a.baselineId) : QString();
        row.tooltip = q(a.title + "\n" + a.modelId + " " + a.modelVersion + " · #" + std::to_string(a.id) +
                        " · " + std::string(toString(a.status)) +
                        (a.baselineId ? " · follows up #" + std::to_string(*a.baselineId) : ""));
        row.search = q(a.title + " " + a.date + " " + std::string(toString(a.status)) + " " + a.modelId +
                       " " + a.modelVersion)
                         .toCaseFolded();
        byId_[a.id] = static_cast<int>(assessments_.size());
        clients_[row.client].assessments.push_back(static_cast<int>(assessments_.size()));
        assessments_.push_back(std::move(row));
    }
    endResetModel();
}

void PortfolioModel::setCompleteness(Id assessmentId, double value) {
    const auto found = byId_.find(assessmentId);
    if (found == byId_.end())
        return;
    AssessmentRow& row = assessments_[static_cast<std::size_t>(found->second)];
    row.done = percent(value);
    const QModelIndex cell = createIndex(row.row, Done, static_cast<quintptr>(row.client + 1));
    emit dataChanged(cell, cell, {Qt::DisplayRole});
}

QModelIndex PortfolioModel::indexOf(Id assessmentId) const {
    const auto found = byId_.find(assessmentId);
    if (found == byId_.end())
        return {};
    const AssessmentRow& row = assessments_[static_cast<std::size_t>(found->second)];
    return createIndex(row.row, Title, static_cast<quintptr>(row.client + 1));
}

QModelIndex PortfolioModel::index(int row, int column, const QModelIndex& parent) const {
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return row < static_cast<int>(clients_.size()) ? createIndex(row, column, kClientRow) : QModelIndex();
    if (parent.internalId() != kClientRow || parent.column() != 0)
        return {};
    const ClientRow& client = clients_[static_cast<std::size_t>(parent.row())];
    if (row >= static_cast<int>(client.assessments.size()))
        return {};
    return createIndex(row, column, static_cast<quintptr>(parent.row() + 1));
}

QModelIndex PortfolioModel::parent(const QModelIndex& child) const {
    if (!child.isValid() || child.internalId() == kClientRow)
        return {};
    return createIndex(static_cast<int>(child.internalId() - 1), 0, kClientRow);
}

int PortfolioModel::rowCount(const QModelIndex& parent) const {
    if (!parent.isValid())
        return static_cast<int>(clients_.size());
    if (parent.internalId() != kClientRow || parent.column() != 0)
        return 0;
    return static_cast<int>(clients_[static_cast<std::size_t>(parent.row())].assessments.size());
}

int PortfolioModel::columnCount(const QModelIndex&) const {
    return ColumnCount;
}

QVariant PortfolioModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid())
        return {};
    if (index.internalId() == kClientRow) {
        const ClientRow& client = clients_[static_cast<std::size_t>(index.row())];
        if (index.column() != Title)
            return {};
        switch (role) {
        case Qt::DisplayRole:
            return client.text;
        case Qt::ToolTipRole:
            return client.sector;
        case Qt::FontRole: {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        case SearchRole:
            return client.search;
        default:
            return {};
        }
    }
    const ClientRow& client = clients_[static_cast<std::size_t>(index.internalId() - 1)];
    const AssessmentRow& row =
        assessments_[static_cast<std::size_t>(client.assessments[static_cast<std::size_t>(index.row())])];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Title:
            return row.title;
        case Date:
            return row.date;
        case Status:
            return row.status;
        case Done:
            return row.done;
        case Baseline:
            return row.baseline;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return index.column() == Title ? QVariant(row.tooltip) : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() == Done ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case IdRole:
        return index.column() == Title
                   ? QVariant::fromValue<qlonglong>(infos_[static_cast<std::size_t>(row.info)].id)
                   : QVariant();
    case SearchRole:
        return index.column() == Title ? QVariant(row.search) : QVariant();
    default:
        return {};
    }
}

QVariant PortfolioModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Title:
        return tr("Client / assessment");
    case Date:
        return tr("Date");
    case Status:
        return tr("Status");
    case Done:
        return tr("Done");
    case Baseline:
        return tr("Baseline");
    default:
        return {};
    }
}

} // namespace mw::ui
