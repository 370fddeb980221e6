#include "core/paths.hpp"

#include <algorithm>
#include <array>

namespace ceplan {

bool fits(const ExamSlot& slot, ExamKind kind) {
    return std::find(slot.kinds.begin(), slot.kinds.end(), kind) != slot.kinds.end();
}

namespace {

/// Bipartite matching of slots to exams. Exams of one kind are interchangeable
/// for the slots, so only the earliest `slots.size()` exams of each kind take
/// part: at most 5 × S candidates for S slots, whatever the number of exams.
/// The assignment is the one a search in slot order, earliest exam first, finds:
/// the lexicographically first among those filling the most slots (an open slot
/// ranks after every exam). Each slot fixes the first candidate that still lets
/// the rest reach the maximum, checked by Kuhn's augmenting paths: O(S × 5S ×
/// S² × 5S) = O(S⁵) steps plus one pass over `exams`, polynomial where a search
/// over assignments is exponential in S.
class Matcher {
public:
    Matcher(const std::vector<ExamSlot>& slots, const std::vector<ExamRecord>& exams) : slots_(slots) {
        std::array<std::size_t, all_exam_kinds.size()> taken{};
        for (std::size_t e = 0; e < exams.size(); ++e) {
            auto& n = taken[static_cast<std::size_t>(exams[e].kind)];
            if (n >= slots.size()) continue;
            ++n;
            candidates_.push_back({e, exams[e].kind});
        }
        used_.assign(candidates_.size(), false);
    }

    std::vector<long> run() {
        std::vector<long> best(slots_.size(), -1);
        std::size_t target = max_matching(0);
        for (std::size_t s = 0; s < slots_.size() && target > 0; ++s) {
            for (std::size_t c = 0; c < candidates_.size(); ++c) {
                if (used_[c] || !fits(slots_[s], candidates_[c].kind)) continue;
                used_[c] = true;
                if (1 + max_matching(s + 1) == target) {
                    best[s] = static_cast<long>(candidates_[c].exam);
                    --target;
                    break;
                }
                used_[c] = false;
            }
        }
        return best;
    }

private:
    struct Candidate {
        std::size_t exam;
        ExamKind kind;
    };
    const std::vector<ExamSlot>& slots_;
    std::vector<Candidate> candidates_;
    std::vector<bool> used_;    // candidates fixed to an earlier slot
    std::vector<long> owner_;   // during max_matching: candidate -> slot, -1 when free
    std::vector<bool> visited_;

    /// Kuhn: the most slots from `first` on that the free candidates can fill.
    std::size_t max_matching(std::size_t first) {
        owner_.assign(candidates_.size(), -1);
        std::size_t size = 0;
        for (std::size_t s = first; s < slots_.size(); ++s) {
            visited_.assign(candidates_.size(), false);
            size += augment(s);
        }
        return size;
    }

    // Recursion depth is at most the number of candidates (each level visits a new one).
    bool augment(std::size_t slot) {
        for (std::size_t c = 0; c < candidates_.size(); ++c) {
            if (used_[c] || visited_[c] || !fits(slots_[slot], candidates_[c].kind)) continue;
            visited_[c] = true;
            if (owner_[c] < 0 || augment(static_cast<std::size_t>(owner_[c]))) {
                owner_[c] = static_cast<long>(slot);
                return true;
            }
        }
        return false;
    }
};

std::vector<long> best_assignment(const std::vector<ExamSlot>& slots, const std::vector<ExamRecord>& exams) {
    return Matcher(slots, exams).run();
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
