// Model 2.0's fields: who should answer, what is at stake, and floors that no average can hide.
#include "core/gaps.hpp"
#include "core/model_loader.hpp"
#include "core/scoring.hpp"
#include "core/voices.hpp"
#include "support.hpp"

#include <algorithm>

using namespace mw;
using nlohmann::json;

namespace {

// The basic rubric with A1 a floor for its dimension and the overall index, and consequences on A1 and A2.
json flooredModel() {
    return json::parse(test::readBytes(test::dataPath("rubric-floored.json")));
}

Model load(const json& model) {
    auto loaded = loadModel(model);
    REQUIRE(loaded.has_value());
    return *loaded;
}

std::vector<std::string> problemsOf(const json& model) {
    auto result = loadModel(model);
    REQUIRE_FALSE(result.has_value());
    return result.error().details;
}

bool has(const std::vector<std::string>& problems, const std::string& expected) {
    return std::find(problems.begin(), problems.end(), expected) != problems.end();
}

Answer level(const std::string& question, double current, std::optional<double> target = {}) {
    Answer a;
    a.questionId = question;
    a.current = current;
    a.target = target;
    return a;
}

// Every question of the rubric at 4, except the ones given.
std::vector<Answer> answersWith(const Model& model, std::map<std::string, double> levels) {
    std::vector<Answer> answers;
    for (const auto* q : model.allQuestions())
        answers.push_back(level(q->id, levels.contains(q->id) ? levels[q->id] : 4, 5));
    return answers;
}

} // namespace

TEST_CASE("who should answer, the consequence, floors and consequence factors load", "[floors][loader]") {
    const Model model = load(flooredModel());
    const Question* a1 = model.question("A1");
    CHECK(a1->askFirst == std::vector<std::string>{"OT", "Security"});
    CHECK(a1->consequence == Consequence::Safety);
    CHECK(model.question("C1")->consequence == Consequence::None);
    REQUIRE(model.floors.size() == 1);
    CHECK(model.floors[0].questions == std::vector<std::string>{"A1"});
    CHECK(model.floors[0].cap == 2);
    CHECK(model.priority.factor(Consequence::Safety) == 2);
    CHECK(model.priority.factor(Consequence::Production) == 1);
}

TEST_CASE("bad who-answers, consequence, floor and factor fields are named with their JSON path",
          "[floors][loader]") {
    json model = flooredModel();
    auto& a1 = model["dimensions"][0]["questions"][0];
    a1["askFirst"] = {"OT", "Plant", "OT"};
    a1["consequence"] = "reputation";
    model["floors"].push_back(
        {{"id", "containment"}, {"questions", {"Z9"}}, {"below", 9}, {"cap", 5}, {"reason", "x"}});
    model["floors"].push_back({{"id", "empty"}, {"questions", json::array()}, {"below", 2}, {"cap", 1}});
    model["priority"]["consequence"]["safety"] = -1;
    model["priority"]["consequence"]["fame"] = 2;
    const auto problems = problemsOf(model);
    CHECK(has(
        problems,
        "dimensions[0].questions[0].askFirst[1]: 'Plant' is not a group; use IT, OT, Business or Security"));
    CHECK(has(problems, "dimensions[0].questions[0].askFirst[2]: 'OT' is named twice"));
    CHECK(has(problems, "dimensions[0].questions[0].consequence: 'reputation' is not a consequence; use "
                        "safety, production, data or compliance"));
    CHECK(has(problems, "floors[1].id: duplicate floor id 'containment'"));
    CHECK(has(problems, "floors[1].questions[0]: unknown question 'Z9'"));
    CHECK(has(problems, "floors[1].below: 9 is outside the scale (0, 1, 2, 3, 4, 5)"));
    CHECK(has(problems, "floors[1].cap: 5 must be on the scale and below its top"));
    CHECK(has(problems, "floors[2].questions: a floor needs at least one question"));
    CHECK(has(problems, "floors[2].reason: is missing"));
    CHECK(has(problems, "priority.consequence.safety: must be greater than 0, found -1"));
    CHECK(has(problems, "priority.consequence.fame: 'fame' is not a consequence; use safety, production, "
                        "data or compliance"));

    json tiered = json::parse(test::readBytes(test::dataPath("c2m2-style.json")));
    tiered["floors"] = json::array();
    CHECK(has(problemsOf(tiered), "floors: floors are only used by the weighted-mean rule"));
}

