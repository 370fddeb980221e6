#pragma once
// L2–L4: whether a path's exams are met by the exams a certification can count.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/policy.hpp"

namespace ceplan {

/// A passed (or planned) exam: the activity index, its completion date, its kind.
struct ExamRecord {
    int activity = 0;
    Date on;
    ExamKind kind = ExamKind::associate;
};

/// Whether an exam of `kind` can fill `slot` (L2, L4: the kinds a slot accepts). No errors.
bool fits(const ExamSlot& slot, ExamKind kind);

/// Assigns distinct exams to every slot (each exam fills one slot, L4 "two
/// professional-level exams" are two different exams). Returns the indices
/// into `exams`, one per slot, or nullopt when the slots cannot all be filled.
/// Earlier exams are preferred. Polynomial in the number of slots and exams
/// (bipartite matching; exams of one kind are interchangeable).
std::optional<std::vector<std::size_t>> match_exams(const std::vector<ExamSlot>& slots,
                                                    const std::vector<ExamRecord>& exams);

/// P2: the names of the slots left open when as many slots as possible are
/// filled from `exams` (empty when match_exams succeeds).
std::vector<std::string> unfilled_slots(const std::vector<ExamSlot>& slots, const std::vector<ExamRecord>& exams);

}  // namespace ceplan
