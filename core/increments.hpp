#pragma once
// A2: how an activity's credits split into increments and how increments are
// applied to a requirement. Kept in one place so another reading of A2 can
// replace this one. Increments are stored as runs (size × count), so memory is
// O(activities), never O(credits) (issue 6): 1,000,000 credits are 2 runs.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "core/date.hpp"

namespace ceplan {

/// `count` increments of `size` whole CE credits each (A2).
struct IncrementRun {
    int size = 0;
    std::int64_t count = 0;
    friend bool operator==(const IncrementRun&, const IncrementRun&) = default;
};

/// Whole CE credits from one activity, held until applied or expired: a run of
/// `count` increments of `size` credits. `order` is the activity's A1 rank
/// (completion date, then plan order).
struct Increment {
    int activity = 0;  // index into the plan's activities
    int order = 0;
    Date completed;
    Date expires;  // last day it can be applied (C2)
    int size = 0;
    std::int64_t count = 1;
    /// The run's total: size × count whole CE credits.
    std::int64_t credits() const { return static_cast<std::int64_t>(size) * count; }
};

/// A2: splits `credits` into as many `size`-credit increments as fit, then one
/// remainder increment (1..size-1) if any, as runs: 24, 5 -> {5×4, 4×1};
/// 40, 5 -> {5×8}; 3, 5 -> {3×1}; 0 (or less, or size <= 0) -> {}.
std::vector<IncrementRun> split_into_increments(std::int64_t credits, int size);

/// A2: applies increments from the front of `pool` (already in A1 order, all
/// usable; within a run all increments are alike) until the applied total
/// reaches `required`. Returns how many leading runs are used up whole
/// (`runs`), how many increments of the next run are used (`partial`, 0..its
/// count-1) and the applied total (>= required; the overshoot of the last
/// increment is used up), or nullopt when the pool holds fewer than `required`
/// credits. `required` <= 0 uses nothing.
struct Application {
    std::size_t runs = 0;
    std::int64_t partial = 0;
    std::int64_t applied = 0;
};
std::optional<Application> apply_increments(const std::vector<Increment>& pool, std::int64_t required);

/// A2, A4: removes what `application` used from the front of `pool`.
void consume_increments(std::vector<Increment>& pool, const Application& application);

/// Total credits of a pool.
std::int64_t total_credits(const std::vector<Increment>& pool);

}  // namespace ceplan
