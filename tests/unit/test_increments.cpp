// A2: increments.
#include <catch2/catch.hpp>

#include "core/increments.hpp"

using namespace ceplan;

namespace {
std::vector<Increment> pool_of(std::initializer_list<int> credits) {
    std::vector<Increment> pool;
    for (int c : credits) pool.push_back({0, 0, Date{0}, Date{0}, c});
    return pool;
}
}  // namespace

TEST_CASE("A2: credits split into 5-credit increments, then one remainder", "[A2]") {
    CHECK(split_into_increments(24, 5) == std::vector<int>{5, 5, 5, 5, 4});
    CHECK(split_into_increments(40, 5) == std::vector<int>(8, 5));
    CHECK(split_into_increments(3, 5) == std::vector<int>{3});
    CHECK(split_into_increments(0, 5).empty());
}

TEST_CASE("A2: increments apply whole, in order, and the overshoot is used up", "[A2]") {
    // 24 (5,5,5,5,4) then 16 (5,5,5,1) against 30: 24 + 5 = 29, + 5 = 34 >= 30 after 7 increments.
    auto pool = pool_of({5, 5, 5, 5, 4, 5, 5, 5, 1});
    auto a = apply_increments(pool, 30);
    REQUIRE(a);
    CHECK(a->count == 7);
    CHECK(a->applied == 34);
    CHECK(total_credits(pool) == 40);
}

TEST_CASE("A2: an exact total uses no more than needed, too few credits is no application", "[A2]") {
    auto pool = pool_of({5, 5, 5, 5, 4});
    auto exact = apply_increments(pool, 24);
    REQUIRE(exact);
    CHECK(exact->count == 5);
    CHECK(exact->applied == 24);
    CHECK_FALSE(apply_increments(pool, 25));
    auto none = apply_increments(pool, 0);
    REQUIRE(none);
    CHECK(none->count == 0);
}
