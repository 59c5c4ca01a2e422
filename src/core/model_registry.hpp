#pragma once
#include "error.hpp"
#include "model.hpp"

#include <filesystem>
#include <map>

namespace mw {

// The maturity models an installation knows: those built into the program plus *.json files in folders.
class ModelRegistry {
public:
    // Loads the models compiled into the program (models/*.json at build time).
    static ModelRegistry withBuiltins();
    // Adds every valid model in a folder; returns one line per file that failed to load.
    std::vector<std::string> addFolder(const std::filesystem::path& folder);
    void add(Model model);

    const std::vector<Model>& models() const { return models_; }
    // The newest version of a model id, one version as "id@version", or a model file path.
    Result<Model> find(std::string_view idOrPath) const;
    static constexpr std::string_view defaultModelId = "itot-convergence";

private:
    std::vector<Model> models_;
};

} // namespace mw
