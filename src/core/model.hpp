#pragma once
#include <cstddef>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mw {

struct ScaleLevel {
    double value = 0;
    std::string label;
    std::string meaning;
};

enum class AggregationRule { WeightedMean, Threshold, LevelSum };

std::string_view toString(AggregationRule rule);
std::optional<AggregationRule> aggregationRuleFromString(std::string_view text);

struct Aggregation {
    AggregationRule rule = AggregationRule::WeightedMean;
    // threshold: the answer value a practice needs to count as achieved.
    double threshold = 0;
    // threshold and level-sum: the levels a dimension score is read against (first is 0).
    std::vector<ScaleLevel> tiers;
};

// Who is best placed to answer a question; the lead group comes first.
inline constexpr std::string_view kAnsweringGroups[] = {"IT", "OT", "Business", "Security"};

// What is at stake when a practice is weak; the model may weigh gaps by it (Priority).
enum class Consequence { None, Safety, Production, Data, Compliance };
std::string_view toString(Consequence consequence);
std::optional<Consequence> consequenceFromString(std::string_view text);

struct Question {
    std::string id;
    std::string dimensionId;
    std::string text;
    std::string guidance;
    std::vector<std::string> evidence;
    double weight = 1;
    int tier = 0;                         // maturity tier for threshold and level-sum models; 0 when unused
    std::vector<std::string> descriptors; // one per scale level
    std::vector<std::string> recommendations; // one per scale level below the top: how to move up one
    std::vector<std::string> references;
    std::vector<std::string> askFirst; // groups best placed to answer, lead first (kAnsweringGroups)
    Consequence consequence = Consequence::None;
};

struct Dimension {
    std::string id;
    std::string title;
    std::string description;
    double weight = 1;
    std::vector<Question> questions;
};

// A floor no average can hide: while any of these questions reads below `below`, the dimension holding it,
// and the overall index, read no higher than `cap`.
struct Floor {
    std::string id;
    std::vector<std::string> questions;
    double below = 0;
    double cap = 0;
    std::string reason; // why, in words a plant manager and a CISO accept
};

// How gaps are ranked: gap x question weight x dimension weight x the factor for the question's consequence.
struct Priority {
    std::map<Consequence, double> consequenceFactors; // absent: 1
    double factor(Consequence consequence) const;
};

struct Model {
    std::string id;
    std::string version;
    std::string title;
    std::string description;
    std::vector<ScaleLevel> scale;
    Aggregation aggregation;
    std::vector<Dimension> dimensions;
    std::vector<Floor> floors;
    Priority priority;
    nlohmann::json source; // the JSON it was loaded from, kept as the assessment's snapshot

    const Question* question(std::string_view questionId) const;
    const Dimension* dimension(std::string_view dimensionId) const;
    std::size_t questionCount() const;
    std::vector<const Question*> allQuestions() const;

    // Index of an exact scale value, if it is one.
    std::optional<std::size_t> levelIndex(double value) const;
    bool isLevel(double value) const { return levelIndex(value).has_value(); }
    // Label of the answer level at or below value ("" below the scale).
    std::string levelLabel(double value) const;
    // The levels dimension and overall scores are read against.
    const std::vector<ScaleLevel>& scoreLevels() const;
    std::string scoreLabel(double score) const;
    double minScore() const;
    double maxScore() const;
    // "0, 1, 2, 3, 4, 5": for error messages.
    std::string scaleValuesText() const;
    std::string displayName() const { return title + " " + version; }
};

// Semantic versions by their numeric parts: "1.10.0" is newer than "1.9.2".
bool isNewerVersion(const std::string& candidate, const std::string& than);

// One format for each kind of figure, in the workbench, the command line and every report:
// a level (an answer, a target, a level gap) compactly, as the scale writes it: 3, 2.5, 0.25;
std::string formatNumber(double value, int maxDecimals = 2);
// a score (an index, a mean of levels, a spread, a priority) always with two decimals, so columns of them
// line up: 2.00, 2.36, 0.25.
std::string formatScore(double value);
// "Ask OT first, then Security and IT" from a question's askFirst; empty when it names nobody.
std::string askFirstSentence(const Question& question);
// The shortest text that reads back as exactly this number ("0.001", "1e+100"): for messages about a value
// someone gave, which must not round it to something else.
std::string formatExact(double value);

} // namespace mw
