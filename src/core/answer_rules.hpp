#pragma once
// The answer rules, once for every front door (CLI, workbench, live voting): an edit names only what the
// user changed, and nothing else in the answer moves. A current level above the target stays as given
// and is reported as "above target"; the target is never raised behind the user's back.
#include "assessment.hpp"
#include "error.hpp"
#include "model.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace mw {

struct AnswerEdit {
    // Clear: not N/A (a level, if any, stays). Unknown: no level at all, as a voice that does not know.
    enum class Level { Keep, Set, NotApplicable, Clear, Unknown };
    Level level = Level::Keep;
    double current = 0;                          // with Level::Set
    std::optional<std::optional<double>> target; // set (or clear, with an empty inner value); else kept
    std::optional<std::string> note;
    std::optional<Confidence> confidence;

    static AnswerEdit setLevel(double value);
    static AnswerEdit notApplicable(bool notApplicable);
    static AnswerEdit setTarget(std::optional<double> value);
    static AnswerEdit setNote(std::string text);
    static AnswerEdit setConfidence(Confidence value);
};

// The answer after the edit, checked against the model. `previous` is the stored answer, if any.
Result<Answer> applyAnswerEdit(const Model& model, const std::optional<Answer>& previous,
                               const std::string& questionId, Id participantId, const AnswerEdit& edit);

// Same level, target, N/A, note and confidence: writing `b` over `a` would change nothing.
bool sameAnswer(const Answer& a, const Answer& b);

// A current level above the target the room set: worth showing, never silently fixed.
bool isAboveTarget(const Answer& answer);

// A level typed by a person: its value ("2", "2.5") or its label ("Largely", case-insensitive, or an
// unambiguous prefix such as "larg"). The message says which levels exist.
Result<double> parseLevel(const Model& model, std::string_view text);

} // namespace mw
