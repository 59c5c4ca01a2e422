#include "assessment.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <random>
#include <regex>

namespace mw {

std::string_view toString(Confidence confidence) {
    switch (confidence) {
    case Confidence::Low:
        return "low";
    case Confidence::Medium:
        return "medium";
    case Confidence::High:
        return "high";
    }
    return "medium";
}

std::optional<Confidence> confidenceFromString(std::string_view text) {
    if (text == "low")
        return Confidence::Low;
    if (text == "medium")
        return Confidence::Medium;
    if (text == "high")
        return Confidence::High;
    return std::nullopt;
}

std::string_view toString(Status status) {
    return status == Status::Final ? "final" : "draft";
}

std::optional<Status> statusFromString(std::string_view text) {
    if (text == "draft")
        return Status::Draft;
    if (text == "final")
        return Status::Final;
    return std::nullopt;
}

Participant consensusParticipant(Id id) {
    Participant p;
    p.id = id;
    p.name = "Workshop consensus";
    p.group = "All";
    p.isDefault = true;
    return p;
}

std::string nowIsoUtc() {
    const auto now = std::chrono::system_clock::now();
    const std::time_t t = std::chrono::system_clock::to_time_t(now);
    const auto millis =
        std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
    std::tm utc{};
    gmtime_r(&t, &utc);
    char buffer[40];
    const std::size_t length = std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%S", &utc);
    std::snprintf(buffer + length, sizeof buffer - length, ".%03dZ", static_cast<int>(millis));
    return buffer;
}

std::string todayIsoDate() {
    const auto now = std::chrono::system_clock::now();
    const std::time_t t = std::chrono::system_clock::to_time_t(now);
    std::tm local{};
    localtime_r(&t, &local);
    char buffer[16];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &local);
    return buffer;
}

bool isIsoDate(std::string_view text) {
    static const std::regex pattern(R"((\d{4})-(\d{2})-(\d{2}))");
    std::match_results<std::string_view::const_iterator> match;
    if (!std::regex_match(text.begin(), text.end(), match, pattern))
        return false;
    const std::chrono::year_month_day ymd{std::chrono::year(std::stoi(match[1].str())),
                                          std::chrono::month(std::stoul(match[2].str())),
                                          std::chrono::day(std::stoul(match[3].str()))};
    return ymd.ok();
}

std::string newUid() {
    static thread_local std::mt19937_64 engine{std::random_device{}()};
    std::uniform_int_distribution<std::uint64_t> dist;
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%016llx%016llx", static_cast<unsigned long long>(dist(engine)),
                  static_cast<unsigned long long>(dist(engine)));
    return buffer;
}

} // namespace mw
