#pragma once
#include "actions.hpp"
#include "assessment.hpp"
#include "error.hpp"
#include "evidence.hpp"
#include "model.hpp"

#include <optional>

namespace mw {

// Format 2 adds participants' uid and role and each answer's origin; format 3 the action plan; format 4 the
// evidence (what each file is; the files themselves travel in a .mwz package beside the JSON). Earlier
// formats still import.
inline constexpr int kBundleFormatVersion = 4;

// One assessment with everything needed to rebuild it elsewhere. Participant ids are bundle-local keys.
struct Bundle {
    Client client;
    AssessmentInfo assessment;
    std::optional<std::string> baselineUid;
    Model model;
    std::vector<Participant> participants;
    std::vector<Answer> answers;
    std::vector<Action> actions;    // ids are not carried; uids are
    std::vector<Evidence> evidence; // removed evidence is not carried; participant ids are bundle keys
};

nlohmann::json bundleToJson(const Bundle& bundle);
std::string serializeBundle(const Bundle& bundle);
// Validates everything (model, ids, levels, participants) and reports every problem with its JSON path.
Result<Bundle> bundleFromJson(const nlohmann::json& json);
Result<Bundle> parseBundle(std::string_view text, std::string_view source);

// Checks one answer against a model: the question exists and the levels are on its scale.
std::optional<std::string> checkAnswer(const Model& model, const Answer& answer);

} // namespace mw
