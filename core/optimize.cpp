#include "core/optimize.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <utility>

#include "core/earning.hpp"
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
    bool settled = false;  // its dates moved to the latest as good (Judge::later_dates)
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

/// The course identity a training is compared by for repeats (E3–E5), as earning.cpp reads it.
std::string identity_of(const Activity& a) {
    return a.type == ActivityType::training ? course_identity(a.course.empty() ? a.title : a.course) : "";
}

/// Whether option `a` can replace option `b` in any answer at no loss: the same effect on the
/// rules (an exam of the same kind, L3; or a training of the same credits and flags whose
/// course no other activity or option shares, so that no repeat rule E3–E5 links it to
/// anything), a window containing b's (so it can take b's date), and a cost no higher. When
/// both are equal in everything, the one listed first dominates (optimize.md order 5).
bool dominates(const Judge& judge, std::size_t a, std::size_t b, const std::map<std::string, int>& identities) {
    const Option& x = judge.options()[a];
    const Option& y = judge.options()[b];
    const Activity& p = x.activity;
    const Activity& q = y.activity;
    if (p.type != q.type || p.enabled != q.enabled) return false;
    if (p.type == ActivityType::exam) {
        if (p.exam != q.exam) return false;
    } else if (p.type == ActivityType::training) {
        const std::string ip = identity_of(p), iq = identity_of(q);
        if (ip.empty() || iq.empty() || identities.at(ip) != 1 || identities.at(iq) != 1) return false;
        if (p.credits != q.credits || p.lite != q.lite || p.alpha != q.alpha || p.in_catalog != q.in_catalog)
            return false;
    } else {
        return false;  // Cisco Live and item authoring: their value depends on more than a number
    }
    if (judge.earliest(a) > judge.earliest(b) || judge.latest(a) < judge.latest(b)) return false;
    if (x.money > y.money || x.hours > y.hours) return false;
    const bool same = judge.earliest(a) == judge.earliest(b) && judge.latest(a) == judge.latest(b) &&
                      x.money == y.money && x.hours == y.hours;
    return !same || a < b;
}

/// Exact branch and bound over option sets.
class Search {
public:
    Search(const Plan& plan, const std::vector<Option>& options, const OptimizeLimits& limits)
        : judge_(plan, options, limits), options_(options) {}

    Optimized run();

private:
    Judge judge_;
    const std::vector<Option>& options_;
    std::vector<std::size_t> order_;  // usable options, most expensive first
    std::vector<Mask> rest_;          // rest_[k]: the options at order_[k..]
    std::vector<Mask> dominated_by_;     // options that can replace it at no loss (dominates())
    std::vector<Mask> dominating_;       // options it can replace at no loss
    std::map<Mask, int> reach_;       // option set -> best reach over common dates
    std::optional<Candidate> best_;
    // The best of every placement scored, whatever the branch (optimize.md: a search that stops
    // early still returns the best plan found). It only grows with the budget: the search is
    // deterministic, so a larger limit scores the same placements first, then more.
    std::optional<Candidate> found_;
    std::set<Mask> judged_;    // option sets judged (searched.candidates)
    int bound_ = 0;            // most certifications any set can recertify (active, not retired)
    std::size_t linked_ = 0;   // order_[0..linked_) are the linked options, decided first

    void offer(const Candidate& c);
    Candidate candidate(Mask set, const Dated& dated) const;
    std::optional<int> reach(Mask set);
    bool linked(std::size_t option) const;
    void leaf(Mask set);
    void branch(std::size_t k, Mask set, std::int64_t money, std::int64_t hours);
    bool costs_more(std::int64_t money, std::int64_t hours) const {
        return best_ && (money != best_->money ? money > best_->money : hours > best_->hours);
    }
};

Candidate Search::candidate(Mask set, const Dated& dated) const {
    Candidate c{set, 0, 0, dated.placement, dated.score};
    for (std::size_t i : indices_of(set)) {
        c.money += options_[i].money;
        c.hours += options_[i].hours;
    }
    return c;
}

void Search::offer(const Candidate& c) {
    // On a tie with the same set, its dates moved later win (the README's latest safe dates).
    if (!found_ || better(c, *found_) ||
        (c.set == found_->set && c.settled && !found_->settled && !better(*found_, c)))
        found_ = c;
}

std::optional<int> Search::reach(Mask set) {
    // The most certifications the set recertifies with all its options on one
    // common date: the bound that cuts a branch (adding an option never takes a
    // path away: it only adds credits or exams).
    if (auto it = reach_.find(set); it != reach_.end()) return it->second;
    const auto found = judge_.common_dates(indices_of(set), bound_, true);
    if (!found) return std::nullopt;
    judged_.insert(set);
    offer(candidate(set, *found));  // a plan found, even when the bound is all it was judged for
    if (!found->complete) return std::nullopt;
    reach_[set] = found->best_reach;
    return found->best_reach;
}

/// Whether an option is linked to another activity by a repeat rule, so that adding it could
/// make another earn nothing: a training sharing its course identity (E3–E5), or a Cisco Live
/// sharing its event (E6), with another option or with a planned activity after today
/// (activities on or before today come first in A1 order: those only make the option worthless).
bool Search::linked(std::size_t option) const {
    const Activity& a = options_[option].activity;
    using Key = std::pair<char, std::string>;
    auto key = [](const Activity& x) -> std::optional<Key> {
        if (x.type == ActivityType::training) return Key{'T', identity_of(x)};
        if (x.type == ActivityType::cisco_live) {
            std::string e;
            for (char c : x.event)
                if (c != ' ' && c != '\t') e += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            return Key{'L', e};
        }
        return std::nullopt;
    };
    const auto mine = key(a);
    if (!mine) return false;
    for (std::size_t i = 0; i < options_.size(); ++i)
        if (i != option && key(options_[i].activity) == mine) return true;
    for (const auto& b : judge_.plan().activities)
        if (b.completed > judge_.plan().today && key(b) == mine) return true;
    return false;
}

