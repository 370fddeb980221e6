'use strict';
// issue 6: size budgets (deterministic: the same build gives the same bytes).
// - public/ceplan.js, the wasm module: raw at most 300 KiB, gzip -9 at most 120 KiB;
// - what the first verdict loads (index.html and the scripts and style sheets it names:
//   ceplan.js, page.js, page.css; no icon, no feature script, not the optimizer's module):
//   gzip -9 at most 170 KiB, issue 6's budget for the page a phone loads at once.
// - the module is embedded deflated (tools/embed-wasm.js), not as SINGLE_FILE's raw base64.
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const pub = path.resolve(__dirname, '..', '..', 'public');
const file = path.join(pub, 'ceplan.js');
const KiB = 1024;
const gz = (bytes) => zlib.gzipSync(bytes, { level: 9 }).length;

test('ceplan.js stays within its size budget: 300 KiB raw and 120 KiB gzip', () => {
  const bytes = fs.readFileSync(file);
  const gzip = gz(bytes);
  assert.ok(bytes.length <= 300 * KiB, `ceplan.js is ${(bytes.length / KiB).toFixed(1)} KiB raw, budget 300 KiB`);
  assert.ok(gzip <= 120 * KiB, `ceplan.js is ${(gzip / KiB).toFixed(1)} KiB gzip, budget 120 KiB`);
});

test('the files of the first verdict (index.html, ceplan.js, page.js, page.css) stay within 170 KiB gzip', (t) => {
  const html = fs.readFileSync(path.join(pub, 'index.html'), 'utf8');
  const named = Array.from(html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="stylesheet"[^>]*\shref)="([^"]+)"/g), (m) => m[1]);
  if (!named.includes('page.js')) { t.skip('public/ has no page.js (tools/build web)'); return; }
  assert.deepStrictEqual(named.slice().sort(), ['ceplan.js', 'page.css', 'page.js'], 'index.html loads exactly the engine, the page script and its style sheet');
  const sizes = ['index.html'].concat(named).map((f) => [f, gz(fs.readFileSync(path.join(pub, f)))]);
  const total = sizes.reduce((n, [, s]) => n + s, 0);
  assert.ok(total <= 170 * KiB, `the first verdict loads ${(total / KiB).toFixed(1)} KiB gzip (${sizes.map(([f, s]) => `${f} ${(s / KiB).toFixed(1)}`).join(', ')}), budget 170 KiB`);
});

test('the module is embedded deflated, not as a raw base64 binary', () => {
  const text = fs.readFileSync(file, 'utf8');
  assert.ok(!/base64,[A-Za-z0-9+/]{100}/.test(text), 'ceplan.js carries a SINGLE_FILE data URI');
  assert.match(text, /DecompressionStream\('deflate-raw'\)/);
  // A raw wasm binary in base64 starts "AGFzbQ" (\0asm): there is none.
  assert.ok(!text.includes('"AGFzbQ'), 'ceplan.js carries an undeflated wasm binary');
});
