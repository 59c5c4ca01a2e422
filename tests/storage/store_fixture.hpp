#pragma once
// A store in a temporary folder with the fixture model, for the storage tests.
#include "storage/store.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

namespace mw::test {

struct StoreFixture {
    test::TempDir dir;
    std::filesystem::path path = dir / "store.db";
    Model model = test::fixtureModel("rubric-basic.json");

    Store open() {
        auto store = Store::open(path);
        REQUIRE(store.has_value());
        return std::move(*store);
    }

    Id newAssessment(Store& store, const std::string& client = "Acme Water") {
        auto c = store.ensureClient(client);
        REQUIRE(c.has_value());
        auto id =
            store.createAssessment({c->id, "Baseline", "2025-03-31", "A. Assessor", std::nullopt, &model});
        REQUIRE(id.has_value());
        return *id;
    }
};

} // namespace mw::test
