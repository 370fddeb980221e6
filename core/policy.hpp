#pragma once
// The policy table: every constant of the rules, in one place (rules.md "Every
// constant below lives in one policy table"). The built-in table is
// default_policy(); a plan's `policy` block overrides it (json_adapter).
#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ceplan {

/// L1: certification levels, lowest to highest.
enum class Level { associate = 0, specialist = 1, professional = 2, expert = 3 };

/// L3: exam kinds.
enum class ExamKind { associate, core, concentration, expert_written, expert_lab };

/// One exam a path asks for. `name` is an exam kind ("core") or a group
/// ("professional" = core or concentration, L3); `kinds` are the kinds that fill it.
struct ExamSlot {
    std::string name;
    std::vector<ExamKind> kinds;
};

/// A recertification path (L2, L4): `credits` whole CE credits (0 for an
/// exam-only path) and the exams it asks for. `source` is seed|official|reported;
/// `verified` is false for reported paths (the page says "check Cisco's page").
struct Path {
    int credits = 0;
    std::vector<ExamSlot> exams;
    std::string source;
    bool verified = true;
};

/// All policy values. Units: days, years, whole CE credits, minutes, percent.
/// Cisco Live and item-authoring values are unknown (E8) and ship as nullopt.
struct Policy {
    int cycle_years = 3;                  // L1, R5
    int credit_validity_years = 3;        // C2
    int claim_window_days = 365;          // C1
    int claim_due_soon_days = 30;         // C1
    int validation_days = 30;             // R8, C4
    int increment = 5;                    // A2
    int rollover_minimum = 5;             // A3
    int training_min_credits = 4;         // E1
    int training_max_credits = 64;        // E1
    int session_minimum_minutes = 45;     // E7
    int attendance_minimum_percent = 75;  // E7
    int seminar_8h_minutes = 480;         // E6
    /// L3: exam groups usable as a slot name, e.g. professional -> core, concentration.
    std::map<std::string, std::vector<ExamKind>> exam_groups;
    /// L2 + L4: paths per level, indexed by Level, in the order the rules list them (R6 tie-break).
    std::array<std::vector<Path>, 4> paths;
    /// E6/E8: Cisco Live credits per session column (breakout, lab, seminar_4h,
    /// seminar_8h) and level key ("1000", "2000", "3000"); nullopt = unknown.
    std::map<std::string, std::map<std::string, std::optional<int>>> cisco_live;
    /// E8: item-authoring credits per accepted item, per item type; nullopt = unknown.
    std::map<std::string, std::optional<int>> item_authoring;
};

/// The built-in policy table (rules.md values; E8 values unknown).
Policy default_policy();

/// Name of a level / exam kind as written in JSON ("professional", "expert_lab").
const char* to_string(Level level);
const char* to_string(ExamKind kind);

/// Parses a level / exam kind name; nullopt for an unknown name.
std::optional<Level> parse_level(const std::string& name);
std::optional<ExamKind> parse_exam_kind(const std::string& name);

/// All levels / exam kinds, in order.
inline constexpr std::array<Level, 4> all_levels = {Level::associate, Level::specialist, Level::professional,
                                                    Level::expert};
inline constexpr std::array<ExamKind, 5> all_exam_kinds = {ExamKind::associate, ExamKind::core, ExamKind::concentration,
                                                           ExamKind::expert_written, ExamKind::expert_lab};

/// The six item-authoring item types of E8.
inline const std::array<const char*, 6> item_types = {
    "ccie_lab_performance", "core_specialist_performance", "associate_performance", "specialist", "core", "associate"};

/// E6: the Cisco Live policy columns and level keys.
inline const std::array<const char*, 4> cisco_live_columns = {"breakout", "lab", "seminar_4h", "seminar_8h"};
inline const std::array<const char*, 3> cisco_live_levels = {"1000", "2000", "3000"};

/// Resolves a slot name (kind or group) against the policy's groups; nullopt if unknown.
std::optional<ExamSlot> resolve_exam_slot(const Policy& policy, const std::string& name);

}  // namespace ceplan
