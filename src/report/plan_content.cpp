// The report's action plan (by horizon, with its timeline, then the gaps no action serves yet) and the
// follow-up's story: the change since the baseline and what the baseline's actions did.
#include "report/report_document_p.hpp"

#include <algorithm>
#include <set>
#include <utility>

namespace mw {

namespace {

QString statusName(const Action& action, const std::string& today) {
    const QString name = actionStatusTitle(action.status);
    if (action.continuedInFollowUp)
        return name + QStringLiteral(", carried on");
    return isLate(action, today) ? name + QStringLiteral(", past due") : name;
}

TableCell statusCell(const Action& action, const std::string& today) {
    const auto tone = isLate(action, today)                    ? TableCell::Tone::Bad
                      : action.status == ActionStatus::Done    ? TableCell::Tone::Good
                      : action.status == ActionStatus::Dropped ? TableCell::Tone::Muted
                                                               : TableCell::Tone::Normal;
    return {statusName(action, today), false, tone};
}

// "30 Sep 2026", short enough for a table column; a dash when no date is agreed.
QString shortDate(const std::string& iso) {
    if (iso.empty())
        return kDash;
    const QDate date = QDate::fromString(QString::fromStdString(iso), Qt::ISODate);
    return date.isValid() ? date.toString(QStringLiteral("d MMM yyyy")) : plain(iso);
}

QString horizonHeading(Horizon horizon) {
    return QStringLiteral("%1 (%2)").arg(QString::fromUtf8(horizonTitle(horizon).data()),
                                         QString::fromUtf8(horizonPeriod(horizon).data()));
}

QString countOf(std::size_t count, const char* one, const char* many) {
    return QStringLiteral("%1 %2").arg(count).arg(QString::fromLatin1(count == 1 ? one : many));
}

// "10 are done, 1 is in progress and 1 was dropped": only the statuses that occur.
QString tallySentence(const ActionTally& tally) {
    QStringList parts;
    if (tally.done)
        parts << QStringLiteral("%1 %2 done").arg(tally.done).arg(tally.done == 1 ? "is" : "are");
    if (tally.inProgress)
        parts << QStringLiteral("%1 %2 in progress")
                     .arg(tally.inProgress)
                     .arg(tally.inProgress == 1 ? "is" : "are");
    if (tally.planned)
        parts << QStringLiteral("%1 %2 still planned")
                     .arg(tally.planned)
                     .arg(tally.planned == 1 ? "is" : "are");
    if (tally.dropped)
        parts << QStringLiteral("%1 %2 dropped").arg(tally.dropped).arg(tally.dropped == 1 ? "was" : "were");
    QString sentence = joinNatural(parts);
    if (tally.late)
        sentence += QStringLiteral("; %1 past %2 due date")
                        .arg(countOf(tally.late, "is", "are"))
                        .arg(tally.late == 1 ? "its" : "their");
    return sentence;
}

QString movesList(const std::vector<DimensionDelta>& moves) {
    QStringList items;
    for (const auto& d : moves)
        items << QStringLiteral("<b>%1</b> (%2)").arg(esc(d.title), signedScore(d.delta()));
    return joinNatural(items);
}

// One question's levels then and now: "SB4 1 → 3".
// "n/a" stands for a side left unanswered or not applicable.
QString questionChange(const QuestionDelta& q) {
    const auto level = [](const std::optional<double>& value) {
        return value ? num(*value) : QStringLiteral("n/a");
    };
    return QStringLiteral("%1 %2 \u2192 %3").arg(plain(q.questionId), level(q.before), level(q.after));
}

void appendPlanTable(ReportHtml& html, const ReportData& data, const std::vector<const Action*>& actions) {
    std::vector<std::vector<TableCell>> rows;
    for (const Action* a : actions) {
        QStringList questions;
        for (const auto& id : a->questionIds)
            questions << plain(id);
        rows.push_back({{plain(a->title)},
                        {questions.join(QStringLiteral(", "))},
                        {a->owner.empty() ? QString(kDash) : plain(a->owner)},
                        {shortDate(a->due), isLate(*a, data.today)},
                        statusCell(*a, data.today)});
    }
    html.body +=
        html.table({"Action", "Questions", "Owner", "Due", "Status"}, std::move(rows), {38, 15, 18, 13, 16});
}

// The gaps no open or finished action serves: rank, question, levels and the model's next step.
void appendGapsWithoutAction(ReportHtml& html, const ReportData& data) {
    const std::set<std::string> served = questionsServed(data.actions);
    std::vector<std::vector<TableCell>> rows;
    int rank = 0;
    for (const auto& g : data.gaps) {
        ++rank;
        if (served.contains(g.questionId))
            continue;
        rows.push_back({{QString::number(rank)},
                        {plain(g.questionId + " " + g.questionText)},
                        {num(g.current) + QStringLiteral(" \u2192 ") + num(g.target)},
                        {plain(std::string(horizonTitle(g.horizon)))},
                        {plain(g.recommendation)}});
    }
    html.heading(2, QStringLiteral("Gaps without an action"));
    if (rows.empty()) {
        html.body += QStringLiteral("<p>Every gap is served by an action.</p>");
        return;
    }
    html.body += QStringLiteral(
                     "<p>%1 no action serves yet, by rank, with the model's next step from the level reached "
                     "today.</p>")
                     .arg(countOf(rows.size(), "gap", "gaps").toHtmlEscaped());
    html.body += html.table({"#", "Question", "Levels", "Horizon", "Next step"}, std::move(rows),
                            {5, 39, 9, 13, 34}, {0, 2});
}

} // namespace

QString joinNatural(const QStringList& items) {
    if (items.size() <= 1)
        return items.join(QString());
    return items.mid(0, items.size() - 1).join(QStringLiteral(", ")) + QStringLiteral(" and ") + items.last();
}

std::optional<QString> progressSummary(const ReportData& data) {
    if (!data.baseline)
        return std::nullopt;
    const BaselineSummary& baseline = *data.baseline;
    const Comparison& change = baseline.change;
    const QString since = longDate(baseline.info.date).toHtmlEscaped();
    QString text;
    if (change.overallBefore && change.overallAfter)
        text = QStringLiteral("<b>Since the baseline</b> of %1 the overall index has moved from <b>%2</b> "
                              "to <b>%3</b>, a change of <b>%4</b>.")
                   .arg(since, score(*change.overallBefore), score(*change.overallAfter),
                        signedScore(change.overallDelta()));
    else
        text = QStringLiteral("<b>Since the baseline</b> of %1: %2, so the overall index cannot be compared.")
                   .arg(since, change.overallBefore ? QStringLiteral("nothing here is scored yet")
                                                    : QStringLiteral("the baseline was not scored"));
    const DimensionMoves moves = largestMoves(change, 2);
    if (!moves.rose.empty())
        text += QStringLiteral(" Most progress: %1.").arg(movesList(moves.rose));
    text += moves.fell.empty() ? QStringLiteral(" No dimension lost ground.")
                               : QStringLiteral(" Lost ground: %1.").arg(movesList(moves.fell));
    if (!change.sameModelVersion)
        text +=
            QStringLiteral(" The baseline used version %1 of the model and this assessment %2, so only the "
                           "questions both ask are compared.")
                .arg(esc(baseline.model->version), esc(data.model->version));
    std::vector<Action> carried;
    for (const auto& a : data.actions)
        if (!a.carriedFrom.empty())
            carried.push_back(a);
    if (!carried.empty())
        text += QStringLiteral(" Of the %1 agreed at the baseline, %2.")
                    .arg(countOf(carried.size(), "action", "actions"),
                         tallySentence(tallyActions(carried, data.today)));
    return QStringLiteral("<p>%1</p>").arg(text);
}

void appendActionPlan(ReportHtml& html, const ReportData& data) {
    html.heading(1, QStringLiteral("Action plan"));
    html.body +=
        QStringLiteral("<p>Every question whose target lies above its current level is a gap. The gaps are "
                       "ranked by priority (the gap multiplied by the question and dimension weights) and "
                       "grouped into three horizons: those with at least two thirds of the top priority "
                       "belong to <b>Now</b>, at least one third to <b>Next</b>, the rest to "
                       "<b>Later</b>. An action serves one or more gaps and takes the horizon of the most "
                       "urgent of them.</p>");
    if (data.gaps.empty())
        html.body +=
            QStringLiteral("<p>There are no gaps: every answered question is at or above its target.</p>");
    if (data.actions.empty()) {
        html.body +=
            QStringLiteral("<p>No action has been agreed yet. Each gap below can become one, with an "
                           "owner and a due date, on the workbench's Action plan page.</p>");
    } else {
        html.body += QStringLiteral("<p>The plan holds %1: %2. The timeline shows each from when it was "
                                    "agreed to its due date, and today's date.</p>")
                         .arg(countOf(data.actions.size(), "action", "actions"),
                              tallySentence(tallyActions(data.actions, data.today)));
        for (auto& chart : actionTimelines(data))
            html.timeline(std::move(chart));
        // The plan's order already runs by horizon; actions whose questions all reached their targets last.
        for (const std::optional<Horizon> horizon :
             {std::optional(Horizon::Now), std::optional(Horizon::Next), std::optional(Horizon::Later),
              std::optional<Horizon>()}) {
            std::vector<const Action*> inHorizon;
            for (const auto& a : data.actions) {
                const Gap* gap = mostUrgentGap(a, data.gaps);
                if (gap ? horizon == gap->horizon : !horizon)
                    inHorizon.push_back(&a);
            }
            if (inHorizon.empty())
                continue;
            html.heading(2, horizon ? horizonHeading(*horizon) : QStringLiteral("Targets reached"));
            if (!horizon)
                html.body += QStringLiteral("<p class=\"intro\">Actions whose questions are all at their "
                                            "targets now.</p>");
            appendPlanTable(html, data, inHorizon);
        }
    }
    appendGapsWithoutAction(html, data);
    html.pageBreak();
}

void appendActionsSinceBaseline(ReportHtml& html, const ReportData& data) {
    if (!data.baseline)
        return;
    const std::vector<ActionOutcome> outcomes = actionOutcomes(data.actions, data.baseline->change);
    if (outcomes.empty())
        return;
    html.heading(1, QStringLiteral("Actions since the baseline"));
    // What the finished work did to the levels: each question once, however many actions served it.
    std::set<std::string> doneQuestions;
    std::size_t rose = 0, level = 0, fell = 0;
    for (const auto& o : outcomes)
        if (o.action.status == ActionStatus::Done)
            for (const auto& q : o.questions)
                if (doneQuestions.insert(q.questionId).second) {
                    const auto delta = q.delta();
                    (delta && *delta > 1e-9 ? rose : delta && *delta < -1e-9 ? fell : level) += 1;
                }
    std::vector<Action> carried;
    for (const auto& o : outcomes)
        carried.push_back(o.action);
    QString text = QStringLiteral("At the baseline of %1 the client agreed %2. Of these, %3.")
                       .arg(longDate(data.baseline->info.date).toHtmlEscaped(),
                            countOf(outcomes.size(), "action", "actions"),
                            tallySentence(tallyActions(carried, data.today)));
    if (!doneQuestions.empty()) {
        const std::pair<std::size_t, const char*> moves[] = {
            {rose, "rose"}, {level, "stayed level"}, {fell, "fell"}};
        QStringList moved;
        for (const auto& [count, verb] : moves)
            if (count)
                moved << QStringLiteral("%1 %2").arg(count).arg(QLatin1String(verb));
        const QString served = countOf(doneQuestions.size(), "question", "questions");
        if (moved.size() == 1) {
            const auto& only =
                *std::find_if(std::begin(moves), std::end(moves), [](const auto& m) { return m.first > 0; });
            text +=
                QStringLiteral(" The finished ones served %1, and %2 %3.")
                    .arg(served,
                         only.first == 1 ? QStringLiteral("it") : QStringLiteral("all %1").arg(only.first),
                         QLatin1String(only.second));
        } else {
            text += QStringLiteral(" The finished ones served %1: %2.").arg(served, joinNatural(moved));
        }
    }
    html.body += QStringLiteral("<p>%1 Each action below shows its questions' levels at the baseline and "
                                "now.</p>")
                     .arg(text);
    std::vector<std::vector<TableCell>> rows;
    for (const auto& o : outcomes) {
        QStringList changes;
        for (const auto& q : o.questions)
            changes << questionChange(q);
        const auto tone = o.fell > 0   ? TableCell::Tone::Bad
                          : o.rose > 0 ? TableCell::Tone::Good
                                       : TableCell::Tone::Normal;
        rows.push_back(
            {{plain(o.action.title)},
             statusCell(o.action, data.today),
             {changes.isEmpty() ? QStringLiteral("no longer asked") : changes.join(QStringLiteral("; ")),
              false, tone},
             {o.action.note.empty() ? QString(kDash) : plain(o.action.note)}});
    }
    html.body +=
        html.table({"Action", "Status", "Then \u2192 now", "Note"}, std::move(rows), {32, 13, 21, 34});
    html.pageBreak();
}

} // namespace mw
