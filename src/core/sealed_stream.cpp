#include "sealed_stream.hpp"

#include <sodium.h>

#include <stdexcept>

namespace mw {

static_assert(crypto_secretstream_xchacha20poly1305_KEYBYTES == 32);
static_assert(crypto_secretstream_xchacha20poly1305_HEADERBYTES == 24);

namespace {

void ensureSodium() {
    static const bool ready = sodium_init() >= 0;
    if (!ready)
        throw std::runtime_error("libsodium could not initialise its random source");
}

const unsigned char* bytesOf(std::string_view text) {
    return reinterpret_cast<const unsigned char*>(text.data());
}

} // namespace

StreamKey StreamKey::generate() {
    ensureSodium();
    StreamKey key;
    crypto_secretstream_xchacha20poly1305_keygen(key.bytes_.data());
    return key;
}

Result<StreamKey> StreamKey::fromHex(std::string_view hex, std::string_view source) {
    StreamKey key;
    std::size_t length = 0;
    if (hex.size() != 2 * key.bytes_.size() ||
        sodium_hex2bin(key.bytes_.data(), key.bytes_.size(), hex.data(), hex.size(), nullptr, &length,
                       nullptr) != 0 ||
        length != key.bytes_.size())
        return fail(std::string(source) + ": the files' key is not 64 hexadecimal digits");
    return key;
}

StreamKey::~StreamKey() {
    sodium_memzero(bytes_.data(), bytes_.size());
}

std::string StreamKey::hex() const {
    std::string text(2 * bytes_.size() + 1, '\0');
    sodium_bin2hex(text.data(), text.size(), bytes_.data(), bytes_.size());
    text.pop_back();
    return text;
}

std::uint64_t sealedStreamSize(std::uint64_t plainSize) {
    const std::uint64_t chunks = plainSize == 0 ? 1 : (plainSize + kStreamChunkBytes - 1) / kStreamChunkBytes;
    return crypto_secretstream_xchacha20poly1305_HEADERBYTES + plainSize +
           chunks * crypto_secretstream_xchacha20poly1305_ABYTES;
}

struct StreamSealer::State {
    crypto_secretstream_xchacha20poly1305_state sodium;
};

StreamSealer::StreamSealer(const StreamKey& key, std::string_view checksum)
    : state_(std::make_unique<State>())
    , header_(crypto_secretstream_xchacha20poly1305_HEADERBYTES, '\0')
    , checksum_(checksum) {
    ensureSodium();
    crypto_secretstream_xchacha20poly1305_init_push(
        &state_->sodium, reinterpret_cast<unsigned char*>(header_.data()), key.data());
}

StreamSealer::~StreamSealer() {
    sodium_memzero(state_.get(), sizeof *state_);
}

std::string StreamSealer::sealChunk(std::string_view plain, bool last) {
    std::string sealed(plain.size() + crypto_secretstream_xchacha20poly1305_ABYTES, '\0');
    unsigned long long length = 0;
    crypto_secretstream_xchacha20poly1305_push(
        &state_->sodium, reinterpret_cast<unsigned char*>(sealed.data()), &length, bytesOf(plain),
        plain.size(), bytesOf(checksum_), checksum_.size(),
        last ? crypto_secretstream_xchacha20poly1305_TAG_FINAL
             : crypto_secretstream_xchacha20poly1305_TAG_MESSAGE);
    sealed.resize(static_cast<std::size_t>(length));
    return sealed;
}

std::string StreamSealer::add(std::string_view bytes) {
    std::string out;
    pending_.append(bytes);
    // A full chunk waits until something follows it, so the last one can carry the end mark.
    std::size_t offset = 0;
    while (pending_.size() - offset > kStreamChunkBytes) {
        out += sealChunk(std::string_view(pending_).substr(offset, kStreamChunkBytes), false);
        offset += kStreamChunkBytes;
    }
    pending_.erase(0, offset);
    return out;
}

std::string StreamSealer::finish() {
    std::string last = sealChunk(pending_, true);
    sodium_memzero(pending_.data(), pending_.size());
    pending_.clear();
    return last;
}

struct StreamOpener::State {
    crypto_secretstream_xchacha20poly1305_state sodium;
    std::array<std::uint8_t, 32> key;
};

StreamOpener::StreamOpener(const StreamKey& key, std::string_view checksum, std::string source)
    : state_(std::make_unique<State>())
    , checksum_(checksum)
    , source_(std::move(source)) {
    ensureSodium();
    std::copy(key.data(), key.data() + state_->key.size(), state_->key.begin());
}

StreamOpener::~StreamOpener() {
    sodium_memzero(state_.get(), sizeof *state_);
}

std::size_t StreamOpener::sealedChunkSize() {
    return kStreamChunkBytes + crypto_secretstream_xchacha20poly1305_ABYTES;
}

Result<void> StreamOpener::start(std::string_view header) {
    if (header.size() != headerSize() || crypto_secretstream_xchacha20poly1305_init_pull(
                                             &state_->sodium, bytesOf(header), state_->key.data()) != 0)
        return fail(source_ + ": the sealed file's header is damaged");
    started_ = true;
    return {};
}

Result<std::string> StreamOpener::open(std::string_view sealedChunk) {
    if (!started_)
        return fail(source_ + ": the sealed file was read before its header");
    if (done_)
        return fail(source_ + ": the sealed file goes on after its end mark");
    if (sealedChunk.size() < crypto_secretstream_xchacha20poly1305_ABYTES ||
        sealedChunk.size() > sealedChunkSize())
        return fail(source_ + ": the sealed file is cut short or damaged");
    std::string plain(sealedChunk.size() - crypto_secretstream_xchacha20poly1305_ABYTES, '\0');
    unsigned long long length = 0;
    unsigned char tag = 0;
    if (crypto_secretstream_xchacha20poly1305_pull(
            &state_->sodium, reinterpret_cast<unsigned char*>(plain.data()), &length, &tag,
            bytesOf(sealedChunk), sealedChunk.size(), bytesOf(checksum_), checksum_.size()) != 0)
        return fail(source_ + ": the sealed file was changed after it was sealed, or is not the file its "
                              "checksum names");
    plain.resize(static_cast<std::size_t>(length));
    done_ = tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL;
    // Only the last chunk may be shorter than a full one.
    if (!done_ && plain.size() != kStreamChunkBytes)
        return fail(source_ + ": the sealed file is cut short or damaged");
    return plain;
}

} // namespace mw
