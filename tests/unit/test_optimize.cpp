// "Plan for me" (../shared/spec/optimize.md): the search, its dates, its traps
// (E2, E3, L3, R3, windows), its explanations and its JSON. Every expected
// number is derived by hand in the comment beside it.
#include <catch2/catch.hpp>
#include <cstdio>
#include <random>
#include <set>

#include "core/engine.hpp"
#include "core/optimize.hpp"
#include "core/optimize_json.hpp"
#include "support.hpp"

using namespace ceplan;
using namespace ceplan::test;

namespace {

json optimize_doc(const json& plan_doc) {
    return json::parse(optimize_json(plan_doc.dump(), Date{0}).json);
}

const json* find_option(const json& list, const std::string& id) {
    for (const auto& item : list)
        if (item.value("option", "") == id) return &item;
    return nullptr;
}

json status_of(const json& answer, const std::string& cert) {
    return (*find_by_id(answer["result"]["certifications"], cert))["status"];
}


/// A ccnp expiring 2027-09-30 holding 40 credits (t1, valid to 2028-06-01, C2), and the given options.
json ccnp_with(const json& options) {
    json p = contract_example();
    p["options"] = options;
    return p;
}

}  // namespace

TEST_CASE("optimize: the contract's example takes the concentration exam on the expiration date", "[optimize][L2][R5]") {
    // ccnp holds 40 credits (t1). o2 alone: 40 CE + one professional exam (L2) on 2027-09-30, 0 days given
    // up, 400 money. o1 alone also saves it (104 >= 80) but costs 3200; o3 alone gives 64 < 80 and no exam.
    const json answer = optimize_doc(contract_example());
    REQUIRE(answer["format"] == "ceplan-optimized");
    REQUIRE(answer["chosen"].size() == 1);
    CHECK(answer["chosen"][0]["option"] == "o2");
    CHECK(answer["chosen"][0]["completed"] == "2027-09-30");
    CHECK(answer["cost"] == json::parse(R"({"money": 400, "hours": 60})"));
    CHECK(answer["days_given_up"] == 0);
    CHECK(answer["searched"]["exact"] == true);
    CHECK(answer["unsavable"].empty());
    CHECK(status_of(answer, "ccnp") == "recertified");
    CHECK(answer["plan"].contains("options") == false);
    CHECK(answer["plan"]["activities"].size() == 2);
    CHECK(answer["chosen"][0]["completes"] == json::array({"ccnp"}));
    CHECK(answer["chosen"][0]["needed_for"] == json::array({"ccnp"}));
    const json* o1 = find_option(answer["left_out"], "o1");
    const json* o3 = find_option(answer["left_out"], "o3");
    REQUIRE(o1);
    REQUIRE(o3);
    CHECK((*o1)["kind"] == "not_needed");
    CHECK((*o1)["alone_saves"] == true);
    CHECK((*o3)["kind"] == "not_needed");
    CHECK((*o3)["alone_saves"] == false);
}

TEST_CASE("optimize: the answer's result is byte-identical to evaluating the answer's plan", "[optimize]") {
    const std::string text = optimize_json(contract_example().dump(), Date{0}).json;
    const json answer = json::parse(text);
    const Outcome evaluated = evaluate_json(answer["plan"].dump(), Date{0});
    REQUIRE(evaluated.ok);
    // The result, cut out of the answer's own bytes.
    const auto at = text.find("\"result\":");
    const auto end = text.rfind(",\"unsavable\":");
    REQUIRE(at != std::string::npos);
    REQUIRE(end != std::string::npos);
    CHECK(text.substr(at + 9, end - at - 9) == evaluated.json);
}

TEST_CASE("optimize: a plan without options is answered with nothing chosen", "[optimize]") {
    json p = contract_example();
    p.erase("options");
    const json answer = optimize_doc(p);
    CHECK(answer["chosen"].empty());
    CHECK(answer["cost"]["money"] == 0);
    // ccnp holds 40 of 80 credits and no exam: it cannot be saved, and says what it still needs.
    REQUIRE(answer["unsavable"].size() == 1);
    CHECK(answer["unsavable"][0]["certification"] == "ccnp");
    CHECK(status_of(answer, "ccnp") == "will_expire");
}

