#pragma once
#include "scoring.hpp"

namespace mw {

// Roadmap horizons: now (0-3 months), next (3-12 months), later (12+ months).
enum class Horizon { Now, Next, Later };
std::string_view toString(Horizon horizon);
std::string_view horizonPeriod(Horizon horizon);
// "Now", "Next", "Later": the horizon as a heading or a table names it.
std::string_view horizonTitle(Horizon horizon);

struct Gap {
    std::string questionId;
    std::string questionText;
    std::string dimensionId;
    std::string dimensionTitle;
    double current = 0;
    double target = 0;
    double gap = 0;      // target - current, in scale steps
    double priority = 0; // gap x question weight x dimension weight x consequence factor
    Consequence consequence = Consequence::None;
    double consequenceFactor = 1; // the model's factor for that consequence
    std::string currentLabel;
    std::string targetLabel;
    std::string recommendation; // the model's next step from the current level
    Horizon horizon = Horizon::Later;
};

// Questions whose target is above their current level, highest priority first.
std::vector<Gap> rankGaps(const Model& model, const Scorecard& scores);
std::vector<Gap> rankGaps(const Model& model, const std::vector<Answer>& answers);

} // namespace mw
