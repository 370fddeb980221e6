#include "core/json_fields.hpp"

#include <cmath>
#include <nlohmann/detail/conversions/to_chars.hpp>

#include "core/json_writer.hpp"

namespace ceplan {

namespace {

/// Compact JSON of a parsed value, the bytes nlohmann's dump(-1) gives (our
/// writer instead of nlohmann's serializer: one JSON writer in the module).
void write(JsonWriter& w, const Json& v) {
    switch (v.type()) {
        case Json::value_t::object:
            w.begin_object();
            for (auto it = v.begin(); it != v.end(); ++it) {
                w.key(it.key());
                write(w, it.value());
            }
            w.end_object();
            break;
        case Json::value_t::array:
            w.begin_array();
            for (const auto& item : v) write(w, item);
            w.end_array();
            break;
        case Json::value_t::string:
            w.string(text_of(v));
            break;
        case Json::value_t::boolean:
            w.boolean(v.get<bool>());
            break;
        case Json::value_t::number_integer:
            w.number(v.get<std::int64_t>());
            break;
        case Json::value_t::number_unsigned: {
            w.number_text(std::to_string(v.get<std::uint64_t>()));
            break;
        }
        case Json::value_t::number_float: {
            const double d = v.get<double>();
            if (!std::isfinite(d)) {
                w.null();
                break;
            }
            char buffer[64];
            char* end = nlohmann::detail::to_chars(buffer, buffer + sizeof buffer, d);
            w.number_text(std::string_view(buffer, static_cast<std::size_t>(end - buffer)));
            break;
        }
        default:  // null, discarded, binary (never parsed from JSON text)
            w.null();
    }
}

}  // namespace

std::string json_text(const Json& value) {
    JsonWriter w;
    write(w, value);
    return std::move(w.out);
}

std::string shown(const Json& value) {
    std::string text = json_text(value);
    // A number as written: 1e19, not nlohmann's 1e+19.
    if (value.is_number_float())
        if (const auto plus = text.find("e+"); plus != std::string::npos) text.erase(plus + 1, 1);
    if (text.size() > 60) {
        // Cut at 57 bytes, never inside a UTF-8 sequence.
        std::size_t cut = 57;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
        text = text.substr(0, cut) + "...";
    }
    return text;
}

std::string not_a_date(const Json& value) {
    // A well-formed but impossible day (2027-02-30, month 13) is "not a real date", as the forms say (D1).
    return (value.is_string() && date_shaped(text_of(value)) ? "not a real date, got "
                                                              : "expected a date YYYY-MM-DD, got ") +
           shown(value);
}

std::string escape_pointer_token(const std::string& key) {
    std::string out;
    for (char c : key) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

std::optional<std::string> FieldReader::text(const Json& obj, const char* key, const std::string& at, bool required) {
    const Json* v = find(obj, key);
    const auto ptr = [&] { return at + "/" + key; };  // built only for a message
    if (!v || v->is_null()) {
        if (required) fail(ptr(), "required: expected text");
        return std::nullopt;
    }
    if (v->is_number()) return json_text(*v);  // e.g. a version written as 1.1
    if (!v->is_string()) {
        fail(ptr(), "expected text, got " + shown(*v));
        return std::nullopt;
    }
    if (required && text_of(*v).empty()) {
        fail(ptr(), "required: expected some text");
        return std::nullopt;
    }
    return text_of(*v);
}

std::optional<Date> FieldReader::date(const Json& obj, const char* key, const std::string& at, bool required) {
    const Json* v = find(obj, key);
    const auto ptr = [&] { return at + "/" + key; };  // built only for a message
    if (!v || v->is_null()) {
        if (required) fail(ptr(), "required: expected a date YYYY-MM-DD");
        return std::nullopt;
    }
    if (v->is_string()) {
        if (auto d = parse_date(text_of(*v))) {
            // A planner's dates: years 1900-2199 keep every computed date (+10 years at most) a valid ISO date.
            if (*d >= *make_date(1900, 1, 1) && *d <= *make_date(2199, 12, 31)) return d;
            fail(ptr(), "expected a date between 1900-01-01 and 2199-12-31, got " + shown(*v));
            return std::nullopt;
        }
    }
    fail(ptr(), not_a_date(*v));
    return std::nullopt;
}

std::optional<std::int64_t> FieldReader::whole(const Json& obj, const char* key, const std::string& at, bool required,
                                               std::int64_t minimum, const char* what, std::int64_t maximum) {
    return whole_at(find(obj, key), at, key, required, minimum, what, maximum);
}

std::optional<std::int64_t> FieldReader::whole_value(const Json* v, const std::string& ptr, bool required,
                                                     std::int64_t minimum, const char* what, std::int64_t maximum) {
    return whole_at(v, ptr, nullptr, required, minimum, what, maximum);
}

std::optional<std::int64_t> FieldReader::whole_at(const Json* v, const std::string& at, const char* key, bool required,
                                                  std::int64_t minimum, const char* what, std::int64_t maximum) {
    const auto ptr = [&] { return key ? at + "/" + key : at; };  // built only for a message
    if (!v || v->is_null()) {
        if (required) fail(ptr(), std::string("required: expected ") + what);
        return std::nullopt;
    }
    // "a whole number 0 or more" when the top is the general limit (said only
    // when exceeded); "a whole number from 1 to 10" for a tighter range.
    const bool general = maximum == limits::whole_number;
    const auto expected = [&] {
        return std::string("expected ") + what + ", a whole number " +
               (general ? std::to_string(minimum) + " or more"
                        : "from " + std::to_string(minimum) + " to " + std::to_string(maximum));
    };
    // Every number is range-checked before any conversion: no float -> int
    // cast out of range, no unsigned wrap (1e19, 18446744073709551615).
    bool whole_number = true;
    bool below = false, above = false;
    std::int64_t n = 0;
    if (v->is_number_unsigned()) {
        const auto u = v->get<std::uint64_t>();
        above = u > static_cast<std::uint64_t>(maximum);
        below = !above && static_cast<std::int64_t>(u) < minimum;
        if (!above) n = static_cast<std::int64_t>(u);
    } else if (v->is_number_integer()) {
        n = v->get<std::int64_t>();
        below = n < minimum;
        above = n > maximum;
    } else if (v->is_number_float()) {
        const double d = v->get<double>();
        whole_number = std::isfinite(d) && std::floor(d) == d;
        below = d < static_cast<double>(minimum);
        above = d > static_cast<double>(maximum);
        if (whole_number && !below && !above) n = static_cast<std::int64_t>(d);
    } else {
        whole_number = false;
    }
    if (!whole_number) {
        fail(ptr(), expected() + ", got " + shown(*v));
        return std::nullopt;
    }
    if (below || above) {
        fail(ptr(), expected() + (general && above ? " and at most " + std::to_string(maximum) : "") + ", got " +
                      shown(*v));
        return std::nullopt;
    }
    return n;
}

std::optional<bool> FieldReader::boolean(const Json& obj, const char* key, const std::string& at) {
    const Json* v = find(obj, key);
    if (!v || v->is_null()) return std::nullopt;
    if (!v->is_boolean()) {
        fail(at + "/" + key, "expected true or false, got " + shown(*v));
        return std::nullopt;
    }
    return v->get<bool>();
}

bool FieldReader::bounded_list(const Json& v, const std::string& ptr, std::size_t maximum, const char* what) {
    if (!v.is_array()) return false;
    if (v.size() <= maximum) return true;
    fail(ptr, std::string("expected at most ") + std::to_string(maximum) + " " + what + ", got " +
                  std::to_string(v.size()) + " (a documented limit)");
    return false;
}

}  // namespace ceplan
