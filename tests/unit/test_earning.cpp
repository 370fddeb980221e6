// What activities earn: E1–E9, C1, C3, C4, A4, R8, P5.
#include <catch2/catch.hpp>

#include "core/earning.hpp"
#include "support.hpp"

using namespace ceplan;
using namespace ceplan::test;

namespace {

std::vector<json> ccna() {
    return {cert("ccna", "associate", "2027-06-01")};
}

int earned(const json& result, const std::string& id) {
    return find_by_id(result["activities"], id)->at("credits");
}

const json test_live_policy = {{"cisco_live",
                                {{"breakout", {{"1000", 1}, {"2000", 2}, {"3000", 3}}},
                                 {"lab", {{"1000", 2}, {"2000", 3}, {"3000", 4}}},
                                 {"seminar_4h", {{"1000", 4}, {"2000", 5}, {"3000", 6}}},
                                 {"seminar_8h", {{"1000", 8}, {"2000", 9}, {"3000", 10}}}}}};

json live(const std::string& id, const std::string& event, const std::vector<json>& sessions) {
    json a = {{"id", id}, {"type", "cisco_live"}, {"event", event}, {"completed", "2026-06-04"}};
    a["sessions"] = json::array();
    for (const auto& s : sessions) a["sessions"].push_back(s);
    return a;
}

json session(const std::string& code, int minutes, int attended, bool badged = true) {
    return {{"code", code}, {"minutes", minutes}, {"attended_minutes", attended}, {"badged_in", badged}};
}

}  // namespace

TEST_CASE("E1: training outside 4-64 is flagged and still counted as entered", "[E1]") {
    json r = run(plan("2026-01-01", ccna(), {training("big", 70, "2026-02-01"), training("small", 3, "2026-03-01")}));
    CHECK(earned(r, "big") == 70);
    CHECK(earned(r, "small") == 3);
    CHECK(has_warning(r, "CREDITS_OUT_OF_RANGE", "big"));
    CHECK(has_warning(r, "CREDITS_OUT_OF_RANGE", "small"));
}

TEST_CASE("E2: lite courses and trainings outside the catalog earn 0", "[E2]") {
    json r =
        run(plan("2026-01-01", ccna(),
                 {training("lite", 8, "2026-02-01", {{"lite", true}}),
                  training("nocat", 16, "2026-02-02", {{"in_catalog", false}}), training("ok", 16, "2026-02-03")}));
    CHECK(earned(r, "lite") == 0);
    CHECK(earned(r, "nocat") == 0);
    CHECK(earned(r, "ok") == 16);
    CHECK(has_warning(r, "NOT_ELIGIBLE_LITE", "lite"));
    CHECK(has_warning(r, "NOT_ELIGIBLE_CATALOG", "nocat"));
    CHECK(find_by_id(r["activities"], "lite")->at("nominal_credits") == 8);
}

TEST_CASE("E3: only a new major version earns again, across the whole history", "[E3]") {
    json a = training("v10", 16, "2025-03-01", {{"course", "ENARSI"}, {"version", "1.0"}, {"status", "validated"}});
    json b = training("v12", 16, "2026-02-01", {{"course", "ENARSI"}, {"version", "1.2"}});
    json c = training("v20", 16, "2026-03-01", {{"course", "enarsi"}, {"version", "2.0"}});
    json r = run(plan("2026-01-01", ccna(), {c, b, a}));  // plan order must not matter (A1)
    CHECK(earned(r, "v10") == 16);
    CHECK(earned(r, "v12") == 0);
    CHECK(earned(r, "v20") == 16);
    CHECK(has_warning(r, "REPEAT_MINOR_VERSION", "v12"));
    CHECK(major_version("1.1") == 1);
    CHECK(major_version("v12.3") == 12);
    CHECK(major_version("") == -1);
}

TEST_CASE("E3: an earlier attempt that earned nothing is not a prior claim", "[E3]") {
    json a = training("first", 16, "2026-02-01", {{"course", "ENCOR"}, {"status", "rejected"}});
    json b = training("again", 16, "2026-03-01", {{"course", "ENCOR"}, {"version", "1.1"}});
    json r = run(plan("2026-01-01", ccna(), {a, b}));
    CHECK(earned(r, "first") == 0);
    CHECK(earned(r, "again") == 16);
    CHECK_FALSE(has_warning(r, "REPEAT_MINOR_VERSION"));
}

