#pragma once
// The JSON adapter: plan text in; result or error document text out. The
// command line and the wasm module both call it, so they cannot drift.
// Reading is plan_reader.hpp (with policy_reader.hpp), writing result_writer.hpp.
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/model.hpp"
#include "core/plan_reader.hpp"
#include "core/result_writer.hpp"

namespace ceplan {

/// The outcome of evaluate_json: `ok` false means `json` is a ceplan-error
/// document; `errors` are its entries.
struct Outcome {
    bool ok = false;
    std::string json;
    std::vector<PlanError> errors;
};

/// Plan text in, result (ceplan-result) or error (ceplan-error) document text
/// out, compact UTF-8 JSON. Deterministic: same text and date, same bytes.
/// Never throws: a bad document becomes an error document with pointers.
Outcome evaluate_json(std::string_view plan_text, Date fallback_today);

/// Same, with today's local date as the fallback.
Outcome evaluate_json(std::string_view plan_text);

/// The built-in policy table as JSON (the shape a plan's `policy` block overrides).
std::string policy_json();

/// Today's local date from the system clock (the only clock read in ceplan).
Date system_today();

}  // namespace ceplan
