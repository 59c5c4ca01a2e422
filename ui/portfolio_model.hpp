#pragma once
// The portfolio as a tree model over the listed rows themselves: clients, each with its assessments. A reload
// is one reset over two vectors, not tens of thousands of items, so a large portfolio opens at once.
#include "core/assessment.hpp"

#include <QAbstractItemModel>

#include <unordered_map>
#include <vector>

namespace mw::ui {

class PortfolioModel : public QAbstractItemModel {
    Q_OBJECT
public:
    static constexpr int IdRole = Qt::UserRole + 1;     // an assessment row's id (column 0)
    static constexpr int SearchRole = Qt::UserRole + 2; // the row's words, case folded once (column 0)
    enum Column { Title, Date, Status, Done, Baseline, ColumnCount };

    using QAbstractItemModel::QAbstractItemModel;
    void reset(const std::vector<Client>& clients, std::vector<AssessmentInfo> assessments);
    // The completeness shown for one assessment, as an answer changes it.
    void setCompleteness(Id assessmentId, double percent);
    QModelIndex indexOf(Id assessmentId) const;
    int assessmentCount() const { return static_cast<int>(assessments_.size()); }
    const std::vector<AssessmentInfo>& assessments() const { return infos_; }

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct ClientRow {
        QString text;                 // "Name  ·  sector"
        QString sector;               // the tooltip
        QString search;               // folded
        std::vector<int> assessments; // indices into assessments_, in listing order
    };
    struct AssessmentRow {
        int info = 0;   // index into infos_
        int client = 0; // index into clients_
        int row = 0;    // its row under the client
        QString title, date, status, done, baseline, tooltip, search;
    };
    std::vector<ClientRow> clients_;
    std::vector<AssessmentRow> assessments_;
    std::vector<AssessmentInfo> infos_;
    std::unordered_map<Id, int> byId_; // assessment id -> index into assessments_
};

} // namespace mw::ui
