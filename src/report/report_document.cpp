// Builds the maturity report and the comparison report as QTextDocuments, and paginates them to PDF.
#include "report/exports.hpp"
#include "report/file_output.hpp"
#include "report/report_document_p.hpp"
#include "report/report_table.hpp"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QDate>
#include <QFontMetricsF>
#include <QImage>
#include <QImageReader>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextDocumentWriter>
#include <QTextObjectInterface>
#include <QTextTable>

#include <algorithm>
#include <cmath>

namespace mw {

namespace {

const QString kRadarMarker = QStringLiteral("@@MW-RADAR-%1@@");
const QString kTableMarker = QStringLiteral("@@MW-TABLE-%1@@");
const QChar kDash(0x2014);

QString esc(const std::string& text) {
    return QString::fromStdString(text).toHtmlEscaped();
}
QString plain(const std::string& text) {
    return QString::fromStdString(text);
}
QString escMultiline(const std::string& text) {
    return esc(text).replace(QLatin1Char('\n'), QStringLiteral("<br/>"));
}
QString num(double value) {
    return QString::fromStdString(formatNumber(value));
}
QString num(const std::optional<double>& value) {
    return value ? num(*value) : QString(kDash);
}
// Plain text that needs no escaping: digits, signs and dashes.
QString signedNum(const std::optional<double>& value) {
    if (!value)
        return kDash;
    if (*value > 1e-9)
        return "+" + num(*value);
    if (*value < -1e-9)
        return QChar(0x2212) + num(-*value);
    return QStringLiteral("0");
}
// "2 · Developing", as plain text.
QString levelPlain(const Model& model, const std::optional<double>& value) {
    if (!value)
        return kDash;
    return num(*value) + QStringLiteral(" \u00b7 ") + plain(model.levelLabel(*value));
}
QString levelText(const Model& model, const std::optional<double>& value) {
    return levelPlain(model, value).toHtmlEscaped();
}
QString scoreText(const Model& model, const std::optional<double>& value) {
    if (!value)
        return QStringLiteral("not scored");
    return num(*value) + " &#183; " + esc(model.scoreLabel(*value));
}
// Plain text: "18 November 2025".
QString longDate(const std::string& iso) {
    const QDate date = QDate::fromString(QString::fromStdString(iso), Qt::ISODate);
    return date.isValid() ? date.toString(QStringLiteral("d MMMM yyyy")) : QString::fromStdString(iso);
}

// One bold weight and few sizes: every distinct size and weight costs a font engine, and setting one up
// (fontconfig substitution included) is a visible part of writing a report.
// Headings carry the block state kKeepWithNext ("-qt-user-state"), which pagination reads.
const char* const kStyleSheet = R"CSS(
h1 { font-size: 17pt; color: #17365d; font-weight: bold; margin-top: 6px; margin-bottom: 10px; -qt-user-state: 1; }
h2 { font-size: 13pt; color: #1f4e79; font-weight: bold; margin-top: 16px; margin-bottom: 6px; -qt-user-state: 1; }
p { margin-top: 0px; margin-bottom: 7px; }
td, th { padding: 4px; }
th { color: #17365d; font-weight: bold; text-align: left; }
.muted { color: #5a6673; }
.question { margin-top: 9px; margin-bottom: 2px; font-weight: bold; -qt-user-state: 1; }
.meta { color: #33414f; margin-bottom: 2px; }
.label { color: #1f4e79; font-weight: bold; }
)CSS";

constexpr int kKeepWithNext = 1;

// Draws the document's objects. "mw-radar-N" is painted by RadarRenderer straight into the page (vector in a
// PDF, identical to the screen); "mw-row-T-R" is row R of table T, painted by TablePainter; anything else
// (the logo) is a picture from the document's resources. Taking over these objects lets the whole report
// come from one setHtml call and one layout, with rows that paginate like lines of text.
class DocumentObjects : public QObject, public QTextObjectInterface {
    Q_OBJECT
    Q_INTERFACES(QTextObjectInterface)
public:
    std::vector<RadarChart> charts;
    std::vector<std::unique_ptr<TablePainter>> tables;
    QFont radarFont;
    double pageTop = -1; // document coordinates of the page being drawn
    struct ContinuedHeader {
        TablePainter* rows;
        QRectF firstRow; // the row that opens the page
    };
    std::vector<ContinuedHeader> continuedHeaders; // for the page being drawn

    void paintContinuedHeaders(QPainter& painter) {
        for (const auto& [rows, firstRow] : continuedHeaders) {
            const double height = rows->headerHeight(firstRow.width(), painter.device());
            rows->paintHeader(painter, firstRow.left(), firstRow.top() - height, firstRow.width());
        }
        continuedHeaders.clear();
    }

    QSizeF intrinsicSize(QTextDocument* doc, int, const QTextFormat& format) override {
        const QTextImageFormat image = format.toImageFormat();
        const double width = doc->pageSize().width() > 0 ? doc->pageSize().width() : doc->textWidth();
        if (radarIndex(image) >= 0)
            return {width * 0.94, width * 0.94 * 0.8};
        if (const auto [table, row] = rowIndex(image); table >= 0)
            return {width, tables[static_cast<std::size_t>(table)]->rowHeight(
                               row, width, doc->documentLayout()->paintDevice())};
        const QImage picture =
            doc->resource(QTextDocument::ImageResource, QUrl(image.name())).value<QImage>();
        if (picture.isNull())
            return {};
        // The HTML gives a height in points; scale it to the paint device like text.
        const double scale = doc->documentLayout()->paintDevice()
                                 ? doc->documentLayout()->paintDevice()->logicalDpiY() / 72.0
                                 : 96.0 / 72.0;
        const double height = image.height() > 0 ? image.height() * scale : picture.height();
        return {height * picture.width() / picture.height(), height};
    }
    void drawObject(QPainter* painter, const QRectF& rect, QTextDocument* doc, int,
                    const QTextFormat& format) override {
        const QTextImageFormat image = format.toImageFormat();
        if (const int index = radarIndex(image); index >= 0) {
            RadarRenderer::paint(*painter, charts[static_cast<std::size_t>(index)], rect, radarFont,
                                 RadarColors());
            return;
        }
        if (const auto [table, row] = rowIndex(image); table >= 0) {
            TablePainter& rows = *tables[static_cast<std::size_t>(table)];
            rows.paintRow(*painter, row, rect);
            // A row that opens the page being drawn, in the middle of a table, repeats the header above
            // it, in the top margin, as a printed table does. The page paints it once the text is drawn.
            const double tolerance = painter->device()->logicalDpiY() / 72.0 * 2;
            if (row > 0 && rows.hasHeader() && std::abs(rect.top() - pageTop) < tolerance)
                continuedHeaders.push_back({&rows, rect});
            return;
        }
        const QImage picture =
            doc->resource(QTextDocument::ImageResource, QUrl(image.name())).value<QImage>();
        if (!picture.isNull())
            painter->drawImage(rect, picture);
    }

private:
    int radarIndex(const QTextImageFormat& image) const {
        if (!image.name().startsWith(QLatin1String("mw-radar-")))
            return -1;
        const int index = image.name().mid(9).toInt();
        return index < static_cast<int>(charts.size()) ? index : -1;
    }
    std::pair<int, int> rowIndex(const QTextImageFormat& image) const {
        if (!image.name().startsWith(QLatin1String("mw-row-")))
            return {-1, -1};
        const QStringList parts = image.name().mid(7).split(QLatin1Char('-'));
        const int table = parts.value(0).toInt();
        if (parts.size() != 2 || table >= static_cast<int>(tables.size()))
            return {-1, -1};
        return {table, parts[1].toInt()};
    }
};

QFont documentFont() {
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSizeF(9.5);
    font.setStyleHint(QFont::SansSerif);
    // No ligatures: text copied out of the PDF must read "fi", not the single ligature glyph.
    font.setStyleStrategy(QFont::PreferNoShaping);
    // Print needs no hinting: outlines are scaled by the viewer, and skipping the TrueType bytecode makes
    // glyph loading several times cheaper.
    font.setHintingPreference(QFont::PreferNoHinting);
    return font;
}

QFont radarFont() {
    QFont font = documentFont();
    font.setPointSizeF(8.5);
    return font;
}

} // namespace

ReportFontPreload::ReportFontPreload()
    : thread_([] {
        // Resolving the two weights fills the shared font database and fontconfig's caches; the font
        // engines themselves are per thread and are created again where the report is drawn.
        QFont font = documentFont();
        (void)QFontMetricsF(font).height();
        font.setWeight(QFont::Bold);
        (void)QFontMetricsF(font).height();
    }) {}

ReportFontPreload::~ReportFontPreload() {
    if (thread_.joinable())
        thread_.join();
}

// --- HTML assembly --------------------------------------------------------------------------------

QString ReportHtml::table(ReportTable table) {
    tables.push_back(std::move(table));
    return kTableMarker.arg(tables.size() - 1);
}

QString ReportHtml::table(const QStringList& headers, std::vector<std::vector<TableCell>> rows,
                          const std::vector<int>& widthPercents) {
    ReportTable grid;
    grid.headers = headers;
    grid.rows = std::move(rows);
    grid.widthPercents = widthPercents;
    return table(std::move(grid));
}

void ReportHtml::heading(int level, const QString& plainText) {
    body += QStringLiteral("<h%1>%2</h%1>").arg(level).arg(plainText.toHtmlEscaped());
    headings.push_back({level, plainText});
}

void ReportHtml::radar(RadarChart chart) {
    body += QStringLiteral("<p align=\"center\">") + kRadarMarker.arg(charts.size()) + QStringLiteral("</p>");
    charts.push_back(std::move(chart));
}

void ReportHtml::pageBreak() {
    body += QStringLiteral("<p style=\"page-break-after: always;\"></p>");
}

ReportTable ReportHtml::contents(const std::vector<int>& pages) const {
    ReportTable table;
    table.style = ReportTable::Style::Contents;
    table.widthPercents = {90, 10};
    table.rightAlignedColumn = 1;
    for (std::size_t i = 0; i < headings.size(); ++i) {
        const auto& [level, text] = headings[i];
        const QString page = i < pages.size() && pages[i] > 0 ? QString::number(pages[i]) : QString();
        table.rows.push_back({{text, level == 1, TableCell::Tone::Normal, level > 1 ? 1 : 0}, {page}});
    }
    return table;
}

namespace {

// facts: label and value pairs, plain text.
QString coverHtml(ReportHtml& report, const QString& kind, const QString& client, const QString& title,
                  const QStringList& facts, const ReportBranding& branding, bool hasLogo) {
    QString html = QStringLiteral("<p>&nbsp;</p>");
    if (hasLogo)
        html += QStringLiteral("<p><img src=\"mw-logo\" height=\"70\"/></p>");
    html +=
        QStringLiteral("<p>&nbsp;</p><p>&nbsp;</p><p style=\"color:#5a6673;\">%1</p>").arg(kind.toUpper());
    html +=
        QStringLiteral("<p style=\"font-size:26pt; font-weight:bold; color:#17365d;\">%1</p>").arg(client);
    html += QStringLiteral("<p style=\"font-size:15pt; color:#1f4e79;\">%1</p><p>&nbsp;</p>").arg(title);
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
        out << QStringLiteral("<b>%1</b> (%2)").arg(esc(scored[i]->title), num(*scored[i]->current));
    return out;
}

QString joinNatural(const QStringList& items) {
    if (items.size() <= 1)
        return items.join(QString());
    return items.mid(0, items.size() - 1).join(QStringLiteral(", ")) + QStringLiteral(" and ") + items.last();
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
    html.body += html.table({"Level", "Name", "What it means"}, std::move(rows), {10, 18, 72});
    if (model.aggregation.rule != AggregationRule::WeightedMean) {
        std::vector<std::vector<TableCell>> tiers;
        for (const auto& tier : model.aggregation.tiers)
            tiers.push_back({{num(tier.value)}, {plain(tier.label)}, {plain(tier.meaning)}});
        html.body += html.table({"Score", "Tier", "What it means"}, std::move(tiers), {10, 18, 72});
    }
}

} // namespace

ReportHtml reportHtml(const ReportData& data, const ReportOptions& options, bool hasLogo) {
    const Model& model = *data.model;
    const Scorecard& scores = data.scores;
    ReportHtml html;
    html.cover = coverHtml(html, QStringLiteral("IT/OT convergence maturity assessment"),
                           esc(data.client.name), esc(data.info.title),
                           {"Date", longDate(data.info.date), "Assessor", plain(data.info.assessor), "Model",
                            plain(model.title + " " + model.version), "Status",
                            data.info.status == Status::Final ? "Final" : "Draft: subject to review",
                            "Sector", plain(data.client.sector)},
                           options.branding, hasLogo);

    // Executive summary
    html.heading(1, QStringLiteral("Executive summary"));
    const QString max = num(model.maxScore());
    if (scores.overall) {
        html.body +=
            QStringLiteral("<p>%1 assessed its IT/OT convergence initiative against the %2 model. Across "
                           "its %3 dimensions the initiative stands at <b>%4 out of %5</b>, level "
                           "<b>%6</b>. The workshop set a target of <b>%7</b> (%8), a distance of %9 "
                           "to close.</p>")
                .arg(esc(data.client.name), esc(model.title))
                .arg(scores.dimensions.size())
                .arg(num(*scores.overall), max, esc(scores.overallLabel), num(*scores.overallTarget),
                     esc(scores.overallTargetLabel), num(*scores.overallTarget - *scores.overall));
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
    const QStringList strongest = topDimensions(scores, true, 2);
    const QStringList weakest = topDimensions(scores, false, 2);
    if (!strongest.isEmpty())
        html.body += QStringLiteral("<p>The strongest dimensions are %1. The weakest are %2, where the "
                                    "initiative is most exposed.</p>")
                         .arg(joinNatural(strongest), joinNatural(weakest));
    if (!data.gaps.empty()) {
        html.body += QStringLiteral("<p>The five gaps that matter most, with the next step for each:</p>");
        // Numbered paragraphs, not a list: a word processor sets list numbers in its own default font.
        for (std::size_t i = 0; i < data.gaps.size() && i < 5; ++i) {
            const Gap& g = data.gaps[i];
            html.body +=
                QStringLiteral("<p style=\"margin-left:40px; margin-bottom:5px;\"><b>%1.&nbsp;&nbsp;%2</b> "
                               "(%3). Today: %4; target: %5. Next step: %6</p>")
                    .arg(i + 1)
                    .arg(esc(g.questionText), esc(g.dimensionTitle), esc(g.currentLabel), esc(g.targetLabel),
                         esc(g.recommendation));
        }
    }
    html.pageBreak();

    // Radar and dimension table
    html.heading(1, QStringLiteral("Maturity profile"));
    html.body +=
        QStringLiteral("<p>The chart shows the current score of each dimension (filled blue) against the "
                       "target (dashed orange). Each ring is one level of the scale; the further out, the "
                       "more mature.</p>");
    html.radar(radarChartFor(data));
    std::vector<std::vector<TableCell>> rows;
    for (const auto& d : scores.dimensions)
        rows.push_back({{plain(d.title)},
                        {num(d.current)},
                        {plain(d.current ? d.currentLabel : "not scored")},
                        {num(d.target)},
                        {num(d.gap())},
                        {QStringLiteral("%1/%2").arg(d.answered).arg(d.total)}});
    rows.push_back({{QStringLiteral("Overall"), true},
                    {num(scores.overall), true},
                    {plain(scores.overallLabel)},
                    {num(scores.overallTarget)},
                    {scores.overall ? num(*scores.overallTarget - *scores.overall) : QString(kDash)},
                    {QStringLiteral("%1/%2").arg(scores.answered).arg(scores.total)}});
    html.body += html.table({"Dimension", "Score", "Level", "Target", "Gap", "Answered"}, std::move(rows),
                            {31, 10, 16, 12, 10, 21});
    html.pageBreak();

    // Findings by dimension
    html.heading(1, QStringLiteral("Findings by dimension"));
    std::size_t qIndex = 0;
    for (const auto& dimension : model.dimensions) {
        const DimensionResult* result = scores.dimension(dimension.id);
        html.heading(2, plain(dimension.title));
        html.body += QStringLiteral("<p class=\"muted\">%1</p>").arg(esc(dimension.description));
        if (result)
            html.body += QStringLiteral("<p class=\"meta\">Score <b>%1</b>, target %2; %3 of %4 questions "
                                        "answered.</p>")
                             .arg(scoreText(model, result->current), scoreText(model, result->target))
                             .arg(result->answered)
                             .arg(result->total);
        for (const auto& question : dimension.questions) {
            ++qIndex;
            const Answer* answer = data.consensusAnswer(question.id);
            const auto& qr = scores.questions[qIndex - 1];
            html.body += QStringLiteral("<p class=\"question\">%1&nbsp;&nbsp;%2</p>")
                             .arg(esc(question.id), esc(question.text));
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
        }
    }
    html.pageBreak();

    // Gap analysis and roadmap
    html.heading(1, QStringLiteral("Gap analysis and roadmap"));
    html.body +=
        QStringLiteral("<p>Every question whose target lies above its current level is a gap. The gaps are "
                       "ranked by priority (the gap multiplied by the question and dimension weights) and "
                       "grouped into three horizons: those with at least two thirds of the top priority "
                       "belong to <b>Now</b>, at least one third to <b>Next</b>, the rest to "
                       "<b>Later</b>. Each comes with the model's next step from the level reached "
                       "today.</p>");
    if (data.gaps.empty())
        html.body +=
            QStringLiteral("<p>There are no gaps: every answered question is at or above its target.</p>");
    // Paragraphs rather than a table: the recommendations read as prose and the report lays out faster.
    for (Horizon horizon : {Horizon::Now, Horizon::Next, Horizon::Later}) {
        const QString name = horizon == Horizon::Now    ? QStringLiteral("Now")
                             : horizon == Horizon::Next ? QStringLiteral("Next")
                                                        : QStringLiteral("Later");
        html.heading(2,
                     QStringLiteral("%1 (%2)").arg(name, QString::fromUtf8(horizonPeriod(horizon).data())));
        int rank = 0, shown = 0;
        for (const auto& g : data.gaps) {
            ++rank;
            if (g.horizon != horizon)
                continue;
            ++shown;
            html.body += QStringLiteral("<p class=\"question\">%1.&nbsp;&nbsp;%2</p>")
                             .arg(rank)
                             .arg(esc(g.questionText));
            html.body += QStringLiteral(
                             "<p class=\"meta\">%1 &#160;&#183;&#160; %2 %3 &#8594; %4 %5 &#160;&#183;&#160; "
                             "gap %6, priority %7</p>")
                             .arg(esc(g.dimensionTitle), num(g.current), esc(g.currentLabel), num(g.target),
                                  esc(g.targetLabel), num(g.gap), num(g.priority));
            html.body += QStringLiteral("<p><span class=\"label\">Next step:</span> %1</p>")
                             .arg(esc(g.recommendation));
        }
        if (shown == 0)
            html.body += QStringLiteral("<p class=\"muted\">No gaps in this horizon.</p>");
    }
    html.pageBreak();

    // Appendix
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
                            std::move(answerRows), {8, 37, 11, 11, 17, 16});
    html.heading(2, QStringLiteral("Participants"));
    std::vector<std::vector<TableCell>> participantRows;
    for (const auto& p : data.participants)
        participantRows.push_back({{plain(p.name)}, {plain(p.group)}});
    html.body += html.table({"Name", "Group"}, std::move(participantRows), {60, 40});
    return html;
}

ReportHtml comparisonHtml(const ReportData& before, const ReportData& after, const ReportOptions& options,
                          bool hasLogo) {
    const Model& model = *after.model;
    const Comparison c = compareAssessments(*before.model, before.answers, *after.model, after.answers);
    ReportHtml html;
    html.cover =
        coverHtml(html, QStringLiteral("IT/OT convergence progress review"), esc(after.client.name),
                  esc(before.info.title) + " &#8594; " + esc(after.info.title),
                  {"Before", longDate(before.info.date), "After", longDate(after.info.date), "Assessor",
                   plain(after.info.assessor), "Model", plain(model.title + " " + model.version)},
                  options.branding, hasLogo);

    html.heading(1, QStringLiteral("Summary of progress"));
    if (c.overallBefore && c.overallAfter)
        html.body +=
            QStringLiteral("<p>Between %1 and %2 the overall index moved from <b>%3</b> (%4) to <b>%5</b> "
                           "(%6), a change of <b>%7</b>.</p>")
                .arg(longDate(before.info.date).toHtmlEscaped(), longDate(after.info.date).toHtmlEscaped(),
                     num(*c.overallBefore), esc(before.model->scoreLabel(*c.overallBefore)),
                     num(*c.overallAfter), esc(model.scoreLabel(*c.overallAfter)),
                     signedNum(c.overallDelta()));
    html.body +=
        QStringLiteral("<p>Of the questions answered both times, <b>%1 improved</b>, <b>%2 declined</b> and "
                       "%3 stayed where they were.%4</p>")
            .arg(c.improved)
            .arg(c.declined)
            .arg(c.unchanged)
            .arg(c.notComparable ? QStringLiteral(" %1 could not be compared because one side was "
                                                  "unanswered or not applicable.")
                                       .arg(c.notComparable)
                                 : QString());
    if (!c.sameModelVersion)
        html.body +=
            QStringLiteral("<p>The two assessments used different model versions (%1 and %2). Only the "
                           "questions both versions ask are compared; %3 were dropped and %4 added.</p>")
                .arg(esc(before.model->version), esc(model.version))
                .arg(c.onlyInBefore.size())
                .arg(c.onlyInAfter.size());
    html.radar(comparisonRadar(before, after));
    std::vector<std::vector<TableCell>> rows;
    for (const auto& d : c.dimensions) {
        const auto delta = d.delta();
        const auto tone = delta && *delta > 1e-9    ? TableCell::Tone::Good
                          : delta && *delta < -1e-9 ? TableCell::Tone::Bad
                                                    : TableCell::Tone::Normal;
        rows.push_back({{plain(d.title)}, {num(d.before)}, {num(d.after)}, {signedNum(delta), true, tone}});
    }
    rows.push_back({{QStringLiteral("Overall"), true},
                    {num(c.overallBefore)},
                    {num(c.overallAfter)},
                    {signedNum(c.overallDelta()), true}});
    html.heading(2, QStringLiteral("Change by dimension"));
    html.body += html.table({"Dimension", "Before", "After", "Change"}, std::move(rows), {52, 16, 16, 16});
    html.pageBreak();

    std::vector<const QuestionDelta*> changed;
    for (const auto& q : c.questions)
        if (q.delta() && std::fabs(*q.delta()) > 1e-9)
            changed.push_back(&q);
    auto topChanges = [&](bool improvements) {
        std::vector<const QuestionDelta*> list;
        for (const auto* q : changed)
            if ((*q->delta() > 0) == improvements)
                list.push_back(q);
        std::stable_sort(list.begin(), list.end(), [&](const auto* a, const auto* b) {
            return improvements ? *a->delta() > *b->delta() : *a->delta() < *b->delta();
        });
        if (list.size() > 5)
            list.resize(5);
        return list;
    };
    html.heading(1, QStringLiteral("Biggest improvements and regressions"));
    for (bool improvements : {true, false}) {
        html.heading(2, improvements ? QStringLiteral("Improvements") : QStringLiteral("Regressions"));
        const auto list = topChanges(improvements);
        if (list.empty()) {
            html.body += improvements ? QStringLiteral("<p>No question moved up.</p>")
                                      : QStringLiteral("<p>No question lost ground.</p>");
            continue;
        }
        std::vector<std::vector<TableCell>> changeRows;
        for (const auto* q : list)
            changeRows.push_back({{plain(q->questionText)},
                                  {plain(q->dimensionTitle)},
                                  {levelPlain(*before.model, q->before) + QStringLiteral(" \u2192 ") +
                                   levelPlain(model, q->after)},
                                  {signedNum(q->delta())}});
        html.body += html.table({"Question", "Dimension", "Levels", "Change"}, std::move(changeRows),
                                {42, 22, 24, 12});
    }

    html.heading(1, QStringLiteral("Every changed question"));
    html.body += QStringLiteral("<p>Each question whose level changed, with the notes recorded at both "
                                "workshops.</p>");
    for (const auto* q : changed) {
        html.body += QStringLiteral("<p class=\"question\">%1&nbsp;&nbsp;%2</p>")
                         .arg(esc(q->questionId), esc(q->questionText));
        html.body +=
            QStringLiteral("<p class=\"meta\">%1 &#8594; %2 (<b>%3</b>)</p>")
                .arg(levelText(*before.model, q->before), levelText(model, q->after), signedNum(q->delta()));
        if (!q->beforeNote.empty())
            html.body += QStringLiteral("<p><span class=\"label\">Before:</span> %1</p>")
                             .arg(escMultiline(q->beforeNote));
        if (!q->afterNote.empty())
            html.body += QStringLiteral("<p><span class=\"label\">After:</span> %1</p>")
                             .arg(escMultiline(q->afterNote));
    }
    if (changed.empty())
        html.body += QStringLiteral("<p>No question changed level.</p>");
    html.pageBreak();
    html.heading(1, QStringLiteral("Appendix"));
    appendMethod(html, model);
    return html;
}

// --- Documents and pagination ---------------------------------------------------------------------

namespace {

struct PageGeometry {
    QSizeF page; // device pixels
    QMarginsF margins;
    QSizeF body() const {
        return {page.width() - margins.left() - margins.right(),
                page.height() - margins.top() - margins.bottom()};
    }
};

constexpr int kPdfResolution = 300;

PageGeometry geometryFor(QPageSize::PageSizeId id) {
    const QSizeF mm = QPageSize(id).size(QPageSize::Millimeter);
    const double px = kPdfResolution / 25.4;
    const QSizeF page(mm.width() * px, mm.height() * px);
    const double top = 24 * px;
    // The text layout counts in 64ths of a unit: a body height it can represent exactly keeps its page
    // boundaries and ours identical, so no line is drawn on two pages.
    const double body = std::floor((page.height() - top - 22 * px) * 64) / 64;
    return {page, QMarginsF(20 * px, top, 20 * px, page.height() - top - body)};
}

QImage loadLogo(const QString& path) {
    if (path.isEmpty())
        return {};
    QImageReader reader(path);
    reader.setAutoTransform(true);
    return reader.read();
}

enum class Target { Pdf, WordProcessor };

// Whether every row of a table, laid out for the page, is shorter than the page: a painted row cannot split.
// The layouts stay with the painter for drawing.
bool rowsFitOnAPage(TablePainter& rows, std::size_t count, const QPaintDevice* device, const QSizeF& body) {
    if (body.isEmpty())
        return true;
    for (std::size_t row = 0; row < count; ++row)
        if (rows.rowHeight(static_cast<int>(row), body.width(), device) > body.height() * 0.9)
            return false;
    return true;
}

const QString kPageBreak = QStringLiteral("<p style=\"page-break-after: always;\"></p>");

// The report as one document. For a PDF the radar and the table rows are objects painted by `objects`;
// a word processor gets a picture and real tables it can edit. The contents table comes last in
// objects->tables, its page column empty.
std::unique_ptr<QTextDocument> assemble(const ReportHtml& html, Target target, const QImage& logo,
                                        QPaintDevice* device, const QSizeF& bodySize,
                                        DocumentObjects* objects) {
    auto doc = std::make_unique<QTextDocument>();
    doc->setDefaultFont(documentFont());
    doc->setDefaultStyleSheet(QString::fromLatin1(kStyleSheet));
    doc->setDocumentMargin(0);
    doc->setUseDesignMetrics(true); // unhinted advances: print layout independent of device resolution
    if (device)
        doc->documentLayout()->setPaintDevice(device);
    if (!logo.isNull())
        doc->addResource(QTextDocument::ImageResource, QUrl(QStringLiteral("mw-logo")), logo);
    std::vector<ReportTable> tables = html.tables;
    tables.push_back(html.contents({}));
    QString body = html.cover + kPageBreak + QStringLiteral("<h1>Contents</h1>") +
                   kTableMarker.arg(tables.size() - 1) + kPageBreak + html.body;

    for (std::size_t i = 0; i < html.charts.size(); ++i) {
        const QString name = QStringLiteral("mw-radar-%1").arg(i);
        if (target == Target::WordProcessor) {
            // Word processors get a picture: 1800 x 1330 pixels, shown 16 cm wide.
            QImage image(QSize(1800, 1330), QImage::Format_RGB32); // opaque: the PNG needs no alpha channel
            image.fill(Qt::white);
            QPainter painter(&image);
            QFont font = radarFont();
            font.setPointSizeF(font.pointSizeF() * 1800 / 800.0 * 96 / image.logicalDpiX());
            RadarRenderer::paint(painter, html.charts[i], QRectF(0, 0, 1800, 1330), font);
            painter.end();
            doc->addResource(QTextDocument::ImageResource, QUrl(name + ".png"), image);
            body.replace(kRadarMarker.arg(i),
                         QStringLiteral("<img src=\"%1.png\" width=\"600\" height=\"443\"/>").arg(name));
        } else {
            body.replace(kRadarMarker.arg(i), QStringLiteral("<img src=\"%1\"/>").arg(name));
        }
    }
    for (std::size_t i = 0; i < tables.size(); ++i) {
        QString replacement;
        if (target == Target::Pdf) {
            objects->tables.push_back(std::make_unique<TablePainter>(tables[i], documentFont()));
            if (rowsFitOnAPage(*objects->tables.back(), tables[i].rows.size(), device, bodySize)) {
                for (std::size_t row = 0; row < tables[i].rows.size(); ++row)
                    replacement += QStringLiteral("<p style=\"margin-top:0px; margin-bottom:%1px;\">"
                                                  "<img src=\"mw-row-%2-%3\"/></p>")
                                       .arg(row + 1 == tables[i].rows.size() ? 14 : 0)
                                       .arg(i)
                                       .arg(row);
                body.replace(kTableMarker.arg(i), replacement);
                continue;
            }
        }
        // The word processor's table, and the PDF's for a row too tall for one page (the rich-text table can
        // split a cell across pages; a painted row cannot).
        if (!tables[i].rows.empty())
            replacement = tables[i].toHtml(target == Target::Pdf ? ReportTable::CellShading::Cells
                                                                 : ReportTable::CellShading::None);
        body.replace(kTableMarker.arg(i), replacement);
    }
    if (target == Target::Pdf) {
        objects->charts = html.charts;
        objects->radarFont = radarFont();
        doc->documentLayout()->registerHandler(QTextFormat::ImageObject, objects);
    }
    doc->setHtml(body);
    if (target == Target::Pdf) {
        // Keep each line's shaped glyphs from layout to drawing: by default the text layout drops them to
        // save memory and shapes every line again when it is painted.
        for (QTextBlock block = doc->begin(); block.isValid(); block = block.next())
            block.layout()->setCacheEnabled(true);
    }
    // The page size last, once the caches are on: it starts the pass that lays out and paginates the report.
    if (!bodySize.isEmpty())
        doc->setPageSize(bodySize);
    return doc;
}

// Where line `line` of a laid-out block sits, in document coordinates: a line belongs to the page its middle
// is on (the block's top is no guide, since its top margin may lie on the page before).
double lineMiddle(const QTextBlock& block, int line) {
    const QTextLayout* layout = block.layout();
    const QTextLine textLine = layout->lineAt(line);
    return layout->position().y() + textLine.y() + textLine.height() / 2;
}

// Page (1-based) of each heading, in the order ReportHtml recorded them. The document is laid out.
std::vector<int> headingPages(const QTextDocument& doc, double bodyHeight) {
    std::vector<int> pages;
    for (QTextBlock block = doc.begin(); block.isValid(); block = block.next()) {
        const int level = block.blockFormat().headingLevel();
        if (level < 1 || level > 2 || block.text() == QLatin1String("Contents"))
            continue;
        const double y =
            block.layout()->lineCount() > 0 ? lineMiddle(block, 0) : block.layout()->position().y();
        pages.push_back(static_cast<int>(y / bodyHeight) + 1);
    }
    return pages;
}

// A heading (a section's or a question's) that is split across two pages, or left at the foot of a page
// while the line after it starts the next, reads as a printing fault: such a heading starts the next page,
// with any heading right above it. Each move lays the rest of the report out again, so headings are checked
// in order.
void keepHeadingsWithNextLine(QTextDocument& doc, double bodyHeight) {
    const auto pageOf = [bodyHeight](const QTextBlock& block, int line) {
        return static_cast<int>(lineMiddle(block, line) / bodyHeight);
    };
    (void)doc.pageCount(); // the layout runs lazily until something needs all of it
    QTextCursor cursor(&doc);
    for (QTextBlock block = doc.begin(); block.isValid(); block = block.next()) {
        if (block.userState() != kKeepWithNext || block.layout()->lineCount() == 0)
            continue;
        const QTextBlock next = block.next();
        const int lastPage = next.isValid() && next.layout()->lineCount() > 0
                                 ? pageOf(next, 0)
                                 : pageOf(block, block.layout()->lineCount() - 1);
        if (pageOf(block, 0) == lastPage)
            continue;
        // A heading right above goes along ("Later (12+ months)" and the first question under it).
        QTextBlock first = block;
        while (first.previous().isValid() && first.previous().userState() == kKeepWithNext &&
               first.previous().layout()->lineCount() > 0 && pageOf(first.previous(), 0) == pageOf(block, 0))
            first = first.previous();
        QTextBlockFormat newPage;
        newPage.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
        cursor.setPosition(first.position());
        cursor.mergeBlockFormat(newPage);
        (void)doc.pageCount(); // finishes the new layout before the next heading is looked at
    }
}

// Draws the lines of `doc` that belong to `page` (document coordinates): those whose middle lies on it.
// Qt's own document drawing also draws the line just above its clip rectangle, so the last line of each
// page would be printed again, hidden by the clip, at the top of the next: search and copied text find it
// twice. Documents with frames of their own (rich-text tables) are left to Qt.
void drawLinesOfPage(QPainter& painter, QTextDocument& doc, const QRectF& page) {
    for (QTextBlock block = doc.begin(); block.isValid(); block = block.next()) {
        const QTextLayout* layout = block.layout();
        const QPointF origin = layout->position();
        const QRectF bounds = layout->boundingRect().translated(origin);
        if (bounds.bottom() < page.top())
            continue;
        if (bounds.top() >= page.bottom())
            break;
        for (int i = 0; i < layout->lineCount(); ++i) {
            const double middle = lineMiddle(block, i);
            if (middle >= page.top() && middle < page.bottom())
                layout->lineAt(i).draw(&painter, origin);
        }
    }
}

Result<void> paginateToPdf(const ReportHtml& html, const ReportOptions& options, const QString& path,
                           const QString& runningTitle) {
    const PageGeometry geometry = geometryFor(options.pageSize);
    const QImage logo = loadLogo(options.branding.logoPath);
    // Write to a temporary file beside the target and move it into place, so a failure leaves no half file.
    QSaveFile output(path);
    if (!output.open(QIODevice::WriteOnly))
        return fail(path.toStdString() + ": cannot write (" + output.errorString().toStdString() + ")");
    QPdfWriter writer(&output);
    writer.setResolution(kPdfResolution);
    writer.setPageSize(QPageSize(options.pageSize));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    writer.setTitle(runningTitle);
    writer.setCreator(QStringLiteral("Maturity Workbench"));

    DocumentObjects objects;
    auto doc = assemble(html, Target::Pdf, logo, &writer, geometry.body(), &objects);
    keepHeadingsWithNextLine(*doc, geometry.body().height());
    // The contents table leaves its page column empty; once the report is paginated, the numbers go into
    // that column. They do not change any row's height, so the pages stay as they are.
    const std::vector<int> pages = headingPages(*doc, geometry.body().height());
    for (std::size_t i = 0; i < pages.size(); ++i)
        objects.tables.back()->setCellText(static_cast<int>(i), 1, QString::number(pages[i]));
    const int pageCount = doc->pageCount();

    // Rich-text tables (the fallback for a table row taller than a page) are frames with text in them. The
    // HTML import also leaves empty frames behind objects; those draw nothing.
    const QList<QTextFrame*> frames = doc->rootFrame()->childFrames();
    const bool hasTextFrames = std::any_of(frames.begin(), frames.end(), [](const QTextFrame* frame) {
        return frame->lastPosition() >= frame->firstPosition();
    });
    QPainter painter;
    if (!painter.begin(&writer))
        return fail(path.toStdString() + ": cannot start the PDF");
    QFont small = documentFont();
    small.setPointSizeF(7.5);
    const double body_h = geometry.body().height();
    for (int page = 0; page < pageCount; ++page) {
        if (page > 0)
            writer.newPage();
        painter.save();
        painter.translate(geometry.margins.left(), geometry.margins.top() - page * body_h);
        const QRectF pageRect(0, page * body_h, geometry.body().width(), body_h);
        // Nothing spills into the margins above and below the text; the clip reaches sideways, so that table
        // borders on the edges of the text are drawn whole.
        painter.setClipRect(pageRect.adjusted(-geometry.margins.left(), 0, geometry.margins.right(), 0));
        objects.pageTop = pageRect.top();
        if (hasTextFrames) {
            // Only this page's lines, one unit in from its edges, so that a line starting exactly where the
            // next page begins is drawn there and not here as well.
            QAbstractTextDocumentLayout::PaintContext context;
            context.clip = pageRect.adjusted(0, 1, 0, -1);
            context.palette.setColor(QPalette::Text, report_colors::text);
            doc->documentLayout()->draw(&painter, context);
        } else {
            painter.setPen(report_colors::text); // the colour of text without one of its own
            drawLinesOfPage(painter, *doc, pageRect);
        }
        // Then the headers of tables continued from the previous page, just above the text area.
        painter.setClipRect(QRectF(-geometry.margins.left(), pageRect.top() - geometry.margins.top() * 0.4,
                                   geometry.page.width(), geometry.margins.top() * 0.4));
        objects.paintContinuedHeaders(painter);
        painter.restore();
        painter.setFont(small);
        painter.setPen(report_colors::muted);
        const double left = geometry.margins.left();
        const double width = geometry.body().width();
        if (page > 0) { // the cover carries no running header
            const double headerY = geometry.margins.top() * 0.45;
            const QRectF header(left, headerY - 60, width, 60);
            painter.drawText(header, Qt::AlignLeft | Qt::AlignBottom, runningTitle);
            if (!options.branding.consultancy.isEmpty())
                painter.drawText(header, Qt::AlignRight | Qt::AlignBottom, options.branding.consultancy);
            painter.setPen(QPen(report_colors::rule, 2));
            painter.drawLine(QPointF(left, headerY + 12), QPointF(left + width, headerY + 12));
        }
        painter.setPen(QPen(report_colors::rule, 2));
        const double footerY = geometry.page.height() - geometry.margins.bottom() * 0.55;
        painter.drawLine(QPointF(left, footerY - 12), QPointF(left + width, footerY - 12));
        painter.setPen(report_colors::muted);
        const QRectF footer(left, footerY, width, 60);
        painter.drawText(footer, Qt::AlignLeft | Qt::AlignTop,
                         QStringLiteral("Confidential: prepared for the client named on the cover"));
        painter.drawText(footer, Qt::AlignRight | Qt::AlignTop,
                         QStringLiteral("Page %1 of %2").arg(page + 1).arg(pageCount));
    }
    if (!painter.end())
        return fail(path.toStdString() + ": cannot finish the PDF");
    if (!output.commit())
        return fail(path.toStdString() + ": cannot write (" + output.errorString().toStdString() + ")");
    return {};
}

// Word processors ignore percentage table widths in Qt's ODF output and squeeze every table into a narrow
// block. Give each table and its columns fixed widths across the text area instead.
void fixTableWidths(QTextFrame* frame, double textWidth) {
    for (QTextFrame* child : frame->childFrames()) {
        if (auto* table = qobject_cast<QTextTable*>(child)) {
            QTextTableFormat format = table->format();
            const auto constraints = format.columnWidthConstraints();
            QList<QTextLength> fixed;
            for (int c = 0; c < table->columns(); ++c) {
                const double share =
                    c < constraints.size() && constraints[c].type() == QTextLength::PercentageLength
                        ? constraints[c].rawValue() / 100.0
                        : 1.0 / table->columns();
                fixed << QTextLength(QTextLength::FixedLength, textWidth * share);
            }
            format.setColumnWidthConstraints(fixed);
            format.setWidth(QTextLength(QTextLength::FixedLength, textWidth));
            table->setFormat(format);
        }
        fixTableWidths(child, textWidth);
    }
}

// Qt 6.4's ODF writer takes the font name from the property Qt 5 used; given only the font families of Qt 6,
// it names every font "Sans", which only fontconfig understands: a word processor on Windows or macOS would
// substitute its own font. Both properties name the family.
void setFontFamily(QTextCharFormat& format, const QString& family) {
    format.setFontFamilies(QStringList{family});
    format.setProperty(QTextFormat::FontFamily, family);
}

// The ODF writer leaves out the document's default font, and word processors then use their own, often a
// 12 pt serif, which breaks words in narrow table columns. Give every piece of text without a font or size
// of its own the report's.
void writeDefaultFontIntoText(QTextDocument& doc, const QFont& font) {
    struct Range {
        int start, end;
        QTextCharFormat missing;
    };
    std::vector<Range> ranges;
    for (QTextBlock block = doc.begin(); block.isValid(); block = block.next())
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            QTextCharFormat missing;
            if (!fragment.charFormat().hasProperty(QTextFormat::FontPointSize))
                missing.setFontPointSize(font.pointSizeF());
            if (!fragment.charFormat().hasProperty(QTextFormat::FontFamilies))
                setFontFamily(missing, font.family());
            if (!missing.properties().isEmpty())
                ranges.push_back({fragment.position(), fragment.position() + fragment.length(), missing});
        }
    QTextCursor cursor(&doc); // merging splits fragments, so the ranges are collected first
    // Blocks too: an empty paragraph and a list number take their font from the block.
    QTextCharFormat blockDefault;
    blockDefault.setFontPointSize(font.pointSizeF());
    setFontFamily(blockDefault, font.family());
    for (QTextBlock block = doc.begin(); block.isValid(); block = block.next())
        if (!block.charFormat().hasProperty(QTextFormat::FontFamilies)) {
            cursor.setPosition(block.position());
            cursor.mergeBlockCharFormat(blockDefault);
        }
    for (const auto& [start, end, missing] : ranges) {
        cursor.setPosition(start);
        cursor.setPosition(end, QTextCursor::KeepAnchor);
        cursor.mergeCharFormat(missing);
    }
}

Result<void> writeOdt(const ReportHtml& html, const ReportOptions& options, const QString& path) {
    const QImage logo = loadLogo(options.branding.logoPath);
    // Word processors number their own pages; the contents lists the sections without numbers.
    auto doc = assemble(html, Target::WordProcessor, logo, nullptr, {}, nullptr);
    // A4 text width with 2 cm margins, in points: the ODF writer writes fixed lengths as points.
    fixTableWidths(doc->rootFrame(), 170 / 25.4 * 72);
    writeDefaultFontIntoText(*doc, documentFont());
    // The ODF writer closes its device, so it writes to memory and the bytes are then moved into place.
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QTextDocumentWriter writer(&buffer, "ODF");
    if (!writer.write(doc.get()))
        return fail(path.toStdString() + ": cannot write the ODT document");
    if (auto written = writeFileAtomically(path, buffer.data()); !written)
        return written;
    return {};
}

QString runningTitleFor(const ReportData& data) {
    return QString::fromStdString(data.client.name + " - " + data.info.title);
}

} // namespace

Result<void> writeReportPdf(const ReportData& data, const ReportOptions& options, const QString& path) {
    const bool hasLogo = !loadLogo(options.branding.logoPath).isNull();
    return paginateToPdf(reportHtml(data, options, hasLogo), options, path, runningTitleFor(data));
}

Result<void> writeReportOdt(const ReportData& data, const ReportOptions& options, const QString& path) {
    const bool hasLogo = !loadLogo(options.branding.logoPath).isNull();
    return writeOdt(reportHtml(data, options, hasLogo), options, path);
}

Result<void> writeComparisonPdf(const ReportData& before, const ReportData& after,
                                const ReportOptions& options, const QString& path) {
    const bool hasLogo = !loadLogo(options.branding.logoPath).isNull();
    return paginateToPdf(comparisonHtml(before, after, options, hasLogo), options, path,
                         QString::fromStdString(after.client.name + " - progress review"));
}

Result<void> writeComparisonOdt(const ReportData& before, const ReportData& after,
                                const ReportOptions& options, const QString& path) {
    const bool hasLogo = !loadLogo(options.branding.logoPath).isNull();
    return writeOdt(comparisonHtml(before, after, options, hasLogo), options, path);
}

} // namespace mw

#include "report_document.moc"
