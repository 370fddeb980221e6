#pragma once
// ceplan's documented input limits (README "Limits"). A plan beyond one is
// refused with an error naming the field, before any work starts, so that
// every evaluation runs in bounded time and memory and every sum the engine
// computes fits in 64 bits (e.g. 5,000 activities x 1,000,000 credits).
#include <cstddef>
#include <cstdint>

namespace ceplan::limits {

inline constexpr std::size_t document_bytes = 10'000'000;  // a plan document: 10 MB of JSON text
inline constexpr int nesting_depth = 64;                   // objects and arrays nested in one another
inline constexpr std::size_t certifications = 500;
inline constexpr std::size_t activities = 5'000;
inline constexpr std::size_t sessions_per_event = 500;  // Cisco Live sessions in one activity
inline constexpr std::size_t paths_per_level = 50;      // policy: recertification paths of one level
inline constexpr std::size_t exams_per_path = 5;        // policy: exams one path asks for
inline constexpr std::size_t exam_groups = 50;          // policy: exam groups
inline constexpr std::size_t table_entries = 100;       // policy: Cisco Live columns, levels per column, item types
/// Any whole number in a plan (credits, minutes, items) unless a field says less.
inline constexpr std::int64_t whole_number = 1'000'000;

}  // namespace ceplan::limits
