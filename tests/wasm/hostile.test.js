'use strict';
// Hostile and absurd plans through the wasm module (issue 7 §3): each is an
// error document with a pointer, byte-identical to the native command line,
// and the module answers the next call normally (nothing aborts it).
const test = require('node:test');
const assert = require('node:assert');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const root = path.resolve(__dirname, '..', '..');
const native = path.join(root, 'build', 'ceplan');
const loaded = require(path.join(root, 'public', 'ceplan.js'));
const createCeplan = loaded.createCeplan || loaded;

function runNative(text) {
  try {
    return execFileSync(native, ['evaluate', '-'], { input: text, encoding: 'utf8', maxBuffer: 1 << 26 });
  } catch (e) {
    if (e.status === 2) return e.stdout;
    throw e;
  }
}

const good = {
  format: 'ceplan-plan', version: 1, today: '2026-01-01',
  certifications: [{ id: 'ccna', level: 'associate', expires: '2027-01-01' }],
  activities: [{ id: 'a', type: 'training', credits: 30, completed: '2026-02-01' }],
};
const withActivities = (activities, policy) => JSON.stringify({ ...good, activities, ...(policy ? { policy } : {}) });
const training = (id, credits) => ({ id, type: 'training', credits, completed: '2026-02-01' });

// [label, plan text, the pointer of the (first) error]
const cases = [
  ['9e308 as the whole document', '9e308', ''],
  ['[1e400]', '[1e400]', '/0'],
  ['credits 1e19', withActivities([training('a', 0)]).replace('"credits":0', '"credits":1e19'), '/activities/0/credits'],
  ['credits -1e400', withActivities([training('a', 0)]).replace('"credits":0', '"credits":-1e400'), '/activities/0/credits'],
  ['credits -5', withActivities([training('a', -5)]), '/activities/0/credits'],
  ['cycle_years 1000000', withActivities([], { cycle_years: 1000000 }), '/policy/cycle_years'],
  ['attendance_minimum_percent 4295', withActivities([], { attendance_minimum_percent: 4295 }), '/policy/attendance_minimum_percent'],
  ['a path asking for 10 exams', withActivities([], { levels: { expert: [{ credits: 0, exams: Array(10).fill('concentration') }] } }), '/policy/levels/expert/0/exams'],
  ['5001 activities', withActivities(Array.from({ length: 5001 }, (_, i) => training('a' + i, 8))), '/activities'],
  ['501 sessions in one event', withActivities([{ id: 'live', type: 'cisco_live', completed: '2026-02-01', sessions: Array.from({ length: 501 }, (_, i) => ({ code: 'BRK-' + i, minutes: 60 })) }]), '/activities/0/sessions'],
  ['a document over 10 MB', JSON.stringify({ ...good, padding: 'x'.repeat(10000000) }), ''],
  ['nesting 100000 deep', '['.repeat(100000) + ']'.repeat(100000), ''],
  ['broken JSON', '{"certifications": [', ''],
];

let module_;
test.before(async () => { module_ = await createCeplan(); });

for (const [label, text, pointer] of cases) {
  test(`hostile plan: ${label} is an error at its pointer, the same bytes as native, and the module lives on`, () => {
    const out = module_.evaluate(text);
    const doc = JSON.parse(out);
    assert.strictEqual(doc.format, 'ceplan-error');
    assert.strictEqual(doc.errors[0].pointer, pointer);
    for (const e of doc.errors) assert.doesNotMatch(e.message, /internal error|json\.exception/);
    assert.strictEqual(out + '\n', runNative(text));
    // The next call is answered normally.
    assert.strictEqual(JSON.parse(module_.evaluate(JSON.stringify(good))).format, 'ceplan-result');
  });
}

test('plan-format: an unknown object with 100000 keys is read, natively and in wasm alike', () => {
  const note = {};
  for (let i = 0; i < 100000; i++) note['k' + i] = i;
  const text = JSON.stringify({ ...good, note });
  const out = module_.evaluate(text);
  assert.strictEqual(JSON.parse(out).format, 'ceplan-result');
  assert.strictEqual(out + '\n', runNative(text));
});

test('E1 edge values: trainings of 1000000 credits, the most a plan may say, give the same bytes natively and in wasm', () => {
  const text = withActivities(Array.from({ length: 3 }, (_, i) => training('t' + i, 1000000)));
  const out = module_.evaluate(text);
  assert.strictEqual(out + '\n', runNative(text));
  assert.strictEqual(JSON.parse(module_.evaluate(JSON.stringify(good))).format, 'ceplan-result');
});
