#pragma once
// Live voting: the room's state (which question is open, who joined, who voted) and its rules, without
// HTTP. Thread-safe: the server's request threads, the facilitator (workbench or `maturity serve`) and the
// committer thread all call it. Every vote and join is committed through the application layer before it
// is acknowledged; votes that arrive together share one commit (see VoteCommitter).
#include "core/assessment.hpp"
#include "core/error.hpp"
#include "core/model.hpp"
#include "room/requests.hpp"

#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace mw::room {

struct Joined {
    std::string participantUid;
    std::string deviceKey; // only the joining browser holds it
};

// What the room tells the front end after a commit, on the committer's thread.
struct RoomEvent {
    enum class Kind { Joined, Voted, StateChanged } kind = Kind::StateChanged;
    Participant participant; // Joined
    Answer answer;           // Voted: as committed
};

class VoteCommitter;

// A token bucket: `rate` tokens a second up to `burst`; each request takes one.
class RateLimit {
public:
    RateLimit(double rate, double burst);
    bool take(std::chrono::steady_clock::time_point now);

private:
    double rate_, burst_, tokens_;
    std::chrono::steady_clock::time_point last_;
};

class Room {
public:
    // Opens its own connection to the database (the committer's) and reads the roster.
    static Result<std::unique_ptr<Room>> open(const std::filesystem::path& database, Id assessmentId,
                                              RoomLimits limits = {});
    ~Room();

    const std::string& token() const { return token_; }
    const RoomLimits& limits() const { return limits_; }
    const Model& model() const { return *model_; }
    Id assessmentId() const { return assessmentId_; }

    // The facilitator's commands. open() closes any question open before.
    Result<void> openQuestion(const std::string& questionId);
    void reveal();
    void close();
    std::optional<std::string> openQuestionId() const;
    bool revealed() const;
    std::size_t votesIn() const; // on the open question
    std::size_t devicesJoined() const;
    // Each group's levels on the open question ("?" for don't know), for the reveal.
    std::map<std::string, std::vector<std::string>> distribution() const;

    // Called for every committed join and vote, and every state change, on a background thread.
    void setListener(std::function<void(const RoomEvent&)> listener);

    // The phones' side. `address` is the client's address, for the per-address limits.
    bool allowRequest(const std::string& address);
    std::string stateJson() const;
    Outcome<Joined> join(const std::string& address, const std::string& body);
    Outcome<std::string> vote(const std::string& body); // the answer's JSON once committed
    bool tokenMatches(const std::string& token) const;

private:
    Room() = default;
    struct Device {
        Id participantId = 0;
        std::string uid, name, group, key;
        RateLimit votes{5, 10};
    };
    struct Vote {
        std::optional<double> level; // empty: don't know
        std::string comment;
    };
    void notify(const RoomEvent& event);
    Device* deviceFor(const std::string& uid, const std::string& key);

    RoomLimits limits_;
    Id assessmentId_ = 0;
    std::shared_ptr<const Model> model_;
    std::string token_;
    std::unique_ptr<VoteCommitter> committer_;

    mutable std::mutex mutex_;
    std::vector<Participant> roster_;       // the assessment's voices
    std::map<std::string, Device> devices_; // by participant uid
    std::map<std::string, RateLimit> addressRequests_, addressJoins_;
    std::optional<std::string> question_;
    bool revealed_ = false;
    std::map<std::string, Vote> votes_; // on the open question, by participant uid
    std::function<void(const RoomEvent&)> listener_;
};

// Random bytes from the operating system's CSPRNG (libsodium), as lowercase hex.
std::string randomHex(std::size_t bytes);

} // namespace mw::room
