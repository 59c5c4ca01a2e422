#pragma once
// Syncing with the team hub, once for every front door: `maturity hub init` and `maturity sync`, the
// workbench's Sync action and its quiet background sync.
#include "app/workspace.hpp"

#include <chrono>
#include <optional>
#include <string>

namespace mw::app {

struct HubCreated {
    std::string hubId;
    int fromVersion = 0; // 0: the schema was created now; else upgraded from this version (or current)
};
// Makes the PostgreSQL database at the address a hub, or upgrades its schema.
Result<HubCreated> initHub(const std::string& address);

struct SyncOutcome {
    std::string hubAddress;   // without any password
    std::size_t sent = 0;     // changes the hub took from here (already held ones not counted)
    std::size_t received = 0; // changes of others read from the hub
    std::size_t applied = 0;  // of those, the ones that moved something here
    std::size_t conflicts = 0;
};

// Sends this database's changes and applies the others'. The address is remembered (it may not hold a
// password); without one, the remembered address is used. Safe to cut at any moment: what was applied or
// sent is committed, and the next sync goes on from there.
Result<SyncOutcome> syncWithHub(Workspace& workspace, const std::optional<std::string>& address = {});

Result<SyncStatus> syncStatus(const Workspace& workspace);
// The fields changed on two laptops at once (the open ones, or all).
Result<std::vector<SyncConflict>> conflicts(const Workspace& workspace, bool includeResolved = false);
// Closes a conflict keeping the value that won or (restoreLost) writing the lost one back as a new change.
Result<SyncConflict> resolveConflict(Workspace& workspace, std::int64_t conflictId, bool restoreLost);

// The sync status in a consultant's words: "synced 2 minutes ago, 3 changes waiting", "not synced yet".
std::string describeSync(const SyncStatus& status, std::chrono::system_clock::time_point now);

} // namespace mw::app
