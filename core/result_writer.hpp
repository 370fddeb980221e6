#pragma once
// Writes ceplan's output documents (plan-format.md): the result, the error
// list and the built-in policy table, as compact UTF-8 JSON, fields in the
// contract's order. Deterministic: same value, same bytes.
#include <string>
#include <vector>

#include "core/model.hpp"

namespace ceplan {

/// One problem with a plan: a JSON pointer (RFC 6901, "" for the whole
/// document) and what was expected.
struct PlanError {
    std::string pointer;
    std::string message;
};

/// A ceplan-result document for an engine result.
std::string result_to_json(const Result& result);

/// A ceplan-error document listing `errors` in order.
std::string errors_to_json(const std::vector<PlanError>& errors);

/// A ceplan-policy document for `policy` (the shape a plan's `policy` block overrides).
std::string policy_to_json(const Policy& policy);

}  // namespace ceplan
