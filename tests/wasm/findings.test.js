'use strict';
// Findings of the new-user trial through the wasm modules (ceplan.js and ceplan-optimize.js):
// the same words and bytes as the native command line. Expected values derived by hand.
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const root = path.resolve(__dirname, '..', '..');
const native = path.join(root, 'build', 'ceplan');
const loadedEval = require(path.join(root, 'public', 'ceplan.js'));
const loadedOpt = require(path.join(root, 'public', 'ceplan-optimize.js'));

function runNative(command, text) {
  try {
    return execFileSync(native, [command, '-'], { input: text, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
  } catch (e) {
    if (e.status === 2) return e.stdout;  // an error document
    throw e;
  }
}

let ev, opt;
test.before(async () => {
  ev = await (loadedEval.createCeplan || loadedEval)();
  opt = await (loadedOpt.createCeplanOptimizer || loadedOpt)();
});

const attended = (code) => ({ code, minutes: 60, attended_minutes: 60, badged_in: true });
const plan = (activities, policy) => JSON.stringify({
  format: 'ceplan-plan', version: 1, today: '2026-01-01',
  certifications: [{ id: 'ccna', level: 'associate', expires: '2027-06-01' }],
  activities, ...(policy ? { policy } : {}),
});

test('E6: a level-4000 session names its own credits, no table cell; native bytes', () => {
  const text = plan([{ id: 'cl', type: 'cisco_live', event: 'Cisco Live US 2026', completed: '2026-06-04', sessions: [attended('BRKENT-4031')] }]);
  const out = ev.evaluate(text);
  const w = JSON.parse(out).warnings.find((x) => x.code === 'CREDIT_VALUE_UNKNOWN');
  assert.match(w.message, /level 4000 are unknown and the credit table has no such level \(E6\); enter the session's own credits \(E8\)$/);
  assert.strictEqual(w.policy_pointer, undefined);
  assert.strictEqual(out + '\n', runNative('evaluate', text));
});

test('E6 P3: an event without sessions earns 0 with NO_SESSIONS; native bytes', () => {
  const text = plan([{ id: 'cl', type: 'cisco_live', event: 'Cisco Live US 2026', completed: '2026-06-04', sessions: [] }]);
  const out = ev.evaluate(text);
  const result = JSON.parse(out);
  assert.strictEqual(result.activities[0].credits, 0);
  const w = result.warnings.find((x) => x.code === 'NO_SESSIONS');
  assert.deepStrictEqual([w.activity, w.rule, w.severity], ['cl', 'E6', 'warning']);
  assert.strictEqual(out + '\n', runNative('evaluate', text));
});

test('D1 E1: not a real date, a number as written, an inverted range; native bytes', () => {
  const text = plan([{ id: 'a', type: 'training', credits: 1e19, completed: '2026-02-30' }], { training_credits: { min: 64, max: 4 } });
  const out = ev.evaluate(text.replace('10000000000000000000', '1e19'));
  const byPointer = (a, b) => a.pointer.localeCompare(b.pointer);
  assert.deepStrictEqual(JSON.parse(out).errors.sort(byPointer), [
    { pointer: '/activities/0/completed', message: 'not a real date, got "2026-02-30"' },
    { pointer: '/activities/0/credits', message: 'expected CE credits, a whole number 0 or more and at most 1000000, got 1e19' },
    { pointer: '/policy/training_credits/max', message: 'expected min (64) at most max (4): a range of CE credits' },
  ]);
  assert.strictEqual(out + '\n', runNative('evaluate', text.replace('10000000000000000000', '1e19')));
});

test('optimize: a larger limit never gives a worse answer, within its bound, in wasm as natively', () => {
  // The contract's example (README "Plan for me"): ccnp is saved from the first evaluation on
  // (every option on 2027-09-30, o1 clamped to 2027-08-31: 40 + 64 + 24 >= 80); the exact answer is
  // o2 alone for 400 money and 60 hours.
  const doc = JSON.parse(fs.readFileSync(path.join(root, 'examples', 'optimize', 'opt-01-contract-example.json'), 'utf8'));
  let before = null;
  for (const limit of [1, 5, 6, 8, 10, 5000]) {
    doc.optimize = { max_evaluations: limit };
    const text = JSON.stringify(doc);
    const out = opt.optimize(text);
    const a = JSON.parse(out);
    assert.ok(a.searched.evaluations <= limit, `limit ${limit}: ${a.searched.evaluations} evaluations`);
    assert.deepStrictEqual(a.saved, ['ccnp'], `limit ${limit}`);
    if (before) assert.ok(a.cost.money < before.money || (a.cost.money === before.money && a.cost.hours <= before.hours), `limit ${limit}`);
    before = a.cost;
    assert.strictEqual(out + '\n', runNative('optimize', text));
  }
  assert.deepStrictEqual(before, { money: 400, hours: 60 });
});

test('optimize: why texts by name, candidates the sets judged (4, by hand in test_findings.cpp)', () => {
  const text = fs.readFileSync(path.join(root, 'examples', 'optimize', 'opt-01-contract-example.json'), 'utf8');
  const a = JSON.parse(opt.optimize(text));
  assert.strictEqual(a.searched.candidates, 4);
  assert.match(a.chosen[0].why, /^concentration exam 300-410 on 2027-09-30: completes CCNP Enterprise's recertification/);
  for (const l of a.left_out) assert.doesNotMatch(l.why, /\bccnp\b|\bo2\b/);
});
