#pragma once
// The documented machine-readable outputs (docs/cli-json.md), next to the other JSON code of the core.
#include "comparison.hpp"
#include "gaps.hpp"
#include "scoring.hpp"

#include <nlohmann/json.hpp>

namespace mw {

nlohmann::json assessmentJson(const AssessmentInfo& info);
nlohmann::json scoresJson(const AssessmentInfo& info, const Model& model, const Scorecard& card);
// `gaps` may be the first few of the ranked list.
nlohmann::json gapsJson(const AssessmentInfo& info, const std::vector<Gap>& gaps);
nlohmann::json comparisonJson(const AssessmentInfo& before, const AssessmentInfo& after,
                              const Comparison& comparison);

} // namespace mw