TEST_CASE("optimize E2: a lite course earns nothing and is left out with its rule", "[optimize][E2]") {
    // The lite course would give 40 + 40 = 80 (L2 CE only) for 100, but earns 0 (E2); the exam (400) saves ccnp.
    const json answer = optimize_doc(ccnp_with(json::parse(R"([
        { "id": "lite", "activity": { "type": "training", "course": "SCOR", "version": "1.0", "credits": 40, "lite": true },
          "cost": { "money": 100, "hours": 8 } },
        { "id": "x", "activity": { "type": "exam", "exam": "concentration" }, "cost": { "money": 400, "hours": 60 } } ])")));
    REQUIRE(answer["chosen"].size() == 1);
    CHECK(answer["chosen"][0]["option"] == "x");
    const json* lite = find_option(answer["left_out"], "lite");
    REQUIRE(lite);
    CHECK((*lite)["kind"] == "earns_nothing");
    CHECK((*lite)["rule"] == "E2");
    CHECK((*lite)["codes"] == json::array({"NOT_ELIGIBLE_LITE"}));
}

TEST_CASE("optimize E3: a minor-version repeat earns nothing and is left out with its rule", "[optimize][E3]") {
    // ENARSI 1.2 repeats the claimed ENARSI 1.1 (t1): 0 credits (E3), however cheap; SCOR 1.0 (64) gives 104 >= 80.
    const json answer = optimize_doc(ccnp_with(json::parse(R"([
        { "id": "repeat", "activity": { "type": "training", "course": "ENARSI", "version": "1.2", "credits": 40 },
          "cost": { "money": 50, "hours": 40 } },
        { "id": "scor", "activity": { "type": "training", "course": "SCOR", "version": "1.0", "credits": 64 },
          "cost": { "money": 2000, "hours": 40 } } ])")));
    REQUIRE(answer["chosen"].size() == 1);
    CHECK(answer["chosen"][0]["option"] == "scor");
    CHECK(answer["chosen"][0]["completed"] == "2027-09-30");
    const json* repeat = find_option(answer["left_out"], "repeat");
    REQUIRE(repeat);
    CHECK((*repeat)["kind"] == "earns_nothing");
    CHECK((*repeat)["rule"] == "E3");
    CHECK((*repeat)["codes"] == json::array({"REPEAT_MINOR_VERSION"}));
    // 104 credits: 80 applied (A2: 8 x 5 from t1, then 8 x 5 from SCOR), 24 left roll over (A3).
    CHECK(answer["rollover"] == 24);
}

TEST_CASE("optimize L3: a concentration exam does not satisfy an expert's technology core path", "[optimize][L3]") {
    // ccie holds 40 credits. 40 CE + concentration is no expert path (L3); 40 CE + core is (L2): the core
    // exam (450) is chosen although the concentration exam (300) is cheaper.
    const json p = json::parse(R"({ "format": "ceplan-plan", "version": 1, "today": "2026-11-29",
      "certifications": [ { "id": "ccie", "level": "expert", "expires": "2027-10-05" } ],
      "activities": [ { "id": "t1", "type": "training", "course": "ENARSI", "version": "1.1", "credits": 40,
                        "completed": "2025-06-01", "status": "claimed" } ],
      "options": [
        { "id": "conc", "activity": { "type": "exam", "exam": "concentration", "code": "300-410" }, "cost": { "money": 300 } },
        { "id": "core", "activity": { "type": "exam", "exam": "core", "code": "350-401" }, "cost": { "money": 450 } } ] })");
    const json answer = optimize_doc(p);
    REQUIRE(answer["chosen"].size() == 1);
    CHECK(answer["chosen"][0]["option"] == "core");
    CHECK(answer["chosen"][0]["completed"] == "2027-10-05");
    const json* conc = find_option(answer["left_out"], "conc");
    REQUIRE(conc);
    CHECK((*conc)["kind"] == "not_needed");
    CHECK((*conc)["rule"] == "L3");
    CHECK((*conc)["alone_saves"] == false);
}

TEST_CASE("optimize R3: an option that only helps a certification that cannot be saved is left out", "[optimize][R3]") {
    // ccnp is saved by the plan itself (40 CE + the planned concentration exam, L2). ccna, below it, expires
    // 2026-12-15: its cheapest way is an exam, and the only option before then is a 20-credit course, which
    // goes to the anchor (R1) and brings ccna's cascade path (80 CE via ccnp) from 40 to 20 credits short.
    const json p = json::parse(R"({ "format": "ceplan-plan", "version": 1, "today": "2026-11-29",
      "certifications": [ { "id": "ccnp", "level": "professional", "expires": "2027-09-30" },
                          { "id": "ccna", "level": "associate", "expires": "2026-12-15" } ],
      "activities": [ { "id": "t1", "type": "training", "course": "ENARSI", "version": "1.1", "credits": 40,
                        "completed": "2025-06-01", "status": "claimed" },
                      { "id": "x", "type": "exam", "exam": "concentration", "completed": "2027-09-01" } ],
      "options": [
        { "id": "prep", "activity": { "type": "training", "course": "CBROPS", "version": "1.0", "credits": 20 },
          "cost": { "money": 150, "hours": 20 }, "earliest": "2026-12-01", "latest": "2026-12-10" } ] })");
    const json answer = optimize_doc(p);
    CHECK(answer["chosen"].empty());
    REQUIRE(answer["unsavable"].size() == 1);
    CHECK(answer["unsavable"][0]["certification"] == "ccna");
    const json* prep = find_option(answer["left_out"], "prep");
    REQUIRE(prep);
    CHECK((*prep)["kind"] == "only_unsavable");
    CHECK((*prep)["helps"] == json::array({"ccna"}));
}

