#include "core/earning.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <numeric>
#include <set>

#include "core/warnings.hpp"

namespace ceplan {
namespace {

std::string upper_trimmed(const std::string& text) {
    return identity_text(text);
}

/// E3, E4: the code a training is known by: its course, or its title when it has no course.
const std::string& course_code(const Activity& a) {
    return identity_text(a.course).empty() ? a.title : a.course;
}

bool starts_with(const std::string& text, const char* prefix) {
    return text.rfind(prefix, 0) == 0;
}

bool is_unclaimed(Status s) {
    return s == Status::planned || s == Status::completed;
}

/// A prior claim of a training (E3–E5).
struct PriorTraining {
    std::string code;  // as written, upper case
    int major = -1;
    bool alpha = false;
    std::string version;
};

struct Context {
    const Plan& plan;
    std::optional<Date> first_certified;
    std::map<std::string, std::vector<PriorTraining>> trainings;  // by course identity
    std::set<std::string> events;                                 // E6, by upper-case name
};

/// E6: a policy column in the program's words.
std::string session_kind(const std::string& column) {
    if (column == "breakout") return "a Technical Breakout or DevNet Workshop";
    if (column == "lab") return "an Instructor-led Lab";
    if (column == "seminar_4h") return "a Technical Seminar of under 8 hours";
    if (column == "seminar_8h") return "a Technical Seminar of 8 hours or more";
    return "a " + column + " session";
}

std::optional<int> table_value(const Policy& policy, const SessionClass& sc) {
    auto column = policy.cisco_live.find(sc.column);
    if (column == policy.cisco_live.end()) return std::nullopt;
    auto value = column->second.find(sc.level);
    if (value == column->second.end()) return std::nullopt;
    return value->second;
}

/// E6–E8 for one Cisco Live event: credits of the eligible sessions, each
/// session code counted once (E6: the first listing counts).
Earning cisco_live(const Activity& a, const Policy& policy) {
    Earning e;
    if (a.sessions.empty())  // E6: credits are per session; P3: say why it earns nothing
        e.warnings.push_back(make_warning("NO_SESSIONS", a.id, std::nullopt,
                                          "lists no sessions; an event earns credits per eligible session (E6)"));
    std::map<std::string, int> listed;  // E6: session code identity -> index of its first listing
    for (std::size_t i = 0; i < a.sessions.size(); ++i) {
        const Session& s = a.sessions[i];
        const int index = static_cast<int>(i);
        const SessionClass sc = classify_session(s, policy);
        const std::optional<int> value = s.credits ? s.credits : table_value(policy, sc);
        e.nominal += value.value_or(0);
        auto warn = [&](const char* code, std::string why) {
            e.warnings.push_back(make_warning(code, a.id, std::nullopt, s.code + ": " + why, index));
        };
        if (const std::string code = identity_text(s.code); !code.empty()) {
            const auto [first, inserted] = listed.emplace(code, index);
            if (!inserted) {
                warn("DUPLICATE_SESSION", "already listed as session " + std::to_string(first->second + 1) +
                                              " of this event: a session counts once (E6)");
                continue;
            }
        }
        if (sc.column.empty()) {
            warn("SESSION_TYPE_NOT_ELIGIBLE",
                 "only Technical Breakouts (BRK), DevNet Workshops (DEVWKS), Instructor-led Labs "
                 "(LTR) and Technical Seminars (TEC) earn credits (E6)");
            continue;
        }
        bool counts = true;
        if (!s.badged_in) {
            warn("NOT_BADGED", "no badge-in was recorded; a session counts only if you badged in (E7)");
            counts = false;
        }
        if (s.minutes < policy.session_minimum_minutes) {
            warn("SESSION_TOO_SHORT", "lasts " + std::to_string(s.minutes) + " minutes; a session must last at least " +
                                          std::to_string(policy.session_minimum_minutes) + " minutes (E7)");
            counts = false;
        }
        // 64-bit on both sides: `long` is 32-bit in wasm (issue 7 §3).
        if (static_cast<std::int64_t>(s.attended_minutes) * 100 <
            static_cast<std::int64_t>(s.minutes) * policy.attendance_minimum_percent) {
            warn("ATTENDANCE_BELOW_75", "attended " + std::to_string(s.attended_minutes) + " of " +
                                            std::to_string(s.minutes) + " minutes; at least " +
                                            std::to_string(policy.attendance_minimum_percent) + "% is needed (E7)");
            counts = false;
        }
        if (!value) {
            // A table cell to fill (levels 1000-3000), or none: then only the session's own credits help (E6).
            const auto column = policy.cisco_live.find(sc.column);
            const bool cell = column != policy.cisco_live.end() && column->second.count(sc.level);
            warn("CREDIT_VALUE_UNKNOWN",
                 "the credits for " + session_kind(sc.column) + " at level " +
                     (sc.level.empty() ? std::string("(none)") : sc.level) +
                     (cell ? " are unknown; enter them in the credit table or on the session (E8)"
                           : " are unknown and the credit table has no such level (E6); enter the session's own "
                             "credits (E8)"));
            if (cell) e.warnings.back().policy_pointer = "/cisco_live/" + sc.column + "/" + sc.level;
            continue;
        }
        if (counts) e.credits += *value;
    }
    return e;
}

/// E8 for one item-authoring activity.
Earning item_authoring(const Activity& a, const Policy& policy) {
    Earning e;
    std::optional<std::int64_t> value = a.credits;
    if (!value) {
        auto per_item = policy.item_authoring.find(a.item_type);
        if (per_item != policy.item_authoring.end() && per_item->second)
            value = static_cast<std::int64_t>(*per_item->second) * a.accepted_items;  // 64-bit product
    }
    e.nominal = value.value_or(0);
    if (!a.sme_program) {
        e.warnings.push_back(make_warning("NOT_SME_PROGRAM", a.id, std::nullopt,
                                          "only items authored through Cisco's own SME program earn credits (E8)"));
        return e;
    }
    if (!value) {
        e.warnings.push_back(
            make_warning("CREDIT_VALUE_UNKNOWN", a.id, std::nullopt,
                         "the credits per accepted " + a.item_type +
                             " item are unknown; enter them in the credit table or give the activity's total (E8)"));
        e.warnings.back().policy_pointer = "/item_authoring/" + a.item_type;
        return e;
    }
    e.credits = *value;
    return e;
}

/// E1–E5 for one training; `ctx.trainings` holds the prior claims.
Earning training(const Activity& a, const Policy& policy, Context& ctx, bool& claim) {
    Earning e;
    const int credits = a.credits.value_or(0);
    e.nominal = credits;
    if (credits < policy.training_min_credits || credits > policy.training_max_credits) {
        e.warnings.push_back(make_warning("CREDITS_OUT_OF_RANGE", a.id, std::nullopt,
                                          std::to_string(credits) + " credits is outside the catalog's range of " +
                                              std::to_string(policy.training_min_credits) + " to " +
                                              std::to_string(policy.training_max_credits) +
                                              "; check the catalog item (E1). Counted as entered."));
    }
    if (a.lite) {
        e.warnings.push_back(make_warning("NOT_ELIGIBLE_LITE", a.id, std::nullopt,
                                          "digital courses labelled \"lite\" or \"NO LABS\" earn no credits (E2)"));
        claim = false;
        return e;
    }
    if (!a.in_catalog) {
        e.warnings.push_back(
            make_warning("NOT_ELIGIBLE_CATALOG", a.id, std::nullopt,
                         "only trainings in the CE catalog from an authorized provider earn credits (E2)"));
        claim = false;
        return e;
    }
    const std::string identity = course_identity(course_code(a));
    if (!identity.empty()) {
        const int major = major_version(a.version);
        const std::string code = upper_trimmed(course_code(a));
        for (const PriorTraining& prior : ctx.trainings[identity]) {
            // E3: a new major version earns again; a missing version proves nothing.
            const bool missing = prior.major < 0 || major < 0;
            if (!missing && prior.major != major) continue;
            claim = false;
            if (missing) {
                const std::string which =
                    major < 0 && prior.major < 0
                        ? "neither this training nor the earlier one (" + prior.code + ") has a version"
                    : major < 0 ? "this training has no version"
                                : "the earlier " + prior.code + " has no version";
                e.warnings.push_back(make_warning(
                    "REPEAT_MINOR_VERSION", a.id, std::nullopt,
                    code + " repeats a training already credited and " + which +
                        ": the version is missing, so it cannot show a new major version. Enter the version: "
                        "only a new major version earns credit again (E3)"));
            } else if (prior.alpha && !a.alpha) {
                e.warnings.push_back(make_warning(
                    "REPEAT_AFTER_ALPHA", a.id, std::nullopt,
                    code + " was already credited for its Alpha delivery; the released version then earns 0 (E5)"));
            } else if (prior.code != code) {
                e.warnings.push_back(
                    make_warning("REPEAT_AUDIENCE_EDITION", a.id, std::nullopt,
                                 code + " is another edition of " + prior.code +
                                     ", already credited: customer and partner editions are one course (E4)"));
            } else {
                e.warnings.push_back(make_warning(
                    "REPEAT_MINOR_VERSION", a.id, std::nullopt,
                    code + " " + (a.version.empty() ? std::string("(no version)") : a.version) + " repeats " +
                        (prior.version.empty() ? std::string("(no version)") : prior.version) +
                        ": only a new major version earns credit again (E3)"));
            }
            return e;
        }
    }
    e.credits = credits;
    return e;
}

void record_claim(const Activity& a, Context& ctx) {
    if (a.type == ActivityType::training) {
        const std::string identity = course_identity(course_code(a));
        if (!identity.empty())
            ctx.trainings[identity].push_back(
                {upper_trimmed(course_code(a)), major_version(a.version), a.alpha, a.version});
    } else if (a.type == ActivityType::cisco_live && !identity_text(a.event).empty()) {
        ctx.events.insert(identity_text(a.event));
    }
}

Earning evaluate_one(const Activity& a, Context& ctx) {
    const Plan& plan = ctx.plan;
    const Policy& policy = plan.policy;
    Earning e;
    if (a.type == ActivityType::exam) {
        if (a.status == Status::rejected)
            e.warnings.push_back(
                make_warning("REJECTED", a.id, std::nullopt, "a rejected exam result does not count (A4)"));
        if (a.status == Status::applied)
            e.warnings.push_back(
                make_warning("ALREADY_APPLIED", a.id, std::nullopt, "already used by a past recertification (A4)"));
        if (a.status == Status::planned && a.completed <= plan.today)
            e.warnings.push_back(
                make_warning("PLANNED_IN_PAST", a.id, std::nullopt,
                             "still marked planned on or before today: mark it passed, or move its date (P5)"));
        return e;
    }
    if (a.status == Status::rejected) {
        // Earns nothing and is no prior claim (E3, E6); nominal still shown.
        Context scratch{plan, std::nullopt, {}, {}};
        bool unused = true;
        e = a.type == ActivityType::training     ? training(a, policy, scratch, unused)
            : a.type == ActivityType::cisco_live ? cisco_live(a, policy)
                                                 : item_authoring(a, policy);
        e.credits = 0;
        e.warnings.clear();
        e.warnings.push_back(
            make_warning("REJECTED", a.id, std::nullopt, "the claim was rejected: it earns nothing (A4)"));
        return e;
    }
    bool claim = true;  // does this activity count as a prior claim for later ones?
    if (a.type == ActivityType::training) {
        e = training(a, policy, ctx, claim);
    } else if (a.type == ActivityType::cisco_live) {
        if (ctx.events.count(identity_text(a.event))) {  // E6: names trimmed, any case; "" is never recorded
            e = cisco_live(a, policy);
            e.credits = 0;
            e.warnings.clear();
            e.warnings.push_back(make_warning("REPEAT_EVENT_CLAIM", a.id, std::nullopt,
                                              a.event + " was already claimed: an event is claimed once (E6)"));
            claim = false;
        } else {
            e = cisco_live(a, policy);
            e.warnings.push_back(make_warning(
                "PORTAL_DELAY", a.id, std::nullopt,
                "Cisco Live items appear in the CE portal 2–3 weeks after the event; validation takes about 7 "
                "and up to " +
                    std::to_string(policy.validation_days) + " days (C4)"));
        }
    } else {
        e = item_authoring(a, policy);
    }
    if (a.status == Status::applied) {
        e.credits = 0;
        e.warnings.push_back(make_warning("ALREADY_APPLIED", a.id, std::nullopt,
                                          "already used by a past recertification: it earns nothing now (A4)"));
        if (claim) record_claim(a, ctx);
        return e;
    }
    if (ctx.first_certified && a.completed < *ctx.first_certified) {
        e.credits = 0;
        e.warnings.push_back(make_warning("BEFORE_CERTIFIED", a.id, std::nullopt,
                                          "completed before " + format_date(*ctx.first_certified) +
                                              ", when you were first certified: it earns nothing (C3)"));
        return e;
    }
    // C1: the claim window.
    const Date last_day = add_days(a.completed, policy.claim_window_days);
    const bool late_claim = a.claimed_on && *a.claimed_on > last_day;
    if ((is_unclaimed(a.status) && last_day < plan.today) || late_claim) {
        e.credits = 0;
        e.warnings.push_back(make_warning(
            "CLAIM_WINDOW_MISSED", a.id, std::nullopt,
            "a claim must be submitted within " + std::to_string(policy.claim_window_days) +
                " days of completion; the last day was " + format_date(last_day) + " (C1)" +
                (late_claim ? std::string() : std::string(". If you did claim it in time, set its status to claimed")) +
                ""));
        return e;
    }
    if (is_unclaimed(a.status) && days_between(plan.today, last_day) >= 0 &&
        days_between(plan.today, last_day) <= policy.claim_due_soon_days) {
        e.warnings.push_back(make_warning("CLAIM_DUE_SOON", a.id, std::nullopt,
                                          "claim it by " + format_date(last_day) + ": the " +
                                              std::to_string(policy.claim_window_days) +
                                              "-day claim window closes then (C1)"));
    }
    if (a.status == Status::pending) {
        e.warnings.push_back(make_warning("PENDING_VALIDATION", a.id, std::nullopt,
                                          "pending claims count by their completion date once validated; "
                                          "validation can take up to " +
                                              std::to_string(policy.validation_days) + " days (R8)"));
    }
    if (a.status == Status::planned && a.completed <= plan.today) {
        e.warnings.push_back(make_warning("PLANNED_IN_PAST", a.id, std::nullopt,
                                          "still marked planned on or before today: update its status or date (P5)"));
    }
    if (claim && e.credits > 0) record_claim(a, ctx);
    return e;
}

}  // namespace

std::string identity_text(const std::string& text) {
    const char* space = " \t\r\n\f\v";
    const auto first = text.find_first_not_of(space);
    if (first == std::string::npos) return "";
    const auto last = text.find_last_not_of(space);
    std::string out = text.substr(first, last - first + 1);
    for (char& c : out)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return out;
}

std::string course_identity(const std::string& course) {
    std::string code = upper_trimmed(course);
    for (const char* prefix : {"CUST-", "P-", "A-"}) {
        if (starts_with(code, prefix)) return code.substr(std::string(prefix).size());
    }
    return code;
}

int major_version(const std::string& version) {
    std::size_t i = 0;
    while (i < version.size() && !std::isdigit(static_cast<unsigned char>(version[i]))) ++i;
    if (i == version.size()) return -1;
    int major = 0;
    while (i < version.size() && std::isdigit(static_cast<unsigned char>(version[i]))) {
        if (major < 100000) major = major * 10 + (version[i] - '0');  // bounded: "99999999999" stays an int
        ++i;
    }
    return major;
}

SessionClass classify_session(const Session& session, const Policy& policy) {
    const std::string code = upper_trimmed(session.code);
    std::size_t i = 0;
    while (i < code.size() && std::isalpha(static_cast<unsigned char>(code[i]))) ++i;
    const std::string prefix = code.substr(0, i);
    while (i < code.size() && (code[i] == '-' || code[i] == ' ')) ++i;
    int number = -1;
    if (i < code.size() && std::isdigit(static_cast<unsigned char>(code[i]))) {
        number = 0;
        while (i < code.size() && std::isdigit(static_cast<unsigned char>(code[i])) && number < 1000000)
            number = number * 10 + (code[i++] - '0');
    }
    SessionClass sc;
    if (starts_with(prefix, "BRK") || starts_with(prefix, "DEVWKS"))
        sc.column = "breakout";
    else if (starts_with(prefix, "LTR"))
        sc.column = "lab";
    else if (starts_with(prefix, "TEC"))
        sc.column = session.minutes >= policy.seminar_8h_minutes ? "seminar_8h" : "seminar_4h";
    if (number >= 0) sc.level = std::to_string(number / 1000 * 1000);
    return sc;
}

std::vector<int> a1_order(const Plan& plan) {
    std::vector<int> order;
    for (std::size_t i = 0; i < plan.activities.size(); ++i)
        if (plan.activities[i].enabled) order.push_back(static_cast<int>(i));
    std::stable_sort(order.begin(), order.end(), [&](int x, int y) {
        return plan.activities[static_cast<std::size_t>(x)].completed <
               plan.activities[static_cast<std::size_t>(y)].completed;
    });
    return order;
}

std::vector<Earning> evaluate_earnings(const Plan& plan) {
    std::vector<Earning> out(plan.activities.size());
    Context ctx{plan, std::nullopt, {}, {}};
    for (const auto& c : plan.certifications)
        if (c.first_certified && (!ctx.first_certified || *c.first_certified < *ctx.first_certified))
            ctx.first_certified = c.first_certified;
    for (int index : a1_order(plan))
        out[static_cast<std::size_t>(index)] = evaluate_one(plan.activities[static_cast<std::size_t>(index)], ctx);
    // Disabled activities: nominal only, so the page can show what switching it on would earn.
    for (std::size_t i = 0; i < plan.activities.size(); ++i) {
        const Activity& a = plan.activities[i];
        if (a.enabled) continue;
        if (a.type == ActivityType::training)
            out[i].nominal = a.credits.value_or(0);
        else if (a.type == ActivityType::cisco_live)
            out[i].nominal = cisco_live(a, plan.policy).nominal;
        else if (a.type == ActivityType::item_authoring)
            out[i].nominal = item_authoring(a, plan.policy).nominal;
    }
    return out;
}

}  // namespace ceplan
