// The policy table: L1–L4 paths, E8 unknown values, plan overrides.
#include <catch2/catch.hpp>

#include "core/policy.hpp"
#include "support.hpp"

using namespace ceplan;
using namespace ceplan::test;

TEST_CASE("L1: levels order associate < specialist < professional < expert", "[L1]") {
    CHECK(Level::associate < Level::specialist);
    CHECK(Level::specialist < Level::professional);
    CHECK(Level::professional < Level::expert);
    CHECK(parse_level("expert") == Level::expert);
    CHECK_FALSE(parse_level("guru"));
}

TEST_CASE("L2: CE-only and CE-plus-exam paths per level, in the listed order", "[L2]") {
    const Policy p = default_policy();
    const auto& pro = p.paths[static_cast<int>(Level::professional)];
    CHECK(pro[0].credits == 80);
    CHECK(pro[0].exams.empty());
    CHECK(pro[1].credits == 40);
    REQUIRE(pro[1].exams.size() == 1);
    CHECK(pro[1].exams[0].name == "professional");
    const auto& expert = p.paths[static_cast<int>(Level::expert)];
    CHECK(expert[0].credits == 120);
    CHECK(expert[1].credits == 40);
    CHECK(expert[1].exams[0].name == "core");
    CHECK(expert[2].exams.size() == 2);
    CHECK(expert[3].credits == 80);
    CHECK(p.paths[static_cast<int>(Level::associate)][0].credits == 30);
    CHECK(p.paths[static_cast<int>(Level::specialist)][0].credits == 40);
}

TEST_CASE("L3: a professional-level exam is core or concentration, a technology core exam is core only", "[L3]") {
    const Policy p = default_policy();
    auto pro = resolve_exam_slot(p, "professional");
    REQUIRE(pro);
    CHECK(pro->kinds == std::vector<ExamKind>{ExamKind::core, ExamKind::concentration});
    CHECK(resolve_exam_slot(p, "core")->kinds == std::vector<ExamKind>{ExamKind::core});
    CHECK_FALSE(resolve_exam_slot(p, "hardest"));
}

TEST_CASE("L4: exam-only paths, reported ones are marked unverified", "[L4]") {
    const Policy p = default_policy();
    const auto& associate = p.paths[static_cast<int>(Level::associate)];
    REQUIRE(associate.size() == 6);  // CE 30, then associate, concentration, core, expert_written, expert_lab
    CHECK(associate[1].exams[0].name == "associate");
    CHECK(associate[1].verified);  // official
    const auto& expert = p.paths[static_cast<int>(Level::expert)];
    CHECK(expert.back().exams.size() == 3);  // three concentration exams
    CHECK_FALSE(expert.back().verified);     // reported
}

TEST_CASE("E8: Cisco Live and item-authoring values ship as null in the exported table", "[E8]") {
    const json policy = json::parse(policy_json());
    CHECK(policy["cisco_live"]["breakout"]["2000"].is_null());
    CHECK(policy["cisco_live"]["seminar_8h"]["3000"].is_null());
    CHECK(policy["item_authoring"]["ccie_lab_performance"].is_null());
    CHECK(policy["item_authoring"].size() == 6);
    CHECK(policy["increment"] == 5);
    CHECK(policy["claim_window_days"] == 365);
    CHECK(policy["levels"]["professional"][1]["exams"] == json::array({"professional"}));
}

TEST_CASE("policy: a plan's policy block overrides the table, bad values name their pointer", "[policy][E8]") {
    // 6 accepted associate items at 2 credits each = 12 credits.
    json p = plan("2026-01-01", {cert("ccna", "associate", "2027-01-01")},
                  {{{"id", "ia"},
                    {"type", "item_authoring"},
                    {"item_type", "associate"},
                    {"accepted_items", 6},
                    {"completed", "2026-02-01"}}},
                  {{"item_authoring", {{"associate", 2}}}});
    json r = run(p);
    CHECK(find_by_id(r["activities"], "ia")->at("credits") == 12);
    p["policy"] = {{"increment", "five"}, {"cisco_live", {{"lab", {{"2000", -1}}}}}};
    r = run(p);
    REQUIRE(r["format"] == "ceplan-error");
    std::vector<std::string> pointers;
    for (const auto& e : r["errors"]) pointers.push_back(e["pointer"]);
    CHECK(std::count(pointers.begin(), pointers.end(), "/policy/increment") == 1);
    CHECK(std::count(pointers.begin(), pointers.end(), "/policy/cisco_live/lab/2000") == 1);
}
