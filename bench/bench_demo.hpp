#pragma once
// Shared by the benchmarks: a fresh database holding the demo assessments.
#include "core/model_registry.hpp"
#include "storage/demo.hpp"

#include <cstdio>
#include <filesystem>
#include <optional>

namespace mw {

struct BenchDemo {
    Store store;
    Model model;
    DemoOutcome demo;
};

// Replaces any database at `path`; prints why and returns nothing when it cannot be created.
inline std::optional<BenchDemo> createBenchDemo(const std::filesystem::path& path) {
    std::filesystem::remove(path);
    auto store = Store::open(path);
    if (!store) {
        std::fprintf(stderr, "%s\n", store.error().message.c_str());
        return std::nullopt;
    }
    const ModelRegistry models = ModelRegistry::withBuiltins();
    Model model = *models.find(ModelRegistry::defaultModelId); // the follow-up's model
    auto demo = createDemo(*store, models);
    if (!demo) {
        std::fprintf(stderr, "%s\n", demo.error().message.c_str());
        return std::nullopt;
    }
    return BenchDemo{std::move(*store), std::move(model), std::move(*demo)};
}

} // namespace mw
