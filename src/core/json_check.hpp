#pragma once
// Internal to maturity_core: validation helpers that collect every problem with its JSON path.
#include "error.hpp"
#include "model.hpp"
#include "model_loader.hpp"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace mw::detail {

using nlohmann::json;

inline std::string typeName(const json& value) {
    if (value.is_null())
        return "null";
    if (value.is_boolean())
        return "a boolean";
    if (value.is_number())
        return "a number";
    if (value.is_string())
        return "a string";
    if (value.is_array())
        return "an array";
    return "an object";
}

// Collects problems so that the user sees all of them at once.
class Checker {
public:
    std::vector<std::string> problems;

    void problem(const std::string& path, const std::string& what) { problems.push_back(path + ": " + what); }

    const json* member(const json& object, const std::string& path, const char* key, bool required = true) {
        auto it = object.find(key);
        if (it == object.end()) {
            if (required)
                problem(path.empty() ? key : path + "." + key, "is missing");
            return nullptr;
        }
        return &*it;
    }

    std::optional<std::string> string(const json& object, const std::string& path, const char* key,
                                      bool required = true, bool nonEmpty = true) {
        const json* value = member(object, path, key, required);
        if (!value)
            return std::nullopt;
        const std::string where = join(path, key);
        if (!value->is_string()) {
            problem(where, "expected a string, found " + typeName(*value));
            return std::nullopt;
        }
        auto text = value->get<std::string>();
        if (nonEmpty && text.find_first_not_of(" \t\r\n") == std::string::npos) {
            problem(where, "must not be empty");
            return std::nullopt;
        }
        return text;
    }

    std::optional<double> number(const json& object, const std::string& path, const char* key,
                                 bool required = true) {
        const json* value = member(object, path, key, required);
        if (!value)
            return std::nullopt;
        if (!value->is_number()) {
            problem(join(path, key), "expected a number, found " + typeName(*value));
            return std::nullopt;
        }
        return value->get<double>();
    }

    std::optional<double> weight(const json& object, const std::string& path) {
        if (!object.contains("weight"))
            return 1.0;
        auto value = number(object, path, "weight");
        if (value && *value <= 0) {
            problem(join(path, "weight"), "must be greater than 0, found " + formatNumber(*value));
            return std::nullopt;
        }
        return value;
    }

    std::vector<std::string> stringList(const json& object, const std::string& path, const char* key,
                                        bool required) {
        std::vector<std::string> out;
        const json* value = member(object, path, key, required);
        if (!value)
            return out;
        const std::string where = join(path, key);
        if (!value->is_array()) {
            problem(where, "expected an array, found " + typeName(*value));
            return out;
        }
        for (std::size_t i = 0; i < value->size(); ++i) {
            const json& item = (*value)[i];
            const std::string itemPath = where + "[" + std::to_string(i) + "]";
            if (!item.is_string())
                problem(itemPath, "expected a string, found " + typeName(item));
            else if (item.get<std::string>().find_first_not_of(" \t\r\n") == std::string::npos)
                problem(itemPath, "must not be empty");
            else
                out.push_back(item.get<std::string>());
        }
        return out;
    }

    // All problems as one error: the first in the one-line message, every one in the details.
    Error toError() const {
        const std::size_t count = problems.size();
        std::string summary = problems.front();
        if (count > 1)
            summary += " (and " + std::to_string(count - 1) + " more problem" + (count > 2 ? "s" : "") + ")";
        return Error{summary, problems};
    }

    static std::string join(const std::string& path, const char* key) {
        return path.empty() ? std::string(key) : path + "." + key;
    }
};

// Parses JSON text, then reads it with `read`; errors name the source first.
template <typename Read>
auto parseAndRead(std::string_view text, std::string_view source, Read read) -> decltype(read(json{})) {
    auto parsed = parseJsonText(text, source);
    if (!parsed)
        return std::unexpected(parsed.error());
    auto result = read(*parsed);
    if (!result) {
        Error error = result.error();
        error.message = std::string(source) + ": " + error.message;
        return std::unexpected(error);
    }
    return result;
}

} // namespace mw::detail
