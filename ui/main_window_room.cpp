// The main window's part in live voting: the Room menu entry, the status line, and the votes and people
// the room server commits, handed to the open document.
#include "assessment_document.hpp"
#include "dialogs.hpp"
#include "live_room.hpp"
#include "main_window.hpp"
#include "presenter_window.hpp"
#include "workspace.hpp"

#include "platform/qt_text.hpp"

#include <QAction>
#include <QLabel>
#include <QMenu>
#include <QScreen>
#include <QStatusBar>

namespace mw::ui {

void MainWindow::presenterMode() {
    if (!document())
        return;
    auto* presenter = new PresenterWindow(document(), this);
    presenter->setScoresBeforeReveal(SettingsDialog::presenterScoresBeforeReveal());
    presenter->setLiveRoom(liveRoom_);
    connect(presenter, &PresenterWindow::openRoomRequested, this, [this] {
        if (auto opened = setRoomOpen(true); !opened)
            showError(q(opened.error().message));
    });
    // Cover the screen the workbench is on (the projector, when the window was moved there).
    presenter->setGeometry(screen()->geometry());
    presenter->showFullScreen();
    presenter->activateWindow();
    presenter->setFocus();
}

void MainWindow::buildRoomActions(QMenu* menu) {
    actions_.room = menu->addAction(tr("Open the room for &voting from phones"), this, [this](bool checked) {
        if (auto changed = setRoomOpen(checked); !changed)
            showError(q(changed.error().message));
    });
    actions_.room->setCheckable(true);
    actions_.room->setShortcut(QKeySequence(tr("Ctrl+Shift+V")));
    roomLabel_->setObjectName("roomStatus");
    roomLabel_->setTextFormat(Qt::PlainText);
    roomLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse); // the URL can be copied
    roomLabel_->hide();
    connect(liveRoom_, &LiveRoom::changed, this, &MainWindow::updateRoomStatus);
}

Result<void> MainWindow::setRoomOpen(bool open) {
    if (!open || !document()) {
        liveRoom_->stop();
        return {};
    }
    if (liveRoom_->isRunning() && liveRoom_->assessmentId() == document()->id())
        return {};
    // A note still being typed is written first: the room's own connection reads the same database.
    document()->writePending();
    auto started = liveRoom_->start(workspace_.path().toStdString(), document()->id(),
                                    SettingsDialog::roomBindAddress());
    updateRoomStatus();
    return started;
}

// Votes and people the room committed land in the open document; another assessment's room is closed.
void MainWindow::connectRoom(AssessmentDocument* document) {
    disconnect(liveRoom_, &LiveRoom::participantJoined, nullptr, nullptr);
    disconnect(liveRoom_, &LiveRoom::voteCommitted, nullptr, nullptr);
    if (!document || liveRoom_->assessmentId() != document->id())
        liveRoom_->stop();
    if (!document)
        return;
    connect(liveRoom_, &LiveRoom::participantJoined, document, &AssessmentDocument::acceptParticipant);
    connect(liveRoom_, &LiveRoom::voteCommitted, document, &AssessmentDocument::acceptAnswer);
}

void MainWindow::updateRoomStatus() {
    const bool running = liveRoom_->isRunning();
    if (actions_.room)
        actions_.room->setChecked(running);
    roomLabel_->setVisible(running);
    if (!running)
        return;
    const auto open = liveRoom_->openQuestion();
    roomLabel_->setText(
        tr("Room open: %1  ·  %2 joined%3")
            .arg(liveRoom_->joinUrl())
            .arg(liveRoom_->devicesJoined())
            .arg(open ? tr("  ·  %1: %2 voted").arg(q(*open)).arg(liveRoom_->votesIn()) : QString()));
}

} // namespace mw::ui
