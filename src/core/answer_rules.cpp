#include "answer_rules.hpp"

#include "bundle.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <locale>
#include <sstream>

namespace mw {

AnswerEdit AnswerEdit::setLevel(double value) {
    AnswerEdit edit;
    edit.level = Level::Set;
    edit.current = value;
    return edit;
}
AnswerEdit AnswerEdit::notApplicable(bool notApplicable) {
    AnswerEdit edit;
    edit.level = notApplicable ? Level::NotApplicable : Level::Clear;
    return edit;
}
AnswerEdit AnswerEdit::setTarget(std::optional<double> value) {
    AnswerEdit edit;
    edit.target = value;
    return edit;
}
AnswerEdit AnswerEdit::setNote(std::string text) {
    AnswerEdit edit;
    edit.note = std::move(text);
    return edit;
}
AnswerEdit AnswerEdit::setConfidence(Confidence value) {
    AnswerEdit edit;
    edit.confidence = value;
    return edit;
}

Result<Answer> applyAnswerEdit(const Model& model, const std::optional<Answer>& previous,
                               const std::string& questionId, Id participantId, const AnswerEdit& edit) {
    Answer answer = previous.value_or(Answer{});
    answer.questionId = questionId;
    answer.participantId = participantId;
    switch (edit.level) {
    case AnswerEdit::Level::Keep:
        break;
    case AnswerEdit::Level::Set:
        answer.current = edit.current;
        answer.notApplicable = false;
        break;
    case AnswerEdit::Level::NotApplicable:
        answer.current.reset();
        answer.notApplicable = true;
        break;
    case AnswerEdit::Level::Clear:
        answer.notApplicable = false;
        break;
    case AnswerEdit::Level::Unknown:
        answer.notApplicable = false;
        answer.current.reset();
        break;
    }
    if (edit.target)
        answer.target = *edit.target;
    if (edit.note)
        answer.note = *edit.note;
    if (edit.confidence)
        answer.confidence = *edit.confidence;
    if (auto problem = checkAnswer(model, answer))
        return fail(*problem);
    return answer;
}

bool sameAnswer(const Answer& a, const Answer& b) {
    return a.current == b.current && a.target == b.target && a.notApplicable == b.notApplicable &&
           a.note == b.note && a.confidence == b.confidence;
}

bool isAboveTarget(const Answer& answer) {
    return !answer.notApplicable && answer.current && answer.target &&
           *answer.current > *answer.target + 1e-9;
}

namespace {

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// A decimal number with '.' whatever the user's locale (Qt sets the C locale from the environment, where
// strtod would expect a comma). A stream in the classic locale, since libc++ 16 has no from_chars for double.
std::optional<double> parseNumber(std::string_view text) {
    if (text.empty() || text.size() > 64 || std::isspace(static_cast<unsigned char>(text.front())))
        return std::nullopt;
    std::istringstream in{std::string(text)};
    in.imbue(std::locale::classic());
    double value = 0;
    in >> std::noskipws >> value;
    if (in.fail() || in.peek() != std::char_traits<char>::eof() || !std::isfinite(value))
        return std::nullopt;
    return value;
}

std::string levelList(const Model& model) {
    std::string list;
    for (const auto& level : model.scale)
        list += (list.empty() ? "" : ", ") + formatNumber(level.value) + " " + level.label;
    return list;
}

} // namespace

Result<double> parseLevel(const Model& model, std::string_view text) {
    if (auto number = parseNumber(text))
        return *number; // whether it is on the scale is the answer check's to say
    const std::string wanted = lower(text);
    if (wanted.empty())
        return fail("an empty level; the levels are " + levelList(model));
    std::vector<const ScaleLevel*> matches;
    for (const auto& level : model.scale) {
        const std::string label = lower(level.label);
        if (label == wanted)
            return level.value;
        if (label.starts_with(wanted))
            matches.push_back(&level);
    }
    if (matches.size() == 1)
        return matches.front()->value;
    // Built by appending: GCC 12 warns falsely (-Wrestrict) about "literal" + std::string&& here.
    std::string quoted(1, '\'');
    quoted.append(text);
    quoted += '\'';
    if (matches.empty())
        return fail(quoted + " is not a level of " + model.id + "; the levels are " + levelList(model));
    std::string names;
    for (const auto* match : matches) {
        if (!names.empty())
            names += " or ";
        names += match->label;
    }
    return fail(quoted + " could be " + names + "; type more of the label or the number");
}

} // namespace mw
