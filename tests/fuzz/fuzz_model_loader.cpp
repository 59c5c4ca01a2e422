// Fuzz target: a model file as the outside world may write it. Any input gives a model or an error, never
// a crash, a hang or a sanitizer report.
#include "core/model_loader.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto model = mw::loadModelText(text, "fuzz.json");
    if (model)
        (void)model->allQuestions().size();
    return 0;
}
