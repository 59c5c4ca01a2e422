#include "portfolio_view.hpp"

#include "assessment_document.hpp"
#include "portfolio_model.hpp"
#include "startup.hpp"
#include "workspace.hpp"

#include "platform/qt_text.hpp"

#include <QHeaderView>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

#include <map>

namespace mw::ui {

namespace {
constexpr int kMostClientsOpened = 150; // above this, clients stay closed and their names unspanned
constexpr int kIdRole = PortfolioModel::IdRole;
constexpr int kSearchRole = PortfolioModel::SearchRole;
} // namespace

// A client is shown when it or any of its assessments matches, and a client that matches shows all its
// assessments; an assessment is shown when it or its client matches. Each row is matched against one
// string folded at load time, so a key stroke costs one substring search per row.
class PortfolioFilter : public QSortFilterProxyModel {
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setNeedle(const QString& text) {
        needle_ = text.trimmed().toCaseFolded();
        invalidateRowsFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex& parent) const override {
        if (needle_.isEmpty())
            return true;
        const QModelIndex index = sourceModel()->index(row, 0, parent);
        if (matches(index))
            return true;
        if (parent.isValid()) // an assessment: shown with a matching client
            return matches(parent);
        for (int child = 0, n = sourceModel()->rowCount(index); child < n; ++child)
            if (matches(sourceModel()->index(child, 0, index)))
                return true;
        return false;
    }

private:
    bool matches(const QModelIndex& index) const {
        return index.data(kSearchRole).toString().contains(needle_);
    }
    QString needle_;
};

PortfolioView::PortfolioView(Workspace& workspace, QWidget* parent)
    : QWidget(parent)
    , workspace_(workspace)
    , filter_(new QLineEdit(this))
    , model_(new PortfolioModel(this))
    , proxy_(new PortfolioFilter(this))
    , tree_(new QTreeView(this))
    , filterPause_(new QTimer(this)) {
    setObjectName("portfolio");
    filter_->setPlaceholderText(tr("Filter clients and assessments…"));
    enableClearButtonWhenTyped(*filter_);
    filter_->setAccessibleName(tr("Filter the portfolio"));
    proxy_->setSourceModel(model_);
    tree_->setModel(proxy_);
    tree_->setObjectName("portfolioTree");
    tree_->setAccessibleName(tr("Portfolio: clients and their assessments"));
    tree_->setUniformRowHeights(true);
    tree_->setAlternatingRowColors(true);
    tree_->setSelectionBehavior(QAbstractItemView::SelectRows);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(filter_);
    layout->addWidget(tree_, 1);
    filterPause_->setSingleShot(true);
    filterPause_->setInterval(120);
    connect(filter_, &QLineEdit::textChanged, filterPause_, qOverload<>(&QTimer::start));
    connect(filterPause_, &QTimer::timeout, this, &PortfolioView::applyFilter);
    connect(filter_, &QLineEdit::returnPressed, this, &PortfolioView::applyFilter);
    connect(tree_, &QTreeView::activated, this, [this](const QModelIndex& index) {
        const QVariant id = index.siblingAtColumn(0).data(kIdRole);
        if (id.isValid()) {
            emit assessmentActivated(id.toLongLong());
            emit assessmentChosen(id.toLongLong());
        }
    });
    connect(tree_, &QTreeView::clicked, this, [this](const QModelIndex& index) {
        const QVariant id = index.siblingAtColumn(0).data(kIdRole);
        if (id.isValid())
            emit assessmentActivated(id.toLongLong());
    });
    connect(&workspace_, &Workspace::portfolioChanged, this, &PortfolioView::reload);
}

void PortfolioView::applyFilter() {
    filterPause_->stop();
    proxy_->setNeedle(filter_->text());
    expandShownClients();
}

// Each shown client opens onto its assessments while there are few enough to read; a long list stays a
// list of clients, which is also what keeps a key stroke fast in a large portfolio.
void PortfolioView::expandShownClients() {
    if (proxy_->rowCount() <= kMostClientsOpened)
        tree_->expandAll();
    else
        tree_->collapseAll();
}

void PortfolioView::reload() {
    const auto selected = selectedAssessment();
    if (!workspace_.isOpen()) {
        model_->reset({}, {});
        return;
    }
    auto clients = workspace_.clients();
    auto assessments = workspace_.assessments();
    if (!clients || !assessments) {
        emit failed(q((!clients ? clients.error() : assessments.error()).message));
        return;
    }
    model_->reset(*clients, std::move(*assessments));
    proxy_->setNeedle(filter_->text()); // a reload keeps the filter the user typed
    expandShownClients();
    // Client rows span the whole width so long names stay readable; assessments fill the columns. Each span
    // is a persistent index the view updates on every filter pass, so a large portfolio goes without.
    if (model_->rowCount() <= kMostClientsOpened)
        for (int r = 0; r < model_->rowCount(); ++r)
            tree_->setFirstColumnSpanned(r, QModelIndex(), true);
    tree_->header()->setStretchLastSection(false); // the titles take the room, not the last column
    tree_->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int c = 1; c < 5; ++c)
        tree_->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    fitColumns();
    if (selected)
        select(*selected);
}

void PortfolioView::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    fitColumns();
}

// A narrow portfolio (a projector, or 200% scaling) keeps the titles readable: status and baseline make
// way, and stay in each title's tooltip.
void PortfolioView::fitColumns() {
    const bool narrow = width() < fontMetrics().averageCharWidth() * 70;
    tree_->setColumnHidden(2, narrow);
    tree_->setColumnHidden(4, narrow);
}

void PortfolioView::select(Id assessmentId) {
    if (const QModelIndex source = model_->indexOf(assessmentId); source.isValid()) {
        const QModelIndex index = proxy_->mapFromSource(source);
        tree_->selectionModel()->select(index,
                                        QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        tree_->scrollTo(index);
    }
}

void PortfolioView::setCompleteness(Id assessmentId, double percent) {
    model_->setCompleteness(assessmentId, percent);
}

const std::vector<AssessmentInfo>& PortfolioView::loadedAssessments() const {
    return model_->assessments();
}

std::optional<Id> PortfolioView::selectedAssessment() const {
    if (!tree_->selectionModel())
        return std::nullopt;
    const auto rows = tree_->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return std::nullopt;
    const QVariant id = rows.first().data(kIdRole);
    return id.isValid() ? std::optional<Id>(id.toLongLong()) : std::nullopt;
}

int PortfolioView::assessmentCount() const {
    return model_->assessmentCount();
}

} // namespace mw::ui
