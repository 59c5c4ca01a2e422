#pragma once
// What a phone sends the room, read and checked: pure functions over the body text and the model, with no
// database and no HTTP, so that they can be fuzzed on their own (tests/fuzz).
#include "core/model.hpp"

#include <expected>
#include <optional>
#include <string>
#include <string_view>

namespace mw::room {

struct RoomLimits {
    std::size_t maxBodyBytes = 16 * 1024;
    std::size_t maxNameLength = 60;     // characters (UTF-8 code points)
    std::size_t maxCommentLength = 500; // characters
    std::size_t maxParticipants = 200;  // devices that may join one room
    double votesPerSecond = 5;          // per device, with a burst of voteBurst
    double voteBurst = 10;
    double requestsPerSecond = 20; // per address, every request (a phone polls about once a second)
    double requestBurst = 60;
    double joinsPerSecond = 2; // per address
    double joinBurst = 10;
    int readTimeoutSeconds = 5; // a client that stops sending is dropped after this
};

// An HTTP-shaped refusal: the status the server answers with and one line saying why.
struct Refusal {
    int status = 400;
    std::string message;
};
template <typename T> using Outcome = std::expected<T, Refusal>;
Refusal refuse(int status, std::string message);

struct JoinRequest {
    std::string name, group;
};
struct VoteRequest {
    std::string participant, key, question;
    std::optional<double> level; // empty: don't know
    std::string comment;
};

// 400 with one line for anything malformed: not a JSON object, a missing or mistyped field, text too long
// or holding control characters, a level off the model's scale.
Outcome<JoinRequest> parseJoinRequest(std::string_view body, const RoomLimits& limits);
Outcome<VoteRequest> parseVoteRequest(std::string_view body, const RoomLimits& limits, const Model& model);

// ASCII lower case, for names compared without regard to case.
std::string lowered(std::string text);

} // namespace mw::room
