#pragma once
// A small JSON writer: appends compact JSON text to a string, fields in the
// order they are written (the contract's order), with the same bytes as
// nlohmann's dump(-1) with ensure_ascii off and invalid UTF-8 replaced.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ceplan {

/// Usage: w.begin_object(); w.key("id"); w.string("a"); w.end_object();
/// Commas are placed by the writer. Never throws except on allocation failure.
class JsonWriter {
public:
    std::string out;

    void begin_object() { open('{'); }
    void end_object() { close('}'); }
    void begin_array() { open('['); }
    void end_array() { close(']'); }
    /// A key inside an object.
    void key(std::string_view name);
    void string(std::string_view text);
    void number(std::int64_t n);
    void boolean(bool b);
    void null();
    void optional_string(const std::optional<std::string>& text) { text ? string(*text) : null(); }
    /// A list of strings.
    void strings(const std::vector<std::string>& list);

private:
    std::vector<bool> first_;  // per open container: nothing written in it yet
    bool after_key_ = false;
    void separate();
    void escaped(std::string_view text);
    void open(char c);
    void close(char c);
};

}  // namespace ceplan