TEST_CASE("E4: customer and partner editions of one course earn once", "[E4]") {
    CHECK(course_identity("CUST-SDA-ISE") == course_identity("P-SDA-ISE"));
    CHECK(course_identity("a-sda-faststart") == "SDA-FASTSTART");
    json r = run(plan("2026-01-01", ccna(),
                      {training("p", 16, "2026-02-01", {{"course", "P-SDA-ISE"}}),
                       training("c", 16, "2026-03-01", {{"course", "CUST-SDA-ISE"}})}));
    CHECK(earned(r, "p") == 16);
    CHECK(earned(r, "c") == 0);
    CHECK(has_warning(r, "REPEAT_AUDIENCE_EDITION", "c"));
}

TEST_CASE("E5: after an Alpha delivery the released course earns 0, a new major earns", "[E5]") {
    json r = run(plan("2026-01-01", ccna(),
                      {training("alpha", 24, "2026-01-10", {{"course", "SAUI"}, {"alpha", true}}),
                       training("rel", 24, "2026-06-01", {{"course", "SAUI"}}),
                       training("v2", 24, "2026-07-01", {{"course", "SAUI"}, {"version", "2.0"}})}));
    CHECK(earned(r, "alpha") == 24);
    CHECK(earned(r, "rel") == 0);
    CHECK(earned(r, "v2") == 24);
    CHECK(has_warning(r, "REPEAT_AFTER_ALPHA", "rel"));
}

TEST_CASE("E6: session types, levels and seminar length choose the policy column", "[E6]") {
    const Policy p = default_policy();
    auto sc = [&](const char* code, int minutes = 60) {
        return classify_session({code, minutes, minutes, true, {}}, p);
    };
    CHECK(sc("BRKCRT-3008").column == "breakout");
    CHECK(sc("BRKCRT-3008").level == "3000");
    CHECK(sc("DEVWKS-1020").column == "breakout");
    CHECK(sc("LTRSEC-1257", 240).column == "lab");
    CHECK(sc("TECSEC-2181", 240).column == "seminar_4h");
    CHECK(sc("TECSEC-2181", 480).column == "seminar_8h");
    CHECK(sc("DEVNET-1001").column.empty());
    CHECK(sc("PSOSEC-2001").column.empty());
}

TEST_CASE("E6: Cisco Live credits sum per event, a second claim of one event earns 0", "[E6]") {
    // BRKENT-2031 breakout 2000 = 2, LTRSEC-3001 lab 3000 = 4, TECENT-1001 8 h seminar 1000 = 8: 14.
    json first =
        live("us", "Cisco Live US 2026",
             {session("BRKENT-2031", 60, 60), session("LTRSEC-3001", 120, 120), session("TECENT-1001", 480, 480)});
    json again = live("us2", "cisco live us 2026", {session("BRKENT-2032", 60, 60)});
    json r = run(plan("2026-01-01", ccna(), {first, again}, test_live_policy));
    CHECK(earned(r, "us") == 14);
    CHECK(earned(r, "us2") == 0);
    CHECK(has_warning(r, "REPEAT_EVENT_CLAIM", "us2"));
}

TEST_CASE("E6: a second claim counts when the first was rejected, a level without a value is unknown", "[E6][E8]") {
    json first = live("a", "Cisco Live EMEA 2026", {session("BRKENT-2031", 60, 60)});
    first["status"] = "rejected";
    json second = live("b", "Cisco Live EMEA 2026", {session("BRKENT-2031", 60, 60), session("BRKENT-4001", 60, 60)});
    json r = run(plan("2026-01-01", ccna(), {first, second}, test_live_policy));
    CHECK(earned(r, "a") == 0);
    CHECK(earned(r, "b") == 2);  // 4000 has no table value
    CHECK(has_warning(r, "CREDIT_VALUE_UNKNOWN", "b"));
    for (const auto& w : r["warnings"])  // the table has no 4000 row: no cell to point at
        if (w["code"] == "CREDIT_VALUE_UNKNOWN") CHECK_FALSE(w.contains("policy_pointer"));
}

