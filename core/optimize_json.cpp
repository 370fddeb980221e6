#include "core/optimize_json.hpp"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <set>

#include "core/date.hpp"
#include "core/optimize.hpp"

namespace ceplan {
namespace {

using json = nlohmann::ordered_json;

std::string shown(const json& value) {
    std::string text = value.dump(-1, ' ', false, json::error_handler_t::replace);
    // A number as written: 1e19, not 1e+19 (as json_fields.cpp's shown()).
    if (value.is_number_float())
        if (const auto plus = text.find("e+"); plus != std::string::npos) text.erase(plus + 1, 1);
    if (text.size() > 60) text = text.substr(0, 57) + "...";
    return text;
}

std::string dump(const json& value) {
    return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

const json* find(const json& obj, const char* key) {
    auto it = obj.find(key);
    return it == obj.end() ? nullptr : &*it;
}

/// Reads the `options` list (optimize.md "Input"), collecting every problem.
struct OptionsReader {
    std::vector<PlanError> errors;

    void fail(std::string pointer, std::string message) { errors.push_back({std::move(pointer), std::move(message)}); }

    /// A whole number 0..1000000, absent or null = 0 (cost.money, cost.hours).
    std::int64_t amount(const json& obj, const char* key, const std::string& at) {
        const json* v = find(obj, key);
        if (!v || v->is_null()) return 0;
        const std::string ptr = at + "/" + key;
        const std::string expected = "expected a whole number of 0 or more";
        long long n = 0;
        if (v->is_number_integer()) {
            n = v->get<long long>();
            if (v->is_number_unsigned() && n < 0) n = 1000001;  // beyond long long: too large
        } else if (const double d = v->is_number_float() ? v->get<double>() : 0.5; std::floor(d) == d) {
            // A whole number written as a float (1e19): compared before any cast, out of range says so.
            n = d < 0 ? -1 : d > 1e9 ? 1000001 : static_cast<long long>(d);
        } else {
            fail(ptr, expected + ", got " + shown(*v));
            return 0;
        }
        if (n < 0 || n > 1000000) {
            fail(ptr, expected + (n > 1000000 ? " and at most 1000000" : "") + ", got " + shown(*v));
            return 0;
        }
        return n;
    }

    std::optional<Date> date(const json& obj, const char* key, const std::string& at) {
        const json* v = find(obj, key);
        if (!v || v->is_null()) return std::nullopt;
        if (v->is_string())
            if (auto d = parse_date(v->get<std::string>()))
                if (*d >= *make_date(1900, 1, 1) && *d <= *make_date(2199, 12, 31)) return d;
        const bool impossible = v->is_string() && date_shaped(v->get<std::string>()) && !parse_date(v->get<std::string>());
        fail(at + "/" + key, impossible ? "not a real date, got " + shown(*v)
                                        : "expected a date YYYY-MM-DD between 1900-01-01 and 2199-12-31, got " + shown(*v));
        return std::nullopt;
    }
};

/// One option as read: its id, cost and window (nullopt: default), and the
/// activity object, as given, to check through the plan reader.
struct RawOption {
    std::string id;
    std::int64_t money = 0;
    std::int64_t hours = 0;
    std::optional<Date> earliest;
    std::optional<Date> latest;
    json activity;
};

/// The chosen option as a plan activity: its id, the option's activity fields
/// (status left out), the chosen date and status planned.
json activity_for(const RawOption& option, Date completed) {
    json a = json::object();
    a["id"] = option.id;
    for (auto it = option.activity.begin(); it != option.activity.end(); ++it)
        if (it.key() != "id" && it.key() != "completed" && it.key() != "status") a[it.key()] = it.value();
    a["completed"] = format_date(completed);
    a["status"] = "planned";
    return a;
}

Outcome error_outcome(std::vector<PlanError> errors) {
    Outcome out;
    out.errors = std::move(errors);
    out.json = errors_to_json(out.errors);
    return out;
}

Outcome run(std::string_view text, Date fallback_today) {
    // The plan itself, read by the plan reader (it ignores `options`).
    ParsedPlan base = parse_plan(text, fallback_today);
    for (const auto& e : base.errors)
        if (e.pointer.empty()) return error_outcome(std::move(base.errors));  // not JSON, not an object, too deep
    json doc = json::parse(text.begin(), text.end(), nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) return error_outcome(std::move(base.errors));
    std::vector<PlanError> errors = base.errors;
    OptionsReader r;

    std::set<std::string> activity_ids;
    const json* acts = find(doc, "activities");
    const bool acts_ok = !acts || acts->is_null() || acts->is_array();
    if (acts && acts->is_array())
        for (const auto& a : *acts)
            if (a.is_object())
                if (const json* id = find(a, "id"); id && id->is_string()) activity_ids.insert(id->get<std::string>());

    std::vector<RawOption> raw;
    std::vector<bool> read_ok;
    const json* opts = find(doc, "options");
    if (opts && !opts->is_null() && !opts->is_array()) {
        r.fail("/options", "expected a list of options, got " + shown(*opts));
    } else if (opts && opts->is_array()) {
        if (opts->size() > static_cast<std::size_t>(max_options))
            r.fail("/options", "expected at most " + std::to_string(max_options) + " options, got " +
                                   std::to_string(opts->size()));
        std::set<std::string> option_ids;
        for (std::size_t k = 0; k < opts->size() && k < static_cast<std::size_t>(max_options); ++k) {
            const json& o = (*opts)[k];
            const std::string at = "/options/" + std::to_string(k);
            const std::size_t before = r.errors.size();
            RawOption opt;
            if (!o.is_object()) {
                r.fail(at, "expected an option {\"id\", \"activity\", \"cost\"}, got " + shown(o));
                raw.push_back(opt);
                read_ok.push_back(false);
                continue;
            }
            const json* id = find(o, "id");
            if (!id || id->is_null()) {
                r.fail(at + "/id", "required: expected text");
            } else if (!id->is_string() || id->get<std::string>().empty()) {
                r.fail(at + "/id", "expected some text, got " + shown(*id));
            } else {
                opt.id = id->get<std::string>();
                if (activity_ids.count(opt.id))
                    r.fail(at + "/id", "expected an id no activity uses, \"" + opt.id + "\" is an activity's id");
                else if (!option_ids.insert(opt.id).second)
                    r.fail(at + "/id", "expected a unique id, \"" + opt.id + "\" is used twice");
            }
            if (const json* cost = find(o, "cost"); cost && !cost->is_null()) {
                if (!cost->is_object()) {
                    r.fail(at + "/cost", "expected {\"money\", \"hours\"}, got " + shown(*cost));
                } else {
                    opt.money = r.amount(*cost, "money", at + "/cost");
                    opt.hours = r.amount(*cost, "hours", at + "/cost");
                }
            }
            opt.earliest = r.date(o, "earliest", at);
            opt.latest = r.date(o, "latest", at);
            if (opt.earliest && opt.latest && *opt.latest < *opt.earliest)
                r.fail(at + "/latest", "expected a date on or after earliest (" + format_date(*opt.earliest) + ")");
            const json* act = find(o, "activity");
            if (!act || act->is_null()) {
                r.fail(at + "/activity", "required: expected an activity {\"type\", ...}");
            } else if (!act->is_object()) {
                r.fail(at + "/activity", "expected an activity {\"type\", ...}, got " + shown(*act));
            } else {
                opt.activity = *act;
                if (find(*act, "completed"))
                    r.fail(at + "/activity/completed", "leave it out: the optimizer chooses the date");
                if (find(*act, "id")) r.fail(at + "/activity/id", "leave it out: the option's id is the activity's");
                if (find(*act, "claimed_on"))
                    r.fail(at + "/activity/claimed_on", "leave it out: an option is planned, not claimed");
                if (const json* st = find(*act, "status"); st && !st->is_null() && *st != json("planned"))
                    r.fail(at + "/activity/status", "expected \"planned\" (or leave it out), got " + shown(*st));
            }
            raw.push_back(std::move(opt));
            read_ok.push_back(r.errors.size() == before);
        }
    }
    const json* limits = find(doc, "optimize");
    OptimizeLimits lim;
    if (limits && !limits->is_null()) {
        if (!limits->is_object()) {
            r.fail("/optimize", "expected {\"max_evaluations\": N}, got " + shown(*limits));
        } else if (const json* m = find(*limits, "max_evaluations"); m && !m->is_null()) {
            // Any whole number in range, written 5000 or 5e3 (compared as a double before any cast).
            if (const double d = m->is_number() ? m->get<double>() : 0; d >= 1 && d <= 100000000 && std::floor(d) == d)
                lim.max_evaluations = static_cast<long long>(d);
            else
                r.fail("/optimize/max_evaluations", "expected a whole number from 1 to 100000000, got " + shown(*m));
        }
    }

    // Each option's activity, checked by the plan reader as one more planned activity;
    // its problems are named under /options/k/activity.
    const std::size_t base_count = acts && acts->is_array() ? acts->size() : 0;
    std::vector<std::size_t> probed;  // option index of each probe activity
    std::optional<Plan> probed_plan;
    if (acts_ok) {  // (also when the plan itself has problems: every problem is listed)
        json probe = doc;
        probe.erase("options");
        json list = acts && acts->is_array() ? *acts : json::array();
        const Date fallback_date = add_days(base.plan ? base.plan->today : fallback_today, 1);
        for (std::size_t k = 0; k < raw.size(); ++k) {
            if (!raw[k].activity.is_object()) continue;
            RawOption o = raw[k];
            o.id = "option " + std::to_string(k);  // ids are checked above
            list.push_back(activity_for(o, o.latest.value_or(fallback_date)));
            probed.push_back(k);
        }
        probe["activities"] = list;
        ParsedPlan checked = parse_plan(dump(probe), fallback_today);
        for (const auto& e : checked.errors) {
            const std::string prefix = "/activities/";
            if (e.pointer.rfind(prefix, 0) != 0) continue;  // the plan's own problems: reported above
            const std::size_t end = e.pointer.find('/', prefix.size());
            const std::string number = e.pointer.substr(prefix.size(), end - prefix.size());
            if (number.empty() || number.size() > 9 ||
                !std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; }))
                continue;
            const std::size_t n = std::stoul(number);
            if (n < base_count || n - base_count >= probed.size()) continue;
            const std::string rest = end == std::string::npos ? "" : e.pointer.substr(end);
            r.fail("/options/" + std::to_string(probed[n - base_count]) + "/activity" + rest, e.message);
        }
        probed_plan = std::move(checked.plan);
    }
    errors.insert(errors.end(), r.errors.begin(), r.errors.end());
    if (!errors.empty() || !base.plan || !probed_plan) return error_outcome(std::move(errors));

