// `maturity serve`: the room server without the workbench. Phones join and vote; the facilitator's commands
// come on standard input, one per line, each answered with one line.
#include "cli/commands/commands.hpp"
#include "platform/qt_text.hpp"
#include "room/room_server.hpp"

#include <QStringList>

#include <cerrno>
#include <csignal>
#include <poll.h>
#include <unistd.h>

namespace mw::cli {

namespace {

int stopPipe[2] = {-1, -1};

extern "C" void onStopSignal(int) {
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(stopPipe[1], &byte, 1);
}

// Waits for a line on standard input or a stop signal. Empty: stopped (a signal). At the end of the input the
// server keeps running until a signal, so `maturity serve ID < /dev/null &` serves until it is killed.
std::optional<std::string> nextCommand(bool& inputOpen) {
    // Read with read(2), not std::cin: lines that arrive together must not wait in a stream's buffer while
    // poll() sees nothing new on the descriptor.
    static std::string pending;
    while (true) {
        if (const auto newline = pending.find('\n'); newline != std::string::npos) {
            std::string line = pending.substr(0, newline);
            pending.erase(0, newline + 1);
            return line;
        }
        pollfd fds[2] = {{stopPipe[0], POLLIN, 0}, {STDIN_FILENO, POLLIN, 0}};
        if (::poll(fds, inputOpen ? 2 : 1, -1) < 0) {
            if (errno == EINTR)
                continue;
            return std::nullopt;
        }
        if (fds[0].revents & POLLIN)
            return std::nullopt;
        if (inputOpen && (fds[1].revents & (POLLIN | POLLHUP))) {
            char buffer[4096];
            const auto n = ::read(STDIN_FILENO, buffer, sizeof buffer);
            if (n > 0) {
                pending.append(buffer, static_cast<std::size_t>(n));
            } else if (n == 0 || errno != EINTR) {
                inputOpen = false; // the end of the input: a last line without a newline still counts
                if (!pending.empty()) {
                    std::string line;
                    line.swap(pending);
                    return line;
                }
            }
        }
    }
}

QString distributionLine(const room::Room& room) {
    QStringList groups;
    for (const auto& [group, levels] : room.distribution()) {
        QStringList shown;
        for (const auto& level : levels)
            shown << q(level);
        groups << q(group) + ": " + shown.join(' ');
    }
    return groups.isEmpty() ? QStringLiteral("no votes") : groups.join(QStringLiteral(" · "));
}

// One facilitator command; false when it asks to stop.
bool runCommand(room::Room& room, const std::string& line, QTextStream& out) {
    const QStringList words = q(line).split(' ', Qt::SkipEmptyParts);
    if (words.isEmpty())
        return true;
    const QString verb = words.front().toLower();
    const auto open = room.openQuestionId();
    if (verb == "open" && words.size() == 2) {
        if (auto opened = room.openQuestion(s(words[1])); !opened)
            out << "error: " << q(opened.error().message) << "\n";
        else
            out << "open " << words[1] << ": " << q(room.model().question(s(words[1]))->text) << "\n";
    } else if (verb == "reveal" && words.size() == 1) {
        if (!open)
            out << "error: no question is open; open QUESTION first\n";
        else {
            room.reveal();
            out << "revealed " << q(*open) << ": " << room.votesIn() << " votes · " << distributionLine(room)
                << "\n";
        }
    } else if (verb == "close" && words.size() == 1) {
        const std::size_t votes = room.votesIn();
        room.close();
        out << (open ? "closed " + q(*open) + QStringLiteral(": %1 votes").arg(votes)
                     : QStringLiteral("closed"))
            << "\n";
    } else if (verb == "status" && words.size() == 1) {
        out << "joined " << room.devicesJoined() << " · "
            << (open ? "open " + q(*open) + QStringLiteral(" · %1 votes").arg(room.votesIn())
                     : QStringLiteral("no question open"))
            << "\n";
    } else if (verb == "quit" && words.size() == 1) {
        out << "stopped\n";
        return false;
    } else {
        out << "error: unknown command '" << q(line) << "' (open QUESTION, reveal, close, status or quit)\n";
    }
    return true;
}

} // namespace

int serveCommand(CommandContext& context) {
    const Id id = context.idArgument(0, "ID");
    context.expectPositionals(1);
    int port = 8765;
    if (context.isSet("port")) {
        bool ok = false;
        port = context.value("port").toInt(&ok);
        if (!ok || port < 0 || port > 65535)
            throw UsageError{"serve: --port must be a number from 0 (any free port) to 65535"};
    }
    const std::string bind = context.isSet("bind") ? s(context.value("bind")) : "0.0.0.0";
    auto workspace = context.workspace();
    if (!workspace)
        return context.fail(workspace.error());
    auto room = room::Room::open((*workspace)->path(), id);
    if (!room)
        return context.fail(room.error());
    room::RoomServer server(**room);
    if (auto started = server.start(bind, port); !started)
        return context.fail(started.error());

    if (::pipe(stopPipe) != 0)
        return context.fail(QStringLiteral("cannot set up the stop signal"));
    std::signal(SIGTERM, onStopSignal);
    std::signal(SIGINT, onStopSignal);
    context.out << "Join: " << q(server.joinUrl()) << "\n";
    context.out.flush();
    bool inputOpen = true;
    while (auto line = nextCommand(inputOpen)) {
        const bool more = runCommand(**room, *line, context.out);
        context.out.flush();
        if (!more)
            break;
    }
    server.stop(); // answers in flight finish; the committer writes what is queued when the room closes
    std::signal(SIGTERM, SIG_DFL);
    std::signal(SIGINT, SIG_DFL);
    ::close(stopPipe[0]);
    ::close(stopPipe[1]);
    return ExitOk;
}

} // namespace mw::cli
