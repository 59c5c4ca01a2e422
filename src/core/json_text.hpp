#pragma once
// Strict JSON text for everything the program reads (models, bundles, demo scripts, room requests).
#include "error.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <string_view>

namespace mw {

// Deeper JSON is refused: no model or bundle nests this far, and a deeper one would only exhaust the stack.
inline constexpr std::size_t kMaxJsonDepth = 64;
// Parses JSON text strictly: a syntax error names its line and column ("SOURCE: line L, column C: what");
// duplicate keys, nesting beyond kMaxJsonDepth and numbers beyond a double's range are refused with their
// JSON path.
Result<nlohmann::json> parseJsonText(std::string_view text, std::string_view source);
Result<std::string> readTextFile(const std::filesystem::path& path);

} // namespace mw
