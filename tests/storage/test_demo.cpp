#include "core/comparison.hpp"
#include "core/gaps.hpp"
#include "core/voices.hpp"
#include "storage/demo.hpp"
#include "support.hpp"

using namespace mw;

TEST_CASE("the demo creates a baseline and a linked follow-up with every question answered", "[demo]") {
    test::TempDir dir;
    auto store = Store::open(dir / "demo.db");
    REQUIRE(store.has_value());
    const Model model = test::defaultModel();
    const Model previous = test::previousModel();
    auto demo = createDemo(*store, test::builtinModels());
    REQUIRE(demo.has_value());
    CHECK_FALSE(demo->alreadyPresent);
    auto baseline = store->assessmentInfo(demo->baselineId);
    auto followUp = store->assessmentInfo(demo->followUpId);
    REQUIRE(baseline.has_value());
    REQUIRE(followUp.has_value());
    CHECK(followUp->baselineId == demo->baselineId);
    // The baseline was made with 1.0.0 and the follow-up with 2.0.0: the demo compares across versions.
    CHECK(baseline->modelVersion == "1.0.0");
    CHECK(followUp->modelVersion == "2.0.0");
    CHECK(baseline->answeredCount == previous.questionCount());
    CHECK(followUp->answeredCount == model.questionCount());
    const auto followUpAnswers = store->answers(demo->followUpId);
    REQUIRE(followUpAnswers.has_value());
    const auto participants = *store->participants(demo->followUpId);
    const Roster roster = Roster::of(participants);
    for (const auto& answer : *followUpAnswers)
        if (answer.participantId == roster.consensusId) // the room's answers all carry their evidence
            CHECK(answer.note.size() > 30);

    // The follow-up shows progress, and its gaps carry recommendations.
    const auto before = computeScores(previous, *store->answers(demo->baselineId));
    const auto after = computeScores(model, *followUpAnswers, roster);
    CHECK(*after.overall > *before.overall);
    // A floor visibly holds it: the safety system shares the control network (SF1 at 1), so security and
    // the index read 2 where their answers alone would read higher.
    REQUIRE(after.overallHeldBy.size() == 1);
    CHECK(after.overallHeldBy[0].questionId == "SF1");
    CHECK(*after.overall == Approx(2));
    CHECK(*after.overallUncapped > 2.1);
    CHECK(*after.dimension("security")->current == Approx(2));
    CHECK(*after.dimension("security")->uncapped > 2.1);
    // Across versions the 42 questions that carried over are compared, and the 13 new ones listed.
    const Comparison compared =
        compareAssessments(previous, *store->answers(demo->baselineId), model, *followUpAnswers, {}, roster);
    CHECK(compared.questions.size() == previous.questionCount());
    CHECK(compared.onlyInAfter.size() == model.questionCount() - previous.questionCount());
    CHECK(compared.onlyInBefore.empty());
    const auto gaps = rankGaps(model, after);
    REQUIRE(gaps.size() >= 10);
    for (const auto& g : gaps)
        CHECK_FALSE(g.recommendation.empty());

    // The follow-up's room: three IT, three OT and two business voices, every one answering every question,
    // who see security and data ownership (IT higher) and the plant's systems (OT higher) differently.
    CHECK(voiceGroups(participants) == std::vector<std::string>{"IT", "OT", "Business"});
    CHECK(participants.size() == 9);
    CHECK(followUpAnswers->size() == 9 * model.questionCount());
    const auto groups = scoresByGroup(model, *followUpAnswers, participants);
    REQUIRE(groups.size() == 3);
    auto dimension = [&](std::size_t group, const char* id) {
        return *groups[group].scores.dimension(id)->current;
    };
    CHECK(dimension(0, "security") > dimension(1, "security") + 1);
    CHECK(dimension(0, "roles-data") > dimension(1, "roles-data") + 1);
    CHECK(dimension(1, "current-state") > dimension(0, "current-state") + 1);
    CHECK(divergence(model, *followUpAnswers, participants).front().discuss);
    CHECK(store->participants(demo->baselineId)->size() == 1); // the baseline keeps a consensus only

    auto again = createDemo(*store, test::builtinModels());
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
