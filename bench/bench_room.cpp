// Benchmark: a room of 60 phones joining and voting on every question of the default model at once, over
// loopback HTTP. Reports votes per second, each vote's round trip (p50, p99), how long until the
// facilitator's count shows a vote, peak memory, and the floor: one committed answer at a time on the same
// disk, in the same run. Not a test. Usage: bench_room [FOLDER] [PHONES]
#include "app/answers.hpp"
#include "app/workspace.hpp"
#include "room/room_server.hpp"
#include "storage/demo.hpp"

#include <httplib.h>
#include <nlohmann/json.hpp>
#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <thread>
#include <vector>

using namespace mw;
using Clock = std::chrono::steady_clock;
using Json = nlohmann::json;

static double ms(Clock::duration d) {
    return std::chrono::duration<double, std::milli>(d).count();
}

static double at(std::vector<double>& samples, double q) {
    std::sort(samples.begin(), samples.end());
    return samples.empty() ? 0 : samples[static_cast<std::size_t>(q * (samples.size() - 1))];
}

int main(int argc, char** argv) {
    const std::filesystem::path folder = argc > 1 ? argv[1] : std::filesystem::temp_directory_path();
    const int phones = argc > 2 ? std::atoi(argv[2]) : 60;
    const auto path = folder / "bench-room.db";
    std::filesystem::remove(path);
    auto workspace = app::Workspace::open(path);
    if (!workspace)
        return 1;
    auto model = workspace->findModel("itot-convergence");
    if (!model || !createDemo(workspace->store(), workspace->catalog().registry()))
        return 1;
    const auto questions = model->allQuestions();

    // The floor: one committed answer at a time, as the workbench records a key press.
    std::vector<double> floor;
    for (int i = 0; i < 100; ++i) {
        const auto start = Clock::now();
        if (!app::recordAnswer(*workspace, 2, questions[i % questions.size()]->id,
                               AnswerEdit::setLevel(i % 6)))
            return 1;
        floor.push_back(ms(Clock::now() - start));
    }

    // Every phone comes from 127.0.0.1 here and the questions follow each other within a second, so the
    // per-address and per-device rate limits are lifted: they would measure the limits, not the server.
    room::RoomLimits limits;
    limits.requestsPerSecond = limits.requestBurst = 1e6;
    limits.joinsPerSecond = limits.joinBurst = 1e6;
    limits.votesPerSecond = limits.voteBurst = 1e6;
    auto room = room::Room::open(path, 2, limits);
    if (!room)
        return 1;
    room::RoomServer server(**room);
    if (!server.start("127.0.0.1", 0))
        return 1;
    const std::string base = "/s/" + (*room)->token() + "/";

    std::vector<Json> who(static_cast<std::size_t>(phones));
    for (int p = 0; p < phones; ++p) {
        httplib::Client client("127.0.0.1", server.port());
        auto joined =
            client.Post((base + "api/join").c_str(),
                        Json{{"name", "Phone " + std::to_string(p)}, {"group", p % 2 ? "IT" : "OT"}}.dump(),
                        "application/json");
        if (!joined || joined->status != 200)
            return 1;
        who[static_cast<std::size_t>(p)] = Json::parse(joined->body);
    }

    std::mutex lock;
    std::vector<double> roundTrips, visible;
    std::atomic<int> failures = 0;
    const auto wallStart = Clock::now();
    for (const Question* question : questions) {
        if (!(*room)->openQuestion(question->id))
            return 1;
        const auto opened = Clock::now();
        std::atomic<int> acknowledged = 0;
        std::vector<std::thread> threads;
        for (int p = 0; p < phones; ++p)
            threads.emplace_back([&, p] {
                httplib::Client client("127.0.0.1", server.port());
                const Json body{{"participant", who[static_cast<std::size_t>(p)]["participant"]},
                                {"key", who[static_cast<std::size_t>(p)]["key"]},
                                {"question", question->id},
                                {"level", p % 6},
                                {"comment", "phone " + std::to_string(p)}};
                const auto start = Clock::now();
                auto response = client.Post((base + "api/vote").c_str(), body.dump(), "application/json");
                const double trip = ms(Clock::now() - start);
                if (!response || response->status != 200) {
                    ++failures;
                    return;
                }
                ++acknowledged;
                std::lock_guard guard(lock);
                roundTrips.push_back(trip);
            });
        // The facilitator's count, polled as the presenter would: how long until it shows every vote.
        while ((*room)->votesIn() < static_cast<std::size_t>(phones) && failures == 0 &&
               ms(Clock::now() - opened) < 10000)
            std::this_thread::sleep_for(std::chrono::microseconds(200));
        visible.push_back(ms(Clock::now() - opened));
        for (auto& t : threads)
            t.join();
    }
    const double wall = ms(Clock::now() - wallStart);
    server.stop();
    room->reset();

    // Nothing lost: every phone's vote on every question is in the database.
    std::size_t stored = 0;
    auto answers = workspace->store().answers(2);
    auto participants = workspace->store().participants(2);
    if (!answers || !participants)
        return 1;
    for (const auto& a : *answers)
        for (const auto& p : *participants)
            if (p.id == a.participantId && p.name.rfind("Phone ", 0) == 0 && a.current)
                ++stored;
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const double votes = static_cast<double>(roundTrips.size());
    const double floorMedian = at(floor, 0.5);
    std::printf("room of %d phones, %zu questions: %.0f votes in %.0f ms, %.0f votes/s, %d refused or lost\n",
                phones, questions.size(), votes, wall, votes / (wall / 1000.0), failures.load());
    std::printf("vote round trip          p50 %7.2f ms   p99 %7.2f ms   max %7.2f ms\n", at(roundTrips, 0.5),
                at(roundTrips, 0.99), at(roundTrips, 1.0));
    std::printf("count shows every vote   p50 %7.2f ms   p99 %7.2f ms   after the question opens\n",
                at(visible, 0.5), at(visible, 0.99));
    std::printf(
        "floor: one committed answer at a time  median %.2f ms (so %.0f votes/s without group commit)\n",
        floorMedian, 1000.0 / floorMedian);
    std::printf("votes in the database    %zu of %zu\n", stored,
                static_cast<std::size_t>(phones) * questions.size());
    std::printf("peak memory              %.1f MB\n", static_cast<double>(usage.ru_maxrss) / 1024.0);
    return stored == static_cast<std::size_t>(phones) * questions.size() && failures == 0 ? 0 : 1;
}
