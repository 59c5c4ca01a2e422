#include "workspace.hpp"

#include <QFileInfo>
#include <QSettings>

namespace mw::ui {

Workspace::Workspace(QObject* parent)
    : QObject(parent)
    , registry_(ModelRegistry::withBuiltins()) {
    if (qEnvironmentVariableIsSet("MATURITY_MODELS_DIR"))
        registry_.addFolder(qEnvironmentVariable("MATURITY_MODELS_DIR").toStdString());
}

Result<void> Workspace::open(const QString& path) {
    auto store = Store::open(path.toStdString());
    if (!store)
        return std::unexpected(store.error());
    store_.emplace(std::move(*store));
    path_ = QFileInfo(path).absoluteFilePath();
    rememberDatabase(path_);
    emit opened(path_);
    emit portfolioChanged();
    return {};
}

QStringList Workspace::recentDatabases() {
    return QSettings().value("recent/databases").toStringList();
}

void Workspace::rememberDatabase(const QString& path) {
    QStringList recent = recentDatabases();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > 8)
        recent.removeLast();
    QSettings().setValue("recent/databases", recent);
}

} // namespace mw::ui
