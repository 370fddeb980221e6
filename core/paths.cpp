#include "core/paths.hpp"

#include <algorithm>
#include <array>

namespace ceplan {
namespace {

bool fits(const ExamSlot& slot, ExamKind kind) {
    return std::find(slot.kinds.begin(), slot.kinds.end(), kind) != slot.kinds.end();
}

/// Maximum bipartite matching of slots to exams (Kuhn's augmenting paths).
/// Exams of one kind are interchangeable for the slots, so only the earliest
/// `slots.size()` exams of each kind take part: at most 5 × S candidates for S
/// slots, whatever the number of exams. Work O(S² × 5S) plus one pass over
/// `exams`: polynomial, where a plain search over assignments is exponential in S.
/// Slots are served in order and candidates tried earliest first, so earlier
/// slots are filled first and earlier exams are preferred. Returns, per slot,
/// the index into `exams` or -1 for a slot left open.
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
        owner_.assign(candidates_.size(), -1);
    }

    std::vector<long> run() {
        for (std::size_t s = 0; s < slots_.size(); ++s) {
            visited_.assign(candidates_.size(), false);
            augment(s);
        }
        std::vector<long> best(slots_.size(), -1);
        for (std::size_t c = 0; c < candidates_.size(); ++c)
            if (owner_[c] >= 0) best[static_cast<std::size_t>(owner_[c])] = static_cast<long>(candidates_[c].exam);
        return best;
    }

private:
    struct Candidate {
        std::size_t exam;
        ExamKind kind;
    };
    const std::vector<ExamSlot>& slots_;
    std::vector<Candidate> candidates_;
    std::vector<long> owner_;  // candidate -> slot holding it, -1 when free
    std::vector<bool> visited_;

    // Depth is at most the number of slots (each level moves to another slot).
    bool augment(std::size_t slot) {
        for (std::size_t c = 0; c < candidates_.size(); ++c) {
            if (visited_[c] || !fits(slots_[slot], candidates_[c].kind)) continue;
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