TEST_CASE("optimize R3: an exam whose window opens after the only certification counting it lapses says so",
          "[optimize][R3][L2][L4]") {
    // ccna (associate) is valid through 2026-12-15; the associate exam 200-301 can be taken from 2027-01-05,
    // after it has lapsed (R3). ccnp (professional) has no path that counts an associate exam (L2, L4), so the
    // exam brings nobody closer; the reason is ccna's lapse, not that no path counts it.
    const json p = json::parse(R"({ "format": "ceplan-plan", "version": 1, "today": "2026-11-29",
      "certifications": [ { "id": "ccnp", "name": "CCNP Enterprise", "level": "professional", "expires": "2027-09-30" },
                          { "id": "ccna", "name": "CCNA", "level": "associate", "expires": "2026-12-15" } ],
      "activities": [ { "id": "x", "type": "exam", "exam": "concentration", "completed": "2027-09-01" },
                      { "id": "t1", "type": "training", "course": "ENARSI", "version": "1.1", "credits": 40,
                        "completed": "2025-06-01", "status": "claimed" } ],
      "options": [
        { "id": "assoc", "activity": { "type": "exam", "exam": "associate", "code": "200-301" },
          "cost": { "money": 300, "hours": 30 }, "earliest": "2027-01-05", "latest": "2027-03-31" } ] })");
    const json answer = optimize_doc(p);
    const json* assoc = find_option(answer["left_out"], "assoc");
    REQUIRE(assoc);
    CHECK((*assoc)["kind"] == "adds_nothing");
    CHECK((*assoc)["rule"] == "R3");
    CHECK((*assoc)["why"] ==
          "associate exam 200-301 comes too late for CCNA: its window opens on 2027-01-05, after it lapses on "
          "2026-12-15 (R3); no other certification's path counts it (L2, L4)");
    // The same exam with a professional only: no path counts it at all (L4).
    json alone = p;
    alone["certifications"].erase(1);
    const json alone_answer = optimize_doc(alone);
    const json* none = find_option(alone_answer["left_out"], "assoc");
    REQUIRE(none);
    CHECK((*none)["rule"] == "L4");
    CHECK((*none)["why"] == "associate exam 200-301 brings no certification closer to recertifying: no path of theirs counts it (L2, L4)");
}

