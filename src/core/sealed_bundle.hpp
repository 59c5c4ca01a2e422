#pragma once
// A bundle sealed with a password, for sending an assessment by e-mail or on a stick: the key is derived
// from the password with Argon2id (memory-hard), the bundle's JSON is encrypted and authenticated with
// XChaCha20-Poly1305, and the header is authenticated with it. The layout is in docs/sealed-bundle.md.
#include "error.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace mw {

inline constexpr std::string_view kSealedMagic = "MWSEALED";
inline constexpr std::uint8_t kSealedFormatVersion = 1;
// How unseal() ends its message when the password is wrong or the file changed, for front doors that ask
// again.
inline constexpr std::string_view kUnsealRefused =
    "cannot open the sealed bundle: wrong password, or the file was changed after it was sealed";
// A password shorter than this is refused when sealing; any password is tried when opening.
inline constexpr std::size_t kMinimumSealPasswordLength = 8;

// Overwrites the text's bytes, then empties it: for decrypted bundles and passwords.
void wipeText(std::string& text) noexcept;

// Text that must not linger in memory: wiped when it goes away.
class Secret {
public:
    Secret() = default;
    explicit Secret(std::string text)
        : text_(std::move(text)) {}
    Secret(const Secret&) = delete;
    Secret& operator=(const Secret&) = delete;
    Secret(Secret&& other) noexcept;
    Secret& operator=(Secret&& other) noexcept;
    ~Secret();
    std::string_view view() const { return text_; }
    bool empty() const { return text_.empty(); }

private:
    void wipe() noexcept;
    std::string text_;
};

struct KeyDerivationCost {
    std::uint32_t passes = 0;      // Argon2id's opslimit
    std::uint64_t memoryBytes = 0; // Argon2id's memlimit
};
// libsodium's "moderate" cost: about half a second and 256 MiB on a laptop, slow enough against guessing.
KeyDerivationCost defaultKeyDerivationCost();

struct SealedHeader {
    std::uint8_t formatVersion = 0;
    KeyDerivationCost cost;
    std::array<std::uint8_t, 16> salt{};
    std::array<std::uint8_t, 24> nonce{};
    std::size_t ciphertextOffset = 0;
};

// True when the bytes begin like a sealed bundle (whatever the file is called).
bool looksSealed(std::string_view bytes);
// Reads and checks the header alone: no key derivation, so it is cheap on any input.
Result<SealedHeader> readSealedHeader(std::string_view bytes, std::string_view source);
Result<std::string> seal(std::string_view plaintext, const Secret& password,
                         KeyDerivationCost cost = defaultKeyDerivationCost());
// A wrong password and a changed byte give the same one-line error: the two cannot be told apart.
Result<std::string> unseal(std::string_view sealed, const Secret& password, std::string_view source);

} // namespace mw
