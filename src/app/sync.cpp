#include "app/sync.hpp"

#include "hub/hub.hpp"

#include <cstdio>
#include <ctime>

namespace mw::app {

namespace {
// Changes per round trip: large enough that a first sync of a whole portfolio takes few, small enough
// that one never holds the hub's push lock or the laptop's write lock for long.
constexpr std::size_t kBatch = 2000;

std::optional<std::chrono::system_clock::time_point> parseIsoUtc(const std::string& text) {
    std::tm utc{};
    if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &utc.tm_year, &utc.tm_mon, &utc.tm_mday,
                    &utc.tm_hour, &utc.tm_min, &utc.tm_sec) != 6)
        return std::nullopt;
    utc.tm_year -= 1900;
    utc.tm_mon -= 1;
    return std::chrono::system_clock::from_time_t(timegm(&utc));
}

std::string plural(std::int64_t count, const char* one, const char* many) {
    return std::to_string(count) + " " + (count == 1 ? one : many);
}
} // namespace

Result<HubCreated> initHub(const std::string& address) {
    auto hub = hub::Hub::connect(address);
    if (!hub)
        return std::unexpected(hub.error());
    auto made = hub->init();
    if (!made)
        return std::unexpected(made.error());
    return HubCreated{made->hubId, made->fromVersion};
}

Result<SyncOutcome> syncWithHub(Workspace& workspace, const std::optional<std::string>& address) {
    Store& store = workspace.store();
    auto status = store.syncStatus();
    if (!status)
        return std::unexpected(status.error());
    std::string target = address.value_or(status->hubUrl);
    if (target.empty())
        return fail("no hub is set for " + workspace.path().string() +
                    ": give its address once with --hub (a PostgreSQL URI such as "
                    "postgresql://hub.example.com/maturity)");
    if (auto clean = hub::checkNoPassword(target); !clean)
        return std::unexpected(clean.error());
    auto hub = hub::Hub::connect(target);
    if (!hub)
        return fail(hub.error().message + "; the changes made here stay here and go with the next sync");
    auto hubId = hub->id();
    if (!hubId)
        return std::unexpected(hubId.error());
    if (auto connected = store.connectHub(*hubId, target); !connected)
        return std::unexpected(connected.error());
    SyncOutcome outcome;
    outcome.hubAddress = hub->address();
    // The others' changes first, while ours are still waiting: a field both sides changed shows up here
    // as a conflict, and ours, if later, wins when it is sent.
    std::int64_t cursor = status->cursor;
    for (;;) {
        auto changes = hub->pull(cursor, store.origin(), kBatch);
        if (!changes)
            return std::unexpected(changes.error());
        if (changes->empty())
            break;
        auto applied = store.applyHubChanges(*changes);
        if (!applied)
            return std::unexpected(applied.error());
        outcome.received += changes->size();
        outcome.applied += applied->applied;
        outcome.conflicts += applied->conflicts;
        cursor = changes->back().hubId;
    }
    for (;;) {
        auto pending = store.pendingChanges(kBatch);
        if (!pending)
            return std::unexpected(pending.error());
        if (pending->empty())
            break;
        auto taken = hub->push(*pending);
        if (!taken)
            return fail(taken.error().message + "; the changes stay here and go with the next sync");
        if (auto confirmed = store.confirmPushed(pending->back().seq); !confirmed)
            return std::unexpected(confirmed.error());
        outcome.sent += *taken;
    }
    if (auto noted = store.noteSynced(nowIsoUtc()); !noted)
        return std::unexpected(noted.error());
    return outcome;
}

Result<SyncStatus> syncStatus(const Workspace& workspace) {
    return workspace.store().syncStatus();
}

Result<std::vector<SyncConflict>> conflicts(const Workspace& workspace, bool includeResolved) {
    return workspace.store().conflicts(includeResolved);
}

Result<SyncConflict> resolveConflict(Workspace& workspace, std::int64_t conflictId, bool restoreLost) {
    return workspace.store().resolveConflict(conflictId, restoreLost);
}

std::string describeSync(const SyncStatus& status, std::chrono::system_clock::time_point now) {
    if (!status.connected)
        return "not synced with a hub yet";
    std::string text = "synced";
    if (const auto last = parseIsoUtc(status.lastSync)) {
        const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(now - *last).count();
        if (minutes < 1)
            text += " just now";
        else if (minutes < 60)
            text += " " + plural(minutes, "minute", "minutes") + " ago";
        else if (minutes < 48 * 60)
            text += " " + plural(minutes / 60, "hour", "hours") + " ago";
        else
            text += " " + plural(minutes / (24 * 60), "day", "days") + " ago";
    } else {
        text = "never synced";
    }
    if (status.pending > 0)
        text += ", " + plural(status.pending, "change", "changes") + " waiting";
    if (status.openConflicts > 0)
        text += ", " + plural(status.openConflicts, "conflict", "conflicts") + " to look at";
    return text;
}

} // namespace mw::app