TEST_CASE("optimize R5: an option whose window closes before the deadline is taken on its window's last day",
          "[optimize][R5]") {
    // The early exam (300, window to 2027-01-31) saves ccnp on 2027-01-31 and gives up 242 days
    // (2027-01-31 to 2027-09-30: 28+31+30+31+30+31+31+30); the later one costs 400: money comes first.
    const json answer = optimize_doc(ccnp_with(json::parse(R"([
        { "id": "late", "activity": { "type": "exam", "exam": "concentration" }, "cost": { "money": 400 } },
        { "id": "early", "activity": { "type": "exam", "exam": "concentration" }, "cost": { "money": 300 },
          "earliest": "2026-12-01", "latest": "2027-01-31" },
        { "id": "gone", "activity": { "type": "exam", "exam": "core" }, "cost": { "money": 10 },
          "earliest": "2026-10-01", "latest": "2026-11-29" } ])")));
    REQUIRE(answer["chosen"].size() == 1);
    CHECK(answer["chosen"][0]["option"] == "early");
    CHECK(answer["chosen"][0]["completed"] == "2027-01-31");
    CHECK(answer["days_given_up"] == 242);
    const json* gone = find_option(answer["left_out"], "gone");
    REQUIRE(gone);
    CHECK((*gone)["kind"] == "window_closed");
}

TEST_CASE("optimize R4: one date that saves the certification below too, the latest such date", "[optimize][R4]") {
    // ccie (2027-10-05) holds 40 credits; ccnp below it expires 2027-06-10. The core exam on 2027-06-10
    // recertifies ccie (40 CE + core) and cascades to ccnp (R4): 2 saved, 117 days given up
    // (2027-06-10 to 2027-10-05: 20+31+31+30+5). On 2027-10-05 only ccie would be saved.
    const json p = json::parse(R"({ "format": "ceplan-plan", "version": 1, "today": "2026-11-29",
      "certifications": [ { "id": "ccie", "level": "expert", "expires": "2027-10-05" },
                          { "id": "ccnp", "level": "professional", "expires": "2027-06-10" } ],
      "activities": [ { "id": "t1", "type": "training", "course": "ENARSI", "version": "1.1", "credits": 40,
                        "completed": "2025-06-01", "status": "claimed" } ],
      "options": [
        { "id": "core", "activity": { "type": "exam", "exam": "core" }, "cost": { "money": 450 } } ] })");
    const json answer = optimize_doc(p);
    REQUIRE(answer["chosen"].size() == 1);
    CHECK(answer["chosen"][0]["completed"] == "2027-06-10");
    CHECK(answer["days_given_up"] == 117);
    CHECK(answer["saved"] == json::array({"ccie", "ccnp"}));
}

TEST_CASE("optimize: two options on their own dates, the exam for the lower certification first", "[optimize][R4][R5]") {
    // ccna (2027-02-14) and ccnp (2027-09-30, 40 held). SCOR's sessions start 2027-03-01, after ccna expires:
    // alone it saves ccnp only. The associate exam saves ccna by 2027-02-14 (L4) and SCOR (64) saves ccnp on
    // 2027-09-30 (104 >= 80): 2 saved for 1800. The concentration exam alone would save both only on
    // 2027-02-14 (40 CE + exam, cascade R4) and costs 3000. Days given up: ccna 0 on 2027-02-14, ccnp 0 on
    // 2027-09-30, and the cascade recertifies ccna again on 2027-09-30 (R4), reported as giving up the days to
    // its new expiration 2030-02-14: 731 (to 2029-09-30, 2028 is a leap year) + 137 = 868.
    const json p = json::parse(R"({ "format": "ceplan-plan", "version": 1, "today": "2026-11-29",
      "certifications": [ { "id": "ccnp", "level": "professional", "expires": "2027-09-30" },
                          { "id": "ccna", "level": "associate", "expires": "2027-02-14" } ],
      "activities": [ { "id": "t1", "type": "training", "course": "ENARSI", "version": "1.1", "credits": 40,
                        "completed": "2025-06-01", "status": "claimed" } ],
      "options": [
        { "id": "assoc", "activity": { "type": "exam", "exam": "associate" }, "cost": { "money": 300 } },
        { "id": "scor", "activity": { "type": "training", "course": "SCOR", "version": "1.0", "credits": 64 },
          "cost": { "money": 1500 }, "earliest": "2027-03-01" },
        { "id": "conc", "activity": { "type": "exam", "exam": "concentration" }, "cost": { "money": 3000 } } ] })");
    const json answer = optimize_doc(p);
    REQUIRE(answer["chosen"].size() == 2);
    CHECK(answer["chosen"][0]["option"] == "assoc");
    CHECK(answer["chosen"][0]["completed"] == "2027-02-14");
    CHECK(answer["chosen"][1]["option"] == "scor");
    CHECK(answer["chosen"][1]["completed"] == "2027-09-30");
    CHECK(answer["days_given_up"] == 868);
    CHECK(answer["cost"]["money"] == 1800);
}

