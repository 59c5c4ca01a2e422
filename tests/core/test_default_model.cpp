// The default IT/OT convergence model: structure and content rules from the model's brief.
#include "core/model_registry.hpp"
#include "support.hpp"

#include <set>

using namespace mw;

TEST_CASE("the default model has eight dimensions of five to seven questions", "[default-model]") {
    const Model model = test::defaultModel();
    CHECK(model.id == "itot-convergence");
    CHECK(model.version == "1.0.0");
    REQUIRE(model.dimensions.size() == 8);
    const std::vector<std::string> titles = {
        "Goals & objectives",   "Current-state assessment",       "Roles, people, processes & data",
        "Integration roadmap",  "Security & business continuity", "Technology footprint",
        "Monitoring & control", "Continuous improvement"};
    for (std::size_t i = 0; i < titles.size(); ++i) {
        CHECK(model.dimensions[i].title == titles[i]);
        CHECK(model.dimensions[i].questions.size() >= 5);
        CHECK(model.dimensions[i].questions.size() <= 7);
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

TEST_CASE("every question has guidance, evidence, six distinct descriptors and five recommendations",
          "[default-model]") {
    const Model model = test::defaultModel();
    std::set<std::string> allDescriptors;
    std::set<std::string> allRecommendations;
    for (const auto* q : model.allQuestions()) {
        INFO("question " << q->id);
        CHECK(q->guidance.size() > 40);
        CHECK(q->evidence.size() >= 2);
        CHECK(q->weight > 0);
        REQUIRE(q->descriptors.size() == 6);
        REQUIRE(q->recommendations.size() == 5);
        std::set<std::string> own(q->descriptors.begin(), q->descriptors.end());
        CHECK(own.size() == 6);
        for (const auto& d : q->descriptors) {
            CHECK(d.size() > 20);
            CHECK(allDescriptors.insert(d).second); // never repeated across questions
        }
        for (const auto& r : q->recommendations) {
            CHECK(r.size() > 20);
            CHECK(allRecommendations.insert(r).second);
        }
    }
}

TEST_CASE("the default model points to recognised practice", "[default-model]") {
    const Model model = test::defaultModel();
    std::string references;
    for (const auto* q : model.allQuestions())
        for (const auto& r : q->references)
            references += r + "\n";
    for (const char* standard : {"62443", "800-82", "ISA-95", "NIST CSF", "DAMA-DMBOK", "OPC UA", "MQTT",
                                 "20000", "ISO 22301", "PDCA"})
        CHECK(references.find(standard) != std::string::npos);
}

TEST_CASE("the built-in registry holds the default model", "[default-model]") {
    const auto registry = ModelRegistry::withBuiltins();
    auto model = registry.find(ModelRegistry::defaultModelId);
    REQUIRE(model.has_value());
    CHECK(model->questionCount() == test::defaultModel().questionCount());
    auto missing = registry.find("cmmi");
    REQUIRE_FALSE(missing.has_value());
    CHECK(missing.error().message.find("unknown model 'cmmi'; known models: itot-convergence") == 0);
}
