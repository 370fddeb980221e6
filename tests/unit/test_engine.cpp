// Recertification: L4–L6, R1–R9, A1, A3, C2, D1, D3, P1, P2, P4.
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace ceplan::test;

namespace {

const json& certification(const json& result, const std::string& id) {
    return *find_by_id(result["certifications"], id);
}

json recert(const json& result, const std::string& id, std::size_t n = 0) {
    return certification(result, id)["recertifications"].at(n);
}

}  // namespace

TEST_CASE("D1: an activity completed on the expiration date counts", "[D1]") {
    json r = run(plan("2026-01-01", {cert("ccna", "associate", "2026-06-30")}, {training("a", 30, "2026-06-30")}));
    CHECK(recert(r, "ccna")["on"] == "2026-06-30");
    CHECK(recert(r, "ccna")["days_given_up"] == 0);
    CHECK(certification(r, "ccna")["expires"] == "2029-06-30");
}

TEST_CASE("D3: the completion date decides, not the claim date", "[D3]") {
    json r = run(plan("2026-01-01", {cert("ccna", "associate", "2026-12-31")},
                      {training("a", 30, "2026-03-01", {{"status", "claimed"}, {"claimed_on", "2026-04-15"}})}));
    CHECK(recert(r, "ccna")["on"] == "2026-03-01");
}

TEST_CASE("L4: two concentration exams recertify a professional with no credits", "[L4]") {
    json r = run(plan("2026-01-01", {cert("ccnp", "professional", "2027-03-15")},
                      {exam("x1", "concentration", "2026-04-01"), exam("x2", "concentration", "2026-09-01")}));
    CHECK(recert(r, "ccnp")["on"] == "2026-09-01");
    CHECK(recert(r, "ccnp")["path"] == json{{"credits", 0}, {"exams", {"concentration", "concentration"}}});
    CHECK(has_warning(r, "PATH_UNVERIFIED"));  // reported path: check Cisco's page
}

TEST_CASE("L4: an expert needs three concentration exams, or core plus concentration", "[L4]") {
    json two = run(plan("2026-01-01", {cert("ccie", "expert", "2027-06-30")},
                        {exam("x1", "concentration", "2026-02-01"), exam("x2", "concentration", "2026-03-01")}));
    CHECK(certification(two, "ccie")["recertifications"].empty());
    json mixed = run(plan("2026-01-01", {cert("ccie", "expert", "2027-06-30")},
                          {exam("x1", "concentration", "2026-02-01"), exam("x2", "core", "2026-03-01")}));
    CHECK(recert(mixed, "ccie")["path"]["exams"] == json({"concentration", "core"}));
}

TEST_CASE("L5: the exam that earns a higher certification recertifies a lower one", "[L5]") {
    json r = run(
        plan("2026-01-01", {cert("ccnp", "professional", "2027-03-15")}, {exam("lab", "expert_lab", "2026-05-05")}));
    CHECK(recert(r, "ccnp")["on"] == "2026-05-05");
    CHECK(recert(r, "ccnp")["path"]["exams"] == json({"expert_lab"}));
}

TEST_CASE("L6: a retired certification is not recertified and credits go to the next one", "[L6][R1]") {
    json r =
        run(plan("2026-01-01",
                 {cert("old", "expert", "2026-12-31", {{"retired", true}}), cert("ccnp", "professional", "2027-12-31")},
                 {training("a", 64, "2026-02-01"), training("b", 16, "2026-03-01")}));
    CHECK(certification(r, "old")["status"] == "retired");
    CHECK(certification(r, "old")["recertifications"].empty());
    CHECK(has_warning(r, "RETIRED_NO_RECERT"));
    CHECK(recert(r, "ccnp")["on"] == "2026-03-01");
    CHECK(recert(r, "ccnp")["path"]["credits"] == 80);
}

TEST_CASE("R1: between two certifications of one level the one expiring first is the anchor", "[R1]") {
    json r =
        run(plan("2026-01-01", {cert("ent", "professional", "2027-06-01"), cert("sec", "professional", "2027-03-01")},
                 {training("a", 40, "2026-02-01")}));
    CHECK(certification(r, "sec")["is_anchor"] == true);
    CHECK(certification(r, "ent")["is_anchor"] == false);
}

