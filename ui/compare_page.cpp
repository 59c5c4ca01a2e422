#include "compare_page.hpp"

#include "assessment_document.hpp"
#include "core/comparison.hpp"
#include "radar_widget.hpp"
#include "report/exports.hpp"
#include "table_helpers.hpp"
#include "workspace.hpp"

#include "platform/qt_text.hpp"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace mw::ui {

namespace {
QString signedFixed(const std::optional<double>& v) {
    if (!v)
        return QStringLiteral("—");
    return (*v > 1e-9 ? QStringLiteral("+") : QString()) + QString::number(*v, 'f', 2);
}
QColor deltaColour(const std::optional<double>& delta) {
    if (!delta || std::abs(*delta) < 1e-9)
        return {};
    return *delta > 0 ? QColor(0x1e, 0x7b, 0x34) : QColor(0xb3, 0x26, 0x1e);
}
} // namespace

ComparePage::ComparePage(Workspace& workspace, QWidget* parent)
    : QWidget(parent)
    , workspace_(workspace)
    , before_(new QComboBox(this))
    , after_(new QComboBox(this))
    , radar_(new RadarWidget(this))
    , counts_(new QLabel(this))
    , dimensions_(makeResultTable({tr("Dimension"), tr("Before"), tr("After"), tr("Change")}, this))
    , questions_(makeResultTable({tr("Question"), tr("Before"), tr("After"), tr("Change")}, this)) {
    setObjectName("comparePage");
    before_->setObjectName("compareBefore");
    after_->setObjectName("compareAfter");
    counts_->setObjectName("compareCounts");
    counts_->setTextFormat(Qt::PlainText);
    counts_->setWordWrap(true);
    QFont big = counts_->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.2);
    counts_->setFont(big);
    questions_->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    dimensions_->setAccessibleName(tr("Change by dimension"));
    questions_->setAccessibleName(tr("Change by question"));
    radar_->setAccessibleName(tr("Radar of before and after"));
    // The pickers' names say what each one holds now.
    for (const auto& [picker, role] : {std::pair{before_, tr("Before")}, std::pair{after_, tr("After")}}) {
        picker->setAccessibleName(role);
        connect(picker, &QComboBox::currentTextChanged, picker,
                [picker, role](const QString& text) { picker->setAccessibleName(role + ": " + text); });
    }

    auto* pickers = new QHBoxLayout;
    pickers->addWidget(new QLabel(tr("Before:"), this));
    pickers->addWidget(before_, 1);
    pickers->addWidget(new QLabel(tr("After:"), this));
    pickers->addWidget(after_, 1);

    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->addWidget(counts_);
    leftLayout->addWidget(radar_, 1);
    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->addWidget(dimensions_, 2);
    rightLayout->addWidget(questions_, 3);
    auto* splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({520, 600});

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(pickers);
    layout->addWidget(splitter, 1);
    connect(before_, &QComboBox::currentIndexChanged, this, &ComparePage::refresh);
    connect(after_, &QComboBox::currentIndexChanged, this, &ComparePage::refresh);
    // Another assessment opened while the page shows: it shows that one's pair at once. A hidden page is
    // filled again when it is shown (the main window reloads it on the tab change).
    connect(&workspace_, &Workspace::documentChanged, this, [this](AssessmentDocument* document) {
        if (isVisible())
            reload(document ? std::optional<Id>(document->id()) : std::nullopt);
    });
}

std::optional<Id> ComparePage::beforeId() const {
    return before_->currentData().isValid() ? std::optional<Id>(before_->currentData().toLongLong())
                                            : std::nullopt;
}
std::optional<Id> ComparePage::afterId() const {
    return after_->currentData().isValid() ? std::optional<Id>(after_->currentData().toLongLong())
                                           : std::nullopt;
}

void ComparePage::reload(std::optional<Id> focus) {
    if (!workspace_.isOpen())
        return;
    auto list = workspace_.assessments();
    if (!list) {
        emit failed(q(list.error().message));
        return;
    }
    QSignalBlocker blockBefore(before_), blockAfter(after_);
    before_->clear();
    after_->clear();
    std::optional<Id> baseline;
    for (const auto& a : *list) {
        const QString label =
            q(a.clientName + " · " + a.title + " · " + a.date + "  (#" + std::to_string(a.id) + ")");
        before_->addItem(label, QVariant::fromValue<qlonglong>(a.id));
        after_->addItem(label, QVariant::fromValue<qlonglong>(a.id));
        if (focus && a.id == *focus)
            baseline = a.baselineId;
    }
    // Default pair: the focused assessment's baseline and itself, else it and its follow-up; with no focus,
    // any linked pair. With none, no pair is picked: an assessment compared with itself tells nothing.
    std::optional<Id> afterPick = focus;
    if (!baseline) {
        for (const auto& a : *list) {
            if (a.baselineId && (!focus || *a.baselineId == *focus)) {
                baseline = a.baselineId;
                afterPick = a.id;
                break;
            }
        }
    }
    before_->setCurrentIndex(baseline ? before_->findData(QVariant::fromValue<qlonglong>(*baseline)) : -1);
    after_->setCurrentIndex(
        baseline && afterPick ? after_->findData(QVariant::fromValue<qlonglong>(*afterPick)) : -1);
    if (!baseline && focus)
        after_->setCurrentIndex(after_->findData(QVariant::fromValue<qlonglong>(*focus)));
    refresh();
}

