// The JSON contract (plan-format.md): errors with pointers, tolerance, determinism.
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace ceplan;
using namespace ceplan::test;

namespace {

std::vector<std::string> pointers(const std::string& text) {
    json out = json::parse(evaluate_json(text, Date{0}).json);
    REQUIRE(out["format"] == "ceplan-error");
    std::vector<std::string> list;
    for (const auto& e : out["errors"]) {
        CHECK_FALSE(e["message"].get<std::string>().empty());
        list.push_back(e["pointer"]);
    }
    return list;
}

bool contains(const std::vector<std::string>& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

}  // namespace

TEST_CASE("plan-format: malformed JSON is an error document, not a crash", "[plan-format]") {
    const Outcome o = evaluate_json("{\"certifications\": [", Date{0});
    CHECK_FALSE(o.ok);
    json out = json::parse(o.json);
    CHECK(out["format"] == "ceplan-error");
    CHECK(out["errors"][0]["pointer"] == "");
    CHECK(out["errors"][0]["message"].get<std::string>().find("not valid JSON") == 0);
    CHECK(contains(pointers("[1, 2]"), ""));
    CHECK(contains(pointers(""), ""));
}

TEST_CASE("plan-format: hostile nesting is refused before parsing, not a stack overflow", "[plan-format]") {
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    CHECK(contains(pointers(deep), ""));
    CHECK(contains(pointers("{\"certifications\":" + deep + "}"), ""));
    // Brackets inside strings do not count.
    const std::string text =
        R"({"certifications":[{"id":"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
        "level":"associate","expires":"2027-01-01"}]})";
    CHECK(evaluate_json(text, Date{0}).ok);
}

TEST_CASE("plan-format: every problem is listed with its pointer", "[plan-format]") {
    const std::string text = R"({"certifications":[{"id":"c","level":"guru"},{"level":"expert","expires":"2027-01-01"}],
      "activities":[{"id":"a","type":"training","credits":2.5,"completed":"2026-02-30"},
                    {"id":"b","type":"course","completed":"2026-03-01"},
                    {"id":"c","type":"training","credits":-5},
                    {"id":"d","type":"exam","exam":"hardest","completed":"2026-03-01"},
                    {"id":"e","type":"cisco_live","completed":"2026-06-01","sessions":[{"code":"BRK-1","minutes":"sixty"}]},
                    {"id":"e","type":"exam","exam":"core","completed":"2026-03-01","status":"done"}],
      "today":"tomorrow"})";
    const auto list = pointers(text);
    for (const char* p : {"/today", "/certifications/0/level", "/certifications/0/expires", "/certifications/1/id",
                          "/activities/0/credits", "/activities/0/completed", "/activities/1/type",
                          "/activities/2/credits", "/activities/2/completed", "/activities/3/exam",
                          "/activities/4/sessions/0/minutes", "/activities/5/status", "/activities/5/id"}) {
        INFO(p);
        CHECK(contains(list, p));
    }
}

TEST_CASE("plan-format: messages say what was expected and what came", "[plan-format]") {
    json out = json::parse(
        evaluate_json(R"({"certifications":[{"id":"c","level":"expert","expires":"2026-02-30"}]})", Date{0}).json);
    // D1: well formed, but February has no 30th: "not a real date", as the forms say (finding 9).
    CHECK(out["errors"][0]["message"] == "not a real date, got \"2026-02-30\"");
    CHECK(out["errors"][0]["pointer"] == "/certifications/0/expires");
}

