'use strict';
// Plans shared by several browser tests.

/** A CCNP valid through 2027-06-30: course A 30 on 2023-09-01 (valid through 2026-09-01, C2),
 *  B 20 on 2025-03-01, C 24 planned on 2027-03-01. */
function expiringCreditsPlan(name) {
  return {
    format: 'ceplan-plan', version: 1, today: '2026-11-29', name,
    certifications: [{ id: 'ccnp', name: 'CCNP Enterprise', level: 'professional', expires: '2027-06-30' }],
    activities: [
      { id: 'a', type: 'training', title: 'Course A', course: 'AAA', version: '1.0', credits: 30, completed: '2023-09-01', status: 'validated', claimed_on: '2023-09-05' },
      { id: 'b', type: 'training', title: 'Course B', course: 'BBB', version: '1.0', credits: 20, completed: '2025-03-01', status: 'validated', claimed_on: '2025-03-05' },
      { id: 'c', type: 'training', title: 'Course C', course: 'CCC', version: '1.0', credits: 24, completed: '2027-03-01', status: 'planned' },
    ],
  };
}

/** A CCNP Enterprise and a CCNA valid through the given dates, and "Big course" of 80 CE credits
 *  (the CCNP's CE path, L2, which recertifies the CCNA with it, R4) completed on `completed`. */
function cascadePlan(name, ccnpExpires, ccnaExpires, completed) {
  return {
    format: 'ceplan-plan', version: 1, today: '2026-11-29', name,
    certifications: [
      { id: 'ccnp', name: 'CCNP Enterprise', level: 'professional', expires: ccnpExpires },
      { id: 'ccna', name: 'CCNA', level: 'associate', expires: ccnaExpires }],
    activities: [{ id: 'big', type: 'training', title: 'Big course', course: 'BIG', version: '1.0', credits: 80, completed }],
  };
}

module.exports = { expiringCreditsPlan, cascadePlan };
