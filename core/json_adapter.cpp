#include "core/json_adapter.hpp"

#include <algorithm>
#include <ctime>
#include <functional>
#include <nlohmann/json.hpp>
#include <set>

#include "core/engine.hpp"

namespace ceplan {
namespace {

using json = nlohmann::ordered_json;  // one json type keeps the wasm small
using ordered = nlohmann::ordered_json;

std::string shown(const json& value) {
    std::string text = value.dump(-1, ' ', false, json::error_handler_t::replace);
    if (text.size() > 60) text = text.substr(0, 57) + "...";
    return text;
}

std::string escape_pointer_token(const std::string& key) {
    std::string out;
    for (char c : key) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

/// Reads fields, collecting every problem with its pointer.
class Reader {
public:
    std::vector<PlanError> errors;

    void fail(const std::string& pointer, std::string message) { errors.push_back({pointer, std::move(message)}); }

    static const json* find(const json& obj, const char* key) {
        auto it = obj.find(key);
        return it == obj.end() ? nullptr : &*it;
    }

    std::optional<std::string> text(const json& obj, const char* key, const std::string& at, bool required) {
        const json* v = find(obj, key);
        const std::string ptr = at + "/" + key;
        if (!v || v->is_null()) {
            if (required) fail(ptr, "required: expected text");
            return std::nullopt;
        }
        if (v->is_number()) return v->dump();  // e.g. a version written as 1.1
        if (!v->is_string()) {
            fail(ptr, "expected text, got " + shown(*v));
            return std::nullopt;
        }
        if (required && v->get<std::string>().empty()) {
            fail(ptr, "required: expected some text");
            return std::nullopt;
        }
        return v->get<std::string>();
    }

    std::optional<Date> date(const json& obj, const char* key, const std::string& at, bool required) {
        const json* v = find(obj, key);
        const std::string ptr = at + "/" + key;
        if (!v || v->is_null()) {
            if (required) fail(ptr, "required: expected a date YYYY-MM-DD");
            return std::nullopt;
        }
        if (v->is_string()) {
            if (auto d = parse_date(v->get<std::string>())) {
                // A planner's dates: years 1900-2199 keep every computed date (+3 years) a valid ISO date.
                if (*d >= *make_date(1900, 1, 1) && *d <= *make_date(2199, 12, 31)) return d;
                fail(ptr, "expected a date between 1900-01-01 and 2199-12-31, got " + shown(*v));
                return std::nullopt;
            }
        }
        fail(ptr, "expected a date YYYY-MM-DD, got " + shown(*v));
        return std::nullopt;
    }

    /// A whole number >= `minimum`; `nullable` lets null mean "not set".
    std::optional<int> whole(const json& obj, const char* key, const std::string& at, bool required, int minimum,
                             const char* what) {
        const json* v = find(obj, key);
        return whole_value(v, at + "/" + key, required, minimum, what);
    }

    std::optional<int> whole_value(const json* v, const std::string& ptr, bool required, int minimum,
                                   const char* what) {
        if (!v || v->is_null()) {
            if (required) fail(ptr, std::string("required: expected ") + what);
            return std::nullopt;
        }
        const std::string expected = std::string("expected ") + what + ", a whole number" +
                                     (minimum == 0 ? " of 0 or more" : " of " + std::to_string(minimum) + " or more");
        long long n = 0;
        if (v->is_number_integer()) {
            n = v->get<long long>();
        } else if (v->is_number_float() &&
                   v->get<double>() == static_cast<double>(static_cast<long long>(v->get<double>()))) {
            n = static_cast<long long>(v->get<double>());
        } else {
            fail(ptr, expected + ", got " + shown(*v));
            return std::nullopt;
        }
        if (n < minimum || n > 1000000) {
            fail(ptr, expected + (n > 1000000 ? " and at most 1000000" : "") + ", got " + shown(*v));
            return std::nullopt;
        }
        return static_cast<int>(n);
    }

    std::optional<bool> boolean(const json& obj, const char* key, const std::string& at) {
        const json* v = find(obj, key);
        if (!v || v->is_null()) return std::nullopt;
        if (!v->is_boolean()) {
            fail(at + "/" + key, "expected true or false, got " + shown(*v));
            return std::nullopt;
        }
        return v->get<bool>();
    }

    template <typename T>
    std::optional<T> choice(const json& obj, const char* key, const std::string& at, bool required,
                            const std::vector<std::pair<const char*, T>>& options) {
        const json* v = find(obj, key);
        const std::string ptr = at + "/" + key;
        std::string names;
        for (const auto& [name, value] : options) names += (names.empty() ? "" : ", ") + std::string(name);
        if (!v || v->is_null()) {
            if (required) fail(ptr, "required: expected one of " + names);
            return std::nullopt;
        }
        if (v->is_string())
            for (const auto& [name, value] : options)
                if (v->get<std::string>() == name) return value;
        fail(ptr, "expected one of " + names + ", got " + shown(*v));
        return std::nullopt;
    }
};

const std::vector<std::pair<const char*, Level>> level_names = {{"associate", Level::associate},
                                                                {"specialist", Level::specialist},
                                                                {"professional", Level::professional},
                                                                {"expert", Level::expert}};
const std::vector<std::pair<const char*, ExamKind>> exam_names = {{"associate", ExamKind::associate},
                                                                  {"core", ExamKind::core},
                                                                  {"concentration", ExamKind::concentration},
                                                                  {"expert_written", ExamKind::expert_written},
                                                                  {"expert_lab", ExamKind::expert_lab}};
const std::vector<std::pair<const char*, ActivityType>> type_names = {{"training", ActivityType::training},
                                                                      {"cisco_live", ActivityType::cisco_live},
                                                                      {"item_authoring", ActivityType::item_authoring},
                                                                      {"exam", ActivityType::exam}};
const std::vector<std::pair<const char*, Status>> status_names = {
    {"planned", Status::planned},  {"completed", Status::completed}, {"claimed", Status::claimed},
    {"pending", Status::pending},  {"validated", Status::validated}, {"applied", Status::applied},
    {"rejected", Status::rejected}};

/// The deepest nesting of objects and arrays in a JSON text (strings skipped).
/// Checked before parsing: a plan is a few levels deep, and a hostile depth
/// would exhaust the stack in the parser or in a dump.
int nesting_depth(std::string_view text) {
    int depth = 0, deepest = 0;
    bool in_string = false, escaped = false;
    for (char c : text) {
        if (in_string) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            deepest = std::max(deepest, ++depth);
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return deepest;
}

constexpr int max_depth = 64;

// ---------------------------------------------------------------- policy

json policy_to_json_value(const Policy& p) {
    json out = json::object();
    out["format"] = "ceplan-policy";
    out["version"] = 1;
    out["cycle_years"] = p.cycle_years;
    out["credit_validity_years"] = p.credit_validity_years;
    out["claim_window_days"] = p.claim_window_days;
    out["claim_due_soon_days"] = p.claim_due_soon_days;
    out["validation_days"] = p.validation_days;
    out["increment"] = p.increment;
    out["rollover_minimum"] = p.rollover_minimum;
    out["training_credits"] = {{"min", p.training_min_credits}, {"max", p.training_max_credits}};
    out["session_minimum_minutes"] = p.session_minimum_minutes;
    out["attendance_minimum_percent"] = p.attendance_minimum_percent;
    out["seminar_8h_minutes"] = p.seminar_8h_minutes;
    json groups = json::object();
    for (const auto& [name, kinds] : p.exam_groups) {
        json list = json::array();
        for (ExamKind k : kinds) list.push_back(to_string(k));
        groups[name] = list;
    }
    out["exam_groups"] = groups;
    json levels = json::object();
    for (Level level : all_levels) {
        json list = json::array();
        for (const Path& path : p.paths[static_cast<std::size_t>(level)]) {
            json exams = json::array();
            for (const auto& slot : path.exams) exams.push_back(slot.name);
            list.push_back(
                {{"credits", path.credits}, {"exams", exams}, {"source", path.source}, {"verified", path.verified}});
        }
        levels[to_string(level)] = list;
    }
    out["levels"] = levels;
    json live = json::object();
    for (const auto& [column, values] : p.cisco_live) {
        json row = json::object();
        for (const auto& [level, value] : values) row[level] = value ? json(*value) : json(nullptr);
        live[column] = row;
    }
    out["cisco_live"] = live;
    json items = json::object();
    for (const auto& [type, value] : p.item_authoring) items[type] = value ? json(*value) : json(nullptr);
    out["item_authoring"] = items;
    out["verified"] = {{"cisco_live", false}, {"item_authoring", false}};
    return out;
}

/// Merges `patch` into `base`: objects key by key, anything else replaces.
void merge(json& base, const json& patch) {
    if (!base.is_object() || !patch.is_object()) {
        base = patch;
        return;
    }
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        if (base.contains(it.key()))
            merge(base[it.key()], it.value());
        else
            base[it.key()] = it.value();
    }
}

void read_policy(const json& doc, Reader& r, Policy& p) {
    const std::string at = "/policy";
    auto number = [&](const char* key, int& target, int minimum) {
        if (auto v = r.whole(doc, key, at, true, minimum, "a number")) target = *v;
    };
    number("cycle_years", p.cycle_years, 1);
    number("credit_validity_years", p.credit_validity_years, 0);
    number("claim_window_days", p.claim_window_days, 0);
    number("claim_due_soon_days", p.claim_due_soon_days, 0);
    number("validation_days", p.validation_days, 0);
    number("increment", p.increment, 1);
    number("rollover_minimum", p.rollover_minimum, 0);
    number("session_minimum_minutes", p.session_minimum_minutes, 0);
    number("attendance_minimum_percent", p.attendance_minimum_percent, 0);
    number("seminar_8h_minutes", p.seminar_8h_minutes, 0);
    if (const json* t = Reader::find(doc, "training_credits"); t && t->is_object()) {
        if (auto v = r.whole(*t, "min", at + "/training_credits", true, 0, "a number")) p.training_min_credits = *v;
        if (auto v = r.whole(*t, "max", at + "/training_credits", true, 0, "a number")) p.training_max_credits = *v;
    } else {
        r.fail(at + "/training_credits", "expected an object {\"min\", \"max\"}");
    }
    p.exam_groups.clear();
    if (const json* g = Reader::find(doc, "exam_groups"); g && g->is_object()) {
        for (auto it = g->begin(); it != g->end(); ++it) {
            const std::string ptr = at + "/exam_groups/" + escape_pointer_token(it.key());
            if (!it->is_array()) {
                r.fail(ptr, "expected a list of exam kinds");
                continue;
            }
            std::vector<ExamKind> kinds;
            for (std::size_t i = 0; i < it->size(); ++i) {
                const json& k = (*it)[i];
                auto kind = k.is_string() ? parse_exam_kind(k.get<std::string>()) : std::nullopt;
                if (kind)
                    kinds.push_back(*kind);
                else
                    r.fail(ptr + "/" + std::to_string(i), "expected an exam kind, got " + shown(k));
            }
            p.exam_groups[it.key()] = kinds;
        }
    } else {
        r.fail(at + "/exam_groups", "expected an object of exam groups");
    }
    const json* levels = Reader::find(doc, "levels");
    if (!levels || !levels->is_object()) r.fail(at + "/levels", "expected an object of paths per level");
    for (Level level : all_levels) {
        auto& paths = p.paths[static_cast<std::size_t>(level)];
        paths.clear();
        if (!levels || !levels->is_object()) continue;
        const std::string ptr = at + "/levels/" + to_string(level);
        const json* list = Reader::find(*levels, to_string(level));
        if (!list || !list->is_array()) {
            r.fail(ptr, "expected a list of paths");
            continue;
        }
        for (std::size_t i = 0; i < list->size(); ++i) {
            const json& item = (*list)[i];
            const std::string ip = ptr + "/" + std::to_string(i);
            if (!item.is_object()) {
                r.fail(ip, "expected a path {\"credits\", \"exams\"}");
                continue;
            }
            Path path;
            path.credits = r.whole(item, "credits", ip, true, 0, "CE credits").value_or(0);
            path.source = r.text(item, "source", ip, false).value_or("");
            path.verified = r.boolean(item, "verified", ip).value_or(true);
            const json* exams = Reader::find(item, "exams");
            if (exams && !exams->is_array()) r.fail(ip + "/exams", "expected a list of exam kinds or groups");
            if (exams && exams->is_array()) {
                for (std::size_t e = 0; e < exams->size(); ++e) {
                    const json& name = (*exams)[e];
                    auto slot = name.is_string() ? resolve_exam_slot(p, name.get<std::string>()) : std::nullopt;
                    if (slot)
                        path.exams.push_back(*slot);
                    else
                        r.fail(ip + "/exams/" + std::to_string(e),
                               "expected an exam kind or group, got " + shown(name));
                }
            }
            if (path.credits == 0 && path.exams.empty()) r.fail(ip, "a path needs credits or exams");
            paths.push_back(path);
        }
    }
    auto nullable_table = [&](const json& table, const std::string& ptr,
                              std::map<std::string, std::optional<int>>& out) {
        out.clear();
        if (!table.is_object()) {
            r.fail(ptr, "expected an object of credit values (numbers or null)");
            return;
        }
        for (auto it = table.begin(); it != table.end(); ++it) {
            const std::string vp = ptr + "/" + escape_pointer_token(it.key());
            out[it.key()] = it->is_null() ? std::nullopt : r.whole_value(&*it, vp, false, 0, "CE credits");
        }
    };
    if (const json* live = Reader::find(doc, "cisco_live"); live && live->is_object()) {
        p.cisco_live.clear();
        for (auto it = live->begin(); it != live->end(); ++it)
            nullable_table(*it, at + "/cisco_live/" + escape_pointer_token(it.key()), p.cisco_live[it.key()]);
    } else {
        r.fail(at + "/cisco_live", "expected an object of session columns");
    }
    if (const json* items = Reader::find(doc, "item_authoring"))
        nullable_table(*items, at + "/item_authoring", p.item_authoring);
    else
        r.fail(at + "/item_authoring", "expected an object of item types");
}

// ---------------------------------------------------------------- plan

std::optional<Certification> read_certification(const json& v, const std::string& at, Reader& r) {
    if (!v.is_object()) {
        r.fail(at, "expected a certification object, got " + shown(v));
        return std::nullopt;
    }
    const std::size_t before = r.errors.size();
    Certification c;
    c.id = r.text(v, "id", at, true).value_or("");
    c.name = r.text(v, "name", at, false).value_or("");
    auto level = r.choice(v, "level", at, true, level_names);
    auto expires = r.date(v, "expires", at, true);
    c.cycle_start = r.date(v, "cycle_start", at, false);
    c.first_certified = r.date(v, "first_certified", at, false);
    c.retired = r.boolean(v, "retired", at).value_or(false);
    if (expires && c.cycle_start && *c.cycle_start > *expires)
        r.fail(at + "/cycle_start", "expected a date on or before expires (" + format_date(*expires) + ")");
    if (expires && c.first_certified && *c.first_certified > *expires)
        r.fail(at + "/first_certified", "expected a date on or before expires (" + format_date(*expires) + ")");
    if (r.errors.size() != before || !level || !expires) return std::nullopt;
    c.level = *level;
    c.expires = *expires;
    return c;
}

std::optional<Session> read_session(const json& v, const std::string& at, Reader& r) {
    if (!v.is_object()) {
        r.fail(at, "expected a session object, got " + shown(v));
        return std::nullopt;
    }
    const std::size_t before = r.errors.size();
    Session s;
    s.code = r.text(v, "code", at, true).value_or("");
    s.minutes = r.whole(v, "minutes", at, true, 1, "the session's length in minutes").value_or(0);
    s.attended_minutes = r.whole(v, "attended_minutes", at, false, 0, "minutes attended").value_or(s.minutes);
    if (s.attended_minutes > s.minutes && s.minutes > 0)
        r.fail(at + "/attended_minutes", "expected at most the session's " + std::to_string(s.minutes) + " minutes");
    s.badged_in = r.boolean(v, "badged_in", at).value_or(true);
    s.credits = r.whole(v, "credits", at, false, 0, "CE credits");
    if (r.errors.size() != before) return std::nullopt;
    return s;
}

std::optional<Activity> read_activity(const json& v, const std::string& at, Reader& r, Date today) {
    if (!v.is_object()) {
        r.fail(at, "expected an activity object, got " + shown(v));
        return std::nullopt;
    }
    const std::size_t before = r.errors.size();
    Activity a;
    a.id = r.text(v, "id", at, true).value_or("");
    auto type = r.choice(v, "type", at, true, type_names);
    auto completed = r.date(v, "completed", at, true);
    a.title = r.text(v, "title", at, false).value_or("");
    auto status = r.choice(v, "status", at, false, status_names);
    a.claimed_on = r.date(v, "claimed_on", at, false);
    a.enabled = r.boolean(v, "enabled", at).value_or(true);
    if (type == ActivityType::training) {
        a.course = r.text(v, "course", at, false).value_or("");
        a.version = r.text(v, "version", at, false).value_or("");
        a.credits = r.whole(v, "credits", at, true, 0, "CE credits");
        a.lite = r.boolean(v, "lite", at).value_or(false);
        a.alpha = r.boolean(v, "alpha", at).value_or(false);
        a.in_catalog = r.boolean(v, "in_catalog", at).value_or(true) && r.boolean(v, "authorized", at).value_or(true);
    } else if (type == ActivityType::cisco_live) {
        a.event = r.text(v, "event", at, false).value_or("");
        if (const json* sessions = Reader::find(v, "sessions"); sessions && !sessions->is_null()) {
            if (!sessions->is_array()) {
                r.fail(at + "/sessions", "expected a list of sessions, got " + shown(*sessions));
            } else {
                for (std::size_t i = 0; i < sessions->size(); ++i)
                    if (auto s = read_session((*sessions)[i], at + "/sessions/" + std::to_string(i), r))
                        a.sessions.push_back(*s);
            }
        }
    } else if (type == ActivityType::item_authoring) {
        std::vector<std::pair<const char*, std::string>> names;
        for (const char* t : item_types) names.push_back({t, t});
        a.item_type = r.choice(v, "item_type", at, true, names).value_or("");
        a.accepted_items = r.whole(v, "accepted_items", at, false, 0, "a number of accepted items").value_or(0);
        a.credits = r.whole(v, "credits", at, false, 0, "CE credits");
        a.sme_program = r.boolean(v, "sme_program", at).value_or(true);
    } else if (type == ActivityType::exam) {
        if (auto kind = r.choice(v, "exam", at, true, exam_names)) a.exam = *kind;
        a.code = r.text(v, "code", at, false).value_or("");
    }
    if (completed && a.claimed_on && *a.claimed_on < *completed)
        r.fail(at + "/claimed_on", "expected a date on or after completed (" + format_date(*completed) + ")");
    if (r.errors.size() != before || !type || !completed) return std::nullopt;
    a.type = *type;
    a.completed = *completed;
    a.status = status.value_or(a.completed > today ? Status::planned : Status::completed);
    return a;
}

/// Ids are unique within their list (checked even when the item has other problems).
void unique_id(const json& item, const std::string& at, std::set<std::string>& ids, Reader& r) {
    if (!item.is_object()) return;
    const json* id = Reader::find(item, "id");
    if (id && id->is_string() && !id->get<std::string>().empty() && !ids.insert(id->get<std::string>()).second)
        r.fail(at + "/id", "expected a unique id, \"" + id->get<std::string>() + "\" is used twice");
}

// ---------------------------------------------------------------- result

ordered nullable(const std::optional<std::string>& v) {
    return v ? ordered(*v) : ordered(nullptr);
}

/// P4: {"credits", "expires": [{"credits", "on": last valid day}]}.
ordered rollover_to_json(const Rollover& r) {
    ordered parts = ordered::array();
    for (const auto& p : r.parts) parts.push_back({{"credits", p.credits}, {"on", format_date(p.expires)}});
    return {{"credits", r.credits}, {"expires", parts}};
}

ordered timeline_to_json(const Timeline& t) {
    ordered cycles = ordered::array();
    for (const auto& c : t.cycles)
        cycles.push_back(
            {{"start", format_date(c.start)},
             {"end", format_date(c.end)},
             {"recertified_on", c.recertified_on ? ordered(format_date(*c.recertified_on)) : ordered(nullptr)}});
    ordered points = ordered::array();
    for (const auto& p : t.points)
        points.push_back({{"on", format_date(p.on)}, {"credits", p.credits}, {"anchor", p.anchor}});
    ordered thresholds = ordered::array();
    for (const auto& th : t.thresholds)
        thresholds.push_back({{"credits", th.credits}, {"exams", th.exams}, {"via", th.via}});
    ordered exams = ordered::array();
    for (const auto& e : t.exams)
        exams.push_back({{"on", format_date(e.on)}, {"kind", e.kind}, {"activity", e.activity}});
    ordered expiries = ordered::array();
    for (const auto& e : t.expiries) expiries.push_back({{"credits", e.credits}, {"on", format_date(e.expires)}});
    return {
        {"cycles", cycles}, {"points", points}, {"thresholds", thresholds}, {"exams", exams}, {"expiries", expiries}};
}

}  // namespace

Date system_today() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
#if defined(_WIN32)
    localtime_s(&local, &now);
#else
    localtime_r(&now, &local);
#endif
    return make_date(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday).value_or(Date{});
}

ParsedPlan parse_plan(std::string_view text, Date fallback_today) {
    ParsedPlan out;
    Reader r;
    json doc;
    if (nesting_depth(text) > max_depth) {
        out.errors.push_back({"", "not a plan: JSON nested more than " + std::to_string(max_depth) + " levels deep"});
        return out;
    }
    try {
        doc = json::parse(text.begin(), text.end());
    } catch (const json::parse_error& e) {
        std::string what = e.what();
        if (auto pos = what.find("parse error"); pos != std::string::npos) what = what.substr(pos);
        out.errors.push_back({"", "not valid JSON: " + what});
        return out;
    }
    if (!doc.is_object()) {
        out.errors.push_back({"", "expected a plan object {\"format\": \"ceplan-plan\", ...}, got " + shown(doc)});
        return out;
    }
    Plan plan;
    if (const json* f = Reader::find(doc, "format"); f && *f != json("ceplan-plan"))
        r.fail("/format", "expected \"ceplan-plan\", got " + shown(*f));
    if (const json* v = Reader::find(doc, "version"); v && *v != json(1))
        r.fail("/version", "expected 1, got " + shown(*v));
    plan.today = r.date(doc, "today", "", false).value_or(fallback_today);

    json policy = policy_to_json_value(default_policy());
    if (const json* p = Reader::find(doc, "policy"); p && !p->is_null()) {
        if (p->is_object())
            merge(policy, *p);
        else
            r.fail("/policy", "expected an object of policy overrides, got " + shown(*p));
    }
    plan.policy = default_policy();
    read_policy(policy, r, plan.policy);

    std::set<std::string> ids;
    const json* certs = Reader::find(doc, "certifications");
    if (!certs || !certs->is_array()) {
        r.fail("/certifications", certs ? "expected a list of certifications, got " + shown(*certs)
                                        : "required: expected a list of certifications");
    } else {
        for (std::size_t i = 0; i < certs->size(); ++i) {
            const std::string at = "/certifications/" + std::to_string(i);
            unique_id((*certs)[i], at, ids, r);
            if (auto c = read_certification((*certs)[i], at, r)) plan.certifications.push_back(*c);
        }
    }
    ids.clear();
    if (const json* acts = Reader::find(doc, "activities"); acts && !acts->is_null()) {
        if (!acts->is_array()) {
            r.fail("/activities", "expected a list of activities, got " + shown(*acts));
        } else {
            for (std::size_t i = 0; i < acts->size(); ++i) {
                const std::string at = "/activities/" + std::to_string(i);
                unique_id((*acts)[i], at, ids, r);
                if (auto a = read_activity((*acts)[i], at, r, plan.today)) plan.activities.push_back(*a);
            }
        }
    }
    out.errors = std::move(r.errors);
    if (out.errors.empty()) out.plan = std::move(plan);
    return out;
}

std::string errors_to_json(const std::vector<PlanError>& errors) {
    ordered doc;
    doc["format"] = "ceplan-error";
    doc["version"] = 1;
    ordered list = ordered::array();
    for (const auto& e : errors) list.push_back({{"pointer", e.pointer}, {"message", e.message}});
    doc["errors"] = list;
    return doc.dump(-1, ' ', false, ordered::error_handler_t::replace);
}

std::string result_to_json(const Result& result) {
    ordered doc;
    doc["format"] = "ceplan-result";
    doc["version"] = 1;
    doc["today"] = format_date(result.today);
    doc["horizon"] = format_date(result.horizon);
    ordered certs = ordered::array();
    for (const auto& c : result.certifications) {
        ordered recerts = ordered::array();
        for (const auto& r : c.recertifications) {
            recerts.push_back({{"on", format_date(r.on)},
                               {"path", {{"credits", r.path.credits}, {"exams", r.path.exams}}},
                               {"new_expires", format_date(r.new_expires)},
                               {"via", r.via},
                               {"days_given_up", r.days_given_up},
                               {"credits_applied", r.credits_applied},
                               {"latest_on_time", r.latest_on_time ? ordered(format_date(*r.latest_on_time)) : ordered(nullptr)},
                               {"days_given_up_at_latest", r.days_given_up_at_latest},
                               {"final_activity", r.final_activity ? ordered(*r.final_activity) : ordered(nullptr)},
                               {"rollover", r.rollover ? rollover_to_json(*r.rollover) : ordered(nullptr)}});
        }
        ordered missing = ordered::array();
        for (const auto& m : c.missing) {
            missing.push_back({{"path", {{"credits", m.path.credits}, {"exams", m.path.exams}}},
                               {"via", m.via},
                               {"credits_needed", m.credits_needed},
                               {"credits_held", m.credits_held},
                               {"exams_needed", m.exams_needed},
                               {"by", format_date(m.by)}});
        }
        ordered item;
        item["id"] = c.id;
        item["name"] = c.name;
        item["level"] = to_string(c.level);
        item["status"] = c.status;
        item["recertifications"] = recerts;
        item["expires"] = format_date(c.expires);
        item["original_expires"] = format_date(c.original_expires);
        item["is_anchor"] = c.is_anchor;
        item["missing"] = missing;
        item["timeline"] = timeline_to_json(c.timeline);
        certs.push_back(item);
    }
    doc["certifications"] = certs;
    ordered acts = ordered::array();
    for (const auto& a : result.activities)
        acts.push_back({{"id", a.id},
                        {"credits", a.credits},
                        {"nominal_credits", a.nominal_credits},
                        {"claim_by", a.claim_by ? ordered(format_date(*a.claim_by)) : ordered(nullptr)}});
    doc["activities"] = acts;
    doc["rollover"] = rollover_to_json(result.rollover);
    ordered warnings = ordered::array();
    for (const auto& w : result.warnings) {
        ordered item;
        item["code"] = w.code;
        item["severity"] = w.severity == Severity::info ? "info" : "warning";
        item["rule"] = w.rule;
        item["activity"] = nullable(w.activity);
        item["certification"] = nullable(w.certification);
        item["session"] = w.session ? ordered(*w.session) : ordered(nullptr);
        item["message"] = w.message;
        if (w.policy_pointer) item["policy_pointer"] = *w.policy_pointer;
        warnings.push_back(item);
    }
    doc["warnings"] = warnings;
    return doc.dump(-1, ' ', false, ordered::error_handler_t::replace);
}

Outcome evaluate_json(std::string_view plan_text, Date fallback_today) {
    Outcome out;
    try {
        ParsedPlan parsed = parse_plan(plan_text, fallback_today);
        if (!parsed.plan) {
            out.errors = std::move(parsed.errors);
            out.json = errors_to_json(out.errors);
            return out;
        }
        out.json = result_to_json(evaluate(*parsed.plan));
        out.ok = true;
    } catch (const std::exception& e) {
        out.ok = false;
        out.errors = {{"", std::string("internal error: ") + e.what()}};
        out.json = errors_to_json(out.errors);
    }
    return out;
}

Outcome evaluate_json(std::string_view plan_text) {
    return evaluate_json(plan_text, system_today());
}

std::string policy_json() {
    return ordered(policy_to_json_value(default_policy())).dump(-1, ' ', false, ordered::error_handler_t::replace);
}

}  // namespace ceplan
