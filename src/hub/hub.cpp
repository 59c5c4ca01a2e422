#include "hub/hub.hpp"

#include <libpq-fe.h>

#include <charconv>

namespace mw::hub {

namespace {

// The hub's schema, step by step: each step runs once, in the transaction of `maturity hub init`.
const char* const kHubSchemaV1 = R"SQL(
CREATE TABLE mw_hub (
    key   text PRIMARY KEY,
    value text NOT NULL
);
INSERT INTO mw_hub (key, value) VALUES ('hub_id', md5(random()::text || clock_timestamp()::text));
-- Every change any laptop sent, in the order the hub took them (id). It is the sync's source and the audit:
-- who sent it (the role) and when; nobody may change or remove a row.
CREATE TABLE mw_changes (
    id          bigserial PRIMARY KEY,
    origin      text NOT NULL CHECK (length(origin) BETWEEN 1 AND 64),
    seq         bigint NOT NULL CHECK (seq > 0),
    kind        text NOT NULL,
    key         text NOT NULL,
    client_uid  text NOT NULL,
    op          text NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
    fields      jsonb NOT NULL,
    hlc         bigint NOT NULL,
    author      name NOT NULL DEFAULT current_user,
    received_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (origin, seq)
);
CREATE INDEX mw_changes_client ON mw_changes (client_uid, id);
CREATE FUNCTION mw_refuse_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the hub''s change log is append-only: % is refused', TG_OP;
END $$;
CREATE TRIGGER mw_changes_append_only BEFORE UPDATE OR DELETE ON mw_changes
    FOR EACH ROW EXECUTE FUNCTION mw_refuse_rewrite();
CREATE TRIGGER mw_changes_no_truncate BEFORE TRUNCATE ON mw_changes
    FOR EACH STATEMENT EXECUTE FUNCTION mw_refuse_rewrite();
-- Pushes take turns, so that ids are committed in their order and a reader's cursor never passes an id
-- that a slower transaction commits later.
CREATE FUNCTION mw_push(changes jsonb) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    added integer;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('mw_changes'));
    INSERT INTO mw_changes (origin, seq, kind, key, client_uid, op, fields, hlc)
        SELECT x.origin, x.seq, x.kind, x.key, x.client_uid, x.op, x.fields, x.hlc
        FROM jsonb_to_recordset(changes) AS x(origin text, seq bigint, kind text, key text, client_uid text,
                                             op text, fields jsonb, hlc bigint)
        ORDER BY x.origin, x.seq
        ON CONFLICT (origin, seq) DO NOTHING;
    GET DIAGNOSTICS added = ROW_COUNT;
    RETURN added;
END $$;
)SQL";

struct ResultCloser {
    void operator()(PGresult* result) const { PQclear(result); }
};
using PgResult = std::unique_ptr<PGresult, ResultCloser>;

// libpq's messages end in a newline and may run over several lines: the first line says it.
std::string firstLine(const char* message) {
    std::string text = message ? message : "";
    if (auto end = text.find('\n'); end != std::string::npos)
        text.resize(end);
    return text.empty() ? "no reason given" : text;
}

bool succeeded(const PGresult* result) {
    const auto status = PQresultStatus(result);
    return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
}

std::optional<std::int64_t> number(const char* text) {
    std::int64_t value = 0;
    const char* end = text + std::char_traits<char>::length(text);
    auto [at, error] = std::from_chars(text, end, value);
    if (error != std::errc() || at != end)
        return std::nullopt;
    return value;
}

} // namespace

void Hub::Closer::operator()(pg_conn* connection) const {
    PQfinish(connection);
}

std::string redactedAddress(const std::string& address) {
    char* error = nullptr;
    PQconninfoOption* options = PQconninfoParse(address.c_str(), &error);
    if (!options) {
        PQfreemem(error);
        return "the hub address given";
    }
    std::string out;
    for (PQconninfoOption* option = options; option->keyword; ++option) {
        if (!option->val || !*option->val)
            continue;
        const std::string keyword = option->keyword;
        out += (out.empty() ? "" : " ") + keyword + "=" + (keyword == "password" ? "***" : option->val);
    }
    PQconninfoFree(options);
    return out.empty() ? "the default PostgreSQL server" : out;
}

Result<void> checkNoPassword(const std::string& address) {
    char* error = nullptr;
    PQconninfoOption* options = PQconninfoParse(address.c_str(), &error);
    if (!options) {
        std::string why = firstLine(error);
        PQfreemem(error);
        return fail("the hub address is not a PostgreSQL connection string or URI: " + why);
    }
    bool password = false;
    for (PQconninfoOption* option = options; option->keyword; ++option)
        password =
            password || (std::string_view(option->keyword) == "password" && option->val && *option->val);
    PQconninfoFree(options);
    if (password)
        return fail("the hub address holds a password, which would be kept with the database: leave it out "
                    "and put it in ~/.pgpass (or a service file, PGSERVICEFILE) instead");
    return {};
}

