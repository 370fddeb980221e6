// The wasm binding: embind declarations over the JSON adapter, nothing else.
// createCeplan() resolves to a module with evaluate(planJson) -> resultJson
// policy() -> policyJson (plan-format.md, "Entry points") and
// optimize(planJson) -> optimizedJson (optimize.md, "Entry points").
#include <emscripten/bind.h>

#include <string>

#include "core/json_adapter.hpp"
#include "core/optimize_json.hpp"

namespace {

std::string evaluate(const std::string& plan) {
    return ceplan::evaluate_json(plan).json;
}

std::string optimize(const std::string& plan) {
    return ceplan::optimize_json(plan).json;
}

std::string policy() {
    return ceplan::policy_json();
}

}  // namespace

EMSCRIPTEN_BINDINGS(ceplan) {
    emscripten::function("evaluate", &evaluate);
    emscripten::function("policy", &policy);
    emscripten::function("optimize", &optimize);
}
