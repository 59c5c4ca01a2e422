#include "core/comparison.hpp"
#include "support.hpp"

using namespace mw;
using test::level;

TEST_CASE("comparison counts improved, declined and unchanged questions", "[comparison]") {
    const Model model = test::fixtureModel("rubric-basic.json");
    const auto c =
        compareAssessments(model, {level("A1", 1), level("A2", 2), level("B1", 3), level("B2", 1)}, model,
                           {level("A1", 2), level("A2", 2), level("B1", 1), level("B2", 1), level("C1", 4)});
    CHECK(c.improved == 1);
    CHECK(c.declined == 1);
    CHECK(c.unchanged == 2);
    CHECK(c.notComparable == 1);
    CHECK(c.sameModelVersion);
    REQUIRE(c.dimensions.size() == 3);
    CHECK(*c.dimensions[0].delta() == Approx((2 + 6) / 4.0 - (1 + 6) / 4.0));
    CHECK(*c.dimensions[1].delta() == Approx(-1));
    CHECK_FALSE(c.dimensions[2].delta().has_value());
    CHECK(c.overallDelta().has_value());
}

TEST_CASE("questions that exist on one side only are listed without failing", "[comparison]") {
    const Model before = test::fixtureModel("rubric-basic.json");
    auto json = before.source;
    json["version"] = "1.1.0";
    json["dimensions"][2]["questions"][0]["id"] = "C9";
    auto after = loadModel(json);
    REQUIRE(after.has_value());
    const auto c = compareAssessments(before, {level("C1", 2), level("A1", 1)}, *after,
                                      {level("C9", 3), level("A1", 3)});
    CHECK_FALSE(c.sameModelVersion);
    CHECK(c.onlyInBefore == std::vector<std::string>{"C1"});
    CHECK(c.onlyInAfter == std::vector<std::string>{"C9"});
    CHECK(c.improved == 1);
    CHECK(c.questions.size() == 4);
}
