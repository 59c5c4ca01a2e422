// Sealed bundles: the right password opens them, anything else (another password, one changed byte, a cut
// file, a header asking for absurd costs) is refused with one line and nothing decrypted.
#include "core/sealed_bundle.hpp"

#include <catch2/catch.hpp>

using namespace mw;

namespace {
// The cheapest cost libsodium allows: the format is under test here, not Argon2id's strength.
constexpr KeyDerivationCost kCheap{1, 8192};
const std::string kText = R"({"format": 2, "note": "Überprüfung <b>&amp;</b> 测试"})";
} // namespace

TEST_CASE("a sealed bundle opens with its password and gives back the exact text", "[sealed]") {
    const Secret password(std::string("correct horse battery"));
    auto sealed = seal(kText, password, kCheap);
    REQUIRE(sealed);
    CHECK(looksSealed(*sealed));
    CHECK(sealed->find("Überprüfung") == std::string::npos); // nothing of the text shows
    auto opened = unseal(*sealed, password, "b.mwbundle");
    REQUIRE(opened);
    CHECK(*opened == kText);
    // A fresh salt and nonce each time: sealing twice never gives the same bytes.
    CHECK(*seal(kText, password, kCheap) != *sealed);
}

TEST_CASE("another password, or any changed byte, opens nothing", "[sealed]") {
    const Secret password(std::string("correct horse battery"));
    const std::string sealed = *seal(kText, password, kCheap);
    auto wrong = unseal(sealed, Secret(std::string("correct horse batterY")), "b.mwbundle");
    REQUIRE_FALSE(wrong);
    CHECK(wrong.error().message == "b.mwbundle: cannot open the sealed bundle: wrong password, or the file "
                                   "was changed after it was sealed");
    // Every byte after the magic, header included (it is authenticated), flipped in turn.
    std::size_t refused = 0;
    for (std::size_t at = kSealedMagic.size(); at < sealed.size(); ++at) {
        std::string changed = sealed;
        changed[at] = static_cast<char>(changed[at] ^ 0x01);
        auto result = unseal(changed, password, "b.mwbundle");
        CAPTURE(at);
        CHECK_FALSE(result);
        refused += result ? 0 : 1;
    }
    CHECK(refused == sealed.size() - kSealedMagic.size());
}

TEST_CASE("a cut, foreign or future sealed file is named and refused before any key is derived", "[sealed]") {
    const Secret password(std::string("correct horse battery"));
    const std::string sealed = *seal(kText, password, kCheap);
    CHECK(readSealedHeader(sealed.substr(0, 40), "b.mwbundle").error().message ==
          "b.mwbundle: the sealed bundle is cut short (40 bytes); copy it again");
    CHECK_FALSE(unseal(sealed.substr(0, sealed.size() - 1), password, "b"));
    CHECK(readSealedHeader("{\"format\": 2}", "b.json").error().message ==
          "b.json: not a sealed bundle (it does not begin with MWSEALED)");
    std::string future = sealed;
    future[kSealedMagic.size()] = 9;
    CHECK(readSealedHeader(future, "b").error().message ==
          "b: sealed with format 9, which this release cannot open; update Maturity Workbench");
    std::string greedy = sealed;
    greedy[kSealedMagic.size() + 2] = 100; // 100 passes
    CHECK(readSealedHeader(greedy, "b").error().message.find("key derivation cost (100 passes") !=
          std::string::npos);
    std::string hungry = sealed;
    hungry[kSealedMagic.size() + 13] = 1; // memory of 2^40 bytes and more
    CHECK_FALSE(readSealedHeader(hungry, "b"));
}

TEST_CASE("short passwords are refused for sealing, and secrets are wiped when moved", "[sealed]") {
    auto refused = seal(kText, Secret(std::string("seven77")), kCheap);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message == "the password must be at least 8 characters long");
    Secret first(std::string("correct horse battery"));
    Secret second = std::move(first);
    CHECK(first.empty());
    CHECK(second.view() == "correct horse battery");
    std::string text = "plaintext";
    wipeText(text);
    CHECK(text.empty());
}

TEST_CASE("the default cost is libsodium's moderate Argon2id", "[sealed]") {
    const auto cost = defaultKeyDerivationCost();
    CHECK(cost.passes == 3);
    CHECK(cost.memoryBytes == 256u * 1024 * 1024);
}
