// The wasm binding of "Plan for me": embind declarations, nothing else.
// createCeplanOptimizer() resolves to a module with
// optimize(planJson) -> optimizedJson (optimize.md, "Entry points") and, so that
// one module can both search and judge, evaluate(planJson) -> resultJson and
// policy() -> policyJson, the same functions as ceplan.js (same bytes).
// Built as public/ceplan-optimize.js, apart from ceplan.js: the optimizer adds
// about 45 KiB gzip that the first verdict does not need.
#include <emscripten/bind.h>

#include "core/optimize_json.hpp"
#include "wasm/text.hpp"

namespace {

emscripten::val optimize(const emscripten::val& plan) {
    return ceplan_wasm::text(ceplan::optimize_json(ceplan_wasm::utf8(plan)).json);
}

}  // namespace

EMSCRIPTEN_BINDINGS(ceplan_optimizer) {
    emscripten::function("evaluate", &ceplan_wasm::evaluate);
    emscripten::function("policy", &ceplan_wasm::policy);
    emscripten::function("optimize", &optimize);
}
