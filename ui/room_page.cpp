#include "room_page.hpp"

#include "assessment_document.hpp"
#include "core/voices.hpp"
#include "platform/qt_text.hpp"
#include "radar_widget.hpp"
#include "report/exports.hpp"
#include "table_helpers.hpp"

#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace mw::ui {

namespace {

// The heat map's shading: pale for low scores, deep blue for high, with text that keeps its contrast.
void shade(QTableWidgetItem* item, std::optional<double> score, const Model& model) {
    if (!score)
        return;
    const double span = model.maxScore() - model.minScore();
    const double t = span > 0 ? std::clamp((*score - model.minScore()) / span, 0.0, 1.0) : 0;
    const QColor pale(0xf2, 0xf6, 0xfb), deep(0x1f, 0x4e, 0x9b);
    const QColor colour = QColor::fromRgbF(pale.redF() + (deep.redF() - pale.redF()) * t,
                                           pale.greenF() + (deep.greenF() - pale.greenF()) * t,
                                           pale.blueF() + (deep.blueF() - pale.blueF()) * t);
    item->setBackground(colour);
    item->setForeground(t > 0.5 ? Qt::white : QColor(0x1b, 0x1f, 0x24));
}

QString groupLevels(const QuestionSpread& spread, const std::vector<std::string>& groups) {
    QStringList parts;
    for (const auto& group : groups)
        if (auto it = spread.groupLevels.find(group); it != spread.groupLevels.end())
            parts << q(group + " " + formatScore(it->second));
    return parts.join(QStringLiteral("  ·  "));
}

QLabel* sectionTitle(const QString& text, QWidget* parent) {
    auto* title = new QLabel(text, parent);
    QFont font = title->font();
    font.setBold(true);
    title->setFont(font);
    return title;
}

} // namespace

RoomPage::RoomPage(QWidget* parent)
    : QWidget(parent)
    , radar_(new RadarWidget(this))
    , summary_(new QLabel(this))
    , heatMap_(makeResultTable({tr("Dimension")}, this))
    , disagreements_(makeResultTable({tr("Question and each group's level"), tr("Spread")}, this)) {
    setObjectName("roomPage");
    radar_->setAccessibleName(tr("Radar of each group's dimension scores"));
    summary_->setObjectName("roomSummary");
    summary_->setTextFormat(Qt::PlainText);
    summary_->setWordWrap(true);
    QFont big = summary_->font();
    big.setPointSizeF(big.pointSizeF() * 1.2);
    big.setBold(true);
    summary_->setFont(big);
    heatMap_->setObjectName("groupHeatMap");
    heatMap_->setAccessibleName(tr("Heat map of dimension scores by group"));
    disagreements_->setObjectName("disagreements");
    disagreements_->setAccessibleName(tr("Questions where the room disagrees, largest spread first"));
    disagreements_->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);

    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->addWidget(summary_);
    leftLayout->addWidget(radar_, 1);
    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->addWidget(sectionTitle(tr("Scores by group"), right));
    rightLayout->addWidget(heatMap_, 2);
    rightLayout->addWidget(sectionTitle(tr("Where the room disagrees"), right));
    rightLayout->addWidget(disagreements_, 3);
    auto* splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    // The tables need the width more than the radar does.
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({400, 600});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
}

void RoomPage::setDocument(AssessmentDocument* document) {
    if (document_)
        disconnect(document_, nullptr, this, nullptr);
    document_ = document;
    if (document_)
        connect(document_, &AssessmentDocument::scoresChanged, this, &RoomPage::refresh);
    refresh();
}

void RoomPage::refresh() {
    const bool any = document_ && !voiceGroups(document_->participants()).empty();
    if (!any) {
        radar_->setChart({});
        heatMap_->setRowCount(0);
        disagreements_->setRowCount(0);
        summary_->setText(document_
                              ? tr("Only the consensus is recorded for this assessment. Give each group's "
                                   "levels to see where IT, OT and the business see it differently.")
                              : QString());
        return;
    }
    const Model& model = document_->model();
    const auto answers = document_->answers();
    const auto groups = scoresByGroup(model, answers, document_->participants());
    const auto spreads = divergence(model, answers, document_->participants());
    radar_->setChart(groupRadar(model, groups));
    QStringList summary;
    for (const auto& g : groups)
        summary << tr("%1 %2").arg(q(g.group), fixedScore(g.scores.overall));
    summary_->setText(tr("Overall by group: %1.   %2 questions to discuss.")
                          .arg(summary.join(QStringLiteral(" · ")))
                          .arg(std::count_if(spreads.begin(), spreads.end(),
                                             [](const QuestionSpread& s) { return s.discuss; })));

    QStringList headers{tr("Dimension")};
    for (const auto& g : groups)
        headers << tr("%1 (%2)").arg(q(g.group)).arg(g.voices);
    headers << tr("Spread");
    heatMap_->setColumnCount(static_cast<int>(headers.size()));
    heatMap_->setHorizontalHeaderLabels(headers);
    for (int c = 1; c < heatMap_->columnCount(); ++c)
        heatMap_->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    heatMap_->setRowCount(static_cast<int>(model.dimensions.size()));
    for (int d = 0; d < static_cast<int>(model.dimensions.size()); ++d) {
        heatMap_->setItem(d, 0, readOnlyCell(q(model.dimensions[d].title)));
        std::optional<double> low, high;
        for (int g = 0; g < static_cast<int>(groups.size()); ++g) {
            const auto score = groups[g].scores.dimensions[d].current;
            auto* cell = readOnlyCell(fixedScore(score), true);
            shade(cell, score, model);
            heatMap_->setItem(d, g + 1, cell);
            if (score) {
                low = std::min(low.value_or(*score), *score);
                high = std::max(high.value_or(*score), *score);
            }
        }
        heatMap_->setItem(d, static_cast<int>(groups.size()) + 1,
                          readOnlyCell(low ? fixedScore(*high - *low) : QStringLiteral("—"), true));
    }

    const auto order = voiceGroups(document_->participants());
    const int shown = std::min<int>(static_cast<int>(spreads.size()), 15);
    disagreements_->setRowCount(shown);
    for (int row = 0; row < shown; ++row) {
        const QuestionSpread& s = spreads[row];
        const Question* question = model.question(s.questionId);
        disagreements_->setItem(
            row, 0, readOnlyCell(q(s.questionId + "  " + question->text) + "\n" + groupLevels(s, order)));
        auto* spread =
            readOnlyCell(q(formatScore(s.spread)) + (s.discuss ? tr("\ndiscuss") : QString()), true);
        disagreements_->setItem(row, 1, spread);
    }
}

} // namespace mw::ui
