#include "room/requests.hpp"

#include "core/model_loader.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace mw::room {

using Json = nlohmann::json;

std::string lowered(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

Refusal refuse(int status, std::string message) {
    return {status, std::move(message)};
}

namespace {

std::size_t codePoints(const std::string& text) {
    return static_cast<std::size_t>(std::count_if(
        text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

bool hasControlCharacters(const std::string& text, bool allowNewlines) {
    return std::any_of(text.begin(), text.end(), [&](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return (byte < 0x20 && !(allowNewlines && (c == '\n' || c == '\t'))) || byte == 0x7f;
    });
}

// The body as a JSON object, or why not (the strict parser: no duplicate keys, bounded nesting).
Outcome<Json> parseObject(std::string_view body) {
    auto json = parseJsonText(body, "the request");
    if (!json)
        return std::unexpected(refuse(400, json.error().message));
    if (!json->is_object())
        return std::unexpected(refuse(400, "the body must be a JSON object"));
    return std::move(*json);
}

// A string field of at most `limit` characters, trimmed; required unless `optional`.
Outcome<std::string> textField(const Json& json, const char* name, std::size_t limit, bool optional,
                               bool allowNewlines = false) {
    const auto it = json.find(name);
    if (it == json.end() || it->is_null()) {
        if (optional)
            return std::string();
        return std::unexpected(refuse(400, std::string("'") + name + "' is missing"));
    }
    if (!it->is_string())
        return std::unexpected(refuse(400, std::string("'") + name + "' must be a string"));
    std::string text = trimmed(it->get<std::string>());
    if (!optional && text.empty())
        return std::unexpected(refuse(400, std::string("'") + name + "' is empty"));
    if (codePoints(text) > limit)
        return std::unexpected(refuse(400, std::string("'") + name + "' is longer than " +
                                               std::to_string(limit) + " characters"));
    if (hasControlCharacters(text, allowNewlines))
        return std::unexpected(refuse(400, std::string("'") + name + "' holds control characters"));
    return text;
}

} // namespace

Outcome<JoinRequest> parseJoinRequest(std::string_view body, const RoomLimits& limits) {
    auto json = parseObject(body);
    if (!json)
        return std::unexpected(json.error());
    auto name = textField(*json, "name", limits.maxNameLength, false);
    if (!name)
        return std::unexpected(name.error());
    auto group = textField(*json, "group", limits.maxNameLength, false);
    if (!group)
        return std::unexpected(group.error());
    return JoinRequest{std::move(*name), std::move(*group)};
}

Outcome<VoteRequest> parseVoteRequest(std::string_view body, const RoomLimits& limits, const Model& model) {
    auto json = parseObject(body);
    if (!json)
        return std::unexpected(json.error());
    auto uid = textField(*json, "participant", 64, false);
    auto key = textField(*json, "key", 64, false);
    auto question = textField(*json, "question", 64, false);
    auto comment = textField(*json, "comment", limits.maxCommentLength, true, true);
    for (const auto* field : {&uid, &key, &question, &comment})
        if (!*field)
            return std::unexpected(field->error());
    const auto level = json->find("level");
    if (level == json->end())
        return std::unexpected(
            refuse(400, "'level' is missing (a number on the scale, or null for don't know)"));
    std::optional<double> value;
    if (!level->is_null()) {
        if (!level->is_number())
            return std::unexpected(
                refuse(400, "'level' must be a number on the scale, or null for don't know"));
        value = level->get<double>();
        const bool onScale = std::any_of(model.scale.begin(), model.scale.end(), [&](const ScaleLevel& l) {
            return std::abs(l.value - *value) < 1e-9;
        });
        if (!onScale)
            return std::unexpected(refuse(400, "level " + formatExact(*value) + " is off the scale " +
                                                   formatNumber(model.minScore()) + "–" +
                                                   formatNumber(model.maxScore())));
    }
    return VoteRequest{std::move(*uid), std::move(*key), std::move(*question), value, std::move(*comment)};
}

} // namespace mw::room
