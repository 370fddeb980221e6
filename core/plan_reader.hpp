#pragma once
// Reading a plan document (plan-format.md) into the model: the text parsed
// once, every field checked, every problem listed with its JSON pointer.
#include <optional>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/model.hpp"
#include "core/result_writer.hpp"

namespace ceplan {

/// The outcome of reading a plan: the plan, or every problem found.
struct ParsedPlan {
    std::optional<Plan> plan;
    std::vector<PlanError> errors;
};

/// Reads and validates a plan document (plan-format.md). `fallback_today` is
/// used when the plan has no `today`. The plan's `policy` block overrides the
/// built-in table (objects merge key by key; any other value, null included,
/// replaces). Unknown fields are ignored. Documents beyond the limits of
/// limits.hpp are refused before any work. Lists every problem, never throws
/// (short of running out of memory).
ParsedPlan parse_plan(std::string_view text, Date fallback_today);

}  // namespace ceplan
