#include "scoring.hpp"

#include <algorithm>
#include <cstdio>

namespace mw {

Roster Roster::of(const std::vector<Participant>& participants) {
    Roster roster;
    for (const auto& p : participants) {
        if (p.isDefault && !roster.consensusId)
            roster.consensusId = p.id;
        else
            roster.groupOf[p.id] = p.group;
    }
    return roster;
}

std::string Roster::group(Id participantId) const {
    if (auto it = groupOf.find(participantId); it != groupOf.end())
        return it->second;
    std::string unknown(1, '#'); // appended: GCC 12 warns falsely (-Wrestrict) about "#" + std::string&&
    unknown += std::to_string(participantId);
    return unknown;
}

namespace {

struct Mean {
    double sum = 0;
    int count = 0;
    void add(double value) {
        sum += value;
        ++count;
    }
    std::optional<double> value() const { return count ? std::optional<double>(sum / count) : std::nullopt; }
};

// The voices of one question, group by group.
struct Voices {
    std::map<std::string, Mean> current, target;
    int notApplicable = 0, total = 0;

    ConsolidatedAnswer combine() const {
        Mean currentOfGroups, targetOfGroups;
        for (const auto& [group, mean] : current)
            currentOfGroups.add(*mean.value());
        for (const auto& [group, mean] : target)
            targetOfGroups.add(*mean.value());
        ConsolidatedAnswer c;
        c.current = currentOfGroups.value();
        c.target = targetOfGroups.value();
        c.notApplicable = !c.current && notApplicable > 0 && notApplicable == total;
        return c;
    }
};

} // namespace

std::map<std::string, ConsolidatedAnswer> consolidate(const std::vector<Answer>& answers,
                                                      const Roster& roster) {
    std::map<std::string, Voices> voices;
    std::map<std::string, ConsolidatedAnswer> consensus;
    for (const auto& answer : answers) {
        if (roster.consensusId && answer.participantId == *roster.consensusId) {
            if (answer.hasLevel())
                consensus[answer.questionId] = {answer.notApplicable ? std::nullopt : answer.current,
                                                answer.notApplicable ? std::nullopt : answer.target,
                                                answer.notApplicable, true};
            continue;
        }
        Voices& v = voices[answer.questionId];
        const std::string group = roster.group(answer.participantId);
        if (answer.notApplicable) {
            ++v.notApplicable;
        } else if (answer.current) {
            v.current[group].add(*answer.current);
            if (answer.target)
                v.target[group].add(*answer.target);
        }
        if (answer.hasLevel())
            ++v.total;
    }
    std::map<std::string, ConsolidatedAnswer> out = consensus;
    for (const auto& [id, v] : voices)
        if (!out.contains(id))
            out.emplace(id, v.combine());
    return out;
}

double QuestionResult::effectiveTarget() const {
    if (answer.target)
        return std::max(*answer.target, answer.current.value_or(*answer.target));
    return answer.current.value_or(0);
}

std::optional<double> DimensionResult::gap() const {
    if (!current || !target)
        return std::nullopt;
    return *target - *current;
}

const DimensionResult* Scorecard::dimension(std::string_view id) const {
    for (const auto& d : dimensions)
        if (d.id == id)
            return &d;
    return nullptr;
}

namespace {

using ValueOf = double (*)(const QuestionResult&);

double currentOf(const QuestionResult& r) {
    return *r.answer.current;
}
double targetOf(const QuestionResult& r) {
    return r.effectiveTarget();
}

std::optional<double> weightedMean(const std::vector<const QuestionResult*>& results, ValueOf value) {
    double sum = 0, weights = 0;
    for (const auto* r : results) {
        if (!r->answer.current)
            continue; // N/A and unanswered do not count
        sum += value(*r) * r->question->weight;
        weights += r->question->weight;
    }
    if (weights <= 0)
        return std::nullopt;
    return sum / weights;
}

// C2M2 style: tier k is reached when every applicable practice at tiers <= k meets the threshold. Once the
// assessment has started, a dimension nobody has answered yet is at tier 0: its practices are not (yet)
// shown to be implemented, as the model's README says.
std::optional<double> thresholdScore(const Model& model, const std::vector<const QuestionResult*>& results,
                                     ValueOf value, bool started) {
    const bool anyApplicable = std::any_of(results.begin(), results.end(),
                                           [](const QuestionResult* r) { return !r->answer.notApplicable; });
    if (!anyApplicable || !started)
        return std::nullopt;
    const int maxTier = static_cast<int>(model.aggregation.tiers.size()) - 1;
    int reached = 0;
    for (int tier = 1; tier <= maxTier; ++tier) {
        // A tier the dimension asks nothing at cannot be claimed; one whose practices are all N/A can.
        const bool asked = std::any_of(results.begin(), results.end(),
                                       [tier](const QuestionResult* r) { return r->question->tier == tier; });
        if (!asked)
            break;
        bool allMet = true;
        for (const auto* r : results) {
            if (r->question->tier != tier || r->answer.notApplicable)
                continue;
            // An unanswered practice is not (yet) shown to be implemented.
            if (!r->answer.current || value(*r) < model.aggregation.threshold - 1e-9)
                allMet = false;
        }
        if (!allMet)
            break;
        reached = tier;
    }
    return static_cast<double>(reached);
}

// OWASP SAMM style: the sum over tiers of the mean answer at that tier.
std::optional<double> levelSumScore(const Model& model, const std::vector<const QuestionResult*>& results,
                                    ValueOf value) {
    const int maxTier = static_cast<int>(model.aggregation.tiers.size()) - 1;
    double total = 0;
    bool any = false;
    for (int tier = 1; tier <= maxTier; ++tier) {
        double sum = 0;
        int count = 0;
        for (const auto* r : results) {
            if (r->question->tier == tier && r->answer.current) {
                sum += value(*r);
                ++count;
            }
        }
        if (count > 0) {
            total += sum / count;
            any = true;
        }
    }
    if (!any)
        return std::nullopt;
    return total;
}

std::optional<double> aggregate(const Model& model, const std::vector<const QuestionResult*>& results,
                                ValueOf value, bool started) {
    switch (model.aggregation.rule) {
    case AggregationRule::WeightedMean:
        return weightedMean(results, value);
    case AggregationRule::Threshold:
        return thresholdScore(model, results, value, started);
    case AggregationRule::LevelSum:
        return levelSumScore(model, results, value);
    }
    return std::nullopt;
}

} // namespace

namespace {

// Every floor question that reads below its line: the holds, lowest cap first.
std::vector<FloorHold> activeFloors(const Model& model, const std::vector<QuestionResult>& questions) {
    std::vector<FloorHold> holds;
    for (const auto& floor : model.floors)
        for (const auto& questionId : floor.questions)
            for (const auto& r : questions)
                if (r.question->id == questionId && r.answer.current && *r.answer.current < floor.below)
                    holds.push_back({floor.id, questionId, *r.answer.current, floor.below, floor.cap});
    std::stable_sort(holds.begin(), holds.end(),
                     [](const FloorHold& a, const FloorHold& b) { return a.cap < b.cap; });
    return holds;
}

// Lowers `score` to the lowest cap among the holds that apply; returns the holds that lowered it.
std::vector<FloorHold> applyFloors(double& score, std::optional<double>& uncapped,
                                   const std::vector<FloorHold>& holds) {
    std::vector<FloorHold> lowering;
    const double before = score;
    for (const auto& hold : holds)
        if (before > hold.cap + 1e-9) {
            lowering.push_back(hold);
            score = std::min(score, hold.cap);
        }
    if (!lowering.empty())
        uncapped = before;
    return lowering;
}

} // namespace

std::string floorSentence(const std::string& what, std::optional<double> score,
                          std::optional<double> uncapped, const std::vector<FloorHold>& holds) {
    if (holds.empty() || !score || !uncapped)
        return {};
    auto twoDecimals = [](double value) {
        char text[32];
        std::snprintf(text, sizeof text, "%.2f", value);
        return std::string(text);
    };
    std::string out = what + " is held at " + twoDecimals(*score) + " by a floor (" + twoDecimals(*uncapped) +
                      " without it): ";
    for (std::size_t i = 0; i < holds.size(); ++i)
        out += (i == 0                  ? ""
                : i + 1 == holds.size() ? " and "
                                        : ", ") +
               holds[i].questionId + " reads " + formatNumber(holds[i].level) + ", below " +
               formatNumber(holds[i].below);
    return out + ".";
}

Scorecard computeScores(const Model& model, const std::vector<Answer>& answers, const Roster& roster) {
    const auto consolidated = consolidate(answers, roster);
    Scorecard card;
    card.questions.reserve(model.questionCount());
    for (const auto& dimension : model.dimensions) {
        for (const auto& question : dimension.questions) {
            QuestionResult result{&question, &dimension, {}};
            if (auto it = consolidated.find(question.id); it != consolidated.end())
                result.answer = it->second;
            card.questions.push_back(result);
        }
    }

    const bool started = std::any_of(card.questions.begin(), card.questions.end(),
                                     [](const QuestionResult& r) { return r.answer.current.has_value(); });
    const std::vector<FloorHold> holds = activeFloors(model, card.questions);
    double overallSum = 0, overallTargetSum = 0, overallWeights = 0;
    std::size_t index = 0;
    for (const auto& dimension : model.dimensions) {
        std::vector<const QuestionResult*> results;
        for (std::size_t i = 0; i < dimension.questions.size(); ++i)
            results.push_back(&card.questions[index + i]);
        index += dimension.questions.size();

        DimensionResult dr;
        dr.id = dimension.id;
        dr.title = dimension.title;
        dr.weight = dimension.weight;
        dr.total = results.size();
        for (const auto* r : results) {
            if (r->answer.answered())
                ++dr.answered;
            else
                card.unanswered.push_back(r->question->id);
            if (r->answer.notApplicable)
                ++dr.notApplicable;
        }
        dr.completeness = dr.total ? 100.0 * static_cast<double>(dr.answered) / dr.total : 0;
        dr.current = aggregate(model, results, currentOf, started);
        if (dr.current) {
            std::vector<FloorHold> own;
            for (const auto& hold : holds)
                if (model.question(hold.questionId)->dimensionId == dimension.id)
                    own.push_back(hold);
            dr.heldBy = applyFloors(*dr.current, dr.uncapped, own);
            ++card.scoredDimensions;
            dr.target =
                std::max(*dr.current, aggregate(model, results, targetOf, started).value_or(*dr.current));
            dr.currentLabel = model.scoreLabel(*dr.current);
            dr.targetLabel = model.scoreLabel(*dr.target);
            overallSum += *dr.current * dr.weight;
            overallTargetSum += *dr.target * dr.weight;
            overallWeights += dr.weight;
        }
        card.total += dr.total;
        card.answered += dr.answered;
        card.dimensions.push_back(std::move(dr));
    }
    card.completeness = card.total ? 100.0 * static_cast<double>(card.answered) / card.total : 0;
    if (overallWeights > 0) {
        card.overall = overallSum / overallWeights;
        card.overallTarget = overallTargetSum / overallWeights;
        card.overallHeldBy = applyFloors(*card.overall, card.overallUncapped, holds);
        card.overallLabel = model.scoreLabel(*card.overall);
        card.overallTargetLabel = model.scoreLabel(*card.overallTarget);
    }
    return card;
}

} // namespace mw

