#pragma once
// Plain structs for a plan (input) and a result (output). No JSON here: the
// adapter (json_adapter.hpp) is the only place that knows field names.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/policy.hpp"

namespace ceplan {

/// A certification the holder has now. `expires` is the current expiration
/// date (inclusive, D1); `cycle_start` defaults to expires − cycle_years (R7);
/// `first_certified` feeds C3; `retired` is L6.
struct Certification {
    std::string id;
    std::string name;
    Level level = Level::associate;
    Date expires;
    std::optional<Date> cycle_start;
    std::optional<Date> first_certified;
    bool retired = false;
};

enum class ActivityType { training, cisco_live, item_authoring, exam };

/// Claim status of an activity (plan-format.md). `planned`/`completed` are not
/// claimed yet (C1 applies); `applied` and `rejected` earn nothing (A4).
enum class Status { planned, completed, claimed, pending, validated, applied, rejected };

/// One Cisco Live session (E6, E7). `credits` overrides the policy table (E8).
struct Session {
    std::string code;
    int minutes = 0;
    int attended_minutes = 0;
    bool badged_in = true;
    std::optional<int> credits;
};

/// One activity of the plan. Fields beyond the common ones are read per type:
/// training: course, version, credits (required), lite, alpha, in_catalog;
/// cisco_live: event, sessions; item_authoring: item_type, accepted_items,
/// credits (the activity's total, overrides the table), sme_program;
/// exam: exam, code. `enabled` false = switched off in a what-if (ignored).
struct Activity {
    std::string id;
    ActivityType type = ActivityType::training;
    std::string title;
    Date completed;
    Status status = Status::planned;
    std::optional<Date> claimed_on;
    bool enabled = true;
    std::string course;
    std::string version;
    std::optional<int> credits;
    bool lite = false;
    bool alpha = false;
    bool in_catalog = true;
    std::string event;
    std::vector<Session> sessions;
    std::string item_type;
    int accepted_items = 0;
    bool sme_program = true;
    ExamKind exam = ExamKind::associate;
    std::string code;
};

/// A whole plan: `today` splits past from future (C1, P5).
struct Plan {
    Date today;
    std::vector<Certification> certifications;
    std::vector<Activity> activities;
    Policy policy;
};

enum class Severity { info, warning };

/// One thing the planner says (P3, P5): a code from rules.md, the rule id, the
/// activity / certification / Cisco Live session (index) it concerns, a message,
/// and for CREDIT_VALUE_UNKNOWN the policy table cell it needs (a JSON pointer
/// into the policy, e.g. "/cisco_live/breakout/2000" or "/item_authoring/core").
struct Warning {
    std::string code;
    Severity severity = Severity::warning;
    std::string rule;
    std::optional<std::string> activity;
    std::optional<std::string> certification;
    std::optional<int> session;
    std::string message;
    std::optional<std::string> policy_pointer;
};

// Credit totals are std::int64_t (fixed width, the same natively and in wasm): a
// sum over 5,000 activities of up to 1,000,000 credits each exceeds 2^31.
struct RolloverPart {
    std::int64_t credits = 0;
    Date expires;
};

/// P4: credits carried past the anchor's last recertification and when they expire (C2).
struct Rollover {
    std::int64_t credits = 0;
    std::vector<RolloverPart> parts;
};

/// A path as met or as still open: its credit requirement and exams (the exam
/// kinds used, sorted, for a met path; the slot names asked for, for an open one).
struct PathSummary {
    int credits = 0;
    std::vector<std::string> exams;
};

/// One recertification (P1, R2–R5). `via` is the certification whose path was
/// met (R4); `days_given_up` = days from `on` to the replaced expiration date (R5);
/// `credits_applied` = whole CE credits used up, overshoot included (A2).
/// `latest_on_time`: the latest date the final qualifying activity could move
/// to and still recertify before the replaced expiration date, while the
/// certification whose path was met is active, with enough of the credits held
/// still valid to meet the path, and before the next activity that earns or is an exam (moved onto it,
/// it would take that one into this recertification: A2, R7) (R5 advice, R3, R4, C2). No advice (nullopt, and days_given_up_at_latest
/// = days_given_up) when the recertification date is on or before `today`: the
/// final activity is already past and cannot move (issue 7 §4).
struct Recertification {
    Date on;
    PathSummary path;
    Date new_expires;
    std::string via;
    int days_given_up = 0;
    std::int64_t credits_applied = 0;
    std::optional<Date> latest_on_time;         // none when `on` <= today: a past activity cannot move
    int days_given_up_at_latest = 0;            // R5: days still given up if it finishes on latest_on_time
    std::optional<std::string> final_activity;  // the activity whose completion met the path (none for R9)
    std::optional<Rollover> rollover;           // A3: what rolled over, when this recertified the anchor
};

/// What a `will_expire` certification still needs on one path (P2), by date `by`.
struct Missing {
    PathSummary path;
    std::string via;
    std::int64_t credits_needed = 0;
    std::int64_t credits_held = 0;  // unapplied credits still valid on `by`
    std::vector<std::string> exams_needed;
    Date by;
};

/// One cycle of a certification: from `start` to `end` (its expiration date
/// then), closed early by a recertification on `recertified_on`.
struct Cycle {
    Date start;
    Date end;
    std::optional<Date> recertified_on;
};

/// What the timeline chart draws for one certification (the engine decides,
/// the page draws): its cycles; unapplied credits held toward `anchor` on each
/// checking date while it was active; the CE thresholds that count for it; and
/// the exams in its cycles.
struct Threshold {
    int credits = 0;
    std::vector<std::string> exams;
    std::string via;
};
struct TimelinePoint {
    Date on;
    std::int64_t credits = 0;
    std::string anchor;
};
struct TimelineExam {
    Date on;
    std::string kind;
    std::string activity;
};
struct Timeline {
    std::vector<Cycle> cycles;
    std::vector<TimelinePoint> points;
    std::vector<Threshold> thresholds;
    std::vector<TimelineExam> exams;
    std::vector<RolloverPart> expiries;  // C2: credits held unused that expired, on their last valid day
};

struct CertificationResult {
    std::string id;
    std::string name;
    Level level = Level::associate;
    std::string status;  // retired | expired | recertified | will_expire
    Date expires;
    Date original_expires;
    bool is_anchor = false;
    std::vector<Recertification> recertifications;
    std::vector<Missing> missing;
    Timeline timeline;
};

/// Per input activity: what it earns (`credits`) and what it would earn
/// without the reason it earns less (`nominal_credits`), whole CE credits.
/// `claim_by`: for an activity that earns credits and is not claimed yet, the last day to claim it (C1).
struct ActivityResult {
    std::string id;
    std::int64_t credits = 0;
    std::int64_t nominal_credits = 0;
    std::optional<Date> claim_by;
};

struct Result {
    Date today;
    Date horizon;
    std::vector<CertificationResult> certifications;
    std::vector<ActivityResult> activities;
    Rollover rollover;
    std::vector<Warning> warnings;
};

}  // namespace ceplan
