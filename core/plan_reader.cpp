#include "core/plan_reader.hpp"

#include <nlohmann/json.hpp>
#include <set>

#include "core/json_fields.hpp"
#include "core/policy_reader.hpp"

namespace ceplan {
namespace {

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

/// The top-level fields a plan reader reads (plan-format.md); others are ignored.
bool plan_field(std::string_view key) {
    return key == "format" || key == "version" || key == "today" || key == "certifications" ||
           key == "activities" || key == "policy";
}

using NJson = nlohmann::json;

/// nlohmann's parser events into a JsonDocument (issue 6: no std::map DOM),
/// with exceptions off; refuses nesting deeper than limits::nesting_depth,
/// keeps the JSON pointer of the value being read, so that a number JSON
/// cannot hold (1e400) is reported at its place, and keeps the parser's
/// message for a syntax error. Values of unknown top-level fields (an
/// example's notes) are checked but not stored.
class Sax {
public:
    explicit Sax(JsonDocument& doc) : doc_(doc) { path_.reserve(limits::nesting_depth + 1); }

    std::optional<PlanError> error;

    bool null() { return scalar(Json()); }
    bool boolean(bool b) { return scalar(Json::boolean_value(b)); }
    bool number_integer(NJson::number_integer_t n) { return scalar(Json::integer_value(n)); }
    bool number_unsigned(NJson::number_unsigned_t n) { return scalar(Json::unsigned_value(n)); }
    bool number_float(NJson::number_float_t n, const NJson::string_t&) { return scalar(Json::float_value(n)); }
    bool string(NJson::string_t& s) {
        if (skipping_) return scalar_skipped();
        doc_.string(s);
        return value();
    }
    bool binary(NJson::binary_t&) { return skipping_ ? scalar_skipped() : value(); }  // never from JSON text
    bool start_object(std::size_t) {
        path_.push_back({false, 0, {}});
        if (!deep_enough()) return false;
        if (!skipping_) doc_.start(true);
        return true;
    }
    bool key(NJson::string_t& k) {
        if (path_.size() == 1 && !skipping_ && !plan_field(k)) skipping_ = true;
        path_.back().key = doc_.key(k);
        return true;
    }
    bool end_object() { return end_container(); }
    bool start_array(std::size_t) {
        path_.push_back({true, 0, {}});
        if (!deep_enough()) return false;
        if (!skipping_) doc_.start(false);
        return true;
    }
    bool end_array() { return end_container(); }
    bool parse_error(std::size_t, const std::string& token, const nlohmann::detail::exception& ex) {
        if (ex.id == 406) {  // out_of_range.406: a number beyond the range of a double
            error = PlanError{pointer(), "expected a number JSON can hold (at most about 1.8e308 in size), got " + token};
        } else {
            std::string what = ex.what();
            if (auto pos = what.find("parse error"); pos != std::string::npos) what = what.substr(pos);
            error = PlanError{"", "not valid JSON: " + what};
        }
        return false;
    }

private:
    struct Step {
        bool array;
        std::size_t index;
        std::string_view key;  // held by the document
    };
    JsonDocument& doc_;
    std::vector<Step> path_;
    bool skipping_ = false;  // inside the value of an unknown top-level field

