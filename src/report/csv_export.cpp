#include "report/csv_export.hpp"

#include <map>

namespace mw {

std::string answersCsv(const Model& model, const std::vector<Answer>& answers,
                       const std::vector<Participant>& participants) {
    std::map<Id, std::string> participantNames, participantGroups;
    for (const auto& p : participants) {
        participantNames[p.id] = p.name;
        participantGroups[p.id] = p.group;
    }
    std::multimap<std::string, const Answer*> byQuestion;
    for (const auto& a : answers)
        byQuestion.emplace(a.questionId, &a);

    std::string out =
        "dimension,question_id,question,participant,current,current_label,not_applicable,target,"
        "target_label,gap,confidence,note,updated_at,group\r\n";
    for (const auto& dimension : model.dimensions) {
        for (const auto& question : dimension.questions) {
            auto [first, last] = byQuestion.equal_range(question.id);
            if (first == last) {
                out += csvField(dimension.title) + "," + csvField(question.id) + "," +
                       csvField(question.text) + ",,,,,,,,,,,\r\n";
                continue;
            }
            for (auto it = first; it != last; ++it) {
                const Answer& a = *it->second;
                std::string gap;
                if (a.current && a.target)
                    gap = formatNumber(std::max(0.0, *a.target - *a.current));
                out += csvField(dimension.title) + "," + csvField(question.id) + "," +
                       csvField(question.text) + "," + csvField(participantNames[a.participantId]) + "," +
                       (a.current ? formatNumber(*a.current) : "") + "," +
                       csvField(a.current ? model.levelLabel(*a.current) : "") + "," +
                       (a.notApplicable ? "yes" : "no") + "," + (a.target ? formatNumber(*a.target) : "") +
                       "," + csvField(a.target ? model.levelLabel(*a.target) : "") + "," + gap + "," +
                       std::string(toString(a.confidence)) + "," + csvField(a.note) + "," +
                       csvField(a.updatedAt) + "," + csvField(participantGroups[a.participantId]) + "\r\n";
            }
        }
    }
    return out;
}

} // namespace mw
