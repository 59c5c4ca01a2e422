#include "dashboard_page.hpp"

#include "assessment_document.hpp"
#include "core/voices.hpp"
#include "radar_widget.hpp"
#include "report/exports.hpp"
#include "table_helpers.hpp"

#include "platform/qt_text.hpp"

#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace mw::ui {

DashboardPage::DashboardPage(QWidget* parent)
    : QWidget(parent)
    , radar_(new RadarWidget(this))
    , overall_(new QLabel(this))
    , completeness_(new QProgressBar(this))
    , dimensions_(makeResultTable(
          {tr("Dimension"), tr("Score"), tr("Level"), tr("Target"), tr("Gap"), tr("Answered")}, this))
    , gaps_(makeResultTable(
          {tr("#"), tr("Question and next step"), tr("Now → target"), tr("Priority"), tr("Horizon")}, this))
    , holds_(new QLabel(this))
    , explanation_(new QLabel(this)) {
    setObjectName("dashboardPage");
    QFont big = overall_->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    overall_->setFont(big);
    overall_->setObjectName("overallScore");
    overall_->setTextFormat(Qt::PlainText);
    overall_->setWordWrap(true); // never widens the radar's side beyond what the tables leave it
    completeness_->setFormat(tr("%p% answered"));
    // A hold is the finding the room must not miss: full-contrast text in the headline's column, bold.
    holds_->setObjectName("floorHolds");
    holds_->setWordWrap(true);
    holds_->setTextFormat(Qt::PlainText);
    QFont holdFont = holds_->font();
    holdFont.setBold(true);
    holds_->setFont(holdFont);
    holds_->hide();
    explanation_->setObjectName("scoreExplanation");
    explanation_->setWordWrap(true);
    explanation_->setTextFormat(Qt::PlainText);
    // Secondary, yet readable on a projector: the text colour a quarter of the way to the background
    // (about 8:1 on the light palette, where the placeholder colour gave about 3.5:1).
    QPalette muted = explanation_->palette();
    const QColor text = muted.color(QPalette::WindowText);
    const QColor back = muted.color(QPalette::Window);
    auto mix = [](double a, double b) { return 0.75 * a + 0.25 * b; };
    muted.setColor(QPalette::WindowText,
                   QColor::fromRgbF(mix(text.redF(), back.redF()), mix(text.greenF(), back.greenF()),
                                    mix(text.blueF(), back.blueF())));
    explanation_->setPalette(muted);
    dimensions_->setObjectName("dimensionScores");
    dimensions_->setAccessibleName(tr("Scores by dimension"));
    gaps_->setAccessibleName(tr("Gaps, highest priority first"));
    radar_->setAccessibleName(tr("Radar of current and target scores by dimension"));
    gaps_->setObjectName("gapList");
    // The gap list's second column (question and next step) takes the spare width, not the rank.
    gaps_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    gaps_->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    for (int column = 2; column < gaps_->columnCount(); ++column)
        gaps_->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    gaps_->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);

    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->addWidget(overall_);
    leftLayout->addWidget(holds_);
    leftLayout->addWidget(completeness_);
    leftLayout->addWidget(radar_, 1);
    // Under the radar, the tables keep the whole right-hand column on a projector.
    leftLayout->addWidget(explanation_);

    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    auto* scoresTitle = new QLabel(tr("Scores by dimension"), right);
    auto* gapsTitle = new QLabel(tr("Gaps, highest priority first"), right);
    for (auto* title : {scoresTitle, gapsTitle}) {
        QFont f = title->font();
        f.setBold(true);
        title->setFont(f);
    }
    rightLayout->addWidget(scoresTitle);
    rightLayout->addWidget(dimensions_, 2);
    rightLayout->addWidget(gapsTitle);
    rightLayout->addWidget(gaps_, 3);

    auto* splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    // The tables need the width more than the radar does.
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({440, 660});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
}

void DashboardPage::setDocument(AssessmentDocument* document) {
    if (document_)
        disconnect(document_, nullptr, this, nullptr);
    document_ = document;
    if (document_)
        connect(document_, &AssessmentDocument::scoresChanged, this, &DashboardPage::refresh);
    refresh();
}

