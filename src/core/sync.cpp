#include "core/sync.hpp"

#include <array>

namespace mw {

namespace {
constexpr std::array<std::string_view, 6> kKinds = {"client",      "snapshot", "assessment",
                                                    "participant", "answer",   "action"};
}

std::string_view toString(ChangeOp op) {
    switch (op) {
    case ChangeOp::Insert:
        return "insert";
    case ChangeOp::Update:
        return "update";
    case ChangeOp::Delete:
        return "delete";
    }
    return "update";
}

std::optional<ChangeOp> changeOpFromString(std::string_view text) {
    for (ChangeOp op : {ChangeOp::Insert, ChangeOp::Update, ChangeOp::Delete})
        if (toString(op) == text)
            return op;
    return std::nullopt;
}

bool laterThan(std::int64_t hlc, std::string_view origin, std::int64_t otherHlc,
               std::string_view otherOrigin) {
    return hlc != otherHlc ? hlc > otherHlc : origin > otherOrigin;
}

std::optional<std::string> malformedChange(const SyncChange& change) {
    if (change.origin.empty() || change.origin.size() > 64)
        return "its origin is missing or too long";
    if (change.seq <= 0)
        return "its sequence number is not positive";
    if (change.hlc <= 0)
        return "its clock is not positive";
    bool knownKind = false;
    for (auto kind : kKinds)
        knownKind = knownKind || kind == change.kind;
    if (!knownKind)
        return "its kind '" + change.kind + "' is not one this version knows";
    if (change.key.empty() || change.key.size() > 1024)
        return "its key is missing or too long";
    if (!change.fields.is_object())
        return "its fields are not an object";
    if (change.op == ChangeOp::Delete && !change.fields.empty())
        return "it deletes and changes fields at once";
    if (change.op != ChangeOp::Delete && change.fields.empty())
        return "it changes no field";
    for (const auto& [name, value] : change.fields.items()) {
        const bool questions = change.kind == "action" && name == "questions";
        if (questions) {
            if (!value.is_array())
                return "its field 'questions' is not a list";
            for (const auto& item : value)
                if (!item.is_string())
                    return "its field 'questions' holds something other than question ids";
        } else if (value.is_structured()) {
            return "its field '" + name + "' is not a plain value";
        }
    }
    return std::nullopt;
}

} // namespace mw
