#include "model_registry.hpp"

#include "core/builtin_models.hpp"
#include "model_loader.hpp"

#include <algorithm>

namespace mw {

ModelRegistry ModelRegistry::withBuiltins() {
    ModelRegistry registry;
    for (const auto& [name, text] : builtinModelTexts()) {
        auto model = loadModelText(text, name);
        // Built-in models are validated by the test suite; a broken one is a build defect.
        if (!model)
            throw std::logic_error("built-in model " + std::string(name) +
                                   " is invalid: " + model.error().message);
        registry.add(std::move(*model));
    }
    return registry;
}

std::vector<std::string> ModelRegistry::addFolder(const std::filesystem::path& folder) {
    std::vector<std::string> problems;
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec))
        return problems;
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec))
        if (entry.path().extension() == ".json" &&
            entry.path().filename().string().find(".schema.") == std::string::npos)
            files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
        auto model = loadModelFile(file);
        if (model)
            add(std::move(*model));
        else
            problems.push_back(model.error().message);
    }
    return problems;
}

void ModelRegistry::add(Model model) {
    auto same = std::find_if(models_.begin(), models_.end(),
                             [&](const Model& m) { return m.id == model.id && m.version == model.version; });
    if (same != models_.end())
        *same = std::move(model);
    else
        models_.push_back(std::move(model));
}

Result<Model> ModelRegistry::find(std::string_view idOrPath) const {
    const auto at = idOrPath.find('@');
    const std::string_view id = idOrPath.substr(0, at);
    const std::string_view version = at == std::string_view::npos ? "" : idOrPath.substr(at + 1);
    const Model* best = nullptr;
    for (const auto& model : models_)
        if (model.id == id && (version.empty() ? !best || isNewerVersion(model.version, best->version)
                                               : model.version == version))
            best = &model;
    if (best)
        return *best;
    if (idOrPath.ends_with(".json"))
        return loadModelFile(std::filesystem::path(idOrPath));
    // One entry per id, its versions newest first: "itot-convergence (2.0.0, 1.0.0)".
    std::map<std::string, std::vector<std::string>> versions;
    for (const auto& model : models_)
        versions[model.id].push_back(model.version);
    std::map<std::string, std::string> joined;
    for (auto& [knownId, list] : versions) {
        std::sort(list.begin(), list.end(),
                  [](const std::string& a, const std::string& b) { return isNewerVersion(a, b); });
        for (const auto& v : list)
            joined[knownId] += (joined[knownId].empty() ? "" : ", ") + v;
    }
    if (auto same = joined.find(std::string(id)); same != joined.end())
        return fail("model " + same->first + " has no version " + std::string(version) + "; it has " +
                    same->second);
    std::string known;
    for (const auto& [knownId, list] : joined)
        known += (known.empty() ? "" : "; ") + knownId + " (" + list + ")";
    return fail("unknown model '" + std::string(idOrPath) + "'; known models: " +
                (known.empty() ? "none" : known) + " (or give the path of a model .json file)");
}

} // namespace mw