TEST_CASE("E7: badge-in, 45 minutes and 75% attendance", "[E7]") {
    // Counted: 45 min (limit), 45 of 60 attended (75%): 2 + 2 = 4. Not: 44 min, 44 of 60, not badged.
    json r =
        run(plan("2026-01-01", ccna(),
                 {live("cl", "Cisco Live US 2026",
                       {session("BRKENT-2001", 45, 45), session("BRKENT-2002", 60, 45), session("BRKENT-2003", 44, 44),
                        session("BRKENT-2004", 60, 44), session("BRKENT-2005", 60, 60, false)})},
                 test_live_policy));
    CHECK(earned(r, "cl") == 4);
    CHECK(has_warning(r, "SESSION_TOO_SHORT", "cl"));
    CHECK(has_warning(r, "ATTENDANCE_BELOW_75", "cl"));
    CHECK(has_warning(r, "NOT_BADGED", "cl"));
}

TEST_CASE("E8: item authoring: table x items, the activity's own total, unknown values, SME program only", "[E8]") {
    auto item = [](const char* id, const char* type, int items) {
        return json{{"id", id},
                    {"type", "item_authoring"},
                    {"item_type", type},
                    {"accepted_items", items},
                    {"completed", "2026-02-01"}};
    };
    json own = item("own", "core", 3);
    own["credits"] = 10;
    json not_sme = item("notsme", "associate", 6);
    not_sme["sme_program"] = false;
    json r = run(plan("2026-01-01", ccna(), {item("table", "associate", 6), own, item("unknown", "core", 2), not_sme},
                      {{"item_authoring", {{"associate", 1}}}}));
    CHECK(earned(r, "table") == 6);
    CHECK(earned(r, "own") == 10);
    CHECK(earned(r, "unknown") == 0);
    CHECK(earned(r, "notsme") == 0);
    CHECK(has_warning(r, "CREDIT_VALUE_UNKNOWN", "unknown"));
    for (const auto& w : r["warnings"])
        if (w["code"] == "CREDIT_VALUE_UNKNOWN") CHECK(w["policy_pointer"] == "/item_authoring/core");
    CHECK(has_warning(r, "NOT_SME_PROGRAM", "notsme"));
}

TEST_CASE("E8: a session's own credits replace an unknown table value", "[E8]") {
    json s = session("BRKENT-2031", 60, 60);
    s["credits"] = 3;
    json r = run(plan("2026-01-01", ccna(), {live("cl", "Cisco Live US 2026", {s})}));
    CHECK(earned(r, "cl") == 3);
}

TEST_CASE("E9: no cap per category: 120 credits of item authoring recertify an expert", "[E9]") {
    json a = {{"id", "a"},
              {"type", "item_authoring"},
              {"item_type", "ccie_lab_performance"},
              {"credits", 60},
              {"completed", "2026-02-01"}};
    json b = a;
    b["id"] = "b";
    b["completed"] = "2026-03-01";
    json r = run(plan("2026-01-01", {cert("ccie", "expert", "2027-01-01")}, {a, b}));
    const json* c = find_by_id(r["certifications"], "ccie");
    REQUIRE(c->at("recertifications").size() == 1);
    CHECK(c->at("recertifications")[0]["on"] == "2026-03-01");
    CHECK(c->at("recertifications")[0]["path"]["credits"] == 120);
}

TEST_CASE("C1: unclaimed past 365 days earns 0, closing within 30 days is flagged, a late claim earns 0", "[C1]") {
    // today 2026-11-29. late: 2025-11-01 + 365 = 2026-11-01 < today. soon: 2025-12-20 + 365 = 2026-12-20 (21 days).
    // lateclaim: claimed 2026-09-01, after its last day 2026-07-31 (2025-07-31 + 365).
    json r =
        run(plan("2026-11-29", ccna(),
                 {training("late", 16, "2025-11-01"), training("soon", 16, "2025-12-20", {{"status", "completed"}}),
                  training("lateclaim", 16, "2025-07-31", {{"status", "claimed"}, {"claimed_on", "2026-09-01"}}),
                  training("claimed", 16, "2025-06-01", {{"status", "claimed"}})}));
    CHECK(earned(r, "late") == 0);
    CHECK(earned(r, "soon") == 16);
    CHECK(earned(r, "lateclaim") == 0);
    CHECK(earned(r, "claimed") == 16);
    CHECK(has_warning(r, "CLAIM_WINDOW_MISSED", "late"));
    CHECK(has_warning(r, "CLAIM_DUE_SOON", "soon"));
    CHECK(has_warning(r, "CLAIM_WINDOW_MISSED", "lateclaim"));
    CHECK_FALSE(has_warning(r, "CLAIM_DUE_SOON", "claimed"));
    // claim_by: the last day to claim, only for what earns and is not claimed yet.
    CHECK(find_by_id(r["activities"], "soon")->at("claim_by") == "2026-12-20");
    CHECK(find_by_id(r["activities"], "late")->at("claim_by").is_null());
    CHECK(find_by_id(r["activities"], "claimed")->at("claim_by").is_null());
}

