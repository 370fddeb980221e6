#include "core/policy_reader.hpp"

namespace ceplan {
namespace {

const std::string at = "/policy";

struct NumberField {
    const char* key;
    int Policy::*field;
    std::int64_t minimum;
    std::int64_t maximum;
    const char* what;
};

// Bounds keep every computed date a valid ISO date (years 1900-2199 + at most
// 10 years or 3650 days) and every product the engine forms within 64 bits.
constexpr std::int64_t any = limits::whole_number;
const NumberField number_fields[] = {
    {"cycle_years", &Policy::cycle_years, 1, 10, "a number of years"},                           // L1, R5
    {"credit_validity_years", &Policy::credit_validity_years, 1, 10, "a number of years"},       // C2
    {"claim_window_days", &Policy::claim_window_days, 0, 3650, "a number of days"},              // C1
    {"claim_due_soon_days", &Policy::claim_due_soon_days, 0, 3650, "a number of days"},          // C1
    {"validation_days", &Policy::validation_days, 0, 3650, "a number of days"},                  // R8, C4
    {"increment", &Policy::increment, 1, 64, "CE credits"},                                      // A2
    {"rollover_minimum", &Policy::rollover_minimum, 0, any, "CE credits"},                       // A3
    {"session_minimum_minutes", &Policy::session_minimum_minutes, 0, any, "minutes"},            // E7
    {"attendance_minimum_percent", &Policy::attendance_minimum_percent, 0, 100, "a percentage"},  // E7
    {"seminar_8h_minutes", &Policy::seminar_8h_minutes, 0, any, "minutes"},                      // E6
};

/// A table of optional credit values (E6, E8): `base` merged with `overrides`
/// key by key, base keys first, into `out`.
void credit_table(const std::map<std::string, std::optional<int>>& base, const Json& overrides,
                  const std::string& ptr, FieldReader& r, std::map<std::string, std::optional<int>>& out) {
    out.clear();
    if (!overrides.is_object()) {
        r.fail(ptr, "expected an object of credit values (numbers or null)");
        return;
    }
    if (overrides.size() > limits::table_entries) {
        r.fail(ptr, "expected at most " + std::to_string(limits::table_entries) + " entries, got " +
                        std::to_string(overrides.size()) + " (a documented limit)");
        return;
    }
    auto read = [&](std::string_view key, const Json& v) {
        std::optional<std::int64_t> n;
        if (!v.is_null()) n = r.whole_value(&v, ptr + "/" + escape_pointer_token(key), false, 0, "CE credits");
        const std::string cell(key);
        out[cell] = n ? std::optional<int>(static_cast<int>(*n)) : std::nullopt;
    };
    for (const auto& [key, value] : base) {
        if (const Json* v = FieldReader::find(overrides, key))
            read(key, *v);
        else
            out[key] = value;
    }
    for (const Json& member : overrides)
        if (!base.count(std::string(member.key()))) read(member.key(), member);
}

/// L3: one exam group, a list of exam kinds.
void exam_group(const std::string& name, const Json& list, FieldReader& r, Policy& p) {
    const std::string ptr = at + "/exam_groups/" + escape_pointer_token(name);
    if (!list.is_array()) {
        r.fail(ptr, "expected a list of exam kinds");
        return;
    }
    if (!r.bounded_list(list, ptr, all_exam_kinds.size(), "exam kinds")) return;
    std::vector<ExamKind> kinds;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const Json& k = list[i];
        auto kind = k.is_string() ? parse_exam_kind(std::string(text_of(k))) : std::nullopt;
        if (kind)
            kinds.push_back(*kind);
        else
            r.fail(ptr + "/" + std::to_string(i), "expected an exam kind, got " + shown(k));
    }
    p.exam_groups[name] = kinds;
}

/// L2, L4: one path {"credits", "exams", "source", "verified"}.
void path(const Json& item, const std::string& ip, FieldReader& r, Policy& p, std::vector<Path>& paths) {
    if (!item.is_object()) {
        r.fail(ip, "expected a path {\"credits\", \"exams\"}");
        return;
    }
    Path path;
    path.credits = static_cast<int>(r.whole(item, "credits", ip, true, 0, "CE credits").value_or(0));
    path.source = r.text(item, "source", ip, false).value_or("");
    path.verified = r.boolean(item, "verified", ip).value_or(true);
    const Json* exams = FieldReader::find(item, "exams");
    if (exams && !exams->is_array()) r.fail(ip + "/exams", "expected a list of exam kinds or groups");
    if (exams && r.bounded_list(*exams, ip + "/exams", limits::exams_per_path, "exams per path")) {
        for (std::size_t e = 0; e < exams->size(); ++e) {
            const Json& name = (*exams)[e];
            auto slot = name.is_string() ? resolve_exam_slot(p, std::string(text_of(name))) : std::nullopt;
            if (slot)
                path.exams.push_back(*slot);
            else
                r.fail(ip + "/exams/" + std::to_string(e), "expected an exam kind or group, got " + shown(name));
        }
    }
    const bool too_many = exams && exams->is_array() && exams->size() > limits::exams_per_path;
    if (path.credits == 0 && path.exams.empty() && !too_many) r.fail(ip, "a path needs credits or exams");
    paths.push_back(std::move(path));
}

/// The built-in paths of a level, their slot names resolved again against
/// groups a plan redefined (L3).
void resolve_again(std::vector<Path>& paths, const std::string& ptr, FieldReader& r, const Policy& p) {
    for (std::size_t i = 0; i < paths.size(); ++i) {
        const std::string ip = ptr + "/" + std::to_string(i);
        std::vector<ExamSlot> slots;
        for (std::size_t e = 0; e < paths[i].exams.size(); ++e) {
            const std::string& name = paths[i].exams[e].name;
            if (auto slot = resolve_exam_slot(p, name))
                slots.push_back(*slot);
            else
                r.fail(ip + "/exams/" + std::to_string(e), "expected an exam kind or group, got " + shown_text(name));
        }
        paths[i].exams = std::move(slots);
        if (paths[i].credits == 0 && paths[i].exams.empty()) r.fail(ip, "a path needs credits or exams");
    }
}

}  // namespace

