#include "core/json_fields.hpp"

#include <cmath>

namespace ceplan {

std::string shown(const Json& value) {
    std::string text = value.dump(-1, ' ', false, Json::error_handler_t::replace);
    if (text.size() > 60) text = text.substr(0, 57) + "...";
    return text;
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
    const std::string ptr = at + "/" + key;
    if (!v || v->is_null()) {
        if (required) fail(ptr, "required: expected text");
        return std::nullopt;
    }
    if (v->is_number()) return v->dump();  // e.g. a version written as 1.1
    if (!v->is_string()) {
        fail(ptr, "expected text, got " + shown(*v));
        return std::nullopt;
    }
    if (required && text_of(*v).empty()) {
        fail(ptr, "required: expected some text");
        return std::nullopt;
    }
    return text_of(*v);
}

std::optional<Date> FieldReader::date(const Json& obj, const char* key, const std::string& at, bool required) {
    const Json* v = find(obj, key);
    const std::string ptr = at + "/" + key;
    if (!v || v->is_null()) {
        if (required) fail(ptr, "required: expected a date YYYY-MM-DD");
        return std::nullopt;
    }
    if (v->is_string()) {
        if (auto d = parse_date(text_of(*v))) {
            // A planner's dates: years 1900-2199 keep every computed date (+10 years at most) a valid ISO date.
            if (*d >= *make_date(1900, 1, 1) && *d <= *make_date(2199, 12, 31)) return d;
            fail(ptr, "expected a date between 1900-01-01 and 2199-12-31, got " + shown(*v));
            return std::nullopt;
        }
    }
    fail(ptr, "expected a date YYYY-MM-DD, got " + shown(*v));
    return std::nullopt;
}

std::optional<std::int64_t> FieldReader::whole(const Json& obj, const char* key, const std::string& at, bool required,
                                               std::int64_t minimum, const char* what, std::int64_t maximum) {
    return whole_value(find(obj, key), at + "/" + key, required, minimum, what, maximum);
}

std::optional<std::int64_t> FieldReader::whole_value(const Json* v, const std::string& ptr, bool required,
                                                     std::int64_t minimum, const char* what, std::int64_t maximum) {
    if (!v || v->is_null()) {
        if (required) fail(ptr, std::string("required: expected ") + what);
        return std::nullopt;
    }
    // "a whole number 0 or more" when the top is the general limit (said only
    // when exceeded); "a whole number from 1 to 10" for a tighter range.
    const bool general = maximum == limits::whole_number;
    std::string expected = std::string("expected ") + what + ", a whole number " +
                           (general ? std::to_string(minimum) + " or more"
                                    : "from " + std::to_string(minimum) + " to " + std::to_string(maximum));
    // Every number is range-checked before any conversion: no float -> int
    // cast out of range, no unsigned wrap (1e19, 18446744073709551615).
    bool whole_number = true;
    bool in_range = true;
    std::int64_t n = 0;
    if (v->is_number_unsigned()) {
        const auto u = v->get<std::uint64_t>();
        in_range = u <= static_cast<std::uint64_t>(maximum) && static_cast<std::int64_t>(u) >= minimum;
        n = in_range ? static_cast<std::int64_t>(u) : maximum;
    } else if (v->is_number_integer()) {
        n = v->get<std::int64_t>();
        in_range = n >= minimum && n <= maximum;
    } else if (v->is_number_float()) {
        const double d = v->get<double>();
        whole_number = std::isfinite(d) && std::floor(d) == d;
        in_range = whole_number && d >= static_cast<double>(minimum) && d <= static_cast<double>(maximum);
        if (in_range) n = static_cast<std::int64_t>(d);
    } else {
        whole_number = false;
    }
    if (!whole_number) {
        fail(ptr, expected + ", got " + shown(*v));
        return std::nullopt;
    }
    if (!in_range) {
        const bool below = !v->is_number_unsigned() &&
                           (v->is_number_integer() ? n < minimum : v->get<double>() < static_cast<double>(minimum));
        fail(ptr, expected + (general && !below ? " and at most " + std::to_string(maximum) : "") + ", got " +
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
