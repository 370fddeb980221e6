// Hostile and absurd plans (issue 7 §3): every failure of the JSON parser is
// an error with a pointer, every number is range-checked before use, every
// policy value is bounded, and the documented limits (README "Limits") are
// refused before any work starts.
#include <catch2/catch.hpp>

#include "core/limits.hpp"
#include "support.hpp"

using namespace ceplan;
using namespace ceplan::test;

namespace {

/// The errors of a plan text, as (pointer, message) pairs.
std::vector<std::pair<std::string, std::string>> errors_of(const std::string& text) {
    const Outcome o = evaluate_json(text, *parse_date("2026-01-01"));
    std::vector<std::pair<std::string, std::string>> list;
    for (const auto& e : o.errors) list.push_back({e.pointer, e.message});
    if (o.ok) list.push_back({"(none)", "the plan was accepted"});
    return list;
}

/// The one error of a plan text; fails the test when there is not exactly one.
std::pair<std::string, std::string> only_error(const std::string& text) {
    const auto list = errors_of(text);
    REQUIRE(list.size() == 1);
    return list[0];
}

json ccna_plan(json activities, json policy = json::object()) {
    return plan("2026-01-01", json::array({cert("ccna", "associate", "2027-01-01")}), std::move(activities),
                std::move(policy));
}

json one_activity(json activity) {
    json list = json::array();
    list.push_back(std::move(activity));
    return list;
}

}  // namespace

TEST_CASE("plan-format: a number JSON cannot hold is an error at its pointer, not an internal error",
          "[plan-format]") {
    auto e = only_error("9e308");
    CHECK(e.first == "");
    CHECK(e.second == "expected a number JSON can hold (at most about 1.8e308 in size), got 9e308");
    CHECK(only_error("[1e400]").first == "/0");
    CHECK(only_error(R"({"activities":[{"id":"a","type":"training","credits":-1e400}]})").first ==
          "/activities/0/credits");
    CHECK(only_error(R"({"a/b":{"c~d":[0,1,2e999]}})").first == "/a~1b/c~0d/2");
    for (const char* text : {"9e308", "[1e400]", "{\"x\":", "nul", "\"\\ud800\""}) {
        INFO(text);
        for (const auto& [pointer, message] : errors_of(text)) {
            CHECK(message.find("internal error") == std::string::npos);
            CHECK(message.find("json.exception") == std::string::npos);
        }
    }
}

TEST_CASE("E1 plan-format: whole numbers are range-checked before any conversion", "[plan-format][E1]") {
    auto credits = [](json value) {
        return ccna_plan(one_activity(training("a", 8, "2026-02-01", {{"credits", value}}))).dump();
    };
    // 1e19 is beyond int64: refused with its pointer, never cast.
    auto e = only_error(credits(1e19));
    CHECK(e.first == "/activities/0/credits");
    // The range, and the number as written (1e19, not 1e+19: finding 11).
    CHECK(e.second == "expected CE credits, a whole number 0 or more and at most 1000000, got 1e19");
    CHECK(only_error(credits(18446744073709551615ULL)).first == "/activities/0/credits");
    CHECK(only_error(credits(-9223372036854775807LL - 1)).second ==
          "expected CE credits, a whole number 0 or more, got -9223372036854775808");
    // -5 is a whole number: the message says the range, not "a whole number".
    CHECK(only_error(credits(-5)).second == "expected CE credits, a whole number 0 or more, got -5");
    CHECK(only_error(credits(2.5)).second == "expected CE credits, a whole number 0 or more, got 2.5");
    CHECK(only_error(credits(1000001)).first == "/activities/0/credits");
    // Below the minimum, the message says the minimum only (E7: a session lasts 1 minute or more).
    json live = {{"id", "live"}, {"type", "cisco_live"}, {"completed", "2026-02-01"},
                 {"sessions", {{{"code", "BRK-1"}, {"minutes", 0}}}}};
    CHECK(only_error(ccna_plan(one_activity(live)).dump()).second ==
          "expected the session's length in minutes, a whole number 1 or more, got 0");
    // The limit itself is accepted, and 1e6 written as a float is the whole number 1000000.
    CHECK(evaluate_json(credits(1000000), Date{0}).ok);
    CHECK(evaluate_json(credits(1e6), Date{0}).ok);
}