void ComparePage::clear(const QString& message) {
    counts_->setText(message);
    radar_->setChart({});
    dimensions_->setRowCount(0);
    questions_->setRowCount(0);
}

void ComparePage::refresh() {
    const auto beforeId = this->beforeId();
    const auto afterId = this->afterId();
    if (!beforeId || !afterId || !workspace_.isOpen() || *beforeId == *afterId) {
        clear(beforeId && afterId && *beforeId == *afterId
                  ? tr("Pick two different assessments: one compared with itself shows no change.")
                  : tr("This assessment has no baseline or follow-up yet: pick the two assessments to "
                       "compare."));
        return;
    }
    auto state = workspace_.compare(*beforeId, *afterId);
    if (!state) {
        clear(q(state.error().message));
        emit failed(q(state.error().message));
        return;
    }
    const Comparison& c = state->comparison;
    QString counts =
        tr("Overall %1 → %2 (%3).   %4 improved · %5 declined · %6 unchanged")
            .arg(fixedScore(c.overallBefore), fixedScore(c.overallAfter), signedFixed(c.overallDelta()))
            .arg(c.improved)
            .arg(c.declined)
            .arg(c.unchanged);
    if (!c.sameModelVersion) {
        // Across versions the reader needs to know what is compared and what is new.
        counts += tr("\nModel %1 → %2: %3 questions compared")
                      .arg(q(state->beforeModel->version), q(state->afterModel->version))
                      .arg(c.questions.size());
        if (!c.onlyInAfter.empty())
            counts += tr(", %1 new").arg(c.onlyInAfter.size());
        if (!c.onlyInBefore.empty())
            counts += tr(", %1 dropped").arg(c.onlyInBefore.size());
        counts += '.';
    }
    if (const std::string held = floorSentence("After, the overall index", c.overallAfter,
                                               c.overallAfterUncapped, c.overallAfterHeldBy);
        !held.empty())
        counts += '\n' + q(held);
    counts_->setText(counts);

    RadarChart chart = radarScale(*state->afterModel);
    std::vector<std::optional<double>> earlier, later;
    for (const auto& d : c.dimensions) {
        chart.axes << q(d.title);
        earlier.push_back(d.before);
        later.push_back(d.after);
    }
    chart.series.push_back(
        {tr("Before: %1").arg(q(state->before.date)), earlier, radar_palette::baseline, true, Qt::DashLine});
    chart.series.push_back({tr("After: %1").arg(q(state->after.date)), later, radar_palette::current, true});
    radar_->setChart(std::move(chart));

    dimensions_->setRowCount(static_cast<int>(c.dimensions.size()));
    int row = 0;
    for (const auto& d : c.dimensions) {
        dimensions_->setItem(row, 0, readOnlyCell(q(d.title)));
        dimensions_->setItem(row, 1, readOnlyCell(fixedScore(d.before), true));
        dimensions_->setItem(row, 2, readOnlyCell(fixedScore(d.after), true));
        auto* change = readOnlyCell(signedFixed(d.delta()), true);
        change->setForeground(deltaColour(d.delta()));
        dimensions_->setItem(row, 3, change);
        ++row;
    }
    questions_->setRowCount(static_cast<int>(c.questions.size()));
    row = 0;
    for (const auto& d : c.questions) {
        auto* question = readOnlyCell(q(d.questionId + "  " + d.questionText));
        question->setToolTip(q("Before: " + d.beforeNote + "\nAfter: " + d.afterNote));
        questions_->setItem(row, 0, question);
        questions_->setItem(row, 1, readOnlyCell(d.before ? q(formatNumber(*d.before)) : "—", true));
        questions_->setItem(row, 2, readOnlyCell(d.after ? q(formatNumber(*d.after)) : "—", true));
        auto* change = readOnlyCell(signedFixed(d.delta()), true);
        change->setForeground(deltaColour(d.delta()));
        questions_->setItem(row, 3, change);
        ++row;
    }
}

} // namespace mw::ui
