#pragma once
// The JSON adapter: the one place that knows the field names of
// plan-format.md. Plan text in; result or error document text out. The
// command line and the wasm module both call it, so they cannot drift.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/model.hpp"

namespace ceplan {

/// One problem with a plan: a JSON pointer (RFC 6901, "" for the whole
/// document) and what was expected.
struct PlanError {
    std::string pointer;
    std::string message;
};

/// The outcome of reading a plan: the plan, or every problem found.
struct ParsedPlan {
    std::optional<Plan> plan;
    std::vector<PlanError> errors;
};

/// Reads and validates a plan document (plan-format.md). `fallback_today` is
/// used when the plan has no `today`. The plan's `policy` block overrides the
/// built-in table (objects merge key by key; any other value, null included,
/// replaces). Unknown fields are ignored. Lists every problem, never throws.
ParsedPlan parse_plan(std::string_view text, Date fallback_today);

/// The outcome of evaluate_json: `ok` false means `json` is a ceplan-error
/// document; `errors` are its entries.
struct Outcome {
    bool ok = false;
    std::string json;
    std::vector<PlanError> errors;
};

/// Plan text in, result (ceplan-result) or error (ceplan-error) document text
/// out, compact UTF-8 JSON. Deterministic: same text and date, same bytes.
/// Never throws: an internal failure becomes an error document.
Outcome evaluate_json(std::string_view plan_text, Date fallback_today);

/// Same, with today's local date as the fallback.
Outcome evaluate_json(std::string_view plan_text);

/// The built-in policy table as JSON (the shape a plan's `policy` block overrides).
std::string policy_json();

/// Serializes a result / an error list (exposed for tests).
std::string result_to_json(const Result& result);
std::string errors_to_json(const std::vector<PlanError>& errors);

/// Today's local date from the system clock (the only clock read in ceplan).
Date system_today();

}  // namespace ceplan
