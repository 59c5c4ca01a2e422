#include "room/committer.hpp"

#include "app/workshop.hpp"

namespace mw::room {

VoteCommitter::VoteCommitter(app::Workspace workspace, Id assessmentId)
    : workspace_(std::move(workspace))
    , assessmentId_(assessmentId) {}

void VoteCommitter::start() {
    thread_ = std::thread([this] { run(); });
}

VoteCommitter::~VoteCommitter() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable())
        thread_.join();
}

std::future<Result<Answer>> VoteCommitter::vote(app::AnswerRequest request) {
    std::lock_guard lock(mutex_);
    votes_.push_back({std::move(request), {}});
    auto future = votes_.back().done.get_future();
    wake_.notify_one();
    return future;
}

std::future<Result<Participant>> VoteCommitter::join(std::string name, std::string group) {
    std::lock_guard lock(mutex_);
    joins_.push_back({std::move(name), std::move(group), {}});
    auto future = joins_.back().done.get_future();
    wake_.notify_one();
    return future;
}

void VoteCommitter::run() {
    while (true) {
        std::deque<PendingVote> votes;
        std::deque<PendingJoin> joins;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stopping_ || !votes_.empty() || !joins_.empty(); });
            if (votes_.empty() && joins_.empty() && stopping_)
                return;
            votes.swap(votes_); // everything that arrived during the last commit goes into this one
            joins.swap(joins_);
        }
        // Joins first: a device only votes after its join was acknowledged, so order within a batch is free.
        for (auto& join : joins)
            join.done.set_value(app::addParticipant(workspace_, assessmentId_, join.name, join.group));
        if (votes.empty())
            continue;
        std::vector<app::AnswerRequest> requests;
        requests.reserve(votes.size());
        for (const auto& vote : votes)
            requests.push_back(vote.request);
        auto results = app::recordAnswers(workspace_, assessmentId_, requests);
        for (std::size_t i = 0; i < votes.size(); ++i)
            votes[i].done.set_value(std::move(results[i]));
    }
}

} // namespace mw::room
