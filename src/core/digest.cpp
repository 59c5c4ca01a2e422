#include "digest.hpp"

#include <sodium.h>

#include <array>
#include <stdexcept>

namespace mw {

std::string contentDigest(std::string_view bytes) {
    static const bool ready = sodium_init() >= 0; // idempotent and thread-safe
    if (!ready)
        throw std::runtime_error("libsodium could not initialise");
    std::array<unsigned char, crypto_generichash_BYTES> hash{};
    crypto_generichash(hash.data(), hash.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                       bytes.size(), nullptr, 0);
    std::string hex(hash.size() * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), hash.data(), hash.size());
    hex.pop_back(); // the terminating NUL
    return hex;
}

} // namespace mw
