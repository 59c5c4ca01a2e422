// The perception gap in the report: each group's view, the dimension where IT and OT are furthest apart, the
// questions the room disagreed on most with every group's level and notes, and every voice in the appendix.
#include "report/report_document_p.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace mw {

namespace {

const Participant* participantById(const ReportData& data, Id id) {
    for (const auto& p : data.participants)
        if (p.id == id)
            return &p;
    return nullptr;
}

QString levelsLine(const QuestionSpread& spread, const std::vector<std::string>& groups) {
    QStringList parts;
    for (const auto& group : groups)
        if (auto it = spread.groupLevels.find(group); it != spread.groupLevels.end())
            parts << esc(group) + " <b>" + score(it->second) + "</b>";
    return parts.join(QStringLiteral(" &#160;&#183;&#160; "));
}

// The table of dimensions by group, with each dimension's spread.
void appendGroupTable(ReportHtml& html, const ReportData& data, const std::vector<GroupScores>& groups) {
    QStringList headers{QStringLiteral("Dimension")};
    for (const auto& g : groups)
        headers << QStringLiteral("%1 (%2)").arg(plain(g.group)).arg(g.voices);
    headers << QStringLiteral("Spread");
    std::vector<std::vector<TableCell>> rows;
    for (std::size_t d = 0; d < data.model->dimensions.size(); ++d) {
        std::vector<TableCell> row{{plain(data.model->dimensions[d].title)}};
        std::optional<double> low, high;
        for (const auto& g : groups) {
            const auto current = g.scores.dimensions[d].current;
            row.push_back({score(current)});
            if (current) {
                low = std::min(low.value_or(*current), *current);
                high = std::max(high.value_or(*current), *current);
            }
        }
        row.push_back({low ? score(*high - *low) : QString(kDash), true});
        rows.push_back(std::move(row));
    }
    const int first = 34;
    const int each = static_cast<int>((100 - first) / (groups.size() + 1));
    std::vector<int> widths{100 - each * static_cast<int>(groups.size() + 1)};
    widths.insert(widths.end(), groups.size() + 1, each);
    std::vector<int> figures(groups.size() + 1);
    std::iota(figures.begin(), figures.end(), 1);
    html.body += html.table(headers, std::move(rows), widths, std::move(figures));
}

// One of the questions the room disagreed on: every group's level, and what each voice said.
void appendDisagreement(ReportHtml& html, const ReportData& data, const QuestionSpread& spread,
                        const std::vector<std::string>& groups) {
    const Question* question = data.model->question(spread.questionId);
    html.questionHeading(spread.questionId, question ? question->text : std::string());
    html.body += QStringLiteral("<p class=\"meta\">%1 &#160;&#183;&#160; spread %2%3</p>")
                     .arg(levelsLine(spread, groups), score(spread.spread),
                          spread.discuss ? QStringLiteral(", to discuss") : QString());
    if (const auto lead = leadGroupSentence(*data.model, spread); !lead.empty())
        html.body += QStringLiteral("<p><b>%1</b></p>").arg(esc(lead));
    for (const auto& a : data.answers) {
        const Participant* who = participantById(data, a.participantId);
        if (a.questionId != spread.questionId || a.note.empty() || !who || who->isDefault)
            continue;
        html.body += QStringLiteral("<p><span class=\"label\">%1 (%2):</span> %3</p>")
                         .arg(esc(who->name), esc(who->group), escMultiline(a.note));
    }
}

} // namespace

std::optional<QString> perceptionSummary(const ReportData& data) {
    const auto groups = scoresByGroup(*data.model, data.answers, data.participants);
    auto find = [&](const char* name) {
        return std::find_if(groups.begin(), groups.end(),
                            [&](const GroupScores& g) { return g.group == name; });
    };
    const auto it = find("IT"), ot = find("OT");
    if (it == groups.end() || ot == groups.end())
        return std::nullopt;
    const DimensionResult* widest = nullptr;
    const DimensionResult* otSide = nullptr;
    for (std::size_t d = 0; d < it->scores.dimensions.size(); ++d) {
        const auto& a = it->scores.dimensions[d];
        const auto& b = ot->scores.dimensions[d];
        if (a.current && b.current &&
            (!widest || std::abs(*a.current - *b.current) > std::abs(*widest->current - *otSide->current))) {
            widest = &a;
            otSide = &b;
        }
    }
    if (!widest)
        return std::nullopt;
    return QStringLiteral(
               "<p>IT and OT see the organisation most differently in <b>%1</b>: IT puts it at %2, OT "
               "at %3. The perception gap section shows where else the room disagreed.</p>")
        .arg(esc(widest->title), score(*widest->current), score(*otSide->current));
}

