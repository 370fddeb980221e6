#pragma once
// Calendar dates for the rules (D1, D2): whole days, no time of day, no time zone.
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace ceplan {

/// A calendar date, stored as days since 1970-01-01 (proleptic Gregorian).
/// Ordering and subtraction are plain day arithmetic (D2 "N days after").
struct Date {
    int days = 0;
    friend constexpr auto operator<=>(Date, Date) = default;
    friend constexpr bool operator==(Date, Date) = default;
};

/// Builds a date from year, month (1-12) and day (1-31); returns nullopt when the
/// day does not exist in that month (2026-02-30). Years 1..9999.
std::optional<Date> make_date(int year, int month, int day);

/// Whether `text` has the shape `YYYY-MM-DD` (digits and two hyphens), a real day or not:
/// "2027-02-30" is shaped (D1: then it is "not a real date"), "2027-2-3" is not.
bool date_shaped(std::string_view text);

/// Parses an ISO `YYYY-MM-DD` string; nullopt for any other shape or an impossible day.
std::optional<Date> parse_date(std::string_view text);

/// Formats as ISO `YYYY-MM-DD`.
std::string format_date(Date date);

/// D2: the date N days after `date` (N may be negative).
constexpr Date add_days(Date date, int n) {
    return Date{date.days + n};
}

/// D2: days from `from` to `to` (negative when `to` is earlier).
constexpr int days_between(Date from, Date to) {
    return to.days - from.days;
}

/// D2: same month and day N years later; 29 February becomes 28 February in a
/// non-leap year. N may be negative (used for the default cycle start, R7).
Date add_years(Date date, int n);

}  // namespace ceplan
