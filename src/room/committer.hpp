#pragma once
// Group commit for the room: one thread owns a database connection and writes what the request threads
// hand it. Votes that arrive while a commit is under way wait for the next one and then share it, so a
// room voting at once pays for one fsync, not one per phone. A request thread waits for its own result.
#include "app/answers.hpp"
#include "app/workspace.hpp"

#include <condition_variable>
#include <deque>
#include <future>
#include <thread>

namespace mw::room {

class VoteCommitter {
public:
    explicit VoteCommitter(app::Workspace workspace, Id assessmentId);
    ~VoteCommitter(); // commits what is queued, then stops

    std::future<Result<Answer>> vote(app::AnswerRequest request);
    std::future<Result<Participant>> join(std::string name, std::string group);
    void start();

private:
    void run();
    struct PendingVote {
        app::AnswerRequest request;
        std::promise<Result<Answer>> done;
    };
    struct PendingJoin {
        std::string name, group;
        std::promise<Result<Participant>> done;
    };
    app::Workspace workspace_;
    Id assessmentId_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<PendingVote> votes_;
    std::deque<PendingJoin> joins_;
    bool stopping_ = false;
    std::thread thread_;
};

} // namespace mw::room
