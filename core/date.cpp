#include "core/date.hpp"

#include <string>

namespace ceplan {
namespace {

// Howard Hinnant's days_from_civil / civil_from_days (public domain algorithms).
int days_from_civil(int y, unsigned m, unsigned d) {
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<int>(doe) - 719468;
}

struct Civil {
    int year;
    int month;
    int day;
};

Civil civil_from_days(int z) {
    z += 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int y = static_cast<int>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {y + (m <= 2), static_cast<int>(m), static_cast<int>(d)};
}

bool is_leap(int y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int days_in_month(int y, int m) {
    static constexpr int table[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : table[m - 1];
}

}  // namespace

std::optional<Date> make_date(int year, int month, int day) {
    if (year < 1 || year > 9999 || month < 1 || month > 12) return std::nullopt;
    if (day < 1 || day > days_in_month(year, month)) return std::nullopt;
    return Date{days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day))};
}

bool date_shaped(std::string_view t) {
    if (t.size() != 10) return false;
    for (std::size_t i = 0; i < 10; ++i)
        if (i == 4 || i == 7 ? t[i] != '-' : t[i] < '0' || t[i] > '9') return false;
    return true;
}

std::optional<Date> parse_date(std::string_view t) {
    if (!date_shaped(t)) return std::nullopt;
    int parts[3] = {0, 0, 0};
    const int starts[3] = {0, 5, 8};
    const int lengths[3] = {4, 2, 2};
    for (int p = 0; p < 3; ++p) {
        for (int i = 0; i < lengths[p]; ++i) {
            const char c = t[static_cast<std::size_t>(starts[p] + i)];
            parts[p] = parts[p] * 10 + (c - '0');
        }
    }
    return make_date(parts[0], parts[1], parts[2]);
}

std::string format_date(Date date) {
    const Civil c = civil_from_days(date.days);
    // YYYY-MM-DD (digits by hand: no printf in the module, and this runs for every date written).
    std::string out = c.year >= 0 && c.year <= 9999 ? std::string(4, '0') : std::to_string(c.year);
    if (c.year >= 0 && c.year <= 9999)
        for (int i = 3, y = c.year; i >= 0; --i, y /= 10) out[static_cast<std::size_t>(i)] = static_cast<char>('0' + y % 10);
    const char tail[] = {'-', static_cast<char>('0' + c.month / 10), static_cast<char>('0' + c.month % 10), '-',
                         static_cast<char>('0' + c.day / 10), static_cast<char>('0' + c.day % 10)};
    out.append(tail, sizeof tail);
    return out;
}

Date add_years(Date date, int n) {
    const Civil c = civil_from_days(date.days);
    const int year = c.year + n;
    const int day = c.month == 2 && c.day == 29 && !is_leap(year) ? 28 : c.day;
    return Date{days_from_civil(year, static_cast<unsigned>(c.month), static_cast<unsigned>(day))};
}

}  // namespace ceplan
