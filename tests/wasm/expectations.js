'use strict';
// The scenario comparisons of ../shared/scenarios/README.md, for results produced by the wasm module.
// (The native side makes the same checks in tests/unit/support.hpp.)

function checkExpectations(res, exp) {
  const bad = [];
  if (exp.error_pointers) {
    if (res.format !== 'ceplan-error') return [`expected an error document, got ${res.format}`];
    const got = new Set((res.errors || []).map((e) => e.pointer));
    for (const p of exp.error_pointers) if (!got.has(p)) bad.push(`missing error pointer ${p}`);
    return bad;
  }
  if (res.format !== 'ceplan-result') return [`not a result: ${JSON.stringify(res).slice(0, 200)}`];
  const certs = new Map(res.certifications.map((c) => [c.id, c]));
  for (const [id, e] of Object.entries(exp.certifications || {})) {
    const c = certs.get(id);
    if (!c) { bad.push(`${id}: missing`); continue; }
    for (const k of ['status', 'expires']) if (c[k] !== e[k]) bad.push(`${id}.${k}: got ${c[k]} want ${e[k]}`);
    const got = c.recertifications.map((r) => ({
      on: r.on, path: { credits: r.path.credits, exams: [...r.path.exams].sort() },
      new_expires: r.new_expires, via: r.via, days_given_up: r.days_given_up,
    }));
    if (JSON.stringify(got) !== JSON.stringify(e.recertifications)) bad.push(`${id}.recertifications: got ${JSON.stringify(got)}`);
  }
  if ('rollover_credits' in exp && res.rollover.credits !== exp.rollover_credits) bad.push(`rollover: got ${res.rollover.credits}`);
  for (const [id, n] of Object.entries(exp.missing_credits || {})) {
    const m = (certs.get(id)?.missing || []).find((x) => x.path.exams.length === 0);
    if ((m ? m.credits_needed : null) !== n) bad.push(`${id} missing credits: got ${m && m.credits_needed}`);
  }
  const acts = new Map(res.activities.map((a) => [a.id, a]));
  for (const [id, n] of Object.entries(exp.activity_credits || {})) {
    if (acts.get(id)?.credits !== n) bad.push(`activity ${id} credits: got ${acts.get(id)?.credits}`);
  }
  for (const w of exp.warnings_include || []) {
    if (!res.warnings.some((x) => x.code === w.code && (w.activity === null || x.activity === w.activity))) {
      bad.push(`warning ${w.code} on ${w.activity} missing`);
    }
  }
  return bad;
}

module.exports = { checkExpectations };
