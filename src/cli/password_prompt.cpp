#include "cli/password_prompt.hpp"

#include <termios.h>
#include <unistd.h>

#include <cstring>

namespace mw::cli {

namespace {

void say(const char* text) {
    const ssize_t ignored = ::write(STDERR_FILENO, text, std::strlen(text));
    (void)ignored;
}

// Restores the terminal's echo however the read ends.
class EchoOff {
public:
    EchoOff() {
        if (::tcgetattr(STDIN_FILENO, &saved_) != 0)
            return;
        termios quiet = saved_;
        quiet.c_lflag &= static_cast<tcflag_t>(~ECHO);
        active_ = ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
    }
    EchoOff(const EchoOff&) = delete;
    EchoOff& operator=(const EchoOff&) = delete;
    ~EchoOff() {
        if (active_)
            ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_);
    }

private:
    termios saved_{};
    bool active_ = false;
};

Result<Secret> readLine(const char* prompt) {
    say(prompt);
    std::string line;
    {
        EchoOff quiet;
        char c = 0;
        while (true) {
            const ssize_t n = ::read(STDIN_FILENO, &c, 1);
            if (n <= 0 || c == '\n')
                break;
            line.push_back(c);
        }
        c = 0;
    }
    say("\n");
    if (line.ends_with('\r'))
        line.pop_back();
    Secret secret(std::move(line));
    if (secret.empty())
        return fail("no password was typed");
    return secret;
}

} // namespace

bool canAskOnTerminal() {
    return ::isatty(STDIN_FILENO) == 1;
}

Result<Secret> askPasswordOnTerminal(const char* prompt, bool confirm) {
    auto first = readLine(prompt);
    if (!first || !confirm)
        return first;
    auto second = readLine("Type it again: ");
    if (!second)
        return std::unexpected(second.error());
    if (first->view() != second->view())
        return fail("the two passwords differ; nothing was written");
    return first;
}

} // namespace mw::cli