TEST_CASE("a floor question below its line holds its dimension and the overall index at the cap",
          "[floors][scoring]") {
    const Model model = load(flooredModel());
    const Scorecard held = computeScores(model, answersWith(model, {{"A1", 1}}));
    const DimensionResult* alpha = held.dimension("alpha");
    REQUIRE(alpha->current.has_value());
    CHECK(*alpha->current == Approx(2));
    REQUIRE(alpha->uncapped.has_value());
    REQUIRE(alpha->heldBy.size() == 1);
    CHECK(alpha->heldBy[0].questionId == "A1");
    CHECK(alpha->heldBy[0].level == 1);
    CHECK(alpha->heldBy[0].floorId == "containment");
    const DimensionResult* beta = held.dimension("beta");
    CHECK(beta->heldBy.empty());
    CHECK_FALSE(beta->uncapped.has_value());
    CHECK(*beta->current == Approx(4));
    REQUIRE(held.overall.has_value());
    CHECK(*held.overall == Approx(2));
    REQUIRE(held.overallUncapped.has_value());
    CHECK(*held.overallUncapped > 2.5);
    REQUIRE(held.overallHeldBy.size() == 1);
    CHECK(held.overallHeldBy[0].questionId == "A1");
    CHECK(*alpha->uncapped == Approx(3.25)); // (1 x 1 + 4 x 3) / 4
    CHECK(floorSentence("Alpha", alpha->current, alpha->uncapped, alpha->heldBy) ==
          "Alpha is held at 2.00 by a floor (3.25 without it): A1 reads 1, below 2.");
    CHECK(floorSentence("Beta", beta->current, beta->uncapped, beta->heldBy).empty());
    // The target is an aspiration: no floor lowers it.
    CHECK(*alpha->target == Approx(5));
}

TEST_CASE("a floor question at its line, or a score already under the cap, holds nothing",
          "[floors][scoring]") {
    const Model model = load(flooredModel());
    const Scorecard atLine = computeScores(model, answersWith(model, {{"A1", 2}}));
    CHECK(atLine.dimension("alpha")->heldBy.empty());
    CHECK(atLine.overallHeldBy.empty());
    CHECK_FALSE(atLine.overallUncapped.has_value());
    const Scorecard low =
        computeScores(model, answersWith(model, {{"A1", 0}, {"A2", 0}, {"B1", 1}, {"B2", 1}, {"C1", 1}}));
    CHECK(low.dimension("alpha")->heldBy.empty()); // 0 already reads below the cap of 2
    CHECK(low.overallHeldBy.empty());
    const Scorecard unanswered = computeScores(model, {level("B1", 4)});
    CHECK(unanswered.overallHeldBy.empty()); // an unanswered floor question is not a weak one
}

TEST_CASE("the explanation names each floor, and gaps are weighed by the declared consequence",
          "[floors][gaps]") {
    const Model model = load(flooredModel());
    const auto explanation = scoringExplanation(model);
    CHECK(std::any_of(explanation.begin(), explanation.end(), [](const std::string& p) {
        return p.starts_with(
            "Floor 'containment': while A1 reads below 2 (Developing), the dimension that holds it "
            "and the overall index read no higher than 2");
    }));
    CHECK(std::any_of(explanation.begin(), explanation.end(), [](const std::string& p) {
        return p.find("data x1.25, safety x2") != std::string::npos ||
               p.find("safety x2, data x1.25") != std::string::npos;
    }));
    // Same gap of 2 on A1 (safety, x2) and C1 (no consequence): per unit of weight A1 counts twice.
    const auto gaps = rankGaps(model, answersWith(model, {{"A1", 3}, {"C1", 3}}));
    const auto a1 = std::find_if(gaps.begin(), gaps.end(), [](const Gap& g) { return g.questionId == "A1"; });
    const auto c1 = std::find_if(gaps.begin(), gaps.end(), [](const Gap& g) { return g.questionId == "C1"; });
    REQUIRE(a1 != gaps.end());
    REQUIRE(c1 != gaps.end());
    const double a1Weights = model.question("A1")->weight * model.dimension("alpha")->weight;
    const double c1Weights = model.question("C1")->weight * model.dimension("gamma")->weight;
    CHECK(a1->priority / a1Weights == Approx(2 * c1->priority / c1Weights));
    CHECK(a1->priority == Approx(2 * 1 * 2 * 2));
}

TEST_CASE(
    "where the lead group and another read a question a level apart, one sentence says whom to hear first",
    "[floors][voices]") {
    const Model model = load(flooredModel());
    QuestionSpread spread;
    spread.questionId = "A1"; // askFirst: OT, then Security
    spread.groupLevels = {{"IT", 3}, {"OT", 1}, {"Business", 1.5}};
    CHECK(leadGroupSentence(model, spread) == "OT should lead on A1, and puts it at 1 where IT puts it at 3: "
                                              "hear OT's account of the evidence before "
                                              "the room settles the level.");
    spread.groupLevels = {{"IT", 1.5}, {"OT", 1}};
    CHECK(leadGroupSentence(model, spread).empty()); // half a level apart: nothing to say
    spread.groupLevels = {{"IT", 3}, {"Business", 1}};
    CHECK(leadGroupSentence(model, spread).empty()); // the lead group said nothing
    spread.questionId = "C1";                        // names nobody
    spread.groupLevels = {{"IT", 3}, {"OT", 1}};
    CHECK(leadGroupSentence(model, spread).empty());
}