Hub::Hub(pg_conn* connection, std::string address)
    : connection_(connection)
    , address_(std::move(address)) {}
Hub::Hub(Hub&&) noexcept = default;
Hub& Hub::operator=(Hub&&) noexcept = default;
Hub::~Hub() = default;

Result<Hub> Hub::connect(const std::string& address) {
    char* error = nullptr;
    if (PQconninfoOption* options = PQconninfoParse(address.c_str(), &error))
        PQconninfoFree(options);
    else {
        std::string why = firstLine(error);
        PQfreemem(error);
        return fail("the hub address is not a PostgreSQL connection string or URI: " + why);
    }
    // Defaults first: what the address itself says overrides them (expand_dbname).
    const char* keywords[] = {"connect_timeout", "application_name", "dbname", nullptr};
    const char* values[] = {"5", "maturity-workbench", address.c_str(), nullptr};
    pg_conn* connection = PQconnectdbParams(keywords, values, 1);
    const std::string shown = redactedAddress(address);
    if (!connection)
        return fail("cannot reach the hub at " + shown + ": out of memory");
    if (PQstatus(connection) != CONNECTION_OK) {
        std::string why = firstLine(PQerrorMessage(connection));
        PQfinish(connection);
        return fail("cannot reach the hub at " + shown + ": " + why);
    }
    Hub hub(connection, shown);
    if (auto quiet = hub.exec("SET client_min_messages = warning", "prepare the connection"); !quiet)
        return std::unexpected(quiet.error());
    return hub;
}

Result<void> Hub::exec(const char* sql, const std::string& what) {
    PgResult result(PQexec(connection_.get(), sql));
    if (!succeeded(result.get()))
        return fail("the hub at " + address_ + " could not " + what + ": " +
                    firstLine(PQerrorMessage(connection_.get())));
    return {};
}

Result<HubInit> Hub::init() {
    if (auto begun = exec("BEGIN; SELECT pg_advisory_xact_lock(hashtext('mw_hub'))", "start"); !begun)
        return std::unexpected(begun.error());
    auto rollBack = [&](std::string message) -> Result<HubInit> {
        PgResult(PQexec(connection_.get(), "ROLLBACK"));
        return fail(std::move(message));
    };
    HubInit outcome;
    PgResult present(PQexec(connection_.get(), "SELECT to_regclass('mw_hub') IS NOT NULL"));
    if (!succeeded(present.get()))
        return rollBack("the hub at " + address_ +
                        " could not be read: " + firstLine(PQerrorMessage(connection_.get())));
    if (std::string_view(PQgetvalue(present.get(), 0, 0)) == "t") {
        PgResult version(PQexec(connection_.get(), "SELECT value FROM mw_hub WHERE key = 'schema'"));
        if (!succeeded(version.get()) || PQntuples(version.get()) != 1)
            return rollBack("the database at " + address_ +
                            " has an mw_hub table that is not a Maturity Workbench hub's");
        outcome.fromVersion = static_cast<int>(number(PQgetvalue(version.get(), 0, 0)).value_or(0));
        if (outcome.fromVersion > kHubSchemaVersion)
            return rollBack("the hub at " + address_ +
                            " was made by a newer Maturity Workbench (hub schema " +
                            std::to_string(outcome.fromVersion) + ", this version knows up to " +
                            std::to_string(kHubSchemaVersion) + "); update the program");
    }
    if (outcome.fromVersion < 1)
        if (auto made = exec(kHubSchemaV1, "create its schema"); !made)
            return rollBack(made.error().message);
    const std::string version = "INSERT INTO mw_hub (key, value) VALUES ('schema', '" +
                                std::to_string(kHubSchemaVersion) +
                                "') ON CONFLICT (key) DO UPDATE SET value = excluded.value";
    if (auto noted = exec(version.c_str(), "note its schema version"); !noted)
        return rollBack(noted.error().message);
    if (auto committed = exec("COMMIT", "commit its schema"); !committed)
        return rollBack(committed.error().message);
    auto hubId = id();
    if (!hubId)
        return std::unexpected(hubId.error());
    outcome.hubId = *hubId;
    return outcome;
}