TEST_CASE("R2: recertification is automatic on the first date a path is met, once per date", "[R2]") {
    // Two trainings on one date: added together, one recertification that day.
    json r =
        run(plan("2026-01-01", {cert("ccna", "associate", "2027-01-01")},
                 {training("a", 16, "2026-03-01"), training("b", 16, "2026-03-01"), training("c", 8, "2026-04-01")}));
    REQUIRE(certification(r, "ccna")["recertifications"].size() == 1);
    CHECK(recert(r, "ccna")["on"] == "2026-03-01");
}

TEST_CASE("R3: work after expiration does not revive the certification", "[R3]") {
    json r = run(plan("2025-01-10", {cert("ccna", "associate", "2025-05-31")}, {training("late", 30, "2025-06-01")}));
    CHECK(certification(r, "ccna")["status"] == "will_expire");
    CHECK(has_warning(r, "AFTER_EXPIRATION", "late"));
    json expired = run(plan("2025-07-01", {cert("ccna", "associate", "2025-05-31")}, {}));
    CHECK(certification(expired, "ccna")["status"] == "expired");
}

TEST_CASE("R4: a higher path met on the same date as a lower one wins and cascades", "[R4]") {
    // ccie: 64 + 56 = 120 on 2026-05-01; ccna: associate exam the same day. Expert wins, via ccie.
    json r = run(
        plan("2026-01-01", {cert("ccna", "associate", "2026-12-01"), cert("ccie", "expert", "2027-06-01")},
             {training("a", 64, "2026-02-01"), training("b", 56, "2026-05-01"), exam("x", "associate", "2026-05-01")}));
    CHECK(recert(r, "ccie")["via"] == "ccie");
    CHECK(recert(r, "ccna")["via"] == "ccie");
    CHECK(recert(r, "ccna")["path"]["credits"] == 120);
    CHECK(certification(r, "ccna")["recertifications"].size() == 1);
}

TEST_CASE("R5: every certification recertified on D expires D + 3 years, days given up are its own", "[R5]") {
    json r =
        run(plan("2025-06-01", {cert("ccna", "associate", "2026-03-01"), cert("ccnp", "professional", "2027-08-01")},
                 {training("a", 64, "2025-09-10"), training("b", 16, "2026-01-15")}));
    CHECK(certification(r, "ccna")["expires"] == "2029-01-15");
    CHECK(recert(r, "ccna")["days_given_up"] == 45);   // 2026-01-15 -> 2026-03-01: 16 + 29
    CHECK(recert(r, "ccnp")["days_given_up"] == 563);  // -> 2027-08-01
}

TEST_CASE("R6: of paths met on one date, the one consuming the fewest credits is used", "[R6][A3]") {
    // On 2026-05-01: 80 credits held and a concentration exam. 80 CE consumes 80; 40 + exam consumes 40 (the
    // first training's eight 5s). The second training's 40 roll over, expiring 2029-05-01.
    json r = run(plan("2026-01-01", {cert("ccnp", "professional", "2027-03-15")},
                      {training("t1", 40, "2026-02-01"), training("t2", 40, "2026-05-01"),
                       exam("x", "concentration", "2026-05-01")}));
    CHECK(recert(r, "ccnp")["path"] == json{{"credits", 40}, {"exams", {"concentration"}}});
    CHECK(recert(r, "ccnp")["days_given_up"] == 318);
    CHECK(r["rollover"]["credits"] == 40);
    CHECK(r["rollover"]["expires"] == json::array({{{"credits", 40}, {"on", "2029-05-01"}}}));
}

TEST_CASE("R7: an exam before the cycle start does not count", "[R7]") {
    // Cycle start defaults to 2026-06-01 - 3 years = 2023-06-01; the exam is a month before.
    json r = run(plan("2023-01-01", {cert("ccna", "associate", "2026-06-01")}, {exam("x", "core", "2023-05-01")}));
    CHECK(certification(r, "ccna")["recertifications"].empty());
    json in = run(plan("2023-01-01", {cert("ccna", "associate", "2026-06-01", {{"cycle_start", "2023-04-01"}})},
                       {exam("x", "core", "2023-05-01")}));
    CHECK(certification(in, "ccna")["recertifications"].size() == 1);
}

