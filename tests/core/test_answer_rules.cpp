// The answer rules every front door shares, level labels as typed, and what a model says that its rule
// does not use.
#include "core/answer_rules.hpp"
#include "core/model_loader.hpp"
#include "core/scoring.hpp"
#include "support.hpp"

using namespace mw;
using test::level;

TEST_CASE("an edit changes only what it names", "[rules]") {
    const Model model = test::defaultModel();
    Answer before = level("GO1", 2, 3);
    before.note = "Charter drafted";
    before.confidence = Confidence::High;

    auto raised = applyAnswerEdit(model, before, "GO1", 1, AnswerEdit::setLevel(5));
    REQUIRE(raised.has_value());
    CHECK(raised->current == 5);
    CHECK(raised->target == 3); // never moved behind the user's back
    CHECK(raised->note == "Charter drafted");
    CHECK(raised->confidence == Confidence::High);
    CHECK(isAboveTarget(*raised));
    CHECK_FALSE(isAboveTarget(before));

    auto na = applyAnswerEdit(model, before, "GO1", 1, AnswerEdit::notApplicable(true));
    REQUIRE(na.has_value());
    CHECK(na->notApplicable);
    CHECK_FALSE(na->current.has_value());
    CHECK(na->target == 3);
    CHECK_FALSE(isAboveTarget(*na));

    auto cleared = applyAnswerEdit(model, before, "GO1", 1, AnswerEdit::setTarget(std::nullopt));
    REQUIRE(cleared.has_value());
    CHECK_FALSE(cleared->target.has_value());
    CHECK(cleared->current == 2);

    auto fresh = applyAnswerEdit(model, std::nullopt, "GO2", 7, AnswerEdit::setNote("Seen at the plant"));
    REQUIRE(fresh.has_value());
    CHECK(fresh->questionId == "GO2");
    CHECK(fresh->participantId == 7);
    CHECK_FALSE(fresh->current.has_value());
    CHECK(fresh->note == "Seen at the plant");
    CHECK(fresh->confidence == Confidence::Medium);

    CHECK(applyAnswerEdit(model, before, "GO1", 1, AnswerEdit::setLevel(2.5)).error().message ==
          "level 2.5 is not on the scale (0, 1, 2, 3, 4, 5)");
    CHECK(applyAnswerEdit(model, before, "GO1", 1, AnswerEdit::setTarget(6)).error().message ==
          "target 6 is not on the scale (0, 1, 2, 3, 4, 5)");
    CHECK(sameAnswer(before, *applyAnswerEdit(model, before, "GO1", 1, AnswerEdit::setLevel(2))));
    CHECK_FALSE(sameAnswer(before, *raised));
}

TEST_CASE("levels are typed as numbers or labels", "[rules]") {
    const Model model = test::defaultModel();
    CHECK(parseLevel(model, "3") == 3);
    CHECK(parseLevel(model, "2.5") == 2.5); // whether it is on the scale is the answer check's to say
    CHECK(parseLevel(model, "Defined") == 3);
    CHECK(parseLevel(model, "managed") == 4);
    CHECK(parseLevel(model, "OPT") == 5);
    auto ambiguous = parseLevel(model, "de");
    REQUIRE_FALSE(ambiguous.has_value());
    CHECK(ambiguous.error().message ==
          "'de' could be Developing or Defined; type more of the label or the number");
    auto unknown = parseLevel(model, "great");
    REQUIRE_FALSE(unknown.has_value());
    CHECK(unknown.error().message.find("0 Absent, 1 Initial") != std::string::npos);
    CHECK_FALSE(parseLevel(model, "").has_value());
    CHECK_FALSE(parseLevel(model, "3x").has_value());

    const Model c2m2 = test::fixtureModel("c2m2-style.json");
    CHECK(parseLevel(c2m2, "largely") == c2m2.scale[2].value);
    CHECK(parseLevel(c2m2, "Largely implemented") == c2m2.scale[2].value);
    CHECK(parseLevel(c2m2, "fully") == c2m2.scale[3].value);
}

TEST_CASE("validate-model warns about weights the rule does not use", "[rules]") {
    CHECK(modelWarnings(test::defaultModel()).empty());                  // weighted mean uses its weights
    CHECK(modelWarnings(test::fixtureModel("samm-style.json")).empty()); // all weights 1
    const auto warnings = modelWarnings(test::fixtureModel("samm-weighted.json"));
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0] == "2 questions set a weight (SM-1a, SM-1b), which the level-sum rule does not use in "
                         "scores; it only orders the gaps");
}

TEST_CASE("threshold dimensions nobody answered count as tier 0 once the assessment has started",
          "[rules][scoring]") {
    const Model model = test::fixtureModel("c2m2-style.json");
    const auto empty = computeScores(model, {});
    CHECK_FALSE(empty.overall.has_value()); // nothing answered: nothing scored
    CHECK(empty.scoredDimensions == 0);
    const auto started = computeScores(model, {level("ACM-1a", 2), level("ACM-1b", 3)});
    REQUIRE(started.dimension("threat")->current.has_value());
    CHECK(*started.dimension("threat")->current == 0);
    CHECK(*started.dimension("asset")->current == 1);
    CHECK(*started.overall == Approx(0.5));
    CHECK(started.scoredDimensions == 2);

    // The weighted mean leaves unanswered dimensions out, and says how many the overall covers.
    const auto partial = computeScores(test::defaultModel(), {level("GO1", 3, 4)});
    CHECK(partial.scoredDimensions == 1);
    CHECK(partial.dimensions.size() == 8);
}
