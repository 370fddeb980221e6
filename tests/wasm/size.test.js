'use strict';
// issue 6: the size budget of the wasm module public/ceplan.js (deterministic:
// the same build gives the same bytes). Raw at most 300 KiB, gzip -9 at most 120 KiB.
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const file = path.resolve(__dirname, '..', '..', 'public', 'ceplan.js');
const KiB = 1024;

test('ceplan.js stays within its size budget: 300 KiB raw and 120 KiB gzip', () => {
  const bytes = fs.readFileSync(file);
  const gzip = zlib.gzipSync(bytes, { level: 9 }).length;
  assert.ok(bytes.length <= 300 * KiB, `ceplan.js is ${(bytes.length / KiB).toFixed(1)} KiB raw, budget 300 KiB`);
  assert.ok(gzip <= 120 * KiB, `ceplan.js is ${(gzip / KiB).toFixed(1)} KiB gzip, budget 120 KiB`);
});
