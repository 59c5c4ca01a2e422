#include "core/gaps.hpp"
#include "support.hpp"

using namespace mw;
using test::level;

TEST_CASE("gaps are ranked by gap times question and dimension weight", "[gaps]") {
    const Model model = test::fixtureModel("rubric-basic.json");
    // A1: gap 2 x 1 x 2 = 4; A2: gap 1 x 3 x 2 = 6; B1: gap 3 x 1 x 1 = 3; C1: no gap; B2: target below
    // current.
    const auto gaps = rankGaps(model, {level("A1", 1, 3), level("A2", 2, 3), level("B1", 0, 3),
                                       level("B2", 4, 2), level("C1", 5, 5)});
    REQUIRE(gaps.size() == 3);
    CHECK(gaps[0].questionId == "A2");
    CHECK(gaps[0].priority == Approx(6));
    CHECK(gaps[1].questionId == "A1");
    CHECK(gaps[2].questionId == "B1");
    CHECK(gaps[0].recommendation == "A2: step from 2 to 3");
    CHECK(gaps[2].recommendation == "B1: step from 0 to 1");
    CHECK(gaps[0].currentLabel == "Developing");
    CHECK(gaps[0].targetLabel == "Defined");
}

TEST_CASE("horizons split the ranked gaps by share of the top priority", "[gaps]") {
    const Model model = test::fixtureModel("rubric-basic.json");
    // Priorities: A2 = 3 x 3 x 2 = 18 (now), A1 = 4 x 1 x 2 = 8 (next: 0.44), B1 = 1 (later: 0.06).
    const auto gaps = rankGaps(model, {level("A2", 1, 4), level("A1", 0, 4), level("B1", 2, 3)});
    REQUIRE(gaps.size() == 3);
    CHECK(gaps[0].horizon == Horizon::Now);
    CHECK(gaps[1].horizon == Horizon::Next);
    CHECK(gaps[2].horizon == Horizon::Later);
}

TEST_CASE("N/A, unanswered and met questions have no gap", "[gaps]") {
    const Model model = test::fixtureModel("rubric-basic.json");
    const auto gaps = rankGaps(model, {test::notApplicable("A1"), level("B1", 3, 3), level("B2", 2)});
    CHECK(gaps.empty());
}
