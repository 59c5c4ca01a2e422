#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mw {

using Id = std::int64_t;

enum class Confidence { Low, Medium, High };
std::string_view toString(Confidence confidence);
std::optional<Confidence> confidenceFromString(std::string_view text);

enum class Status { Draft, Final };
std::string_view toString(Status status);
std::optional<Status> statusFromString(std::string_view text);

struct Client {
    Id id = 0;
    std::string name;
    std::string sector;
    std::string notes;
};

struct Participant {
    Id id = 0;
    std::string name;
    std::string group;      // IT, OT, Business, ...
    bool isDefault = false; // the consensus: the facilitator's recorded answer for the room
    std::string uid;        // stable across export and import; matches voices when bundles merge
    std::string role;       // optional: "plant manager", "CISO", ...
};

// The facilitator's recorded answer for the room, which every assessment has.
Participant consensusParticipant(Id id = 0);

struct Answer {
    std::string questionId;
    Id participantId = 0;
    std::optional<double> current; // empty with notApplicable, or when only a target/note was given
    bool notApplicable = false;
    std::optional<double> target;
    std::string note;
    Confidence confidence = Confidence::Medium;
    std::string updatedAt; // ISO 8601 UTC
    std::string origin;    // the database the answer was given in (its origin id), for merging

    bool hasLevel() const { return notApplicable || current.has_value(); }
    bool operator==(const Answer&) const = default;
};

struct AssessmentInfo {
    Id id = 0;
    std::string uid; // stable across export/import; detects re-imports
    Id clientId = 0;
    std::string clientName;
    std::string title;
    std::string date; // YYYY-MM-DD
    std::string assessor;
    Status status = Status::Draft;
    std::optional<Id> baselineId;
    std::string modelId;
    std::string modelVersion;
    std::size_t questionCount = 0;
    std::size_t answeredCount = 0; // questions with a level or N/A

    double completeness() const {
        return questionCount == 0 ? 0.0 : 100.0 * static_cast<double>(answeredCount) / questionCount;
    }
};

// Small helpers shared by every layer.
std::string nowIsoUtc();
std::string todayIsoDate();
bool isIsoDate(std::string_view text);
std::string newUid();

} // namespace mw
