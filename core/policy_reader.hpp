#pragma once
// A plan's `policy` block (plan-format.md): overrides merged into a copy of
// the built-in C++ table, every value bounded (README "Limits").
#include "core/json_fields.hpp"
#include "core/policy.hpp"

namespace ceplan {

/// Merges `overrides` (the plan's `policy` value, or nullptr when absent)
/// into `policy` (the built-in table on entry): objects merge key by key, any
/// other value, null included, replaces; unknown keys are ignored. Exam
/// slot names of every path are resolved against the merged exam groups (L3).
/// Problems go to `reader` with pointers under /policy; `policy` is then
/// unspecified. Bounds: cycle and validity years 1-10, claim window and other
/// day counts 0-3650, increment 1-64, percentages 0-100, credits and minutes
/// 0-1,000,000, at most 5 exams per path and 50 paths per level.
void read_policy_overrides(const Json* overrides, FieldReader& reader, Policy& policy);

}  // namespace ceplan
