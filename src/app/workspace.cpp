#include "app/workspace.hpp"

namespace mw::app {

ModelCatalog::ModelCatalog(std::vector<std::filesystem::path> folders)
    : state_(std::make_shared<State>(State{std::move(folders), std::nullopt, {}})) {}

void ModelCatalog::load() const {
    if (state_->registry)
        return;
    ModelRegistry registry = ModelRegistry::withBuiltins();
    for (const auto& folder : state_->folders)
        for (auto& problem : registry.addFolder(folder))
            state_->problems.push_back(std::move(problem));
    state_->registry.emplace(std::move(registry));
}

const ModelRegistry& ModelCatalog::registry() const {
    load();
    return *state_->registry;
}

const std::vector<std::string>& ModelCatalog::problems() const {
    load();
    return state_->problems;
}

Workspace::Workspace(Store store, ModelCatalog catalog)
    : store_(std::move(store))
    , catalog_(std::move(catalog)) {}

Result<Workspace> Workspace::open(const std::filesystem::path& database, ModelCatalog catalog) {
    auto store = Store::open(database);
    if (!store)
        return std::unexpected(store.error());
    return Workspace(std::move(*store), std::move(catalog));
}

Result<Model> Workspace::findModel(std::string_view idOrPath) const {
    auto known = catalog_.registry().find(idOrPath);
    if (known || idOrPath.ends_with(".json"))
        return known;
    auto held = store_.latestModelSnapshot(idOrPath);
    if (!held)
        return std::unexpected(held.error());
    if (*held)
        return std::move(**held);
    return known;
}

} // namespace mw::app
