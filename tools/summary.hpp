#pragma once
// `ceplan evaluate --summary`: the verdict in plain words, as the page says it.
#include <string>

namespace ceplan::cli {

/// Plain-words verdict for a result (ceplan-result) or error (ceplan-error)
/// document `output`; `plan` is the plan text (for activity titles). Per
/// certification: "recertifies on DATE by PATH, valid through DATE, N days
/// given up" (P1, R5) or "will expire: valid through DATE" and what is missing
/// (P2); then the credits that do not count and why (P3), and other notes.
std::string summary(const std::string& plan, const std::string& output);

}  // namespace ceplan::cli
