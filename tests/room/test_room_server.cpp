// The room server on 127.0.0.1, driven by an HTTP client and by raw sockets: joins, votes, every refusal,
// and a corpus of malformed requests after which the server still answers and the database is unchanged.
#include "app/workspace.hpp"
#include "room/room_server.hpp"
#include "storage/demo.hpp"
#include "support.hpp"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <future>
#include <thread>

using namespace mw;
using Json = nlohmann::json;

namespace {

// The demo database with the room of the follow-up (assessment 2) served on a free loopback port.
struct LiveRoom {
    test::TempDir dir;
    std::filesystem::path db = dir / "room.db";
    std::unique_ptr<room::Room> room;
    std::unique_ptr<room::RoomServer> server;
    std::unique_ptr<httplib::Client> client;
    std::string base; // /s/TOKEN/

    explicit LiveRoom(room::RoomLimits limits = {}) {
        {
            auto workspace = app::Workspace::open(db);
            REQUIRE(workspace.has_value());
            REQUIRE(createDemo(workspace->store(), test::builtinModels()).has_value());
        }
        auto opened = room::Room::open(db, 2, limits);
        REQUIRE(opened.has_value());
        room = std::move(*opened);
        server = std::make_unique<room::RoomServer>(*room);
        REQUIRE(server->start("127.0.0.1", 0).has_value());
        client = std::make_unique<httplib::Client>("127.0.0.1", server->port());
        client->set_read_timeout(10, 0);
        base = "/s/" + room->token() + "/";
    }
    httplib::Result post(const std::string& path, const std::string& body) {
        return client->Post((base + path).c_str(), body, "application/json");
    }
    Json joinAs(const std::string& name, const std::string& group) {
        auto response = post("api/join", Json{{"name", name}, {"group", group}}.dump());
        REQUIRE(response);
        REQUIRE(response->status == 200);
        return Json::parse(response->body);
    }
    httplib::Result vote(const Json& who, const std::string& question, Json level,
                         const std::string& comment = {}) {
        return post("api/vote", Json{{"participant", who["participant"]},
                                     {"key", who["key"]},
                                     {"question", question},
                                     {"level", level},
                                     {"comment", comment}}
                                    .dump());
    }
    // Every answer and participant in the database, as text: what "unchanged" is checked against.
    std::string databaseContents() {
        auto workspace = app::Workspace::open(db);
        REQUIRE(workspace.has_value());
        std::string out;
        const auto participants = workspace->store().participants(2);
        const auto answers = workspace->store().answers(2);
        REQUIRE((participants && answers));
        for (const auto& p : *participants)
            out += p.uid + "|" + p.name + "|" + p.group + "\n";
        for (const auto& a : *answers)
            out += a.questionId + "|" + std::to_string(a.participantId) + "|" +
                   (a.current ? formatNumber(*a.current) : "-") + "|" + a.note + "|" + a.updatedAt + "\n";
        return out;
    }
    std::optional<Answer> storedAnswer(const std::string& question, const std::string& uid) {
        auto workspace = app::Workspace::open(db);
        REQUIRE(workspace.has_value());
        const auto participants = workspace->store().participants(2);
        REQUIRE(participants.has_value());
        for (const auto& p : *participants)
            if (p.uid == uid)
                return *workspace->store().answer(2, question, p.id);
        return std::nullopt;
    }
};

// Headers and as many body bytes as Content-Length says.
bool responseComplete(const std::string& reply) {
    const auto end = reply.find("\r\n\r\n");
    if (end == std::string::npos)
        return false;
    const auto length = reply.find("Content-Length: ");
    if (length == std::string::npos || length > end)
        return true;
    return reply.size() >= end + 4 + std::stoul(reply.substr(length + 16));
}

// Sends raw bytes on a new connection and returns what came back before the server closed it or `wait`.
std::string rawExchange(int port, const std::string& bytes,
                        std::chrono::milliseconds wait = std::chrono::milliseconds(3000)) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(fd >= 0);
    timeval timeout{static_cast<time_t>(wait.count() / 1000),
                    static_cast<suseconds_t>((wait.count() % 1000) * 1000)};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    std::size_t sent = 0;
    while (sent < bytes.size()) {
        const auto n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
        if (n <= 0)
            break; // the server may close early on a refused request
        sent += static_cast<std::size_t>(n);
    }
    std::string reply;
    char buffer[4096];
    while (true) {
        const auto n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n <= 0)
            break;
        reply.append(buffer, static_cast<std::size_t>(n));
        if (responseComplete(reply))
            break; // a kept-alive connection stays open after the answer
    }
    ::close(fd);
    return reply;
}

