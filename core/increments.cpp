#include "core/increments.hpp"

namespace ceplan {

std::vector<int> split_into_increments(int credits, int size) {
    std::vector<int> parts;
    if (credits <= 0 || size <= 0) return parts;
    for (int i = 0; i < credits / size; ++i) parts.push_back(size);
    if (credits % size) parts.push_back(credits % size);
    return parts;
}

std::optional<Application> apply_increments(const std::vector<Increment>& pool, int required) {
    Application a;
    while (a.applied < required) {
        if (a.count == pool.size()) return std::nullopt;
        a.applied += pool[a.count].credits;
        ++a.count;
    }
    return a;
}

int total_credits(const std::vector<Increment>& pool) {
    int total = 0;
    for (const auto& inc : pool) total += inc.credits;
    return total;
}

}  // namespace ceplan
