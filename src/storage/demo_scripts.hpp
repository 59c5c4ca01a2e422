#pragma once
#include <string_view>
#include <utility>
#include <vector>

namespace mw {
// (file name, JSON text) of every demo script in assets/demo, generated at build time.
const std::vector<std::pair<std::string_view, std::string_view>>& demoScriptTexts();
} // namespace mw
