#include "core/paths.hpp"

#include <algorithm>

namespace ceplan {
namespace {

bool fits(const ExamSlot& slot, ExamKind kind) {
    return std::find(slot.kinds.begin(), slot.kinds.end(), kind) != slot.kinds.end();
}

// Fills slots from `slot` on; records the best (most filled) assignment.
// -1 marks a slot left open. Slots are few (at most a handful), so plain search.
void search(const std::vector<ExamSlot>& slots, const std::vector<ExamRecord>& exams, std::size_t slot,
            std::vector<long>& current, std::vector<bool>& used, int filled, std::vector<long>& best,
            int& best_filled) {
    if (best_filled == static_cast<int>(slots.size())) return;
    if (slot == slots.size()) {
        if (filled > best_filled) {
            best_filled = filled;
            best = current;
        }
        return;
    }
    for (std::size_t e = 0; e < exams.size(); ++e) {
        if (used[e] || !fits(slots[slot], exams[e].kind)) continue;
        used[e] = true;
        current[slot] = static_cast<long>(e);
        search(slots, exams, slot + 1, current, used, filled + 1, best, best_filled);
        used[e] = false;
        if (best_filled == static_cast<int>(slots.size())) return;
    }
    current[slot] = -1;
    search(slots, exams, slot + 1, current, used, filled, best, best_filled);
}

std::vector<long> best_assignment(const std::vector<ExamSlot>& slots, const std::vector<ExamRecord>& exams) {
    std::vector<long> current(slots.size(), -1), best(slots.size(), -1);
    std::vector<bool> used(exams.size(), false);
    int best_filled = -1;
    search(slots, exams, 0, current, used, 0, best, best_filled);
    return best;
}

}  // namespace

std::optional<std::vector<std::size_t>> match_exams(const std::vector<ExamSlot>& slots,
                                                    const std::vector<ExamRecord>& exams) {
    std::vector<std::size_t> out;
    for (long e : best_assignment(slots, exams)) {
        if (e < 0) return std::nullopt;
        out.push_back(static_cast<std::size_t>(e));
    }
    return out;
}

std::vector<std::string> unfilled_slots(const std::vector<ExamSlot>& slots, const std::vector<ExamRecord>& exams) {
    std::vector<std::string> open;
    const auto best = best_assignment(slots, exams);
    for (std::size_t s = 0; s < slots.size(); ++s)
        if (best[s] < 0) open.push_back(slots[s].name);
    return open;
}

}  // namespace ceplan
