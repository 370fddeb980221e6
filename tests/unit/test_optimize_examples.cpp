// The optimizer's example plans (examples/optimize/): answers derived by hand
// (each file's `derivation`), checked against tools/ceplan optimize's adapter.
#include <catch2/catch.hpp>

#include "core/optimize_json.hpp"
#include "support.hpp"

using namespace ceplan;
using namespace ceplan::test;

namespace {

/// Compares a ceplan-optimized document with an example's `expect`; returns the differences.
std::vector<std::string> check_optimized(const json& answer, const json& expect) {
    std::vector<std::string> bad;
    if (answer.value("format", "") != "ceplan-optimized") return {"not an answer: " + answer.dump().substr(0, 200)};
    json chosen = json::array();
    for (const auto& c : answer["chosen"]) chosen.push_back({{"option", c["option"]}, {"completed", c["completed"]}});
    if (chosen != expect["chosen"]) bad.push_back("chosen: got " + chosen.dump());
    for (const char* key : {"cost", "days_given_up", "rollover", "saved"})
        if (answer[key] != expect[key]) bad.push_back(std::string(key) + ": got " + answer[key].dump());
    json unsavable = json::array();
    for (const auto& u : answer["unsavable"]) unsavable.push_back(u["certification"]);
    if (unsavable != expect["unsavable"]) bad.push_back("unsavable: got " + unsavable.dump());
    if (answer["searched"]["exact"] != expect["exact"]) bad.push_back("exact");
    json kinds = json::object(), rules = json::object();
    for (const auto& l : answer["left_out"]) {
        kinds[l["option"].get<std::string>()] = l["kind"];
        rules[l["option"].get<std::string>()] = l["rule"];
    }
    if (kinds != expect["left_out"]) bad.push_back("left_out: got " + kinds.dump());
    if (expect.contains("left_out_rules"))
        for (const auto& [option, rule] : expect["left_out_rules"].items())
            if (rules[option] != rule) bad.push_back("left_out rule of " + option + ": got " + rules[option].dump());
    // The answer's own figures agree with its result (P1, R5, A3).
    int days = 0;
    for (const auto& c : answer["result"]["certifications"])
        for (const auto& r : c["recertifications"]) days += r["days_given_up"].get<int>();
    if (days != answer["days_given_up"]) bad.push_back("days_given_up differs from the result's");
    if (answer["result"]["rollover"]["credits"] != answer["rollover"]) bad.push_back("rollover differs from the result's");
    return bad;
}

}  // namespace

TEST_CASE("optimize examples: every example plan gets its hand-derived answer", "[optimize][examples]") {
    const auto files = json_files(CEPLAN_EXAMPLES_DIR "/optimize");
    REQUIRE(files.size() >= 4);
    for (const auto& file : files) {
        DYNAMIC_SECTION(file.filename().string()) {
            const json example = read_json(file);
            REQUIRE(example["format"] == "ceplan-plan");
            REQUIRE(example.contains("derivation"));
            REQUIRE(example.contains("options"));
            const json answer = json::parse(optimize_json(example.dump(), Date{0}).json);
            const auto bad = check_optimized(answer, example["expect"]);
            for (const auto& b : bad) UNSCOPED_INFO(b);
            CHECK(bad.empty());
        }
    }
}

TEST_CASE("optimize examples: the checker notices a wrong expectation", "[optimize][examples]") {
    const json example = read_json(json_files(CEPLAN_EXAMPLES_DIR "/optimize").front());
    const json answer = json::parse(optimize_json(example.dump(), Date{0}).json);
    json wrong = example["expect"];
    wrong["days_given_up"] = 1;
    CHECK_FALSE(check_optimized(answer, wrong).empty());
    wrong = example["expect"];
    wrong["chosen"] = json::array();
    CHECK_FALSE(check_optimized(answer, wrong).empty());
}
