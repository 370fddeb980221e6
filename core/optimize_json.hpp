#pragma once
// The optimizer's JSON adapter (../shared/spec/optimize.md): a plan with
// `options` in; a `ceplan-optimized` document (or a `ceplan-error` document
// with pointers into `options`) out. The only place that knows the optimizer's
// field names. Uses json_adapter.hpp's public functions for the plan itself.
#include <string_view>

#include "core/date.hpp"
#include "core/json_adapter.hpp"

namespace ceplan {

/// Most options one plan may list (the search represents a set as 64 bits).
inline constexpr int max_options = 64;

/// Plan text with `options` (and optionally `"optimize": {"max_evaluations": N}`)
/// in; the compact `ceplan-optimized` document out (`ok` true), or a
/// `ceplan-error` document listing every problem with its JSON pointer
/// (`/options/2/cost/money`, `/options/0/activity/credits`). The answer's
/// `result` is byte-identical to evaluate_json(its `plan`). `fallback_today`
/// is used when the plan has no `today`. Never throws.
Outcome optimize_json(std::string_view plan_text, Date fallback_today);

/// Same, with today's local date as the fallback.
Outcome optimize_json(std::string_view plan_text);

}  // namespace ceplan
