#pragma once
#include "assessment.hpp"
#include "model.hpp"

#include <map>

namespace mw {

// Who speaks for whom: the consensus (the facilitator's recorded answer for the room) and each voice's group.
// A participant the roster does not know counts as a group of its own.
struct Roster {
    std::optional<Id> consensusId;
    std::map<Id, std::string> groupOf; // voices only
    static Roster of(const std::vector<Participant>& participants);
    // The group a voice belongs to, "#id" for one the roster does not know.
    std::string group(Id participantId) const;
};

// One question's answer after combining every participant's answer.
struct ConsolidatedAnswer {
    std::optional<double> current; // the consensus' level, else the mean of the group means
    std::optional<double> target;  // likewise for targets
    bool notApplicable = false;    // the consensus said N/A, or every voice did
    bool fromConsensus = false;    // the consensus gave the level (or N/A)
    bool answered() const { return notApplicable || current.has_value(); }
};

// The consensus where one is recorded; without one, the mean of the group means of the voices, so that each
// group counts once however many people it sent.
std::map<std::string, ConsolidatedAnswer> consolidate(const std::vector<Answer>& answers,
                                                      const Roster& roster = {});

struct QuestionResult {
    const Question* question = nullptr;
    const Dimension* dimension = nullptr;
    ConsolidatedAnswer answer;
    double effectiveTarget() const; // the target, or the current level when no target was set
};

// A floor that holds a score down: the question below the floor's line, and the cap it imposes.
struct FloorHold {
    std::string floorId;
    std::string questionId;
    double level = 0; // the question's score
    double below = 0;
    double cap = 0;
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
    // When a floor holds the score down: what it would read without it, and which questions hold it.
    std::optional<double> uncapped;
    std::vector<FloorHold> heldBy;
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
    std::size_t scoredDimensions = 0;      // dimensions the overall is the average of
    double completeness = 0;               // %
    std::vector<std::string> unanswered;   // question ids, model order
    std::optional<double> overallUncapped; // set when a floor holds the overall index down
    std::vector<FloorHold> overallHeldBy;

    const DimensionResult* dimension(std::string_view id) const;
};

// One plain sentence for a score a floor holds down, naming what it would read and the questions that hold
// it: "Security is held at 2.00 by a floor (3.10 without it): SB1 reads 1, below 2." Empty when none does.
std::string floorSentence(const std::string& what, std::optional<double> score,
                          std::optional<double> uncapped, const std::vector<FloorHold>& holds);

// Pure: the model's aggregation rule applied to the answers.
Scorecard computeScores(const Model& model, const std::vector<Answer>& answers, const Roster& roster = {});

} // namespace mw

namespace mw {
// Plain-language paragraphs that explain how this model's scores are computed (reports, UI, README).
std::vector<std::string> scoringExplanation(const Model& model);
} // namespace mw
