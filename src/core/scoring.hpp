#pragma once
#include "assessment.hpp"
#include "model.hpp"

#include <map>

namespace mw {

// One question's answer after combining every participant's answer.
struct ConsolidatedAnswer {
    std::optional<double> current; // mean of the participants' levels
    std::optional<double> target;  // mean of the participants' targets
    bool notApplicable = false;    // every participant said N/A
    bool answered() const { return notApplicable || current.has_value(); }
};

std::map<std::string, ConsolidatedAnswer> consolidate(const std::vector<Answer>& answers);

struct QuestionResult {
    const Question* question = nullptr;
    const Dimension* dimension = nullptr;
    ConsolidatedAnswer answer;
    double effectiveTarget() const; // the target, or the current level when no target was set
};

struct DimensionResult {
    std::string id;
    std::string title;
    double weight = 1;
    std::optional<double> current; // empty: nothing scorable answered
    std::optional<double> target;
    std::string currentLabel;
    std::string targetLabel;
    std::size_t total = 0;
    std::size_t answered = 0; // with a level or N/A
    std::size_t notApplicable = 0;
    double completeness = 0; // %
    std::optional<double> gap() const;
};

struct Scorecard {
    std::vector<DimensionResult> dimensions;
    std::vector<QuestionResult> questions; // in model order
    std::optional<double> overall;
    std::optional<double> overallTarget;
    std::string overallLabel;
    std::string overallTargetLabel;
    std::size_t total = 0;
    std::size_t answered = 0;
    std::size_t scoredDimensions = 0;    // dimensions the overall is the average of
    double completeness = 0;             // %
    std::vector<std::string> unanswered; // question ids, model order

    const DimensionResult* dimension(std::string_view id) const;
};

// Pure: the model's aggregation rule applied to the answers.
Scorecard computeScores(const Model& model, const std::vector<Answer>& answers);

} // namespace mw

namespace mw {
// Plain-language paragraphs that explain how this model's scores are computed (reports, UI, README).
std::vector<std::string> scoringExplanation(const Model& model);
} // namespace mw
