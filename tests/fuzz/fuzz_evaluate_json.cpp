// libFuzzer target (issue 7 §3): arbitrary bytes as a plan document through
// evaluate_json, the one entry point the command line and the wasm module share.
// It must never crash, hang or trip a sanitizer; every outcome is a result or an
// error document. Run with tools/fuzz [seconds] (seed corpus: ../shared/scenarios).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/json_adapter.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    // A fixed fallback date keeps runs reproducible (2026-01-01 = 20454 days after 1970-01-01).
    const ceplan::Outcome out = ceplan::evaluate_json(text, ceplan::Date{20454});
    if (out.json.empty()) __builtin_trap();  // every call answers with a document
    return 0;
}