TEST_CASE("optimize: past the evaluation limit the search stops, says exact false, and still answers", "[optimize]") {
    json p = contract_example();
    p["optimize"] = json::parse(R"({"max_evaluations": 2})");
    const json answer = optimize_doc(p);
    REQUIRE(answer["format"] == "ceplan-optimized");
    CHECK(answer["searched"]["exact"] == false);
    CHECK(answer["plan"].contains("optimize") == false);
    CHECK(answer["result"] == json::parse(evaluate_json(answer["plan"].dump(), Date{0}).json));
}

TEST_CASE("optimize: the explanation has its own budget, and says which options it could not examine",
          "[optimize]") {
    // Four options, three evaluations for the search and three for the explanation: the first option
    // left out takes them (its window, then its best dates alone), the others are unexplained.
    json p = ccnp_with(json::parse(R"([
        { "id": "a", "activity": { "type": "exam", "exam": "concentration" }, "cost": { "money": 400 } },
        { "id": "b", "activity": { "type": "training", "course": "SCOR", "version": "1.0", "credits": 64 }, "cost": { "money": 900 } },
        { "id": "c", "activity": { "type": "training", "course": "ENAUTO", "version": "1.0", "credits": 64 }, "cost": { "money": 950 } },
        { "id": "d", "activity": { "type": "training", "course": "ENCOR", "version": "1.0", "credits": 64 }, "cost": { "money": 990 } } ])"));
    p["optimize"] = json::parse(R"({"max_evaluations": 3})");
    const json answer = optimize_doc(p);
    REQUIRE(answer["format"] == "ceplan-optimized");
    CHECK(answer["searched"]["exact"] == false);
    int unexplained = 0;
    for (const auto& l : answer["left_out"]) unexplained += l["kind"] == "unexplained" ? 1 : 0;
    CHECK(unexplained >= 1);
    CHECK(answer["result"] == json::parse(evaluate_json(answer["plan"].dump(), Date{0}).json));
}

TEST_CASE("optimize errors: every problem named by its pointer into options", "[optimize][errors]") {
    json p = contract_example();
    p["options"][0]["cost"]["money"] = -5;
    p["options"][1]["id"] = "t1";                   // an activity's id
    p["options"][2]["activity"].erase("credits");  // a training needs credits
    p["options"][2]["latest"] = "2026-11-30";       // before its earliest 2026-12-01
    p["options"].push_back(json::parse(R"({"id": "o3", "activity": {"type": "exam", "exam": "core", "completed": "2027-01-01"}})"));
    p["options"].push_back(json::parse(R"({"id": "o5", "activity": {"type": "exam", "exam": "oral"}, "earliest": "2027-02-30"})"));
    const json out = optimize_doc(p);
    REQUIRE(out["format"] == "ceplan-error");
    std::set<std::string> pointers;
    for (const auto& e : out["errors"]) pointers.insert(e["pointer"].get<std::string>());
    for (const char* want : {"/options/0/cost/money", "/options/1/id", "/options/2/activity/credits", "/options/2/latest",
                             "/options/3/id", "/options/3/activity/completed", "/options/4/activity/exam",
                             "/options/4/earliest"})
        CHECK(pointers.count(want) == 1);
    CHECK(pointers.size() == 8);
}

