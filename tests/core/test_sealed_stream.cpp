// The sealed stream that carries a sealed package's evidence files: every size round-trips in pieces of
// any length, the sealed size follows from the plain one, and a changed, cut, reordered or misnamed file
// is refused.
#include "core/sealed_stream.hpp"

#include <catch2/catch.hpp>

#include <random>

using namespace mw;

namespace {

const std::string kChecksum = std::string(64, 'a');

// Seals the bytes, fed in pieces of varying length.
std::string sealInPieces(const StreamKey& key, const std::string& plain,
                         std::string_view checksum = kChecksum) {
    StreamSealer sealer(key, checksum);
    std::string sealed = sealer.header();
    std::mt19937 random(7);
    std::size_t offset = 0;
    while (offset < plain.size()) {
        const std::size_t piece = std::min<std::size_t>(plain.size() - offset, 1 + random() % 100000);
        sealed += sealer.add(std::string_view(plain).substr(offset, piece));
        offset += piece;
    }
    return sealed + sealer.finish();
}

// Opens sealed bytes a sealed chunk at a time, as the package reader does.
Result<std::string> openAll(const StreamKey& key, std::string_view sealed,
                            std::string_view checksum = kChecksum) {
    StreamOpener opener(key, checksum, "test.mwz: evidence/1");
    if (auto started = opener.start(sealed.substr(0, StreamOpener::headerSize())); !started)
        return std::unexpected(started.error());
    std::string plain;
    std::size_t offset = StreamOpener::headerSize();
    while (!opener.done()) {
        if (offset >= sealed.size())
            return fail("ended before its end mark");
        auto chunk = opener.open(sealed.substr(offset, StreamOpener::sealedChunkSize()));
        if (!chunk)
            return std::unexpected(chunk.error());
        plain += *chunk;
        offset += StreamOpener::sealedChunkSize();
    }
    if (offset < sealed.size())
        return fail("bytes after the end mark");
    return plain;
}

std::string bytesOfSize(std::size_t size) {
    std::string bytes(size, '\0');
    for (std::size_t i = 0; i < size; ++i)
        bytes[i] = static_cast<char>((i * 131 + 7) % 251);
    return bytes;
}

} // namespace

TEST_CASE("a sealed stream round-trips every size, and its size follows from the plain size",
          "[core][sealed]") {
    const StreamKey key = StreamKey::generate();
    for (std::size_t size : {std::size_t{0}, std::size_t{1}, kStreamChunkBytes - 1, kStreamChunkBytes,
                             kStreamChunkBytes + 1, 3 * kStreamChunkBytes, 5 * kStreamChunkBytes + 12345}) {
        INFO("plain size " << size);
        const std::string plain = bytesOfSize(size);
        const std::string sealed = sealInPieces(key, plain);
        CHECK(sealed.size() == sealedStreamSize(size));
        if (size >= 64)
            CHECK(sealed.find(plain.substr(0, 64)) == std::string::npos);
        auto opened = openAll(key, sealed);
        REQUIRE(opened.has_value());
        CHECK(*opened == plain);
    }
}

TEST_CASE("a sealed stream refuses a changed byte, a cut end, reordered chunks, another key or checksum",
          "[core][sealed]") {
    const StreamKey key = StreamKey::generate();
    const std::string plain = bytesOfSize(3 * kStreamChunkBytes + 10);
    const std::string sealed = sealInPieces(key, plain);
    const std::size_t chunk = StreamOpener::sealedChunkSize();
    const std::size_t header = StreamOpener::headerSize();

    std::string changed = sealed;
    changed[header + chunk + 100] ^= 0x01;
    auto refused = openAll(key, changed);
    REQUIRE_FALSE(refused.has_value());
    CHECK(refused.error().message ==
          "test.mwz: evidence/1: the sealed file was changed after it was sealed, or "
          "is not the file its checksum names");

    // The last chunk dropped: every chunk opens, but the end mark never comes.
    CHECK_FALSE(openAll(key, std::string_view(sealed).substr(0, header + 3 * chunk)).has_value());

    std::string reordered = sealed.substr(0, header) + sealed.substr(header + chunk, chunk) +
                            sealed.substr(header, chunk) + sealed.substr(header + 2 * chunk);
    CHECK_FALSE(openAll(key, reordered).has_value());

    CHECK_FALSE(openAll(StreamKey::generate(), sealed).has_value());
    CHECK_FALSE(openAll(key, sealed, std::string(64, 'b')).has_value());
    CHECK_FALSE(openAll(key, sealed + "x").has_value());
}

TEST_CASE("a stream key travels as 64 hexadecimal digits and nothing else", "[core][sealed]") {
    const StreamKey key = StreamKey::generate();
    auto back = StreamKey::fromHex(key.hex(), "bundle");
    REQUIRE(back.has_value());
    CHECK(back->hex() == key.hex());
    CHECK(key.hex().size() == 64);
    CHECK(StreamKey::generate().hex() != key.hex());
    for (std::string bad :
         {std::string(), std::string(63, 'a'), std::string(66, 'a'), std::string(64, 'g')}) {
        auto refused = StreamKey::fromHex(bad, "x.mwz");
        REQUIRE_FALSE(refused.has_value());
        CHECK(refused.error().message == "x.mwz: the files' key is not 64 hexadecimal digits");
    }
}
