#pragma once
// The open database, the known models and the open assessment, shared by every window. Widgets call this
// and the document; this calls the application layer. Nothing in ui/ talks to the store.
#include "app/assessments.hpp"
#include "app/documents.hpp"
#include "app/evidence_package.hpp"
#include "app/sync.hpp"
#include "report/evidence_images.hpp"

#include <QFuture>
#include <QObject>
#include <QPointer>
#include <QString>

#include <optional>

namespace mw::ui {

class AssessmentDocument;

class Workspace : public QObject {
    Q_OBJECT
public:
    explicit Workspace(QObject* parent = nullptr);
    ~Workspace() override;

    // Closes the open assessment (writing what is pending) and opens another database.
    Result<void> open(const QString& path);
    bool isOpen() const { return workspace_.has_value(); }
    QString path() const { return path_; }
    const ModelRegistry& models() const { return catalog_.registry(); }
    // Model files that were skipped, one line each.
    QStringList modelProblems() const;
    // Why the day's automatic backup could not be made, or empty.
    QString backupProblem() const;
    // The application layer's workspace, for tests and tools that check what reached the disk.
    app::Workspace& app() { return *workspace_; }

    Result<std::vector<Client>> clients();
    Result<std::vector<AssessmentInfo>> assessments();
    Result<app::ComparisonState> compare(Id before, Id after);

    // The open assessment: at most one; the workspace owns it.
    AssessmentDocument* document() const;
    Result<AssessmentDocument*> openAssessment(Id id);
    void closeAssessment();
    // Starts an assessment (a follow-up when the request names a baseline) and opens it.
    Result<AssessmentDocument*> startAssessment(const app::StartRequest& request);
    // Starts a follow-up of `baseline` from its answers, and opens it.
    Result<AssessmentDocument*> startFollowUp(Id baseline, const app::StartRequest& request);

    // What leaves the workspace; the open assessment's pending note is written first.
    Result<ReportData> reportData(Id id);
    Result<Bundle> exportBundle(Id id);
    Result<ImportOutcome> importBundle(const Bundle& bundle);
    // A package (.mwz) with the evidence files, each on a connection of its own off the UI thread. Call
    // imported() with an import's outcome once it is back.
    // With a password the package is sealed, or opened. Shared: a secret cannot be copied, and the task
    // may outlive the call.
    QFuture<Result<app::PackageWritten>> writePackage(Id id, const QString& path,
                                                      std::shared_ptr<const Secret> password = {});
    // Reads evidence files for a report written off the UI thread, on a connection it opens when first
    // asked (on the report's thread) and closes when the last copy goes.
    EvidenceBytes evidenceReader() const;
    QFuture<Result<ImportOutcome>> importPackage(const QString& path,
                                                 std::shared_ptr<const Secret> password = {});
    // What an import changed reaches the views: the portfolio, and the open assessment when the import
    // merged into it (it is read again).
    void imported(const ImportOutcome& outcome);

    // The team hub. A sync runs on a connection of its own off the UI thread (the note being typed is
    // written first); call synced() with its outcome once it is back. Without an address, the one the
    // database remembers.
    QFuture<Result<app::SyncOutcome>> sync(const std::optional<QString>& address = {});
    // What a sync changed reaches the views: the open assessment is read again when anything arrived.
    void synced(const app::SyncOutcome& outcome);
    Result<SyncStatus> syncStatus() const;
    Result<std::vector<SyncConflict>> conflicts();
    // Resolving with restore changes a value, which the open assessment then shows.
    Result<SyncConflict> resolveConflict(std::int64_t conflictId, bool restoreLost);

    // Tell every view that clients or assessments changed (created, imported, renamed).
    void notifyPortfolioChanged() { emit portfolioChanged(); }

    static QStringList recentDatabases();
    static void rememberDatabase(const QString& path);

signals:
    void opened(const QString& path);
    // The day's automatic backup could not be made (the work itself is saved).
    void backupFailed(const QString& problem);
    void portfolioChanged();
    void documentChanged(mw::ui::AssessmentDocument* document);

private:
    void writePending();
    // Reads the open assessment again, at the same question: something changed it under the view.
    void reopenDocument();
    app::ModelCatalog catalog_;
    std::optional<app::Workspace> workspace_;
    QPointer<AssessmentDocument> document_;
    QString path_;
    QFuture<std::string> backupTask_; // the day's copy, made when the database opens
};

} // namespace mw::ui
