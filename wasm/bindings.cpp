// The wasm binding of the planner: embind declarations over the JSON adapter,
// nothing else. createCeplan() resolves to a module with
// evaluate(planJson) -> resultJson and policy() -> policyJson (plan-format.md,
// "Entry points"). The optimizer lives in its own module (optimizer_bindings.cpp),
// loaded by the page only when "Suggest a plan" is used, so that the first load
// stays small (issue 6).
#include <emscripten/bind.h>

#include "wasm/text.hpp"

EMSCRIPTEN_BINDINGS(ceplan) {
    emscripten::function("evaluate", &ceplan_wasm::evaluate);
    emscripten::function("policy", &ceplan_wasm::policy);
}
