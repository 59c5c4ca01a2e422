#pragma once
// The open assessment's evidence: every file with what it backs, filtered by question, dimension or
// removal; a preview of images (raster only, never a document rendered); and the questions answered at
// level 3 or above with nothing behind them, with what the model suggests to look for.
#include "core/evidence_review.hpp"
#include "image_label.hpp"

#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace mw::ui {

class AssessmentDocument;

class EvidencePage : public QWidget {
    Q_OBJECT
public:
    explicit EvidencePage(QWidget* parent = nullptr);
    void setDocument(AssessmentDocument* document);

    QTreeWidget* list() const { return list_; }
    QListWidget* missingList() const { return missing_; }
    QComboBox* filter() const { return filter_; }
    // The evidence selected in the list, if any.
    std::optional<Id> selectedId() const;
    // Shows the evidence of one question (the editor's "show its evidence").
    void showQuestion(const std::string& questionId);

    void attachFiles();  // a file dialog
    void pasteFiles();   // the clipboard's files or image
    void editSelected(); // the fields dialog
    void removeOrRestoreSelected();
    void openSelected(); // in the desktop's own application, from a copy
    void saveSelected(); // a save dialog, written off the UI thread

signals:
    void failed(const QString& message);
    void status(const QString& message);
    void questionChosen(const std::string& questionId); // go to it in the editor

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void buildLayout();
    void connectControls();
    void rebuildFilter();
    void refresh();
    void refreshMissing();
    void refreshDetails();
    void refreshThumbnails();
    bool passesFilter(const Evidence& evidence) const;
    std::vector<std::string> filterQuestions() const; // what a new file backs, from the filter
    const Evidence* selected() const;

    QPointer<AssessmentDocument> document_;
    QComboBox* filter_;
    QLineEdit* search_;
    QPushButton* attach_;
    QPushButton* paste_;
    QWidget* progressRow_;
    QLabel* progressLabel_;
    QProgressBar* progress_;
    QTreeWidget* list_;
    ImageLabel* preview_;
    QLabel* details_;
    QPushButton* open_;
    QPushButton* save_;
    QPushButton* edit_;
    QPushButton* remove_;
    QLabel* missingHeading_;
    QListWidget* missing_;
    bool rebuilding_ = false;
};

} // namespace mw::ui
