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

// issue 7 §4: --pretty indents the JSON, --summary says the verdict in words.
// The plan: a CCNA (L1 associate, 30 CE credits, L2) valid through 2027-01-01;
// 30 credits completed 2026-02-01 recertify it that day (R3), new expiration
// 2026-02-01 + 3 years = 2029-02-01 (R5), 2027-01-01 − 2026-02-01 = 334 days given up.
test('evaluate --pretty prints the same result, indented two spaces', () => {
  const compact = run(['evaluate', '-'], JSON.stringify(plan));
  const pretty = run(['evaluate', '--pretty', '-'], JSON.stringify(plan));
  assert.strictEqual(pretty.status, 0);
  assert.match(pretty.stdout, /^\{\n  "format": "ceplan-result",\n  "version": 1,\n/);
  assert.strictEqual(JSON.stringify(JSON.parse(pretty.stdout)), compact.stdout.trim());
});

test('R5 P1: evaluate --summary says when, by which path, valid through, and days given up', () => {
  const r = run(['evaluate', '--summary', '-'], JSON.stringify(plan));
  assert.strictEqual(r.status, 0);
  assert.match(r.stdout, /recertifies on 2026-02-01 by 30 CE credits, valid through 2029-02-01, 334 days given up/);
  assert.doesNotMatch(r.stdout, /expires on/);
});

test('R5: --summary of a recertification already past names no latest on-time date (it is null)', () => {
  // CCNA valid through 2026-06-30; 30 CE credits on 2025-03-01 meet its path (R2) that day: valid
  // through 2028-03-01, giving up 2025-03-01 -> 2026-06-30 = 486 days (R5). As of 2026-11-29 the
  // course is done and cannot move: the result's latest_on_time is null.
  const past = {
    format: 'ceplan-plan', version: 1, today: '2026-11-29',
    certifications: [{ id: 'ccna', name: 'CCNA', level: 'associate', expires: '2026-06-30' }],
    activities: [{ id: 't1', type: 'training', title: 'Course', course: 'ENCC', version: '1.0', credits: 30, completed: '2025-03-01', status: 'claimed' }],
  };
  const r = run(['evaluate', '--summary', '-'], JSON.stringify(past));
  assert.strictEqual(r.status, 0);
  assert.match(r.stdout, /recertifies on 2025-03-01 by 30 CE credits, valid through 2028-03-01, 486 days given up \(R5\)/);
  assert.doesNotMatch(r.stdout, /as late as/);
});

// A cascade (R4) with its own latest dates (R5): CCNP valid through 2027-06-01, CCNA through
// 2027-02-01; 80 CE credits on 2027-01-10 meet the CCNP's path (L2) and recertify the CCNA with
// it. Alone, the CCNP could wait for the course until its expiration 2027-06-01; the CCNA needs it
// by its own, 2027-02-01: later than that, the CCNA lapses first (R3). So both say 2027-02-01.
const cascade = {
  format: 'ceplan-plan', version: 1, today: '2026-11-29',
  certifications: [{ id: 'ccnp', name: 'CCNP Enterprise', level: 'professional', expires: '2027-06-01' },
    { id: 'ccna', name: 'CCNA', level: 'associate', expires: '2027-02-01' }],
  activities: [{ id: 'big', type: 'training', title: 'Big course', course: 'BIG', version: '1.0', credits: 80, completed: '2027-01-10' }],
};

test('R5 R4: --summary gives the latest on-time date that keeps the whole cascade on time', () => {
  const r = run(['evaluate', '--summary', '-'], JSON.stringify(cascade));
  assert.strictEqual(r.status, 0);
  assert.match(r.stdout, /CCNP Enterprise \(ccnp\), professional:\n {2}recertifies on 2027-01-10[^\n]*\n {4}Big course \(big\) could finish as late as 2027-02-01 and still be on time \(for CCNA, which it recertifies too, R4; for this one alone 2027-06-01\)\./);
  assert.match(r.stdout, /CCNA \(ccna\), associate:\n {2}recertifies on 2027-01-10[^\n]*\n {4}Big course \(big\) could finish as late as 2027-02-01 and still be on time\.\n/);
  assert.doesNotMatch(r.stdout, /as late as 2027-06-01/);
});

test('--summary names an exam without a title by its code, as the page does', () => {
  // CCNP valid through 2027-06-01: 40 CE credits (claimed 2026-06-01, valid to 2029-06-01, C2)
  // and a concentration exam on 2027-01-10 meet 40 CE + a concentration exam (L2) that day; the
  // exam could move to the expiration 2027-06-01 (R5).
  const exam = {
    format: 'ceplan-plan', version: 1, today: '2026-11-29',
    certifications: [{ id: 'ccnp', name: 'CCNP Enterprise', level: 'professional', expires: '2027-06-01' }],
    activities: [
      { id: 't1', type: 'training', title: 'ENARSI', course: 'ENARSI', version: '1.1', credits: 40, completed: '2026-06-01', status: 'claimed' },
      { id: 'x1', type: 'exam', exam: 'concentration', code: '300-410', completed: '2027-01-10' }],
  };
  const r = run(['evaluate', '--summary', '-'], JSON.stringify(exam));
  assert.strictEqual(r.status, 0);
  assert.match(r.stdout, /\n {4}Exam 300-410 \(x1\) could finish as late as 2027-06-01 and still be on time\.\n/);
});

test('R2 R5: --summary names every activity that counts finishing the recertification\'s day', () => {
  // cascade's CCNP (2027-06-01) and CCNA (2027-02-01) with a second 80-credit course on the big
  // course's day: either alone meets the CCNP's 80 (L2) that day, so both must move, to 2027-02-01.
  const day = { ...cascade, activities: cascade.activities.concat([
    { id: 'twin', type: 'training', title: 'Twin course', course: 'TWIN', version: '1.0', credits: 80, completed: '2027-01-10' }]) };
  const r = run(['evaluate', '--summary', '-'], JSON.stringify(day));
  assert.strictEqual(r.status, 0);
  assert.match(r.stdout, /\n {4}Twin course \(twin\) and Big course \(big\) \(both finished that day\) could finish as late as 2027-02-01 and still be on time/);
});

test('R4 P2: --summary names whose path a missing path is', () => {
  // CCIE (anchor, R1) valid through 2027-10-05 and CCNA through 2027-02-14; 40 + 48 = 88 CE
  // credits held toward the CCIE. The CCNA can still be saved by the CCIE's paths (R4): its
  // 120 CE credits (L2) need 120 - 88 = 32 more. Its expert lab exam is listed twice, the
  // CCNA's own (an exam-only path, L4) and the CCIE's: the CCIE's is named.
  const held = {
    format: 'ceplan-plan', version: 1, today: '2026-11-29',
    certifications: [{ id: 'ccie', name: 'CCIE Enterprise Infrastructure', level: 'expert', expires: '2027-10-05' },
      { id: 'ccna', name: 'CCNA', level: 'associate', expires: '2027-02-14' }],
    activities: [
      { id: 'a', type: 'training', title: 'A', course: 'A', version: '1.0', credits: 40, completed: '2026-06-01', status: 'claimed' },
      { id: 'b', type: 'training', title: 'B', course: 'B', version: '1.0', credits: 48, completed: '2026-07-01', status: 'claimed' }],
  };
  const r = run(['evaluate', '--summary', '-'], JSON.stringify(held));
  assert.strictEqual(r.status, 0);
  const ccna = r.stdout.slice(r.stdout.indexOf('CCNA (ccna)'));
  assert.match(ccna, /\n {4}- an expert lab exam by 2027-02-14\n/);
  assert.match(ccna, /\n {4}- an expert lab exam \(CCIE Enterprise Infrastructure's path, R4\) by 2027-02-14\n/);
  assert.match(ccna, /- 120 CE credits \(CCIE Enterprise Infrastructure's path, R4\) by 2027-02-14: 32 more CE credits \(88 held\)/);
});

test('P2 E1: --summary of a plan that falls short says valid through and what is missing', () => {
  // 12 credits of 30: 18 more needed by the expiration date 2027-01-01 (L2, R3).
  const short = { ...plan, activities: [{ id: 'a', type: 'training', title: 'Short course', credits: 12, completed: '2026-02-01' }] };
  const r = run(['evaluate', '--summary', '-'], JSON.stringify(short));
  assert.strictEqual(r.status, 0);
  assert.match(r.stdout, /will expire: valid through 2027-01-01/);
  assert.match(r.stdout, /30 CE credits by 2027-01-01: 18 more CE credits \(12 held\)/);
});

test('E1: --summary lists credits that do not count and why', () => {
  // A lite course earns nothing (E1 lite): 0 of its 30 credits count.
  const lite = { ...plan, activities: [{ id: 'a', type: 'training', title: 'Lite course', credits: 30, lite: true, completed: '2026-02-01' }] };
  const r = run(['evaluate', '--summary', '-'], JSON.stringify(lite));
  assert.strictEqual(r.status, 0);
  assert.match(r.stdout, /Credits that do not count:\n {2}- Lite course \(a\): earns 0 of 30 CE credits: /);
});

test('--summary of an invalid plan lists the problems in words and exits 2', () => {
  const bad = { ...plan, activities: [{ id: 'a', type: 'training', credits: -5, completed: '2026-02-01' }] };
  const r = run(['evaluate', '--summary', '-'], JSON.stringify(bad));
  assert.strictEqual(r.status, 2);
  assert.match(r.stdout, /cannot be evaluated: 1 problem\.\n {2}\/activities\/0\/credits: expected CE credits, a whole number 0 or more, got -5/);
});

test('issue 6: bench PLAN N evaluates N times and prints the median and fastest in microseconds', () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ceplan-')), 'plan.json');
  fs.writeFileSync(file, JSON.stringify(plan));
  const r = run(['bench', file, '25']);
  assert.strictEqual(r.status, 0);
  const out = JSON.parse(r.stdout);
  assert.deepStrictEqual(Object.keys(out), ['evaluations', 'median_us', 'min_us']);
  assert.strictEqual(out.evaluations, 25);
  assert.ok(out.min_us > 0 && out.min_us <= out.median_us);
  assert.strictEqual(run(['bench', file, '0']).status, 1);
  assert.strictEqual(run(['bench', file, 'many']).status, 1);
});

test('bench refuses an invalid plan as evaluate does (exit 2, its first problem on stderr), timing nothing', () => {
  const bad = { ...plan, activities: [{ id: 'a', type: 'training', title: 'T', credits: 'ten', completed: '2026-02-01' }] };
  const r = run(['bench', '-', '5'], JSON.stringify(bad));
  assert.strictEqual(r.status, 2);
  assert.strictEqual(r.stdout, '');
  assert.match(r.stderr, /^ceplan: invalid plan, 1 problem\(s\); first: \/activities\/0\/credits: expected CE credits, a whole number 0 or more, got "ten"\n$/);
});

// Findings 15 and 16 of the new-user trial.
test('A3 R4: --summary says the rollover once, under the anchor, not under each cascade', () => {
  // Example 02 (its derivation): the CCIE (anchor, R1) recertifies on 2027-01-22 with 123 credits
  // for 120; one 5-credit increment is unapplied and rolls over (A3). The CCNP and the CCNA are
  // recertified the same day via the CCIE (R4): the same 5 credits, said once, under the CCIE.
  const r = run(['evaluate', '--summary', path.join(root, 'examples', '02-ccie-early-finish.json')]);
  assert.strictEqual(r.status, 0);
  const lines = r.stdout.split('\n');
  const rollovers = lines.filter((l) => /roll over \(A3\)/.test(l));
  assert.deepStrictEqual(rollovers.map((l) => l.trim()), ['5 CE credits roll over (A3).']);
  // It sits in the CCIE's block: the last certification heading above it is the CCIE's.
  const at = lines.indexOf(rollovers[0]);
  const heading = lines.slice(0, at).reverse().find((l) => /^\S.*, (expert|professional|associate):$/.test(l));
  assert.match(heading, /, expert:$/);
});

test('misuse: exit 1 with a line saying what was wrong, then the usage', () => {
  const cases = [
    [['evaluate', '--pretty', '--summary', '-'], /^ceplan: --pretty and --summary cannot be used together/],
    [['optimize', '--summary', '-'], /^ceplan: optimize has no --summary/],
    [['policy', 'extra'], /^ceplan: policy takes no arguments, got extra/],
    [['frobnicate'], /^ceplan: unknown command frobnicate/],
    [[], /^ceplan: no command given/],
    [['evaluate'], /^ceplan: evaluate needs a plan file/],
    [['evaluate', 'a.json', 'b.json'], /^ceplan: evaluate takes one plan file, got 2: a\.json, b\.json/],
    [['evaluate', '--frob', '-'], /^ceplan: unknown option --frob/],
    [['bench'], /^ceplan: bench takes a plan file/],
  ];
  for (const [args, said] of cases) {
    const r = run(args, '');
    assert.strictEqual(r.status, 1, args.join(' '));
    assert.match(r.stderr, said, args.join(' '));
    assert.match(r.stderr, /\nusage: ceplan evaluate/, args.join(' '));
    assert.strictEqual(r.stdout, '', args.join(' '));
  }
});

test('D1: an impossible day in a plan is "not a real date", with its pointer', () => {
  const bad = { ...plan, activities: [{ id: 'a', type: 'training', credits: 30, completed: '2027-02-30' }] };
  const r = run(['evaluate', '-'], JSON.stringify(bad));
  assert.strictEqual(r.status, 2);
  assert.deepStrictEqual(JSON.parse(r.stdout).errors, [{ pointer: '/activities/0/completed', message: 'not a real date, got "2027-02-30"' }]);
});
