'use strict';
// Edge values through the wasm module (issue 7 §3): tests/edge/*.json hold plans whose
// credit totals pass 2^31 (hand-derived expectations, also checked natively by Catch2 in
// tests/unit/test_engine_bounds.cpp). wasm must give the expected verdict and the very bytes the
// native command line gives: fixed-width 64-bit arithmetic on both.
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { checkExpectations } = require('./expectations');

const root = path.resolve(__dirname, '..', '..');
const edge = path.join(root, 'tests', 'edge');
const native = path.join(root, 'build', 'ceplan');
const loaded = require(path.join(root, 'public', 'ceplan.js'));
const createCeplan = loaded.createCeplan || loaded;

let module_;
test.before(async () => { module_ = await createCeplan(); });

const files = fs.readdirSync(edge).filter((f) => f.endsWith('.json')).sort();

test('the edge-value plans are found', () => {
  assert.ok(files.length >= 1);
});

for (const file of files) {
  test(`edge ${file}: wasm gives the hand-derived verdict and native's bytes`, () => {
    const doc = JSON.parse(fs.readFileSync(path.join(edge, file), 'utf8'));
    const text = JSON.stringify(doc.plan);
    const fromWasm = module_.evaluate(text);
    const result = JSON.parse(fromWasm);
    assert.deepStrictEqual(checkExpectations(result, doc.expect), []);
    assert.strictEqual(fromWasm + '\n', execFileSync(native, ['evaluate', '-'], { input: text, encoding: 'utf8' }));
  });
}

test('edge large-values.json: totals past 2^31 are exact in wasm (no 32-bit wrap)', () => {
  const doc = JSON.parse(fs.readFileSync(path.join(edge, 'large-values.json'), 'utf8'));
  const result = JSON.parse(module_.evaluate(JSON.stringify(doc.plan)));
  const ia1 = result.activities.find((a) => a.id === 'ia1');
  assert.strictEqual(ia1.credits, 1e12);  // 1,000,000 items x 1,000,000 credits; 32-bit gave -727379968
  assert.strictEqual(result.rollover.credits, 2000001999520);
});
