#include "assessment.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <random>

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
    // YYYY-MM-DD, checked by hand: no std::regex on outside input.
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return false;
    auto number = [&](std::size_t from, std::size_t length) {
        int value = 0;
        for (std::size_t i = from; i < from + length; ++i) {
            if (text[i] < '0' || text[i] > '9')
                return -1;
            value = value * 10 + (text[i] - '0');
        }
        return value;
    };
    const int year = number(0, 4), month = number(5, 2), day = number(8, 2);
    if (year < 0 || month < 0 || day < 0)
        return false;
    const std::chrono::year_month_day ymd{std::chrono::year(year),
                                          std::chrono::month(static_cast<unsigned>(month)),
                                          std::chrono::day(static_cast<unsigned>(day))};
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
