#include "platform/app_paths.hpp"

#include <QDir>
#include <QStandardPaths>

namespace mw {

QString defaultDatabasePath() {
    QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (folder.isEmpty())
        folder = QDir::homePath() + "/.local/share/maturity-workbench";
    QDir().mkpath(folder); // the application's own folder is made on first use; a --db folder never is
    return QDir(folder).filePath("maturity.db");
}

QString resolveDatabasePath(const QString& fromOption) {
    if (!fromOption.isEmpty())
        return fromOption;
    const QString fromEnvironment = qEnvironmentVariable("MATURITY_DB");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    return defaultDatabasePath();
}

std::vector<std::filesystem::path> modelFolders(const QString& fromOption) {
    std::vector<std::filesystem::path> folders;
    if (!fromOption.isEmpty())
        folders.emplace_back(fromOption.toStdString());
    if (qEnvironmentVariableIsSet("MATURITY_MODELS_DIR"))
        folders.emplace_back(qEnvironmentVariable("MATURITY_MODELS_DIR").toStdString());
    return folders;
}

} // namespace mw