TEST_CASE("D1 plan-format: an impossible day is not a real date, a wrong shape is not a date", "[plan-format][D1]") {
    auto message = [](const char* expires) {
        const std::string text =
            std::string(R"({"certifications":[{"id":"c","level":"expert","expires":")") + expires + R"("}]})";
        return json::parse(evaluate_json(text, Date{0}).json)["errors"][0]["message"].get<std::string>();
    };
    CHECK(message("2027-02-29") == "not a real date, got \"2027-02-29\"");  // 2027 is no leap year
    CHECK(message("2027-13-01") == "not a real date, got \"2027-13-01\"");  // no month 13
    CHECK(message("2027-04-31") == "not a real date, got \"2027-04-31\"");  // April has 30 days
    CHECK(message("2027-2-3") == "expected a date YYYY-MM-DD, got \"2027-2-3\"");
    CHECK(message("2027/02/03") == "expected a date YYYY-MM-DD, got \"2027/02/03\"");
    // 2028 is a leap year: 2028-02-29 is a real date, so the plan has no date error.
    CHECK(json::parse(evaluate_json(R"({"certifications":[{"id":"c","level":"expert","expires":"2028-02-29"}]})",
                                    Date{0}).json)["format"] != "ceplan-error");
}

TEST_CASE("plan-format: unknown fields are tolerated, today defaults to the date given", "[plan-format]") {
    const std::string text = R"({"format":"ceplan-plan","version":1,"color":"blue",
      "certifications":[{"id":"ccna","level":"associate","expires":"2027-01-01","note":{"x":1}}],
      "activities":[{"id":"a","type":"training","credits":30,"completed":"2026-02-01","mine":true}]})";
    const Outcome o = evaluate_json(text, *parse_date("2026-01-01"));
    REQUIRE(o.ok);
    json out = json::parse(o.json);
    CHECK(out["today"] == "2026-01-01");
    CHECK(out["certifications"][0]["recertifications"][0]["on"] == "2026-02-01");
}

TEST_CASE("plan-format: the same plan gives the same bytes", "[plan-format]") {
    const json scenario = read_json(std::string(CEPLAN_SCENARIOS_DIR) + "/15-cisco-live-session-rules.json");
    const std::string text = scenario["plan"].dump();
    CHECK(evaluate_json(text, Date{0}).json == evaluate_json(text, Date{0}).json);
}

TEST_CASE("plan-format: result fields named by the contract are present", "[plan-format]") {
    json r = run(plan("2026-01-01", {cert("ccna", "associate", "2027-01-01")}, {training("a", 30, "2026-02-01")}));
    CHECK(r["format"] == "ceplan-result");
    CHECK(r["version"] == 1);
    for (const char* key : {"id", "status", "recertifications", "expires", "missing"})
        CHECK(r["certifications"][0].contains(key));
    for (const char* key : {"on", "path", "new_expires", "via", "days_given_up"})
        CHECK(r["certifications"][0]["recertifications"][0].contains(key));
    // claim_by (C1): 2026-02-01 + 365 days.
    CHECK(r["activities"][0] ==
          json{{"id", "a"}, {"credits", 30}, {"nominal_credits", 30}, {"claim_by", "2027-02-01"}});
    CHECK(r["rollover"].contains("expires"));
}

TEST_CASE("plan-format: dates outside 1900-2199 and dates out of order are refused", "[plan-format][D1]") {
    const auto list = pointers(R"({"certifications":[{"id":"c","level":"expert","expires":"9999-12-31",
        "first_certified":"2030-01-01"},{"id":"d","level":"associate","expires":"2027-01-01","first_certified":"2028-01-01"}],
      "activities":[{"id":"a","type":"training","credits":8,"completed":"1899-12-31"},
                    {"id":"b","type":"training","credits":8,"completed":"2026-03-01","claimed_on":"2026-02-01"}]})");
    for (const char* p : {"/certifications/0/expires", "/certifications/1/first_certified", "/activities/0/completed",
                          "/activities/1/claimed_on"}) {
        INFO(p);
        CHECK(contains(list, p));
    }
}

