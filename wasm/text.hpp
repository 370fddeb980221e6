// The text a binding takes from and hands back to JavaScript (wasm/bindings.cpp,
// wasm/optimizer_bindings.cpp): UTF-8 in the module's memory, JavaScript strings outside,
// converted by the platform's TextEncoder / TextDecoder, not by embind's std::string code;
// and the two entry points both modules offer, evaluate and policy.
#pragma once

#include <emscripten/val.h>

#include <string>

#include "core/json_adapter.hpp"
#include "core/limits.hpp"

namespace ceplan_wasm {

/**
 * text (a JavaScript string: the plan's JSON) as UTF-8, encoded by the platform's TextEncoder
 * (encodeInto) straight into the module's memory. Embind's std::string argument measures and
 * encodes the string in JavaScript, character by character: a sixth of a 3-activity plan's
 * evaluate() in wasm (issue 6). A text longer than ceplan's document limit goes through embind
 * as before (exact size), so that the adapter refuses it with its usual message and no 3-byte-
 * per-character buffer is made for it. Lone surrogates become U+FFFD (TextEncoder's rule; the
 * page sends JSON.stringify's text, which escapes them). Throws a JavaScript TypeError when text
 * is not a string (as embind did).
 */
inline std::string utf8(const emscripten::val& text) {
    if (!text.isString()) {
        emscripten::val::global("TypeError").new_(emscripten::val("ceplan: the plan must be a string of JSON text")).throw_();
    }
    const auto units = text["length"].as<std::size_t>();
    if (units > ceplan::limits::document_bytes) return text.as<std::string>();
    static const emscripten::val encoder = emscripten::val::global("TextEncoder").new_();
    std::string out(units * 3, '\0');  // a UTF-16 code unit is at most 3 bytes of UTF-8
    const emscripten::val done = encoder.call<emscripten::val>(
        "encodeInto", text, emscripten::typed_memory_view(out.size(), reinterpret_cast<unsigned char*>(out.data())));
    out.resize(done["written"].as<std::size_t>());
    return out;
}

/**
 * utf8 (the JSON text an entry point wrote, UTF-8) as a JavaScript string, decoded by the
 * platform's TextDecoder straight from a view of the module's memory. Embind's own std::string
 * return reads every byte in JavaScript looking for NULs and copies the text once more: about a
 * sixth of a 1,000-activity evaluate() in wasm (issue 6, README "WebAssembly build"). The same
 * characters either way (both decode UTF-8 with TextDecoder). No errors.
 */
inline emscripten::val text(const std::string& utf8) {
    static const emscripten::val decoder = emscripten::val::global("TextDecoder").new_();
    return decoder.call<emscripten::val>(
        "decode", emscripten::typed_memory_view(utf8.size(), reinterpret_cast<const unsigned char*>(utf8.data())));
}

/** evaluate(planJson) -> resultJson (plan-format.md, "Entry points"): evaluate_json's text. Throws a TypeError for a non-string. */
inline emscripten::val evaluate(const emscripten::val& plan) {
    return text(ceplan::evaluate_json(utf8(plan)).json);
}

/** policy() -> policyJson: the built-in policy table as JSON. No errors. */
inline emscripten::val policy() {
    return text(ceplan::policy_json());
}

}  // namespace ceplan_wasm
