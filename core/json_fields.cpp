#include "core/json_fields.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <nlohmann/detail/conversions/to_chars.hpp>

#include "core/json_writer.hpp"

// Code for messages only (a bad plan): kept out of the hot path natively (GCC's cold).
#if defined(__clang__)
#define CEPLAN_MESSAGE_CODE
#else
#define CEPLAN_MESSAGE_CODE [[gnu::cold]]
#endif

// Called from many places in the parser (inlined there by the wasm build's link-time
// optimisation, once per place, without this): one copy of each in the module.
#define CEPLAN_CALLED [[gnu::noinline]]

namespace ceplan {

namespace {

/// Compact JSON of a parsed value, the bytes nlohmann's dump(-1) gives (our
/// writer instead of nlohmann's serializer: one JSON writer in the module).
void write(JsonWriter& w, const Json& v) {
    switch (v.type()) {
        case Json::Type::object:
            w.begin_object();
            for (const Json& member : v) {
                w.key(member.key());
                write(w, member);
            }
            w.end_object();
            break;
        case Json::Type::array:
            w.begin_array();
            for (const auto& item : v) write(w, item);
            w.end_array();
            break;
        case Json::Type::string:
            w.string(text_of(v));
            break;
        case Json::Type::boolean:
            w.boolean(v.boolean());
            break;
        case Json::Type::number_integer:
            w.number(v.integer());
            break;
        case Json::Type::number_unsigned: {
            w.number_text(std::to_string(v.unsigned_integer()));
            break;
        }
        case Json::Type::number_float: {
            const double d = v.floating();
            if (!std::isfinite(d)) {
                w.null();
                break;
            }
            char buffer[64];
            char* end = nlohmann::detail::to_chars(buffer, buffer + sizeof buffer, d);
            w.number_text(std::string_view(buffer, static_cast<std::size_t>(end - buffer)));
            break;
        }
        default:  // null
            w.null();
    }
}

/// Byte order of two keys, as std::string's operator< (negative, 0, positive);
/// a loop, not a call to memcmp: keys are a few bytes long.
#if defined(__EMSCRIPTEN__)
CEPLAN_CALLED  // (the module's size budget)
#endif
int compare_keys(std::string_view a, std::string_view b) {
    const std::size_t n = a.size() < b.size() ? a.size() : b.size();
    for (std::size_t i = 0; i < n; ++i)
        if (a[i] != b[i]) return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[i]) ? -1 : 1;
    return a.size() < b.size() ? -1 : a.size() > b.size() ? 1 : 0;
}

/// A large object's members (an unknown one, 100,000 keys) in key order: a merge
/// sort, O(n log n), stable, through `scratch`.
[[gnu::noinline]] CEPLAN_MESSAGE_CODE void merge_sort(Json* items, std::size_t n, std::vector<Json>& scratch) {
    scratch.resize(n);
    Json* from = items;
    Json* to = scratch.data();
    for (std::size_t width = 1; width < n; width *= 2) {
        for (std::size_t lo = 0; lo < n; lo += 2 * width) {
            const std::size_t mid = std::min(lo + width, n), hi = std::min(lo + 2 * width, n);
            std::size_t a = lo, b = mid, k = lo;
            while (a < mid && b < hi) to[k++] = compare_keys(from[b].key(), from[a].key()) < 0 ? from[b++] : from[a++];
            while (a < mid) to[k++] = from[a++];
            while (b < hi) to[k++] = from[b++];
        }
        std::swap(from, to);
    }
    if (from != items) std::copy(from, from + n, items);
}

}  // namespace

