#include "core/gaps.hpp"
#include "storage/demo.hpp"
#include "support.hpp"

using namespace mw;

TEST_CASE("the demo creates a baseline and a linked follow-up with every question answered", "[demo]") {
    test::TempDir dir;
    auto store = Store::open(dir / "demo.db");
    REQUIRE(store.has_value());
    const Model model = test::defaultModel();
    auto demo = createDemo(*store, model);
    REQUIRE(demo.has_value());
    CHECK_FALSE(demo->alreadyPresent);
    auto baseline = store->assessmentInfo(demo->baselineId);
    auto followUp = store->assessmentInfo(demo->followUpId);
    REQUIRE(baseline.has_value());
    REQUIRE(followUp.has_value());
    CHECK(followUp->baselineId == demo->baselineId);
    CHECK(baseline->answeredCount == model.questionCount());
    CHECK(followUp->answeredCount == model.questionCount());
    const auto followUpAnswers = store->answers(demo->followUpId);
    REQUIRE(followUpAnswers.has_value());
    for (const auto& answer : *followUpAnswers)
        CHECK(answer.note.size() > 30);

    // The follow-up shows progress, and its gaps carry recommendations.
    const auto before = computeScores(model, *store->answers(demo->baselineId));
    const auto after = computeScores(model, *store->answers(demo->followUpId));
    CHECK(*after.overall > *before.overall);
    const auto gaps = rankGaps(model, *store->answers(demo->followUpId));
    REQUIRE(gaps.size() >= 10);
    for (const auto& g : gaps)
        CHECK_FALSE(g.recommendation.empty());

    auto again = createDemo(*store, model);
    REQUIRE(again.has_value());
    CHECK(again->alreadyPresent);
    CHECK(store->assessments()->size() == 2);
}

TEST_CASE("a synthetic portfolio adds clients with baselines and follow-ups", "[demo]") {
    test::TempDir dir;
    auto store = Store::open(dir / "portfolio.db");
    REQUIRE(store.has_value());
    auto created = createPortfolio(*store, test::defaultModel(), 8);
    REQUIRE(created.has_value());
    CHECK(*created == 14); // every fourth client has no follow-up yet
    CHECK(store->clients()->size() == 8);
}