TEST_CASE("R7: an exam used on D does not count for the next cycle", "[R7]") {
    json r = run(plan(
        "2025-01-01", {cert("ccnp", "professional", "2026-06-01")},
        {training("a", 40, "2025-03-01"), exam("x", "concentration", "2025-03-01"), training("b", 40, "2026-01-01")}));
    REQUIRE(certification(r, "ccnp")["recertifications"].size() == 1);
    CHECK(recert(r, "ccnp")["on"] == "2025-03-01");
}

TEST_CASE("R7: an exam that recertified a lower certification alone still counts for a higher one", "[R7][R4]") {
    // 2026-02-01: the concentration exam recertifies ccna alone (ccnp has no credits yet).
    // 2026-06-01: 40 credits + that exam recertify ccnp, which cascades to ccna again.
    json r =
        run(plan("2026-01-01", {cert("ccna", "associate", "2026-12-01"), cert("ccnp", "professional", "2027-03-01")},
                 {exam("x", "concentration", "2026-02-01"), training("a", 40, "2026-06-01")}));
    const json& ccna = certification(r, "ccna");
    REQUIRE(ccna["recertifications"].size() == 2);
    CHECK(recert(r, "ccna", 0)["via"] == "ccna");
    CHECK(recert(r, "ccna", 0)["days_given_up"] == 303);
    CHECK(recert(r, "ccna", 1)["via"] == "ccnp");
    CHECK(recert(r, "ccna", 1)["days_given_up"] == 976);  // 2026-06-01 -> 2029-02-01
    CHECK(recert(r, "ccnp")["path"] == json{{"credits", 40}, {"exams", {"concentration"}}});
    CHECK(recert(r, "ccnp")["days_given_up"] == 273);
}

TEST_CASE("R9: when the anchor lapses the next one is checked the day after with the credits held", "[R9]") {
    // ccnp lapses after 2026-03-01 with 35 credits held; ccna (30) recertifies on 2026-03-02.
    // 35 = seven 5s: six apply (30), one 5 rolls over.
    json r =
        run(plan("2025-11-01", {cert("ccnp", "professional", "2026-03-01"), cert("ccna", "associate", "2027-01-01")},
                 {training("a", 35, "2025-12-01")}));
    CHECK(recert(r, "ccna")["on"] == "2026-03-02");
    CHECK(recert(r, "ccna")["via"] == "ccna");
    CHECK(recert(r, "ccna")["days_given_up"] == 305);
    CHECK(r["rollover"]["credits"] == 5);
    CHECK(certification(r, "ccnp")["status"] == "will_expire");
    CHECK(ce_credits_needed(certification(r, "ccnp")) == 45);
}

TEST_CASE("A1: credits apply in completion-date order, not plan order", "[A1][A2][A3]") {
    // early 24 (5,5,5,5,4) then late 16 (5,5,5,1): 24 + 5 + 5 = 34 >= 30; late's 5 and 1 roll over (6).
    json r = run(plan("2026-01-01", {cert("ccna", "associate", "2027-01-01")},
                      {training("late", 16, "2026-04-01"), training("early", 24, "2026-02-01")}));
    CHECK(r["rollover"]["credits"] == 6);
    CHECK(r["rollover"]["expires"] == json::array({{{"credits", 6}, {"on", "2029-04-01"}}}));
}

TEST_CASE("A3: an exam-only recertification of the anchor rolls over all unapplied credits", "[A3]") {
    json r = run(plan("2026-01-01", {cert("ccna", "associate", "2027-01-01")},
                      {training("a", 12, "2026-02-01"), exam("x", "core", "2026-04-01")}));
    CHECK(recert(r, "ccna")["path"] == json{{"credits", 0}, {"exams", {"core"}}});
    CHECK(recert(r, "ccna")["days_given_up"] == 275);
    CHECK(r["rollover"]["credits"] == 12);
}

TEST_CASE("A3: a lower certification's own exam-only path leaves the credits untouched", "[A3][P2]") {
    json r =
        run(plan("2026-01-01", {cert("ccna", "associate", "2026-12-01"), cert("ccnp", "professional", "2027-03-01")},
                 {training("a", 12, "2026-02-01"), exam("x", "associate", "2026-04-01")}));
    CHECK(recert(r, "ccna")["via"] == "ccna");
    CHECK(certification(r, "ccnp")["recertifications"].empty());
    CHECK(r["rollover"]["credits"] == 0);
    CHECK(ce_credits_needed(certification(r, "ccnp")) == 68);  // 80 - 12 still held
}