TEST_CASE("L1 C1 C2 A2 E7: every policy value is bounded and refused with its pointer", "[policy][L1][C1][C2][A2][E7]") {
    struct Case {
        const char* key;
        int low, high;  // the bounds, both accepted
    };
    for (const Case& c : {Case{"cycle_years", 1, 10}, Case{"credit_validity_years", 1, 10},
                          Case{"claim_window_days", 0, 3650}, Case{"claim_due_soon_days", 0, 3650},
                          Case{"validation_days", 0, 3650}, Case{"increment", 1, 64},
                          Case{"attendance_minimum_percent", 0, 100}}) {
        INFO(c.key);
        for (int ok : {c.low, c.high})
            CHECK(evaluate_json(ccna_plan(json::array(), {{c.key, ok}}).dump(), Date{0}).ok);
        for (long long bad : {static_cast<long long>(c.low) - 1, static_cast<long long>(c.high) + 1, 1000000LL}) {
            auto e = only_error(ccna_plan(json::array(), {{c.key, bad}}).dump());
            CHECK(e.first == std::string("/policy/") + c.key);
            CHECK(e.second.find("a whole number from " + std::to_string(c.low) + " to " + std::to_string(c.high)) !=
                  std::string::npos);
        }
    }
    // The issue's case: a cycle of 1,000,000 years gave "expires":"1002026-02-01".
    CHECK(only_error(ccna_plan(json::array(), {{"cycle_years", 1000000}}).dump()).second ==
          "expected a number of years, a whole number from 1 to 10, got 1000000");
    // Credit table values (E6, E8) and path credits (L2): 0 to 1,000,000.
    CHECK(only_error(ccna_plan(json::array(), {{"item_authoring", {{"core", 1000001}}}}).dump()).first ==
          "/policy/item_authoring/core");
    CHECK(only_error(ccna_plan(json::array(), {{"cisco_live", {{"lab", {{"2000", -1}}}}}}).dump()).first ==
          "/policy/cisco_live/lab/2000");
}

TEST_CASE("L2 L4: a path asks for at most 5 exams and a level has at most 50 paths", "[policy][L2][L4]") {
    json exams = json::array();
    for (int i = 0; i < 6; ++i) exams.push_back("core");
    json path = {{"credits", 0}, {"exams", exams}};
    auto e = only_error(ccna_plan(json::array(), {{"levels", {{"expert", json::array({path})}}}}).dump());
    CHECK(e.first == "/policy/levels/expert/0/exams");
    CHECK(e.second == "expected at most 5 exams per path, got 6 (a documented limit)");
    exams.erase(exams.begin());
    path["exams"] = exams;
    CHECK(evaluate_json(ccna_plan(json::array(), {{"levels", {{"expert", json::array({path})}}}}).dump(), Date{0}).ok);
    json paths = json::array();
    for (int i = 0; i < 51; ++i) paths.push_back({{"credits", 40}, {"exams", json::array()}});
    CHECK(only_error(ccna_plan(json::array(), {{"levels", {{"associate", paths}}}}).dump()).first ==
          "/policy/levels/associate");
}