int statusOf(const std::string& reply) {
    if (reply.rfind("HTTP/1.1 ", 0) != 0)
        return 0;
    return std::stoi(reply.substr(9, 3));
}

} // namespace

TEST_CASE("a phone joins, votes and changes its vote, and the vote is a voice in the database", "[room]") {
    LiveRoom live;
    REQUIRE(live.room->openQuestion("GO1").has_value());
    const Json ana = live.joinAs("Ana Silva", "OT");
    CHECK(ana["participant"].get<std::string>().size() == 32);
    CHECK(ana["key"].get<std::string>().size() == 32); // 128 bits

    auto first = live.vote(ana, "GO1", 2, "Only IT wrote the charter");
    REQUIRE(first);
    CHECK(first->status == 200);
    CHECK(Json::parse(first->body)["saved"] == true);
    CHECK(live.room->votesIn() == 1);
    auto changed = live.vote(ana, "GO1", 3, "Signed last week, I hear");
    REQUIRE(changed);
    CHECK(changed->status == 200);
    CHECK(live.room->votesIn() == 1);

    const auto stored = live.storedAnswer("GO1", ana["participant"]);
    REQUIRE(stored.has_value());
    CHECK(stored->current == 3);
    CHECK(stored->note == "Signed last week, I hear");

    // Don't know: a voice with no level and low confidence.
    REQUIRE(live.vote(ana, "GO1", nullptr)->status == 200);
    CHECK_FALSE(live.storedAnswer("GO1", ana["participant"])->current.has_value());
    CHECK(live.storedAnswer("GO1", ana["participant"])->confidence == Confidence::Low);

    // The state the phones poll: the open question with its levels, and after the reveal each group's levels.
    auto state = live.client->Get((live.base + "api/state").c_str());
    REQUIRE(state);
    const Json json = Json::parse(state->body);
    CHECK(json["open"] == true);
    CHECK(json["question"]["id"] == "GO1");
    CHECK(json["question"]["levels"].size() == 6);
    CHECK(json["votes"] == 1);
    CHECK_FALSE(json.contains("distribution"));
    live.room->reveal();
    const Json revealed = Json::parse(live.client->Get((live.base + "api/state").c_str())->body);
    CHECK(revealed["revealed"] == true);
    CHECK(revealed["distribution"]["OT"].size() == 1);
}

TEST_CASE("a roster voice picks their name on the phone and keeps their group", "[room]") {
    LiveRoom live;
    const Json priya = live.joinAs("priya nair", "OT"); // the roster says IT
    REQUIRE(live.room->openQuestion("SB1").has_value());
    REQUIRE(live.vote(priya, "SB1", 5)->status == 200);
    CHECK(live.room->distribution().at("IT") == std::vector<std::string>{"5"});
    // Nobody else can take that name now, on this phone or another.
    auto again = live.post("api/join", Json{{"name", "Priya Nair"}, {"group", "IT"}}.dump());
    CHECK(again->status == 409);
}