TEST_CASE("optimize errors: the plan's own problems and a bad options list", "[optimize][errors]") {
    json p = contract_example();
    p["certifications"][0]["expires"] = "2027-02-30";
    json with_bad_option = p;
    with_bad_option["options"][1]["activity"]["exam"] = "oral";
    const json both = optimize_doc(with_bad_option);  // the plan's problem and the option's, together
    REQUIRE(both["format"] == "ceplan-error");
    std::set<std::string> both_pointers;
    for (const auto& e : both["errors"]) both_pointers.insert(e["pointer"].get<std::string>());
    CHECK(both_pointers == std::set<std::string>{"/certifications/0/expires", "/options/1/activity/exam"});
    p["options"] = "SCOR";
    const json out = optimize_doc(p);
    REQUIRE(out["format"] == "ceplan-error");
    std::set<std::string> pointers;
    for (const auto& e : out["errors"]) pointers.insert(e["pointer"].get<std::string>());
    CHECK(pointers == std::set<std::string>{"/certifications/0/expires", "/options"});
    CHECK(json::parse(optimize_json("not json", Date{0}).json)["format"] == "ceplan-error");
    json many = contract_example();
    for (int i = 0; i < 70; ++i) many["options"].push_back(many["options"][1]);
    const json too_many = optimize_doc(many);
    REQUIRE(too_many["format"] == "ceplan-error");
    CHECK(too_many["errors"][0]["pointer"] == "/options");
}

// ---------------------------------------------------------------- brute force

namespace {

/// The order of optimize.md, for a brute-force comparison.
struct Key {
    int saved = 0;
    std::int64_t money = 0, hours = 0;
    int days = 0, rollover = 0;
    std::vector<std::size_t> set;
    bool operator<(const Key& o) const {  // "better than"
        if (saved != o.saved) return saved > o.saved;
        if (money != o.money) return money < o.money;
        if (hours != o.hours) return hours < o.hours;
        if (days != o.days) return days < o.days;
        if (rollover != o.rollover) return rollover > o.rollover;
        if (set.size() != o.set.size()) return set.size() < o.set.size();
        return set < o.set;
    }
};

Key key_of(const Result& r, const std::vector<Option>& options, const std::vector<std::size_t>& set) {
    Key k;
    for (const auto& c : r.certifications) {
        if (c.status == "recertified") ++k.saved;
        for (const auto& rc : c.recertifications) k.days += rc.days_given_up;
    }
    k.rollover = r.rollover.credits;
    for (std::size_t i : set) {
        k.money += options[i].money;
        k.hours += options[i].hours;
    }
    k.set = set;
    return k;
}

}  // namespace

