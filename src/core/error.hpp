#pragma once
// Expected failures at module boundaries travel as Result<T>; exceptions are for bugs.
#include <expected>
#include <string>
#include <utility>
#include <vector>

namespace mw {

struct Error {
    std::string message;              // one line: what failed, where, and what to do
    std::vector<std::string> details; // every individual problem when there are several
};

template <typename T> using Result = std::expected<T, Error>;

inline std::unexpected<Error> fail(std::string message, std::vector<std::string> details = {}) {
    return std::unexpected<Error>(Error{std::move(message), std::move(details)});
}

} // namespace mw
