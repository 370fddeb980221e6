#include "core/engine.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <set>
#include <string_view>

#include "core/earning.hpp"
#include "core/increments.hpp"
#include "core/paths.hpp"
#include "core/warnings.hpp"

namespace ceplan {
namespace {

/// An exam that can fill a path's slot: not rejected, not already applied (L2, L4).
bool exam_counts(const Activity& a) {
    return a.type == ActivityType::exam && a.status != Status::rejected && a.status != Status::applied;
}

/// An activity that can count toward a path: an exam that counts, or one that earns CE credits.
bool counts_toward_paths(const Activity& a, const Earning& e) { return exam_counts(a) || e.credits > 0; }

/// A certification while the plan is simulated.
struct CertState {
    const Certification* input = nullptr;
    int index = 0;
    Date expires;
    Date cycle_start;  // R7: no recertification and no exam before it
    Date exam_from;    // R7: exams on or after this date count
    /// The exams that count in the current cycle (R7, L4 codes once), at most `exam_cap`
    /// of each kind, in A1 order: kept up to date as exams arrive, so that the exams of a
    /// cycle are looked at once per certification, not on every checking date.
    struct CycleExams {
        std::size_t scanned = 0;               // exams_ looked at so far
        std::optional<std::size_t> start;      // first exam on or after exam_from
        std::array<std::size_t, all_exam_kinds.size()> per_kind{};
        std::vector<ExamRecord> exams;
    };
    mutable CycleExams cycle_exams;
    bool lapsed = false;
    std::optional<Date> lapse_date;  // the day after the expiration it reached
    std::vector<Recertification> recertifications;
    std::vector<Missing> missing;  // P2, taken when it lapses
    Timeline timeline;
};

/// One met path on a checking date (R2, R6).
struct Candidate {
    int cert = 0;
    std::size_t path = 0;
    std::int64_t consumed = 0;
    Application application;  // A2: the increment runs it uses
    std::vector<std::string> exam_kinds;
};

class Simulation {
public:
    explicit Simulation(const Plan& plan) : plan_(plan), policy_(plan.policy) {}

    Result run();

private:
    const Plan& plan_;
    const Policy& policy_;
    std::vector<Earning> earnings_;
    std::vector<CertState> certs_;
    std::vector<Increment> pool_;  // unapplied credits, A1 order
    std::vector<ExamRecord> exams_;
    std::vector<long> exam_prev_same_code_;  // per exam: the previous exam with its code, -1 if none (L4)
    std::map<std::string, long> exam_last_by_code_;
    std::size_t exam_cap_ = 1;  // the most exams any path asks for: more of one kind never matter
    int anchor_ = -1;
    Date horizon_;
    Rollover rollover_;
    std::vector<Warning> warnings_;
    std::set<int> expired_warned_;
    std::vector<int> day_activities_;  // the activities completed on the date being checked
    // The dates after the one being checked, with their activities (A1 order): next_work() looks there.
    std::map<int, std::vector<int>>::const_iterator later_days_, days_end_;
    std::optional<Date> next_work() const;

