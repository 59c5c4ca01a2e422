#include "sealed_bundle.hpp"

#include <sodium.h>

#include <stdexcept>

namespace mw {

namespace {

// magic, version, algorithm, passes (u32), memory (u64), salt, nonce; little-endian.
constexpr std::size_t kHeaderSize = kSealedMagic.size() + 1 + 1 + 4 + 8 + 16 + 24;
constexpr std::uint8_t kAlgorithmArgon2idXChaCha20Poly1305 = 1;
// Bounds on what a header may ask for, so a crafted file cannot make the reader spend minutes or gigabytes.
constexpr std::uint32_t kMaxPasses = 16;
constexpr std::uint64_t kMaxMemoryBytes = std::uint64_t{1} << 30;

static_assert(crypto_pwhash_argon2id_SALTBYTES == 16);
static_assert(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES == 24);
static_assert(crypto_aead_xchacha20poly1305_ietf_KEYBYTES == 32);

void ensureSodium() {
    static const bool ready = sodium_init() >= 0;
    if (!ready)
        throw std::runtime_error("libsodium could not initialise its random source");
}

void putLittleEndian(std::string& out, std::uint64_t value, int bytes) {
    for (int i = 0; i < bytes; ++i)
        out.push_back(static_cast<char>((value >> (8 * i)) & 0xff));
}

std::uint64_t getLittleEndian(std::string_view bytes, std::size_t offset, int count) {
    std::uint64_t value = 0;
    for (int i = count - 1; i >= 0; --i)
        value = (value << 8) | static_cast<std::uint8_t>(bytes[offset + static_cast<std::size_t>(i)]);
    return value;
}

std::string headerBytes(const SealedHeader& header) {
    std::string out(kSealedMagic);
    out.push_back(static_cast<char>(header.formatVersion));
    out.push_back(static_cast<char>(kAlgorithmArgon2idXChaCha20Poly1305));
    putLittleEndian(out, header.cost.passes, 4);
    putLittleEndian(out, header.cost.memoryBytes, 8);
    out.append(reinterpret_cast<const char*>(header.salt.data()), header.salt.size());
    out.append(reinterpret_cast<const char*>(header.nonce.data()), header.nonce.size());
    return out;
}

// The key lives in libsodium's guarded memory and is wiped when this goes away.
class DerivedKey {
public:
    DerivedKey()
        : key_(static_cast<unsigned char*>(sodium_malloc(kSize))) {
        if (!key_)
            throw std::bad_alloc();
    }
    DerivedKey(const DerivedKey&) = delete;
    DerivedKey& operator=(const DerivedKey&) = delete;
    ~DerivedKey() { sodium_free(key_); }
    unsigned char* data() { return key_; }
    static constexpr std::size_t kSize = crypto_aead_xchacha20poly1305_ietf_KEYBYTES;

private:
    unsigned char* key_;
};

bool deriveKey(DerivedKey& key, const Secret& password, const SealedHeader& header) {
    return crypto_pwhash(key.data(), DerivedKey::kSize, password.view().data(), password.view().size(),
                         header.salt.data(), header.cost.passes,
                         static_cast<std::size_t>(header.cost.memoryBytes),
                         crypto_pwhash_ALG_ARGON2ID13) == 0;
}

} // namespace

Secret::Secret(Secret&& other) noexcept
    : text_(std::move(other.text_)) {
    other.wipe();
}

Secret& Secret::operator=(Secret&& other) noexcept {
    if (this != &other) {
        wipe();
        text_ = std::move(other.text_);
        other.wipe();
    }
    return *this;
}

Secret::~Secret() {
    wipe();
}

void wipeText(std::string& text) noexcept {
    if (!text.empty())
        sodium_memzero(text.data(), text.size());
    text.clear();
}

void Secret::wipe() noexcept {
    wipeText(text_);
}

KeyDerivationCost defaultKeyDerivationCost() {
    return {crypto_pwhash_argon2id_OPSLIMIT_MODERATE, crypto_pwhash_argon2id_MEMLIMIT_MODERATE};
}

bool looksSealed(std::string_view bytes) {
    return bytes.starts_with(kSealedMagic);
}

Result<SealedHeader> readSealedHeader(std::string_view bytes, std::string_view source) {
    const std::string where(source);
    if (!looksSealed(bytes))
        return fail(where + ": not a sealed bundle (it does not begin with " + std::string(kSealedMagic) +
                    ")");
    if (bytes.size() < kHeaderSize + crypto_aead_xchacha20poly1305_ietf_ABYTES)
        return fail(where + ": the sealed bundle is cut short (" + std::to_string(bytes.size()) +
                    " bytes); copy it again");
    SealedHeader header;
    std::size_t at = kSealedMagic.size();
    header.formatVersion = static_cast<std::uint8_t>(bytes[at++]);
    if (header.formatVersion != kSealedFormatVersion)
        return fail(where + ": sealed with format " + std::to_string(header.formatVersion) +
                    ", which this release cannot open; update Maturity Workbench");
    if (static_cast<std::uint8_t>(bytes[at++]) != kAlgorithmArgon2idXChaCha20Poly1305)
        return fail(where + ": sealed with an unknown algorithm (" +
                    std::to_string(static_cast<std::uint8_t>(bytes[at - 1])) + ")");
    header.cost.passes = static_cast<std::uint32_t>(getLittleEndian(bytes, at, 4));
    at += 4;
    header.cost.memoryBytes = getLittleEndian(bytes, at, 8);
    at += 8;
    if (header.cost.passes < crypto_pwhash_argon2id_OPSLIMIT_MIN || header.cost.passes > kMaxPasses ||
        header.cost.memoryBytes < crypto_pwhash_argon2id_MEMLIMIT_MIN ||
        header.cost.memoryBytes > kMaxMemoryBytes)
        return fail(where + ": the sealed bundle's key derivation cost (" +
                    std::to_string(header.cost.passes) + " passes, " +
                    std::to_string(header.cost.memoryBytes) + " bytes) is outside what is accepted");
    for (auto& b : header.salt)
        b = static_cast<std::uint8_t>(bytes[at++]);
    for (auto& b : header.nonce)
        b = static_cast<std::uint8_t>(bytes[at++]);
    header.ciphertextOffset = at;
    return header;
}

Result<std::string> seal(std::string_view plaintext, const Secret& password, KeyDerivationCost cost) {
    ensureSodium();
    if (password.view().size() < kMinimumSealPasswordLength)
        return fail("the password must be at least " + std::to_string(kMinimumSealPasswordLength) +
                    " characters long");
    SealedHeader header;
    header.formatVersion = kSealedFormatVersion;
    header.cost = cost;
    randombytes_buf(header.salt.data(), header.salt.size());
    randombytes_buf(header.nonce.data(), header.nonce.size());
    DerivedKey key;
    if (!deriveKey(key, password, header))
        return fail("not enough memory to derive the key (Argon2id needs " +
                    std::to_string(cost.memoryBytes >> 20) + " MiB)");
    std::string out = headerBytes(header);
    const std::size_t headerSize = out.size();
    out.resize(headerSize + plaintext.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES);
    unsigned long long written = 0;
    auto* cipher = reinterpret_cast<unsigned char*>(out.data() + headerSize);
    crypto_aead_xchacha20poly1305_ietf_encrypt(
        cipher, &written, reinterpret_cast<const unsigned char*>(plaintext.data()), plaintext.size(),
        reinterpret_cast<const unsigned char*>(out.data()), headerSize, nullptr, header.nonce.data(),
        key.data());
    out.resize(headerSize + static_cast<std::size_t>(written));
    return out;
}

Result<std::string> unseal(std::string_view sealed, const Secret& password, std::string_view source) {
    ensureSodium();
    auto header = readSealedHeader(sealed, source);
    if (!header)
        return std::unexpected(header.error());
    DerivedKey key;
    if (!deriveKey(key, password, *header))
        return fail(std::string(source) + ": not enough memory to derive the key (Argon2id needs " +
                    std::to_string(header->cost.memoryBytes >> 20) + " MiB)");
    const std::string_view cipher = sealed.substr(header->ciphertextOffset);
    std::string plain(cipher.size() - crypto_aead_xchacha20poly1305_ietf_ABYTES, '\0');
    unsigned long long plainSize = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            reinterpret_cast<unsigned char*>(plain.data()), &plainSize, nullptr,
            reinterpret_cast<const unsigned char*>(cipher.data()), cipher.size(),
            reinterpret_cast<const unsigned char*>(sealed.data()), header->ciphertextOffset,
            header->nonce.data(), key.data()) != 0)
        return fail(std::string(source) + ": " + std::string(kUnsealRefused));
    plain.resize(static_cast<std::size_t>(plainSize));
    return plain;
}

} // namespace mw
