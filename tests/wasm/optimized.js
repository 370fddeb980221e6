'use strict';
// Compares a ceplan-optimized document with an example's `expect` (examples/optimize/);
// the native side makes the same checks in tests/unit/test_optimize_examples.cpp.
function checkOptimized(answer, exp) {
  const bad = [];
  if (answer.format !== 'ceplan-optimized') return [`not an answer: ${JSON.stringify(answer).slice(0, 200)}`];
  const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
  const chosen = answer.chosen.map((c) => ({ option: c.option, completed: c.completed }));
  if (!same(chosen, exp.chosen)) bad.push(`chosen: got ${JSON.stringify(chosen)}`);
  for (const key of ['cost', 'days_given_up', 'rollover', 'saved'])
    if (!same(answer[key], exp[key])) bad.push(`${key}: got ${JSON.stringify(answer[key])}`);
  const unsavable = answer.unsavable.map((u) => u.certification);
  if (!same(unsavable, exp.unsavable)) bad.push(`unsavable: got ${JSON.stringify(unsavable)}`);
  if (answer.searched.exact !== exp.exact) bad.push('exact');
  const kinds = {};
  const rules = {};
  for (const l of answer.left_out) { kinds[l.option] = l.kind; rules[l.option] = l.rule; }
  const sortKeys = (o) => Object.fromEntries(Object.entries(o).sort());
  if (!same(sortKeys(kinds), sortKeys(exp.left_out))) bad.push(`left_out: got ${JSON.stringify(kinds)}`);
  for (const [option, rule] of Object.entries(exp.left_out_rules || {}))
    if (rules[option] !== rule) bad.push(`left_out rule of ${option}: got ${rules[option]}`);
  return bad;
}

module.exports = { checkOptimized };
