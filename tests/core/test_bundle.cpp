#include "core/bundle.hpp"
#include "support.hpp"

using namespace mw;
using nlohmann::json;

namespace {

Bundle sampleBundle() {
    Bundle b;
    b.client = {0, "Müller Wasser GmbH", "Water", "Notes with \"quotes\""};
    b.assessment.uid = "uid-1";
    b.assessment.title = "Baseline";
    b.assessment.date = "2025-03-31";
    b.assessment.assessor = "A. Assessor";
    b.model = test::fixtureModel("rubric-basic.json");
    b.participants = {{1, "Consensus", "All", true, "uid-consensus", ""},
                      {2, "Plant team", "OT", false, "uid-plant", "Shift lead"}};
    b.answers = {test::level("A1", 2, 4), test::notApplicable("B1")};
    b.answers[0].note = "<b>evidence</b>";
    b.answers[0].updatedAt = "2025-03-31T10:00:00.000Z";
    return b;
}

bool mentions(const Error& error, const std::string& text) {
    for (const auto& d : error.details)
        if (d.find(text) != std::string::npos)
            return true;
    return error.message.find(text) != std::string::npos;
}

} // namespace

TEST_CASE("a bundle survives serialisation unchanged", "[bundle]") {
    const std::string first = serializeBundle(sampleBundle());
    auto parsed = parseBundle(first, "sample.json");
    REQUIRE(parsed.has_value());
    CHECK(serializeBundle(*parsed) == first);
    CHECK(parsed->client.name == "Müller Wasser GmbH");
    CHECK(parsed->answers[0].note == "<b>evidence</b>");
    CHECK(parsed->assessment.answeredCount == 2);
}

TEST_CASE("malformed bundles are refused with JSON paths", "[bundle]") {
    json bundle = bundleToJson(sampleBundle());
    SECTION("unknown question") {
        bundle["answers"][0]["question"] = "Z9";
        auto result = bundleFromJson(bundle);
        REQUIRE_FALSE(result.has_value());
        CHECK(mentions(result.error(), "answers[0].question: unknown question 'Z9'"));
    }
    SECTION("level outside the scale") {
        bundle["answers"][0]["current"] = 7;
        auto result = bundleFromJson(bundle);
        REQUIRE_FALSE(result.has_value());
        CHECK(
            mentions(result.error(), "answers[0].current: 7 is not a level of the scale (0, 1, 2, 3, 4, 5)"));
    }
    SECTION("unknown participant") {
        bundle["answers"][1]["participant"] = 9;
        auto result = bundleFromJson(bundle);
        REQUIRE_FALSE(result.has_value());
        CHECK(mentions(result.error(), "answers[1].participant: unknown participant 9"));
    }
    SECTION("broken model snapshot") {
        bundle["model"]["scale"] = json::array();
        auto result = bundleFromJson(bundle);
        REQUIRE_FALSE(result.has_value());
        CHECK(mentions(result.error(), "model.scale: the scale is empty"));
    }
    SECTION("bad date and status") {
        bundle["assessment"]["date"] = "31/03/2025";
        bundle["assessment"]["status"] = "done";
        auto result = bundleFromJson(bundle);
        REQUIRE_FALSE(result.has_value());
        CHECK(mentions(result.error(), "assessment.date: '31/03/2025' is not a date"));
        CHECK(mentions(result.error(), "assessment.status: 'done' is neither draft nor final"));
    }
    SECTION("newer format") {
        bundle["formatVersion"] = 99;
        auto result = bundleFromJson(bundle);
        REQUIRE_FALSE(result.has_value());
        CHECK(mentions(result.error(), "formatVersion: 99 is not supported"));
    }
    SECTION("not a bundle") {
        auto result = parseBundle("[1, 2", "broken.json");
        REQUIRE_FALSE(result.has_value());
        CHECK(result.error().message.find("broken.json: line 1") == 0);
    }
}

TEST_CASE("answers are checked against the model", "[bundle]") {
    const Model model = test::fixtureModel("rubric-basic.json");
    CHECK_FALSE(checkAnswer(model, test::level("A1", 3, 5)).has_value());
    CHECK(checkAnswer(model, test::level("A1", 2.5)).value() ==
          "level 2.5 is not on the scale (0, 1, 2, 3, 4, 5)");
    CHECK(checkAnswer(model, test::level("A1", 2, 6)).value() ==
          "target 6 is not on the scale (0, 1, 2, 3, 4, 5)");
    CHECK(checkAnswer(model, test::level("Q1", 2)).value().find("unknown question 'Q1'") == 0);
}

TEST_CASE("dates are validated", "[assessment]") {
    CHECK(isIsoDate("2024-02-29"));
    CHECK_FALSE(isIsoDate("2023-02-29"));
    CHECK_FALSE(isIsoDate("2023-13-01"));
    CHECK_FALSE(isIsoDate("yesterday"));
}