    // The options as the optimizer sees them; default window today + 1 .. the latest expiration.
    const Plan& plan = *base.plan;
    Date last_expiration = add_days(plan.today, 1);
    for (const auto& c : plan.certifications) last_expiration = std::max(last_expiration, c.expires);
    std::vector<Option> options;
    for (std::size_t k = 0; k < raw.size(); ++k) {
        Option o;
        o.activity = probed_plan->activities[plan.activities.size() + k];
        o.activity.id = raw[k].id;
        o.money = raw[k].money;
        o.hours = raw[k].hours;
        o.earliest = raw[k].earliest.value_or(add_days(plan.today, 1));
        o.latest = raw[k].latest.value_or(last_expiration);
        options.push_back(std::move(o));
    }
    const Optimized answer = optimize(plan, options, lim);

    // The answer plan: the input plan, options removed, the chosen options added as planned activities.
    json answer_plan = doc;
    answer_plan.erase("options");
    answer_plan.erase("optimize");
    json list = acts && acts->is_array() ? *acts : json::array();
    for (const auto& c : answer.chosen) list.push_back(activity_for(raw[c.option], c.completed));
    answer_plan["activities"] = list;
    const std::string plan_text = dump(answer_plan);
    const Outcome evaluated = evaluate_json(plan_text, fallback_today);
    if (!evaluated.ok) {
        auto errs = evaluated.errors;
        for (auto& e : errs) e.message = "internal error: the answer plan was refused: " + e.message;
        return error_outcome(std::move(errs));
    }

