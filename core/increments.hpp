#pragma once
// A2: how an activity's credits split into increments and how increments are
// applied to a requirement. Kept in one place so another reading of A2 can
// replace this one.
#include <cstddef>
#include <optional>
#include <vector>

#include "core/date.hpp"

namespace ceplan {

/// Whole CE credits from one activity, held until applied or expired.
/// `order` is the activity's A1 rank (completion date, then plan order).
struct Increment {
    int activity = 0;  // index into the plan's activities
    int order = 0;
    Date completed;
    Date expires;  // last day it can be applied (C2)
    int credits = 0;
};

/// A2: splits `credits` into as many `size`-credit increments as fit, then one
/// remainder increment (1..size-1) if any: 24, 5 -> {5,5,5,5,4}. 0 -> {}.
std::vector<int> split_into_increments(int credits, int size);

/// A2: applies increments from the front of `pool` (already in A1 order, all
/// usable) until the applied total reaches `required`. Returns how many leading
/// increments are used and their total (>= required; the overshoot of the last
/// one is used up), or nullopt when the pool holds fewer than `required` credits.
/// `required` <= 0 uses nothing.
struct Application {
    std::size_t count = 0;
    int applied = 0;
};
std::optional<Application> apply_increments(const std::vector<Increment>& pool, int required);

/// Total credits of a pool.
int total_credits(const std::vector<Increment>& pool);

}  // namespace ceplan