TEST_CASE("A3: four or fewer credits left are forfeited and said so", "[A3]") {
    json r = run(plan("2026-01-01", {cert("ccna", "associate", "2027-01-01")}, {training("a", 32, "2026-02-01")}));
    CHECK(r["rollover"]["credits"] == 0);
    CHECK(has_warning(r, "ROLLOVER_FORFEITED", "a"));
}

TEST_CASE("C2: credits can be applied through completion + 3 years, not a day later", "[C2]") {
    json last_day =
        run(plan("2026-01-01", {cert("ccna", "associate", "2026-12-31")},
                 {training("old", 24, "2023-05-01", {{"status", "validated"}}), training("new", 8, "2026-05-01")}));
    CHECK(recert(last_day, "ccna")["on"] == "2026-05-01");
    json too_late =
        run(plan("2026-01-01", {cert("ccna", "associate", "2026-12-31")},
                 {training("old", 24, "2023-05-01", {{"status", "validated"}}), training("new", 8, "2026-05-02")}));
    CHECK(certification(too_late, "ccna")["recertifications"].empty());
    CHECK(has_warning(too_late, "CREDITS_EXPIRED", "old"));
    CHECK(ce_credits_needed(certification(too_late, "ccna")) == 22);  // 30 - 8
}

TEST_CASE("P1: a verdict per certification: date, path, new expiration, days given up", "[P1]") {
    json r =
        run(plan("2026-01-10", {cert("ccnp", "professional", "2027-03-15")},
                 {training("a", 40, "2026-02-01"), training("b", 24, "2026-05-10"), training("c", 24, "2026-08-20")}));
    const json& c = certification(r, "ccnp");
    CHECK(c["status"] == "recertified");
    CHECK(recert(r, "ccnp")["on"] == "2026-08-20");
    CHECK(recert(r, "ccnp")["new_expires"] == "2029-08-20");
    CHECK(recert(r, "ccnp")["days_given_up"] == 207);   // 2026-08-20 -> 2027-03-15: 11+30+31+30+31+31+28+15
    CHECK(recert(r, "ccnp")["credits_applied"] == 84);  // 40 + 24 + 5,5,5,5 overshoots 80 by 4
}

TEST_CASE("P2: below the anchor, what is missing lists its exam-only paths and the anchor's paths", "[P2]") {
    json r =
        run(plan("2025-06-01", {cert("ccna", "associate", "2026-03-01"), cert("ccnp", "professional", "2027-08-01")},
                 {training("a", 50, "2025-10-01")}));
    const json& missing = certification(r, "ccna")["missing"];
    bool anchor_ce = false, own_exam = false;
    for (const auto& m : missing) {
        if (m["via"] == "ccnp" && m["path"]["credits"] == 80) {
            anchor_ce = true;
            CHECK(m["credits_needed"] == 30);
            CHECK(m["by"] == "2026-03-01");  // the associate's own expiration
        }
        if (m["via"] == "ccna") {
            own_exam = true;
            CHECK(m["path"]["credits"] == 0);
        }
    }
    CHECK(anchor_ce);
    CHECK(own_exam);
    // Cheapest first: an exam-only path (0 credits) before 30 more credits.
    CHECK(missing[0]["credits_needed"] == 0);
}

TEST_CASE("P2: exams still needed name the exam kind or group", "[P2]") {
    json r = run(plan("2026-01-01", {cert("ccnp", "professional", "2027-03-15")}, {training("a", 48, "2026-02-01")}));
    bool found = false;
    for (const auto& m : certification(r, "ccnp")["missing"]) {
        if (m["path"]["credits"] == 40) {
            found = true;
            CHECK(m["credits_needed"] == 0);
            CHECK(m["exams_needed"] == json({"professional"}));
        }
    }
    CHECK(found);
}

TEST_CASE("P4: the rollover says when each part expires", "[P4][A3]") {
    // 24 on 2026-02-01 and 16 on 2026-04-01 against 30; 6 left from the second, expiring 2029-04-01.
    json r = run(plan("2026-01-01", {cert("ccna", "associate", "2027-01-01")},
                      {training("a", 24, "2026-02-01"), training("b", 16, "2026-04-01")}));
    CHECK(r["rollover"] == json{{"credits", 6}, {"expires", {{{"credits", 6}, {"on", "2029-04-01"}}}}});
}

