#pragma once
// A real PostgreSQL 15 server for the hub tests (tests/hub/pg_server.sh), one per test process, and a
// fresh database on it per test.
#include "support.hpp"

#include <cstdlib>
#include <string>

namespace mw::test {

inline int runShell(const std::string& command) {
    const int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

class HubServer {
public:
    static HubServer& instance() {
        static HubServer server;
        return server;
    }
    std::string script() const { return std::string(MW_HUB_TEST_DIR) + "/pg_server.sh"; }
    const std::string& port() const { return port_; }
    // A new, empty database on the server: its libpq URI.
    std::string freshDatabase() {
        const std::string name = "hub_" + std::to_string(++databases_);
        REQUIRE(psql("postgres", "CREATE DATABASE " + name) == 0);
        return "postgresql://postgres@127.0.0.1:" + port_ + "/" + name;
    }
    // Runs SQL on a database as the server's superuser; the exit status of psql.
    int psql(const std::string& database, const std::string& sql,
             const std::string& user = "postgres") const {
        return runShell(command(database, sql, user) + " >/dev/null 2>&1");
    }
    // The first column of the first row SQL gives, as text.
    std::string query(const std::string& database, const std::string& sql) const {
        const std::string out = (dir_ / "query.out").string();
        runShell(command(database, sql, "postgres") + " -t -A >" + out + " 2>&1");
        std::string text = readBytes(out);
        while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
            text.pop_back();
        return text;
    }
    // Stops the server at once, as a crash or a pulled cable would, and starts it again on the same port.
    void halt() { REQUIRE(runShell("bash " + script() + " halt " + dir_.string()) == 0); }
    void resume() { REQUIRE(runShell("bash " + script() + " resume " + dir_.string()) == 0); }

private:
    // The SQL goes through a file: no shell quoting of what it holds.
    std::string command(const std::string& database, const std::string& sql, const std::string& user) const {
        const auto file = dir_ / "statement.sql";
        writeBytes(file, sql);
        return "psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p " + port_ + " -U " + user + " -d " + database +
               " -f " + file.string();
    }
    HubServer() {
        dir_ = temp_.path() / "pg";
        REQUIRE(runShell("bash " + script() + " start " + dir_.string()) == 0);
        port_ = readBytes(dir_ / "port");
        while (!port_.empty() && port_.back() == '\n')
            port_.pop_back();
    }
    ~HubServer() { runShell("bash " + script() + " stop " + dir_.string()); }
    TempDir temp_;
    std::filesystem::path dir_;
    std::string port_;
    int databases_ = 0;
};

} // namespace mw::test
