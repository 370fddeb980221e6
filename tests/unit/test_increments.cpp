// A2: increments, stored as runs (size × count).
#include <catch2/catch.hpp>

#include "core/increments.hpp"

using namespace ceplan;

namespace {
/// A pool of runs: {size, count} per run, in A1 order.
std::vector<Increment> pool_of(std::initializer_list<std::pair<int, std::int64_t>> runs) {
    std::vector<Increment> pool;
    int activity = 0;
    for (const auto& [size, count] : runs) pool.push_back({activity++, 0, Date{0}, Date{0}, size, count});
    return pool;
}
using Runs = std::vector<IncrementRun>;
}  // namespace

TEST_CASE("A2: credits split into 5-credit increments, then one remainder", "[A2]") {
    CHECK(split_into_increments(24, 5) == Runs{{5, 4}, {4, 1}});  // 5,5,5,5,4
    CHECK(split_into_increments(40, 5) == Runs{{5, 8}});
    CHECK(split_into_increments(3, 5) == Runs{{3, 1}});
    CHECK(split_into_increments(0, 5).empty());
    CHECK(split_into_increments(-7, 5).empty());
    CHECK(split_into_increments(7, 0).empty());
}

TEST_CASE("A2: a million credits are two runs, not 200000 records", "[A2]") {
    // 1,000,003 = 200,000 × 5 + 3.
    CHECK(split_into_increments(1000003, 5) == Runs{{5, 200000}, {3, 1}});
    // 5,000 activities × 1,000,000 credits = 5e9 credits: beyond 2^31, one run of 1e9 increments.
    CHECK(split_into_increments(5000000000LL, 5) == Runs{{5, 1000000000}});
}

TEST_CASE("A2: increments apply whole, in order, and the overshoot is used up", "[A2]") {
    // 24 (5,5,5,5,4) then 16 (5,5,5,1) against 30: 24 + 5 = 29, + 5 = 34 >= 30 after 7 increments:
    // the first two runs whole (24) and 2 of the next run's three 5s.
    auto pool = pool_of({{5, 4}, {4, 1}, {5, 3}, {1, 1}});
    auto a = apply_increments(pool, 30);
    REQUIRE(a);
    CHECK(a->runs == 2);
    CHECK(a->partial == 2);
    CHECK(a->applied == 34);
    CHECK(total_credits(pool) == 40);
    consume_increments(pool, *a);
    // Left: one 5 and the 1 of the second activity = 6.
    REQUIRE(pool.size() == 2);
    CHECK(pool[0].size == 5);
    CHECK(pool[0].count == 1);
    CHECK(total_credits(pool) == 6);
}

TEST_CASE("A2: an exact total uses no more than needed, too few credits is no application", "[A2]") {
    auto pool = pool_of({{5, 4}, {4, 1}});
    auto exact = apply_increments(pool, 24);
    REQUIRE(exact);
    CHECK(exact->runs == 2);
    CHECK(exact->partial == 0);
    CHECK(exact->applied == 24);
    CHECK_FALSE(apply_increments(pool, 25));
    auto none = apply_increments(pool, 0);
    REQUIRE(none);
    CHECK(none->runs == 0);
    CHECK(none->applied == 0);
}

TEST_CASE("A2: a requirement met by the last increment of a run uses the run whole", "[A2]") {
    // 5 × 3 = 15 against 12: 5, 10, 15 -> all three increments, overshoot 3 used up.
    auto pool = pool_of({{5, 3}, {4, 1}});
    auto a = apply_increments(pool, 12);
    REQUIRE(a);
    CHECK(a->runs == 1);
    CHECK(a->partial == 0);
    CHECK(a->applied == 15);
    consume_increments(pool, *a);
    REQUIRE(pool.size() == 1);
    CHECK(pool[0].size == 4);
}

TEST_CASE("A2: totals beyond 2^31 are exact (64-bit)", "[A2]") {
    // 2,148 runs of 200,000 five-credit increments = 2,148 × 1,000,000 = 2,148,000,000 > 2^31 - 1.
    std::vector<Increment> pool;
    for (int i = 0; i < 2148; ++i) pool.push_back({i, i, Date{0}, Date{0}, 5, 200000});
    CHECK(total_credits(pool) == 2148000000LL);
    auto a = apply_increments(pool, 2147483647LL);
    REQUIRE(a);
    // 2,147,483,647 = 2,147 whole runs (2,147,000,000) + 483,647 more: 96,730 increments (483,650).
    CHECK(a->runs == 2147);
    CHECK(a->partial == 96730);
    CHECK(a->applied == 2147483650LL);
}
