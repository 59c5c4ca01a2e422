#pragma once
// Sample data so that every feature has something real to show.
#include "core/model_registry.hpp"
#include "storage/store.hpp"

namespace mw {

struct DemoOutcome {
    std::string clientName;
    Id baselineId = 0;
    Id followUpId = 0;
    bool alreadyPresent = false;
};

// A regional water utility: a baseline and a follow-up a year later, every question answered with a note.
// Each assessment names the model version it was made with (the baseline on 1.0.0, the follow-up on 2.0.0),
// found in `models`, so the demo compares across versions. Running it again changes nothing.
Result<DemoOutcome> createDemo(Store& store, const ModelRegistry& models);

// A synthetic portfolio for scale work: `clients` clients, each with a baseline and most with a follow-up.
Result<std::size_t> createPortfolio(Store& store, const Model& model, int clients, unsigned seed = 2026);

} // namespace mw
