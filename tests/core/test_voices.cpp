// Workshop mode's scoring: the consensus where recorded, else the mean of the group means; each group's
// scores; the spread between groups. Pure functions, on a model built here.
#include "core/voices.hpp"
#include "support.hpp"

using namespace mw;

namespace {

Model twoQuestions() {
    Model model;
    model.id = "room";
    model.version = "1.0.0";
    model.title = "Room";
    for (int level = 0; level <= 5; ++level)
        model.scale.push_back({static_cast<double>(level), "L" + std::to_string(level), ""});
    Dimension security{"security", "Security", "", 1, {}};
    security.questions.push_back(
        {"S1", "security", "Zones?", "", {}, 1, 0, {}, {}, {}, {}, Consequence::None});
    security.questions.push_back(
        {"S2", "security", "Backups?", "", {}, 1, 0, {}, {}, {}, {}, Consequence::None});
    model.dimensions.push_back(security);
    return model;
}

Participant person(Id id, const std::string& group) {
    Participant p;
    p.id = id;
    p.name = "Person " + std::to_string(id);
    p.group = group;
    return p;
}

Answer voice(Id participant, const std::string& question, std::optional<double> current,
             std::optional<double> target = {}) {
    Answer a = test::level(question, current, target);
    a.participantId = participant;
    return a;
}

// Three IT voices, one OT voice, and the consensus.
const std::vector<Participant> kRoom = {consensusParticipant(1), person(2, "IT"), person(3, "IT"),
                                        person(4, "IT"), person(5, "OT")};

} // namespace

TEST_CASE("without a consensus a question scores the mean of the group means", "[voices]") {
    const Model model = twoQuestions();
    // IT says 4, 4 and 1 (mean 3); the one OT voice says 1. Each group counts once: (3 + 1) / 2 = 2, not the
    // mean of all four voices (2.5).
    const std::vector<Answer> answers = {voice(2, "S1", 4, 5), voice(3, "S1", 4, 5), voice(4, "S1", 1, 5),
                                         voice(5, "S1", 1, 3)};
    const auto card = computeScores(model, answers, Roster::of(kRoom));
    REQUIRE(card.questions[0].answer.current.has_value());
    CHECK(*card.questions[0].answer.current == Approx(2.0));
    CHECK(*card.questions[0].answer.target == Approx(4.0)); // (5 + 3) / 2
    CHECK_FALSE(card.questions[0].answer.fromConsensus);
    CHECK_FALSE(card.questions[1].answer.answered());
    // Without a roster every participant is a group of its own: the plain mean.
    CHECK(*computeScores(model, answers).questions[0].answer.current == Approx(2.5));
}

TEST_CASE("a recorded consensus is the question's score", "[voices]") {
    const Model model = twoQuestions();
    std::vector<Answer> answers = {voice(2, "S1", 4), voice(5, "S1", 1), voice(1, "S1", 3, 4)};
    auto card = computeScores(model, answers, Roster::of(kRoom));
    CHECK(*card.questions[0].answer.current == 3);
    CHECK(*card.questions[0].answer.target == 4);
    CHECK(card.questions[0].answer.fromConsensus);
    // A consensus that only took notes leaves the score to the voices; a consensus N/A makes it N/A.
    answers.back() = voice(1, "S1", std::nullopt);
    answers.back().note = "Discuss after lunch";
    card = computeScores(model, answers, Roster::of(kRoom));
    CHECK(*card.questions[0].answer.current == Approx(2.5));
    answers.back() = test::notApplicable("S1");
    answers.back().participantId = 1;
    card = computeScores(model, answers, Roster::of(kRoom));
    CHECK(card.questions[0].answer.notApplicable);
    CHECK_FALSE(card.questions[0].answer.current.has_value());
    // Voices that all say N/A make the question N/A; one level among them wins.
    card = computeScores(model, {test::notApplicable("S2")}, Roster::of(kRoom));
    CHECK(card.questions[1].answer.notApplicable);
}

TEST_CASE("each group gets its own scores from its own voices", "[voices]") {
    const Model model = twoQuestions();
    const std::vector<Answer> answers = {voice(2, "S1", 4), voice(3, "S1", 2), voice(5, "S1", 1),
                                         voice(5, "S2", 5), voice(1, "S1", 3)};
    CHECK(voiceGroups(kRoom) == std::vector<std::string>{"IT", "OT"});
    const auto groups = scoresByGroup(model, answers, kRoom);
    REQUIRE(groups.size() == 2);
    CHECK(groups[0].group == "IT");
    CHECK(groups[0].voices == 3);
    CHECK(*groups[0].scores.overall == Approx(3.0)); // S1 at (4 + 2) / 2; S2 unanswered by IT
    CHECK(groups[1].group == "OT");
    CHECK(groups[1].voices == 1);
    CHECK(*groups[1].scores.overall == Approx(3.0)); // (1 + 5) / 2
    CHECK(*groups[1].scores.questions[1].answer.current == 5);
}

TEST_CASE("the spread is the highest group mean minus the lowest, largest first", "[voices]") {
    const Model model = twoQuestions();
    const std::vector<Answer> answers = {voice(2, "S1", 4), voice(3, "S1", 3), voice(5, "S1", 3),
                                         voice(2, "S2", 5), voice(4, "S2", 4), voice(5, "S2", 1),
                                         voice(1, "S2", 2)}; // the consensus is no group
    const auto spreads = divergence(model, answers, kRoom);
    REQUIRE(spreads.size() == 2);
    CHECK(spreads[0].questionId == "S2");
    CHECK(spreads[0].spread == Approx(3.5)); // IT (5 + 4) / 2 against OT 1
    CHECK(spreads[0].groupLevels.at("IT") == Approx(4.5));
    CHECK(spreads[0].groupLevels.at("OT") == 1);
    CHECK(spreads[0].discuss);
    CHECK(spreads[1].questionId == "S1");
    CHECK(spreads[1].spread == Approx(0.5));
    CHECK_FALSE(spreads[1].discuss); // 4 and 3: one level apart
    // One group alone shows no spread.
    CHECK(divergence(model, {voice(2, "S1", 1), voice(3, "S1", 5)}, kRoom).empty());
}

TEST_CASE("the suggested consensus is the median voice, on the scale", "[voices]") {
    const Model model = twoQuestions();
    CHECK(suggestedConsensus(model, {voice(2, "S1", 1), voice(3, "S1", 4), voice(5, "S1", 5)}, kRoom, "S1") ==
          4);
    CHECK(suggestedConsensus(model, {voice(2, "S1", 1), voice(5, "S1", 4)}, kRoom, "S1") ==
          2); // 2.5: the lower
    CHECK(suggestedConsensus(model, {voice(1, "S1", 3)}, kRoom, "S1") ==
          std::nullopt); // the consensus is no voice
    CHECK_FALSE(suggestedConsensus(model, {}, kRoom, "S2").has_value());
}
