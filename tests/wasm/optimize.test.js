'use strict';
// The wasm module's optimize() (optimize.md "Entry points") under Node: the examples'
// hand-derived answers, byte parity with the native command line, errors as values.
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { checkOptimized } = require('./optimized');

const root = path.resolve(__dirname, '..', '..');
const native = path.join(root, 'build', 'ceplan');
const examples = path.join(root, 'examples', 'optimize');
const loaded = require(path.join(root, 'public', 'ceplan.js'));
const createCeplan = loaded.createCeplan || loaded;

function runNative(text) {
  try {
    return execFileSync(native, ['optimize', '-'], { input: text, encoding: 'utf8' });
  } catch (e) {
    if (e.status === 2) return e.stdout;  // an error document
    throw e;
  }
}

let module_;
test.before(async () => { module_ = await createCeplan(); });

const files = fs.readdirSync(examples).filter((f) => f.endsWith('.json')).sort();
test('every optimizer example is found', () => assert.ok(files.length >= 4));

for (const f of files) {
  test(`optimize ${f}: wasm gives the hand-derived answer and the native bytes`, () => {
    const text = fs.readFileSync(path.join(examples, f), 'utf8');
    const fromWasm = module_.optimize(text);
    const answer = JSON.parse(fromWasm);
    assert.deepStrictEqual(checkOptimized(answer, JSON.parse(text).expect), []);
    assert.strictEqual(fromWasm + '\n', runNative(text));
    // The answer's result is what evaluate() says of the answer's plan, byte for byte.
    const cut = fromWasm.slice(fromWasm.indexOf('"result":') + 9, fromWasm.lastIndexOf(',"unsavable":'));
    assert.strictEqual(cut, module_.evaluate(JSON.stringify(answer.plan)));
  });
}

test('optimize(): a limit on evaluations gives exact false, native and wasm alike', () => {
  const doc = JSON.parse(fs.readFileSync(path.join(examples, files[1]), 'utf8'));
  doc.optimize = { max_evaluations: 3 };
  const text = JSON.stringify(doc);
  const fromWasm = module_.optimize(text);
  assert.strictEqual(JSON.parse(fromWasm).searched.exact, false);
  assert.strictEqual(fromWasm + '\n', runNative(text));
});

test('optimize(): malformed input and bad options are error documents, never a throw', () => {
  for (const bad of ['', '{', 'null', '[]', '{"certifications": 5}', '{"certifications": [], "options": 3}']) {
    const out = JSON.parse(module_.optimize(bad));
    assert.strictEqual(out.format, 'ceplan-error');
    assert.ok(out.errors.length > 0);
  }
  const doc = JSON.parse(fs.readFileSync(path.join(examples, files[0]), 'utf8'));
  doc.options[0].activity.credits = 'many';
  const out = JSON.parse(module_.optimize(JSON.stringify(doc)));
  assert.strictEqual(out.errors[0].pointer, '/options/0/activity/credits');
  // The module answers normally after an error.
  assert.strictEqual(JSON.parse(module_.optimize(fs.readFileSync(path.join(examples, files[0]), 'utf8'))).format,
    'ceplan-optimized');
});
