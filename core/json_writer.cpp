#include "core/json_writer.hpp"

#include <charconv>

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

namespace {

/// Length of the UTF-8 sequence starting at text[i], or 0 if it is not one (RFC 3629).
std::size_t utf8_length(std::string_view text, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char c = byte(i);
    std::size_t n = 0;
    unsigned char low = 0x80, high = 0xBF;  // the allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        if (c == 0xE0) low = 0xA0;
        if (c == 0xED) high = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        if (c == 0xF0) low = 0x90;
        if (c == 0xF4) high = 0x8F;
    } else {
        return 0;
    }
    if (i + n > text.size()) return 0;
    if (byte(i + 1) < low || byte(i + 1) > high) return 0;
    for (std::size_t k = 2; k < n; ++k)
        if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
    return n;
}

}  // namespace

void JsonWriter::escaped(std::string_view text) {
    // Most text needs no escape (keys, ids, dates): quoted in one append.
    std::size_t plain = 0;
    while (plain < text.size()) {
        const auto b = static_cast<unsigned char>(text[plain]);
        if (b < 0x20 || b >= 0x80 || b == '"' || b == '\\') break;
        ++plain;
    }
    if (plain == text.size()) {
        const std::size_t at = out.size();
        out.resize(at + text.size() + 2);
        char* p = out.data() + at;
        *p = '"';
        text.copy(p + 1, text.size());
        p[text.size() + 1] = '"';
        return;
    }
    out += '"';
    for (std::size_t i = 0; i < text.size(); ++i) {
        // A run of characters written as they are, in one append.
        std::size_t run = i;
        while (run < text.size()) {
            const auto b = static_cast<unsigned char>(text[run]);
            if (b < 0x20 || b >= 0x80 || b == '"' || b == '\\') break;
            ++run;
        }
        if (run > i) {
            out.append(text.data() + i, run - i);
            i = run;
            if (i == text.size()) break;
        }
        const char c = text[i];
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
                } else if (static_cast<unsigned char>(c) < 0x80) {
                    out += c;
                } else if (const std::size_t n = utf8_length(text, i)) {
                    out.append(text.substr(i, n));
                    i += n - 1;
                } else {
                    out += "\xEF\xBF\xBD";  // U+FFFD for a byte that is not UTF-8
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

void JsonWriter::number_text(std::string_view text) {
    separate();
    out += text;
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
