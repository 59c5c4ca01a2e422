#pragma once
#include "app/documents.hpp"
#include "core/assessment.hpp"
#include "core/error.hpp"

#include <QFuture>
#include <QMainWindow>
#include <QPointer>

class QLabel;
class QSplitter;
class QTabWidget;
class QUndoGroup;

namespace mw::ui {

class AssessmentDocument;
class ComparePage;
class DashboardPage;
class EditorPage;
class EvidencePage;
class LiveRoom;
class PortfolioView;
class RoomPage;
class ActionPlanPage;
class Workspace;
struct NewAssessmentRequest;

// A file name from a client's and assessment's names, without characters file systems refuse.
QString safeFileName(QString name);
// Where file dialogs start: the user's documents folder, or home when there is none.
QString documentsFolder();

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(Workspace& workspace, QWidget* parent = nullptr);
    ~MainWindow() override;

    Result<void> openAssessment(Id id);
    Result<Id> createAssessment(const NewAssessmentRequest& request, std::optional<Id> baseline = {},
                                bool copyBaselineAnswers = false);
    AssessmentDocument* document() const;
    EditorPage* editor() const { return editor_; }
    DashboardPage* dashboard() const { return dashboard_; }
    ComparePage* comparePage() const { return compare_; }
    RoomPage* roomPage() const { return room_; }
    ActionPlanPage* actionPlanPage() const { return actionPlan_; }
    EvidencePage* evidencePage() const { return evidence_; }
    PortfolioView* portfolio() const { return portfolio_; }
    QTabWidget* tabs() const { return tabs_; }
    void showPage(int index);
    LiveRoom* liveRoom() const { return liveRoom_; }
    // Opens (or closes) the room for voting from phones, for the open assessment.
    Result<void> setRoomOpen(bool open);

    // Exports run off the UI thread; the future holds the outcome.
    QFuture<Result<void>> exportReport(const QString& path);
    QFuture<Result<void>> exportComparison(Id before, Id after, const QString& path);
    QFuture<Result<void>> exportSpreadsheet(const QString& path);
    // A bundle of the open assessment: plain JSON, or sealed when a password is given (Argon2id takes
    // about half a second, so it runs off the UI thread too).
    QFuture<Result<void>> exportBundleFile(const QString& path, std::optional<Secret> password);
    // Reads the file (asking for its password when it is sealed, again when it does not open it),
    // imports it all or nothing and opens the assessment.
    void importBundleFile(const QString& path);
    // A package (.mwz): the bundle with its evidence files, written or imported on a connection of its
    // own off the UI thread; an import keeps nothing unless all of it lands.
    // With a password the package is sealed, its files too.
    QFuture<Result<void>> exportPackageFile(const QString& path, std::optional<Secret> password = {});
    // A sealed package asks for its password (again, saying why, when it does not open it).
    void importPackageFile(const QString& path, const QString& problem = QString());
    // Syncs with the team hub off the UI thread (asking for its address the first time); quiet: the
    // background sync, which only updates the status. The future is ready when the views show the result.
    QFuture<void> syncNow(bool quiet = false);
    void showConflicts();
    QLabel* syncLabel() const { return syncLabel_; }

protected:
    void closeEvent(QCloseEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void buildMenus();
    void buildFileMenu();
    void buildEditMenu();
    void buildViewMenu();
    void buildHelpMenu();
    void buildToolbar();
    void showDocument(AssessmentDocument* document);
    QString suggestedFileName(const QString& extension) const;
    void openInitialAssessment();
    void updateTitle();
    void updateActions();
    void newAssessment();
    void startFollowUp();
    void openDatabase();
    void newDatabase();
    void switchDatabase(const QString& path);
    void rebuildRecentMenu();
    void exportWithDialog(const QString& caption, const QString& filter, const QString& suggested,
                          const std::function<QFuture<Result<void>>(const QString&)>& start);
    void showExportProgress(const QString& path, QFuture<Result<void>> future);
    void openSealedBundle(const QString& path, const QString& problem);
    void finishImport(const QString& path, Result<Bundle> bundle);
    void refuseImport(const QString& path, const Error& error);
    void showImported(const ImportOutcome& outcome);
    void exportBundle();
    void importBundle();
    void presenterMode();
    void showSettings();
    void editDetails();
    void addParticipant();
    void showMerge(const ImportOutcome& outcome);
    void showError(const QString& message);
    void buildRoomActions(QMenu* menu);
    void connectRoom(AssessmentDocument* document);
    void updateRoomStatus();
    void buildSync(QMenu* file);
    void updateSyncStatus();

    Workspace& workspace_;
    PortfolioView* portfolio_;
    QTabWidget* tabs_;
    QSplitter* splitter_ = nullptr;
    EditorPage* editor_;
    DashboardPage* dashboard_;
    ComparePage* compare_;
    RoomPage* room_;
    ActionPlanPage* actionPlan_;
    EvidencePage* evidence_;
    QUndoGroup* undoGroup_;
    QLabel* databaseLabel_;
    LiveRoom* liveRoom_;
    QLabel* roomLabel_;
    QLabel* syncLabel_ = nullptr;
    bool syncing_ = false;
    QString syncProblem_; // why the last sync did not happen, until one does
    QMenu* recentMenu_ = nullptr;
    QList<QAction*> documentActions_;
    struct Actions {
        QAction* newAssessment = nullptr;
        QAction* followUp = nullptr;
        QAction* report = nullptr;
        QAction* comparison = nullptr;
        QAction* spreadsheet = nullptr;
        QAction* bundle = nullptr;
        QAction* undo = nullptr;
        QAction* redo = nullptr;
        QAction* find = nullptr;
        QAction* markFinal = nullptr;
        QAction* details = nullptr;
        QAction* participant = nullptr;
        QAction* presenter = nullptr;
        QAction* room = nullptr;
        QAction* attach = nullptr;
        QAction* sync = nullptr;
    } actions_;
    bool sized_ = false; // the splitter is sized once, when the window first shows
};

} // namespace mw::ui
