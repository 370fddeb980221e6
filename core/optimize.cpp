#include "core/optimize.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <utility>

#include "core/engine.hpp"
#include "core/optimize_judge.hpp"

namespace ceplan {
namespace {

/// A set of options, as a bit mask over option indices (at most 64 options are searched).
using Mask = std::uint64_t;

Mask bit(std::size_t i) {
    return Mask{1} << i;
}

/// A leaf of the search: one option set with its dates and score.
struct Candidate {
    Mask set = 0;
    std::int64_t money = 0;
    std::int64_t hours = 0;
    Placement placement;
    Score score;
};

std::vector<std::size_t> indices_of(Mask set) {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < 64; ++i)
        if (set & bit(i)) out.push_back(i);
    return out;
}

/// optimize.md "What best means": saved desc, money, hours, days given up (R5),
/// rollover desc (A3), fewer options, then options earlier in the list.
bool better(const Candidate& a, const Candidate& b) {
    if (a.score.saved != b.score.saved) return a.score.saved > b.score.saved;
    if (a.money != b.money) return a.money < b.money;
    if (a.hours != b.hours) return a.hours < b.hours;
    if (a.score.days != b.score.days) return a.score.days < b.score.days;
    if (a.score.rollover != b.score.rollover) return a.score.rollover > b.score.rollover;
    const auto ia = indices_of(a.set), ib = indices_of(b.set);
    if (ia.size() != ib.size()) return ia.size() < ib.size();
    return ia < ib;
}

/// Exact branch and bound over option sets.
class Search {
public:
    Search(const Plan& plan, const std::vector<Option>& options, const OptimizeLimits& limits)
        : judge_(plan, options, limits.max_evaluations), options_(options) {}

    Optimized run();

private:
    Judge judge_;
    const std::vector<Option>& options_;
    std::vector<std::size_t> order_;  // usable options, most expensive first
    std::vector<Mask> rest_;          // rest_[k]: the options at order_[k..]
    std::map<Mask, int> reach_;       // option set -> best reach over common dates
    std::optional<Candidate> best_;
    int bound_ = 0;  // most certifications any set recertifies (all usable options)
    std::int64_t candidates_ = 0;

    std::optional<int> reach(Mask set);
    void leaf(Mask set);
    void branch(std::size_t k, Mask set, std::int64_t money, std::int64_t hours);
    bool costs_more(std::int64_t money, std::int64_t hours) const {
        return best_ && (money != best_->money ? money > best_->money : hours > best_->hours);
    }
};

std::optional<int> Search::reach(Mask set) {
    // The most certifications the set recertifies with all its options on one
    // common date: the bound that cuts a branch (adding an option never takes a
    // path away: it only adds credits or exams).
    if (auto it = reach_.find(set); it != reach_.end()) return it->second;
    const auto found = judge_.common_dates(indices_of(set), bound_);
    if (!found) return std::nullopt;
    reach_[set] = found->best_reach;
    return found->best_reach;
}

void Search::leaf(Mask set) {
    std::int64_t money = 0, hours = 0;
    for (std::size_t i : indices_of(set)) {
        money += options_[i].money;
        hours += options_[i].hours;
    }
    auto found = judge_.common_dates(indices_of(set), -1);
    if (!found) return;
    ++candidates_;
    Candidate c{set, money, hours, found->placement, found->score};
    // Only a set that could still win is worth moving its dates later.
    if (best_ && c.score.saved < best_->score.saved) return;
    if (best_ && c.score.saved == best_->score.saved && costs_more(money, hours)) return;
    if (auto later = judge_.later_dates(c.placement, c.score)) {
        c.placement = later->placement;
        c.score = later->score;
    }
    if (!best_ || better(c, *best_)) best_ = c;
}

void Search::branch(std::size_t k, Mask set, std::int64_t money, std::int64_t hours) {
    if (judge_.stopped()) return;
    const bool over = costs_more(money, hours);
    if (over && best_->score.saved >= bound_) return;  // cannot save more, already costs more
    const auto r = reach(set | rest_[k]);
    if (!r) return;
    if (best_ && *r < best_->score.saved) return;  // even every remaining option saves fewer
    if (over && *r <= best_->score.saved) return;
    if (k == order_.size()) {
        leaf(set);
        return;
    }
    const std::size_t o = order_[k];
    branch(k + 1, set, money, hours);
    branch(k + 1, set | bit(o), money + options_[o].money, hours + options_[o].hours);
}

Optimized Search::run() {
    for (std::size_t i = 0; i < options_.size() && i < 64; ++i)
        if (judge_.usable(i)) order_.push_back(i);
    std::stable_sort(order_.begin(), order_.end(), [&](std::size_t a, std::size_t b) {
        if (options_[a].money != options_[b].money) return options_[a].money > options_[b].money;
        return options_[a].hours > options_[b].hours;
    });
    rest_.assign(order_.size() + 1, 0);
    for (std::size_t k = order_.size(); k-- > 0;) rest_[k] = rest_[k + 1] | bit(order_[k]);
    const bool searched_all = options_.size() <= 64;

    bound_ = static_cast<int>(judge_.plan().certifications.size());
    if (auto all = judge_.common_dates(indices_of(rest_[0]), -1)) {
        bound_ = all->best_reach;
        reach_[rest_[0]] = bound_;
        // A first answer to cut with: drop options, most expensive first, while
        // the rest still recertifies as many certifications.
        Mask set = rest_[0];
        for (std::size_t o : order_) {
            const auto r = reach(set & ~bit(o));
            if (!r) break;
            if (*r >= bound_) set &= ~bit(o);
        }
        leaf(set);
        branch(0, 0, 0, 0);
    }
    if (!best_) {
        // Stopped before anything was judged: the plan as it is.
        best_ = Candidate{};
        best_->score = judge_.score_of(judge_.result_of({}));
    }

    Optimized out;
    for (const auto& [option, date] : best_->placement) out.chosen.push_back({option, date});
    out.money = best_->money;
    out.hours = best_->hours;
    out.saved = best_->score.saved;
    out.days_given_up = best_->score.days;
    out.rollover = best_->score.rollover;
    out.exact = !judge_.stopped() && searched_all;
    out.plan = judge_.plan_with(best_->placement);
    out.result = judge_.result_of(best_->placement);
    out.candidates = candidates_;
    explain(judge_, out);
    out.evaluations = judge_.evaluations();
    return out;
}

}  // namespace

Optimized optimize(const Plan& plan, const std::vector<Option>& options, const OptimizeLimits& limits) {
    return Search(plan, options, limits).run();
}

}  // namespace ceplan
