// D1, D2: calendar dates.
#include <catch2/catch.hpp>

#include "core/date.hpp"

using namespace ceplan;

namespace {
Date D(const char* text) {
    return *parse_date(text);
}
}  // namespace

TEST_CASE("D1: ISO dates parse and print back, impossible days are refused", "[D1]") {
    CHECK(format_date(D("2026-03-15")) == "2026-03-15");
    CHECK(format_date(D("2024-02-29")) == "2024-02-29");
    CHECK_FALSE(parse_date("2026-02-30"));
    CHECK_FALSE(parse_date("2025-02-29"));  // 2025 is not a leap year
    CHECK_FALSE(parse_date("2026-13-01"));
    CHECK_FALSE(parse_date("2026-1-05"));
    CHECK_FALSE(parse_date("2026-01-05T00:00"));
    CHECK_FALSE(parse_date(""));
    CHECK_FALSE(parse_date("abcd-ef-gh"));
    CHECK(D("2026-01-01") < D("2026-01-02"));
}

TEST_CASE("D2: N years after keeps month and day, 29 February becomes 28 February", "[D2]") {
    CHECK(format_date(add_years(D("2026-08-20"), 3)) == "2029-08-20");
    CHECK(format_date(add_years(D("2024-02-29"), 3)) == "2027-02-28");
    CHECK(format_date(add_years(D("2024-02-29"), 4)) == "2028-02-29");
    CHECK(format_date(add_years(D("2027-03-15"), -3)) == "2024-03-15");
}

TEST_CASE("D2: N days after is plain day arithmetic", "[D2]") {
    CHECK(format_date(add_days(D("2025-10-01"), 365)) == "2026-10-01");
    CHECK(format_date(add_days(D("2023-12-31"), 366)) == "2024-12-31");  // through a leap day
    // 2024-02-29 -> 2025-02-28 is 365 days, then 1 + 31 + 30 + 31 + 29 = 122 more to 2025-06-30.
    CHECK(days_between(D("2024-02-29"), D("2025-06-30")) == 487);
    CHECK(days_between(D("2026-03-01"), D("2026-02-01")) == -28);
}
