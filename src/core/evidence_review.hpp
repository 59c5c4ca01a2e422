#pragma once
// What evidence backs each question, and what is missing: the Evidence page's rows, the CLI's list and the
// report's per-question lines all come from here.
#include "evidence.hpp"
#include "scoring.hpp"

#include <optional>
#include <string>
#include <vector>

namespace mw {

// An answer at this level or above is expected to have evidence behind it.
inline constexpr double kEvidenceExpectedFromLevel = 3;

struct QuestionEvidence {
    const Question* question = nullptr;
    const Dimension* dimension = nullptr;
    std::optional<double> level; // the consolidated current level; empty when unanswered or N/A
    std::vector<const Evidence*> attached;
    std::vector<std::string> suggestedMissing; // the model's suggestions no attached title covers
    // Answered at kEvidenceExpectedFromLevel or above with nothing attached.
    bool missingForLevel() const { return attached.empty() && level && *level >= kEvidenceExpectedFromLevel; }
};

struct EvidenceReview {
    std::vector<QuestionEvidence> questions;      // every question, in the model's order
    std::vector<const Evidence*> wholeAssessment; // evidence that names no question
    std::size_t missingForLevel = 0;
    std::size_t questionsWithEvidence = 0;
};

// Pointers refer into `model` and `evidence`, which must outlive the review. Removed evidence is left out.
EvidenceReview reviewEvidence(const Model& model, const Scorecard& scores,
                              const std::vector<Evidence>& evidence);

} // namespace mw