TEST_CASE("C3: an activity before the earliest first_certified earns 0", "[C3]") {
    std::vector<json> certs = {cert("ccna", "associate", "2027-06-01", {{"first_certified", "2024-06-01"}})};
    json r = run(plan("2024-05-01", certs, {training("early", 16, "2024-05-31"), training("on", 16, "2024-06-01")}));
    CHECK(earned(r, "early") == 0);
    CHECK(earned(r, "on") == 16);
    CHECK(has_warning(r, "BEFORE_CERTIFIED", "early"));
}

TEST_CASE("C4: Cisco Live portal and validation delays are information only", "[C4]") {
    json r = run(plan("2026-01-01", ccna(), {live("cl", "Cisco Live US 2026", {session("BRKENT-2031", 60, 60)})},
                      test_live_policy));
    bool info = false;
    for (const auto& w : r["warnings"])
        info = info || (w["code"] == "PORTAL_DELAY" && w["severity"] == "info" && w["rule"] == "C4");
    CHECK(info);
}

TEST_CASE("A4: applied and rejected activities earn nothing now", "[A4]") {
    json r = run(plan("2026-01-01", ccna(),
                      {training("used", 30, "2025-03-01", {{"status", "applied"}}),
                       training("no", 30, "2025-04-01", {{"status", "rejected"}})}));
    CHECK(earned(r, "used") == 0);
    CHECK(earned(r, "no") == 0);
    CHECK(has_warning(r, "ALREADY_APPLIED", "used"));
    CHECK(has_warning(r, "REJECTED", "no"));
    CHECK(find_by_id(r["certifications"], "ccna")->at("status") == "will_expire");
}

TEST_CASE("R8: a pending claim counts and says validation can take up to 30 days", "[R8]") {
    json r = run(plan("2026-01-01", ccna(), {training("p", 30, "2026-02-01", {{"status", "pending"}})}));
    CHECK(earned(r, "p") == 30);
    CHECK(has_warning(r, "PENDING_VALIDATION", "p"));
    CHECK(find_by_id(r["certifications"], "ccna")->at("status") == "recertified");
}

TEST_CASE("P5: an activity still planned on or before today is flagged", "[P5]") {
    json r =
        run(plan("2026-03-01", ccna(),
                 {training("past", 16, "2026-02-01", {{"status", "planned"}}), training("future", 16, "2026-04-01")}));
    CHECK(has_warning(r, "PLANNED_IN_PAST", "past"));
    CHECK_FALSE(has_warning(r, "PLANNED_IN_PAST", "future"));
}

TEST_CASE("P3: every activity that earns less than it seems has a warning naming it", "[P3]") {
    json r = run(plan("2026-11-29", ccna(),
                      {training("lite", 8, "2026-02-01", {{"lite", true}}), training("late", 16, "2025-06-01"),
                       training("ok", 16, "2026-03-01")}));
    int less = 0;
    for (const auto& a : r["activities"]) {
        if (a["credits"] < a["nominal_credits"]) {
            INFO(a["id"]);
            bool named = false;
            for (const auto& w : r["warnings"]) named = named || w["activity"] == a["id"];
            CHECK(named);
            ++less;
        }
    }
    CHECK(less == 2);  // lite and late
}

TEST_CASE("E8: an unknown session value points at its table cell", "[E8]") {
    json r = run(plan("2026-01-01", ccna(), {live("cl", "Cisco Live US 2026", {session("TECENT-2500", 480, 480)})}));
    bool found = false;
    for (const auto& w : r["warnings"])
        if (w["code"] == "CREDIT_VALUE_UNKNOWN") found = w["policy_pointer"] == "/cisco_live/seminar_8h/2000";
    CHECK(found);
}
