'use strict';
// tools/ceplan optimize (optimize.md "Entry points"): the examples' hand-derived answers,
// stdin, exit codes as evaluate (0 answer, 2 invalid plan, 1 usage or file error).
const test = require('node:test');
const assert = require('node:assert');
const path = require('node:path');
const fs = require('node:fs');
const { spawnSync } = require('node:child_process');
const { checkOptimized } = require('../wasm/optimized');

const root = path.resolve(__dirname, '..', '..');
const ceplan = path.join(root, 'tools', 'ceplan');
const examples = path.join(root, 'examples', 'optimize');
const run = (args, input) => spawnSync(ceplan, args, { input, encoding: 'utf8' });
const files = fs.readdirSync(examples).filter((f) => f.endsWith('.json')).sort();

test('every optimizer example is found', () => assert.ok(files.length >= 4));

for (const f of files) {
  test(`optimize ${f}: the hand-derived answer, exit 0`, () => {
    const r = run(['optimize', path.join(examples, f)]);
    assert.strictEqual(r.status, 0, r.stderr);
    const doc = JSON.parse(fs.readFileSync(path.join(examples, f), 'utf8'));
    assert.deepStrictEqual(checkOptimized(JSON.parse(r.stdout), doc.expect), []);
  });
}

test('optimize - reads standard input; the answer plan evaluates to the answer result, byte for byte', () => {
  const text = fs.readFileSync(path.join(examples, files[0]), 'utf8');
  const r = run(['optimize', '-'], text);
  assert.strictEqual(r.status, 0);
  const answer = JSON.parse(r.stdout);
  const evaluated = run(['evaluate', '-'], JSON.stringify(answer.plan));
  assert.strictEqual(evaluated.status, 0);
  const cut = r.stdout.slice(r.stdout.indexOf('"result":') + 9, r.stdout.lastIndexOf(',"unsavable":'));
  assert.strictEqual(cut + '\n', evaluated.stdout);
});

test('optimize: a bad option is an error document naming /options/k/..., exit 2', () => {
  const doc = JSON.parse(fs.readFileSync(path.join(examples, files[0]), 'utf8'));
  doc.options[2].cost.money = -5;
  const r = run(['optimize', '-'], JSON.stringify(doc));
  assert.strictEqual(r.status, 2);
  const out = JSON.parse(r.stdout);
  assert.strictEqual(out.format, 'ceplan-error');
  assert.strictEqual(out.errors[0].pointer, '/options/2/cost/money');
  assert.match(r.stderr, /first: \/options\/2\/cost\/money/);
});

test('optimize: a missing file or no plan exits 1', () => {
  assert.strictEqual(run(['optimize', '/nonexistent/plan.json']).status, 1);
  assert.strictEqual(run(['optimize']).status, 1);
});
