#pragma once
// What each activity earns, before any credit is applied: E1–E8, C1, C3, A4,
// R8 and P5 information. Pure: a plan in, one Earning per activity out.
#include <cstdint>
#include <string>
#include <vector>

#include "core/model.hpp"

namespace ceplan {

/// What one activity earns. `credits`: whole CE credits it earns (0 when nothing,
/// always 0 for exams); `nominal`: what it would earn without the reason it earns
/// less; `warnings`: why it earns less, plus information (P3, P5).
struct Earning {
    std::int64_t credits = 0;  // 64-bit: items × credits per item can exceed 2^31 (issue 7 §3)
    std::int64_t nominal = 0;
    std::vector<Warning> warnings;
};

/// A1: indices of the plan's enabled activities in the order credits are
/// earned: completion date, then plan order.
std::vector<int> a1_order(const Plan& plan);

/// Evaluates every activity of `plan` (result index = plan index). Repeats
/// (E3–E6) are judged against earlier activities in A1 order across the whole
/// history; an attempt that earned nothing is not a prior claim. Disabled
/// activities earn 0 with no warning and are no prior claim.
std::vector<Earning> evaluate_earnings(const Plan& plan);

/// E3, E6: how the rules compare codes and names: leading and trailing white
/// space removed, ASCII letters in upper case (" brkent-2031 " -> "BRKENT-2031").
/// Inner spaces are kept.
std::string identity_text(const std::string& text);

/// E3, E4: the course identity shared by a course's editions: identity_text,
/// then without one leading "P-", "A-" or "CUST-" (" a-sda-faststart" ->
/// "SDA-FASTSTART"). "" when there is no code (nothing to compare: such a
/// training is never judged a repeat).
std::string course_identity(const std::string& course);

/// E3: the major number of a version string: the first run of digits, so
/// "1.1", "1", " 1.0 ", "v1.0" and "V1" all give 1 and "2.0" gives 2. -1 when
/// the version has no digit ("", "  ", "latest"): the version is missing, and a
/// training without one cannot prove a new major version (E3).
int major_version(const std::string& version);

/// E6: how a Cisco Live session is valued: its policy column (breakout, lab,
/// seminar_4h, seminar_8h; empty when the type is not eligible) and level key
/// (the thousands of the session number: BRKCRT-3008 -> "3000"; empty if no number).
struct SessionClass {
    std::string column;
    std::string level;
};
SessionClass classify_session(const Session& session, const Policy& policy);

}  // namespace ceplan
