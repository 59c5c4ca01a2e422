#pragma once
// Sample data so that every feature has something real to show.
#include "storage/store.hpp"

namespace mw {

struct DemoOutcome {
    std::string clientName;
    Id baselineId = 0;
    Id followUpId = 0;
    bool alreadyPresent = false;
};

// A regional water utility: a baseline and a follow-up a year later against the given model, every question
// answered with a note. Running it again changes nothing.
Result<DemoOutcome> createDemo(Store& store, const Model& model);

// A synthetic portfolio for scale work: `clients` clients, each with a baseline and most with a follow-up.
Result<std::size_t> createPortfolio(Store& store, const Model& model, int clients, unsigned seed = 2026);

} // namespace mw
