#pragma once
// The rules engine: a plan in, a result out. Pure and deterministic.
#include "core/model.hpp"

namespace ceplan {

/// Evaluates a validated plan (dates as calendar days, credits as whole CE
/// credits) and returns, per certification, its recertifications, new
/// expiration date, status and what is missing (P1, P2); per activity, what it
/// earns (P3); the rollover (P4); and every warning (P3, P5).
/// Implements R1–R9 and A1–A4 over the earnings of earning.hpp (E1–E8, C1, C3).
/// Throws nothing for a plan that passed the adapter's validation.
Result evaluate(const Plan& plan);

}  // namespace ceplan
