// The built-in IT/OT convergence models: 2.0.0, the default, and 1.0.0, kept so that assessments made with
// it score as before. The rules 2.0.0 was written to (models/README.md) are held for every question.
#include "core/model_registry.hpp"
#include "core/scoring.hpp"
#include "support.hpp"

#include <set>

using namespace mw;

TEST_CASE("the default model is 2.0.0: eight dimensions and a workshop day of questions", "[default-model]") {
    const Model model = test::defaultModel();
    CHECK(model.id == "itot-convergence");
    CHECK(model.version == "2.0.0");
    CHECK(model.questionCount() >= 50);
    CHECK(model.questionCount() <= 60);
    REQUIRE(model.dimensions.size() == 8);
    const std::vector<std::string> titles = {
        "Goals & objectives",   "Current-state assessment",      "Roles, people, processes & data",
        "Integration roadmap",  "Security, safety & continuity", "Technology footprint",
        "Monitoring & control", "Continuous improvement"};
    for (std::size_t i = 0; i < titles.size(); ++i) {
        CHECK(model.dimensions[i].title == titles[i]);
        CHECK(model.dimensions[i].questions.size() >= 5);
        CHECK_FALSE(model.dimensions[i].description.empty());
    }
    REQUIRE(model.scale.size() == 6);
    const std::vector<std::string> labels = {"Absent",  "Initial", "Developing",
                                             "Defined", "Managed", "Optimised"};
    for (std::size_t i = 0; i < 6; ++i) {
        CHECK(model.scale[i].value == static_cast<double>(i));
        CHECK(model.scale[i].label == labels[i]);
        CHECK_FALSE(model.scale[i].meaning.empty());
    }
}

TEST_CASE(
    "2.0.0 keeps every 1.0.0 question id in its dimension, so a follow-up compares with a 1.0.0 baseline",
    "[default-model]") {
    const Model next = test::defaultModel();
    const Model previous = test::previousModel();
    CHECK(previous.version == "1.0.0");
    CHECK(previous.questionCount() == 42);
    for (const auto* question : previous.allQuestions()) {
        CAPTURE(question->id);
        const Question* carried = next.question(question->id);
        REQUIRE(carried != nullptr);
        CHECK(carried->dimensionId == question->dimensionId);
    }
}

TEST_CASE(
    "every question of both versions has guidance, evidence, six distinct descriptors and five next steps",
    "[default-model]") {
    for (const Model& model : {test::defaultModel(), test::previousModel()}) {
        CAPTURE(model.version);
        std::set<std::string> allDescriptors;
        std::set<std::string> allRecommendations;
        for (const auto* q : model.allQuestions()) {
            CAPTURE(q->id);
            CHECK(q->guidance.size() > 40);
            CHECK(q->evidence.size() >= 2);
            CHECK(q->weight > 0);
            REQUIRE(q->descriptors.size() == 6);
            REQUIRE(q->recommendations.size() == 5);
            for (const auto& d : q->descriptors) {
                CHECK(d.size() > 20);
                CHECK(allDescriptors.insert(d).second); // never repeated, within a question or across
            }
            for (const auto& r : q->recommendations) {
                CHECK(r.size() > 20);
                CHECK(allRecommendations.insert(r).second);
            }
        }
    }
}

TEST_CASE("every 2.0.0 question names who answers first and cites a source, and no level is unobservable",
          "[default-model]") {
    const Model model = test::defaultModel();
    for (const auto* question : model.allQuestions()) {
        CAPTURE(question->id);
        CHECK_FALSE(question->askFirst.empty());
        CHECK_FALSE(question->references.empty());
        for (const auto& descriptor : question->descriptors) {
            CAPTURE(descriptor);
            CHECK(descriptor.find("culture") == std::string::npos);
            CHECK(descriptor.find("recognised strength") == std::string::npos);
        }
    }
}

TEST_CASE("2.0.0 cites the sources a safety engineer and a CISO expect", "[default-model]") {
    const Model model = test::defaultModel();
    std::string references;
    for (const auto* q : model.allQuestions())
        for (const auto& r : q->references)
            references += r + "\n";
    for (const char* source :
         {"IEC 61511-1:2016 clause 11.2.4", "IEC 61511-1:2016 clause 8.2.4", "IEC 62443-2-4", "IEC 62443-3-2",
          "IEC 62443-3-3:2013 SR 5.1", "FR 4", "IEC 62264-1", "ISO 22400-2", "NIS2", "Cyber Resilience Act",
          "NIST SP 800-82r3", "NIST SP 800-61r3", "NIST CSF 2.0", "ISO 22301:2019 clause 8.5", "Sparkplug",
          "OPC UA"})
        CHECK(references.find(source) != std::string::npos);
    // Corrected in 2.0.0: plant-to-enterprise flows are not ISA-95 Part 3, and no revision-less 800-61.
    CHECK(references.find("ISA-95 Part 3") == std::string::npos);
    CHECK(references.find("SP 800-61\n") == std::string::npos);
}

TEST_CASE("the 2.0.0 floors hold segmentation, remote access, response, recovery and safety independence",
          "[default-model]") {
    const Model model = test::defaultModel();
    std::set<std::string> floored;
    for (const auto& floor : model.floors)
        floored.insert(floor.questions.begin(), floor.questions.end());
    for (const char* id : {"SB1", "SB3", "SB9", "SB5", "SF1"})
        CHECK(floored.contains(id));
    CHECK(model.question("SF1")->consequence == Consequence::Safety);
    CHECK(model.priority.factor(Consequence::Safety) > model.priority.factor(Consequence::Production));
    // A flat network (SB1 at 0) among otherwise managed answers holds security and the index at 2.
    std::vector<Answer> answers;
    for (const auto* question : model.allQuestions()) {
        Answer answer;
        answer.questionId = question->id;
        answer.current = question->id == "SB1" ? 0 : 4;
        answers.push_back(answer);
    }
    const Scorecard scores = computeScores(model, answers);
    CHECK(*scores.dimension("security")->current == Approx(2));
    CHECK(*scores.overall == Approx(2));
    REQUIRE(scores.overallHeldBy.size() == 1);
    CHECK(scores.overallHeldBy[0].questionId == "SB1");
}

TEST_CASE("segmentation outranks a charter: no question outweighs SB1, and security weighs most",
          "[default-model]") {
    const Model model = test::defaultModel();
    const Question* segmentation = model.question("SB1");
    for (const auto* question : model.allQuestions())
        CHECK(question->weight <= segmentation->weight);
    for (const auto& dimension : model.dimensions)
        CHECK(dimension.weight <= model.dimension("security")->weight);
}

TEST_CASE("the built-in registry holds both versions, the newest by default", "[default-model]") {
    const auto& registry = test::builtinModels();
    auto model = registry.find(ModelRegistry::defaultModelId);
    REQUIRE(model.has_value());
    CHECK(model->version == "2.0.0");
    auto previous = registry.find("itot-convergence@1.0.0");
    REQUIRE(previous.has_value());
    CHECK(previous->questionCount() == 42);
    auto noSuchVersion = registry.find("itot-convergence@9.9.9");
    REQUIRE_FALSE(noSuchVersion.has_value());
    CHECK(noSuchVersion.error().message ==
          "model itot-convergence has no version 9.9.9; it has 2.0.0, 1.0.0");
    auto missing = registry.find("cmmi");
    REQUIRE_FALSE(missing.has_value());
    CHECK(missing.error().message ==
          "unknown model 'cmmi'; known models: itot-convergence (2.0.0, 1.0.0) (or give the path of a model "
          ".json file)");
}
