#pragma once
// What each activity earns, before any credit is applied: E1–E8, C1, C3, A4,
// R8 and P5 information. Pure: a plan in, one Earning per activity out.
#include <string>
#include <vector>

#include "core/model.hpp"

namespace ceplan {

/// What one activity earns. `credits`: whole CE credits it earns (0 when nothing,
/// always 0 for exams); `nominal`: what it would earn without the reason it earns
/// less; `warnings`: why it earns less, plus information (P3, P5).
struct Earning {
    int credits = 0;
    int nominal = 0;
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

/// E4: the course identity shared by an course's editions: upper case, without a
/// leading "P-", "A-" or "CUST-" (A-SDA-FASTSTART -> SDA-FASTSTART).
std::string course_identity(const std::string& course);

/// E3: the major number of a version string ("1.1" -> 1, "v2" -> 2); -1 if none.
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
