#pragma once
// The documented machine-readable outputs (docs/cli-json.md), next to the other JSON code of the core.
#include "actions.hpp"
#include "comparison.hpp"
#include "evidence_review.hpp"
#include "gaps.hpp"
#include "scoring.hpp"
#include "voices.hpp"

#include <nlohmann/json.hpp>

namespace mw {

nlohmann::json assessmentJson(const AssessmentInfo& info);
nlohmann::json scoresJson(const AssessmentInfo& info, const Model& model, const Scorecard& card);
// `gaps` may be the first few of the ranked list.
nlohmann::json gapsJson(const AssessmentInfo& info, const std::vector<Gap>& gaps);
// Workshop mode: the roster with how many questions each has answered, each group's scores, and the
// questions by spread.
nlohmann::json participantsJson(const AssessmentInfo& info, const std::vector<Participant>& participants,
                                const std::vector<Answer>& answers);
nlohmann::json groupScoresJson(const AssessmentInfo& info, const std::vector<GroupScores>& groups);
nlohmann::json divergenceJson(const AssessmentInfo& info, const Model& model,
                              const std::vector<QuestionSpread>& questions);
// The action plan in its order, each action with its horizon and whether it is late on `today`, and the
// gaps no open action serves.
nlohmann::json actionsJson(const AssessmentInfo& info, const std::vector<Action>& actions,
                           const std::vector<Gap>& gaps, const std::vector<Gap>& gapsWithoutAction,
                           const std::string& today);
nlohmann::json actionJson(const Action& action, const std::vector<Gap>& gaps, const std::string& today);
// One piece of evidence, and `maturity evidence ID --json`: every piece, and what backs each question.
nlohmann::json evidenceJson(const Evidence& evidence);
nlohmann::json evidenceListJson(const AssessmentInfo& info, const std::vector<Evidence>& evidence,
                                const std::vector<Evidence>& removed, const EvidenceReview& review);
nlohmann::json comparisonJson(const AssessmentInfo& before, const AssessmentInfo& after,
                              const Comparison& comparison);

} // namespace mw