TEST_CASE("every refusal has its status and a one-line JSON error, and writes nothing", "[room]") {
    room::RoomLimits limits;
    limits.voteBurst = 3;
    limits.votesPerSecond = 0.5;
    LiveRoom live(limits);
    const Json ana = live.joinAs("Ana", "OT");
    const std::string before = live.databaseContents();

    auto expect = [&](const httplib::Result& response, int status, const std::string& words) {
        REQUIRE(response);
        CAPTURE(response->body);
        CHECK(response->status == status);
        const Json body = Json::parse(response->body, nullptr, false);
        REQUIRE(body.is_object());
        CHECK(body["error"].get<std::string>().find(words) != std::string::npos);
        CHECK(body["error"].get<std::string>().find('\n') == std::string::npos);
    };
    expect(live.vote(ana, "GO1", 2), 409, "not open");
    REQUIRE(live.room->openQuestion("GO1").has_value());
    expect(live.post("api/vote", "{not json"), 400, "invalid JSON");
    expect(live.post("api/vote", "{\"level\": 1, \"level\": 2}"), 400, "duplicate key");
    expect(live.post("api/vote", "[1,2]"), 400, "JSON object");
    expect(live.vote(ana, "GO1", 7), 400, "off the scale");
    expect(live.vote(ana, "GO1", "three"), 400, "must be a number");
    expect(live.vote(ana, "GO2", 2), 409, "not open");
    Json stranger = ana;
    stranger["key"] = std::string(32, '0');
    expect(live.vote(stranger, "GO1", 2), 403, "wrong device key");
    expect(live.post("api/vote", Json{{"participant", ana["participant"]},
                                      {"key", ana["key"]},
                                      {"question", "GO1"},
                                      {"level", 2},
                                      {"comment", std::string(501, 'x')}}
                                     .dump()),
           400, "longer than 500");
    expect(live.post("api/join", Json{{"name", "Bob\u0007"}, {"group", "IT"}}.dump()), 400,
           "control characters");
    expect(live.post("api/join", Json{{"name", std::string(61, 'n')}, {"group", "IT"}}.dump()), 400,
           "longer than 60");
    expect(live.post("api/join", Json{{"group", "IT"}}.dump()), 400, "'name' is missing");
    expect(live.client->Get(("/s/" + std::string(32, 'a') + "/api/state").c_str()), 403, "wrong join link");
    expect(live.client->Get((live.base + "api/elsewhere").c_str()), 404, "no such path");
    expect(live.client->Get("/etc/passwd"), 404, "no such path");
    expect(live.post("api/vote", std::string(20000, ' ')), 413, "over the limit");
    CHECK(live.databaseContents() == before); // nothing refused was written

    // Too fast: a fresh device's burst is spent, then it is refused until its bucket fills again.
    const Json quick = live.joinAs("Quick", "IT");
    int accepted = 0, refused = 0;
    for (int i = 0; i < 6; ++i) {
        auto response = live.vote(quick, "GO1", i % 2 ? 2 : 3);
        (response->status == 429 ? refused : accepted) += 1;
    }
    CHECK(accepted == 3);
    CHECK(refused == 3);
}

TEST_CASE("the page and its files carry the security headers, and API answers are never cached", "[room]") {
    LiveRoom live;
    for (const char* path : {"", "app.js", "app.css", "api/state"}) {
        auto response = live.client->Get((live.base + path).c_str());
        REQUIRE(response);
        CAPTURE(path);
        CHECK(response->status == 200);
        CHECK(response->get_header_value("Content-Security-Policy").find("default-src 'none'") == 0);
        CHECK(response->get_header_value("X-Content-Type-Options") == "nosniff");
        CHECK(response->get_header_value("Cache-Control") == "no-store");
        CHECK(response->get_header_value("Referrer-Policy") == "no-referrer");
    }
    const std::string page = live.client->Get(live.base.c_str())->body;
    CHECK(page.find("<script src=\"app.js\"") != std::string::npos);
    CHECK(page.find("http") == std::string::npos); // no external fonts, scripts or CDNs
}

