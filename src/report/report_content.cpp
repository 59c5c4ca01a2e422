// The maturity report's content as HTML sections: what it says, before any pagination.
#include "report/report_document_p.hpp"

#include <algorithm>

namespace mw {

QString ReportHtml::table(ReportTable table) {
    tables.push_back(std::move(table));
    return tableMarker(tables.size() - 1);
}

QString ReportHtml::table(const QStringList& headers, std::vector<std::vector<TableCell>> rows,
                          const std::vector<int>& widthPercents, std::vector<int> rightAlignedColumns) {
    ReportTable grid;
    grid.headers = headers;
    grid.rows = std::move(rows);
    grid.widthPercents = widthPercents;
    grid.rightAlignedColumns = std::move(rightAlignedColumns);
    return table(std::move(grid));
}

void ReportHtml::heading(int level, const QString& plainText) {
    body += QStringLiteral("<h%1>%2</h%1>").arg(level).arg(plainText.toHtmlEscaped());
    headings.push_back({level, plainText});
}

void ReportHtml::questionHeading(const std::string& id, const std::string& text) {
    body += QStringLiteral("<p class=\"question\">%1&nbsp;&nbsp;%2</p>").arg(esc(id), esc(text));
    keptWithNext.push_back(QString::fromStdString(id + "  " + text));
}

void ReportHtml::radar(RadarChart chart) {
    body += QStringLiteral("<p align=\"center\">") + radarMarker(charts.size()) + QStringLiteral("</p>");
    charts.push_back(std::move(chart));
}

void ReportHtml::timeline(TimelineChart chart) {
    body += QStringLiteral("<p>") + timelineMarker(timelines.size()) + QStringLiteral("</p>");
    timelines.push_back(std::move(chart));
}

void ReportHtml::pageBreak() {
    body += QStringLiteral("<p style=\"page-break-after: always;\"></p>");
}

ReportTable ReportHtml::contents(const std::vector<int>& pages) const {
    ReportTable table;
    table.style = ReportTable::Style::Contents;
    table.widthPercents = {90, 10};
    table.rightAlignedColumns = {1};
    for (std::size_t i = 0; i < headings.size(); ++i) {
        const auto& [level, text] = headings[i];
        const QString page = i < pages.size() && pages[i] > 0 ? QString::number(pages[i]) : QString();
        table.rows.push_back({{text, level == 1, TableCell::Tone::Normal, level > 1 ? 1 : 0}, {page}});
    }
    return table;
}

// facts: label and value pairs, plain text.
QString coverHtml(ReportHtml& report, const QString& kind, const QString& client, const QString& title,
                  const QStringList& facts, const ReportBranding& branding, bool hasLogo) {
    QString html = QStringLiteral("<p>&nbsp;</p>");
    if (hasLogo)
        html += QStringLiteral("<p><img src=\"mw-logo\" height=\"70\"/></p>");
    html +=
        QStringLiteral("<p>&nbsp;</p><p>&nbsp;</p><p style=\"color:#5a6673;\">%1</p>").arg(kind.toUpper());
    html += QStringLiteral("<p class=\"cover-title\">%1</p>").arg(client);
    html += QStringLiteral("<p class=\"cover-subtitle\">%1</p><p>&nbsp;</p>").arg(title);
    ReportTable table;
    table.style = ReportTable::Style::Plain;
    table.widthPercents = {22, 78};
    for (qsizetype i = 0; i + 1 < facts.size(); i += 2)
        table.rows.push_back({{facts[i], false, TableCell::Tone::Muted}, {facts[i + 1]}});
    html += report.table(std::move(table));
    if (!branding.consultancy.isEmpty())
        html += QStringLiteral("<p>&nbsp;</p><p>&nbsp;</p><p>Prepared by <b>%1</b></p>")
                    .arg(branding.consultancy.toHtmlEscaped());
    return html;
}

void appendMethod(ReportHtml& html, const Model& model) {
    html.heading(2, QStringLiteral("How the scores are computed"));
    for (const auto& paragraph : scoringExplanation(model))
        html.body += QStringLiteral("<p>%1</p>").arg(esc(paragraph));
    std::vector<std::vector<TableCell>> rows;
    for (const auto& level : model.scale)
        rows.push_back({{num(level.value)}, {plain(level.label)}, {plain(level.meaning)}});
    html.body +=
        QStringLiteral("<p>The answer scale of %1 %2:</p>").arg(esc(model.title), esc(model.version));
    html.body += html.table({"Level", "Name", "What it means"}, std::move(rows), {10, 18, 72}, {0});
    if (model.aggregation.rule != AggregationRule::WeightedMean) {
        std::vector<std::vector<TableCell>> tiers;
        for (const auto& tier : model.aggregation.tiers)
            tiers.push_back({{num(tier.value)}, {plain(tier.label)}, {plain(tier.meaning)}});
        html.body += html.table({"Score", "Tier", "What it means"}, std::move(tiers), {10, 18, 72}, {0});
    }
}

namespace {

QStringList topDimensions(const Scorecard& scores, bool strongest, std::size_t count) {
    std::vector<const DimensionResult*> scored;
    for (const auto& d : scores.dimensions)
        if (d.current)
            scored.push_back(&d);
    std::stable_sort(scored.begin(), scored.end(), [&](const auto* a, const auto* b) {
        return strongest ? *a->current > *b->current : *a->current < *b->current;
    });
    QStringList out;
    for (std::size_t i = 0; i < scored.size() && i < count; ++i)
        out << QStringLiteral("<b>%1</b> (%2%3)")
                   .arg(esc(scored[i]->title), score(*scored[i]->current),
                        scored[i]->heldBy.empty() ? QString() : QStringLiteral(", held by a floor"));
    return out;
}

// The executive summary: where the initiative stands and the five gaps that matter most.
void appendSummary(ReportHtml& html, const ReportData& data) {
    const Model& model = *data.model;
    const Scorecard& scores = data.scores;
    html.heading(1, QStringLiteral("Executive summary"));
    if (const auto progress = progressSummary(data))
        html.body += *progress;
    const QString max = num(model.maxScore());
    if (scores.overall) {
        html.body +=
            QStringLiteral("<p>%1 assessed its IT/OT convergence initiative against the %2 model. Across "
                           "its %3 dimensions the initiative stands at <b>%4 out of %5</b>, level "
                           "<b>%6</b>. The workshop set a target of <b>%7</b> (%8), a distance of %9 "
                           "to close.</p>")
                .arg(esc(data.client.name), esc(model.title))
                .arg(scores.dimensions.size())
                .arg(score(*scores.overall), max, esc(scores.overallLabel), score(*scores.overallTarget),
                     esc(scores.overallTargetLabel), score(*scores.overallTarget - *scores.overall));
    } else {
        html.body +=
            QStringLiteral("<p>No question has been answered with a level yet, so there are no scores "
                           "to report.</p>");
    }
    html.body +=
        QStringLiteral("<p>%1 of %2 questions were answered (%3%).%4</p>")
            .arg(scores.answered)
            .arg(scores.total)
            .arg(qRound(scores.completeness))
            .arg(scores.unanswered.empty()
                     ? QString()
                     : QStringLiteral(" Unanswered questions are left out of the scores; the dimension "
                                      "table shows where."));
    // A floor holding the index down is said before anything is averaged over it.
    if (const auto held =
            floorSentence("The overall index", scores.overall, scores.overallUncapped, scores.overallHeldBy);
        !held.empty())
        html.body +=
            QStringLiteral("<p><b>%1</b> While a critical practice is this weak, no strength elsewhere "
                           "can lift the index; the method appendix names the floor.</p>")
                .arg(esc(held));
    if (const auto perception = perceptionSummary(data))
        html.body += *perception;
    const QStringList strongest = topDimensions(scores, true, 2);
    const QStringList weakest = topDimensions(scores, false, 2);
    if (!strongest.isEmpty())
        html.body += QStringLiteral("<p>The strongest dimensions are %1. The weakest are %2, where the "
                                    "initiative is most exposed.</p>")
                         .arg(joinNatural(strongest), joinNatural(weakest));
    if (!data.gaps.empty()) {
        html.body += QStringLiteral("<p>The five gaps that matter most, with the next step for each:</p>");
        // Numbered paragraphs for the PDF, which a word processor gets as a list (makeNumberedItemsLists).
        for (std::size_t i = 0; i < data.gaps.size() && i < 5; ++i) {
            const Gap& g = data.gaps[i];
            html.body += QStringLiteral("<p class=\"numbered\"><b>%1.&nbsp;&nbsp;%2</b> "
                                        "(%3). Today: %4; target: %5. Next step: %6</p>")
                             .arg(i + 1)
                             .arg(esc(g.questionText), esc(g.dimensionTitle), esc(g.currentLabel),
                                  esc(g.targetLabel), esc(g.recommendation));
        }
    }
    html.pageBreak();
}

// The radar and the dimension table, with the baseline's scores beside them when there is one.
void appendProfile(ReportHtml& html, const ReportData& data) {
    const Scorecard& scores = data.scores;
    const BaselineSummary* baseline = data.baseline ? &*data.baseline : nullptr;
    html.heading(1, QStringLiteral("Maturity profile"));
    html.body +=
        QStringLiteral("<p>The chart shows the current score of each dimension (filled blue) against the "
                       "target (dashed orange)%1. Each ring is one level of the scale; the further out, the "
                       "more mature.</p>")
            .arg(baseline ? QStringLiteral(" and the baseline of %1 (grey dotted outline)")
                                .arg(longDate(baseline->info.date).toHtmlEscaped())
                          : QString());
    html.radar(radarChartFor(data));
    const auto baselineOf = [&](const std::string& dimensionId) -> const DimensionDelta* {
        if (!baseline)
            return nullptr;
        for (const auto& d : baseline->change.dimensions)
            if (d.id == dimensionId)
                return &d;
        return nullptr;
    };
    std::vector<std::vector<TableCell>> rows;
    const auto row = [&](std::vector<TableCell> cells, const std::optional<double>& before,
                         const std::optional<double>& delta) {
        if (baseline) {
            const auto tone = delta && *delta > 1e-9    ? TableCell::Tone::Good
                              : delta && *delta < -1e-9 ? TableCell::Tone::Bad
                                                        : TableCell::Tone::Normal;
            cells.insert(cells.begin() + 1, {score(before)});
            cells.insert(cells.begin() + 3, {signedScore(delta), false, tone});
        }
        rows.push_back(std::move(cells));
    };
    for (const auto& d : scores.dimensions) {
        const DimensionDelta* then = baselineOf(d.id);
        row({{plain(d.title)},
             {score(d.current)},
             {plain(d.current ? d.currentLabel : "not scored")},
             {score(d.target)},
             {score(d.gap())},
             {QStringLiteral("%1/%2").arg(d.answered).arg(d.total)}},
            then ? then->before : std::nullopt, then ? then->delta() : std::nullopt);
    }
    row({{QStringLiteral("Overall"), true},
         {score(scores.overall), true},
         {plain(scores.overallLabel)},
         {score(scores.overallTarget)},
         {score(scores.overall ? std::optional(*scores.overallTarget - *scores.overall) : std::nullopt)},
         {QStringLiteral("%1/%2").arg(scores.answered).arg(scores.total)}},
        baseline ? baseline->change.overallBefore : std::nullopt,
        baseline ? baseline->change.overallDelta() : std::nullopt);
    if (baseline)
        html.body +=
            html.table({"Dimension", "Baseline", "Score", "Change", "Level", "Target", "Gap", "Answered"},
                       std::move(rows), {22, 12, 9, 11, 13, 10, 8, 15}, {1, 2, 3, 5, 6, 7});
    else
        html.body += html.table({"Dimension", "Score", "Level", "Target", "Gap", "Answered"}, std::move(rows),
                                {31, 10, 16, 12, 10, 21}, {1, 3, 4, 5});
    html.pageBreak();
}

// One question of the findings: its levels, the descriptor observed, and the notes.
// The question's evidence photos, each under its caption's title, when the report embeds them.
void appendEvidenceImages(ReportHtml& html, const std::vector<const Evidence*>& files,
                          const ReportOptions& options) {
    if (!options.evidenceImages)
        return;
    // Decoded at 900 pixels at most: about 280 dpi at the 8 cm they are shown at most.
    constexpr int kDecodedSide = 900;
    for (const Evidence* e : files) {
        if (!isDecodableImage(*e))
            continue;
        const QString name = QStringLiteral("mw-evidence-%1.png").arg(QString::fromStdString(e->sha256));
        auto known = std::find_if(html.images.begin(), html.images.end(),
                                  [&](const auto& image) { return image.first == name; });
        if (known == html.images.end()) {
            const auto bytes = options.evidenceImages(*e);
            if (!bytes)
                continue;
            QImage image = decodeScaledImage(QByteArray::fromStdString(*bytes), kDecodedSide);
            if (image.isNull())
                continue;
            html.images.emplace_back(name, std::move(image));
            known = std::prev(html.images.end());
        }
        html.body += QStringLiteral("<p class=\"evidence-image\">%1</p><p class=\"caption\">%2</p>")
                         .arg(imageMarker(static_cast<std::size_t>(known - html.images.begin())),
                              esc(evidenceLabel(*e)));
    }
}

void appendQuestionFinding(ReportHtml& html, const ReportData& data, const Question& question,
                           const QuestionResult& qr, const ReportOptions& options) {
    const Model& model = *data.model;
    const Answer* answer = data.consensusAnswer(question.id);

    html.questionHeading(question.id, question.text);
    QString meta;
    if (!qr.answer.answered())
        meta = QStringLiteral("Not answered yet.");
    else if (qr.answer.notApplicable)
        meta = QStringLiteral("Not applicable.");
    else
        meta = QStringLiteral("Current <b>%1</b> &#160;&#183;&#160; Target <b>%2</b>")
                   .arg(levelText(model, qr.answer.current), levelText(model, qr.effectiveTarget()));
    if (answer && qr.answer.answered())
        meta += QStringLiteral(" &#160;&#183;&#160; Confidence %1")
                    .arg(esc(std::string(toString(answer->confidence))));
    html.body += QStringLiteral("<p class=\"meta\">%1</p>").arg(meta);
    if (qr.answer.current) {
        std::size_t level = 0;
        for (std::size_t i = 0; i < model.scale.size(); ++i)
            if (model.scale[i].value <= *qr.answer.current + 1e-9)
                level = i;
        if (level < question.descriptors.size())
            html.body += QStringLiteral("<p><span class=\"label\">Observed:</span> %1</p>")
                             .arg(esc(question.descriptors[level]));
    }
    if (answer && !answer->note.empty())
        html.body += QStringLiteral("<p><span class=\"label\">Notes and evidence:</span> %1</p>")
                         .arg(escMultiline(answer->note));
    if (const auto files = evidenceFor(data.evidence, question.id); !files.empty()) {
        html.body += QStringLiteral("<p><span class=\"label\">Evidence files:</span> %1</p>")
                         .arg(esc(evidenceLabels(files)));
        appendEvidenceImages(html, files, options);
    }
}

// Every evidence file with its checksum, so that a reader can tell the file they hold is the one assessed.
void appendEvidenceFiles(ReportHtml& html, const ReportData& data) {
    if (data.evidence.empty())
        return;
    html.heading(2, QStringLiteral("Evidence files"));
    html.body += QStringLiteral("<p>Every file kept with the assessment, the questions it supports and its "
                                "SHA-256 checksum (<i>sha256sum</i> on Linux, <i>Get-FileHash</i> on Windows "
                                "gives the same digits for the same file).</p>");
    std::vector<std::vector<TableCell>> rows;
    for (const auto& e : data.evidence) {
        std::string questions;
        for (const auto& id : e.questionIds)
            questions += (questions.empty() ? "" : ", ") + id;
        rows.push_back({{plain(evidenceLabel(e))},
                        {plain(e.fileName)},
                        {plain(questions.empty() ? std::string("whole assessment") : questions)},
                        {plain(formatByteSize(e.size))},
                        {plain(groupedDigest(e.sha256))}});
    }
    html.body += html.table({"Evidence", "File", "Questions", "Size", "SHA-256"}, std::move(rows),
                            {26, 19, 14, 11, 30}, {3});
}

// Every dimension with its questions.
void appendFindings(ReportHtml& html, const ReportData& data, const ReportOptions& options) {
    const Model& model = *data.model;
    const Scorecard& scores = data.scores;
    html.heading(1, QStringLiteral("Findings by dimension"));
    std::size_t qIndex = 0; // questions are scored in model order
    for (const auto& dimension : model.dimensions) {
        const DimensionResult* result = scores.dimension(dimension.id);
        html.heading(2, plain(dimension.title));
        html.body += QStringLiteral("<p class=\"intro\">%1</p>").arg(esc(dimension.description));
        if (result)
            html.body += QStringLiteral("<p class=\"intro-meta\">Score <b>%1</b>, target %2; %3 of %4 "
                                        "questions answered.</p>")
                             .arg(scoreText(model, result->current), scoreText(model, result->target))
                             .arg(result->answered)
                             .arg(result->total);
        if (result)
            if (const auto held =
                    floorSentence(dimension.title, result->current, result->uncapped, result->heldBy);
                !held.empty())
                html.body += QStringLiteral("<p class=\"floor-note\"><b>%1</b></p>").arg(esc(held));
        for (const auto& question : dimension.questions)
            appendQuestionFinding(html, data, question, scores.questions[qIndex++], options);
    }
    html.pageBreak();
}

// How scores are computed, every answer and the participants.
void appendAppendix(ReportHtml& html, const ReportData& data) {
    const Model& model = *data.model;
    const Scorecard& scores = data.scores;
    html.heading(1, QStringLiteral("Appendix"));
    appendMethod(html, model);
    html.heading(2, QStringLiteral("All answers"));
    std::vector<std::vector<TableCell>> answerRows;
    for (const auto& qr : scores.questions) {
        const Answer* answer = data.consensusAnswer(qr.question->id);
        answerRows.push_back({{plain(qr.question->id)},
                              {plain(qr.dimension->title)},
                              {qr.answer.notApplicable ? QStringLiteral("N/A") : num(qr.answer.current)},
                              {qr.answer.current ? num(qr.effectiveTarget()) : QString(kDash)},
                              {answer ? plain(std::string(toString(answer->confidence))) : QString(kDash)},
                              {answer ? plain(answer->updatedAt.substr(0, 10)) : QString(kDash)}});
    }
    html.body +=
        QStringLiteral("<p>The answer register: every question by its id (the findings above give the "
                       "question text, the descriptor and the notes).</p>");
    html.body += html.table({"Id", "Dimension", "Current", "Target", "Confidence", "Last changed"},
                            std::move(answerRows), {8, 37, 11, 11, 17, 16}, {2, 3});
    appendEvidenceFiles(html, data);
    appendVoices(html, data);
    html.heading(2, QStringLiteral("Participants"));
    std::vector<std::vector<TableCell>> participantRows;
    int voice = 0;
    for (const auto& p : data.participants)
        participantRows.push_back({{p.isDefault ? QString(kDash) : QStringLiteral("P%1").arg(++voice)},
                                   {plain(p.name)},
                                   {plain(p.group)},
                                   {plain(p.role)}});
    html.body += html.table({"Id", "Name", "Group", "Role"}, std::move(participantRows), {10, 38, 22, 30});
}

} // namespace

ReportHtml reportHtml(const ReportData& data, const ReportOptions& options, bool hasLogo) {
    const Model& model = *data.model;
    ReportHtml html;
    html.cover = coverHtml(html, QStringLiteral("IT/OT convergence maturity assessment"),
                           esc(data.client.name), esc(data.info.title),
                           {"Date", longDate(data.info.date), "Assessor", plain(data.info.assessor), "Model",
                            plain(model.title + " " + model.version), "Status",
                            data.info.status == Status::Final ? "Final" : "Draft: subject to review",
                            "Sector", plain(data.client.sector)},
                           options.branding, hasLogo);

    appendSummary(html, data);
    appendProfile(html, data);
    appendPerceptionGap(html, data);
    appendActionsSinceBaseline(html, data);
    appendFindings(html, data, options);
    appendActionPlan(html, data);
    appendAppendix(html, data);
    return html;
}

} // namespace mw
