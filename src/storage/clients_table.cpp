#include "storage/sql_support.hpp"

namespace mw {

using namespace sql;

Result<std::vector<Client>> Store::clients() const {
    return guarded(path_, "read the clients", [&]() -> Result<std::vector<Client>> {
        std::vector<Client> out;
        SQLite::Statement q(*db_, "SELECT id, name, sector, notes FROM clients ORDER BY name COLLATE NOCASE");
        while (q.executeStep())
            out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                           q.getColumn(3).getString()});
        return out;
    });
}

Result<Client> Store::client(Id id) const {
    return guarded(path_, "read the client", [&]() -> Result<Client> {
        SQLite::Statement q(*db_, "SELECT id, name, sector, notes FROM clients WHERE id = ?");
        q.bind(1, static_cast<int64_t>(id));
        if (!q.executeStep())
            return fail("no client with id " + std::to_string(id) + " in " + path_.string());
        return Client{q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                      q.getColumn(3).getString()};
    });
}

Result<std::optional<Client>> Store::findClient(std::string_view name) const {
    return guarded(path_, "read the clients", [&]() -> Result<std::optional<Client>> {
        SQLite::Statement q(*db_, "SELECT id, name, sector, notes FROM clients WHERE name = ?");
        q.bind(1, std::string(name));
        if (!q.executeStep())
            return std::optional<Client>{};
        return std::optional<Client>{Client{q.getColumn(0).getInt64(), q.getColumn(1).getString(),
                                            q.getColumn(2).getString(), q.getColumn(3).getString()}};
    });
}

Result<Client> Store::addClient(const std::string& name, const std::string& sector,
                                const std::string& notes) {
    backUpIfDue();
    if (name.find_first_not_of(" \t") == std::string::npos)
        return fail("a client needs a name");
    return guarded(path_, "add the client", [&]() -> Result<Client> {
        auto existing = findClient(name);
        if (existing && *existing)
            return fail("a client named '" + name + "' already exists");
        return Client{insertClient(*statements_, name, sector, notes), name, sector, notes};
    });
}

Result<Client> Store::ensureClient(const std::string& name) {
    backUpIfDue();
    auto existing = findClient(name);
    if (!existing)
        return std::unexpected(existing.error());
    if (*existing)
        return **existing;
    return addClient(name);
}

Result<void> Store::updateClient(const Client& client) {
    backUpIfDue();
    return guarded(path_, "update the client", [&]() -> Result<void> {
        SQLite::Statement q(*db_, "UPDATE clients SET name = ?, sector = ?, notes = ? WHERE id = ?");
        q.bind(1, client.name);
        q.bind(2, client.sector);
        q.bind(3, client.notes);
        q.bind(4, static_cast<int64_t>(client.id));
        if (q.exec() == 0)
            return fail("no client with id " + std::to_string(client.id));
        return {};
    });
}

} // namespace mw
