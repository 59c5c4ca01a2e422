#pragma once
// A content address: the same bytes always give the same digest, and different bytes (in practice) never.
#include <string>
#include <string_view>

namespace mw {

// BLAKE2b-256 of the bytes (libsodium's generic hash), as 64 lowercase hex digits.
std::string contentDigest(std::string_view bytes);

} // namespace mw
