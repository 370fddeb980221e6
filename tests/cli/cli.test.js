'use strict';
// tools/ceplan: exit codes, stdin, the one-line summary on stderr.
const test = require('node:test');
const assert = require('node:assert');
const path = require('node:path');
const fs = require('node:fs');
const os = require('node:os');
const { spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '..', '..');
const ceplan = path.join(root, 'tools', 'ceplan');
const run = (args, input) => spawnSync(ceplan, args, { input, encoding: 'utf8' });

const plan = {
  format: 'ceplan-plan', version: 1, today: '2026-01-01',
  certifications: [{ id: 'ccna', level: 'associate', expires: '2027-01-01' }],
  activities: [{ id: 'a', type: 'training', credits: 30, completed: '2026-02-01' }],
};

test('evaluate FILE prints the result and exits 0', () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ceplan-')), 'plan.json');
  fs.writeFileSync(file, JSON.stringify(plan));
  const r = run(['evaluate', file]);
  assert.strictEqual(r.status, 0);
  const out = JSON.parse(r.stdout);
  assert.strictEqual(out.format, 'ceplan-result');
  assert.strictEqual(out.certifications[0].recertifications[0].on, '2026-02-01');
});

test('evaluate - reads standard input', () => {
  const r = run(['evaluate', '-'], JSON.stringify(plan));
  assert.strictEqual(r.status, 0);
  assert.strictEqual(JSON.parse(r.stdout).certifications[0].expires, '2029-02-01');
});

test('invalid input: error document on stdout, summary on stderr, exit 2', () => {
  const bad = { ...plan, activities: [{ id: 'a', type: 'training', credits: 30, completed: '2026-02-30' }] };
  const r = run(['evaluate', '-'], JSON.stringify(bad));
  assert.strictEqual(r.status, 2);
  assert.strictEqual(JSON.parse(r.stdout).errors[0].pointer, '/activities/0/completed');
  assert.match(r.stderr, /invalid plan, 1 problem\(s\); first: \/activities\/0\/completed/);
  const broken = run(['evaluate', '-'], '{"certifications": [');
  assert.strictEqual(broken.status, 2);
  assert.strictEqual(JSON.parse(broken.stdout).format, 'ceplan-error');
});

test('a missing file or a wrong command exits 1 with a message', () => {
  const r = run(['evaluate', '/nonexistent/plan.json']);
  assert.strictEqual(r.status, 1);
  assert.match(r.stderr, /cannot read/);
  assert.strictEqual(run(['frobnicate']).status, 1);
  const folder = run(['evaluate', os.tmpdir()]);
  assert.strictEqual(folder.status, 1);
  assert.match(folder.stderr, /is a folder/);
});

test('a result that cannot be written exits 1', () => {
  const r = spawnSync('bash', ['-c', `"${ceplan}" evaluate - > /dev/full`], { input: JSON.stringify(plan), encoding: 'utf8' });
  assert.strictEqual(r.status, 1);
  assert.match(r.stderr, /cannot write/);
});

test('policy prints the built-in table', () => {
  const r = run(['policy']);
  assert.strictEqual(r.status, 0);
  assert.deepStrictEqual(JSON.parse(r.stdout).levels.associate[0], { credits: 30, exams: [], source: 'seed', verified: true });
});