void Search::leaf(Mask set) {
    auto found = judge_.common_dates(indices_of(set), -1, true);
    if (!found) return;
    judged_.insert(set);
    Candidate c = candidate(set, *found);
    offer(c);
    // Only a set that could still win is worth moving its dates later.
    if (best_ && c.score.saved < best_->score.saved) return;
    if (best_ && c.score.saved == best_->score.saved && costs_more(c.money, c.hours)) return;
    if (auto later = judge_.later_dates(c.placement, c.score, true)) {
        c.placement = later->placement;
        c.score = later->score;
    }
    c.settled = true;
    offer(c);
    if (!best_ || better(c, *best_)) best_ = c;
}

void Search::branch(std::size_t k, Mask set, std::int64_t money, std::int64_t hours) {
    if (judge_.stopped()) return;
    const bool over = costs_more(money, hours);
    if (over && best_->score.saved >= bound_) return;  // cannot save more, already costs more
    // The bound needs every linked option decided: an undecided one could block another (E3–E6).
    const auto r = k < linked_ ? std::optional<int>(bound_) : reach(set | rest_[k]);
    if (!r) return;
    if (best_ && *r < best_->score.saved) return;  // even every remaining option saves fewer
    if (over && *r <= best_->score.saved) return;
    if (k == order_.size()) {
        leaf(set);
        return;
    }
    const std::size_t o = order_[k];
    // Dominance: an answer holding an option holds every option that can replace it at no loss
    // (else the swap would be as good and listed first), so only such sets are searched.
    const Mask decided = rest_[0] & ~rest_[k];
    if (!(dominating_[o] & decided & set)) branch(k + 1, set, money, hours);
    if (!(dominated_by_[o] & decided & ~set))
        branch(k + 1, set | bit(o), money + options_[o].money, hours + options_[o].hours);
}

Optimized Search::run() {
    for (std::size_t i = 0; i < options_.size() && i < 64; ++i)
        if (judge_.usable(i)) order_.push_back(i);
    // Linked options first (see linked()), then the most expensive first.
    std::vector<bool> is_linked(options_.size(), false);
    for (std::size_t i : order_) is_linked[i] = linked(i);
    std::stable_sort(order_.begin(), order_.end(), [&](std::size_t a, std::size_t b) {
        if (is_linked[a] != is_linked[b]) return static_cast<bool>(is_linked[a]);
        if (options_[a].money != options_[b].money) return options_[a].money > options_[b].money;
        return options_[a].hours > options_[b].hours;
    });
    for (std::size_t i : order_) linked_ += is_linked[i] ? 1 : 0;
    rest_.assign(order_.size() + 1, 0);
    for (std::size_t k = order_.size(); k-- > 0;) rest_[k] = rest_[k + 1] | bit(order_[k]);
    std::map<std::string, int> identities;
    for (const auto& a : judge_.plan().activities) ++identities[identity_of(a)];
    for (const auto& o : options_) ++identities[identity_of(o.activity)];
    dominated_by_.assign(options_.size(), 0);
    dominating_.assign(options_.size(), 0);
    for (std::size_t a : order_)
        for (std::size_t b : order_)
            if (a != b && dominates(judge_, a, b, identities)) {
                dominated_by_[b] |= bit(a);
                dominating_[a] |= bit(b);
            }
    const bool searched_all = options_.size() <= 64;

    // Saved <= recertified <= the certifications active today and not retired (R3, L6).
    for (const auto& c : judge_.plan().certifications)
        if (!c.retired && c.expires >= judge_.plan().today) ++bound_;
    auto all = judge_.common_dates(indices_of(rest_[0]), -1, true);
    if (all) {
        judged_.insert(rest_[0]);
        offer(candidate(rest_[0], *all));
    }
    if (all && all->complete) {
        // A first answer to cut with: drop options, most expensive first, while the rest
        // still recertifies as many certifications as all of them.
        const int target = all->best_reach;
        Mask set = rest_[0];
        for (std::size_t o : order_) {
            const auto r = reach(set & ~bit(o));
            if (!r) break;
            if (*r >= target) set &= ~bit(o);
        }
        leaf(set);
        branch(0, 0, 0, 0);
    }
    const std::int64_t searched = judge_.evaluations();  // within max_evaluations: score() refuses past it
    if (judge_.stopped() || !found_) {
        // Stopped early: the plan as it is competes too (it costs nothing), judged after the search.
        Candidate none;
        none.score = judge_.score_of(judge_.result_of({}));
        none.settled = true;
        offer(none);
    }
    // The answer: the best plan found, by whichever branch (the same as best_ when the search ends).
    const Candidate answer = found_.value_or(Candidate{});

    Optimized out;
    for (const auto& [option, date] : answer.placement) out.chosen.push_back({option, date});
    out.money = answer.money;
    out.hours = answer.hours;
    out.saved = answer.score.saved;
    out.days_given_up = answer.score.days;
    out.rollover = answer.score.rollover;
    out.exact = !judge_.stopped() && searched_all;
    out.plan = judge_.plan_with(answer.placement);
    out.result = judge_.result_of(answer.placement);
    out.candidates = static_cast<std::int64_t>(judged_.size());
    explain(judge_, out);
    out.evaluations = searched;
    out.explain_evaluations = judge_.evaluations() - searched;
    return out;
}

}  // namespace

Optimized optimize(const Plan& plan, const std::vector<Option>& options, const OptimizeLimits& limits) {
    return Search(plan, options, limits).run();
}

}  // namespace ceplan