TEST_CASE("issue 6: a plan gives the same bytes whatever plan was evaluated before it (the policy memo)",
          "[plan-format][policy]") {
    // evaluate_json keeps the merged policy table of the last plan for the next plan with the same
    // `policy` block. Every plan, after every other (same block, another block, none, a bad plan with a
    // good block, a bad block), must give what it gives after a plan with a block of its own.
    std::vector<std::string> texts;
    for (const auto& file : json_files(CEPLAN_SCENARIOS_DIR)) texts.push_back(read_json(file)["plan"].dump());
    for (const auto& file : json_files(CEPLAN_EXAMPLES_DIR)) texts.push_back(read_json(file).dump());
    json live = contract_example();
    live["activities"].push_back({{"id", "live"}, {"type", "cisco_live"}, {"completed", "2025-06-10"},
                                  {"sessions", {{{"code", "BRKENT-2031"}, {"minutes", 60}}}}});
    live["policy"] = {{"cisco_live", {{"breakout", {{"1000", 1}, {"2000", 2}}}}}};
    texts.push_back(live.dump());
    json bad_plan = live;
    bad_plan["certifications"][0]["expires"] = "2027-02-30";  // a good block in a bad plan
    texts.push_back(bad_plan.dump());
    json bad_block = live;
    bad_block["policy"]["increment"] = 0;  // a bad block
    texts.push_back(bad_block.dump());
    json other = live;
    other["policy"]["cisco_live"]["breakout"]["2000"] = 5;  // another block, one value apart
    texts.push_back(other.dump());
    REQUIRE(texts.size() > 20);

    const Date today = *parse_date("2026-01-01");
    json own = contract_example();
    own["policy"] = {{"increment", 7}, {"rollover_minimum", 1}};  // a block no other plan has
    const auto alone = [&](const std::string& text) {
        REQUIRE(evaluate_json(own.dump(), today).ok);
        return evaluate_json(text, today).json;
    };
    std::vector<std::string> expected;
    for (const auto& text : texts) expected.push_back(alone(text));
    CHECK(expected[texts.size() - 4] != expected[texts.size() - 1]);  // the two blocks differ in their result
    std::size_t compared = 0;
    for (std::size_t i = 0; i < texts.size(); ++i)
        for (std::size_t j = 0; j < texts.size(); ++j) {
            evaluate_json(texts[i], today);
            if (evaluate_json(texts[j], today).json != expected[j]) FAIL("plan " << j << " after plan " << i);
            ++compared;
        }
    CHECK(compared == texts.size() * texts.size());
}

TEST_CASE("plan-format: an object's members are read in key order, the last of a key given twice kept", "[plan-format]") {
    // As nlohmann's std::map document did (issue 6 replaced it): messages show objects sorted by key, and
    // the policy's unknown cells are listed in key order. Small objects and large ones (sorted another way).
    for (int keys : {3, 16, 17, 40}) {
        std::string object = "{";
        for (int i = keys; i >= 1; --i) {
            // keys k<i>, each given twice (first a 0, last the number i), written in reverse order
            object += "\"k" + std::to_string(i) + "\":0,\"k" + std::to_string(i) + "\":" + std::to_string(i) +
                      (i > 1 ? "," : "");
        }
        object += "}";
        const std::string expected = "expected \"ceplan-plan\", got " + [&] {
            const std::string dump = json::parse(object).dump();  // nlohmann: sorted, last value kept
            return dump.size() > 60 ? dump.substr(0, 57) + "..." : dump;
        }();
        const std::string text = R"({"format":)" + object +
                                 R"(,"certifications":[{"id":"c","level":"associate","expires":"2027-01-01"}]})";
        const json out = json::parse(evaluate_json(text, Date{0}).json);
        INFO(keys << " keys");
        REQUIRE(out["errors"].size() == 1);
        CHECK(out["errors"][0]["message"] == expected);
    }
    // The policy's item-authoring table: unknown item types, each a bad value, reported in key order.
    std::string table = "{";
    for (int i = 20; i >= 1; --i) table += "\"t" + std::to_string(100 + i) + "\":-1" + (i > 1 ? "," : "");
    table += "}";
    const std::string text = R"({"format":"ceplan-plan","policy":{"item_authoring":)" + table +
                             R"(},"certifications":[{"id":"c","level":"associate","expires":"2027-01-01"}]})";
    const json out = json::parse(evaluate_json(text, Date{0}).json);
    REQUIRE(out["errors"].size() == 20);
    for (int i = 1; i <= 20; ++i) CHECK(out["errors"][i - 1]["pointer"] == "/policy/item_authoring/t" + std::to_string(100 + i));
}
