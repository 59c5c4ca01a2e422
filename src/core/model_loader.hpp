#pragma once
#include "error.hpp"
#include "json_text.hpp"
#include "model.hpp"

#include <filesystem>
#include <string>
#include <string_view>

namespace mw {

// Validates a model and reports every problem with its JSON path, e.g.
// "dimensions[2].questions[4].levels: 5 descriptors, the scale has 6".
Result<Model> loadModel(const nlohmann::json& json);
// `source` names the text in messages (a file name, "bundle", ...).
Result<Model> loadModelText(std::string_view text, std::string_view source);
Result<Model> loadModelFile(const std::filesystem::path& path);
// What a valid model says that its aggregation rule will not act on, e.g. question weights in a
// level-sum model: one line each.
std::vector<std::string> modelWarnings(const Model& model);

// Ids (of models, dimensions, questions) and versions are at most this long.
inline constexpr std::size_t kMaxIdLength = 100;

} // namespace mw
