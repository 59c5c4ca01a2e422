#include "core/scoring.hpp"
#include "support.hpp"

using namespace mw;
using test::level;

TEST_CASE("weighted mean uses question and dimension weights", "[scoring]") {
    const Model model = test::fixtureModel("rubric-basic.json");
    // Alpha: A1 weight 1 at 1, A2 weight 3 at 3 -> (1 + 9) / 4 = 2.5. Beta: (2 + 4) / 2 = 3. Gamma: 5.
    const auto card = computeScores(
        model, {level("A1", 1, 3), level("A2", 3, 4), level("B1", 2), level("B2", 4, 5), level("C1", 5)});
    REQUIRE(card.dimension("alpha")->current);
    CHECK(*card.dimension("alpha")->current == Approx(2.5));
    CHECK(*card.dimension("alpha")->target == Approx((3 + 12) / 4.0));
    CHECK(*card.dimension("beta")->current == Approx(3));
    CHECK(*card.dimension("beta")->target == Approx(3.5)); // B1 has no target: it counts at its current level
    CHECK(card.dimension("alpha")->currentLabel == "Developing");
    // Overall: dimension weights 2, 1, 1 -> (5 + 3 + 5) / 4.
    CHECK(*card.overall == Approx(3.25));
    CHECK(card.overallLabel == "Defined");
    CHECK(card.completeness == Approx(100));
    CHECK(card.unanswered.empty());
}

TEST_CASE("N/A and unanswered questions are left out and reported", "[scoring]") {
    const Model model = test::fixtureModel("rubric-basic.json");
    const auto card = computeScores(model, {level("A1", 4), test::notApplicable("A2"), level("B1", 2)});
    CHECK(*card.dimension("alpha")->current == Approx(4));
    CHECK(card.dimension("alpha")->notApplicable == 1);
    CHECK(card.dimension("alpha")->answered == 2);
    CHECK(*card.dimension("beta")->current == Approx(2));
    CHECK(card.dimension("beta")->completeness == Approx(50));
    CHECK_FALSE(card.dimension("gamma")->current.has_value());
    CHECK(card.unanswered == std::vector<std::string>{"B2", "C1"});
    CHECK(card.answered == 3);
    CHECK(card.completeness == Approx(60));
    CHECK(*card.overall == Approx((4 * 2 + 2) / 3.0));
}

TEST_CASE("nothing answered gives no scores but full incompleteness", "[scoring]") {
    const Model model = test::fixtureModel("rubric-basic.json");
    const auto card = computeScores(model, {});
    CHECK_FALSE(card.overall.has_value());
    CHECK(card.completeness == 0);
    CHECK(card.unanswered.size() == 5);
    for (const auto& d : card.dimensions)
        CHECK_FALSE(d.current.has_value());
}

TEST_CASE("all N/A is complete but unscored", "[scoring]") {
    const Model model = test::fixtureModel("rubric-basic.json");
    std::vector<Answer> answers;
    for (const auto* q : model.allQuestions())
        answers.push_back(test::notApplicable(q->id));
    const auto card = computeScores(model, answers);
    CHECK(card.completeness == Approx(100));
    CHECK_FALSE(card.overall.has_value());
    CHECK(card.unanswered.empty());
}

TEST_CASE("several participants are averaged", "[scoring]") {
    const Model model = test::fixtureModel("rubric-basic.json");
    Answer it = level("C1", 2, 4);
    Answer ot = level("C1", 3, 5);
    ot.participantId = 2;
    Answer business = test::notApplicable("C1");
    business.participantId = 3;
    const auto card = computeScores(model, {it, ot, business});
    CHECK(*card.dimension("gamma")->current == Approx(2.5));
    CHECK(*card.dimension("gamma")->target == Approx(4.5));
}

TEST_CASE("threshold rule: a tier is reached only when every practice up to it meets the threshold",
          "[scoring]") {
    const Model model = test::fixtureModel("c2m2-style.json");
    // ACM: MIL1 practices at Largely (2) and Fully (3), MIL2 practice only Partially (1).
    auto card = computeScores(model, {level("ACM-1a", 2), level("ACM-1b", 3), level("ACM-2a", 1),
                                      level("ACM-3a", 3), level("TVM-1a", 3), level("TVM-2a", 2)});
    CHECK(*card.dimension("asset")->current == Approx(1));
    CHECK(card.dimension("asset")->currentLabel == "MIL1");
    CHECK(*card.dimension("threat")->current == Approx(2));
    CHECK(*card.overall == Approx(1.5));

    // One MIL1 practice below the threshold holds the domain at MIL0.
    card = computeScores(model,
                         {level("ACM-1a", 1), level("ACM-1b", 3), level("ACM-2a", 3), level("ACM-3a", 3)});
    CHECK(*card.dimension("asset")->current == Approx(0));

    // Everything Largely or Fully: MIL3. An unanswered practice counts as not implemented.
    card = computeScores(model,
                         {level("ACM-1a", 2), level("ACM-1b", 2), level("ACM-2a", 2), level("ACM-3a", 2)});
    CHECK(*card.dimension("asset")->current == Approx(3));
    card = computeScores(model, {level("ACM-1a", 2), level("ACM-1b", 2), level("ACM-3a", 3)});
    CHECK(*card.dimension("asset")->current == Approx(1));

    // N/A practices are skipped rather than failed.
    card = computeScores(model, {level("TVM-1a", 3), test::notApplicable("TVM-2a")});
    CHECK(*card.dimension("threat")->current == Approx(2));
}

TEST_CASE("level-sum rule adds the mean answer of each tier", "[scoring]") {
    const Model model = test::fixtureModel("samm-style.json");
    // Tier 1: (1 + 0.5) / 2 = 0.75; tier 2: 0.25; tier 3: 0.
    auto card = computeScores(
        model, {level("SM-1a", 1), level("SM-1b", 0.5), level("SM-2a", 0.25), level("SM-3a", 0)});
    CHECK(*card.dimension("strategy")->current == Approx(1.0));
    CHECK(card.dimension("strategy")->currentLabel == "Level 1");
    card =
        computeScores(model, {level("SM-1a", 1), level("SM-1b", 1), level("SM-2a", 1), level("SM-3a", 0.5)});
    CHECK(*card.dimension("strategy")->current == Approx(2.5));
    CHECK(model.scoreLabel(2.5) == "Level 2");
}

TEST_CASE("every rule has a plain explanation", "[scoring]") {
    for (const char* name : {"rubric-basic.json", "c2m2-style.json", "samm-style.json"}) {
        const auto paragraphs = scoringExplanation(test::fixtureModel(name));
        CHECK(paragraphs.size() >= 3);
    }
}
