#pragma once
// Where the CLI and the workbench find their database and extra models: the same rules for both front doors.
#include <QString>

#include <filesystem>
#include <vector>

namespace mw {

// The platform's application-data folder, e.g.
// ~/.local/share/MaturityWorkbench/maturity-workbench/maturity.db.
QString defaultDatabasePath();
// --db, else MATURITY_DB, else the default.
QString resolveDatabasePath(const QString& fromOption);
// Extra model folders: --models-dir (when given), then MATURITY_MODELS_DIR.
std::vector<std::filesystem::path> modelFolders(const QString& fromOption = {});

} // namespace mw