TEST_CASE("malformed requests never stop the server or write anything", "[room]") {
    room::RoomLimits limits;
    limits.readTimeoutSeconds = 1;
    LiveRoom live(limits);
    const Json ana = live.joinAs("Ana", "OT");
    REQUIRE(live.room->openQuestion("GO1").has_value());
    const std::string before = live.databaseContents();
    const std::string host = "Host: 127.0.0.1\r\n";
    const std::string vote = live.base + "api/vote";

    // A slow client that never finishes its body holds one connection, not the server.
    auto slow = std::async(std::launch::async, [&] {
        return rawExchange(live.server->port(), "POST " + vote + " HTTP/1.1\r\n" + host +
                                                    "Content-Length: 400\r\n\r\n{\"participant\":");
    });
    const std::vector<std::pair<std::string, std::string>> corpus = {
        {"garbage request line", "HELLO\r\n\r\n"},
        {"unknown method", "BREW " + live.base + " HTTP/1.1\r\n" + host + "\r\n"},
        {"DELETE on the API", "DELETE " + vote + " HTTP/1.1\r\n" + host + "\r\n"},
        {"PUT a vote", "PUT " + vote + " HTTP/1.1\r\n" + host + "Content-Length: 2\r\n\r\n{}"},
        {"path traversal", "GET " + live.base + "../../../../etc/passwd HTTP/1.1\r\n" + host + "\r\n"},
        {"encoded traversal", "GET " + live.base + "%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\n" + host + "\r\n"},
        {"huge header", "GET " + live.base + "api/state HTTP/1.1\r\n" + host +
                            "X-Big: " + std::string(20000, 'a') + "\r\n\r\n"},
        {"huge path", "GET /" + std::string(10000, 'p') + " HTTP/1.1\r\n" + host + "\r\n"},
        {"body over the limit, announced",
         "POST " + vote + " HTTP/1.1\r\n" + host + "Content-Length: 2000000\r\n\r\n" + std::string(100, 'x')},
        {"negative length", "POST " + vote + " HTTP/1.1\r\n" + host + "Content-Length: -5\r\n\r\n"},
        {"chunked and huge", "POST " + vote + " HTTP/1.1\r\n" + host + "Transfer-Encoding: chunked\r\n\r\n" +
                                 "FFFFFF\r\n" + std::string(30000, 'y')},
        {"binary noise", std::string("\x00\xff\x13\x37\r\n\r\n", 8)},
        {"vote with a NUL in the JSON", "POST " + vote + " HTTP/1.1\r\n" + host +
                                            "Content-Length: 24\r\n\r\n" +
                                            std::string("{\"participant\":\"a\0b\"}  ", 24)},
    };
    for (const auto& [what, bytes] : corpus) {
        CAPTURE(what);
        const std::string reply = rawExchange(live.server->port(), bytes);
        const int status = statusOf(reply);
        CHECK((status == 0 || (status >= 400 && status < 500)));
        // Between every two malformed requests a well-formed one still gets its answer.
        auto state = live.client->Get((live.base + "api/state").c_str());
        REQUIRE(state);
        CHECK(state->status == 200);
    }
    CHECK(live.databaseContents() == before);
    CHECK(statusOf(slow.get()) != 200); // dropped after the read timeout, nothing written
    CHECK(live.databaseContents() == before);
    REQUIRE(live.vote(ana, "GO1", 4)->status == 200); // and the room still votes
}

TEST_CASE("votes that arrive together share commits, and every acknowledged vote is in the database",
          "[room]") {
    room::RoomLimits limits;
    limits.joinBurst = 100;
    limits.requestBurst = 1000;
    LiveRoom live(limits);
    REQUIRE(live.room->openQuestion("MC2").has_value());
    std::vector<Json> phones;
    for (int i = 0; i < 24; ++i)
        phones.push_back(live.joinAs("Phone " + std::to_string(i), i % 3 == 0   ? "IT"
                                                                   : i % 3 == 1 ? "OT"
                                                                                : "Business"));
    std::vector<std::future<int>> votes;
    for (int i = 0; i < 24; ++i)
        votes.push_back(std::async(std::launch::async, [&, i] {
            httplib::Client own("127.0.0.1", live.server->port());
            auto response = own.Post((live.base + "api/vote").c_str(),
                                     Json{{"participant", phones[i]["participant"]},
                                          {"key", phones[i]["key"]},
                                          {"question", "MC2"},
                                          {"level", i % 6},
                                          {"comment", "phone " + std::to_string(i)}}
                                         .dump(),
                                     "application/json");
            return response ? response->status : 0;
        }));
    for (auto& v : votes)
        CHECK(v.get() == 200);
    CHECK(live.room->votesIn() == 24);
    for (int i = 0; i < 24; ++i) {
        const auto stored = live.storedAnswer("MC2", phones[i]["participant"]);
        REQUIRE(stored.has_value());
        CHECK(stored->current == i % 6);
        CHECK(stored->note == "phone " + std::to_string(i));
    }
}

TEST_CASE("a full room refuses one more device, and a taken name is refused whatever its case", "[room]") {
    room::RoomLimits limits;
    limits.maxParticipants = 2;
    LiveRoom live(limits);
    live.joinAs("Ana", "OT");
    auto taken = live.post("api/join", Json{{"name", "ANA"}, {"group", "IT"}}.dump());
    REQUIRE(taken);
    CHECK(taken->status == 409);
    live.joinAs("Bo", "IT");
    const std::string before = live.databaseContents();
    auto full = live.post("api/join", Json{{"name", "Cy"}, {"group", "IT"}}.dump());
    REQUIRE(full);
    CHECK(full->status == 409);
    CHECK(Json::parse(full->body)["error"] == "the room is full (2 devices)");
    CHECK(live.databaseContents() == before);
    CHECK(live.room->devicesJoined() == 2);
}
