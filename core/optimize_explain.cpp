// Explaining the optimizer's answer (optimize.md, issue 8 "Explain the answer"):
// for each chosen option, the path it completes, the credits it adds and what
// would be lost without it; for each option left out, the rule that makes it
// worthless (E2, E3, R3 …) or the cheaper way that made it unnecessary; and for
// each certification that is not saved, why (R3, L6, P2).
#include <algorithm>
#include <map>
#include <set>

#include "core/optimize_judge.hpp"
#include "core/paths.hpp"

namespace ceplan {
namespace {

std::string join(const std::vector<std::string>& items, const std::string& last = " and ") {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += (i + 1 == items.size()) ? last : ", ";
        out += items[i];
    }
    return out;
}

std::string plural(long long n, const std::string& word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

/// An option by what the holder wrote: a training's course (and version), else its title;
/// an exam's title, else "concentration exam 300-410"; an event's name, else its title;
/// item authoring's title, else "item authoring (question)"; the option's id when none is given.
std::string name_of(const Activity& a) {
    std::string s;
    switch (a.type) {
        case ActivityType::training:
            s = a.course.empty() ? a.title : a.course + (a.version.empty() ? "" : " " + a.version);
            break;
        case ActivityType::exam:
            s = a.title.empty() ? std::string(to_string(a.exam)) + " exam" + (a.code.empty() ? "" : " " + a.code)
                                : a.title;
            break;
        case ActivityType::cisco_live:
            s = a.event.empty() ? a.title : a.event;
            break;
        case ActivityType::item_authoring:
            s = a.title.empty() ? "item authoring (" + a.item_type + ")" : a.title;
            break;
    }
    return s.empty() ? a.id : s;
}

/// "SCOR 1.0 (64 CE credits)", "concentration exam 300-410", "Cisco Live US 2027".
std::string describe(const Activity& a) {
    std::string s = name_of(a);
    if (a.type == ActivityType::training && a.credits) s += " (" + plural(*a.credits, "CE credit") + ")";
    return s;
}

/// Certifications by their `name`, else their id, for the texts (the fields keep ids).
struct Names {
    std::map<std::string, std::string> of;
    const std::string& operator()(const std::string& id) const {
        const auto it = of.find(id);
        return it == of.end() || it->second.empty() ? id : it->second;
    }
    std::vector<std::string> all(const std::vector<std::string>& ids) const {
        std::vector<std::string> out;
        for (const auto& id : ids) out.push_back((*this)(id));
        return out;
    }
};

std::string describe_path(const PathSummary& p) {
    std::vector<std::string> parts;
    if (p.credits > 0) parts.push_back(std::to_string(p.credits) + " CE credits");
    for (const auto& e : p.exams) parts.push_back(e + " exam");
    return join(parts, " + ");
}

std::string exam_words(const std::string& slot) {
    if (slot == "professional") return "a professional-level exam (core or concentration)";
    if (slot == "associate" || slot == "expert_written" || slot == "expert_lab") return "an " + slot + " exam";
    return "a " + slot + " exam";
}

/// "28 more CE credits and a core exam by 2027-03-15 (path 40 CE credits + core exam, via ccie)".
std::string describe_missing(const Missing& m, const Names& name) {
    std::vector<std::string> parts;
    if (m.credits_needed > 0) parts.push_back(std::to_string(m.credits_needed) + " more CE credits");
    for (const auto& e : m.exams_needed) parts.push_back(exam_words(e));
    return join(parts) + " by " + format_date(m.by) + " (path " + describe_path(m.path) + ", via " + name(m.via) + ")";
}

const CertificationResult* find_cert(const Result& r, const std::string& id) {
    for (const auto& c : r.certifications)
        if (c.id == id) return &c;
    return nullptr;
}

bool saved_in(const Result& r, const std::string& id) {
    const auto* c = find_cert(r, id);
    return c && c->status == "recertified";
}

/// How far a certification is from recertifying: 0 once recertified, else its
/// cheapest missing path (credits needed, plus 1000 per exam needed).
long long distance(const Result& r, const std::string& id) {
    const auto* c = find_cert(r, id);
    if (!c) return 1LL << 40;
    if (!c->recertifications.empty()) return 0;
    long long best = 1LL << 40;
    for (const auto& m : c->missing)
        best = std::min(best, m.credits_needed + 1000LL * static_cast<long long>(m.exams_needed.size()));
    return best;
}

const Missing* cheapest_missing(const Result& r, const std::string& id) {
    const auto* c = find_cert(r, id);
    return c && !c->missing.empty() ? &c->missing.front() : nullptr;
}

std::string cost_words(std::int64_t money, std::int64_t hours) {
    return std::to_string(money) + " money, " + plural(hours, "hour");
}

Placement with_option(const Placement& placement, std::size_t option, Date date) {
    Placement p = placement;
    p.push_back({option, date});
    std::sort(p.begin(), p.end());
    return p;
}

}  // namespace

void explain(Judge& judge, Optimized& answer) {
    judge.renew_limit();
    const Plan& plan = judge.plan();
    const auto& options = judge.options();
    Placement chosen;
    for (const auto& c : answer.chosen) chosen.push_back({c.option, c.completed});
    const Result& result = answer.result;
    const Result base = judge.result_of({});
    Names name;
    for (const auto& c : plan.certifications) name.of[c.id] = c.name;

    // Certifications not saved (P2): why.
    std::set<std::string> unsavable;
    for (const auto& c : result.certifications) {
        if (c.status == "recertified") continue;
        std::string reason;
        if (c.status == "retired") {
            reason = "retired: it cannot be recertified (L6)";
        } else if (c.status == "expired") {
            reason = "expired before today (R3)";
        } else if (!c.recertifications.empty()) {
            reason = "recertified on " + format_date(c.recertifications.back().on) + " but expires " +
                     format_date(c.expires) + ", before the plan's last activity on " + format_date(result.horizon) +
                     " (R5)";
        } else if (const auto* m = cheapest_missing(result, c.id)) {
            reason = "no choice of the options recertifies it by " + format_date(m->by) + " (R3): it would still need " +
                     describe_missing(*m, name);
        } else {
            reason = "no choice of the options recertifies it by " + format_date(c.expires) + " (R3)";
        }
        unsavable.insert(c.id);
        answer.unsavable.push_back({c.id, reason});
    }

    // Chosen options: the path each completes, the credits it adds, what is lost without it.
    for (std::size_t k = 0; k < chosen.size(); ++k) {
        const auto [option, date] = chosen[k];
        const Activity& a = options[option].activity;
        ChosenWhy why;
        why.option = option;
        for (const auto& act : result.activities)
            if (act.id == a.id) why.credits = act.credits;
        std::vector<std::string> parts;
        for (const auto& c : result.certifications)
            for (const auto& r : c.recertifications) {
                if (r.final_activity != a.id) continue;
                why.completes.push_back(c.id);
                if (r.via != c.id) continue;  // a cascade: said with the certification whose path was met
                std::vector<std::string> cascade;
                for (const auto& other : result.certifications)
                    for (const auto& r2 : other.recertifications)
                        if (other.id != c.id && r2.on == r.on && r2.via == c.id) cascade.push_back(other.id);
                parts.push_back("completes " + name(c.id) + "'s recertification on " + format_date(r.on) + " (path " +
                                describe_path(r.path) + ")" +
                                (cascade.empty() ? "" : ", which also recertifies " + join(name.all(cascade)) + " (R4)"));
            }
        if (parts.empty()) {
            // Not the final activity: the first recertification on or after its date that uses
            // what it brings (its exam kind, or CE credits).
            const Recertification* used = nullptr;
            std::string owner;
            for (const auto& c : result.certifications)
                for (const auto& r : c.recertifications) {
                    if (r.via != c.id || r.on < date) continue;
                    const bool uses = a.type == ActivityType::exam
                                          ? std::find(r.path.exams.begin(), r.path.exams.end(), to_string(a.exam)) !=
                                                r.path.exams.end()
                                          : r.path.credits > 0;
                    if (uses && (!used || r.on < used->on)) {
                        used = &r;
                        owner = c.id;
                    }
                }
            if (used)
                parts.push_back(std::string(a.type == ActivityType::exam ? "its exam counts" : "its credits count") +
                                " in " + name(owner) + "'s recertification on " + format_date(used->on) + " (path " +
                                describe_path(used->path) + ")");
        }
        if (why.credits > 0) parts.push_back("adds " + plural(why.credits, "CE credit"));
        Placement without = chosen;
        without.erase(without.begin() + static_cast<long>(k));
        const Result rest = judge.result_of(without);
        for (const auto& c : result.certifications)
            if (c.status == "recertified" && !saved_in(rest, c.id)) why.needed_for.push_back(c.id);
        if (!why.needed_for.empty()) {
            parts.push_back("without it " + join(name.all(why.needed_for)) + " would not be saved");
        } else {
            const Score s = judge.score_of(rest);
            if (s.days > answer.days_given_up)
                parts.push_back("without it " + plural(s.days - answer.days_given_up, "more day") +
                                " of validity would be given up (R5)");
            else if (s.rollover < answer.rollover)
                parts.push_back("without it " + plural(answer.rollover - s.rollover, "fewer credit") +
                                " would roll over (A3)");
        }
        why.message = describe(a) + " on " + format_date(date) + ": " + join(parts, "; ");
        answer.why_chosen.push_back(std::move(why));
    }

    // Options left out: the rule that makes them worthless, or the cheaper way.
    std::vector<std::string> chosen_ids;
    for (const auto& c : answer.chosen) chosen_ids.push_back(name_of(options[c.option].activity));
    std::set<std::size_t> taken;
    for (const auto& c : answer.chosen) taken.insert(c.option);
    for (std::size_t o = 0; o < options.size(); ++o) {
        if (taken.count(o)) continue;
        const Activity& a = options[o].activity;
        LeftOut out;
        out.option = o;
        if (judge.exhausted()) {
            out.kind = "unexplained";
            out.message = describe(a) + ": not examined, the explanation's evaluation budget ran out";
            answer.left_out.push_back(std::move(out));
            continue;
        }
        if (!judge.usable(o)) {
            out.kind = "window_closed";
            out.rule = "D1";
            out.message = describe(a) + ": its window ends on " + format_date(options[o].latest) +
                          ", before it can be taken (tomorrow at the earliest)";
            answer.left_out.push_back(std::move(out));
            continue;
        }
        // With the answer, on the first day of its window: does a rule make it worthless?
        const Result with = judge.result_of(with_option(chosen, o, judge.earliest(o)));
        int credits = 0;
        for (const auto& act : with.activities)
            if (act.id == a.id) credits = act.credits;
        const Warning* first = nullptr;
        bool late = false;
        for (const auto& w : with.warnings) {
            if (w.activity != a.id || w.severity != Severity::warning) continue;
            if (std::find(out.codes.begin(), out.codes.end(), w.code) == out.codes.end()) out.codes.push_back(w.code);
            if (!first) first = &w;
            late = late || w.code == "AFTER_EXPIRATION";
        }
        if ((a.type != ActivityType::exam && credits == 0) || late) {
            out.kind = "earns_nothing";
            out.rule = first ? first->rule : "";
            out.message = describe(a) + " earns nothing: " + (first ? first->message : "no rule gives it credits");
            answer.left_out.push_back(std::move(out));
            continue;
        }
        out.codes.clear();
        // On its own (its best dates): which certifications does it bring closer?
        const auto dated = judge.common_dates({o}, -1);
        if (!dated) {
            out.kind = "unexplained";
            out.codes.clear();
            out.message = describe(a) + ": not examined, the explanation's evaluation budget ran out";
            answer.left_out.push_back(std::move(out));
            continue;
        }
        const Result alone = judge.result_of(dated->placement);
        const Score alone_score = dated->score;
        for (const auto& c : plan.certifications)
            if (distance(alone, c.id) < distance(base, c.id)) out.helps.push_back(c.id);
        out.alone_saves = alone_score.saved >= answer.saved;
        bool helps_savable = false;
        for (const auto& id : out.helps) helps_savable = helps_savable || !unsavable.count(id);
        if (out.helps.empty()) {
            out.kind = "adds_nothing";
            const std::string tail = a.type == ActivityType::exam ? " (L2, L4)" : " (R1)";
            // R3: the certifications whose own paths would count it, lapsed before its window opens.
            std::vector<std::string> lapsed;
            Date last_lapse{};
            for (const auto& c : base.certifications) {
                if (c.status == "recertified" || c.status == "retired" || !(c.expires < judge.earliest(o))) continue;
                const auto& paths = plan.policy.paths[static_cast<std::size_t>(c.level)];
                const bool counts = std::any_of(paths.begin(), paths.end(), [&](const Path& p) {
                    if (a.type != ActivityType::exam) return p.credits > 0;
                    return std::any_of(p.exams.begin(), p.exams.end(), [&](const ExamSlot& slot) { return fits(slot, a.exam); });
                });
                if (!counts) continue;
                lapsed.push_back(c.id);
                if (last_lapse < c.expires) last_lapse = c.expires;
            }
            if (!lapsed.empty()) {
                out.rule = "R3";
                out.message = describe(a) + " comes too late for " + join(name.all(lapsed)) + ": its window opens on " +
                              format_date(judge.earliest(o)) + ", after " + (lapsed.size() == 1 ? "it lapses on " : "they lapse, the last on ") +
                              format_date(last_lapse) + " (R3); no other certification's path counts it" + tail;
            } else {
                out.rule = a.type == ActivityType::exam ? "L4" : "R1";
                out.message = describe(a) + " brings no certification closer to recertifying: no path of theirs counts it" + tail;
            }
        } else if (!helps_savable) {
            std::vector<std::string> reasons;
            for (const auto& u : answer.unsavable)
                if (std::find(out.helps.begin(), out.helps.end(), u.certification) != out.helps.end())
                    reasons.push_back(name(u.certification) + ": " + u.reason);
            out.kind = "only_unsavable";
            out.rule = "R3";
            out.message = describe(a) + " only helps " + join(name.all(out.helps)) + ", which cannot be saved (" +
                          join(reasons, "; ") + ")";
        } else {
            out.kind = "not_needed";
            const std::string chosen_words =
                answer.chosen.empty() ? std::string("the plan as it is")
                                      : "the answer (" + join(chosen_ids) + ": " + cost_words(answer.money, answer.hours) + ")";
            const auto& opt = options[o];
            if (out.alone_saves) {
                std::string why;
                if (opt.money != answer.money || opt.hours != answer.hours)
                    why = "it costs " + cost_words(opt.money, opt.hours);
                else if (alone_score.days != answer.days_given_up)
                    why = "it gives up " + plural(alone_score.days, "day") + " of validity (R5)";
                else if (alone_score.rollover != answer.rollover)
                    why = "it rolls over " + plural(alone_score.rollover, "credit") + " (A3)";
                else
                    why = "it ties, and the chosen options come first in the list";
                out.message = describe(a) + " would also save them on its own, but " + why + "; " + chosen_words +
                              " saves as many";
            } else {
                std::vector<std::string> saves, still;
                for (const auto& c : result.certifications) {
                    if (c.status != "recertified") continue;
                    if (saved_in(alone, c.id)) {
                        saves.push_back(c.id);
                        continue;
                    }
                    const auto* m = cheapest_missing(alone, c.id);
                    if (!m) {
                        still.push_back(name(c.id) + " would not be saved");
                        continue;
                    }
                    still.push_back(name(c.id) + " would still need " + describe_missing(*m, name));
                    if (a.type == ActivityType::exam && a.exam == ExamKind::concentration && c.level == Level::expert &&
                        std::find(m->exams_needed.begin(), m->exams_needed.end(), "core") != m->exams_needed.end())
                        out.rule = "L3";
                }
                out.message = describe(a) + " is not enough on its own" +
                              (saves.empty() ? std::string() : " (it would save " + join(name.all(saves)) + ")") +
                              (still.empty() ? std::string() : ": " + join(still, "; ")) +
                              (out.rule == "L3" ? " (L3: a concentration exam is not a technology core exam)" : "") +
                              "; " + chosen_words + " saves " + plural(answer.saved, "certification");
            }
        }
        answer.left_out.push_back(std::move(out));
    }
}

}  // namespace ceplan
