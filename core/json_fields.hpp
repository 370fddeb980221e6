#pragma once
// Reading typed fields out of a parsed JSON document, collecting every
// problem with its JSON pointer (plan-format.md "Errors"). Shared by the plan
// reader and the policy reader. Never throws: every access is checked.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/date.hpp"
#include "core/limits.hpp"
#include "core/result_writer.hpp"

namespace ceplan {

/// The parsed document type (keys sorted: parsing is O(n log n) in keys).
using Json = nlohmann::json;

/// Compact JSON text of a value (the bytes of nlohmann's dump(-1)).
std::string json_text(const Json& value);

/// A value as it appears in a message: compact JSON, cut to 60 bytes.
std::string shown(const Json& value);

/// RFC 6901: "~" -> "~0", "/" -> "~1".
/// The message for a value that is not a date: "not a real date, got ..." for a well-formed
/// but impossible day (D1: 2027-02-30), else "expected a date YYYY-MM-DD, got ...".
std::string not_a_date(const Json& value);

std::string escape_pointer_token(const std::string& key);

/// The text of a string value (the caller checked is_string()).
inline const std::string& text_of(const Json& v) {
    return *v.get_ptr<const Json::string_t*>();
}

/// Reads fields, collecting every problem with its pointer. `at` is the
/// pointer of the object read; a field's pointer is at + "/" + key.
class FieldReader {
public:
    std::vector<PlanError> errors;

    void fail(const std::string& pointer, std::string message) { errors.push_back({pointer, std::move(message)}); }

    /// The value of `key` in object `obj`, or nullptr.
    static const Json* find(const Json& obj, const char* key) {
        if (!obj.is_object()) return nullptr;
        auto it = obj.find(key);
        return it == obj.end() ? nullptr : &*it;
    }

    /// Text (a number is accepted as its JSON text, e.g. a version 1.1).
    std::optional<std::string> text(const Json& obj, const char* key, const std::string& at, bool required);

    /// An ISO date YYYY-MM-DD between 1900-01-01 and 2199-12-31 (D1).
    std::optional<Date> date(const Json& obj, const char* key, const std::string& at, bool required);

    /// A whole number from `minimum` to `maximum`; null or absent is "not set"
    /// (an error when `required`). `what` names it in messages ("CE credits").
    std::optional<std::int64_t> whole(const Json& obj, const char* key, const std::string& at, bool required,
                                      std::int64_t minimum, const char* what,
                                      std::int64_t maximum = limits::whole_number);
    std::optional<std::int64_t> whole_value(const Json* v, const std::string& ptr, bool required, std::int64_t minimum,
                                            const char* what, std::int64_t maximum = limits::whole_number);

    /// whole_value with the pointer at + "/" + key (just `at` when key is nullptr), built only for a message.
    std::optional<std::int64_t> whole_at(const Json* v, const std::string& at, const char* key, bool required,
                                         std::int64_t minimum, const char* what, std::int64_t maximum);

    /// true or false; null or absent is "not set".
    std::optional<bool> boolean(const Json& obj, const char* key, const std::string& at);

    /// One of the named options.
    template <typename T>
    std::optional<T> choice(const Json& obj, const char* key, const std::string& at, bool required,
                            const std::vector<std::pair<const char*, T>>& options) {
        const Json* v = find(obj, key);
        if (!v || v->is_null()) {
            if (required) fail(at + "/" + key, "required: expected one of " + names(options));
            return std::nullopt;
        }
        if (v->is_string())
            for (const auto& [name, value] : options)
                if (text_of(*v) == name) return value;
        fail(at + "/" + key, "expected one of " + names(options) + ", got " + shown(*v));
        return std::nullopt;
    }

    /// A list no longer than `maximum`: true if `v` is one, else an error at `ptr`.
    bool bounded_list(const Json& v, const std::string& ptr, std::size_t maximum, const char* what);

private:
    template <typename T>
    static std::string names(const std::vector<std::pair<const char*, T>>& options) {
        std::string out;
        for (const auto& option : options) out += (out.empty() ? "" : ", ") + std::string(option.first);
        return out;
    }
};

}  // namespace ceplan