void read_policy_overrides(const Json* o, FieldReader& r, Policy& p) {
    if (!o || o->is_null()) return;
    if (!o->is_object()) {
        r.fail(at, "expected an object of policy overrides, got " + shown(*o));
        return;
    }
    for (const auto& f : number_fields)
        if (const Json* v = FieldReader::find(*o, f.key))
            if (auto n = r.whole_value(v, at + "/" + f.key, true, f.minimum, f.what, f.maximum))
                p.*f.field = static_cast<int>(*n);
    if (const Json* t = FieldReader::find(*o, "training_credits")) {  // E1
        if (t->is_object()) {
            const std::string tp = at + "/training_credits";
            if (const Json* v = FieldReader::find(*t, "min"))
                if (auto n = r.whole_value(v, tp + "/min", true, 0, "CE credits")) p.training_min_credits = *n;
            const Json* max = FieldReader::find(*t, "max");
            if (max)
                if (auto n = r.whole_value(max, tp + "/max", true, 0, "CE credits")) p.training_max_credits = *n;
            // E1 is a range: refused when inverted, at the bound given (max when both are).
            if (p.training_min_credits > p.training_max_credits)
                r.fail(tp + (max ? "/max" : "/min"), "expected min (" + std::to_string(p.training_min_credits) +
                                                         ") at most max (" + std::to_string(p.training_max_credits) +
                                                         "): a range of CE credits");
        } else {
            r.fail(at + "/training_credits", "expected an object {\"min\", \"max\"}");
        }
    }
    const Json* groups = FieldReader::find(*o, "exam_groups");  // L3
    if (groups) {
        auto base = std::move(p.exam_groups);
        p.exam_groups.clear();
        if (!groups->is_object()) {
            r.fail(at + "/exam_groups", "expected an object of exam groups");
        } else if (groups->size() > limits::exam_groups) {
            r.fail(at + "/exam_groups", "expected at most " + std::to_string(limits::exam_groups) +
                                            " exam groups, got " + std::to_string(groups->size()) +
                                            " (a documented limit)");
        } else {
            for (const auto& [name, kinds] : base) {
                if (const Json* v = FieldReader::find(*groups, name))
                    exam_group(name, *v, r, p);
                else
                    p.exam_groups[name] = kinds;
            }
            for (const Json& member : *groups)
                if (!base.count(std::string(member.key()))) exam_group(std::string(member.key()), member, r, p);
        }
    }
    const Json* levels = FieldReader::find(*o, "levels");  // L2, L4
    if (levels && !levels->is_object()) r.fail(at + "/levels", "expected an object of paths per level");
    for (Level level : all_levels) {
        auto& paths = p.paths[static_cast<std::size_t>(level)];
        const std::string ptr = at + "/levels/" + to_string(level);
        if (levels && !levels->is_object()) {
            paths.clear();
            continue;
        }
        const Json* list = levels ? FieldReader::find(*levels, to_string(level)) : nullptr;
        if (!list) {
            if (groups) resolve_again(paths, ptr, r, p);
            continue;
        }
        paths.clear();
        if (!list->is_array()) {
            r.fail(ptr, "expected a list of paths");
            continue;
        }
        if (!r.bounded_list(*list, ptr, limits::paths_per_level, "paths per level")) continue;
        for (std::size_t i = 0; i < list->size(); ++i) path((*list)[i], ptr + "/" + std::to_string(i), r, p, paths);
    }
    if (const Json* live = FieldReader::find(*o, "cisco_live")) {  // E6, E8
        if (!live->is_object()) {
            r.fail(at + "/cisco_live", "expected an object of session columns");
        } else if (live->size() > limits::table_entries) {
            r.fail(at + "/cisco_live", "expected at most " + std::to_string(limits::table_entries) +
                                           " session columns, got " + std::to_string(live->size()) +
                                           " (a documented limit)");
        } else {
            auto base = std::move(p.cisco_live);
            p.cisco_live.clear();
            const std::map<std::string, std::optional<int>> none;
            for (const auto& [column, row] : base) {
                if (const Json* v = FieldReader::find(*live, column))
                    credit_table(row, *v, at + "/cisco_live/" + escape_pointer_token(column), r, p.cisco_live[column]);
                else
                    p.cisco_live[column] = row;
            }
            for (const Json& member : *live)
                if (const std::string column(member.key()); !base.count(column))
                    credit_table(none, member, at + "/cisco_live/" + escape_pointer_token(column), r,
                                 p.cisco_live[column]);
        }
    }
    if (const Json* items = FieldReader::find(*o, "item_authoring")) {  // E8
        auto base = std::move(p.item_authoring);
        credit_table(base, *items, at + "/item_authoring", r, p.item_authoring);
    }
}

}  // namespace ceplan
