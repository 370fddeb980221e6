// Every file of ../shared/scenarios, read at test time, through the native engine.
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace ceplan::test;

TEST_CASE("shared scenarios: every case passes natively", "[scenarios]") {
    const auto files = json_files(CEPLAN_SCENARIOS_DIR);
    REQUIRE(files.size() >= 24);
    for (const auto& file : files) {
        DYNAMIC_SECTION(file.filename().string()) {
            const json scenario = read_json(file);
            const auto bad = check_expectations(run(scenario["plan"]), scenario["expect"]);
            INFO(file.filename().string());
            for (const auto& b : bad) UNSCOPED_INFO(b);
            CHECK(bad.empty());
        }
    }
}

TEST_CASE("shared scenarios: the checker rejects a wrong expectation", "[scenarios]") {
    // A checker that cannot fail is no check: change one expected date and it must notice.
    const json scenario = read_json(std::string(CEPLAN_SCENARIOS_DIR) + "/01-ccnp-ce-only.json");
    json expect = scenario["expect"];
    expect["certifications"]["ccnp"]["recertifications"][0]["on"] = "2026-08-21";
    CHECK_FALSE(check_expectations(run(scenario["plan"]), expect).empty());
}
