#include "live_room.hpp"

#include "platform/qt_text.hpp"
#include "room/room_server.hpp"

#include <QMetaObject>

namespace mw::ui {

LiveRoom::LiveRoom(QObject* parent)
    : QObject(parent) {}

LiveRoom::~LiveRoom() {
    stop();
}

Result<void> LiveRoom::start(const std::filesystem::path& database, Id assessmentId, const QString& bind) {
    stop();
    auto room = room::Room::open(database, assessmentId);
    if (!room)
        return std::unexpected(room.error());
    auto server = std::make_unique<room::RoomServer>(**room);
    auto started = server->start(s(bind), 8765);
    if (!started)
        started = server->start(s(bind), 0);
    if (!started)
        return std::unexpected(started.error());
    // The room calls back on its own threads; the signals are delivered on the UI thread, and never after
    // this object is gone (the context object drops them).
    (*room)->setListener([this](const room::RoomEvent& event) {
        QMetaObject::invokeMethod(
            this,
            [this, event] {
                if (event.kind == room::RoomEvent::Kind::Joined)
                    emit participantJoined(event.participant);
                else if (event.kind == room::RoomEvent::Kind::Voted)
                    emit voteCommitted(event.answer);
                emit changed();
            },
            Qt::QueuedConnection);
    });
    room_ = std::move(*room);
    server_ = std::move(server);
    assessmentId_ = assessmentId;
    emit changed();
    return {};
}

void LiveRoom::stop() {
    if (!server_)
        return;
    server_->stop();
    server_.reset();
    room_.reset(); // the committer writes what is queued, then stops
    assessmentId_ = 0;
    emit changed();
}

QString LiveRoom::joinUrl() const {
    return server_ ? q(server_->joinUrl()) : QString();
}
int LiveRoom::devicesJoined() const {
    return room_ ? static_cast<int>(room_->devicesJoined()) : 0;
}
int LiveRoom::votesIn() const {
    return room_ ? static_cast<int>(room_->votesIn()) : 0;
}
std::optional<std::string> LiveRoom::openQuestion() const {
    return room_ ? room_->openQuestionId() : std::nullopt;
}
bool LiveRoom::revealed() const {
    return room_ && room_->revealed();
}
Result<void> LiveRoom::open(const std::string& questionId) {
    if (!room_)
        return fail("the room is not open for voting");
    return room_->openQuestion(questionId);
}
void LiveRoom::reveal() {
    if (room_)
        room_->reveal();
}
void LiveRoom::close() {
    if (room_)
        room_->close();
}

} // namespace mw::ui
