#include "core/warnings.hpp"

#include <array>

namespace ceplan {
namespace {

struct CodeInfo {
    const char* code;
    const char* rule;
    Severity severity;
};

constexpr std::array<CodeInfo, 27> catalog = {{
    {"RETIRED_NO_RECERT", "L6", Severity::info},
    {"PATH_UNVERIFIED", "L4", Severity::info},
    {"AFTER_EXPIRATION", "R3", Severity::warning},
    {"PENDING_VALIDATION", "R8", Severity::info},
    {"CREDITS_OUT_OF_RANGE", "E1", Severity::warning},
    {"NOT_ELIGIBLE_LITE", "E2", Severity::warning},
    {"NOT_ELIGIBLE_CATALOG", "E2", Severity::warning},
    {"REPEAT_MINOR_VERSION", "E3", Severity::warning},
    {"REPEAT_AUDIENCE_EDITION", "E4", Severity::warning},
    {"REPEAT_AFTER_ALPHA", "E5", Severity::warning},
    {"REPEAT_EVENT_CLAIM", "E6", Severity::warning},
    {"SESSION_TYPE_NOT_ELIGIBLE", "E6", Severity::warning},
    {"DUPLICATE_SESSION", "E6", Severity::warning},
    {"NO_SESSIONS", "E6", Severity::warning},
    {"NOT_BADGED", "E7", Severity::warning},
    {"SESSION_TOO_SHORT", "E7", Severity::warning},
    {"ATTENDANCE_BELOW_75", "E7", Severity::warning},
    {"CREDIT_VALUE_UNKNOWN", "E8", Severity::warning},
    {"NOT_SME_PROGRAM", "E8", Severity::warning},
    {"CLAIM_WINDOW_MISSED", "C1", Severity::warning},
    {"CLAIM_DUE_SOON", "C1", Severity::info},
    {"CREDITS_EXPIRED", "C2", Severity::warning},
    {"BEFORE_CERTIFIED", "C3", Severity::warning},
    {"PORTAL_DELAY", "C4", Severity::info},
    {"ROLLOVER_FORFEITED", "A3", Severity::warning},
    {"ALREADY_APPLIED", "A4", Severity::info},
    {"REJECTED", "A4", Severity::warning},
}};

}  // namespace

Warning make_warning(const std::string& code, std::optional<std::string> activity,
                     std::optional<std::string> certification, std::string message, std::optional<int> session) {
    Warning w{code,    Severity::warning,  "",          std::move(activity), std::move(certification),
              session, std::move(message), std::nullopt};
    for (const auto& info : catalog) {
        if (code == info.code) {
            w.rule = info.rule;
            w.severity = info.severity;
        }
    }
    if (code == "PLANNED_IN_PAST") {
        w.rule = "P5";
        w.severity = Severity::info;
    }
    return w;
}

}  // namespace ceplan