TEST_CASE("what-if: a switched-off activity is ignored", "[P1]") {
    json r = run(plan("2026-01-01", {cert("ccna", "associate", "2027-01-01")},
                      {training("a", 30, "2026-02-01", {{"enabled", false}})}));
    CHECK(certification(r, "ccna")["recertifications"].empty());
    CHECK(find_by_id(r["activities"], "a")->at("credits") == 0);
    CHECK(find_by_id(r["activities"], "a")->at("nominal_credits") == 30);
}

TEST_CASE("R5: the latest date the final activity could move to is the replaced expiration date", "[R5][P1]") {
    json r =
        run(plan("2026-01-10", {cert("ccnp", "professional", "2027-03-15")},
                 {training("a", 40, "2026-02-01"), training("b", 24, "2026-05-10"), training("c", 24, "2026-08-20")}));
    CHECK(recert(r, "ccnp")["latest_on_time"] == "2027-03-15");
}

TEST_CASE("R5: ... unless a credit used expires earlier (C2)", "[R5][C2]") {
    // The 24 credits of 2023-10-01 can be applied through 2026-10-01, before the 2026-12-31 expiration.
    json r =
        run(plan("2026-01-01", {cert("ccna", "associate", "2026-12-31")},
                 {training("old", 24, "2023-10-01", {{"status", "validated"}}), training("new", 8, "2026-05-01")}));
    CHECK(recert(r, "ccna")["on"] == "2026-05-01");
    CHECK(recert(r, "ccna")["latest_on_time"] == "2026-10-01");
}

TEST_CASE("R5 with C2: ... bounded only by a credit the path cannot do without", "[R5][C2]") {
    // New-user trial: CCNP valid through 2027-06-10; 5 old credits (2024-02-01, valid to 2027-02-01),
    // 40 (2026-01-01, to 2029-01-01) and the final 40 on 2027-01-10 (85 >= 80, L2). Without the old 5
    // the path still has 80: they do not bound the date, which is the expiration 2027-06-10.
    json spare = run(plan("2026-11-29", {cert("ccnp", "professional", "2027-06-10")},
                          {training("old", 5, "2024-02-01", {{"status", "validated"}}),
                           training("a", 40, "2026-01-01", {{"status", "claimed"}}), training("f", 40, "2027-01-10")}));
    CHECK(recert(spare, "ccnp")["on"] == "2027-01-10");
    CHECK(recert(spare, "ccnp")["latest_on_time"] == "2027-06-10");
    CHECK(recert(spare, "ccnp")["days_given_up_at_latest"] == 0);
    // With 35 instead of 40, the old 5 are needed (35 + 40 = 75 < 80): their last day, 2027-02-01, bounds
    // it, and 2027-02-01 -> 2027-06-10 = 28 + 31 + 30 + 31 + 9 = 129 days are still given up.
    json needed = run(plan("2026-11-29", {cert("ccnp", "professional", "2027-06-10")},
                           {training("old", 5, "2024-02-01", {{"status", "validated"}}),
                            training("a", 35, "2026-01-01", {{"status", "claimed"}}), training("f", 40, "2027-01-10")}));
    CHECK(recert(needed, "ccnp")["latest_on_time"] == "2027-02-01");
    CHECK(recert(needed, "ccnp")["days_given_up_at_latest"] == 129);
}

TEST_CASE("R5 with A2: ... and never onto the next activity that earns, which it would take into this cycle",
          "[R5][A2][R7]") {
    // New-user trial: CCNP valid through 2027-06-10. 60 credits (claimed) + 20 on 2027-01-10 reach 80
    // (L2) that day. Moved to 2027-06-10, the 20 would pass the 4 credits of 2027-03-01, which would then
    // be used up as overshoot (A2) and the 2029 recertification (4 + 76 = 80) lost. So the latest date is
    // the day before that activity: 2027-02-28.
    json r = run(plan("2026-11-29", {cert("ccnp", "professional", "2027-06-10")},
                      {training("a1", 60, "2026-01-01", {{"status", "claimed"}}), training("a2", 20, "2027-01-10"),
                       training("a3", 4, "2027-03-01"), training("a4", 40, "2029-12-01"),
                       training("a5", 36, "2029-12-01")}));
    const json& first = certification(r, "ccnp")["recertifications"][0];
    CHECK(first["on"] == "2027-01-10");
    CHECK(first["final_activity"] == "a2");
    CHECK(first["latest_on_time"] == "2027-02-28");
    // 2027-02-28 -> 2027-06-10: 31 + 31 + 30 + 10 = 102 days still given up.
    CHECK(first["days_given_up_at_latest"] == 102);
    CHECK(certification(r, "ccnp")["recertifications"].size() == 2);
}

