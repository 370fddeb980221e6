#include "core/result_writer.hpp"

#include "core/json_writer.hpp"

namespace ceplan {
namespace {

void date(JsonWriter& w, const char* key, Date d) {
    w.key(key);
    w.string(format_date(d));
}

void optional_date(JsonWriter& w, const char* key, const std::optional<Date>& d) {
    w.key(key);
    if (d)
        w.string(format_date(*d));
    else
        w.null();
}

void path_summary(JsonWriter& w, const PathSummary& p) {
    w.key("path");
    w.begin_object();
    w.key("credits");
    w.number(p.credits);
    w.key("exams");
    w.strings(p.exams);
    w.end_object();
}

/// P4: {"credits", "expires": [{"credits", "on": last valid day}]}.
void rollover(JsonWriter& w, const Rollover& r) {
    w.begin_object();
    w.key("credits");
    w.number(r.credits);
    w.key("expires");
    w.begin_array();
    for (const auto& p : r.parts) {
        w.begin_object();
        w.key("credits");
        w.number(p.credits);
        date(w, "on", p.expires);
        w.end_object();
    }
    w.end_array();
    w.end_object();
}

void recertification(JsonWriter& w, const Recertification& r) {
    w.begin_object();
    date(w, "on", r.on);
    path_summary(w, r.path);
    date(w, "new_expires", r.new_expires);
    w.key("via");
    w.string(r.via);
    w.key("days_given_up");
    w.number(r.days_given_up);
    w.key("credits_applied");
    w.number(r.credits_applied);
    optional_date(w, "latest_on_time", r.latest_on_time);
    w.key("days_given_up_at_latest");
    w.number(r.days_given_up_at_latest);
    w.key("final_activity");
    w.optional_string(r.final_activity);
    w.key("rollover");
    if (r.rollover)
        rollover(w, *r.rollover);
    else
        w.null();
    w.end_object();
}

void missing(JsonWriter& w, const Missing& m) {
    w.begin_object();
    path_summary(w, m.path);
    w.key("via");
    w.string(m.via);
    w.key("credits_needed");
    w.number(m.credits_needed);
    w.key("credits_held");
    w.number(m.credits_held);
    w.key("exams_needed");
    w.strings(m.exams_needed);
    date(w, "by", m.by);
    w.end_object();
}

void timeline(JsonWriter& w, const Timeline& t) {
    w.begin_object();
    w.key("cycles");
    w.begin_array();
    for (const auto& c : t.cycles) {
        w.begin_object();
        date(w, "start", c.start);
        date(w, "end", c.end);
        optional_date(w, "recertified_on", c.recertified_on);
        w.end_object();
    }
    w.end_array();
    w.key("points");
    w.begin_array();
    for (const auto& p : t.points) {
        w.begin_object();
        date(w, "on", p.on);
        w.key("credits");
        w.number(p.credits);
        w.key("anchor");
        w.string(p.anchor);
        w.end_object();
    }
    w.end_array();
    w.key("thresholds");
    w.begin_array();
    for (const auto& th : t.thresholds) {
        w.begin_object();
        w.key("credits");
        w.number(th.credits);
        w.key("exams");
        w.strings(th.exams);
        w.key("via");
        w.string(th.via);
        w.end_object();
    }
    w.end_array();
    w.key("exams");
    w.begin_array();
    for (const auto& e : t.exams) {
        w.begin_object();
        date(w, "on", e.on);
        w.key("kind");
        w.string(e.kind);
        w.key("activity");
        w.string(e.activity);
        w.end_object();
    }
    w.end_array();
    w.key("expiries");
    w.begin_array();
    for (const auto& e : t.expiries) {
        w.begin_object();
        w.key("credits");
        w.number(e.credits);
        date(w, "on", e.expires);
        w.end_object();
    }
    w.end_array();
    w.end_object();
}

void certification(JsonWriter& w, const CertificationResult& c) {
    w.begin_object();
    w.key("id");
    w.string(c.id);
    w.key("name");
    w.string(c.name);
    w.key("level");
    w.string(to_string(c.level));
    w.key("status");
    w.string(c.status);
    w.key("recertifications");
    w.begin_array();
    for (const auto& r : c.recertifications) recertification(w, r);
    w.end_array();
    date(w, "expires", c.expires);
    date(w, "original_expires", c.original_expires);
    w.key("is_anchor");
    w.boolean(c.is_anchor);
    w.key("missing");
    w.begin_array();
    for (const auto& m : c.missing) missing(w, m);
    w.end_array();
    w.key("timeline");
    timeline(w, c.timeline);
    w.end_object();
}

void warning(JsonWriter& w, const Warning& warning) {
    w.begin_object();
    w.key("code");
    w.string(warning.code);
    w.key("severity");
    w.string(warning.severity == Severity::info ? "info" : "warning");
    w.key("rule");
    w.string(warning.rule);
    w.key("activity");
    w.optional_string(warning.activity);
    w.key("certification");
    w.optional_string(warning.certification);
    w.key("session");
    if (warning.session)
        w.number(*warning.session);
    else
        w.null();
    w.key("message");
    w.string(warning.message);
    if (warning.policy_pointer) {
        w.key("policy_pointer");
        w.string(*warning.policy_pointer);
    }
    w.end_object();
}

void header(JsonWriter& w, const char* format) {
    w.key("format");
    w.string(format);
    w.key("version");
    w.number(1);
}

/// A table of optional credit values: {"key": n | null, ...}.
void credit_table(JsonWriter& w, const std::map<std::string, std::optional<int>>& table) {
    w.begin_object();
    for (const auto& [key, value] : table) {
        w.key(key);
        if (value)
            w.number(*value);
        else
            w.null();
    }
    w.end_object();
}

}  // namespace

std::string result_to_json(const Result& result) {
    JsonWriter w;
    w.out.reserve(4096);
    w.begin_object();
    header(w, "ceplan-result");
    date(w, "today", result.today);
    date(w, "horizon", result.horizon);
    w.key("certifications");
    w.begin_array();
    for (const auto& c : result.certifications) certification(w, c);
    w.end_array();
    w.key("activities");
    w.begin_array();
    for (const auto& a : result.activities) {
        w.begin_object();
        w.key("id");
        w.string(a.id);
        w.key("credits");
        w.number(a.credits);
        w.key("nominal_credits");
        w.number(a.nominal_credits);
        optional_date(w, "claim_by", a.claim_by);
        w.end_object();
    }
    w.end_array();
    w.key("rollover");
    rollover(w, result.rollover);
    w.key("warnings");
    w.begin_array();
    for (const auto& item : result.warnings) warning(w, item);
    w.end_array();
    w.end_object();
    return std::move(w.out);
}

std::string errors_to_json(const std::vector<PlanError>& errors) {
    JsonWriter w;
    w.begin_object();
    header(w, "ceplan-error");
    w.key("errors");
    w.begin_array();
    for (const auto& e : errors) {
        w.begin_object();
        w.key("pointer");
        w.string(e.pointer);
        w.key("message");
        w.string(e.message);
        w.end_object();
    }
    w.end_array();
    w.end_object();
    return std::move(w.out);
}

std::string policy_to_json(const Policy& p) {
    JsonWriter w;
    w.begin_object();
    header(w, "ceplan-policy");
    auto number = [&w](const char* key, int value) {
        w.key(key);
        w.number(value);
    };
    number("cycle_years", p.cycle_years);
    number("credit_validity_years", p.credit_validity_years);
    number("claim_window_days", p.claim_window_days);
    number("claim_due_soon_days", p.claim_due_soon_days);
    number("validation_days", p.validation_days);
    number("increment", p.increment);
    number("rollover_minimum", p.rollover_minimum);
    w.key("training_credits");
    w.begin_object();
    number("min", p.training_min_credits);
    number("max", p.training_max_credits);
    w.end_object();
    number("session_minimum_minutes", p.session_minimum_minutes);
    number("attendance_minimum_percent", p.attendance_minimum_percent);
    number("seminar_8h_minutes", p.seminar_8h_minutes);
    w.key("exam_groups");
    w.begin_object();
    for (const auto& [name, kinds] : p.exam_groups) {
        w.key(name);
        w.begin_array();
        for (ExamKind k : kinds) w.string(to_string(k));
        w.end_array();
    }
    w.end_object();
    w.key("levels");
    w.begin_object();
    for (Level level : all_levels) {
        w.key(to_string(level));
        w.begin_array();
        for (const Path& path : p.paths[static_cast<std::size_t>(level)]) {
            w.begin_object();
            number("credits", path.credits);
            w.key("exams");
            w.begin_array();
            for (const auto& slot : path.exams) w.string(slot.name);
            w.end_array();
            w.key("source");
            w.string(path.source);
            w.key("verified");
            w.boolean(path.verified);
            w.end_object();
        }
        w.end_array();
    }
    w.end_object();
    w.key("cisco_live");
    w.begin_object();
    for (const auto& [column, values] : p.cisco_live) {
        w.key(column);
        credit_table(w, values);
    }
    w.end_object();
    w.key("item_authoring");
    credit_table(w, p.item_authoring);
    w.key("verified");
    w.begin_object();
    w.key("cisco_live");
    w.boolean(false);
    w.key("item_authoring");
    w.boolean(false);
    w.end_object();
    w.end_object();
    return std::move(w.out);
}

}  // namespace ceplan
