// Fuzz target: a bundle file (an assessment exported from another database), as `maturity import` reads it.
#include "core/bundle.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto bundle = mw::parseBundle(text, "fuzz.json");
    if (bundle)
        (void)mw::serializeBundle(*bundle).size(); // what was read can be written again
    return 0;
}