namespace mw {

std::vector<std::string> scoringExplanation(const Model& model) {
    std::vector<std::string> out;
    const std::string top = formatNumber(model.maxScore());
    switch (model.aggregation.rule) {
    case AggregationRule::WeightedMean:
        out.push_back(
            "Each question is answered with the level on the scale whose description best matches what "
            "the workshop saw, backed by evidence. Its score is that level.");
        out.push_back(
            "A dimension's score is the weighted average of its answered questions. Questions marked not "
            "applicable and questions not yet answered are left out of the average, and the report says "
            "how many there were, so a missing answer never drags a score down unnoticed.");
        out.push_back(
            "The overall index is the weighted average of the dimension scores, using the dimension "
            "weights. All scores run from " +
            formatNumber(model.minScore()) + " to " + top + ".");
        out.push_back(
            "A score is read as the highest level it has fully reached: 2.6 reads as level 2, because "
            "level 3 has not yet been reached everywhere.");
        break;
    case AggregationRule::Threshold:
        out.push_back(
            "Each practice belongs to a maturity tier. A practice counts as achieved when its answer is "
            "at least '" +
            model.levelLabel(model.aggregation.threshold) + "'.");
        out.push_back(
            "A dimension reaches tier k only when every applicable practice at tier k and below is "
            "achieved; one missing practice holds the dimension at the tier below. Unanswered practices "
            "count as not achieved, so once the assessment has started a dimension nobody has answered "
            "yet stands at tier 0; practices marked not applicable are left out.");
        out.push_back("The overall index is the weighted average of the dimension tiers, from 0 to " + top +
                      ".");
        break;
    case AggregationRule::LevelSum:
        out.push_back("Each activity belongs to a maturity tier and is answered with a fraction of full "
                      "implementation.");
        out.push_back(
            "A dimension's score is the sum, over its tiers, of the average answer at that tier, so a "
            "fully implemented first tier adds 1 and partial work adds a fraction. Unanswered and not "
            "applicable activities are left out of the averages.");
        out.push_back("The overall index is the weighted average of the dimension scores, from 0 to " + top +
                      ".");
        break;
    }
    for (const auto& floor : model.floors) {
        std::string names;
        for (std::size_t i = 0; i < floor.questions.size(); ++i)
            names += (i == 0 ? "" : i + 1 == floor.questions.size() ? " or " : ", ") + floor.questions[i];
        out.push_back("Floor '" + floor.id + "': while " + names + " reads below " +
                      formatNumber(floor.below) + " (" + model.levelLabel(floor.below) +
                      "), the dimension that holds it and the overall index "
                      "read no higher than " +
                      formatNumber(floor.cap) + ", whatever the other answers. " + floor.reason);
    }
    out.push_back(
        "When the workshop records each group's view, a question's score is the consensus the facilitator "
        "recorded for the room. Without one, it is the mean of the group means, so that each group counts "
        "once "
        "however many people it sent. A question's spread is the highest group mean minus the lowest.");
    out.push_back(
        "A gap is the distance between the target and the current level of one question. Its priority "
        "is that distance multiplied by the weight of the question and of its dimension, so large gaps in "
        "heavily weighted areas come first." +
        std::string(
            model.priority.consequenceFactors.empty()
                ? ""
                : " It is then multiplied by the factor the model gives the question's consequence:"));
    if (!model.priority.consequenceFactors.empty()) {
        std::string factors;
        for (const auto& [consequence, factor] : model.priority.consequenceFactors)
            factors += std::string(factors.empty() ? "" : ", ") + std::string(toString(consequence)) + " x" +
                       formatNumber(factor);
        out.back() += " " + factors + "; a question without one counts x1.";
    }
    return out;
}

} // namespace mw
