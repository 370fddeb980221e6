// Every identity the rules compare (issue 7 §1), each with case, spacing and
// missing-value variants: course codes and editions (E3, E4, E5), versions (E3),
// event names and session codes (E6), exam codes (L4).
#include <catch2/catch.hpp>

#include "core/earning.hpp"
#include "core/warnings.hpp"
#include "support.hpp"

using namespace ceplan;
using namespace ceplan::test;

namespace {

std::vector<json> ccna() {
    return {cert("ccna", "associate", "2027-06-01")};
}

json earned(const json& result, const std::string& id) {
    return find_by_id(result["activities"], id)->at("credits");
}

/// The message of the first warning `code` on activity `id` ("" if none).
std::string message(const json& result, const std::string& code, const std::string& id) {
    for (const auto& w : result["warnings"])
        if (w["code"] == code && w["activity"] == id) return w["message"];
    return "";
}

int count_warnings(const json& result, const std::string& code, const std::string& id) {
    int n = 0;
    for (const auto& w : result["warnings"]) n += w["code"] == code && w["activity"] == id;
    return n;
}

/// A training of `course` at `version` (null: no version field at all).
json course(const std::string& id, const std::string& code, json version, const std::string& completed,
            int credits = 16) {
    json a = training(id, credits, completed, {{"course", code}});
    if (version.is_null())
        a.erase("version");
    else
        a["version"] = version;
    return a;
}

const json live_policy = {{"cisco_live", {{"breakout", {{"1000", 1}, {"2000", 2}, {"3000", 3}}}}}};

json session(const std::string& code) {
    return {{"code", code}, {"minutes", 60}, {"attended_minutes", 60}, {"badged_in", true}};
}

json live(const std::string& id, const std::string& event, const std::vector<json>& sessions,
          const std::string& completed = "2026-06-04") {
    json a = {{"id", id}, {"type", "cisco_live"}, {"event", event}, {"completed", completed}};
    a["sessions"] = json::array();
    for (const auto& s : sessions) a["sessions"].push_back(s);
    return a;
}

}  // namespace

// ----- E3: versions ---------------------------------------------------------------------

TEST_CASE("E3: a version is its major number, whatever its spelling", "[E3]") {
    CHECK(major_version("1.0") == 1);
    CHECK(major_version("1") == 1);
    CHECK(major_version(" 1.0 ") == 1);
    CHECK(major_version("v1.0") == 1);
    CHECK(major_version("V1.5") == 1);
    CHECK(major_version("2.0") == 2);
    CHECK(major_version("10.1") == 10);
}

TEST_CASE("E3: an empty, blank or digitless version is a missing version", "[E3]") {
    CHECK(major_version("") == -1);
    CHECK(major_version("   ") == -1);
    CHECK(major_version("latest") == -1);
    CHECK(major_version("v") == -1);
}

TEST_CASE("E3: with a version, then without one, only the first earns and the warning asks for the version",
          "[E3]") {
    // Issue 7: CRSA 1.0 + CRSA with no version earned 16 + 16 = 32.
    json r = run(plan("2026-01-01", ccna(),
                      {course("v", "CRSA", "1.0", "2026-02-01"), course("none", "CRSA", nullptr, "2026-03-01")}));
    CHECK(earned(r, "v") == 16);
    CHECK(earned(r, "none") == 0);
    CHECK(has_warning(r, "REPEAT_MINOR_VERSION", "none"));
    CHECK_THAT(message(r, "REPEAT_MINOR_VERSION", "none"), Catch::Contains("version is missing"));
}

TEST_CASE("E3: without a version first, a later version 2.0 earns 0 too (it cannot prove a new major)", "[E3]") {
    json r = run(plan("2026-01-01", ccna(),
                      {course("none", "CRSA", nullptr, "2026-02-01"), course("v2", "CRSA", "2.0", "2026-03-01")}));
    CHECK(earned(r, "none") == 16);
    CHECK(earned(r, "v2") == 0);
    CHECK_THAT(message(r, "REPEAT_MINOR_VERSION", "v2"), Catch::Contains("version is missing"));
}

TEST_CASE("E3: twice without a version (absent, empty, blank), only the first earns", "[E3]") {
    json r = run(plan("2026-01-01", ccna(),
                      {course("absent", "CRSA", nullptr, "2026-02-01"), course("empty", "CRSA", "", "2026-03-01"),
                       course("blank", "CRSA", "  ", "2026-04-01")}));
    CHECK(earned(r, "absent") == 16);
    CHECK(earned(r, "empty") == 0);
    CHECK(earned(r, "blank") == 0);
    CHECK_THAT(message(r, "REPEAT_MINOR_VERSION", "blank"), Catch::Contains("version is missing"));
}

