#pragma once
// Test helpers: run a plan through the JSON adapter, and check a result
// against a scenario's `expect` block exactly as ../shared/scenarios/README.md says.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "core/json_adapter.hpp"

namespace ceplan::test {

using json = nlohmann::json;

/// Evaluates a plan document (given as JSON) and returns the parsed output.
inline json run(const json& plan) {
    return json::parse(evaluate_json(plan.dump(), Date{0}).json);
}

/// A plan with `today`, certifications and activities (policy optional).
/// The lists are std::vector<json>, turned into JSON arrays explicitly: a
/// one-element braced list `{cert(...)}` given to a `json` parameter is an array
/// under GCC but the element itself under clang (CWG 2137), so tests never rely on it.
inline json plan(const std::string& today, const std::vector<json>& certifications,
                 const std::vector<json>& activities, json policy = json::object()) {
    json p = json::object();
    p["format"] = "ceplan-plan";
    p["version"] = 1;
    p["today"] = today;
    p["certifications"] = json::array();
    for (const auto& c : certifications) p["certifications"].push_back(c);
    p["activities"] = json::array();
    for (const auto& a : activities) p["activities"].push_back(a);
    p["policy"] = std::move(policy);
    return p;
}

inline json training(const std::string& id, int credits, const std::string& completed, json extra = json::object()) {
    json a = {{"id", id},         {"type", "training"}, {"title", "Course " + id}, {"course", id},
              {"version", "1.0"}, {"credits", credits}, {"completed", completed}};
    a.update(extra);
    return a;
}

inline json exam(const std::string& id, const std::string& kind, const std::string& completed) {
    return {{"id", id}, {"type", "exam"}, {"exam", kind}, {"completed", completed}};
}

inline json cert(const std::string& id, const std::string& level, const std::string& expires,
                 json extra = json::object()) {
    json c = {{"id", id}, {"level", level}, {"expires", expires}};
    c.update(extra);
    return c;
}

inline const json* find_by_id(const json& list, const std::string& id) {
    for (const auto& item : list)
        if (item.value("id", "") == id) return &item;
    return nullptr;
}

/// credits_needed of a certification's first missing entry whose path has no exams (null if none).
inline json ce_credits_needed(const json& certification) {
    for (const auto& m : certification["missing"])
        if (m["path"]["exams"].empty()) return m["credits_needed"];
    return nullptr;
}

inline bool has_warning(const json& result, const std::string& code, const std::string& activity = "") {
    for (const auto& w : result["warnings"])
        if (w["code"] == code && (activity.empty() || (w["activity"].is_string() && w["activity"] == activity)))
            return true;
    return false;
}

/// Compares `result` with a scenario's `expect`; returns the differences (empty when it matches).
inline std::vector<std::string> check_expectations(const json& result, const json& expect) {
    std::vector<std::string> bad;
    if (expect.contains("error_pointers")) {
        if (result.value("format", "") != "ceplan-error") return {"expected an error document"};
        for (const auto& p : expect["error_pointers"]) {
            bool found = false;
            for (const auto& e : result["errors"]) found = found || e["pointer"] == p;
            if (!found) bad.push_back("missing error pointer " + p.get<std::string>());
        }
        return bad;
    }
    if (result.value("format", "") != "ceplan-result") return {"not a result: " + result.dump().substr(0, 200)};
    if (expect.contains("certifications")) {
        for (const auto& [id, e] : expect["certifications"].items()) {
            const json* c = find_by_id(result["certifications"], id);
            if (!c) {
                bad.push_back(id + ": missing");
                continue;
            }
            for (const char* key : {"status", "expires"})
                if ((*c)[key] != e[key])
                    bad.push_back(id + "." + key + ": got " + (*c)[key].dump() + " want " + e[key].dump());
            json got = json::array();
            for (const auto& r : (*c)["recertifications"]) {
                auto exams = r["path"]["exams"].get<std::vector<std::string>>();
                std::sort(exams.begin(), exams.end());
                got.push_back({{"on", r["on"]},
                               {"path", {{"credits", r["path"]["credits"]}, {"exams", exams}}},
                               {"new_expires", r["new_expires"]},
                               {"via", r["via"]},
                               {"days_given_up", r["days_given_up"]}});
            }
            if (got != e["recertifications"])
                bad.push_back(id + ".recertifications: got " + got.dump() + " want " + e["recertifications"].dump());
        }
    }
    if (expect.contains("rollover_credits") && result["rollover"]["credits"] != expect["rollover_credits"])
        bad.push_back("rollover: got " + result["rollover"]["credits"].dump());
    if (expect.contains("missing_credits")) {
        for (const auto& [id, n] : expect["missing_credits"].items()) {
            const json* c = find_by_id(result["certifications"], id);
            json got = nullptr;
            if (c)
                for (const auto& m : (*c)["missing"])
                    if (m["path"]["exams"].empty()) {
                        got = m["credits_needed"];
                        break;
                    }
            if (got != n) bad.push_back(id + " missing credits: got " + got.dump() + " want " + n.dump());
        }
    }
    if (expect.contains("activity_credits")) {
        for (const auto& [id, n] : expect["activity_credits"].items()) {
            const json* a = find_by_id(result["activities"], id);
            if (!a || (*a)["credits"] != n) bad.push_back("activity " + id + " credits");
        }
    }
    if (expect.contains("warnings_include")) {
        for (const auto& w : expect["warnings_include"]) {
            const std::string activity = w["activity"].is_null() ? "" : w["activity"].get<std::string>();
            if (!has_warning(result, w["code"], activity))
                bad.push_back("warning " + w["code"].get<std::string>() + " on " + w["activity"].dump() + " missing");
        }
    }
    return bad;
}

/// The *.json files of a folder, sorted by name.
inline std::vector<std::filesystem::path> json_files(const std::string& dir) {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir))
        if (entry.path().extension() == ".json") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

inline json read_json(const std::filesystem::path& file) {
    std::ifstream in(file);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return json::parse(buffer.str());
}

/// The contract's example plan with options (optimize.md "Input"), for the optimizer tests.
inline json contract_example() {
    return json::parse(R"({ "format": "ceplan-plan", "version": 1, "today": "2026-11-29",
      "certifications": [ { "id": "ccnp", "level": "professional", "expires": "2027-09-30" } ],
      "activities": [ { "id": "t1", "type": "training", "course": "ENARSI", "version": "1.1", "credits": 40,
                        "completed": "2025-06-01", "status": "claimed" } ],
      "options": [
        { "id": "o1", "activity": { "type": "training", "course": "SCOR", "version": "1.0", "credits": 64 },
          "cost": { "money": 3200, "hours": 40 }, "earliest": "2027-01-10", "latest": "2027-08-31" },
        { "id": "o2", "activity": { "type": "exam", "exam": "concentration", "code": "300-410" },
          "cost": { "money": 400, "hours": 60 } },
        { "id": "o3", "activity": { "type": "training", "course": "ENAUTO", "version": "1.1", "credits": 24 },
          "cost": { "money": 0, "hours": 24 }, "earliest": "2026-12-01" } ] })");
}

}  // namespace ceplan::test
