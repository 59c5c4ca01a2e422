#include "evidence_list.hpp"

#include "platform/qt_text.hpp"
#include "report/evidence_images.hpp"

#include <QFutureWatcher>
#include <QUndoCommand>
#include <QUndoStack>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <utility>

namespace mw::ui {

namespace {

// Work off the UI thread gets a connection of its own, so that answers keep saving on the UI's; it
// holds what it needs by value, as the workbench may open another database meanwhile.
struct OwnConnection {
    std::filesystem::path database;
    app::ModelCatalog catalog;
    explicit OwnConnection(const app::Workspace& workspace)
        : database(workspace.path())
        , catalog(workspace.catalog()) {}
    Result<app::Workspace> open() const {
        return app::Workspace::open(database, catalog, OpenMode::ExistingOnly);
    }
};

QString thumbnailKey(const Evidence& evidence, int size) {
    return q(evidence.sha256) + ":" + QString::number(size);
}

// The first redo is the change already made (the attach itself); later ones and undo toggle removal.
class RemovalCommand : public QUndoCommand {
public:
    RemovalCommand(EvidenceList* list, Id evidenceId, bool removes, bool alreadyDone, const QString& text)
        : QUndoCommand(text)
        , list_(list)
        , evidenceId_(evidenceId)
        , removes_(removes)
        , skipFirst_(alreadyDone) {}
    void redo() override {
        if (std::exchange(skipFirst_, false))
            return;
        setObsolete(!list_->applyRemoved(evidenceId_, removes_));
    }
    void undo() override { setObsolete(!list_->applyRemoved(evidenceId_, !removes_)); }

private:
    EvidenceList* list_;
    Id evidenceId_;
    bool removes_;
    bool skipFirst_;
};

class FieldsCommand : public QUndoCommand {
public:
    FieldsCommand(EvidenceList* list, Evidence before, Evidence after, const QString& text)
        : QUndoCommand(text)
        , list_(list)
        , before_(std::move(before))
        , after_(std::move(after)) {}
    void redo() override { setObsolete(!list_->applyFields(after_)); }
    void undo() override { setObsolete(!list_->applyFields(before_)); }

private:
    EvidenceList* list_;
    Evidence before_;
    Evidence after_;
};

EvidenceEdit allFields(const Evidence& evidence) {
    EvidenceEdit edit;
    edit.title = evidence.title;
    edit.validOn = evidence.validOn;
    edit.suppliedBy = evidence.suppliedBy;
    edit.questionIds = evidence.questionIds;
    return edit;
}

} // namespace

EvidenceList::EvidenceList(app::Workspace& workspace, Id assessmentId, std::vector<Evidence> attached,
                           QUndoStack& undo, QObject* parent)
    : QObject(parent)
    , workspace_(workspace)
    , assessmentId_(assessmentId)
    , attached_(std::move(attached))
    , undo_(undo) {
    reload();
}

EvidenceList::~EvidenceList() {
    queue_.clear();
    task_.waitForFinished();
}

const Evidence* EvidenceList::find(Id evidenceId) const {
    for (const auto* list : {&attached_, &removed_})
        for (const auto& e : *list)
            if (e.id == evidenceId)
                return &e;
    return nullptr;
}

void EvidenceList::reload() {
    auto all = app::listEvidence(workspace_, assessmentId_, true);
    if (!all) {
        emit failed(q(all.error().message));
        return;
    }
    attached_.clear();
    removed_.clear();
    for (auto& e : *all)
        (e.removed() ? removed_ : attached_).push_back(std::move(e));
    emit changed();
}

void EvidenceList::attach(app::AttachRequest request) {
    queue_.push_back(std::move(request));
    if (!running_)
        startNext();
}

void EvidenceList::cancelAttach() {
    queue_.clear();
    cancel_->store(true);
}

void EvidenceList::startNext() {
    if (queue_.empty()) {
        running_ = false;
        return;
    }
    running_ = true;
    app::AttachRequest request = std::move(queue_.front());
    queue_.pop_front();
    cancel_->store(false);
    const QString name = q(request.fileName.empty() ? request.file.filename().string() : request.fileName);
    emit attachStarted(name, static_cast<int>(queue_.size()));
    // Progress crosses to the UI thread only when the whole percentage changes.
    auto lastPercent = std::make_shared<int>(-1);
    request.progress = [this, cancel = cancel_, lastPercent](std::int64_t done, std::int64_t total) {
        const int percent = total > 0 ? static_cast<int>(done * 100 / total) : 100;
        if (percent != *lastPercent) {
            *lastPercent = percent;
            QMetaObject::invokeMethod(
                this, [this, percent] { emit attachProgress(percent); }, Qt::QueuedConnection);
        }
        return !cancel->load();
    };
    task_ = QtConcurrent::run(
        [own = OwnConnection(workspace_), id = assessmentId_, request]() -> Result<Evidence> {
            auto connection = own.open();
            if (!connection)
                return std::unexpected(connection.error());
            return app::attachEvidence(*connection, id, request);
        });
    auto* watcher = new QFutureWatcher<Result<Evidence>>(this);
    connect(watcher, &QFutureWatcher<Result<Evidence>>::finished, this, [this, watcher] {
        watcher->deleteLater();
        const Result<Evidence> result = watcher->result();
        if (result)
            accept(*result);
        else
            emit attachFailed(q(result.error().message));
        startNext();
    });
    watcher->setFuture(task_);
}

void EvidenceList::accept(const Evidence& evidence) {
    attached_.push_back(evidence);
    undo_.push(new RemovalCommand(this, evidence.id, false, true, tr("Attach “%1”").arg(q(evidence.title))));
    emit changed();
    emit attachDone(evidence);
}

void EvidenceList::edit(Id evidenceId, const EvidenceEdit& change) {
    const Evidence* before = find(evidenceId);
    if (!before)
        return;
    Evidence after = applied(*before, change);
    if (after == *before)
        return;
    undo_.push(
        new FieldsCommand(this, *before, std::move(after), tr("Edit evidence “%1”").arg(q(before->title))));
}

void EvidenceList::remove(Id evidenceId) {
    if (const Evidence* e = find(evidenceId); e && !e->removed())
        undo_.push(
            new RemovalCommand(this, evidenceId, true, false, tr("Remove evidence “%1”").arg(q(e->title))));
}

void EvidenceList::restore(Id evidenceId) {
    if (const Evidence* e = find(evidenceId); e && e->removed())
        undo_.push(
            new RemovalCommand(this, evidenceId, false, false, tr("Restore evidence “%1”").arg(q(e->title))));
}

bool EvidenceList::applyFields(const Evidence& fields) {
    auto edited = app::editEvidence(workspace_, fields.id, allFields(fields));
    if (!edited) {
        emit failed(q(edited.error().message));
        return false;
    }
    for (auto* list : {&attached_, &removed_})
        for (auto& e : *list)
            if (e.id == edited->id)
                e = *edited;
    emit changed();
    return true;
}

bool EvidenceList::applyRemoved(Id evidenceId, bool removed) {
    auto changedItem =
        removed ? app::removeEvidence(workspace_, evidenceId) : app::restoreEvidence(workspace_, evidenceId);
    if (!changedItem) {
        emit failed(q(changedItem.error().message));
        return false;
    }
    auto& from = removed ? attached_ : removed_;
    auto& to = removed ? removed_ : attached_;
    std::erase_if(from, [&](const Evidence& e) { return e.id == evidenceId; });
    to.push_back(*changedItem);
    // The list keeps the order of attaching, whatever was removed and restored in between.
    std::sort(to.begin(), to.end(), [](const Evidence& a, const Evidence& b) { return a.id < b.id; });
    emit changed();
    return true;
}

QFuture<Result<Evidence>> EvidenceList::saveFile(Id evidenceId, const QString& target) const {
    return QtConcurrent::run(
        [own = OwnConnection(workspace_), evidenceId, target = s(target)]() -> Result<Evidence> {
            auto connection = own.open();
            if (!connection)
                return std::unexpected(connection.error());
            return app::saveEvidenceFile(*connection, evidenceId, target);
        });
}

QImage EvidenceList::thumbnail(const Evidence& evidence, int size) {
    // Larger images are not read for a thumbnail: the list shows their kind instead.
    if (!isDecodableImage(evidence))
        return {};
    const QString key = thumbnailKey(evidence, size);
    if (auto found = thumbnails_.constFind(key); found != thumbnails_.constEnd())
        return *found;
    if (decoding_.contains(key))
        return {};
    decoding_.insert(key, true);
    auto decoding =
        QtConcurrent::run([own = OwnConnection(workspace_), sha = evidence.sha256, size]() -> QImage {
            auto connection = own.open();
            if (!connection)
                return {};
            QByteArray bytes;
            auto read = app::readEvidenceBytes(*connection, sha, [&](std::string_view piece) -> Result<void> {
                bytes.append(piece.data(), static_cast<qsizetype>(piece.size()));
                return {};
            });
            if (!read)
                return {};
            return decodeScaledImage(bytes, size);
        });
    auto* watcher = new QFutureWatcher<QImage>(this);
    connect(watcher, &QFutureWatcher<QImage>::finished, this, [this, watcher, key] {
        watcher->deleteLater();
        // A file that would not decode keeps an empty entry: it is not read again.
        thumbnails_.insert(key, watcher->result());
        decoding_.remove(key);
        emit thumbnailReady();
    });
    watcher->setFuture(std::move(decoding));
    return {};
}

} // namespace mw::ui