    json out = json::object();
    out["format"] = "ceplan-optimized";
    out["version"] = 1;
    json chosen = json::array();
    for (std::size_t i = 0; i < answer.chosen.size(); ++i) {
        const auto& c = answer.chosen[i];
        const auto& why = answer.why_chosen[i];
        chosen.push_back({{"option", raw[c.option].id},
                          {"completed", format_date(c.completed)},
                          {"cost", {{"money", raw[c.option].money}, {"hours", raw[c.option].hours}}},
                          {"credits", why.credits},
                          {"completes", why.completes},
                          {"needed_for", why.needed_for},
                          {"why", why.message}});
    }
    out["chosen"] = chosen;
    out["cost"] = {{"money", answer.money}, {"hours", answer.hours}};
    out["days_given_up"] = answer.days_given_up;
    out["plan"] = answer_plan;
    // `result` goes in as evaluate_json wrote it (byte-identical by construction), between
    // the fields before it and those after it.
    json after = json::object();
    json unsavable = json::array();
    for (const auto& u : answer.unsavable) unsavable.push_back({{"certification", u.certification}, {"reason", u.reason}});
    after["unsavable"] = unsavable;
    after["searched"] = {{"candidates", answer.candidates},
                       {"evaluations", answer.evaluations},
                       {"exact", answer.exact},
                       {"max_evaluations", lim.max_evaluations},
                       {"max_activity_evaluations", lim.max_activity_evaluations},
                       {"explain_evaluations", answer.explain_evaluations}};
    json saved = json::array();
    for (const auto& c : answer.result.certifications)
        if (c.status == "recertified") saved.push_back(c.id);
    after["saved"] = saved;
    after["rollover"] = answer.rollover;
    json left = json::array();
    for (const auto& l : answer.left_out) {
        left.push_back({{"option", raw[l.option].id},
                        {"kind", l.kind},
                        {"rule", l.rule},
                        {"codes", l.codes},
                        {"helps", l.helps},
                        {"alone_saves", l.alone_saves},
                        {"why", l.message}});
    }
    after["left_out"] = left;
    std::string head = dump(out), tail = dump(after);
    head.pop_back();  // the closing brace
    Outcome result;
    result.ok = true;
    result.json = head + ",\"result\":" + evaluated.json + "," + tail.substr(1);
    return result;
}

}  // namespace

Outcome optimize_json(std::string_view plan_text, Date fallback_today) {
#if defined(__cpp_exceptions)
    try {
        return run(plan_text, fallback_today);
    } catch (const std::exception& e) {
        return error_outcome({{"", std::string("internal error: ") + e.what()}});
    }
#else
    return run(plan_text, fallback_today);
#endif
}

Outcome optimize_json(std::string_view plan_text) {
    return optimize_json(plan_text, system_today());
}

}  // namespace ceplan
