#include "core/json_adapter.hpp"

#include <ctime>
#include <exception>

#include "core/engine.hpp"

namespace ceplan {

Date system_today() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
#if defined(_WIN32)
    localtime_s(&local, &now);
#else
    localtime_r(&now, &local);
#endif
    return make_date(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday).value_or(Date{});
}

Outcome evaluate_json(std::string_view plan_text, Date fallback_today) {
    Outcome out;
#if defined(__cpp_exceptions) || defined(__EXCEPTIONS)
    try {
#endif
        ParsedPlan parsed = parse_plan(plan_text, fallback_today);
        if (!parsed.plan) {
            out.errors = std::move(parsed.errors);
            out.json = errors_to_json(out.errors);
            return out;
        }
        out.json = result_to_json(evaluate(*parsed.plan));
        out.ok = true;
        recycle_policy(std::move(parsed));
#if defined(__cpp_exceptions) || defined(__EXCEPTIONS)
    } catch (const std::exception& e) {
        // Natively only (the wasm module is built without exceptions): a
        // fault of ceplan's own, reported rather than crashing.
        out.ok = false;
        out.errors = {{"", std::string("internal error: ") + e.what()}};
        out.json = errors_to_json(out.errors);
    }
#endif
    return out;
}

Outcome evaluate_json(std::string_view plan_text) {
    return evaluate_json(plan_text, system_today());
}

std::string policy_json() {
    static const std::string text = policy_to_json(default_policy());  // the built-in table never changes
    return text;
}

}  // namespace ceplan
