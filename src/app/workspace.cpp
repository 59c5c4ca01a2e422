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

// Where writing to `path` lands: links followed even when they point at a file that does not exist yet
// (a -wal file between sessions), which weakly_canonical alone would not resolve.
static std::filesystem::path landingPlace(std::filesystem::path path) {
    std::error_code ec;
    for (int hops = 0; hops < 40 && std::filesystem::is_symlink(path, ec); ++hops) {
        const auto target = std::filesystem::read_symlink(path, ec);
        if (ec)
            break;
        path = target.is_absolute() ? target : path.parent_path() / target;
    }
    return path;
}

bool overwritesDatabase(const std::filesystem::path& database, const std::filesystem::path& output) {
    std::error_code ec;
    const auto target = std::filesystem::weakly_canonical(landingPlace(output), ec);
    if (ec)
        return false;
    const auto base = std::filesystem::weakly_canonical(database, ec);
    if (ec)
        return false;
    for (const char* companion : {"", "-wal", "-shm", "-journal"})
        if (target == std::filesystem::path(base.string() + companion))
            return true;
    return false;
}

Result<void> checkOutputPath(const std::filesystem::path& database, const std::filesystem::path& output) {
    if (overwritesDatabase(database, output))
        return fail(output.string() + " is the database " + database.string() +
                    " (or one of its files); write the export somewhere else");
    return {};
}

Result<Workspace> Workspace::open(const std::filesystem::path& database, ModelCatalog catalog,
                                  OpenMode mode) {
    auto store = Store::open(database, mode);
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