TEST_CASE("E3: 1.0, 1, v1.0 and ' 1.0 ' are one major version, 2.0 is a new one", "[E3]") {
    json r = run(plan("2026-01-01", ccna(),
                      {course("a", "CRSA", "1.0", "2026-02-01"), course("b", "CRSA", "1", "2026-02-02"),
                       course("c", "CRSA", "v1.0", "2026-02-03"), course("d", "CRSA", " 1.0 ", "2026-02-04"),
                       course("e", "CRSA", "V2.0", "2026-02-05")}));
    CHECK(earned(r, "a") == 16);
    for (const char* id : {"b", "c", "d"}) {
        CHECK(earned(r, id) == 0);
        CHECK(has_warning(r, "REPEAT_MINOR_VERSION", id));
        CHECK_THAT(message(r, "REPEAT_MINOR_VERSION", id), !Catch::Contains("version is missing"));
    }
    CHECK(earned(r, "e") == 16);
}

TEST_CASE("E3: an earlier attempt without a version that earned nothing is no prior claim", "[E3][E2]") {
    json lite = course("lite", "CRSA", nullptr, "2026-02-01");
    lite["lite"] = true;
    json r = run(plan("2026-01-01", ccna(), {lite, course("later", "CRSA", nullptr, "2026-03-01")}));
    CHECK(earned(r, "lite") == 0);
    CHECK(earned(r, "later") == 16);
}

// ----- E3, E4: course codes ---------------------------------------------------------------

TEST_CASE("E3: course codes are compared trimmed and case-insensitively", "[E3]") {
    json r = run(plan("2026-01-01", ccna(),
                      {course("a", "CRSA", "1.0", "2026-02-01"), course("b", " crsa ", "1.1", "2026-03-01"),
                       course("c", "\tCrSa\n", "1.2", "2026-04-01")}));
    CHECK(earned(r, "a") == 16);
    CHECK(earned(r, "b") == 0);
    CHECK(earned(r, "c") == 0);
    CHECK(has_warning(r, "REPEAT_MINOR_VERSION", "b"));
    CHECK(has_warning(r, "REPEAT_MINOR_VERSION", "c"));
}

TEST_CASE("E3: a training with a blank course is known by its title", "[E3]") {
    json a = course("a", "", "1.0", "2026-02-01");
    a["title"] = "Securing Routers";
    json b = course("b", "   ", "1.1", "2026-03-01");
    b["title"] = " securing routers ";
    json r = run(plan("2026-01-01", ccna(), {a, b}));
    CHECK(earned(r, "a") == 16);
    CHECK(earned(r, "b") == 0);
    CHECK(has_warning(r, "REPEAT_MINOR_VERSION", "b"));
}

TEST_CASE("E3: trainings with neither course nor title have nothing to compare and both earn", "[E3]") {
    json a = course("a", "", nullptr, "2026-02-01");
    a["title"] = "";
    json b = course("b", " ", nullptr, "2026-03-01");
    b["title"] = "  ";
    json r = run(plan("2026-01-01", ccna(), {a, b}));
    CHECK(earned(r, "a") == 16);
    CHECK(earned(r, "b") == 16);
}

TEST_CASE("E4: P-, A- and CUST- editions match whatever their case and spacing", "[E4]") {
    CHECK(course_identity(" cust-sda-ise ") == "SDA-ISE");
    CHECK(course_identity("p-SDA-ISE") == "SDA-ISE");
    CHECK(course_identity("A-sda-ise") == "SDA-ISE");
    CHECK(course_identity("SDA-ISE") == "SDA-ISE");
    CHECK(course_identity("  ") == "");
    json r = run(plan("2026-01-01", ccna(),
                      {course("cust", " cust-sda-ise ", "1.0", "2026-02-01"),
                       course("p", "p-SDA-ISE", "1.0", "2026-03-01"), course("bare", "sda-ise", "1.0", "2026-04-01")}));
    CHECK(earned(r, "cust") == 16);
    CHECK(earned(r, "p") == 0);
    CHECK(earned(r, "bare") == 0);
    CHECK(has_warning(r, "REPEAT_AUDIENCE_EDITION", "p"));
    CHECK(has_warning(r, "REPEAT_AUDIENCE_EDITION", "bare"));
}

