// Fuzz target: the bodies phones send the room server (join and vote), checked against the default model.
#include "core/model_registry.hpp"
#include "room/requests.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const mw::Model model = *mw::ModelRegistry::withBuiltins().find("itot-convergence");
    const std::string_view body(reinterpret_cast<const char*>(data), size);
    const mw::room::RoomLimits limits;
    (void)mw::room::parseJoinRequest(body, limits);
    (void)mw::room::parseVoteRequest(body, limits, model);
    return 0;
}
