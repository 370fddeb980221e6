// libFuzzer target (issue 7 §3): arbitrary bytes as a plan document through
// evaluate_json, the one entry point the command line and the wasm module share.
// It must never crash, hang or trip a sanitizer, and every outcome must be a
// well-formed document: a ceplan-result, or a ceplan-error whose every error has a
// JSON pointer and a message, never an "internal error" (an exception that escaped:
// every bad input must be named by its pointer). Run with tools/fuzz [seconds]
// (seed corpus: the plans of ../shared/scenarios, examples/, tests/edge/).
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string_view>

#include "core/json_adapter.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    // A fixed fallback date keeps runs reproducible (2026-01-01 = 20454 days after 1970-01-01).
    const ceplan::Outcome out = ceplan::evaluate_json(text, ceplan::Date{20454});
    const auto doc = nlohmann::json::parse(out.json, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) __builtin_trap();  // not a JSON document
    const auto format = doc.find("format");
    if (format == doc.end() || !format->is_string()) __builtin_trap();
    if (*format == "ceplan-result") {
        if (!out.ok) __builtin_trap();
        return 0;
    }
    if (*format != "ceplan-error" || out.ok) __builtin_trap();
    const auto errors = doc.find("errors");
    if (errors == doc.end() || !errors->is_array() || errors->empty()) __builtin_trap();
    for (const auto& e : *errors) {
        if (!e.is_object() || !e.contains("pointer") || !e["pointer"].is_string()) __builtin_trap();
        if (!e.contains("message") || !e["message"].is_string()) __builtin_trap();
        const std::string& message = e["message"].get_ref<const std::string&>();
        if (message.empty() || message.rfind("internal error", 0) == 0) __builtin_trap();
    }
    return 0;
}