TEST_CASE("L3: a plan's exam groups apply to the built-in paths too", "[policy][L3]") {
    // CCNP (L2: 80 CE credits, or 40 + one professional exam) valid through 2027-01-01;
    // 40 credits on 2026-02-01 and a concentration exam on 2026-03-01.
    const json activities = {training("t", 40, "2026-02-01"), exam("x", "concentration", "2026-03-01")};
    json p = plan("2026-01-01", json::array({cert("ccnp", "professional", "2027-01-01")}), activities);
    json r = run(p);
    // Built-in groups: a concentration exam is a professional exam (L3): recertified on 2026-03-01.
    CHECK(r["certifications"][0]["status"] == "recertified");
    CHECK(r["certifications"][0]["recertifications"][0]["on"] == "2026-03-01");
    // With "professional" redefined as core only, 40 credits + a concentration exam meet no path.
    p["policy"] = {{"exam_groups", {{"professional", {"core"}}}}};
    CHECK(run(p)["certifications"][0]["status"] == "will_expire");
    // With the group removed (null replaces it), the built-in paths that use it name their pointer.
    p["policy"] = {{"exam_groups", {{"professional", nullptr}}}};
    const auto list = errors_of(p.dump());
    CHECK(std::count(list.begin(), list.end(),
                     std::make_pair(std::string("/policy/levels/professional/1/exams/0"),
                                    std::string("expected an exam kind or group, got \"professional\""))) == 1);
}

TEST_CASE("plan-format: documented limits are refused before any work", "[plan-format]") {
    json acts = json::array();
    for (std::size_t i = 0; i <= limits::activities; ++i)
        acts.push_back(training(std::string("a").append(std::to_string(i)), 8, "2026-02-01"));
    auto e = only_error(ccna_plan(acts).dump());
    CHECK(e.first == "/activities");
    CHECK(e.second == "expected at most 5000 activities, got 5001 (a documented limit)");

    json sessions = json::array();
    for (std::size_t i = 0; i < limits::sessions_per_event; ++i)
        sessions.push_back({{"code", "BRK-" + std::to_string(i)}, {"minutes", 60}});
    json live = {{"id", "live"}, {"type", "cisco_live"}, {"completed", "2026-02-01"}, {"sessions", sessions}};
    CHECK(evaluate_json(ccna_plan(one_activity(live)).dump(), Date{0}).ok);
    live["sessions"].push_back({{"code", "BRK-X"}, {"minutes", 60}});
    CHECK(only_error(ccna_plan(one_activity(live)).dump()).first == "/activities/0/sessions");

    // A document over 10 MB: refused as a whole, without parsing.
    std::string big = ccna_plan(json::array()).dump();
    big.insert(1, "\"padding\":\"" + std::string(limits::document_bytes, 'x') + "\",");
    e = only_error(big);
    CHECK(e.first == "");
    CHECK(e.second.find("more than the 10000000 a plan may have") != std::string::npos);
}

TEST_CASE("plan-format: an unknown object with 100000 keys is read in one pass", "[plan-format]") {
    // Keys kept in a sorted tree, not an insertion-ordered list: O(n log n), not O(n^2).
    json note = json::object();
    for (int i = 0; i < 100000; ++i) note[std::string("k").append(std::to_string(i))] = i;
    json p = ccna_plan(one_activity(training("a", 30, "2026-02-01", {{"note", note}})));
    p["notes"] = note;
    const Outcome o = evaluate_json(p.dump(), Date{0});
    CHECK(o.ok);
}

TEST_CASE("plan-format: the writer's bytes are nlohmann's for every scenario and example", "[plan-format]") {
    // Text with quotes, backslashes, control characters, non-ASCII and a cut
    // UTF-8 sequence (a message shows at most 60 bytes of a value).
    std::vector<std::string> texts;
    json odd = ccna_plan(one_activity(training("a\"\\\b\f\n\r\t\x01\x1f\x7f", 30, "2026-02-01")));
    odd["certifications"][0]["name"] = "Réseau – ネットワーク 🚀";
    texts.push_back(odd.dump());
    texts.push_back(ccna_plan(one_activity(training("a", 30, "2026-02-01", {{"credits", std::string(40, 'x') + "ééééé"}})))
                        .dump());
    for (const auto& file : json_files(CEPLAN_SCENARIOS_DIR)) texts.push_back(read_json(file)["plan"].dump());
    for (const auto& file : json_files(CEPLAN_EXAMPLES_DIR)) texts.push_back(read_json(file).dump());
    for (const auto& text : texts) {
        const std::string out = evaluate_json(text, *parse_date("2026-01-01")).json;
        INFO(out.substr(0, 200));
        CHECK(nlohmann::ordered_json::parse(out).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) ==
              out);
    }
}