CEPLAN_CALLED const Json* Json::find(std::string_view key) const {
    if (!is_object()) return nullptr;
    // Members are sorted by key: binary search.
    const Json* lo = v_.items;
    const Json* hi = v_.items + len_;
    while (lo < hi) {
        const Json* mid = lo + (hi - lo) / 2;
        const int c = compare_keys(mid->key(), key);
        if (c == 0) return mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return nullptr;
}

JsonDocument::JsonDocument(std::size_t text_bytes) {
    text_.reserve(text_bytes);
    nodes_.reserve(text_bytes / 24 + 8);  // about one value per 24 bytes of a plan's text
    stack_.reserve(64);
    open_.reserve(limits::nesting_depth + 1);
}

CEPLAN_CALLED std::string_view JsonDocument::keep(std::string_view text) {
    // The strings and keys of a JSON text fit in its size (each is shorter than its
    // quoted, escaped form), so text_ never grows and earlier views stay valid. Were
    // that ever false, the text would be cut rather than a view left dangling.
    text = text.substr(0, text_.capacity() - text_.size());
    const std::size_t at = text_.size();
    text_.append(text);
    return std::string_view(text_.data() + at, text.size());
}

CEPLAN_CALLED std::string_view JsonDocument::key(std::string_view key) { return pending_key_ = keep(key); }

CEPLAN_CALLED void JsonDocument::value(Json v) {
    if (!open_.empty() && open_.back().object) {
        v.key_ = pending_key_.data();
        v.key_len_ = static_cast<std::uint32_t>(pending_key_.size());
    }
    if (open_.empty()) {
        root_ = v;
        return;
    }
    stack_.push_back(v);
}

CEPLAN_CALLED void JsonDocument::start(bool object) {
    open_.push_back({stack_.size(), !open_.empty() && open_.back().object ? pending_key_ : std::string_view(), object});
}

CEPLAN_CALLED void JsonDocument::end() {
    const Open o = open_.back();
    open_.pop_back();
    Json* items = stack_.data() + o.mark;
    std::size_t n = stack_.size() - o.mark;
    if (o.object && n > 1) {
        // nlohmann's object: members in key order; a key given twice keeps its last value.
        const auto by_key = [](const Json& a, const Json& b) { return compare_keys(a.key(), b.key()) < 0; };
        if (n <= 16) {
            for (std::size_t i = 1; i < n; ++i) {  // insertion sort: stable, no allocation
                if (!by_key(items[i], items[i - 1])) continue;
                const Json moving = items[i];
                std::size_t j = i;
                for (; j > 0 && by_key(moving, items[j - 1]); --j) items[j] = items[j - 1];
                items[j] = moving;
            }
        } else {
            merge_sort(items, n, scratch_);
        }
        std::size_t kept = 0;
        for (std::size_t i = 0; i < n; ++i) {
            if (i + 1 < n && compare_keys(items[i + 1].key(), items[i].key()) == 0) continue;  // a later value follows
            items[kept++] = items[i];
        }
        n = kept;
    }
    Json container(o.object ? Json::Type::object : Json::Type::array);
    container.v_.first = nodes_.size();
    container.len_ = static_cast<std::uint32_t>(n);
    nodes_.insert(nodes_.end(), items, items + n);
    stack_.resize(o.mark);
    if (!open_.empty() && open_.back().object) {
        container.key_ = o.key.data();
        container.key_len_ = static_cast<std::uint32_t>(o.key.size());
    }
    if (open_.empty())
        root_ = container;
    else
        stack_.push_back(container);
}

const Json& JsonDocument::root() {
    if (!done_) {
        // Containers held the index of their first item while nodes_ grew: now pointers.
        const auto fix = [this](Json& j) {
            if (j.is_array() || j.is_object()) j.v_.items = nodes_.data() + j.v_.first;
        };
        for (Json& j : nodes_) fix(j);
        fix(root_);
        done_ = true;
    }
    return root_;
}

std::string json_text(const Json& value) {
    JsonWriter w;
    write(w, value);
    return std::move(w.out);
}

namespace {

/// A message's copy of JSON text: at most 60 bytes.
CEPLAN_MESSAGE_CODE std::string cut(std::string text) {
    if (text.size() > 60) {
        // Cut at 57 bytes, never inside a UTF-8 sequence.
        std::size_t at = 57;
        while (at > 0 && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
        text = text.substr(0, at) + "...";
    }
    return text;
}

}  // namespace

CEPLAN_MESSAGE_CODE std::string shown(const Json& value) {
    std::string text = json_text(value);
    // A number as written: 1e19, not nlohmann's 1e+19.
    if (value.is_number_float())
        if (const auto plus = text.find("e+"); plus != std::string::npos) text.erase(plus + 1, 1);
    return cut(std::move(text));
}

CEPLAN_MESSAGE_CODE std::string shown_text(std::string_view text) {
    JsonWriter w;
    w.string(text);
    return cut(std::move(w.out));
}

bool equals_one(const Json& value) {
    switch (value.type()) {
        case Json::Type::number_integer:
            return value.integer() == 1;
        case Json::Type::number_unsigned:
            return value.unsigned_integer() == 1;
        case Json::Type::number_float:
            return value.floating() == 1.0;
        default:
            return false;
    }
}

CEPLAN_MESSAGE_CODE std::string not_a_date(const Json& value) {
    // A well-formed but impossible day (2027-02-30, month 13) is "not a real date", as the forms say (D1).
    return (value.is_string() && date_shaped(text_of(value)) ? "not a real date, got "
                                                              : "expected a date YYYY-MM-DD, got ") +
           shown(value);
}

CEPLAN_MESSAGE_CODE std::string escape_pointer_token(std::string_view key) {
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
    return std::string(text_of(*v));
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
        const auto u = v->unsigned_integer();
        above = u > static_cast<std::uint64_t>(maximum);
        below = !above && static_cast<std::int64_t>(u) < minimum;
        if (!above) n = static_cast<std::int64_t>(u);
    } else if (v->is_number_integer()) {
        n = v->integer();
        below = n < minimum;
        above = n > maximum;
    } else if (v->is_number_float()) {
        const double d = v->floating();
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
    return v->boolean();
}

bool FieldReader::bounded_list(const Json& v, const std::string& ptr, std::size_t maximum, const char* what) {
    if (!v.is_array()) return false;
    if (v.size() <= maximum) return true;
    fail(ptr, std::string("expected at most ") + std::to_string(maximum) + " " + what + ", got " +
                  std::to_string(v.size()) + " (a documented limit)");
    return false;
}

}  // namespace ceplan
