#include "json_text.hpp"

#include <cmath>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace mw {

using nlohmann::json;

namespace {

// A refusal raised from inside the parser's callback: the parse stops there.
struct JsonRefusal : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Where the parser is, as a JSON path ("answers[].note"), for messages.
std::string pathOf(const std::vector<std::string>& keys, const std::vector<bool>& inArray) {
    std::string path;
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (i > 0 && inArray[i - 1])
            path += "[]";
        if (!keys[i].empty())
            path += (path.empty() ? "" : ".") + keys[i];
    }
    return path.empty() ? "the top level" : path.size() <= 80 ? path : path.substr(0, 77) + "...";
}

std::string shortened(const std::string& text) {
    return text.size() <= 60 ? text : text.substr(0, 57) + "...";
}

// Line and column of a byte offset, for a person to find it.
std::string lineAndColumn(std::string_view text, std::size_t byte) {
    std::size_t line = 1, column = 1;
    const std::size_t end = std::min<std::size_t>(byte == 0 ? 0 : byte - 1, text.size());
    for (std::size_t i = 0; i < end; ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

} // namespace

Result<nlohmann::json> parseJsonText(std::string_view text, std::string_view source) {
    // One frame per open object or array: its keys so far (duplicates are refused, not silently replaced),
    // the key it sits under, and whether it is an array.
    std::vector<std::set<std::string>> seen;
    std::vector<std::string> keys;
    std::vector<bool> inArray;
    std::string pendingKey;
    auto open = [&](bool array) {
        if (seen.size() >= kMaxJsonDepth)
            throw JsonRefusal("nested deeper than " + std::to_string(kMaxJsonDepth) + " levels at " +
                              pathOf(keys, inArray));
        seen.emplace_back();
        keys.push_back(pendingKey);
        inArray.push_back(array);
        pendingKey.clear();
    };
    auto close = [&] {
        seen.pop_back();
        keys.pop_back();
        inArray.pop_back();
    };
    const json::parser_callback_t watch = [&](int, json::parse_event_t event, json& parsed) {
        switch (event) {
        case json::parse_event_t::object_start:
            open(false);
            break;
        case json::parse_event_t::array_start:
            open(true);
            break;
        case json::parse_event_t::object_end:
        case json::parse_event_t::array_end:
            close();
            break;
        case json::parse_event_t::key:
            pendingKey = parsed.get<std::string>();
            if (!seen.back().insert(pendingKey).second)
                throw JsonRefusal("duplicate key '" + shortened(pendingKey) + "' in " +
                                  pathOf(keys, inArray));
            break;
        case json::parse_event_t::value:
            pendingKey.clear();
            break;
        }
        return true;
    };
    try {
        return json::parse(text, watch);
    } catch (const json::parse_error& error) {
        std::string what = error.what();
        if (auto pos = what.find("syntax error while parsing value - "); pos != std::string::npos)
            what = what.substr(pos + 35);
        else if (auto colon = what.rfind(": "); colon != std::string::npos)
            what = what.substr(colon + 2);
        return fail(std::string(source) + ": " + lineAndColumn(text, error.byte) + ": invalid JSON: " + what);
    } catch (const json::out_of_range&) {
        return fail(std::string(source) + ": invalid JSON: a number is too large (beyond about 1.8e308)");
    } catch (const JsonRefusal& refusal) {
        return fail(std::string(source) + ": " + refusal.what());
    } catch (const json::exception& error) {
        return fail(std::string(source) + ": invalid JSON: " + error.what());
    }
}

Result<std::string> readTextFile(const std::filesystem::path& path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        return fail(path.string() + ": no such file");
    if (std::filesystem::is_directory(path, ec))
        return fail(path.string() + ": is a folder, not a file");
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return fail(path.string() + ": cannot be read (check its permissions)");
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

} // namespace mw
