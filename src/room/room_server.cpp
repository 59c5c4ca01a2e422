#include "room/room_server.hpp"

#include "room/page_assets.hpp"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <arpa/inet.h>
#include <chrono>
#include <ifaddrs.h>
#include <netinet/in.h>
#include <sys/socket.h>

namespace mw::room {

namespace {

constexpr const char* kSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

void sendError(httplib::Response& response, int status, const std::string& message) {
    response.status = status;
    response.set_content(nlohmann::json{{"error", message}}.dump(), "application/json");
}

const char* reasonFor(int status) {
    switch (status) {
    case 400:
        return "malformed request";
    case 404:
        return "no such path";
    case 405:
        return "method not allowed here";
    case 408:
        return "the request took too long";
    case 413:
        return "the body is over the limit";
    case 414:
        return "the path is too long";
    case 431:
        return "the headers are too large";
    default:
        return status >= 500 ? "the server failed to answer" : "refused";
    }
}

} // namespace

std::string lanAddress() {
    ifaddrs* interfaces = nullptr;
    std::string found = "127.0.0.1";
    if (getifaddrs(&interfaces) != 0)
        return found;
    for (ifaddrs* i = interfaces; i; i = i->ifa_next) {
        if (!i->ifa_addr || i->ifa_addr->sa_family != AF_INET)
            continue;
        char text[INET_ADDRSTRLEN] = {};
        const auto* address = reinterpret_cast<const sockaddr_in*>(i->ifa_addr);
        if (!inet_ntop(AF_INET, &address->sin_addr, text, sizeof text))
            continue;
        if (std::string(text).rfind("127.", 0) != 0) {
            found = text;
            break;
        }
    }
    freeifaddrs(interfaces);
    return found;
}

RoomServer::RoomServer(Room& room)
    : room_(room)
    , server_(std::make_unique<httplib::Server>()) {
    routes();
}

RoomServer::~RoomServer() {
    stop();
}

void RoomServer::routes() {
    httplib::Server& server = *server_;
    const RoomLimits& limits = room_.limits();
    server.set_payload_max_length(limits.maxBodyBytes);
    // SO_REUSEADDR only (not the library's SO_REUSEPORT), so a port in use is an error, not a shared port;
    // the socket is kept to raise its listen backlog after binding.
    server.set_socket_options([this](int socket) {
        const int yes = 1;
        ::setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        listenSocket_ = socket;
    });
    server.set_read_timeout(limits.readTimeoutSeconds, 0);
    server.set_write_timeout(5, 0);
    server.set_keep_alive_timeout(5);
    server.set_keep_alive_max_count(1000);
    // Enough threads for a room of phones on keep-alive connections; a busy thread never blocks the others.
    server.new_task_queue = [] { return new httplib::ThreadPool(96); };

    server.set_pre_routing_handler([this](const httplib::Request& request, httplib::Response& response) {
        if (!room_.allowRequest(request.remote_addr)) {
            sendError(response, 429, "too many requests from this address; wait a moment");
            return httplib::Server::HandlerResponse::Handled;
        }
        return httplib::Server::HandlerResponse::Unhandled;
    });
    server.set_post_routing_handler([](const httplib::Request&, httplib::Response& response) {
        response.set_header("Content-Security-Policy", kSecurityPolicy);
        response.set_header("X-Content-Type-Options", "nosniff");
        response.set_header("Referrer-Policy", "no-referrer"); // the token is in the URL
        response.set_header("X-Frame-Options", "DENY");
        response.set_header("Cache-Control", "no-store");
    });
    // Every refusal the library makes itself (404, 413, 400 ...) is JSON with one line too.
    server.set_error_handler([](const httplib::Request&, httplib::Response& response) {
        if (response.body.empty())
            sendError(response, response.status, reasonFor(response.status));
    });
    server.set_exception_handler(
        [](const httplib::Request&, httplib::Response& response, std::exception_ptr) {
            sendError(response, 500, "the server failed to answer");
        });

    // The token comes first: a wrong one is refused before anything else is looked at.
    auto guarded = [this](auto handler) {
        return [this, handler](const httplib::Request& request, httplib::Response& response) {
            if (!room_.tokenMatches(request.matches[1].str())) {
                sendError(response, 403, "wrong join link; scan the code again");
                return;
            }
            handler(request, response);
        };
    };
    auto page = [](const char* content, const char* type) {
        return [content, type](const httplib::Request&, httplib::Response& response) {
            response.set_content(content, type);
        };
    };
    server.Get(R"(/s/([0-9a-f]{1,64}))",
               guarded([](const httplib::Request& request, httplib::Response& response) {
                   response.set_redirect(request.path + "/");
               }));
    server.Get(R"(/s/([0-9a-f]{1,64})/)", guarded(page(kPageHtml, "text/html; charset=utf-8")));
    server.Get(R"(/s/([0-9a-f]{1,64})/app\.js)",
               guarded(page(kPageScript, "text/javascript; charset=utf-8")));
    server.Get(R"(/s/([0-9a-f]{1,64})/app\.css)", guarded(page(kPageStyle, "text/css; charset=utf-8")));
    server.Get(R"(/s/([0-9a-f]{1,64})/api/state)",
               guarded([this](const httplib::Request&, httplib::Response& response) {
                   response.set_content(room_.stateJson(), "application/json");
               }));
    server.Post(
        R"(/s/([0-9a-f]{1,64})/api/join)",
        guarded([this](const httplib::Request& request, httplib::Response& response) {
            auto joined = room_.join(request.remote_addr, request.body);
            if (!joined)
                return sendError(response, joined.error().status, joined.error().message);
            response.set_content(
                nlohmann::json{{"participant", joined->participantUid}, {"key", joined->deviceKey}}.dump(),
                "application/json");
        }));
    server.Post(R"(/s/([0-9a-f]{1,64})/api/vote)",
                guarded([this](const httplib::Request& request, httplib::Response& response) {
                    auto voted = room_.vote(request.body);
                    if (!voted)
                        return sendError(response, voted.error().status, voted.error().message);
                    response.set_content(*voted, "application/json");
                }));
}

Result<void> RoomServer::start(const std::string& bindAddress, int port) {
    bindAddress_ = bindAddress;
    port_ = port == 0 ? server_->bind_to_any_port(bindAddress)
                      : (server_->bind_to_port(bindAddress, port) ? port : -1);
    if (port_ <= 0)
        return fail("cannot listen on " + bindAddress + ":" + std::to_string(port) +
                    " (in use, or not an address of this machine)");
    // The library listens with a backlog of 5: a room whose phones connect at once would see SYNs dropped
    // and one-second retries. Listening again on the bound socket raises it (Linux, BSD).
    if (listenSocket_ >= 0)
        ::listen(listenSocket_, SOMAXCONN);
    thread_ = std::thread([this] { server_->listen_after_bind(); });
    // stop() does nothing until the loop runs: wait for it, or a stop right after start would never end.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!server_->is_running() && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    return {};
}

void RoomServer::stop() {
    if (server_)
        server_->stop();
    if (thread_.joinable())
        thread_.join();
}

std::string RoomServer::joinUrl() const {
    const std::string host = bindAddress_ == "0.0.0.0" || bindAddress_.empty() ? lanAddress() : bindAddress_;
    return "http://" + host + ":" + std::to_string(port_) + "/s/" + room_.token() + "/";
}

} // namespace mw::room
