'use strict';
// The wasm module under Node: every shared scenario and example passes its
// expectations, and the output is byte-identical to the native command line.
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { checkExpectations } = require('./expectations');

const root = path.resolve(__dirname, '..', '..');
const scenarios = path.resolve(root, '..', 'shared', 'scenarios');
const native = path.join(root, 'build', 'ceplan');
// MODULARIZE: under Node, require() returns the factory createCeplan itself.
const loaded = require(path.join(root, 'public', 'ceplan.js'));
const createCeplan = loaded.createCeplan || loaded;

function files(dir) {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => path.join(dir, f));
}

function runNative(text) {
  try {
    return execFileSync(native, ['evaluate', '-'], { input: text, encoding: 'utf8' });
  } catch (e) {
    if (e.status === 2) return e.stdout;  // an error document
    throw e;
  }
}

let module_;
test.before(async () => { module_ = await createCeplan(); });

for (const [label, dir, minimum] of [['scenario', scenarios, 24], ['example', path.join(root, 'examples'), 4]]) {
  test(`every ${label} file is found`, () => {
    assert.ok(files(dir).length >= minimum, `${dir} holds ${files(dir).length} files`);
  });
  for (const file of files(dir)) {
    test(`${label} ${path.basename(file)}: wasm passes and matches native bytes`, () => {
      const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
      const text = JSON.stringify(doc.plan || doc);  // an example is itself a plan
      const fromWasm = module_.evaluate(text);
      assert.deepStrictEqual(checkExpectations(JSON.parse(fromWasm), doc.expect), []);
      assert.strictEqual(fromWasm + '\n', runNative(text));
    });
  }
}

test('policy() is the native policy table', () => {
  assert.strictEqual(module_.policy() + '\n', execFileSync(native, ['policy'], { encoding: 'utf8' }));
  assert.strictEqual(JSON.parse(module_.policy()).cisco_live.breakout['2000'], null);
});

test('malformed input is an error document, never a throw', () => {
  for (const bad of ['', '{', 'null', '[]', '{"certifications": 5}', '\u0000\uffff']) {
    const out = JSON.parse(module_.evaluate(bad));
    assert.strictEqual(out.format, 'ceplan-error');
    assert.ok(out.errors.length > 0);
  }
});

test('the checker notices a wrong expectation', () => {
  const doc = JSON.parse(fs.readFileSync(path.join(scenarios, '17-rollover-of-five-or-more.json'), 'utf8'));
  const res = JSON.parse(module_.evaluate(JSON.stringify(doc.plan)));
  assert.notDeepStrictEqual(checkExpectations(res, { ...doc.expect, rollover_credits: 5 }), []);
});