    /// A plan is a few levels deep; a hostile depth is refused as soon as it is seen.
    bool deep_enough() {
        if (path_.size() <= static_cast<std::size_t>(limits::nesting_depth)) return true;
        error = PlanError{"", "not a plan: JSON nested more than " + std::to_string(limits::nesting_depth) +
                                  " levels deep"};
        return false;
    }
    bool value() {
        if (!path_.empty() && path_.back().array) ++path_.back().index;
        return true;
    }
    bool scalar(Json v) {
        if (skipping_) return scalar_skipped();
        doc_.value(v);
        return value();
    }
    bool end_container() {
        path_.pop_back();
        if (skipping_) return scalar_skipped();
        doc_.end();
        return value();
    }
    bool scalar_skipped() {
        if (path_.size() == 1) skipping_ = false;  // the unknown field's value ends here
        return value();
    }
    std::string pointer() const {
        std::string out;
        for (const auto& step : path_) {
            out += '/';
            out += step.array ? std::to_string(step.index) : escape_pointer_token(step.key);
        }
        return out;
    }
};

/// nlohmann's parser over the text, its events to `sax`. Natively (GCC), flattened: the
/// lexer's per-character calls inlined into the parser, 41 -> 33 us on the 3-activity
/// example, at the cost of a large function (README "Benchmarks"). Not in the wasm
/// module, where it buys nothing measurable and costs bytes.
#if defined(__GNUC__) && !defined(__clang__)
[[gnu::flatten]]
#endif
void read_events(std::string_view text, Sax& sax) {
    NJson::sax_parse(text.begin(), text.end(), &sax, nlohmann::detail::input_format_t::json, true);
}

std::optional<Certification> read_certification(const Json& v, const std::string& at, FieldReader& r) {
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

std::optional<int> small(std::optional<std::int64_t> n) {
    return n ? std::optional<int>(static_cast<int>(*n)) : std::nullopt;  // bounded by limits::whole_number
}

std::optional<Session> read_session(const Json& v, const std::string& at, FieldReader& r) {
    if (!v.is_object()) {
        r.fail(at, "expected a session object, got " + shown(v));
        return std::nullopt;
    }
    const std::size_t before = r.errors.size();
    Session s;
    s.code = r.text(v, "code", at, true).value_or("");
    s.minutes = small(r.whole(v, "minutes", at, true, 1, "the session's length in minutes")).value_or(0);
    s.attended_minutes = small(r.whole(v, "attended_minutes", at, false, 0, "minutes attended")).value_or(s.minutes);
    if (s.attended_minutes > s.minutes && s.minutes > 0)
        r.fail(at + "/attended_minutes", "expected at most the session's " + std::to_string(s.minutes) + " minutes");
    s.badged_in = r.boolean(v, "badged_in", at).value_or(true);
    s.credits = small(r.whole(v, "credits", at, false, 0, "CE credits"));
    if (r.errors.size() != before) return std::nullopt;
    return s;
}

std::optional<Activity> read_activity(const Json& v, const std::string& at, FieldReader& r, Date today) {
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
        a.credits = small(r.whole(v, "credits", at, true, 0, "CE credits"));
        a.lite = r.boolean(v, "lite", at).value_or(false);
        a.alpha = r.boolean(v, "alpha", at).value_or(false);
        a.in_catalog = r.boolean(v, "in_catalog", at).value_or(true) && r.boolean(v, "authorized", at).value_or(true);
    } else if (type == ActivityType::cisco_live) {
        a.event = r.text(v, "event", at, false).value_or("");
        if (const Json* sessions = FieldReader::find(v, "sessions"); sessions && !sessions->is_null()) {
            if (!sessions->is_array()) {
                r.fail(at + "/sessions", "expected a list of sessions, got " + shown(*sessions));
            } else if (r.bounded_list(*sessions, at + "/sessions", limits::sessions_per_event, "sessions per event")) {
                for (std::size_t i = 0; i < sessions->size(); ++i)
                    if (auto s = read_session((*sessions)[i], at + "/sessions/" + std::to_string(i), r))
                        a.sessions.push_back(*s);
            }
        }
    } else if (type == ActivityType::item_authoring) {
        std::vector<std::pair<const char*, std::string>> names;
        for (const char* t : item_types) names.push_back({t, t});
        a.item_type = r.choice(v, "item_type", at, true, names).value_or("");
        a.accepted_items = small(r.whole(v, "accepted_items", at, false, 0, "a number of accepted items")).value_or(0);
        a.credits = small(r.whole(v, "credits", at, false, 0, "CE credits"));
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
void unique_id(const Json& item, const std::string& at, std::set<std::string>& ids, FieldReader& r) {
    const Json* id = FieldReader::find(item, "id");
    if (!id || !id->is_string() || text_of(*id).empty()) return;
    const std::string text(text_of(*id));
    if (!ids.insert(text).second) r.fail(at + "/id", "expected a unique id, \"" + text + "\" is used twice");
}

/// The built-in policy table, built once.
const Policy& builtin_policy() {
    static const Policy table = default_policy();
    return table;
}

/// The merged policy table of the last plan read on this thread, keyed by the
/// compact text of its `policy` block ("" for none): lent to that plan, and
/// kept when recycle_policy hands it back.
struct PolicyMemo {
    std::string block;           // the key
    Policy table;                // the table, when `kept`
    bool kept = false;           // (not lent out)
    std::uint64_t ticket = 0;    // the plan it is lent to (0: none)
    std::uint64_t last_ticket = 0;
};
thread_local PolicyMemo memo;

/// The plan's policy: the built-in table merged with its `policy` block (or the
/// memo's table for the same block); a ticket for recycle_policy when the table is lent.
std::uint64_t read_policy(const Json* block, FieldReader& r, Policy& out) {
    std::string key = block ? json_text(*block) : std::string();
    if (memo.kept && memo.block == key) {
        out = std::move(memo.table);
        memo.kept = false;
        return memo.ticket = ++memo.last_ticket;
    }
    out = builtin_policy();
    const std::size_t before = r.errors.size();
    read_policy_overrides(block, r, out);
    if (r.errors.size() != before) return 0;
    memo.block = std::move(key);
    memo.kept = false;
    return memo.ticket = ++memo.last_ticket;
}

}  // namespace

ParsedPlan parse_plan(std::string_view text, Date fallback_today) {
    ParsedPlan out;
    if (text.size() > limits::document_bytes) {
        out.errors.push_back({"", "not a plan: the document has " + std::to_string(text.size()) +
                                      " bytes, more than the " + std::to_string(limits::document_bytes) +
                                      " a plan may have (a documented limit)"});
        return out;
    }
    JsonDocument document(text.size());
    {
        Sax sax(document);
        read_events(text, sax);
        if (sax.error) {
            out.errors.push_back(std::move(*sax.error));
            return out;
        }
    }
    const Json& doc = document.root();
    if (!doc.is_object()) {
        out.errors.push_back({"", "expected a plan object {\"format\": \"ceplan-plan\", ...}, got " + shown(doc)});
        return out;
    }
    FieldReader r;
    Plan plan;
    if (const Json* f = FieldReader::find(doc, "format"); f && !(f->is_string() && text_of(*f) == "ceplan-plan"))
        r.fail("/format", "expected \"ceplan-plan\", got " + shown(*f));
    if (const Json* v = FieldReader::find(doc, "version"); v && !equals_one(*v))
        r.fail("/version", "expected 1, got " + shown(*v));
    plan.today = r.date(doc, "today", "", false).value_or(fallback_today);

    const std::uint64_t ticket = read_policy(FieldReader::find(doc, "policy"), r, plan.policy);

    std::set<std::string> ids;
    const Json* certs = FieldReader::find(doc, "certifications");
    if (!certs || !certs->is_array()) {
        r.fail("/certifications", certs ? "expected a list of certifications, got " + shown(*certs)
                                        : "required: expected a list of certifications");
    } else if (r.bounded_list(*certs, "/certifications", limits::certifications, "certifications")) {
        for (std::size_t i = 0; i < certs->size(); ++i) {
            const std::string at = "/certifications/" + std::to_string(i);
            unique_id((*certs)[i], at, ids, r);
            if (auto c = read_certification((*certs)[i], at, r)) plan.certifications.push_back(std::move(*c));
        }
    }
    ids.clear();
    if (const Json* acts = FieldReader::find(doc, "activities"); acts && !acts->is_null()) {
        if (!acts->is_array()) {
            r.fail("/activities", "expected a list of activities, got " + shown(*acts));
        } else if (r.bounded_list(*acts, "/activities", limits::activities, "activities")) {
            plan.activities.reserve(acts->size());
            for (std::size_t i = 0; i < acts->size(); ++i) {
                const std::string at = "/activities/" + std::to_string(i);
                unique_id((*acts)[i], at, ids, r);
                if (auto a = read_activity((*acts)[i], at, r, plan.today)) plan.activities.push_back(std::move(*a));
            }
        }
    }
    out.errors = std::move(r.errors);
    if (out.errors.empty()) {
        out.plan = std::move(plan);
        out.policy_ticket = ticket;
    } else if (ticket) {
        memo.table = std::move(plan.policy);  // the table is good, the plan is not: keep it
        memo.kept = true;
        memo.ticket = 0;
    }
    return out;
}

void recycle_policy(ParsedPlan&& parsed) {
    if (!parsed.plan || parsed.policy_ticket == 0 || parsed.policy_ticket != memo.ticket) return;
    memo.table = std::move(parsed.plan->policy);
    memo.kept = true;
    memo.ticket = 0;
}

}  // namespace ceplan
