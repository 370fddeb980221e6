#include "core/increments.hpp"

namespace ceplan {

std::vector<IncrementRun> split_into_increments(std::int64_t credits, int size) {
    std::vector<IncrementRun> runs;
    if (credits <= 0 || size <= 0) return runs;
    if (credits / size > 0) runs.push_back({size, credits / size});
    if (credits % size) runs.push_back({static_cast<int>(credits % size), 1});
    return runs;
}

std::optional<Application> apply_increments(const std::vector<Increment>& pool, std::int64_t required) {
    Application a;
    while (a.applied < required) {
        if (a.runs == pool.size()) return std::nullopt;
        const Increment& run = pool[a.runs];
        const std::int64_t need = required - a.applied;
        if (run.size > 0 && run.credits() > need) {
            // The requirement is reached inside this run: whole increments, rounded up (A2).
            a.partial = (need + run.size - 1) / run.size;
            a.applied += a.partial * run.size;
            if (a.partial < run.count) return a;
            a.partial = 0;  // the run is used up whole after all
            ++a.runs;
            continue;
        }
        a.applied += run.credits();
        ++a.runs;
    }
    return a;
}

void consume_increments(std::vector<Increment>& pool, const Application& application) {
    pool.erase(pool.begin(), pool.begin() + static_cast<std::ptrdiff_t>(application.runs));
    if (application.partial > 0 && !pool.empty()) pool.front().count -= application.partial;
}

std::int64_t total_credits(const std::vector<Increment>& pool) {
    std::int64_t total = 0;
    for (const auto& run : pool) total += run.credits();
    return total;
}

}  // namespace ceplan
