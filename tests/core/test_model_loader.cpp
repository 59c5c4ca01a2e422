#include "core/model_loader.hpp"
#include "support.hpp"

#include <algorithm>

using namespace mw;
using nlohmann::json;

namespace {

json validModel() {
    return json::parse(test::readBytes(test::dataPath("rubric-basic.json")));
}

std::vector<std::string> problemsOf(const json& model) {
    auto result = loadModel(model);
    REQUIRE_FALSE(result.has_value());
    return result.error().details;
}

bool hasProblem(const std::vector<std::string>& problems, const std::string& expected) {
    return std::find(problems.begin(), problems.end(), expected) != problems.end();
}

} // namespace

TEST_CASE("the three fixture model styles load", "[loader]") {
    const Model rubric = test::fixtureModel("rubric-basic.json");
    CHECK(rubric.aggregation.rule == AggregationRule::WeightedMean);
    CHECK(rubric.questionCount() == 5);
    CHECK(rubric.question("A2")->weight == 3);
    CHECK(rubric.question("A2")->dimensionId == "alpha");

    const Model c2m2 = test::fixtureModel("c2m2-style.json");
    CHECK(c2m2.aggregation.rule == AggregationRule::Threshold);
    CHECK(c2m2.aggregation.threshold == 2);
    CHECK(c2m2.maxScore() == 3);
    CHECK(c2m2.question("ACM-3a")->tier == 3);

    const Model samm = test::fixtureModel("samm-style.json");
    CHECK(samm.aggregation.rule == AggregationRule::LevelSum);
    CHECK(samm.isLevel(0.25));
    CHECK_FALSE(samm.isLevel(0.3));
    CHECK(samm.levelLabel(0.5) == "Yes, for at least half");
}

TEST_CASE("a descriptor count that does not match the scale is named with its path", "[loader]") {
    json model = validModel();
    model["dimensions"][2]["questions"][0]["levels"].erase(0);
    CHECK(hasProblem(problemsOf(model), "dimensions[2].questions[0].levels: 5 descriptors, the scale has 6"));
}

TEST_CASE("duplicate ids are reported", "[loader]") {
    json model = validModel();
    model["dimensions"][1]["questions"][1]["id"] = "A1";
    model["dimensions"][2]["id"] = "alpha";
    const auto problems = problemsOf(model);
    CHECK(hasProblem(problems, "dimensions[1].questions[1].id: duplicate question id 'A1'"));
    CHECK(hasProblem(problems, "dimensions[2].id: duplicate dimension id 'alpha'"));
}

TEST_CASE("flat questions must name a known dimension", "[loader]") {
    json model = validModel();
    json extra = model["dimensions"][0]["questions"][0];
    extra["id"] = "X1";
    extra["dimension"] = "delta";
    model["questions"] = json::array({extra});
    CHECK(hasProblem(problemsOf(model), "questions[0].dimension: unknown dimension 'delta'"));

    model["questions"][0]["dimension"] = "beta";
    auto loaded = loadModel(model);
    REQUIRE(loaded.has_value());
    CHECK(loaded->question("X1")->dimensionId == "beta");
    CHECK(loaded->dimension("beta")->questions.size() == 3);
}

TEST_CASE("weights must be above zero", "[loader]") {
    json model = validModel();
    model["dimensions"][0]["weight"] = 0;
    model["dimensions"][1]["questions"][0]["weight"] = -1;
    const auto problems = problemsOf(model);
    CHECK(hasProblem(problems, "dimensions[0].weight: must be greater than 0, found 0"));
    CHECK(hasProblem(problems, "dimensions[1].questions[0].weight: must be greater than 0, found -1"));
}

TEST_CASE("an empty scale is refused", "[loader]") {
    json model = validModel();
    model["scale"] = json::array();
    CHECK(hasProblem(problemsOf(model), "scale: the scale is empty; it needs at least two levels"));
}

TEST_CASE("scale values must increase", "[loader]") {
    json model = validModel();
    model["scale"][3]["value"] = 1;
    CHECK(hasProblem(problemsOf(model), "scale[3].value: 1 is not greater than the level before it (2)"));
}

TEST_CASE("wrong types are named", "[loader]") {
    json model = validModel();
    model["title"] = 42;
    model["dimensions"][0]["questions"][0]["text"] = json::array();
    model["dimensions"][1]["questions"] = "none";
    const auto problems = problemsOf(model);
    CHECK(hasProblem(problems, "title: expected a string, found a number"));
    CHECK(hasProblem(problems, "dimensions[0].questions[0].text: expected a string, found an array"));
    CHECK(hasProblem(problems, "dimensions[1].questions: expected an array, found a string"));
}

TEST_CASE("missing fields, bad versions and unknown rules are reported", "[loader]") {
    json model = validModel();
    model.erase("id");
    model["version"] = "1.0";
    model["aggregation"]["rule"] = "median";
    model["dimensions"][0]["questions"][1].erase("recommendations");
    const auto problems = problemsOf(model);
    CHECK(hasProblem(problems, "id: is missing"));
    CHECK(hasProblem(problems, "version: '1.0' is not a semantic version such as 1.0.0"));
    CHECK(hasProblem(problems,
                     "aggregation.rule: unknown rule 'median'; use weighted-mean, threshold or level-sum"));
    CHECK(hasProblem(problems, "dimensions[0].questions[1].recommendations: is missing"));
}

TEST_CASE("tiered rules need tiers and a threshold on the scale", "[loader]") {
    json model = json::parse(test::readBytes(test::dataPath("c2m2-style.json")));
    model["aggregation"]["threshold"] = 2.5;
    model["dimensions"][0]["questions"][0].erase("tier");
    model["dimensions"][0]["questions"][1]["tier"] = 7;
    const auto problems = problemsOf(model);
    CHECK(hasProblem(problems, "aggregation.threshold: 2.5 is not a level of the scale (0, 1, 2, 3)"));
    CHECK(hasProblem(problems, "dimensions[0].questions[0].tier: is missing"));
    CHECK(hasProblem(problems, "dimensions[0].questions[1].tier: 7 is outside 1..3"));
}

TEST_CASE("every problem is reported, with a one-line summary", "[loader]") {
    auto result = loadModelFile(test::dataPath("bad-model.json"));
    REQUIRE_FALSE(result.has_value());
    const auto& error = result.error();
    CHECK(error.details.size() >= 8);
    CHECK(error.message.find(test::dataPath("bad-model.json").string() + ": ") == 0);
    CHECK(error.message.find("more problems") != std::string::npos);
    CHECK(error.message.find('\n') == std::string::npos);
}

TEST_CASE("syntax errors give the line and column", "[loader]") {
    auto result = loadModelFile(test::dataPath("not-json.json"));
    REQUIRE_FALSE(result.has_value());
    CHECK(result.error().message.find(test::dataPath("not-json.json").string() +
                                      ": line 3, column 17: invalid JSON") == 0);
}

TEST_CASE("a missing file is named", "[loader]") {
    auto result = loadModelFile(test::dataPath("no-such-model.json"));
    REQUIRE_FALSE(result.has_value());
    CHECK(result.error().message == test::dataPath("no-such-model.json").string() + ": no such file");
}
