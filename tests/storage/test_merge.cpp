// Groups that answered on their own laptops bring their voices back: importing a bundle of an assessment that
// already exists merges it, matching participants by uid, the later answer winning.
#include "storage/store.hpp"
#include "support.hpp"

#include <chrono>
#include <thread>

using namespace mw;

namespace {

struct Laptop {
    test::TempDir dir;
    Store store;
    explicit Laptop(const std::string& name)
        : store(*Store::open(dir / (name + ".db"))) {}
    Id participant(Id assessment, const std::string& name) {
        const auto participants = store.participants(assessment);
        for (const auto& p : *participants)
            if (p.name == name)
                return p.id;
        FAIL("no participant " << name);
        return 0;
    }
    void voice(Id assessment, const std::string& name, const std::string& question, double level) {
        Answer a = test::level(question, level);
        a.participantId = participant(assessment, name);
        REQUIRE(store.saveAnswer(assessment, a).has_value());
        std::this_thread::sleep_for(std::chrono::milliseconds(3)); // distinct updated_at stamps
    }
    std::optional<Answer> answerOf(Id assessment, const std::string& name, const std::string& question) {
        return *store.answer(assessment, question, participant(assessment, name));
    }
};

} // namespace

TEST_CASE("voices from another laptop merge: new ones added, the later answer kept, differences listed",
          "[store][bundle][merge]") {
    const Model model = test::defaultModel();
    Laptop a("a"), b("b");
    auto client = a.store.addClient("Harbour Foods");
    auto id =
        a.store.createAssessment({client->id, "Workshop", "2026-03-02", "Sam", std::nullopt, &model, false});
    REQUIRE(id.has_value());
    REQUIRE(a.store.addParticipant(*id, "Ana", "IT").has_value());
    REQUIRE(a.store.addParticipant(*id, "Chidi", "OT", "Shift lead").has_value());
    auto imported = b.store.importBundle(*a.store.exportBundle(*id));
    REQUIRE(imported.has_value());
    const Id onB = imported->assessmentId;

    a.voice(*id, "Ana", "GO1", 4);
    a.voice(*id, "Chidi", "GO1", 3);
    b.voice(onB, "Chidi", "GO1", 1); // later than laptop A's
    REQUIRE(b.store.addParticipant(onB, "Dee", "Business").has_value());
    b.voice(onB, "Dee", "GO2", 2);
    a.voice(*id, "Chidi", "GO2", 5); // only on A

    auto merged = a.store.importBundle(*b.store.exportBundle(onB));
    REQUIRE(merged.has_value());
    CHECK(merged->merged);
    CHECK_FALSE(merged->alreadyPresent);
    CHECK(merged->assessmentId == *id);
    CHECK(merged->addedParticipants == 1);
    CHECK(merged->addedAnswers == 1);   // Dee's GO2
    CHECK(merged->updatedAnswers == 1); // Chidi's GO1, given later on B
    REQUIRE(merged->differences.size() == 1);
    CHECK(merged->differences[0].find("GO1 by Chidi (OT): kept 1 from the bundle") != std::string::npos);
    CHECK(a.answerOf(*id, "Chidi", "GO1")->current == 1);
    CHECK(a.answerOf(*id, "Chidi", "GO2")->current == 5);
    CHECK(a.answerOf(*id, "Ana", "GO1")->current == 4);
    CHECK(a.answerOf(*id, "Dee", "GO2")->current == 2);
    CHECK(a.store.participants(*id)->size() == 4); // the consensus matched by uid, Dee added once

    // The same bundle again changes nothing.
    const auto before = *a.store.answers(*id);
    auto again = a.store.importBundle(*b.store.exportBundle(onB));
    REQUIRE(again.has_value());
    CHECK(again->alreadyPresent);
    CHECK(again->differences.empty());
    CHECK(*a.store.answers(*id) == before);

    // The other way round, B gains what only A had, and keeps its own later GO1 for Chidi.
    auto back = b.store.importBundle(*a.store.exportBundle(*id));
    REQUIRE(back.has_value());
    CHECK(back->addedAnswers == 2); // Ana's GO1 and Chidi's GO2
    CHECK(back->updatedAnswers == 0);
    CHECK(b.answerOf(onB, "Chidi", "GO1")->current == 1);
}

TEST_CASE("a bundle of another model version is refused, and nothing changes", "[store][bundle][merge]") {
    const Model model = test::defaultModel();
    Laptop a("a");
    auto client = a.store.addClient("Harbour Foods");
    auto id =
        a.store.createAssessment({client->id, "Workshop", "2026-03-02", "Sam", std::nullopt, &model, false});
    auto bundle = *a.store.exportBundle(*id);
    bundle.model.version = "9.0.0";
    bundle.answers.push_back(test::level("GO1", 2));
    bundle.answers.back().participantId = bundle.participants.front().id;
    const auto before = *a.store.answers(*id);
    auto refused = a.store.importBundle(bundle);
    REQUIRE_FALSE(refused.has_value());
    CHECK(refused.error().message.find(
              "assessed with itot-convergence 2.0.0, the bundle with itot-convergence 9.0.0") !=
          std::string::npos);
    CHECK(*a.store.answers(*id) == before);
}
