// The wasm binding of the planner: embind declarations over the JSON adapter,
// nothing else. createCeplan() resolves to a module with
// evaluate(planJson) -> resultJson and policy() -> policyJson (plan-format.md,
// "Entry points"). The optimizer lives in its own module (optimizer_bindings.cpp),
// loaded by the page only when "Suggest a plan" is used, so that the first load
// stays small (issue 6).
#include <emscripten/bind.h>

#include <string>

#include "core/json_adapter.hpp"
#include "wasm/text.hpp"

namespace {

emscripten::val evaluate(const emscripten::val& plan) {
    return ceplan_wasm::text(ceplan::evaluate_json(ceplan_wasm::utf8(plan)).json);
}

emscripten::val policy() {
    return ceplan_wasm::text(ceplan::policy_json());
}

}  // namespace

EMSCRIPTEN_BINDINGS(ceplan) {
    emscripten::function("evaluate", &evaluate);
    emscripten::function("policy", &policy);
}
