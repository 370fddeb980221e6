#include "core/json_writer.hpp"

#include <charconv>
#include <nlohmann/json.hpp>

namespace ceplan {

void JsonWriter::separate() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (!first_.empty()) {
        if (!first_.back()) out += ',';
        first_.back() = false;
    }
}

void JsonWriter::open(char c) {
    separate();
    out += c;
    first_.push_back(true);
}

void JsonWriter::close(char c) {
    out += c;
    first_.pop_back();
}

void JsonWriter::key(std::string_view name) {
    separate();
    escaped(name);
    out += ':';
    after_key_ = true;
}

void JsonWriter::string(std::string_view text) {
    separate();
    escaped(text);
}

void JsonWriter::escaped(std::string_view text) {
    for (unsigned char c : text) {
        if (c >= 0x80) {
            // Non-ASCII text (rare): nlohmann's serializer, which checks the
            // UTF-8 and replaces invalid bytes with U+FFFD.
            out += nlohmann::json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
            return;
        }
    }
    out += '"';
    for (char c : text) {
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\b':
                out += "\\b";
                break;
            case '\f':
                out += "\\f";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    static const char hex[] = "0123456789abcdef";
                    out += "\\u00";
                    out += hex[(c >> 4) & 0xF];
                    out += hex[c & 0xF];
                } else {
                    out += c;
                }
        }
    }
    out += '"';
}

void JsonWriter::number(std::int64_t n) {
    separate();
    char buffer[24];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, n);
    (void)ec;
    out.append(buffer, end);
}

void JsonWriter::boolean(bool b) {
    separate();
    out += b ? "true" : "false";
}

void JsonWriter::null() {
    separate();
    out += "null";
}

void JsonWriter::strings(const std::vector<std::string>& list) {
    begin_array();
    for (const auto& s : list) string(s);
    end_array();
}

}  // namespace ceplan