TEST_CASE("R9: the timeline shows cycles, credits held toward each anchor, and the thresholds", "[R9][P4]") {
    json r =
        run(plan("2025-11-01", {cert("ccnp", "professional", "2026-03-01"), cert("ccna", "associate", "2027-01-01")},
                 {training("a", 35, "2025-12-01")}));
    const json& t = certification(r, "ccna")["timeline"];
    CHECK(t["cycles"] ==
          json::array({{{"start", "2024-01-01"}, {"end", "2027-01-01"}, {"recertified_on", "2026-03-02"}},
                       {{"start", "2026-03-02"}, {"end", "2029-03-02"}, {"recertified_on", nullptr}}}));
    CHECK(t["points"] == json::array({{{"on", "2025-12-01"}, {"credits", 35}, {"anchor", "ccnp"}},
                                      {{"on", "2026-03-02"}, {"credits", 35}, {"anchor", "ccna"}},
                                      {{"on", "2026-03-02"}, {"credits", 5}, {"anchor", "ccna"}}}));
    std::vector<std::pair<int, std::string>> thresholds;
    for (const auto& th : t["thresholds"]) thresholds.push_back({th["credits"], th["via"]});
    CHECK(thresholds == std::vector<std::pair<int, std::string>>{{30, "ccna"}, {80, "ccnp"}, {40, "ccnp"}});
}

TEST_CASE("L4: the timeline marks the exams of the cycle", "[L4]") {
    json r = run(plan("2026-01-01", {cert("ccnp", "professional", "2027-03-15")},
                      {exam("x1", "concentration", "2026-04-01"), exam("x2", "concentration", "2026-09-01")}));
    const json& exams = certification(r, "ccnp")["timeline"]["exams"];
    REQUIRE(exams.size() == 2);
    CHECK(exams[0] == json{{"on", "2026-04-01"}, {"kind", "concentration"}, {"activity", "x1"}});
}

TEST_CASE("P1: a recertification names its final activity, an R9 one has none", "[P1][R9]") {
    json r =
        run(plan("2026-01-10", {cert("ccnp", "professional", "2027-03-15")},
                 {training("a", 40, "2026-02-01"), training("b", 24, "2026-05-10"), training("c", 24, "2026-08-20")}));
    CHECK(recert(r, "ccnp")["final_activity"] == "c");
    json lapse =
        run(plan("2025-11-01", {cert("ccnp", "professional", "2026-03-01"), cert("ccna", "associate", "2027-01-01")},
                 {training("a", 35, "2025-12-01")}));
    CHECK(recert(lapse, "ccna")["final_activity"].is_null());
}

TEST_CASE("P4: each recertification of the anchor says what rolled over", "[P4][A3]") {
    json kept = run(plan("2026-01-01", {cert("ccna", "associate", "2027-01-01")},
                         {training("a", 24, "2026-02-01"), training("b", 16, "2026-04-01")}));
    CHECK(recert(kept, "ccna")["rollover"] ==
          json{{"credits", 6}, {"expires", {{{"credits", 6}, {"on", "2029-04-01"}}}}});
    json forfeited =
        run(plan("2026-01-01", {cert("ccna", "associate", "2027-01-01")}, {training("a", 32, "2026-02-01")}));
    CHECK(recert(forfeited, "ccna")["rollover"] == json{{"credits", 0}, {"expires", json::array()}});
}

TEST_CASE("P2: a missing path says how many credits are already held", "[P2]") {
    json r =
        run(plan("2026-01-01", {cert("ccna", "associate", "2026-12-01"), cert("ccnp", "professional", "2027-03-01")},
                 {training("a", 12, "2026-02-01"), exam("x", "associate", "2026-04-01")}));
    for (const auto& m : certification(r, "ccnp")["missing"]) CHECK(m["credits_held"] == 12);
}

