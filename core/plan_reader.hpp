#pragma once
// Reading a plan document (plan-format.md) into the model: the text parsed
// once, every field checked, every problem listed with its JSON pointer.
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/model.hpp"
#include "core/result_writer.hpp"

namespace ceplan {

/// The outcome of reading a plan: the plan, or every problem found.
/// `policy_ticket` identifies the merged policy table for recycle_policy (0: none to recycle).
struct ParsedPlan {
    std::optional<Plan> plan;
    std::vector<PlanError> errors;
    std::uint64_t policy_ticket = 0;
};

/// Reads and validates a plan document (plan-format.md). `fallback_today` is
/// used when the plan has no `today`. The plan's `policy` block overrides the
/// built-in table (objects merge key by key; any other value, null included,
/// replaces). Unknown fields are ignored. Documents beyond the limits of
/// limits.hpp are refused before any work. Lists every problem, never throws
/// (short of running out of memory).
ParsedPlan parse_plan(std::string_view text, Date fallback_today);

/// issue 6: hands the policy table of a plan read by parse_plan back to the
/// reader once the plan has been evaluated, so that the next plan with the same
/// `policy` block (the page evaluates its plan again on every edit) takes the
/// merged table as it is instead of copying the built-in table and merging the
/// block again. Optional: a plan not recycled costs only that work next time.
/// A memo per thread, of one table; results never depend on it.
void recycle_policy(ParsedPlan&& parsed);

}  // namespace ceplan
