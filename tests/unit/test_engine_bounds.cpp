// Hostile and absurd plans (issue 7 §3): credit totals beyond 2^31 exact and the
// same natively and in wasm (fixed-width 64-bit arithmetic), exam matching
// polynomial in the slots a path asks for, memory O(activities).
#include <catch2/catch.hpp>

#include "core/earning.hpp"
#include "core/engine.hpp"
#include "core/paths.hpp"
#include "support.hpp"

using namespace ceplan;
using namespace ceplan::test;

namespace {

Date day(const char* iso) {
    return *parse_date(iso);
}

/// A plan built in C++ (no adapter, so no input limits): one certification, the built-in policy.
Plan engine_plan(Level level, const char* expires) {
    Plan p;
    p.today = day("2026-01-01");
    p.policy = default_policy();
    Certification c;
    c.id = "c";
    c.level = level;
    c.expires = day(expires);
    p.certifications.push_back(c);
    return p;
}

/// Numbered id: "t" and 7 -> "t7" (appended, not `"t" + ...`: GCC 12 warns falsely on that).
std::string numbered(const char* prefix, int n) {
    std::string out = prefix;
    out += std::to_string(n);
    return out;
}

Activity training_activity(std::string id, int credits, const char* completed, std::string course) {
    Activity a;
    a.id = std::move(id);
    a.type = ActivityType::training;
    a.course = std::move(course);
    a.version = "1.0";
    a.credits = credits;
    a.completed = day(completed);
    a.status = Status::claimed;
    return a;
}

const ActivityResult& activity(const Result& r, const std::string& id) {
    for (const auto& a : r.activities)
        if (a.id == id) return a;
    FAIL("no activity " << id);
    return r.activities.front();
}

bool warned(const Result& r, const std::string& code, const std::string& id) {
    for (const auto& w : r.warnings)
        if (w.code == code && w.activity == id) return true;
    return false;
}

}  // namespace

TEST_CASE("E8 A2 A3: edge values beyond 2^31 give exact totals (tests/edge/large-values.json, also run in wasm)",
          "[E8][E6][E7][A2][A3][limits]") {
    const json doc = read_json(CEPLAN_EDGE_DIR "/large-values.json");
    const json r = run(doc["plan"]);
    CHECK(check_expectations(r, doc["expect"]) == std::vector<std::string>{});
    // Beyond the scenario checker: every credit figure of the result is exact.
    const json& recert = find_by_id(r["certifications"], "ccie")->at("recertifications");
    REQUIRE(recert.size() == 4);
    CHECK(recert[0]["credits_applied"] == 120);
    CHECK(recert[3]["rollover"]["credits"] == 2000001999520LL);
}

TEST_CASE("E8: 1000000 accepted items at 1000000 credits each are 10^12 credits, never negative", "[E8][limits]") {
    Plan p = engine_plan(Level::associate, "2027-06-01");
    p.policy.item_authoring["associate"] = 1000000;
    Activity a;
    a.id = "ia";
    a.type = ActivityType::item_authoring;
    a.item_type = "associate";
    a.accepted_items = 1000000;
    a.completed = day("2026-02-01");
    p.activities.push_back(a);
    const Result r = evaluate(p);
    // 32-bit arithmetic gave 10^12 mod 2^32 as a signed int: -727379968.
    CHECK(activity(r, "ia").credits == 1000000000000LL);
    CHECK(activity(r, "ia").nominal_credits == 1000000000000LL);
    // Associate path 30 CE: six 5-credit increments (A2), the rest rolls over (A3).
    REQUIRE(r.certifications[0].recertifications.size() == 1);
    CHECK(r.rollover.credits == 1000000000000LL - 30);
}

TEST_CASE("A2 A3: 2148 activities of 1000000 credits sum to 2148000000, beyond 2^31", "[A2][A3][limits]") {
    // Built in C++ on purpose: the adapter refuses more than 1,000,000 credits per field, but
    // 5,000 activities of 1,000,000 credits are allowed, and any sum past 2^31 - 1 must stay exact.
    Plan p = engine_plan(Level::associate, "2027-06-01");
    for (int i = 0; i < 2148; ++i)
        p.activities.push_back(training_activity(numbered("t", i), 1000000, "2026-02-01", numbered("C", i)));
    const Result r = evaluate(p);
    // All on one date: one check (R2), the associate path uses 30 (six 5s), 2,147,999,970 roll over.
    REQUIRE(r.certifications[0].recertifications.size() == 1);
    CHECK(r.certifications[0].recertifications[0].credits_applied == 30);
    CHECK(r.rollover.credits == 2148000000LL - 30);
    REQUIRE(r.rollover.parts.size() == 1);
    CHECK(r.rollover.parts[0].credits == 2148000000LL - 30);
}

