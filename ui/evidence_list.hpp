#pragma once
// The open assessment's evidence: what is attached and what was removed, kept in step with the database.
// Attaching reads and stores the file on a connection of its own, off the UI thread, one file at a time
// in the order given; edits, removals and restores are undoable steps on the document's undo stack.
#include "app/evidence.hpp"

#include <QFuture>
#include <QHash>
#include <QImage>
#include <QObject>
#include <QStringList>

#include <atomic>
#include <deque>
#include <memory>

class QUndoStack;

namespace mw::ui {

class EvidenceList : public QObject {
    Q_OBJECT
public:
    EvidenceList(app::Workspace& workspace, Id assessmentId, std::vector<Evidence> attached, QUndoStack& undo,
                 QObject* parent = nullptr);
    ~EvidenceList() override; // waits for the file being attached: never leaves it half-stored

    const std::vector<Evidence>& attached() const { return attached_; }
    const std::vector<Evidence>& removed() const { return removed_; }
    const Evidence* find(Id evidenceId) const;
    std::size_t countFor(const std::string& questionId) const { return evidenceCount(attached_, questionId); }
    // Reads the removed evidence again (the list of what can be restored).
    void reload();

    // Queued behind any attach under way; the result arrives as attached() or attachFailed().
    void attach(app::AttachRequest request);
    bool busy() const { return running_ || !queue_.empty(); }
    // Stops the file being read (nothing of it is kept) and drops the ones waiting.
    void cancelAttach();

    // Undoable; a refusal (a blank title, a date that is not one) is reported through failed().
    void edit(Id evidenceId, const EvidenceEdit& edit);
    void remove(Id evidenceId);
    void restore(Id evidenceId);

    // Writes the file out off the UI thread (own connection); the database's own files are refused.
    QFuture<Result<Evidence>> saveFile(Id evidenceId, const QString& target) const;
    // A small picture of a raster image, decoded off the UI thread the first time and kept; nothing is
    // decoded for any other kind of file. thumbnailReady() says when one arrives.
    QImage thumbnail(const Evidence& evidence, int size);

    // Used by the undo commands: writes the fields back, removes or restores; false when refused.
    bool applyFields(const Evidence& fields);
    bool applyRemoved(Id evidenceId, bool removed);

signals:
    void changed();
    void attachStarted(const QString& fileName, int waiting);
    void attachProgress(int percent);
    void attachDone(const mw::Evidence& evidence);
    void attachFailed(const QString& message);
    void failed(const QString& message);
    void thumbnailReady();

private:
    void startNext();
    void accept(const Evidence& evidence);

    app::Workspace& workspace_;
    Id assessmentId_;
    std::vector<Evidence> attached_;
    std::vector<Evidence> removed_;
    QUndoStack& undo_;
    std::deque<app::AttachRequest> queue_;
    bool running_ = false;
    QFuture<Result<Evidence>> task_;
    std::shared_ptr<std::atomic<bool>> cancel_ = std::make_shared<std::atomic<bool>>(false);
    QHash<QString, QImage> thumbnails_; // by sha256 and size
    QHash<QString, bool> decoding_;
};

} // namespace mw::ui
