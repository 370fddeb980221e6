#pragma once
// The warning codes of rules.md, each with its rule id and severity.
#include <optional>
#include <string>

#include "core/model.hpp"

namespace ceplan {

/// Builds a warning for `code` (a code from rules.md, e.g. "REPEAT_MINOR_VERSION"),
/// filling in its rule id and severity from the one catalog. An unknown code
/// gets rule "" and severity warning.
Warning make_warning(const std::string& code, std::optional<std::string> activity,
                     std::optional<std::string> certification, std::string message,
                     std::optional<int> session = std::nullopt);

}  // namespace ceplan
