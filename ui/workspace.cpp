#include "workspace.hpp"

#include "app/backups.hpp"
#include "app/evidence.hpp"
#include "assessment_document.hpp"
#include "platform/app_paths.hpp"
#include "platform/qt_text.hpp"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QSettings>
#include <QtConcurrent/QtConcurrentRun>

namespace mw::ui {

Workspace::Workspace(QObject* parent)
    : QObject(parent)
    , catalog_(modelFolders()) {}

Workspace::~Workspace() {
    // The document writes what is pending through the application workspace: close it while that exists.
    closeAssessment();
    backupTask_.waitForFinished(); // never leave a copy half-written behind
}

QStringList Workspace::modelProblems() const {
    QStringList problems;
    for (const auto& problem : catalog_.problems())
        problems << q(problem);
    return problems;
}

Result<void> Workspace::open(const QString& path) {
    backupTask_.waitForFinished();
    auto database = app::Workspace::open(s(path), catalog_);
    if (!database)
        return std::unexpected(database.error());
    closeAssessment();
    workspace_.emplace(std::move(*database));
    path_ = QFileInfo(path).absoluteFilePath();
    rememberDatabase(path_);
    // The day's copy is made now, off the UI thread, before the first change needs it.
    auto* watcher = new QFutureWatcher<std::string>(this);
    connect(watcher, &QFutureWatcher<std::string>::finished, this, [this, watcher] {
        watcher->deleteLater();
        if (!watcher->result().empty())
            emit backupFailed(q(watcher->result()));
    });
    backupTask_ = QtConcurrent::run([database = workspace_->path()] { return app::backUpIfDue(database); });
    watcher->setFuture(backupTask_);
    emit opened(path_);
    emit portfolioChanged();
    return {};
}

QString Workspace::backupProblem() const {
    return workspace_ ? q(workspace_->backupProblem()) : QString();
}

Result<std::vector<Client>> Workspace::clients() {
    return app::listClients(*workspace_);
}

Result<std::vector<AssessmentInfo>> Workspace::assessments() {
    return app::listAssessments(*workspace_);
}

Result<app::ComparisonState> Workspace::compare(Id before, Id after) {
    writePending();
    return app::compare(*workspace_, before, after);
}

AssessmentDocument* Workspace::document() const {
    return document_;
}

Result<AssessmentDocument*> Workspace::openAssessment(Id id) {
    if (document_ && document_->id() == id)
        return document_.data();
    auto state = app::loadAssessment(*workspace_, id);
    if (!state)
        return std::unexpected(state.error());
    AssessmentDocument* previous = document_;
    document_ = new AssessmentDocument(*workspace_, std::move(*state), this);
    connect(document_, &AssessmentDocument::detailsChanged, this, &Workspace::portfolioChanged);
    emit documentChanged(document_);
    delete previous; // writes its pending note
    return document_.data();
}

void Workspace::closeAssessment() {
    if (!document_)
        return;
    AssessmentDocument* previous = document_;
    document_ = nullptr;
    emit documentChanged(nullptr);
    delete previous;
}

Result<AssessmentDocument*> Workspace::startAssessment(const app::StartRequest& request) {
    writePending();
    auto started = app::startAssessment(*workspace_, request);
    if (!started)
        return std::unexpected(started.error());
    emit portfolioChanged();
    return openAssessment(started->id);
}

Result<AssessmentDocument*> Workspace::startFollowUp(Id baseline, const app::StartRequest& request) {
    writePending();
    auto started = app::startFollowUp(*workspace_, baseline, request);
    if (!started)
        return std::unexpected(started.error());
    emit portfolioChanged();
    return openAssessment(started->id);
}

void Workspace::writePending() {
    if (document_)
        document_->writePending();
}

QFuture<Result<app::SyncOutcome>> Workspace::sync(const std::optional<QString>& address) {
    writePending();
    std::optional<std::string> target;
    if (address)
        target = s(*address);
    return QtConcurrent::run(
        [database = workspace_->path(), catalog = catalog_, target]() -> Result<app::SyncOutcome> {
            auto connection = app::Workspace::open(database, catalog, OpenMode::ExistingOnly);
            if (!connection)
                return std::unexpected(connection.error());
            return app::syncWithHub(*connection, target);
        });
}

void Workspace::reopenDocument() {
    if (!document_)
        return;
    const Id id = document_->id();
    const int question = document_->currentIndex();
    closeAssessment();
    if (auto reopened = openAssessment(id))
        (*reopened)->setCurrentIndex(question);
}

void Workspace::synced(const app::SyncOutcome& outcome) {
    if (outcome.applied == 0)
        return;
    reopenDocument();
    emit portfolioChanged();
}

Result<SyncStatus> Workspace::syncStatus() const {
    return app::syncStatus(*workspace_);
}

Result<std::vector<SyncConflict>> Workspace::conflicts() {
    return app::conflicts(*workspace_);
}

Result<SyncConflict> Workspace::resolveConflict(std::int64_t conflictId, bool restoreLost) {
    writePending();
    auto resolved = app::resolveConflict(*workspace_, conflictId, restoreLost);
    if (resolved && restoreLost) {
        reopenDocument();
        emit portfolioChanged();
    }
    return resolved;
}

Result<ReportData> Workspace::reportData(Id id) {
    writePending();
    return app::reportData(*workspace_, id);
}

Result<Bundle> Workspace::exportBundle(Id id) {
    writePending();
    return app::exportBundle(*workspace_, id);
}

Result<ImportOutcome> Workspace::importBundle(const Bundle& bundle) {
    auto outcome = app::importBundle(*workspace_, bundle);
    if (outcome)
        imported(*outcome);
    return outcome;
}

void Workspace::imported(const ImportOutcome& outcome) {
    if (outcome.alreadyPresent)
        return;
    // A merge into the open assessment changed its answers and evidence under it: read it again.
    if (outcome.merged && document_ && document_->id() == outcome.assessmentId)
        reopenDocument();
    emit portfolioChanged();
}

QFuture<Result<app::PackageWritten>> Workspace::writePackage(Id id, const QString& path,
                                                             std::shared_ptr<const Secret> password) {
    writePending();
    return QtConcurrent::run([database = workspace_->path(), catalog = catalog_, id, target = s(path),
                              password]() -> Result<app::PackageWritten> {
        auto connection = app::Workspace::open(database, catalog, OpenMode::ExistingOnly);
        if (!connection)
            return std::unexpected(connection.error());
        return app::writePackage(*connection, id, target, password.get());
    });
}

EvidenceBytes Workspace::evidenceReader() const {
    struct Reader {
        std::filesystem::path database;
        app::ModelCatalog catalog;
        std::optional<app::Workspace> connection;
        bool refused = false;
    };
    auto reader = std::make_shared<Reader>(Reader{workspace_->path(), catalog_, std::nullopt});
    return [reader](const Evidence& evidence) -> std::optional<std::string> {
        if (!reader->connection && !reader->refused) {
            auto opened = app::Workspace::open(reader->database, reader->catalog, OpenMode::ExistingOnly);
            if (opened)
                reader->connection.emplace(std::move(*opened));
            reader->refused = !opened;
        }
        if (!reader->connection)
            return std::nullopt;
        auto content = app::readEvidenceContent(*reader->connection, evidence, kDecodableImageLimit);
        return content ? std::optional(std::move(*content)) : std::nullopt;
    };
}

QFuture<Result<ImportOutcome>> Workspace::importPackage(const QString& path,
                                                        std::shared_ptr<const Secret> password) {
    writePending();
    return QtConcurrent::run([database = workspace_->path(), catalog = catalog_, package = s(path),
                              password]() -> Result<ImportOutcome> {
        auto connection = app::Workspace::open(database, catalog, OpenMode::ExistingOnly);
        if (!connection)
            return std::unexpected(connection.error());
        return app::importPackage(*connection, package, password.get());
    });
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
