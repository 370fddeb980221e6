// The text a binding hands back to JavaScript (wasm/bindings.cpp, wasm/optimizer_bindings.cpp).
#pragma once

#include <emscripten/val.h>

#include <string>

namespace ceplan_wasm {

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

}  // namespace ceplan_wasm
