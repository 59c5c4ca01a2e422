#pragma once
// The room's HTTP server: the phone page and the JSON API under /s/TOKEN/ (docs/live-api.md), served by
// cpp-httplib on its own threads. Qt HttpServer 6.4 reads a whole request body into memory before a route
// sees it; cpp-httplib checks Content-Length against the limit before reading the body, drops clients that
// stop sending, and bounds header and URI sizes.
#include "room/room.hpp"

#include <memory>
#include <string>
#include <thread>

namespace httplib {
class Server;
}

namespace mw::room {

class RoomServer {
public:
    explicit RoomServer(Room& room);
    ~RoomServer(); // stops

    // Binds (port 0: any free port) and starts answering on a background thread.
    Result<void> start(const std::string& bindAddress, int port);
    void stop();
    int port() const { return port_; }
    // The join URL: http://ADDRESS:PORT/s/TOKEN/ with the LAN address when bound to every interface.
    std::string joinUrl() const;

private:
    void routes();
    Room& room_;
    std::unique_ptr<httplib::Server> server_;
    std::thread thread_;
    std::string bindAddress_;
    int port_ = 0;
    int listenSocket_ = -1;
};

// The machine's first non-loopback IPv4 address, for a join URL phones can reach; 127.0.0.1 if none.
std::string lanAddress();

} // namespace mw::room
