#pragma once
// Where the CLI and the workbench find their database: the same rules for both front doors.
#include <QString>

namespace mw {

// The platform's application-data folder, e.g.
// ~/.local/share/MaturityWorkbench/maturity-workbench/maturity.db.
QString defaultDatabasePath();
// --db, else MATURITY_DB, else the default.
QString resolveDatabasePath(const QString& fromOption);

} // namespace mw
