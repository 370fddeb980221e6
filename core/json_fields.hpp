#pragma once
// Reading typed fields out of a parsed JSON document, collecting every
// problem with its JSON pointer (plan-format.md "Errors"). Shared by the plan
// reader and the policy reader. Never throws: every access is checked.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/date.hpp"
#include "core/limits.hpp"
#include "core/result_writer.hpp"

namespace ceplan {

/// One value of a parsed plan document: a read-only node of a tree that a
/// JsonDocument owns (issue 6: no std::map DOM, no string per key). Mirrors
/// the nlohmann::json calls the readers use, with nlohmann's semantics: an
/// object's members are sorted by key (byte order) and a key given twice keeps
/// its last value; a non-negative integer is number_unsigned, a negative one
/// number_integer, is_number_integer() is true for both.
class Json {
public:
    enum class Type : std::uint8_t { null, boolean, number_integer, number_unsigned, number_float, string, array, object };

    Json() = default;
    static Json boolean_value(bool b) { Json j(Type::boolean); j.v_.b = b; return j; }
    static Json integer_value(std::int64_t n) { Json j(Type::number_integer); j.v_.i = n; return j; }
    static Json unsigned_value(std::uint64_t n) { Json j(Type::number_unsigned); j.v_.u = n; return j; }
    static Json float_value(double d) { Json j(Type::number_float); j.v_.d = d; return j; }
    /// A string value viewing `text` (which must outlive the node).
    static Json string_value(std::string_view text) {
        Json j(Type::string);
        j.v_.s = text.data();
        j.len_ = static_cast<std::uint32_t>(text.size());
        return j;
    }

    Type type() const { return type_; }
    bool is_null() const { return type_ == Type::null; }
    bool is_boolean() const { return type_ == Type::boolean; }
    bool is_string() const { return type_ == Type::string; }
    bool is_array() const { return type_ == Type::array; }
    bool is_object() const { return type_ == Type::object; }
    bool is_number() const { return is_number_integer() || type_ == Type::number_float; }
    bool is_number_integer() const { return type_ == Type::number_integer || type_ == Type::number_unsigned; }
    bool is_number_unsigned() const { return type_ == Type::number_unsigned; }
    bool is_number_float() const { return type_ == Type::number_float; }

    bool boolean() const { return v_.b; }
    std::int64_t integer() const { return v_.i; }
    std::uint64_t unsigned_integer() const { return v_.u; }
    double floating() const { return v_.d; }
    /// The text of a string value.
    std::string_view text() const { return {v_.s, len_}; }

    /// Members of an object or items of an array; 0 for null, 1 for any other value (as nlohmann).
    std::size_t size() const { return is_array() || is_object() ? len_ : is_null() ? 0 : 1; }
    /// Item i of an array (i < size()), or member i of an object in key order.
    const Json& operator[](std::size_t i) const { return v_.items[i]; }
    const Json* begin() const { return is_array() || is_object() ? v_.items : nullptr; }
    const Json* end() const { return is_array() || is_object() ? v_.items + len_ : nullptr; }
    /// The key of an object's member.
    std::string_view key() const { return {key_, key_len_}; }
    /// The member `key` of an object, or nullptr (also when this is not an object).
    const Json* find(std::string_view key) const;

private:
    friend class JsonDocument;
    explicit Json(Type type) : type_(type) {}
    const char* key_ = nullptr;
    union {
        bool b;
        std::int64_t i;
        std::uint64_t u;
        double d;
        const char* s;
        const Json* items;
        std::size_t first;  // while building: the index of the first item in the document's nodes
    } v_{};
    std::uint32_t key_len_ = 0;
    std::uint32_t len_ = 0;  // a string's bytes, a container's items
    Type type_ = Type::null;
    [[maybe_unused]] std::uint8_t padding_[7]{};  // 32 bytes in all: copied as two 16-byte words
};

/// Builds and owns the tree of one document from parser events (nlohmann's
/// SAX): strings and keys copied once into one buffer the size of the text,
/// nodes in one vector. Usage: value()/string()/key()/start()/end() in
/// document order, then root().
class JsonDocument {
public:
    /// `text_bytes`: the size of the document's text (the strings it holds are never longer).
    explicit JsonDocument(std::size_t text_bytes);

    /// A key of the object being read; the returned view lives as long as the document.
    std::string_view key(std::string_view key);
    /// A scalar value (null, boolean, number) at the current place.
    void value(Json v);
    /// A string value at the current place.
    void string(std::string_view text) { value(Json::string_value(keep(text))); }
    /// An array or object begins / ends at the current place.
    void start(bool object);
    void end();
    /// The document's value, after its last event (null when none was read).
    const Json& root();

private:
    struct Open {
        std::size_t mark;  // where its items begin in stack_
        std::string_view key;
        bool object;
    };
    std::string text_;                 // strings and keys, reserved to the text's size: views stay valid
    std::vector<Json> nodes_;          // items of closed containers, each container's items contiguous
    std::vector<Json> stack_;          // values whose container is still open
    std::vector<Json> scratch_;        // merge sort of a large object
    std::vector<Open> open_;
    std::string_view pending_key_;
    Json root_;
    bool done_ = false;
    std::string_view keep(std::string_view text);
};

/// The text of a string value (the caller checked is_string()).
inline std::string_view text_of(const Json& v) { return v.text(); }

/// Compact JSON text of a value (the bytes of nlohmann's dump(-1)).
std::string json_text(const Json& value);

/// A value as it appears in a message: compact JSON, cut to 60 bytes.
std::string shown(const Json& value);

/// A text as it appears in a message: a JSON string, cut to 60 bytes.
std::string shown_text(std::string_view text);

/// nlohmann's `value == 1` for a parsed value (1, 1.0).
bool equals_one(const Json& value);

/// The message for a value that is not a date: "not a real date, got ..." for a well-formed
/// but impossible day (D1: 2027-02-30), else "expected a date YYYY-MM-DD, got ...".
std::string not_a_date(const Json& value);

/// RFC 6901: "~" -> "~0", "/" -> "~1".
std::string escape_pointer_token(std::string_view key);

/// Reads fields, collecting every problem with its pointer. `at` is the
/// pointer of the object read; a field's pointer is at + "/" + key.
class FieldReader {
public:
    std::vector<PlanError> errors;

    void fail(const std::string& pointer, std::string message) { errors.push_back({pointer, std::move(message)}); }

    /// The value of `key` in object `obj`, or nullptr.
    static const Json* find(const Json& obj, std::string_view key) { return obj.find(key); }

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
