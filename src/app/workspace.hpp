#pragma once
// The application layer's handle on one open database and the models the installation knows. Every front
// door (the CLI, the workbench, the room server) opens one of these and calls the use cases with it.
#include "core/model_registry.hpp"
#include "storage/store.hpp"

#include <filesystem>
#include <memory>
#include <optional>
#include <vector>

namespace mw::app {

// The built-in models plus model folders, loaded when first asked for: commands that never name a model
// do not pay for parsing them. Copies share what was loaded.
class ModelCatalog {
public:
    explicit ModelCatalog(std::vector<std::filesystem::path> folders = {});
    const ModelRegistry& registry() const;
    // One line per model file that was skipped, with the reason.
    const std::vector<std::string>& problems() const;
    bool loaded() const { return state_->registry.has_value(); }

private:
    struct State {
        std::vector<std::filesystem::path> folders;
        std::optional<ModelRegistry> registry;
        std::vector<std::string> problems;
    };
    void load() const;
    std::shared_ptr<State> state_;
};

// Whether writing `output` would replace the database or one of its companion files (-wal, -shm,
// -journal), directly or through a link. No export, report or bundle may be written there.
bool overwritesDatabase(const std::filesystem::path& database, const std::filesystem::path& output);
// The same as a refusal naming both files, or nothing.
Result<void> checkOutputPath(const std::filesystem::path& database, const std::filesystem::path& output);

class Workspace {
public:
    // Opens (creating if needed) and upgrades the database; see Store::open.
    static Result<Workspace> open(const std::filesystem::path& database,
                                  ModelCatalog catalog = ModelCatalog(),
                                  OpenMode mode = OpenMode::CreateIfMissing);

    Store& store() { return store_; }
    const Store& store() const { return store_; }
    const ModelCatalog& catalog() const { return catalog_; }
    const std::filesystem::path& path() const { return store_.path(); }
    // Why today's automatic backup could not be made, or empty (Store::backUpIfDue).
    const std::string& backupProblem() const { return store_.backupProblem(); }

    // A model by id (its newest version) or by file path; an id only the database holds is found in the
    // assessments' snapshots.
    Result<Model> findModel(std::string_view idOrPath) const;

private:
    Workspace(Store store, ModelCatalog catalog);
    Store store_;
    ModelCatalog catalog_;
};

} // namespace mw::app
