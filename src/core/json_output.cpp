#include "json_output.hpp"

#include <algorithm>

namespace mw {

using nlohmann::json;

namespace {
json optionalJson(std::optional<double> value) {
    return value ? json(*value) : json(nullptr);
}
} // namespace

json assessmentJson(const AssessmentInfo& info) {
    return {{"id", info.id},
            {"client", info.clientName},
            {"title", info.title},
            {"date", info.date},
            {"assessor", info.assessor},
            {"status", std::string(toString(info.status))},
            {"model", {{"id", info.modelId}, {"version", info.modelVersion}}}};
}

namespace {
json holdsJson(const std::vector<FloorHold>& holds) {
    json out = json::array();
    for (const auto& hold : holds)
        out.push_back({{"floor", hold.floorId},
                       {"question", hold.questionId},
                       {"level", hold.level},
                       {"below", hold.below},
                       {"cap", hold.cap}});
    return out;
}
} // namespace

json scoresJson(const AssessmentInfo& info, const Model& model, const Scorecard& card) {
    json dims = json::array();
    for (const auto& d : card.dimensions)
        dims.push_back({{"id", d.id},
                        {"title", d.title},
                        {"weight", d.weight},
                        {"current", optionalJson(d.current)},
                        {"target", optionalJson(d.target)},
                        {"gap", optionalJson(d.gap())},
                        {"level", d.currentLabel},
                        {"targetLevel", d.targetLabel},
                        {"answered", d.answered},
                        {"notApplicable", d.notApplicable},
                        {"total", d.total},
                        {"completeness", d.completeness},
                        {"uncapped", optionalJson(d.uncapped)},
                        {"heldBy", holdsJson(d.heldBy)}});
    json scale = json::array();
    for (const auto& level : model.scoreLevels())
        scale.push_back({{"value", level.value}, {"label", level.label}});
    return {{"assessment", assessmentJson(info)},
            {"rule", std::string(toString(model.aggregation.rule))},
            {"scoreLevels", scale},
            {"overall",
             {{"current", optionalJson(card.overall)},
              {"target", optionalJson(card.overallTarget)},
              {"level", card.overallLabel},
              {"scoredDimensions", card.scoredDimensions},
              {"uncapped", optionalJson(card.overallUncapped)},
              {"heldBy", holdsJson(card.overallHeldBy)}}},
            {"completeness",
             {{"answered", card.answered}, {"total", card.total}, {"percent", card.completeness}}},
            {"dimensions", dims},
            {"unanswered", card.unanswered}};
}

json gapsJson(const AssessmentInfo& info, const std::vector<Gap>& gaps) {
    json items = json::array();
    int rank = 0;
    for (const auto& g : gaps)
        items.push_back(
            {{"rank", ++rank},
             {"question", g.questionId},
             {"text", g.questionText},
             {"dimension", g.dimensionId},
             {"current", g.current},
             {"target", g.target},
             {"gap", g.gap},
             {"priority", g.priority},
             {"consequence", g.consequence == Consequence::None ? json(nullptr)
                                                                : json(std::string(toString(g.consequence)))},
             {"consequenceFactor", g.consequenceFactor},
             {"horizon", std::string(toString(g.horizon))},
             {"recommendation", g.recommendation}});
    return {{"assessment", assessmentJson(info)}, {"gaps", items}};
}

json actionJson(const Action& a, const std::vector<Gap>& gaps, const std::string& today) {
    const Gap* gap = mostUrgentGap(a, gaps);
    return {{"id", a.id},
            {"uid", a.uid},
            {"title", a.title},
            {"owner", a.owner},
            {"due", a.due.empty() ? json(nullptr) : json(a.due)},
            {"status", std::string(toString(a.status))},
            {"late", isLate(a, today)},
            {"note", a.note},
            {"questions", a.questionIds},
            {"horizon", gap ? json(std::string(toString(gap->horizon))) : json(nullptr)},
            {"priority", gap ? json(gap->priority) : json(nullptr)},
            {"carriedFrom", a.carriedFrom.empty() ? json(nullptr) : json(a.carriedFrom)},
            {"updatedAt", a.updatedAt}};
}

json actionsJson(const AssessmentInfo& info, const std::vector<Action>& actions, const std::vector<Gap>& gaps,
                 const std::vector<Gap>& gapsWithoutAction, const std::string& today) {
    json items = json::array();
    for (const auto& a : actions)
        items.push_back(actionJson(a, gaps, today));
    json uncovered = json::array();
    for (const auto& g : gapsWithoutAction)
        uncovered.push_back({{"question", g.questionId},
                             {"horizon", std::string(toString(g.horizon))},
                             {"priority", g.priority},
                             {"recommendation", g.recommendation}});
    return {{"assessment", assessmentJson(info)},
            {"today", today},
            {"actions", items},
            {"gapsWithoutAction", uncovered}};
}

json evidenceJson(const Evidence& e) {
    return {{"id", e.id},
            {"uid", e.uid},
            {"title", e.title},
            {"fileName", e.fileName},
            {"sha256", e.sha256},
            {"size", e.size},
            {"mediaType", e.mediaType},
            {"validOn", e.validOn.empty() ? json(nullptr) : json(e.validOn)},
            {"suppliedBy", e.suppliedBy},
            {"questions", e.questionIds},
            {"participant", e.participantId ? json(*e.participantId) : json(nullptr)},
            {"fromBaseline", e.fromBaseline()},
            {"addedAt", e.addedAt},
            {"removedAt", e.removedAt.empty() ? json(nullptr) : json(e.removedAt)}};
}

json evidenceListJson(const AssessmentInfo& info, const std::vector<Evidence>& evidence,
                      const std::vector<Evidence>& removed, const EvidenceReview& review) {
    json items = json::array();
    for (const auto& e : evidence)
        items.push_back(evidenceJson(e));
    json gone = json::array();
    for (const auto& e : removed)
        gone.push_back(evidenceJson(e));
    json questions = json::array();
    for (const auto& row : review.questions) {
        json ids = json::array();
        for (const Evidence* e : row.attached)
            ids.push_back(e->id);
        questions.push_back({{"id", row.question->id},
                             {"dimension", row.dimension->id},
                             {"level", optionalJson(row.level)},
                             {"evidence", ids},
                             {"suggestedMissing", row.suggestedMissing},
                             {"missingForLevel", row.missingForLevel()}});
    }
    return {{"assessment", assessmentJson(info)},
            {"evidence", items},
            {"removed", gone},
            {"questions", questions},
            {"missingForLevel", review.missingForLevel},
            {"expectedFromLevel", kEvidenceExpectedFromLevel}};
}

json comparisonJson(const AssessmentInfo& before, const AssessmentInfo& after, const Comparison& c) {
    json dims = json::array();
    for (const auto& d : c.dimensions)
        dims.push_back({{"id", d.id},
                        {"title", d.title},
                        {"before", optionalJson(d.before)},
                        {"after", optionalJson(d.after)},
                        {"delta", optionalJson(d.delta())}});
    json questions = json::array();
    for (const auto& d : c.questions)
        questions.push_back({{"id", d.questionId},
                             {"dimension", d.dimensionId},
                             {"before", optionalJson(d.before)},
                             {"after", optionalJson(d.after)},
                             {"delta", optionalJson(d.delta())}});
    return {{"before", assessmentJson(before)},
            {"after", assessmentJson(after)},
            {"sameModelVersion", c.sameModelVersion},
            {"overall",
             {{"before", optionalJson(c.overallBefore)},
              {"after", optionalJson(c.overallAfter)},
              {"delta", optionalJson(c.overallDelta())},
              {"beforeUncapped", optionalJson(c.overallBeforeUncapped)},
              {"afterUncapped", optionalJson(c.overallAfterUncapped)},
              {"beforeHeldBy", holdsJson(c.overallBeforeHeldBy)},
              {"afterHeldBy", holdsJson(c.overallAfterHeldBy)}}},
            {"counts",
             {{"improved", c.improved},
              {"declined", c.declined},
              {"unchanged", c.unchanged},
              {"notComparable", c.notComparable}}},
            {"dimensions", dims},
            {"questions", questions},
            {"onlyInBefore", c.onlyInBefore},
            {"onlyInAfter", c.onlyInAfter}};
}

json participantsJson(const AssessmentInfo& info, const std::vector<Participant>& participants,
                      const std::vector<Answer>& answers) {
    json list = json::array();
    for (const auto& p : participants)
        list.push_back({{"id", p.id},
                        {"uid", p.uid},
                        {"name", p.name},
                        {"group", p.group},
                        {"role", p.role},
                        {"consensus", p.isDefault},
                        {"answered", answeredBy(p.id, answers)}});
    return {{"assessment", assessmentJson(info)}, {"participants", list}};
}

json groupScoresJson(const AssessmentInfo& info, const std::vector<GroupScores>& groups) {
    json list = json::array();
    for (const auto& g : groups) {
        json dims = json::array();
        for (const auto& d : g.scores.dimensions)
            dims.push_back({{"id", d.id}, {"score", optionalJson(d.current)}, {"answered", d.answered}});
        list.push_back({{"name", g.group},
                        {"voices", g.voices},
                        {"overall", optionalJson(g.scores.overall)},
                        {"answered", g.scores.answered},
                        {"dimensions", dims}});
    }
    return {{"assessment", assessmentJson(info)}, {"groups", list}};
}

json divergenceJson(const AssessmentInfo& info, const Model& model,
                    const std::vector<QuestionSpread>& questions) {
    json list = json::array();
    for (const auto& q : questions) {
        const Question* question = model.question(q.questionId);
        json levels = json::object();
        for (const auto& [group, level] : q.groupLevels)
            levels[group] = level;
        list.push_back({{"id", q.questionId},
                        {"text", question ? question->text : ""},
                        {"dimension", question ? question->dimensionId : ""},
                        {"spread", q.spread},
                        {"discuss", q.discuss},
                        {"levels", levels}});
    }
    return {{"assessment", assessmentJson(info)}, {"questions", list}};
}

} // namespace mw