void appendPerceptionGap(ReportHtml& html, const ReportData& data) {
    const auto order = voiceGroups(data.participants);
    if (order.empty())
        return;
    const auto groups = scoresByGroup(*data.model, data.answers, data.participants);
    const auto spreads = divergence(*data.model, data.answers, data.participants);
    const std::size_t voices =
        static_cast<std::size_t>(std::count_if(data.participants.begin(), data.participants.end(),
                                               [](const Participant& p) { return !p.isDefault; }));
    html.heading(1, QStringLiteral("Perception gap"));
    html.body +=
        QStringLiteral("<p>%1 participants in %2 groups gave their own levels. The scores elsewhere in this "
                       "report are the consensus the room agreed; below is each group's own view, where "
                       "the groups disagree and by how much. A question's spread is the highest group's "
                       "mean level minus the lowest.</p>")
            .arg(voices)
            .arg(order.size());
    html.radar(groupRadar(*data.model, groups));
    appendGroupTable(html, data, groups);
    html.heading(2, QStringLiteral("Where the room disagrees"));
    if (spreads.empty())
        html.body += QStringLiteral("<p>No question has levels from two groups.</p>");
    for (std::size_t i = 0; i < spreads.size() && i < 10; ++i)
        appendDisagreement(html, data, spreads[i], order);
    html.pageBreak();
}

void appendVoices(ReportHtml& html, const ReportData& data) {
    std::vector<const Participant*> voices;
    for (const auto& p : data.participants)
        if (!p.isDefault)
            voices.push_back(&p);
    if (voices.empty())
        return;
    html.heading(2, QStringLiteral("Every participant's answers"));
    // Beyond two tables the matrix stops being readable; the spreadsheet has every voice in its own sheet.
    constexpr std::size_t kPerTable = 8, kMostVoices = 16;
    if (voices.size() > kMostVoices) {
        html.body +=
            QStringLiteral("<p>%1 participants answered: too many to read as a table here. The exported "
                           "spreadsheet lists every voice's answer to every question.</p>")
                .arg(voices.size());
        return;
    }
    html.body += QStringLiteral("<p>Each voice's level for each question (N/A: not applicable; a dash: not "
                                "given). P1, P2, ... are the participants listed below.</p>");
    for (std::size_t first = 0; first < voices.size(); first += kPerTable) {
        const std::size_t count = std::min(kPerTable, voices.size() - first);
        QStringList headers{QStringLiteral("Id")};
        for (std::size_t i = first; i < first + count; ++i)
            headers << QStringLiteral("P%1").arg(i + 1);
        std::vector<std::vector<TableCell>> rows;
        for (const auto* question : data.model->allQuestions()) {
            std::vector<TableCell> row{{plain(question->id)}};
            for (std::size_t i = first; i < first + count; ++i) {
                const auto answer =
                    std::find_if(data.answers.begin(), data.answers.end(), [&](const Answer& a) {
                        return a.questionId == question->id && a.participantId == voices[i]->id;
                    });
                row.push_back({answer == data.answers.end() ? QString(kDash)
                               : answer->notApplicable      ? QStringLiteral("N/A")
                                                            : num(answer->current)});
            }
            rows.push_back(std::move(row));
        }
        std::vector<int> widths{12};
        widths.insert(widths.end(), count, 11);
        std::vector<int> figures(count);
        std::iota(figures.begin(), figures.end(), 1);
        html.body += html.table(headers, std::move(rows), widths, std::move(figures));
    }
}

} // namespace mw
