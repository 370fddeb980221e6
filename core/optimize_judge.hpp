#pragma once
// The optimizer's judge: puts options on dates, asks the engine's evaluate()
// about them (cached, counted, bounded) and chooses dates for one option set.
// Internal to the optimizer (optimize.cpp, optimize_explain.cpp).
#include <cstdint>
#include <map>
#include <optional>
#include <utility>
#include <vector>

#include "core/model.hpp"
#include "core/optimize.hpp"

namespace ceplan {

/// Options on dates: (option index, completion date), in option order.
using Placement = std::vector<std::pair<std::size_t, Date>>;

/// What a placement achieves. `saved`: certifications that end `recertified`;
/// `reach`: certifications recertified at least once (whatever the horizon);
/// `days`: days of validity given up, summed over every recertification (R5);
/// `rollover`: credits rolled over (A3).
struct Score {
    int saved = 0;
    int reach = 0;
    int days = 0;
    int rollover = 0;
};

/// Dates chosen for one option set, their score, and the most certifications
/// recertified by any of the placements tried (`best_reach`).
struct Dated {
    Placement placement;
    Score score;
    int best_reach = 0;
    bool complete = true;  // false: the budget ran out before every date was tried (partial_ok)
};

/// For dates of one set: more saved, then fewer days given up, then more rollover.
bool better_dates(const Score& a, const Score& b);

class Judge {
public:
    /// `plan`: validated, without the options; `options`: as given to optimize().
    Judge(const Plan& plan, const std::vector<Option>& options, const OptimizeLimits& limits);

    const Plan& plan() const { return plan_; }
    const std::vector<Option>& options() const { return options_; }
    /// The window an option can be taken in: [max(earliest, today + 1), latest].
    Date earliest(std::size_t option) const;
    Date latest(std::size_t option) const { return options_[option].latest; }
    /// Whether the option's window holds at least one day after today.
    bool usable(std::size_t option) const { return earliest(option) <= latest(option); }

    /// The score of a placement (cached). Counts against the limit; nullopt once
    /// the limit is reached (and from then on `stopped()` is true).
    std::optional<Score> score(const Placement& placement);
    /// evaluate() of the plan with the placement (counted, never refused).
    Result result_of(const Placement& placement);
    Score score_of(const Result& result) const;
    /// The plan with the placed options added as planned activities, in option order.
    Plan plan_with(const Placement& placement) const;

    /// Every option of `set` on one common date D, clamped into its window, for
    /// each D among the dates where the rules change (descending); the best by
    /// better_dates, the latest D on a tie. Stops early once a placement
    /// recertifies `reach_target` certifications (-1: never). nullopt when stopped, unless
    /// `partial_ok` and a placement was scored: then the best so far, `complete` false.
    std::optional<Dated> common_dates(const std::vector<std::size_t>& set, int reach_target, bool partial_ok = false);
    /// Moves each option of `placement` to the latest of those dates (in its
    /// window) that keeps the score as good; nullopt when stopped, unless `partial_ok`: then
    /// the dates moved so far.
    std::optional<Dated> later_dates(const Placement& placement, const Score& score, bool partial_ok = false);

    bool stopped() const { return stopped_; }
    /// A new budget, as large as the first, from here on (the explanation after the search).
    void renew_limit() {
        stopped_ = false;
        max_evaluations_ = evaluations_ + limits_.max_evaluations;
        max_work_ = work_done_ + limits_.max_activity_evaluations;
    }
    /// Whether the budget is spent (score() would refuse).
    bool exhausted() const { return evaluations_ >= max_evaluations_ || work_done_ >= max_work_; }
    std::int64_t evaluations() const { return evaluations_; }

private:
    const Plan& plan_;
    const std::vector<Option>& options_;
    OptimizeLimits limits_;
    std::int64_t max_evaluations_;
    std::int64_t max_work_;
    std::int64_t evaluations_ = 0;
    std::int64_t work_done_ = 0;  // activities evaluated, summed over the calls
    bool stopped_ = false;
    Plan work_;
    std::vector<Date> rule_dates_;  // certification expirations (R3, R4), last valid days of held credits (C2)
    std::map<std::vector<std::int64_t>, Score> cache_;

    std::vector<Date> dates_for(const std::vector<std::size_t>& set) const;
    Result run(const Placement& placement);
};

/// Fills `answer.why_chosen`, `answer.left_out` and `answer.unsavable` for the
/// chosen placement (optimize_explain.cpp).
void explain(Judge& judge, Optimized& answer);

}  // namespace ceplan