TEST_CASE("E4 E3: another edition without a version earns 0 and asks for the version", "[E4][E3]") {
    json r = run(plan("2026-01-01", ccna(),
                      {course("p", "P-SDA-FASTSTART", "1.0", "2026-02-01"),
                       course("a", "a-sda-faststart", nullptr, "2026-03-01")}));
    CHECK(earned(r, "a") == 0);
    CHECK_THAT(message(r, "REPEAT_MINOR_VERSION", "a"), Catch::Contains("version is missing"));
}

TEST_CASE("E5: the released course after an Alpha matches whatever the code's case and the version's spelling",
          "[E5]") {
    json alpha = course("alpha", "SAUI", "1.0", "2026-01-10", 24);
    alpha["alpha"] = true;
    json r = run(plan("2026-01-01", ccna(), {alpha, course("rel", " saui", "v1", "2026-06-01", 24)}));
    CHECK(earned(r, "alpha") == 24);
    CHECK(earned(r, "rel") == 0);
    CHECK(has_warning(r, "REPEAT_AFTER_ALPHA", "rel"));
}

// ----- E6: event names and session codes -----------------------------------------------------

TEST_CASE("E6: a session code listed three times in one event counts once, DUPLICATE_SESSION on the others",
          "[E6]") {
    // Issue 7: listed three times, it earned three times. Level 2000 breakout = 2 credits.
    json r = run(plan("2026-01-01", ccna(),
                      {live("cl", "Cisco Live US 2026",
                            {session("BRKENT-2031"), session(" brkent-2031 "), session("BrkEnt-2031\t")})},
                      live_policy));
    CHECK(earned(r, "cl") == 2);
    CHECK(count_warnings(r, "DUPLICATE_SESSION", "cl") == 2);
    std::vector<int> sessions;
    for (const auto& w : r["warnings"])
        if (w["code"] == "DUPLICATE_SESSION") {
            CHECK(w["rule"] == "E6");
            CHECK(w["severity"] == "warning");
            sessions.push_back(w["session"]);
        }
    CHECK(sessions == std::vector<int>{1, 2});  // the first listing (0) counts
    CHECK_THAT(message(r, "DUPLICATE_SESSION", "cl"), Catch::Contains("session 1"));
}

TEST_CASE("E6: a duplicate does not hide a different session", "[E6]") {
    // BRKENT-2031 (2) + BRKCRT-3008 (3) = 5, the second BRKENT-2031 is the duplicate.
    json r = run(plan("2026-01-01", ccna(),
                      {live("cl", "Cisco Live US 2026",
                            {session("BRKENT-2031"), session("BRKCRT-3008"), session("brkent-2031")})},
                      live_policy));
    CHECK(earned(r, "cl") == 5);
    CHECK(count_warnings(r, "DUPLICATE_SESSION", "cl") == 1);
}

TEST_CASE("E6: sessions without a code (empty or blank) are never duplicates of each other", "[E6]") {
    // The adapter refuses an empty code, so the engine is driven directly: nothing to compare,
    // each is judged alone (no type: SESSION_TYPE_NOT_ELIGIBLE), none is DUPLICATE_SESSION.
    Plan p;
    p.today = *parse_date("2026-01-01");
    p.policy = default_policy();
    Activity a;
    a.id = "cl";
    a.type = ActivityType::cisco_live;
    a.event = "Cisco Live US 2026";
    a.completed = *parse_date("2026-06-04");
    a.sessions = {{"", 60, 60, true, std::nullopt}, {"  ", 60, 60, true, std::nullopt}, {"", 60, 60, true, 3}};
    p.activities.push_back(a);
    const auto earnings = evaluate_earnings(p);
    int duplicates = 0, not_eligible = 0;
    for (const auto& w : earnings[0].warnings) {
        duplicates += w.code == "DUPLICATE_SESSION";
        not_eligible += w.code == "SESSION_TYPE_NOT_ELIGIBLE";
    }
    CHECK(duplicates == 0);
    CHECK(not_eligible == 3);
    CHECK(earnings[0].credits == 0);
}

TEST_CASE("E6: DUPLICATE_SESSION lives in the warning catalog with rule E6", "[E6]") {
    const Warning w = make_warning("DUPLICATE_SESSION", std::string("cl"), std::nullopt, "m", 2);
    CHECK(w.rule == "E6");
    CHECK(w.severity == Severity::warning);
    CHECK(w.session == 2);
}

