#pragma once
// The team hub: a PostgreSQL database, reached through libpq. It keeps one append-only log of every
// change any laptop sent (who sent it and when, for the audit) and hands each laptop the changes of
// others in the order it received them. Standard C++ and libpq: no Qt, no SQLite.
#include "core/error.hpp"
#include "core/sync.hpp"

#include <memory>
#include <string>
#include <vector>

struct pg_conn;

namespace mw::hub {

inline constexpr int kHubSchemaVersion = 1;

// The address without any password in it, for messages and for keeping.
std::string redactedAddress(const std::string& address);
// A refusal when the address carries a password: passwords belong in ~/.pgpass or a service file.
Result<void> checkNoPassword(const std::string& address);

struct HubInit {
    std::string hubId;
    int fromVersion = 0; // 0: created now
};

class Hub {
public:
    // Connects with libpq's conventions: a URI or key=value string, PGSERVICEFILE, ~/.pgpass, the PG*
    // variables, sslmode. Gives up after five seconds unless the address says otherwise.
    static Result<Hub> connect(const std::string& address);
    Hub(Hub&&) noexcept;
    Hub& operator=(Hub&&) noexcept;
    ~Hub();

    // Creates the hub's schema, or upgrades an older one; run once per hub by whoever administers it.
    Result<HubInit> init();
    // The hub's id; an error that says so when the database is not a hub (yet).
    Result<std::string> id();
    // Adds the changes to the log in one transaction; changes already there ((origin, seq) known) are
    // left as they are, so that sending again after a cut changes nothing. Returns how many were new.
    Result<std::size_t> push(const std::vector<SyncChange>& changes);
    // The others' changes after the cursor, in the hub's order, each checked as untrusted input.
    Result<std::vector<HubChange>> pull(std::int64_t after, const std::string& exceptOrigin,
                                        std::size_t limit);

    const std::string& address() const { return address_; }

private:
    Hub(pg_conn* connection, std::string address);
    Result<void> exec(const char* sql, const std::string& what);
    struct Closer {
        void operator()(pg_conn* connection) const;
    };
    std::unique_ptr<pg_conn, Closer> connection_;
    std::string address_; // redacted
};

} // namespace mw::hub
