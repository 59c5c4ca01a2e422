#pragma once
// Workshop mode: each group's view of the same questions, and where the room disagrees. Pure functions over
// a model, the answers and the roster.
#include "scoring.hpp"

#include <map>
#include <string>
#include <vector>

namespace mw {

// The groups that gave voices, in the roster's order (the consensus is not a group).
std::vector<std::string> voiceGroups(const std::vector<Participant>& participants);

struct GroupScores {
    std::string group;
    std::size_t voices = 0; // participants of the group
    Scorecard scores;       // each question at the mean of the group's voices
};

// One scorecard per group, from that group's voices alone.
std::vector<GroupScores> scoresByGroup(const Model& model, const std::vector<Answer>& answers,
                                       const std::vector<Participant>& participants);

struct QuestionSpread {
    std::string questionId;
    std::map<std::string, double> groupLevels; // group -> mean of its voices' levels
    double spread = 0;                         // highest group mean minus the lowest
    bool discuss = false;                      // two voices are two scale levels or more apart
};

// One question's spread; empty unless at least two groups gave it a level.
std::optional<QuestionSpread> questionSpread(const Model& model, const std::vector<Answer>& answers,
                                             const std::vector<Participant>& participants,
                                             const std::string& questionId);
// Questions with levels from at least two groups, largest spread first (model order breaks ties).
std::vector<QuestionSpread> divergence(const Model& model, const std::vector<Answer>& answers,
                                       const std::vector<Participant>& participants);

// When the question names a lead group (askFirst) that gave a level, and another group reads it a level or
// more away: one sentence saying whose account to hear first. Empty otherwise.
std::string leadGroupSentence(const Model& model, const QuestionSpread& spread);

// How many questions a participant gave a level or N/A.
std::size_t answeredBy(Id participant, const std::vector<Answer>& answers);

// A consensus to suggest for a question: the median of the voices' levels, on the scale. Shown to the
// facilitator, never written unless taken.
std::optional<double> suggestedConsensus(const Model& model, const std::vector<Answer>& answers,
                                         const std::vector<Participant>& participants,
                                         const std::string& questionId);

} // namespace mw