TEST_CASE("E6: session codes are classified trimmed and case-insensitively", "[E6]") {
    const Policy policy = default_policy();
    CHECK(classify_session({" brkcrt-3008 ", 60, 60, true, std::nullopt}, policy).column == "breakout");
    CHECK(classify_session({" brkcrt-3008 ", 60, 60, true, std::nullopt}, policy).level == "3000");
    CHECK(classify_session({"devwks-1001", 60, 60, true, std::nullopt}, policy).column == "breakout");
    CHECK(classify_session({"ltr-2000", 60, 60, true, std::nullopt}, policy).column == "lab");
    CHECK(classify_session({"", 60, 60, true, std::nullopt}, policy).column.empty());
}

TEST_CASE("E6: event names are compared trimmed and case-insensitively", "[E6]") {
    json r = run(plan("2026-01-01", ccna(),
                      {live("first", "Cisco Live US 2026", {session("BRKENT-2031")}, "2026-06-04"),
                       live("again", "  cisco live us 2026 ", {session("BRKCRT-3008")}, "2026-06-05")},
                      live_policy));
    CHECK(earned(r, "first") == 2);
    CHECK(earned(r, "again") == 0);
    CHECK(has_warning(r, "REPEAT_EVENT_CLAIM", "again"));
}

TEST_CASE("E6: Cisco Live activities without an event name are never a repeat of each other", "[E6]") {
    // Nothing to compare: an empty or blank name names no event (the same choice as a missing course, E3).
    json r = run(plan("2026-01-01", ccna(),
                      {live("a", "", {session("BRKENT-2031")}, "2026-06-04"),
                       live("b", "  ", {session("BRKCRT-3008")}, "2026-06-05")},
                      live_policy));
    CHECK(earned(r, "a") == 2);
    CHECK(earned(r, "b") == 3);
    CHECK_FALSE(has_warning(r, "REPEAT_EVENT_CLAIM"));
}

// ----- L4: exam codes ---------------------------------------------------------------------------

namespace {
json coded_exam(const std::string& id, const std::string& kind, const std::string& code, const std::string& completed) {
    json e = exam(id, kind, completed);
    e["code"] = code;
    return e;
}
json ccnp_recerts(const json& r) {
    return find_by_id(r["certifications"], "ccnp")->at("recertifications");
}
}  // namespace

TEST_CASE("L4: the same exam code passed twice in a cycle is one exam, whatever its case and spacing", "[L4][R7]") {
    // Professional, exam-only: any two professional-level exams. 300-410 twice is one exam.
    json r = run(plan("2026-01-01", {cert("ccnp", "professional", "2027-03-15")},
                      {coded_exam("x1", "concentration", "300-410", "2026-05-01"),
                       coded_exam("x2", "concentration", " 300-410 ", "2026-09-01")}));
    CHECK(ccnp_recerts(r).empty());
    // A different code is a second exam: recertified on the second exam's date.
    json other = run(plan("2026-01-01", {cert("ccnp", "professional", "2027-03-15")},
                          {coded_exam("x1", "concentration", "300-410", "2026-05-01"),
                           coded_exam("x2", "concentration", "300-415", "2026-09-01")}));
    REQUIRE(ccnp_recerts(other).size() == 1);
    CHECK(ccnp_recerts(other)[0]["on"] == "2026-09-01");
}

TEST_CASE("L4: exams without a code (absent or blank) are each their own exam", "[L4]") {
    json r = run(plan("2026-01-01", {cert("ccnp", "professional", "2027-03-15")},
                      {exam("x1", "concentration", "2026-05-01"), coded_exam("x2", "concentration", "  ", "2026-09-01")}));
    REQUIRE(ccnp_recerts(r).size() == 1);
    CHECK(ccnp_recerts(r)[0]["on"] == "2026-09-01");
}

TEST_CASE("L4 R7: an exam code passed again in the next cycle counts there", "[L4][R7]") {
    // Associate: any one exam. 200-301 on 2026-03-01 recertifies (new cycle from 2026-03-01); passed again
    // 2027-03-01, it counts for that cycle: a second recertification.
    json r = run(plan("2026-01-01", {cert("ccna", "associate", "2026-12-31")},
                      {coded_exam("x1", "associate", "200-301", "2026-03-01"),
                       coded_exam("x2", "associate", "200-301", "2027-03-01")}));
    const json& recerts = find_by_id(r["certifications"], "ccna")->at("recertifications");
    REQUIRE(recerts.size() == 2);
    CHECK(recerts[1]["on"] == "2027-03-01");
}