void DashboardPage::refresh() {
    if (!document_) {
        radar_->setChart({});
        overall_->clear();
        dimensions_->setRowCount(0);
        gaps_->setRowCount(0);
        return;
    }
    const Model& model = document_->model();
    const Scorecard& scores = document_->scores();

    const auto& baseline = document_->baseline();
    radar_->setChart(assessmentRadar(model, scores, baseline ? &baseline->scores : nullptr,
                                     baseline ? tr("Baseline (%1)").arg(q(baseline->info.date)) : QString()));

    QString overall = scores.overall ? tr("Overall %1 of %2 · %3   (target %4)")
                                           .arg(fixedScore(scores.overall), q(formatNumber(model.maxScore())),
                                                q(scores.overallLabel), fixedScore(scores.overallTarget))
                                     : tr("Not scored yet: answer a question to see scores");
    if (scores.overall && scores.scoredDimensions < scores.dimensions.size())
        overall +=
            tr("   · covers %1 of %2 dimensions").arg(scores.scoredDimensions).arg(scores.dimensions.size());
    overall_->setText(overall);
    completeness_->setValue(qRound(scores.completeness));
    completeness_->setAccessibleName(tr("%1% of the questions answered").arg(qRound(scores.completeness)));

    refreshDimensionTable(scores);
    refreshGapTable(document_->gaps());
    QStringList explanation;
    for (const auto& paragraph : scoringExplanation(model))
        explanation << q(paragraph);
    QStringList shown = explanation.mid(1, 2);
    // With voices in the room, how they combine is the rule the room asks about first; the whole method
    // stays in the tooltip, so the tables keep their room on a projector.
    if (!voiceGroups(document_->participants()).empty())
        for (const auto& paragraph : explanation)
            if (paragraph.contains(QStringLiteral("group means")))
                shown = QStringList{paragraph};
    // A floor holding a score down is the first thing the room must hear: it stands under the headline.
    // The index's hold says it all when there is one; the table marks each held dimension, with its own
    // sentence in the tooltip, so the radar keeps its room on a projector.
    QStringList holds;
    if (auto sentence =
            floorSentence("The overall index", scores.overall, scores.overallUncapped, scores.overallHeldBy);
        !sentence.empty())
        holds << q(sentence);
    else
        for (const auto& d : scores.dimensions)
            if (auto held = floorSentence(d.title, d.current, d.uncapped, d.heldBy); !held.empty())
                holds << q(held);
    holds_->setText(holds.join('\n'));
    holds_->setVisible(!holds.isEmpty());
    explanation_->setText(tr("How scores work: ") + shown.join(' '));
    explanation_->setToolTip(explanation.join("\n\n"));
}

void DashboardPage::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    // On a short screen (1920x1080 at 2x gives 540 logical pixels) the radar needs the height more than the
    // method's summary, which stays in the label's tooltip and in the report.
    explanation_->setVisible(height() >= 520);
}

void DashboardPage::refreshDimensionTable(const Scorecard& scores) {
    dimensions_->setRowCount(static_cast<int>(scores.dimensions.size()) + 1);
    int row = 0;
    for (const auto& d : scores.dimensions) {
        dimensions_->setItem(row, 0, readOnlyCell(q(d.title)));
        dimensions_->setItem(row, 1, readOnlyCell(fixedScore(d.current), true));
        auto* level = readOnlyCell(d.current ? q(d.currentLabel) : tr("not scored"));
        if (!d.heldBy.empty()) { // the table says which scores a floor holds, the label above says why
            level->setText(tr("%1 (held)").arg(level->text()));
            level->setToolTip(q(floorSentence(d.title, d.current, d.uncapped, d.heldBy)));
        }
        dimensions_->setItem(row, 2, level);
        dimensions_->setItem(row, 3, readOnlyCell(fixedScore(d.target), true));
        dimensions_->setItem(row, 4, readOnlyCell(fixedScore(d.gap()), true));
        dimensions_->setItem(row, 5,
                             readOnlyCell(QStringLiteral("%1/%2").arg(d.answered).arg(d.total), true));
        ++row;
    }
    QFont bold = dimensions_->font();
    bold.setBold(true);
    dimensions_->setItem(row, 0, readOnlyCell(tr("Overall")));
    dimensions_->setItem(row, 1, readOnlyCell(fixedScore(scores.overall), true));
    auto* overallLevel = readOnlyCell(q(scores.overallLabel));
    if (!scores.overallHeldBy.empty()) {
        overallLevel->setText(tr("%1 (held)").arg(overallLevel->text()));
        overallLevel->setToolTip(q(floorSentence("The overall index", scores.overall, scores.overallUncapped,
                                                 scores.overallHeldBy)));
    }
    dimensions_->setItem(row, 2, overallLevel);
    dimensions_->setItem(row, 3, readOnlyCell(fixedScore(scores.overallTarget), true));
    dimensions_->setItem(
        row, 4,
        readOnlyCell(scores.overall ? fixedScore(*scores.overallTarget - *scores.overall) : "—", true));
    dimensions_->setItem(row, 5,
                         readOnlyCell(QStringLiteral("%1/%2").arg(scores.answered).arg(scores.total), true));
    for (int c = 0; c < dimensions_->columnCount(); ++c)
        dimensions_->item(row, c)->setFont(bold);
}

void DashboardPage::refreshGapTable(const std::vector<Gap>& gaps) {
    gaps_->setRowCount(static_cast<int>(gaps.size()));
    int row = 0;
    for (const auto& g : gaps) {
        gaps_->setItem(row, 0, readOnlyCell(QString::number(row + 1), true));
        auto* question = readOnlyCell(q(g.questionId + "  " + g.questionText) + "\n" + tr("Next step: ") +
                                      q(g.recommendation));
        question->setToolTip(q(g.dimensionTitle));
        gaps_->setItem(row, 1, question);
        gaps_->setItem(row, 2,
                       readOnlyCell(q(formatNumber(g.current) + " → " + formatNumber(g.target)), true));
        gaps_->setItem(row, 3, readOnlyCell(fixedScore(g.priority), true));
        gaps_->setItem(row, 4,
                       readOnlyCell(q(std::string(horizonTitle(g.horizon)) + "\n" +
                                      std::string(horizonPeriod(g.horizon)))));
        ++row;
    }
}

} // namespace mw::ui
