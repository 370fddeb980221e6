#include "core/optimize_judge.hpp"

#include <algorithm>

#include "core/engine.hpp"

namespace ceplan {

bool better_dates(const Score& a, const Score& b) {
    if (a.saved != b.saved) return a.saved > b.saved;
    if (a.days != b.days) return a.days < b.days;
    return a.rollover > b.rollover;
}

Judge::Judge(const Plan& plan, const std::vector<Option>& options, const OptimizeLimits& limits)
    : plan_(plan),
      options_(options),
      limits_(limits),
      max_evaluations_(limits.max_evaluations),
      max_work_(limits.max_activity_evaluations),
      work_(plan) {
    const Date tomorrow = add_days(plan.today, 1);
    for (const auto& c : plan.certifications)
        if (!c.retired && c.expires >= tomorrow) rule_dates_.push_back(c.expires);  // R3, R4
    for (const auto& a : plan.activities) {
        // C2: the last day held credits can be applied.
        if (!a.enabled || a.type == ActivityType::exam || a.status == Status::applied || a.status == Status::rejected)
            continue;
        const Date last = add_years(a.completed, plan.policy.credit_validity_years);
        if (last >= tomorrow) rule_dates_.push_back(last);
    }
}

Date Judge::earliest(std::size_t option) const {
    return std::max(options_[option].earliest, add_days(plan_.today, 1));
}

Plan Judge::plan_with(const Placement& placement) const {
    Plan p = plan_;
    for (const auto& [option, date] : placement) {
        Activity a = options_[option].activity;
        a.completed = date;
        a.status = Status::planned;
        p.activities.push_back(std::move(a));
    }
    return p;
}

Result Judge::run(const Placement& placement) {
    work_.activities.resize(plan_.activities.size());
    for (const auto& [option, date] : placement) {
        work_.activities.push_back(options_[option].activity);
        work_.activities.back().completed = date;
        work_.activities.back().status = Status::planned;
    }
    ++evaluations_;
    work_done_ += static_cast<std::int64_t>(work_.activities.size()) + 1;
    return evaluate(work_);
}

Result Judge::result_of(const Placement& placement) {
    return run(placement);
}

Score Judge::score_of(const Result& result) const {
    Score s;
    for (const auto& c : result.certifications) {
        if (c.status == "recertified") ++s.saved;
        if (!c.recertifications.empty()) ++s.reach;
        for (const auto& r : c.recertifications) s.days += r.days_given_up;
    }
    s.rollover = result.rollover.credits;
    return s;
}

std::optional<Score> Judge::score(const Placement& placement) {
    std::vector<std::int64_t> key;
    key.reserve(placement.size());
    for (const auto& [option, date] : placement)
        key.push_back((static_cast<std::int64_t>(option) << 32) | static_cast<std::uint32_t>(date.days));
    if (auto it = cache_.find(key); it != cache_.end()) return it->second;
    if (stopped_ || exhausted()) {
        stopped_ = true;
        return std::nullopt;
    }
    const Score s = score_of(run(placement));
    cache_.emplace(std::move(key), s);
    return s;
}

std::vector<Date> Judge::dates_for(const std::vector<std::size_t>& set) const {
    if (set.empty()) return {};
    Date lo = earliest(set.front()), hi = latest(set.front());
    std::vector<Date> dates = rule_dates_;
    for (std::size_t o : set) {
        lo = std::min(lo, earliest(o));
        hi = std::max(hi, latest(o));
        dates.push_back(earliest(o));
        dates.push_back(latest(o));
    }
    std::erase_if(dates, [&](Date d) { return d < lo || d > hi; });
    std::sort(dates.begin(), dates.end(), [](Date a, Date b) { return a > b; });
    dates.erase(std::unique(dates.begin(), dates.end()), dates.end());
    return dates;
}

std::optional<Dated> Judge::common_dates(const std::vector<std::size_t>& set, int reach_target, bool partial_ok) {
    std::optional<Dated> best;
    int best_reach = 0;
    Placement previous;
    bool first = true;
    const auto dates = dates_for(set);
    auto consider = [&](Placement p) -> bool {
        if (!first && p == previous) return true;
        first = false;
        previous = p;
        const auto s = score(p);
        if (!s) return false;
        best_reach = std::max(best_reach, s->reach);
        if (!best || better_dates(*s, best->score)) best = Dated{std::move(p), *s, 0};
        return true;
    };
    // Stopped: the best placement scored so far, when the caller takes a partial answer.
    auto stop = [&]() -> std::optional<Dated> {
        if (!partial_ok || !best) return std::nullopt;
        best->best_reach = best_reach;
        best->complete = false;
        return best;
    };
    if (set.empty()) {
        if (!consider({})) return stop();
    }
    for (Date d : dates) {
        Placement p;
        for (std::size_t o : set) p.push_back({o, std::clamp(d, earliest(o), latest(o))});
        if (!consider(std::move(p))) return stop();
        if (reach_target >= 0 && best_reach >= reach_target) break;
    }
    best->best_reach = best_reach;
    return best;
}

std::optional<Dated> Judge::later_dates(const Placement& placement, const Score& score_now, bool partial_ok) {
    Dated current{placement, score_now, score_now.reach};
    std::vector<std::size_t> set;
    for (const auto& entry : placement) set.push_back(entry.first);
    const auto dates = dates_for(set);
    for (int pass = 0; pass < 2; ++pass) {
        bool moved = false;
        // The latest-dated options first: moving them later cannot make the others' dates earlier.
        std::vector<std::size_t> positions(current.placement.size());
        for (std::size_t j = 0; j < positions.size(); ++j) positions[j] = j;
        std::stable_sort(positions.begin(), positions.end(), [&](std::size_t a, std::size_t b) {
            return current.placement[a].second > current.placement[b].second;
        });
        for (std::size_t j : positions) {
            const std::size_t o = current.placement[j].first;
            for (Date d : dates) {
                if (d <= current.placement[j].second) break;  // descending: nothing later left
                if (d > latest(o) || d < earliest(o)) continue;
                Placement trial = current.placement;
                trial[j].second = d;
                const auto s = score(trial);
                if (!s) {
                    if (!partial_ok) return std::nullopt;
                    current.complete = false;
                    return current;
                }
                if (!better_dates(current.score, *s)) {  // as good or better, and later
                    current = Dated{std::move(trial), *s, std::max(current.best_reach, s->reach)};
                    moved = true;
                    break;
                }
            }
        }
        if (!moved) break;
    }
    return current;
}

}  // namespace ceplan