Result<std::string> Hub::id() {
    PgResult result(PQexec(connection_.get(), "SELECT (SELECT value FROM mw_hub WHERE key = 'hub_id'), "
                                              "(SELECT value FROM mw_hub WHERE key = 'schema')"));
    if (!succeeded(result.get()) || PQntuples(result.get()) != 1 || PQgetisnull(result.get(), 0, 0))
        return fail("the database at " + address_ +
                    " is not a Maturity Workbench hub yet (make it one with 'maturity hub init ADDRESS')");
    const auto version = number(PQgetvalue(result.get(), 0, 1)).value_or(0);
    if (version > kHubSchemaVersion)
        return fail("the hub at " + address_ + " was made by a newer Maturity Workbench (hub schema " +
                    std::to_string(version) + "); update the program");
    if (version < kHubSchemaVersion)
        return fail("the hub at " + address_ + " has an older schema (" + std::to_string(version) +
                    "); its administrator upgrades it with 'maturity hub init ADDRESS'");
    return std::string(PQgetvalue(result.get(), 0, 0));
}

Result<std::size_t> Hub::push(const std::vector<SyncChange>& changes) {
    if (changes.empty())
        return std::size_t{0};
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& change : changes)
        rows.push_back({{"origin", change.origin},
                        {"seq", change.seq},
                        {"kind", change.kind},
                        {"key", change.key},
                        {"client_uid", change.clientUid},
                        {"op", std::string(toString(change.op))},
                        {"fields", change.fields},
                        {"hlc", change.hlc}});
    // Invalid UTF-8 in a note must not stop the sync: replaced, as everywhere we write JSON.
    const std::string payload = rows.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    const char* params[] = {payload.c_str()};
    PgResult result(PQexecParams(connection_.get(), "SELECT mw_push($1::jsonb)", 1, nullptr, params, nullptr,
                                 nullptr, 0));
    if (!succeeded(result.get()))
        return fail("the hub at " + address_ +
                    " did not take the changes: " + firstLine(PQerrorMessage(connection_.get())));
    return static_cast<std::size_t>(number(PQgetvalue(result.get(), 0, 0)).value_or(0));
}

Result<std::vector<HubChange>> Hub::pull(std::int64_t after, const std::string& exceptOrigin,
                                         std::size_t limit) {
    const std::string afterText = std::to_string(after);
    const std::string limitText = std::to_string(limit);
    const char* params[] = {afterText.c_str(), exceptOrigin.c_str(), limitText.c_str()};
    PgResult result(
        PQexecParams(connection_.get(),
                     "SELECT id, origin, seq, kind, key, client_uid, op, fields::text, hlc FROM "
                     "mw_changes WHERE id > $1::bigint AND origin <> $2 ORDER BY id LIMIT $3::int",
                     3, nullptr, params, nullptr, nullptr, 0));
    if (!succeeded(result.get()))
        return fail("the hub at " + address_ +
                    " could not send its changes: " + firstLine(PQerrorMessage(connection_.get())));
    if (PQnfields(result.get()) != 9)
        return fail("the hub at " + address_ + " sent rows of an unexpected shape");
    std::vector<HubChange> out;
    const int rows = PQntuples(result.get());
    out.reserve(static_cast<std::size_t>(rows));
    std::int64_t previous = after;
    for (int row = 0; row < rows; ++row) {
        auto text = [&](int column) { return std::string(PQgetvalue(result.get(), row, column)); };
        auto malformed = [&](const std::string& why) -> Result<std::vector<HubChange>> {
            return fail("the hub at " + address_ + " sent a malformed change (row " +
                        std::to_string(row + 1) + " after #" + afterText + "), which is refused: " + why +
                        "; nothing of this sync was applied");
        };
        for (int column = 0; column < 9; ++column)
            if (PQgetisnull(result.get(), row, column))
                return malformed("a field is missing");
        HubChange change;
        const auto id = number(PQgetvalue(result.get(), row, 0));
        const auto seq = number(PQgetvalue(result.get(), row, 2));
        const auto hlc = number(PQgetvalue(result.get(), row, 8));
        if (!id || *id <= previous)
            return malformed("its position is not after the one before");
        if (!seq || !hlc)
            return malformed("its sequence number or clock is not a number");
        const auto op = changeOpFromString(text(6));
        if (!op)
            return malformed("its operation '" + text(6) + "' is unknown");
        auto fields = nlohmann::json::parse(text(7), nullptr, false);
        if (fields.is_discarded())
            return malformed("its fields are not JSON");
        change.hubId = *id;
        change.change.origin = text(1);
        change.change.seq = *seq;
        change.change.kind = text(3);
        change.change.key = text(4);
        change.change.clientUid = text(5);
        change.change.op = *op;
        change.change.fields = std::move(fields);
        change.change.hlc = *hlc;
        if (auto problem = malformedChange(change.change))
            return malformed(*problem);
        previous = *id;
        out.push_back(std::move(change));
    }
    return out;
}

} // namespace mw::hub
