#include "tools/summary.hpp"

#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

namespace ceplan::cli {
namespace {

using json = nlohmann::json;

std::string str(const json& v) {
    return v.is_string() ? v.get<std::string>() : std::string();
}

long long num(const json& v) {
    return v.is_number_integer() ? v.get<long long>() : 0;
}

std::string plural(long long n, const std::string& word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

std::string exam_words(const std::string& kind) {
    static const std::map<std::string, std::string> names = {
        {"associate", "an associate exam"},
        {"core", "a technology core exam"},
        {"concentration", "a concentration exam"},
        {"professional", "a professional exam (core or concentration)"},
        {"expert_written", "an expert written exam"},
        {"expert_lab", "an expert lab exam"}};
    auto it = names.find(kind);
    return it != names.end() ? it->second : "a " + kind + " exam";
}

/// "40 CE credits + a concentration exam", "a technology core exam" (L2, L4).
std::string path_words(const json& path) {
    std::string out;
    if (num(path["credits"]) > 0) out = std::to_string(num(path["credits"])) + " CE credits";
    for (const auto& e : path["exams"]) out += (out.empty() ? "" : " + ") + exam_words(str(e));
    return out.empty() ? "nothing" : out;
}

}  // namespace

std::string summary(const std::string& plan_text, const std::string& output) {
    std::ostringstream out;
    const json doc = json::parse(output, nullptr, false);
    if (doc.is_discarded()) return "ceplan: unreadable output\n";
    if (str(doc["format"]) == "ceplan-error") {
        out << "This plan cannot be evaluated: " << plural(static_cast<long long>(doc["errors"].size()), "problem")
            << ".\n";
        for (const auto& e : doc["errors"]) {
            const std::string ptr = str(e["pointer"]);
            out << "  " << (ptr.empty() ? "(the document)" : ptr) << ": " << str(e["message"]) << "\n";
        }
        return out.str();
    }
    // Titles of activities, from the plan (the result names activities by id); without a title,
    // an exam by its code and a Cisco Live event by its name, as the page says them.
    std::map<std::string, std::string> titles;
    // The activities that count toward a path (they earn CE credits, or are exams neither rejected
    // nor applied, switched on), by completion date, in plan order: those finishing a
    // recertification's day move with its final one (R2, R5), as the page says.
    std::map<std::string, long long> earned;
    for (const auto& a : doc["activities"]) earned[str(a["id"])] = num(a["credits"]);
    std::map<std::string, std::vector<std::string>> counting_on;
    std::map<std::string, std::string> completed_on;
    const json plan = json::parse(plan_text, nullptr, false);
    if (plan.is_object() && plan.contains("activities") && plan["activities"].is_array())
        for (const auto& a : plan["activities"]) {
            if (!a.is_object() || !a.contains("id") || !a["id"].is_string()) continue;
            auto text = [&](const char* key) { return a.contains(key) ? str(a[key]) : std::string(); };
            std::string title = text("title");
            if (title.empty() && text("type") == "exam" && !text("code").empty()) title = "Exam " + text("code");
            if (title.empty() && text("type") == "cisco_live") title = text("event");
            const std::string id = str(a["id"]);
            titles[id] = title;
            completed_on[id] = text("completed");
            const bool on = !(a.contains("enabled") && a["enabled"].is_boolean() && !a["enabled"].get<bool>());
            const bool exam = text("type") == "exam" && text("status") != "rejected" && text("status") != "applied";
            if (on && (exam || earned[id] > 0)) counting_on[text("completed")].push_back(id);
        }
    auto activity = [&](const std::string& id) {
        const std::string& title = titles[id];
        return title.empty() ? id : title + " (" + id + ")";
    };

    // R5 with R4: an activity that recertifies several certifications (a cascade) must finish by
    // the earliest of their latest on-time dates, or the one bounding it is not recertified with it.
    std::map<std::string, std::pair<std::string, std::string>> bound;  // final activity -> (date, certification)
    for (const auto& c : doc["certifications"])
        for (const auto& r : c["recertifications"])
            if (r["final_activity"].is_string() && r["latest_on_time"].is_string()) {
                auto [it, added] = bound.try_emplace(str(r["final_activity"]), str(r["latest_on_time"]), str(c["id"]));
                if (!added && str(r["latest_on_time"]) < it->second.first) it->second = {str(r["latest_on_time"]), str(c["id"])};
            }
    auto cert_name = [&](const std::string& id) {
        for (const auto& c : doc["certifications"])
            if (str(c["id"]) == id) return str(c["name"]).empty() ? id : str(c["name"]);
        return id;
    };

    out << "As of " << str(doc["today"]) << ":\n";
    for (const auto& c : doc["certifications"]) {
        const std::string name = str(c["name"]).empty() ? str(c["id"]) : str(c["name"]) + " (" + str(c["id"]) + ")";
        const std::string status = str(c["status"]);
        out << "\n" << name << ", " << str(c["level"]) << ":\n";
        if (status == "retired") {
            out << "  retired (L6): it cannot be recertified.\n";
        } else if (status == "expired") {
            out << "  expired: it was valid through " << str(c["original_expires"]) << ".\n";
        } else if (status == "recertified") {
            for (const auto& r : c["recertifications"]) {
                out << "  recertifies on " << str(r["on"]) << " by " << path_words(r["path"]);
                if (str(r["via"]) != str(c["id"])) out << " (met for " << str(r["via"]) << ", R4)";
                out << ", valid through " << str(r["new_expires"]) << ", "
                    << plural(num(r["days_given_up"]), "day") << " given up (R5).\n";
                // latest_on_time is null once the recertification is past (R5: a done activity cannot move).
                if (num(r["days_given_up"]) > 0 && r["final_activity"].is_string() && r["latest_on_time"].is_string()) {
                    const std::string final_id = str(r["final_activity"]);
                    const auto& [latest, by] = bound.at(final_id);
                    std::string who = activity(final_id);
                    std::size_t together = 1;
                    for (const auto& id : counting_on[completed_on[final_id]])
                        if (id != final_id) {
                            who += " and " + activity(id);
                            ++together;
                        }
                    if (together > 1) who += together == 2 ? " (both finished that day)" : " (all finished that day)";
                    out << "    " << who << " could finish as late as " << latest << " and still be on time";
                    if (latest < str(r["latest_on_time"]))
                        out << " (for " << cert_name(by) << ", which it recertifies too, R4; for this one alone "
                            << str(r["latest_on_time"]) << ")";
                    out << ".\n";
                }
                // A3: one rollover, the anchor's; a cascade (R4) carries the same one: said once.
                if (str(r["via"]) == str(c["id"]) && r["rollover"].is_object() && num(r["rollover"]["credits"]) > 0)
                    out << "    " << plural(num(r["rollover"]["credits"]), "CE credit") << " roll over (A3).\n";
            }
            out << "  Valid through " << str(c["expires"]) << " after this plan.\n";
        } else {
            out << "  will expire: valid through " << str(c["expires"]) << ", not recertified by this plan.\n";
            if (!c["missing"].empty()) out << "  To recertify by then, one of:\n";
            for (const auto& m : c["missing"]) {
                out << "    - " << path_words(m["path"]);
                // A path of a higher certification that would recertify this one with it (R4).
                if (m["via"].is_string() && str(m["via"]) != str(c["id"])) out << " (" << cert_name(str(m["via"])) << "'s path, R4)";
                out << " by " << str(m["by"]);
                // An exam-only path needs just its exams: its words say it all.
                if (num(m["path"]["credits"]) == 0) {
                    out << "\n";
                    continue;
                }
                std::string needs;
                if (num(m["credits_needed"]) > 0)
                    needs = std::to_string(num(m["credits_needed"])) + " more CE credits (" +
                            std::to_string(num(m["credits_held"])) + " held)";
                for (const auto& e : m["exams_needed"]) needs += (needs.empty() ? "" : " and ") + exam_words(str(e));
                out << ": " << (needs.empty() ? "nothing more" : needs) << "\n";
            }
        }
    }
    // P3: credits that do not count, with the planner's reasons.
    std::map<std::string, std::vector<std::string>> reasons;
    std::vector<std::string> notes;
    for (const auto& w : doc["warnings"]) {
        std::string rule = "(";
        rule += str(w["rule"]);
        rule += ")";
        std::string line = str(w["message"]);
        if (line.find(rule) == std::string::npos) line += " " + rule;
        if (w["activity"].is_string())
            reasons[str(w["activity"])].push_back(line);
        else
            notes.push_back(line);
    }
    bool header = false;
    for (const auto& a : doc["activities"]) {
        const long long earned = num(a["credits"]), nominal = num(a["nominal_credits"]);
        if (earned >= nominal) continue;
        if (!header) out << "\nCredits that do not count:\n";
        header = true;
        out << "  - " << activity(str(a["id"])) << ": earns " << earned << " of " << nominal << " CE credits";
        const auto& why = reasons[str(a["id"])];
        for (std::size_t i = 0; i < why.size(); ++i) out << (i == 0 ? ": " : "; ") << why[i];
        out << "\n";
        reasons.erase(str(a["id"]));
    }
    for (const auto& [id, lines] : reasons)
        for (const auto& line : lines) notes.push_back(activity(id) + ": " + line);
    if (!notes.empty()) {
        out << "\nNotes:\n";
        for (const auto& n : notes) out << "  - " << n << "\n";
    }
    return out.str();
}

}  // namespace ceplan::cli