TEST_CASE("E7: attendance percent times minutes is 64-bit on every platform (4295 percent of 1000000 minutes)",
          "[E7][limits]") {
    // 1,000,000 x 4,295 = 4,295,000,000 > 2^32: a 32-bit `long` (wasm) wrapped it to 32,704 and let the
    // session count. 1,000,000 attended x 100 = 100,000,000 < 4,295,000,000: below the minimum.
    Plan p = engine_plan(Level::associate, "2027-06-01");
    p.policy.attendance_minimum_percent = 4295;
    Activity a;
    a.id = "cl";
    a.type = ActivityType::cisco_live;
    a.event = "Cisco Live US 2026";
    a.completed = day("2026-06-04");
    a.sessions.push_back({"BRKENT-2031", 1000000, 1000000, true, 3});
    p.activities.push_back(a);
    const Result r = evaluate(p);
    CHECK(activity(r, "cl").credits == 0);
    CHECK(warned(r, "ATTENDANCE_BELOW_75", "cl"));
}

TEST_CASE("A2: memory holds runs, not increments (500 trainings of 1000000 credits evaluate)", "[A2][limits]") {
    // One record per 5-credit increment made this 100,000,000 records (4.6 GB). Runs: two per
    // activity at most. Measured with /usr/bin/time -v in README "Limits"; here the result is checked.
    Plan p = engine_plan(Level::expert, "2027-06-01");
    for (int i = 0; i < 500; ++i)
        p.activities.push_back(training_activity(numbered("t", i), 1000000, "2026-02-01", numbered("C", i)));
    const Result r = evaluate(p);
    // Expert path 120 CE: 500,000,000 - 120 roll over.
    CHECK(r.rollover.credits == 500000000LL - 120);
}

TEST_CASE("L4: exam matching is a maximum matching, whatever the number of slots and exams", "[L4][limits]") {
    // Ten slots (beyond the adapter's limit of 5, so the engine alone is exercised) and 5,000 exams:
    // exponential search took 38 s for 10 slots. Slots: 6 x professional (core or concentration),
    // 4 x core. Exams: 5,000 concentrations and 4 cores -> the 4 cores must go to the core slots.
    ExamSlot professional{"professional", {ExamKind::core, ExamKind::concentration}};
    ExamSlot core{"core", {ExamKind::core}};
    std::vector<ExamSlot> slots(6, professional);
    slots.insert(slots.end(), 4, core);
    std::vector<ExamRecord> exams;
    for (int i = 0; i < 4; ++i) exams.push_back({i, Date{i}, ExamKind::core});  // the earliest exams are cores
    for (int i = 4; i < 5004; ++i) exams.push_back({i, Date{i}, ExamKind::concentration});
    const auto matched = match_exams(slots, exams);
    REQUIRE(matched);
    REQUIRE(matched->size() == 10);
    for (std::size_t s = 6; s < 10; ++s) CHECK(exams[(*matched)[s]].kind == ExamKind::core);
    std::vector<std::size_t> used = *matched;
    std::sort(used.begin(), used.end());
    CHECK(std::adjacent_find(used.begin(), used.end()) == used.end());  // distinct exams
    // Only 3 cores: one core slot stays open, and P2 names it.
    exams.erase(exams.begin());
    CHECK_FALSE(match_exams(slots, exams));
    CHECK(unfilled_slots(slots, exams) == std::vector<std::string>{"core"});
}

TEST_CASE("L4: matching prefers the earlier exams and fills slots in order", "[L4]") {
    ExamSlot professional{"professional", {ExamKind::core, ExamKind::concentration}};
    ExamSlot core{"core", {ExamKind::core}};
    // professional then core, exams: core (day 1), concentration (day 2), core (day 3).
    // professional takes day 1's core, core takes day 3's: an augmenting path is not needed.
    const std::vector<ExamRecord> exams = {
        {0, Date{1}, ExamKind::core}, {1, Date{2}, ExamKind::concentration}, {2, Date{3}, ExamKind::core}};
    const auto m = match_exams({professional, core}, exams);
    REQUIRE(m);
    CHECK(*m == std::vector<std::size_t>{0, 2});
    // core then professional with one core: core takes it, professional the concentration.
    const auto n = match_exams({core, professional}, {exams[0], exams[1]});
    REQUIRE(n);
    CHECK(*n == std::vector<std::size_t>{0, 1});
    // professional then core with core (day 1) and concentration (day 2): filling both slots
    // needs professional to take the concentration so that core gets the only core.
    const auto o = match_exams({professional, core}, {exams[0], exams[1]});
    REQUIRE(o);
    CHECK(*o == std::vector<std::size_t>{1, 0});
    // Two open slots of three: the first slots are filled first (P2 names the last ones).
    CHECK(unfilled_slots({core, professional, core}, {exams[0]}) == std::vector<std::string>{"professional", "core"});
}
