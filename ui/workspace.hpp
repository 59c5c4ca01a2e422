#pragma once
// The open database and the known models, shared by every window. Widgets talk to this, never to SQL.
#include "core/model_registry.hpp"
#include "storage/store.hpp"

#include <QObject>
#include <QString>

#include <optional>

namespace mw::ui {

class Workspace : public QObject {
    Q_OBJECT
public:
    explicit Workspace(QObject* parent = nullptr);

    Result<void> open(const QString& path);
    bool isOpen() const { return store_.has_value(); }
    QString path() const { return path_; }
    Store& store() { return *store_; }
    const ModelRegistry& models() const { return registry_; }

    // Tell every view that clients or assessments changed (created, imported, renamed).
    void notifyPortfolioChanged() { emit portfolioChanged(); }

    static QStringList recentDatabases();
    static void rememberDatabase(const QString& path);

signals:
    void opened(const QString& path);
    void portfolioChanged();

private:
    std::optional<Store> store_;
    ModelRegistry registry_;
    QString path_;
};

} // namespace mw::ui