TEST_CASE("C2: the timeline shows credits that expired unused, on their last valid day", "[C2]") {
    json r =
        run(plan("2026-01-01", {cert("ccna", "associate", "2026-12-31")},
                 {training("old", 24, "2023-05-01", {{"status", "validated"}}), training("new", 8, "2026-05-02")}));
    CHECK(certification(r, "ccna")["timeline"]["expiries"] == json::array({{{"credits", 24}, {"on", "2026-05-01"}}}));
}

TEST_CASE("R1: below the anchor, the timeline's thresholds are the anchor's only", "[R1]") {
    json r =
        run(plan("2026-01-01", {cert("ccna", "associate", "2026-12-01"), cert("ccnp", "professional", "2027-03-01")},
                 {training("a", 12, "2026-02-01")}));
    std::vector<std::pair<int, std::string>> thresholds;
    for (const auto& th : certification(r, "ccna")["timeline"]["thresholds"])
        thresholds.push_back({th["credits"], th["via"]});
    CHECK(thresholds == std::vector<std::pair<int, std::string>>{{80, "ccnp"}, {40, "ccnp"}});
}

TEST_CASE("R5: a cascaded certification's latest on-time date is bounded by the higher one's expiration", "[R5][R4]") {
    // Marc: CCIE valid through 2027-09-30, CCNP through 2028-02-15, CCNA through 2027-06-30.
    // 40 + 40 + 40 = 120 on 2027-03-19 recertifies the CCIE and cascades (R4). Moving the last
    // course past 2027-09-30 loses the CCIE, so no certification can finish later than that;
    // the CCNA cannot finish later than its own 2027-06-30.
    json r =
        run(plan("2026-11-29",
                 {cert("ccie", "expert", "2027-09-30"), cert("ccnp", "professional", "2028-02-15"),
                  cert("ccna", "associate", "2027-06-30")},
                 {training("enarsi", 40, "2025-04-14", {{"status", "claimed"}}),
                  training("ensld", 40, "2026-02-09", {{"status", "claimed"}}), training("ensdwi", 40, "2027-03-19")}));
    CHECK(recert(r, "ccie")["latest_on_time"] == "2027-09-30");
    CHECK(recert(r, "ccie")["days_given_up_at_latest"] == 0);
    CHECK(recert(r, "ccnp")["latest_on_time"] == "2027-09-30");
    CHECK(recert(r, "ccnp")["days_given_up_at_latest"] == 138);  // 2027-09-30 -> 2028-02-15: 31+30+31+31+15
    CHECK(recert(r, "ccna")["latest_on_time"] == "2027-06-30");
    CHECK(recert(r, "ccna")["days_given_up_at_latest"] == 0);
}

TEST_CASE("R5: no timing advice for a recertification on or before today (its final activity is past)",
          "[R5][P1]") {
    // Today 2026-06-01. The associate path (30) is met on 2026-03-01 by a claimed course: that date is
    // past, so there is no latest_on_time to move to, and what is given up stays given up:
    // 2026-03-01 -> 2026-12-31 = 305 days.
    json past = run(plan("2026-06-01", {cert("ccna", "associate", "2026-12-31")},
                         {training("done", 30, "2026-03-01", {{"status", "claimed"}})}));
    CHECK(recert(past, "ccna")["on"] == "2026-03-01");
    CHECK(recert(past, "ccna")["latest_on_time"].is_null());
    CHECK(recert(past, "ccna")["final_activity"] == "done");
    CHECK(recert(past, "ccna")["days_given_up"] == 305);
    CHECK(recert(past, "ccna")["days_given_up_at_latest"] == 305);
    // Completed today: still no advice (today is not in the future).
    json today = run(plan("2026-03-01", {cert("ccna", "associate", "2026-12-31")},
                          {training("done", 30, "2026-03-01", {{"status", "claimed"}})}));
    CHECK(recert(today, "ccna")["latest_on_time"].is_null());
    // The same plan a day earlier: the activity is ahead, the advice is the expiration date.
    json ahead = run(plan("2026-02-28", {cert("ccna", "associate", "2026-12-31")},
                          {training("done", 30, "2026-03-01", {{"status", "claimed"}})}));
    CHECK(recert(ahead, "ccna")["latest_on_time"] == "2026-12-31");
    CHECK(recert(ahead, "ccna")["days_given_up_at_latest"] == 0);
}
