// The example plans of examples/: verdicts derived by hand (each file's `derivation`).
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace ceplan::test;

TEST_CASE("examples: every example plan gives its hand-derived verdict", "[examples]") {
    const auto files = json_files(CEPLAN_EXAMPLES_DIR);
    REQUIRE(files.size() >= 4);
    for (const auto& file : files) {
        DYNAMIC_SECTION(file.filename().string()) {
            // An example is a plan document (tools/ceplan evaluate runs it as is) with its
            // hand-derived answers beside the plan: `derivation` and `expect`.
            const json example = read_json(file);
            REQUIRE(example["format"] == "ceplan-plan");
            REQUIRE(example.contains("derivation"));
            const auto bad = check_expectations(run(example), example["expect"]);
            for (const auto& b : bad) UNSCOPED_INFO(b);
            CHECK(bad.empty());
        }
    }
}
