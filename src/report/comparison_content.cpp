// The progress review's content as HTML sections: a baseline against its follow-up.
#include "report/report_document_p.hpp"

#include <algorithm>
#include <cmath>

namespace mw {

namespace {

struct ReviewContext {
    const ReportData& before;
    const ReportData& after;
    const Model& model; // the later model, whose questions and labels lead
    const Comparison& c;
};

// The overall movement, the question counts and the change by dimension.
void appendProgressSummary(ReportHtml& html, const ReviewContext& review) {
    const auto& [before, after, model, c] = review;
    html.heading(1, QStringLiteral("Summary of progress"));
    if (c.overallBefore && c.overallAfter)
        html.body +=
            QStringLiteral("<p>Between %1 and %2 the overall index moved from <b>%3</b> (%4) to <b>%5</b> "
                           "(%6), a change of <b>%7</b>.</p>")
                .arg(longDate(before.info.date).toHtmlEscaped(), longDate(after.info.date).toHtmlEscaped(),
                     score(*c.overallBefore), esc(before.model->scoreLabel(*c.overallBefore)),
                     score(*c.overallAfter), esc(model.scoreLabel(*c.overallAfter)),
                     signedScore(c.overallDelta()));
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
    // A floor holding either index is part of the story: say so before the reader compares the numbers.
    for (const auto& held : heldIndexSentences(c, "In the earlier assessment the overall index",
                                               "In the later assessment the overall index"))
        html.body += QStringLiteral("<p>%1</p>").arg(esc(held));
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
        rows.push_back(
            {{plain(d.title)}, {score(d.before)}, {score(d.after)}, {signedScore(delta), true, tone}});
    }
    rows.push_back({{QStringLiteral("Overall"), true},
                    {score(c.overallBefore)},
                    {score(c.overallAfter)},
                    {signedScore(c.overallDelta()), true}});
    html.heading(2, QStringLiteral("Change by dimension"));
    html.body +=
        html.table({"Dimension", "Before", "After", "Change"}, std::move(rows), {52, 16, 16, 16}, {1, 2, 3});
    html.pageBreak();
}

// The five largest moves one way, largest first.
std::vector<const QuestionDelta*> topChanges(const std::vector<const QuestionDelta*>& changed,
                                             bool improvements) {
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
}

void appendTopChanges(ReportHtml& html, const ReviewContext& review,
                      const std::vector<const QuestionDelta*>& changed) {
    const auto& [before, after, model, c] = review;
    html.heading(1, QStringLiteral("Biggest improvements and regressions"));
    for (bool improvements : {true, false}) {
        html.heading(2, improvements ? QStringLiteral("Improvements") : QStringLiteral("Regressions"));
        const auto list = topChanges(changed, improvements);
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
                                {42, 22, 24, 12}, {3});
    }
}

void appendChangedQuestions(ReportHtml& html, const ReviewContext& review,
                            const std::vector<const QuestionDelta*>& changed) {
    const auto& [before, after, model, c] = review;
    html.heading(1, QStringLiteral("Every changed question"));
    html.body += QStringLiteral("<p>Each question whose level changed, with the notes recorded at both "
                                "workshops.</p>");
    for (const auto* q : changed) {
        html.questionHeading(q->questionId, q->questionText);
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
}

// Questions only the later model asks: there is nothing to compare them with, so each shows where it
// starts, with its note, and the reader does not mistake them for omissions.
void appendNewQuestions(ReportHtml& html, const ReviewContext& review) {
    const auto& [before, after, model, c] = review;
    if (c.onlyInAfter.empty())
        return;
    html.heading(1, QStringLiteral("New in %1 %2").arg(esc(model.title), esc(model.version)));
    html.body +=
        QStringLiteral("<p>%1 %2 asks %3 questions that %4 %5 did not. Their levels start the record for "
                       "the next review.</p>")
            .arg(esc(model.title), esc(model.version))
            .arg(c.onlyInAfter.size())
            .arg(esc(before.model->title), esc(before.model->version));
    for (const auto& id : c.onlyInAfter) {
        const Question* question = model.question(id);
        if (!question)
            continue;
        const QuestionResult* result = nullptr;
        for (const auto& r : after.scores.questions)
            if (r.question == question)
                result = &r;
        html.questionHeading(id, question->text);
        html.body += QStringLiteral("<p class=\"meta\">%1</p>")
                         .arg(result && result->answer.notApplicable
                                  ? QStringLiteral("Not applicable")
                                  : levelText(model, result ? result->answer.current : std::nullopt));
        if (const Answer* answer = after.consensusAnswer(id); answer && !answer->note.empty())
            html.body += QStringLiteral("<p><span class=\"label\">Notes:</span> %1</p>")
                             .arg(escMultiline(answer->note));
    }
}

} // namespace

ReportHtml comparisonHtml(const ReportData& before, const ReportData& after, const ReportOptions& options,
                          bool hasLogo) {
    const Model& model = *after.model;
    const Comparison c = compareAssessments(*before.model, before.answers, *after.model, after.answers,
                                            Roster::of(before.participants), Roster::of(after.participants));
    ReportHtml html;
    html.cover = coverHtml(
        html, QStringLiteral("IT/OT convergence progress review"), esc(after.client.name),
        esc(before.info.title) + " &#8594; " + esc(after.info.title),
        {"Before", longDate(before.info.date), "After", longDate(after.info.date), "Assessor",
         plain(after.info.assessor), "Model",
         plain(model.title + " " +
               (before.model->version == model.version ? model.version
                                                       : before.model->version + " → " + model.version))},
        options.branding, hasLogo);

    const ReviewContext review{before, after, model, c};
    appendProgressSummary(html, review);
    std::vector<const QuestionDelta*> changed;
    for (const auto& q : c.questions)
        if (q.delta() && std::fabs(*q.delta()) > 1e-9)
            changed.push_back(&q);
    appendTopChanges(html, review, changed);
    appendChangedQuestions(html, review, changed);
    appendNewQuestions(html, review);
    html.pageBreak();
    html.heading(1, QStringLiteral("Appendix"));
    appendMethod(html, model);
    return html;
}

} // namespace mw
