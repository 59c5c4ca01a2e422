#pragma once
// The room server inside the workbench: starts and stops it for the open assessment and turns what the
// server's threads commit (a phone joined, a vote) into signals on the UI thread. The votes are already on
// disk when the signals arrive; the document only shows them.
#include "core/assessment.hpp"
#include "core/error.hpp"

#include <QObject>
#include <QString>

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace mw::room {
class Room;
class RoomServer;
} // namespace mw::room

namespace mw::ui {

class LiveRoom : public QObject {
    Q_OBJECT
public:
    explicit LiveRoom(QObject* parent = nullptr);
    ~LiveRoom() override;

    // On port 8765, or any free port when that one is taken; every interface unless `bind` says otherwise.
    Result<void> start(const std::filesystem::path& database, Id assessmentId,
                       const QString& bind = "0.0.0.0");
    void stop();
    bool isRunning() const { return server_ != nullptr; }
    Id assessmentId() const { return assessmentId_; }
    QString joinUrl() const;
    int devicesJoined() const;
    int votesIn() const;
    std::optional<std::string> openQuestion() const;
    bool revealed() const;
    Result<void> open(const std::string& questionId);
    void reveal();
    void close();

signals:
    void participantJoined(const mw::Participant& participant);
    void voteCommitted(const mw::Answer& answer);
    void changed(); // who joined, how many voted, what is open

private:
    std::unique_ptr<room::Room> room_;
    std::unique_ptr<room::RoomServer> server_;
    Id assessmentId_ = 0;
};

} // namespace mw::ui
