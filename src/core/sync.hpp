#pragma once
// The team hub's unit of exchange: one change to one record, as a laptop logs it and the hub relays it.
// Records are named by stable keys built from uids (never a database's row ids), and each change carries
// its origin (the database it was made in) and a hybrid logical clock, so that any two laptops order the
// same changes the same way whatever their wall clocks say.
#include "core/error.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace mw {

// What a change does to its record: creates it with every field, changes some fields, or deletes it
// (a tombstone: the record and what hangs from it are gone everywhere, and later edits are refused).
enum class ChangeOp { Insert, Update, Delete };
std::string_view toString(ChangeOp op);
std::optional<ChangeOp> changeOpFromString(std::string_view text);

struct SyncChange {
    std::int64_t seq = 0; // the origin's own sequence number: (origin, seq) names a change everywhere
    std::string origin;
    std::string kind;      // client, snapshot, assessment, participant, answer, action
    std::string key;       // the record's key within its kind
    std::string clientUid; // the client the record belongs to (empty: shared, as model snapshots are)
    ChangeOp op = ChangeOp::Update;
    nlohmann::json fields = nlohmann::json::object(); // field name to value; empty for a delete
    std::int64_t hlc = 0;
};

// A change as the hub relays it: its position in the hub's log, which is the order every laptop applies.
struct HubChange {
    std::int64_t hubId = 0;
    SyncChange change;
};

// A hybrid logical clock value: milliseconds since the epoch in the high bits, a counter in the low 16.
inline constexpr std::int64_t kHlcCounterBits = 16;
inline std::int64_t hlcMillis(std::int64_t hlc) {
    return hlc >> kHlcCounterBits;
}
// Whether a change with clock (hlc, origin) is later than one with (otherHlc, otherOrigin): the clock
// first, the origin breaking ties, so that every laptop picks the same winner.
bool laterThan(std::int64_t hlc, std::string_view origin, std::int64_t otherHlc,
               std::string_view otherOrigin);

// A change both sides made to the same field since they last met: the later one was kept, the other is
// here so that nothing is lost silently.
struct SyncConflict {
    std::int64_t id = 0;
    std::string kind;
    std::string key;
    std::string field;       // "" when the conflict is a deletion against edits
    std::string description; // what the record is, in words ("answer to G1.2 by Consensus in ...")
    nlohmann::json keptValue;
    std::string keptOrigin;
    std::int64_t keptHlc = 0;
    nlohmann::json lostValue;
    std::string lostOrigin;
    std::int64_t lostHlc = 0;
    std::string detectedAt;
    std::string resolvedAt; // empty while open
};

// Checks one change from outside (the hub): known kind and op, key present, fields an object of scalar
// values (or the action's list of questions). Returns why it is malformed, or nothing.
std::optional<std::string> malformedChange(const SyncChange& change);

} // namespace mw
