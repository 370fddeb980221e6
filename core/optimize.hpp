#pragma once
// "Plan for me" (../shared/spec/optimize.md): which options to take, and on
// which dates, so that every certification that can be saved recertifies before
// it expires, at the lowest cost, giving up the fewest days of validity.
// Pure: plain structs in, plain structs out; every candidate is judged by the
// engine's evaluate() (engine.hpp). No JSON here (optimize_json.hpp reads and writes it).
#include <cstdint>
#include <string>
#include <vector>

#include "core/model.hpp"

namespace ceplan {

/// One thing the holder could take. `activity` is a planned activity whose id is
/// the option's id (its `completed` date is chosen by the optimizer); `money` and
/// `hours` are whole numbers >= 0; [`earliest`, `latest`] is the window of
/// completion dates it can be taken in (D1, inclusive). An empty window
/// (earliest > latest) means the option cannot be taken.
struct Option {
    Activity activity;
    std::int64_t money = 0;
    std::int64_t hours = 0;
    Date earliest;
    Date latest;
};

/// Search limits. The subset search stops and returns the best plan found
/// (`exact` false) after `max_evaluations` calls of evaluate(), or once the
/// activities evaluated (summed over those calls) reach `max_activity_evaluations`,
/// whichever comes first, so that a plan of thousands of activities stays bounded.
/// The explanation afterwards gets the same budget again; options it cannot
/// examine within it are left out as `unexplained`.
struct OptimizeLimits {
    std::int64_t max_evaluations = 5000;
    std::int64_t max_activity_evaluations = 200000;
};

/// One chosen option (index into the options) and its completion date.
struct Chosen {
    std::size_t option = 0;
    Date completed;
};

/// A certification no choice saves, and why (R3, L6, or what it still needs).
struct Unsavable {
    std::string certification;
    std::string reason;
};

/// Why a chosen option is there: the recertifications whose path it completes
/// (its completion met the path), the credits it earns, and the certifications
/// that would not be saved without it.
struct ChosenWhy {
    std::size_t option = 0;
    int credits = 0;
    std::vector<std::string> completes;  // certification ids whose recertification it completes (final_activity)
    std::vector<std::string> needed_for;  // certification ids not saved without it
    std::string message;
};

/// Why an option was left out. `kind`: `window_closed` (its window ends before
/// tomorrow), `earns_nothing` (a rule makes it worthless: `rule`/`codes` name it,
/// e.g. E2 NOT_ELIGIBLE_LITE, E3 REPEAT_MINOR_VERSION, R3 AFTER_EXPIRATION),
/// `only_unsavable` (it only helps certifications that cannot be saved),
/// `not_needed` (the chosen options already save what it would save, for less;
/// `alone_saves` says whether it alone would have saved them), or `adds_nothing`
/// (with it the same certifications are saved at no lower cost), or `unexplained`
/// (the explanation's evaluation budget ran out before this option, OptimizeLimits).
struct LeftOut {
    std::size_t option = 0;
    std::string kind;
    std::string rule;
    std::vector<std::string> codes;
    std::vector<std::string> helps;  // certification ids whose missing requirement it would shrink
    bool alone_saves = false;
    std::string message;
};

/// The optimizer's answer. `chosen` in option order; `plan` is the input plan
/// with the chosen options added as planned activities on their dates; `result`
/// is evaluate(plan). `saved`: certifications that end `recertified`;
/// `days_given_up`: the sum of days_given_up over every recertification (R5);
/// `rollover`: credits rolled over (A3). `candidates`: option sets judged;
/// `evaluations`: calls of evaluate() by the search (at most max_evaluations);
/// `explain_evaluations`: those after it (the plan as it is when the search stopped
/// early, the answer's result, the explanation within a budget of its own); `exact`: the search finished (not stopped by the limit).
struct Optimized {
    std::vector<Chosen> chosen;
    std::int64_t money = 0;
    std::int64_t hours = 0;
    int saved = 0;
    int days_given_up = 0;
    int rollover = 0;
    Plan plan;
    Result result;
    std::vector<Unsavable> unsavable;
    std::vector<ChosenWhy> why_chosen;
    std::vector<LeftOut> left_out;
    std::int64_t candidates = 0;
    std::int64_t evaluations = 0;
    std::int64_t explain_evaluations = 0;
    bool exact = true;
};

/// Finds the best options for `plan` (a validated plan; its activities are kept
/// as they are) in optimize.md's order: most certifications saved; least money;
/// least hours; fewest days given up (R5); most credits rolled over (A3); fewer
/// options; then options earlier in the list.
///
/// Subsets: exact branch and bound (options decided most expensive first; a
/// branch is cut when even all its remaining options cannot recertify as many
/// certifications as the best found, or when it already costs more).
/// Dates, for each set: every option on one common date D (clamped into its
/// window) for each D among the dates where the rules change (certification
/// expiration dates R3/R4, the last valid day of held credits C2, window ends),
/// keeping the best; then each option is moved to the latest of those dates that
/// keeps the answer as good. Throws nothing for a plan that passed validation.
Optimized optimize(const Plan& plan, const std::vector<Option>& options, const OptimizeLimits& limits = {});

}  // namespace ceplan
