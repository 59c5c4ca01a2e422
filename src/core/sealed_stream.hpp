#pragma once
// A file encrypted as a stream, for the evidence files of a sealed package: libsodium's secretstream
// (XChaCha20-Poly1305), a fixed size of plain chunk so the sealed size follows from the plain one, each
// chunk authenticated with the file's checksum, and the last one marked, so a file cut short, swapped for
// another or changed in any byte is refused. The key is random and travels inside the sealed bundle.
#include "error.hpp"

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace mw {

inline constexpr std::size_t kStreamChunkBytes = 64 * 1024;

// A random 256-bit key, wiped when it goes away.
class StreamKey {
public:
    static StreamKey generate();
    static Result<StreamKey> fromHex(std::string_view hex, std::string_view source);
    StreamKey(const StreamKey& other) = default;
    StreamKey& operator=(const StreamKey& other) = default;
    ~StreamKey();
    std::string hex() const;
    const std::uint8_t* data() const { return bytes_.data(); }

private:
    StreamKey() = default;
    std::array<std::uint8_t, 32> bytes_{};
};

// How many bytes a file of plainSize bytes takes sealed: a header, then each chunk with its tag.
std::uint64_t sealedStreamSize(std::uint64_t plainSize);

// Seals a file given in pieces of any size; sealed bytes come out through the sink as chunks fill.
class StreamSealer {
public:
    StreamSealer(const StreamKey& key, std::string_view checksum);
    ~StreamSealer();
    StreamSealer(const StreamSealer&) = delete;
    StreamSealer& operator=(const StreamSealer&) = delete;
    // The header, once, before anything else.
    std::string header() const { return header_; }
    // The sealed chunks the bytes complete (a chunk is held back until more bytes or finish() follow).
    std::string add(std::string_view bytes);
    // The last chunk, marked as the end.
    std::string finish();

private:
    std::string sealChunk(std::string_view plain, bool last);
    struct State;
    std::unique_ptr<State> state_;
    std::string header_;
    std::string checksum_;
    std::string pending_;
};

// Opens what StreamSealer wrote, a sealed chunk at a time.
class StreamOpener {
public:
    StreamOpener(const StreamKey& key, std::string_view checksum, std::string source);
    ~StreamOpener();
    StreamOpener(const StreamOpener&) = delete;
    StreamOpener& operator=(const StreamOpener&) = delete;
    static constexpr std::size_t headerSize() { return 24; }
    // The largest sealed chunk: what to read next (the last may be shorter).
    static std::size_t sealedChunkSize();
    Result<void> start(std::string_view header);
    // The plain bytes of one sealed chunk; after the last, done() is true and nothing more may follow.
    Result<std::string> open(std::string_view sealedChunk);
    bool done() const { return done_; }

private:
    struct State;
    std::unique_ptr<State> state_;
    std::string checksum_;
    std::string source_;
    bool started_ = false;
    bool done_ = false;
};

} // namespace mw
