// The wasm binding of "Plan for me": embind declarations, nothing else.
// createCeplanOptimizer() resolves to a module with
// optimize(planJson) -> optimizedJson (optimize.md, "Entry points") and, so that
// one module can both search and judge, evaluate(planJson) -> resultJson and
// policy() -> policyJson, the same functions as ceplan.js (same bytes).
// Built as public/ceplan-optimize.js, apart from ceplan.js: the optimizer adds
// about 45 KiB gzip that the first verdict does not need.
#include <emscripten/bind.h>

#include <string>

#include "core/json_adapter.hpp"
#include "wasm/text.hpp"
#include "core/optimize_json.hpp"

namespace {

emscripten::val evaluate(const emscripten::val& plan) {
    return ceplan_wasm::text(ceplan::evaluate_json(ceplan_wasm::utf8(plan)).json);
}

emscripten::val optimize(const emscripten::val& plan) {
    return ceplan_wasm::text(ceplan::optimize_json(ceplan_wasm::utf8(plan)).json);
}

emscripten::val policy() {
    return ceplan_wasm::text(ceplan::policy_json());
}

}  // namespace

EMSCRIPTEN_BINDINGS(ceplan_optimizer) {
    emscripten::function("evaluate", &evaluate);
    emscripten::function("policy", &policy);
    emscripten::function("optimize", &optimize);
}