TEST_CASE("optimize: on random small option sets with fixed dates, the best equals the best of every subset",
          "[optimize][brute]") {
    std::mt19937 rng(20261129);
    auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    const Date today = *parse_date("2026-11-29");
    int cases = 0, differing = 0;
    for (int round = 0; round < 400; ++round) {
        // Certifications: an anchor (professional or expert) and sometimes an associate below it.
        json certs = json::array();
        const bool expert = pick(0, 1) == 1;
        certs.push_back(
            json::parse(std::string(R"({"id": "top", "level": ")") + (expert ? "expert" : "professional") +
                        R"(", "expires": ")" + format_date(add_days(today, pick(60, 700))) + "\"}"));
        if (pick(0, 1)) certs.push_back(json::parse(std::string(R"({"id": "low", "level": "associate", "expires": ")") +
                                                    format_date(add_days(today, pick(20, 500))) + "\"}"));
        json acts = json::array();
        acts.push_back(json::parse(std::string(R"({"id": "held", "type": "training", "course": "ENARSI", "version": "1.0", "credits": )") +
                                   std::to_string(pick(0, 12) * 5) + R"(, "completed": "2025-06-01", "status": "claimed"})"));
        const json doc = json::parse(
            R"({"format": "ceplan-plan", "version": 1, "today": "2026-11-29", "certifications": [], "activities": []})");
        json d = doc;
        d["certifications"] = certs;
        d["activities"] = acts;
        ParsedPlan parsed = parse_plan(d.dump(), today);
        REQUIRE(parsed.plan);
        const Plan& plan = *parsed.plan;
        // Options: trainings (repeats of a few course codes, sometimes lite) and exams, each on one fixed date.
        const int n = pick(1, 8);
        std::vector<Option> options;
        // Course codes: a few shared ones (repeats, E3) or one of its own (the dominance rule
        // applies to those); dates: from a few, so that equal options meet.
        const char* courses[] = {"ENARSI", "SCOR", "ENAUTO", "ENSLD"};
        const int day_choices[] = {pick(1, 720), pick(1, 720), pick(1, 720)};
        const ExamKind kinds[] = {ExamKind::associate, ExamKind::core, ExamKind::concentration, ExamKind::expert_written};
        for (int i = 0; i < n; ++i) {
            Option o;
            char id[16];  // (snprintf: GCC 12's -Wrestrict misfires on "o" + std::to_string here)
            std::snprintf(id, sizeof id, "o%d", i);
            o.activity.id = id;
            o.activity.status = Status::planned;
            if (pick(0, 2) == 0) {
                o.activity.type = ActivityType::exam;
                o.activity.exam = kinds[pick(0, 3)];
            } else {
                o.activity.type = ActivityType::training;
                char own[16];
                std::snprintf(own, sizeof own, "OWN%d", i);
                o.activity.course = pick(0, 1) ? std::string(courses[pick(0, 3)]) : own;
                o.activity.version = std::to_string(pick(1, 2)) + "." + std::to_string(pick(0, 1));
                o.activity.credits = pick(1, 4) * 16;
                o.activity.lite = pick(0, 9) == 0;
            }
            o.money = pick(0, 6) * 500;
            o.hours = pick(0, 2) * 8;
            o.earliest = o.latest = add_days(today, day_choices[pick(0, 2)]);
            options.push_back(o);
        }
        const Optimized got = optimize(plan, options);
        std::vector<std::size_t> got_set;
        for (const auto& c : got.chosen) got_set.push_back(c.option);
        const Key got_key = key_of(evaluate(got.plan), options, got_set);
        std::optional<Key> best;
        for (unsigned mask = 0; mask < (1u << n); ++mask) {
            Plan p = plan;
            std::vector<std::size_t> set;
            for (int i = 0; i < n; ++i)
                if (mask & (1u << i)) {
                    set.push_back(static_cast<std::size_t>(i));
                    Activity a = options[static_cast<std::size_t>(i)].activity;
                    a.completed = options[static_cast<std::size_t>(i)].earliest;
                    p.activities.push_back(a);
                }
            const Key k = key_of(evaluate(p), options, set);
            if (!best || k < *best) best = k;
        }
        ++cases;
        CHECK(got.exact);
        const bool same = !(got_key < *best) && !(*best < got_key);
        if (!same) {
            ++differing;
            std::string described = d.dump() + " options:";
            for (const auto& o : options)
                described += " [" + o.activity.id + " " + (o.activity.type == ActivityType::exam ? to_string(o.activity.exam) : o.activity.course + " " + o.activity.version + " " + std::to_string(o.activity.credits.value_or(0)) + (o.activity.lite ? " lite" : "")) + " " + format_date(o.earliest) + " " + std::to_string(o.money) + "/" + std::to_string(o.hours) + "]";
            std::string sets = " optimizer set:";
            for (auto i : got_key.set) sets += " " + std::to_string(i);
            sets += " brute set:";
            for (auto i : best->set) sets += " " + std::to_string(i);
            UNSCOPED_INFO("round " << round << ": optimizer saved " << got_key.saved << " for " << got_key.money << "/"
                                   << got_key.hours << ", brute force saved " << best->saved << " for " << best->money
                                   << "/" << best->hours << sets << " " << described);
        }
        CHECK(same);
        // The optimizer's own figures are the evaluator's.
        CHECK(got.saved == got_key.saved);
        CHECK(got.money == got_key.money);
        CHECK(got.days_given_up == got_key.days);
    }
    CHECK(cases == 400);
    CHECK(differing == 0);
}