    bool active(const CertState& c, Date d) const { return !c.lapsed && c.expires >= d && !c.input->retired; }
    int anchor_on(Date d) const;
    void lapse_until(Date d);
    void take_missing(CertState& c);
    void add_activity(int index, Date d);
    void drop_expired(Date d);
    bool check(Date d);  // true when something recertified on `d`
    void record_points(Date d);
    void finish_timeline(CertState& c) const;
    void warn_expired(const Increment& inc);
    std::vector<ExamRecord> exams_for(const CertState& c, Date until) const;
    std::string anchor_id() const { return anchor_ < 0 ? "" : certs_[static_cast<std::size_t>(anchor_)].input->id; }
};

int Simulation::anchor_on(Date d) const {
    // R1: highest level, active, not retired; ties: expiring first, then plan order.
    int best = -1;
    for (const auto& c : certs_) {
        if (!active(c, d)) continue;
        if (best < 0) {
            best = c.index;
            continue;
        }
        const auto& b = certs_[static_cast<std::size_t>(best)];
        if (c.input->level > b.input->level || (c.input->level == b.input->level && c.expires < b.expires))
            best = c.index;
    }
    return best;
}

std::vector<ExamRecord> Simulation::exams_for(const CertState& c, Date until) const {
    // R7: the exams in its current cycle. L4: "two exams" are two different exams, so an
    // exam code passed again in the cycle (codes trimmed, any case) counts once, the
    // first pass; an exam without a code is always its own exam. Exams arrive in date
    // order, so the cycle's exams are a suffix of exams_ from `start`: an exam counts when
    // the previous pass of its code (if any) lies before `start`.
    auto& cache = c.cycle_exams;
    for (; cache.scanned < exams_.size(); ++cache.scanned) {
        const std::size_t i = cache.scanned;
        const ExamRecord& e = exams_[i];
        if (e.on < c.exam_from) continue;
        if (!cache.start) cache.start = i;
        const long prev = exam_prev_same_code_[i];
        if (prev >= 0 && static_cast<std::size_t>(prev) >= *cache.start) continue;  // code passed again
        auto& n = cache.per_kind[static_cast<std::size_t>(e.kind)];
        if (n >= exam_cap_) continue;  // only the earliest exam_cap_ of a kind can fill slots
        ++n;
        cache.exams.push_back(e);
    }
    std::vector<ExamRecord> out;
    for (const auto& e : cache.exams)
        if (e.on <= until) out.push_back(e);
    return out;
}

void Simulation::take_missing(CertState& c) {
    // P2: what would still save `c` by its expiration date, from what is held then.
    c.missing.clear();
    const Date by = c.expires;
    std::int64_t held = 0;
    for (const auto& inc : pool_)
        if (inc.expires >= by) held += inc.credits();
    auto add_paths = [&](const CertState& owner, bool with_credits, Date deadline) {
        const auto exams = exams_for(owner, deadline);
        for (const Path& path : policy_.paths[static_cast<std::size_t>(owner.input->level)]) {
            if (path.credits > 0 && !with_credits) continue;
            Missing m;
            m.path.credits = path.credits;
            for (const auto& slot : path.exams) m.path.exams.push_back(slot.name);
            m.via = owner.input->id;
            m.credits_needed = std::max<std::int64_t>(0, path.credits - held);
            m.credits_held = held;
            m.exams_needed = unfilled_slots(path.exams, exams);
            m.by = deadline;
            if (m.credits_needed == 0 && m.exams_needed.empty()) continue;
            c.missing.push_back(std::move(m));
        }
    };
    const bool is_anchor = anchor_ < 0 || anchor_ == c.index;
    if (is_anchor) {
        add_paths(c, true, by);
    } else {
        // Below the anchor: its own exam-only paths, and the anchor's paths (R4 cascade).
        add_paths(c, false, by);
        const auto& anchor = certs_[static_cast<std::size_t>(anchor_)];
        add_paths(anchor, true, std::min(by, anchor.expires));
    }
    std::stable_sort(c.missing.begin(), c.missing.end(), [](const Missing& x, const Missing& y) {
        if (x.credits_needed != y.credits_needed) return x.credits_needed < y.credits_needed;
        return x.exams_needed.size() < y.exams_needed.size();
    });
}

/// The first date after the one being checked with an activity that counts toward a path
/// (earns CE credits, or is an exam that counts); none when no such activity comes later.
std::optional<Date> Simulation::next_work() const {
    for (auto it = later_days_; it != days_end_; ++it)
        for (int index : it->second)
            if (counts_toward_paths(plan_.activities[static_cast<std::size_t>(index)], earnings_[static_cast<std::size_t>(index)]))
                return Date{it->first};
    return std::nullopt;
}

void Simulation::lapse_until(Date d) {
    // R3: a certification whose expiration date is before `d` has lapsed.
    std::vector<CertState*> lapsing;
    for (auto& c : certs_)
        if (!c.lapsed && c.expires < d) lapsing.push_back(&c);
    for (auto* c : lapsing)
        if (!c->input->retired) take_missing(*c);
    for (auto* c : lapsing) {
        c->lapsed = true;
        c->lapse_date = add_days(c->expires, 1);
    }
}

void Simulation::warn_expired(const Increment& inc) {
    if (inc.expires >= horizon_ || !expired_warned_.insert(inc.activity).second) return;
    const Activity& a = plan_.activities[static_cast<std::size_t>(inc.activity)];
    warnings_.push_back(make_warning("CREDITS_EXPIRED", a.id, std::nullopt,
                                     "credits from " + format_date(a.completed) + " could be applied through " +
                                         format_date(inc.expires) + " and expired unused (C2)"));
}

void Simulation::drop_expired(Date d) {
    // C2: credits can be applied up to completion + 3 years.
    std::vector<Increment> kept;
    for (const auto& inc : pool_) {
        if (inc.expires >= d) {
            kept.push_back(inc);
            continue;
        }
        warn_expired(inc);
        for (auto& c : certs_) {
            if (!active(c, inc.expires)) continue;
            auto& expiries = c.timeline.expiries;
            if (!expiries.empty() && expiries.back().expires == inc.expires)
                expiries.back().credits += inc.credits();
            else
                expiries.push_back({inc.credits(), inc.expires});
        }
    }
    pool_ = std::move(kept);
}

void Simulation::add_activity(int index, Date d) {
    const Activity& a = plan_.activities[static_cast<std::size_t>(index)];
    const Earning& e = earnings_[static_cast<std::size_t>(index)];
    if (!counts_toward_paths(a, e)) return;
    bool any_active = false;
    for (const auto& c : certs_) any_active = any_active || active(c, d);
    if (!any_active) {
        // R3: work after the expiration of every certification it could serve.
        warnings_.push_back(make_warning("AFTER_EXPIRATION", a.id, std::nullopt,
                                         "completed " + format_date(a.completed) +
                                             ", after every certification it could serve had expired: it cannot "
                                             "revive them (R3)"));
        return;
    }
    if (exam_counts(a)) {
        const std::string code = identity_text(a.code);
        long prev = -1;
        if (!code.empty()) {
            auto [it, inserted] = exam_last_by_code_.emplace(code, static_cast<long>(exams_.size()));
            if (!inserted) {
                prev = it->second;
                it->second = static_cast<long>(exams_.size());
            }
        }
        exams_.push_back({index, a.completed, a.exam});
        exam_prev_same_code_.push_back(prev);
    }
    // A2: at most two runs per activity (size × count, then the remainder).
    for (const IncrementRun& run : split_into_increments(e.credits, policy_.increment))
        pool_.push_back(
            {index, index, a.completed, add_years(a.completed, policy_.credit_validity_years), run.size, run.count});
}

void Simulation::record_points(Date d) {
    // Timeline: credits held toward the anchor, for every certification active on `d`.
    for (auto& c : certs_) {
        if (!active(c, d)) continue;
        auto& points = c.timeline.points;
        const TimelinePoint p{d, total_credits(pool_), anchor_id()};
        if (!points.empty() && points.back().on == d && points.back().credits == p.credits) continue;
        points.push_back(p);
    }
}

void Simulation::finish_timeline(CertState& c) const {
    Timeline& t = c.timeline;
    std::set<std::string> owners;
    auto add_thresholds = [&](const CertState& owner) {
        if (!owners.insert(owner.input->id).second) return;
        for (const Path& path : policy_.paths[static_cast<std::size_t>(owner.input->level)]) {
            if (path.credits <= 0) continue;
            Threshold th{path.credits, {}, owner.input->id};
            for (const auto& slot : path.exams) th.exams.push_back(slot.name);
            t.thresholds.push_back(th);
        }
    };
    // The thresholds of the certifications the held credits counted toward (R1): its
    // own only while it was the anchor (or when nothing was held at all).
    bool was_anchor = t.points.empty();
    for (const auto& p : t.points) was_anchor = was_anchor || p.anchor == c.input->id;
    if (was_anchor) add_thresholds(c);
    // Each anchor once, in the order the points name them: O(points + certifications).
    std::map<std::string_view, const CertState*> by_id;
    for (const auto& other : certs_) by_id.emplace(other.input->id, &other);
    const std::string* previous = nullptr;
    for (const auto& p : t.points) {
        if (previous && *previous == p.anchor) continue;
        previous = &p.anchor;
        if (auto it = by_id.find(p.anchor); it != by_id.end()) add_thresholds(*it->second);
    }
    const Date from = t.cycles.front().start;
    for (const auto& e : exams_)
        if (e.on >= from && e.on <= c.expires)
            t.exams.push_back({e.on, to_string(e.kind), plan_.activities[static_cast<std::size_t>(e.activity)].id});
}

bool Simulation::check(Date d) {
    // R2: which paths are met on `d`, using only what was completed by `d`.
    std::vector<Candidate> candidates;
    const std::int64_t held = total_credits(pool_);
    for (const auto& c : certs_) {
        if (!active(c, d) || d < c.cycle_start) continue;
        const bool is_anchor = c.index == anchor_;
        const auto exams = exams_for(c, d);
        const auto& paths = policy_.paths[static_cast<std::size_t>(c.input->level)];
        for (std::size_t p = 0; p < paths.size(); ++p) {
            const Path& path = paths[p];
            if (path.credits > 0 && !is_anchor) continue;  // R1: credits go to the anchor only
            const auto matched = match_exams(path.exams, exams);
            if (!matched) continue;
            Candidate cand{c.index, p, 0, {}, {}};
            if (path.credits > 0) {
                if (held < path.credits) continue;  // too few credits: no need to walk the pool
                const auto applied = apply_increments(pool_, path.credits);
                if (!applied) continue;
                cand.consumed = applied->applied;
                cand.application = *applied;
            }
            for (std::size_t e : *matched) cand.exam_kinds.push_back(to_string(exams[e].kind));
            std::sort(cand.exam_kinds.begin(), cand.exam_kinds.end());
            candidates.push_back(std::move(cand));
        }
    }
    if (candidates.empty()) return false;
    // R4: the highest level wins; R6: fewest credits consumed, fewer exams, listed order.
    const auto level_of = [&](const Candidate& x) { return certs_[static_cast<std::size_t>(x.cert)].input->level; };
    const auto best =
        *std::min_element(candidates.begin(), candidates.end(), [&](const Candidate& x, const Candidate& y) {
            if (level_of(x) != level_of(y)) return level_of(x) > level_of(y);
            if (x.consumed != y.consumed) return x.consumed < y.consumed;
            if (x.exam_kinds.size() != y.exam_kinds.size()) return x.exam_kinds.size() < y.exam_kinds.size();
            if (x.path != y.path) return x.path < y.path;
            if ((x.cert == anchor_) != (y.cert == anchor_)) return x.cert == anchor_;
            return x.cert < y.cert;
        });
    const CertState& winner = certs_[static_cast<std::size_t>(best.cert)];
    const Path& path = policy_.paths[static_cast<std::size_t>(winner.input->level)][best.path];
    // R5 advice: the final activity could move as late as the replaced expiration
    // date, as long as the credits held still valid then meet the path (C2): the latest
    // date is the expiration of the credit whose loss would leave fewer than the path
    // asks (a credit that expires sooner but is not needed does not bound it).
    std::optional<Date> credits_valid_until;
    if (path.credits > 0) {
        std::vector<std::pair<Date, std::int64_t>> held;  // expiration, credits
        held.reserve(pool_.size());
        for (const auto& inc : pool_) held.emplace_back(inc.expires, inc.credits());
        std::sort(held.begin(), held.end(), [](const auto& x, const auto& y) { return y.first < x.first; });
        std::int64_t valid = 0;
        for (const auto& [expires, credits] : held)
            if ((valid += credits) >= path.credits) {
                credits_valid_until = expires;
                break;
            }
    }
    consume_increments(pool_, best.application);  // A2, A4
    if (!path.verified) {
        warnings_.push_back(make_warning("PATH_UNVERIFIED", std::nullopt, winner.input->id,
                                         "this exam-only path is reported by third parties, not stated by Cisco: "
                                         "check Cisco's recertification policy page (L4)"));
    }
    bool anchor_recertified = false;
    const Date new_expires = add_years(d, policy_.cycle_years);
    const Date winner_expires = winner.expires;  // before the loop below moves it
    std::optional<std::string> final_activity;   // the last of the day's activities that earns or is an exam (A1)
    for (int index : day_activities_) {
        const Activity& a = plan_.activities[static_cast<std::size_t>(index)];
        if (earnings_[static_cast<std::size_t>(index)].credits > 0 || a.type == ActivityType::exam)
            final_activity = a.id;
    }
    std::vector<CertState*> recertified;
    for (auto& c : certs_) {
        // R4: the winner and every active certification at its level and below.
        if (!active(c, d) || d < c.cycle_start || c.input->level > winner.input->level) continue;
        Recertification r;
        r.on = d;
        r.path = {path.credits, best.exam_kinds};
        r.new_expires = new_expires;
        r.via = winner.input->id;
        r.days_given_up = days_between(d, c.expires);  // R5
        r.credits_applied = best.consumed;
        // The path must still be met while the certification whose path it is (R3) and this
        // one (R4 cascade) are active, and with every credit used still valid (C2).
        // No advice once the date is past: the final activity cannot move (issue 7 §4).
        if (d > plan_.today) {
            Date latest = std::min(c.expires, winner_expires);
            if (credits_valid_until) latest = std::min(latest, *credits_valid_until);
            // Moved onto or past the next activity that earns or is an exam, the final one would
            // take that one into this recertification (A2: its credits used up here; R7: its exam
            // counted in this cycle), and a later recertification could lose it.
            if (const auto next = next_work()) latest = std::min(latest, add_days(*next, -1));
            r.latest_on_time = latest;
            r.days_given_up_at_latest = days_between(latest, c.expires);
        } else {
            r.days_given_up_at_latest = r.days_given_up;
        }
        r.final_activity = final_activity;
        c.recertifications.push_back(r);
        c.timeline.cycles.back().recertified_on = d;
        c.timeline.cycles.push_back({d, new_expires, std::nullopt});
        c.expires = new_expires;  // R5
        c.cycle_start = d;
        c.exam_from = add_days(d, 1);  // R7
        c.cycle_exams = {};            // a new cycle: no exam so far (all on or before d) counts in it
        c.cycle_exams.scanned = exams_.size();
        anchor_recertified = anchor_recertified || c.index == anchor_;
        recertified.push_back(&c);
    }
    if (!anchor_recertified) return true;  // A3: a lower certification's exam-only path leaves credits untouched
    const std::int64_t left = total_credits(pool_);
    rollover_ = {};
    if (left >= policy_.rollover_minimum) {
        rollover_.credits = left;
        std::map<int, std::int64_t> by_date;
        for (const auto& inc : pool_) by_date[inc.expires.days] += inc.credits();
        for (const auto& [day, credits] : by_date) rollover_.parts.push_back({credits, Date{day}});
        for (auto* c : recertified) c->recertifications.back().rollover = rollover_;
        return true;
    }
    for (auto* c : recertified) c->recertifications.back().rollover = Rollover{};
    std::map<int, std::int64_t> forfeited;  // activity -> credits
    for (const auto& inc : pool_) forfeited[inc.activity] += inc.credits();
    for (const auto& [index, credits] : forfeited) {
        warnings_.push_back(make_warning("ROLLOVER_FORFEITED", plan_.activities[static_cast<std::size_t>(index)].id,
                                         std::nullopt,
                                         std::to_string(credits) + " credit(s) left after the recertification on " +
                                             format_date(d) + ": only " + std::to_string(policy_.rollover_minimum) +
                                             " or more roll over, so " + std::to_string(left) + " are forfeited (A3)"));
    }
    pool_.clear();
    return true;
}

Result Simulation::run() {
    earnings_ = evaluate_earnings(plan_);
    horizon_ = plan_.today;
    std::map<int, std::vector<int>> by_date;  // A1: completion date, then plan order
    for (int index : a1_order(plan_)) {
        const Activity& a = plan_.activities[static_cast<std::size_t>(index)];
        by_date[a.completed.days].push_back(index);
        horizon_ = std::max(horizon_, a.completed);
    }
    for (std::size_t i = 0; i < plan_.certifications.size(); ++i) {
        const Certification& c = plan_.certifications[i];
        CertState s;
        s.input = &c;
        s.index = static_cast<int>(i);
        s.expires = c.expires;
        s.cycle_start = c.cycle_start.value_or(add_years(c.expires, -policy_.cycle_years));
        s.exam_from = s.cycle_start;
        for (const auto& level_paths : policy_.paths)
            for (const Path& path : level_paths) exam_cap_ = std::max(exam_cap_, path.exams.size());
        s.timeline.cycles.push_back({s.cycle_start, s.expires, std::nullopt});
        certs_.push_back(s);
    }
    auto next_activity = by_date.begin();
    while (true) {
        std::optional<Date> next_lapse;
        for (const auto& c : certs_)
            if (!c.lapsed && (!next_lapse || add_days(c.expires, 1) < *next_lapse)) next_lapse = add_days(c.expires, 1);
        if (next_activity == by_date.end() && !next_lapse) break;
        Date d = next_lapse.value_or(Date{next_activity == by_date.end() ? 0 : next_activity->first});
        const bool activity_day = next_activity != by_date.end() && Date{next_activity->first} <= d;
        if (activity_day) d = Date{next_activity->first};
        const int previous_anchor = anchor_;
        lapse_until(d);
        anchor_ = anchor_on(d);
        // R9: when the anchor lapses, the next in line is checked the day after.
        const bool anchor_changed = previous_anchor >= 0 && anchor_ >= 0 && anchor_ != previous_anchor;
        bool checkable = false;
        day_activities_.clear();
        if (activity_day) {
            day_activities_ = next_activity->second;
            for (int index : next_activity->second) {
                const Activity& a = plan_.activities[static_cast<std::size_t>(index)];
                checkable =
                    checkable || a.type == ActivityType::exam || earnings_[static_cast<std::size_t>(index)].credits > 0;
                add_activity(index, d);
            }
            ++next_activity;
        }
        drop_expired(d);
        later_days_ = next_activity;
        days_end_ = by_date.end();
        if (checkable || anchor_changed) {
            record_points(d);
            const bool recertified = check(d);
            anchor_ = anchor_on(d);
            if (recertified) record_points(d);
        }
    }
    for (const auto& inc : pool_) warn_expired(inc);

    Result result;
    result.today = plan_.today;
    result.horizon = horizon_;
    // The anchor as the plan starts (R1), from the expiration dates given.
    int anchor_today = -1;
    for (std::size_t i = 0; i < plan_.certifications.size(); ++i) {
        const auto& c = plan_.certifications[i];
        if (c.retired || c.expires < plan_.today) continue;
        if (anchor_today < 0) {
            anchor_today = static_cast<int>(i);
            continue;
        }
        const auto& b = plan_.certifications[static_cast<std::size_t>(anchor_today)];
        if (c.level > b.level || (c.level == b.level && c.expires < b.expires)) anchor_today = static_cast<int>(i);
    }
    for (auto& s : certs_) {
        CertificationResult r;
        r.id = s.input->id;
        r.name = s.input->name;
        r.level = s.input->level;
        r.expires = s.expires;
        r.original_expires = s.input->expires;
        r.is_anchor = s.index == anchor_today;
        r.recertifications = s.recertifications;
        finish_timeline(s);
        r.timeline = s.timeline;
        if (s.input->retired) {
            r.status = "retired";
            warnings_.push_back(make_warning("RETIRED_NO_RECERT", std::nullopt, s.input->id,
                                             "a retired certification cannot be recertified; it stays active through " +
                                                 format_date(s.input->expires) + ", then lapses (L6)"));
        } else if (s.lapse_date && *s.lapse_date <= plan_.today) {
            r.status = "expired";
        } else if (!s.recertifications.empty() && s.expires >= horizon_) {
            r.status = "recertified";
        } else {
            r.status = "will_expire";
            r.missing = s.missing;
        }
        result.certifications.push_back(std::move(r));
    }
    std::vector<Warning> all;
    for (std::size_t i = 0; i < plan_.activities.size(); ++i) {
        const auto& e = earnings_[i];
        const Activity& a = plan_.activities[i];
        std::optional<Date> claim_by;  // C1: the last day to claim what earns and is not claimed yet
        if (e.credits > 0 && (a.status == Status::planned || a.status == Status::completed))
            claim_by = add_days(a.completed, policy_.claim_window_days);
        result.activities.push_back({a.id, e.credits, e.nominal, claim_by});
        all.insert(all.end(), e.warnings.begin(), e.warnings.end());
    }
    all.insert(all.end(), warnings_.begin(), warnings_.end());
    result.warnings = std::move(all);
    result.rollover = rollover_;
    return result;
}

}  // namespace

Result evaluate(const Plan& plan) {
    return Simulation(plan).run();
}

}  // namespace ceplan
