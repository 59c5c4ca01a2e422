// Fuzz target: a bundle file (an assessment exported from another database), as `maturity import` reads it:
// plain JSON, or the header of a sealed bundle (the key derivation is left out: it is slow by design).
#include "core/bundle.hpp"
#include "core/sealed_bundle.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    if (mw::looksSealed(text)) {
        (void)mw::readSealedHeader(text, "fuzz.mwbundle");
        return 0;
    }
    auto bundle = mw::parseBundle(text, "fuzz.json");
    if (bundle)
        (void)mw::serializeBundle(*bundle).size(); // what was read can be written again
    return 0;
}
