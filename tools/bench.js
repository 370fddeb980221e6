// tools/bench.js (run by tools/bench): measures, asserts nothing. One table (or --json):
// - sizes: public/ceplan.js and the page's files (public/ without icons), raw and gzip -9;
// - evaluate() per call, median: wasm (public/ceplan.js in Node, warmed up) and native (in-process,
//   through `tools/ceplan bench PLAN N`), on an example plan and on generated plans of 100 and
//   1000 activities, with their ratio (the lowest median of three alternating rounds of each);
// - in headless Chromium from file://: the first verdict (navigation start -> the verdict of the
//   stored plan in the DOM) when the plan is reopened (the browser holds what the page kept from
//   the visit before) and on a first visit (only the plan stored), and the bare floor (a minimal
//   page that loads ceplan.js, evaluates the same plan and prints the result), opened likewise;
// - switching one activity off and on in a 500-activity plan, each click on the page at rest:
//   the click until the new verdict is in the page, styled and laid out (a forced layout: the
//   page's work before the browser can paint it), beside one evaluate() of that plan in the same
//   page; until the next frame (the new verdict painted); until what an edit draws a frame later
//   (the activity rows, What to do next, the changed timelines) is drawn too; the same wait
//   as "painted" with no click (one frame: the floor of that figure); and the tasks of 50 ms or
//   more meanwhile (the Long Tasks API).
// usage: node tools/bench.js [--json] [--runs N]
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');
const { execFileSync } = require('child_process');

const root = path.resolve(__dirname, '..');
const pub = path.join(root, 'public');
const args = process.argv.slice(2);
const asJson = args.includes('--json');
const runsArg = args.indexOf('--runs');
const RUNS = runsArg >= 0 ? Math.max(3, Number(args[runsArg + 1]) || 15) : 15;

const median = (xs) => { const s = xs.slice().sort((a, b) => a - b); const n = s.length; return n ? (n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2) : NaN; };
const kib = (n) => n / 1024;
const gz = (buf) => zlib.gzipSync(buf, { level: 9 }).length;

/** The example plan (examples/01-…), without its hand-derived answers. */
function examplePlan() {
  const dir = path.join(root, 'examples');
  const f = fs.readdirSync(dir).filter((x) => x.endsWith('.json')).sort()[0];
  const { expect, derivation, rules, ...plan } = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
  return { name: f, plan };
}

/** A plan of n activities over ten years: trainings, Cisco Live events with 10 sessions, exams. */
function generated(n) {
  const acts = [];
  const day = (i) => new Date(Date.UTC(2020, 0, 1) + i * 86400000 * (3650 / n)).toISOString().slice(0, 10);
  for (let i = 0; i < n; i++) {
    const d = day(i);
    if (i % 10 === 3) acts.push({ id: 'x' + i, type: 'exam', exam: 'concentration', completed: d });
    else if (i % 10 === 7) acts.push({ id: 'l' + i, type: 'cisco_live', event: 'Event ' + i, completed: d,
      sessions: Array.from({ length: 10 }, (_, k) => ({ code: `BRKENT-${1000 + 1000 * (k % 3) + k}`, minutes: 60, attended_minutes: 50, credits: 1 })) });
    else acts.push({ id: 't' + i, type: 'training', course: 'C' + (i % 50), version: String(1 + Math.floor(i / 50)), credits: 8 + (i % 5) * 8, completed: d, status: 'validated' });
  }
  return { format: 'ceplan-plan', version: 1, today: '2025-01-01',
    certifications: [{ id: 'ccie', level: 'expert', expires: '2021-06-01' }, { id: 'ccnp', level: 'professional', expires: '2022-01-01' }, { id: 'ccna', level: 'associate', expires: '2021-01-01' }],
    activities: acts };
}

function sizes() {
  const cj = fs.readFileSync(path.join(pub, 'ceplan.js'));
  // The page's files: everything public/ serves except the icons (and source maps).
  const files = fs.readdirSync(pub).filter((f) => fs.statSync(path.join(pub, f)).isFile() && !/^icon/.test(f) && !f.endsWith('.map')).sort();
  let raw = 0; let z = 0;
  for (const f of files) { const b = fs.readFileSync(path.join(pub, f)); raw += b.length; z += gz(b); }
  // What the first verdict waits for: the files index.html loads itself (no feature script).
  const html = fs.readFileSync(path.join(pub, 'index.html'), 'utf8');
  const first = ['index.html'].concat(Array.from(html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="stylesheet"[^>]*\shref)="([^"]+)"/g), (m) => m[1]));
  let fraw = 0; let fz = 0;
  for (const f of first) { const b = fs.readFileSync(path.join(pub, f)); fraw += b.length; fz += gz(b); }
  return { ceplan_js: { raw: cj.length, gzip: gz(cj) }, page: { raw, gzip: z, files }, first_verdict: { raw: fraw, gzip: fz, files: first } };
}

/** Native per-evaluate through `tools/ceplan bench`, or null (with why) when the program has no such command. */
function native(text, n) {
  const tmp = path.join(os.tmpdir(), `ceplan-bench-${process.pid}.json`);
  fs.writeFileSync(tmp, text);
  try {
    const out = execFileSync(path.join(root, 'tools', 'ceplan'), ['bench', tmp, String(n)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 26 });
    const doc = JSON.parse(out.trim().split('\n').pop());
    return { median_us: doc.median_us, min_us: doc.min_us };
  } catch (e) {
    return null;
  } finally { fs.rmSync(tmp, { force: true }); }
}

async function wasmAndNative(plans) {
  const loaded = require(path.join(pub, 'ceplan.js'));
  const m = await (loaded.createCeplan || loaded)();
  const rows = [];
  for (const p of plans) {
    const text = JSON.stringify(p.plan);
    const reps = p.n <= 10 ? 400 : p.n <= 100 ? 100 : 15;
    // Warmed up as many times as measured: V8 runs a wasm function in its baseline compiler
    // (Liftoff) until it has been called enough to be optimised (TurboFan) in the background;
    // native code is compiled ahead of time, so the steady state is what compares.
    for (let i = 0; i < reps; i++) m.evaluate(text);
    // Three rounds each, wasm and native alternating, and the lowest median of each kept: on this
    // shared virtual machine a whole round sometimes runs ~1.5x slower (the CPU taken elsewhere).
    let wasm = Infinity; let nat = null;
    for (let round = 0; round < 3; round++) {
      const times = [];
      for (let i = 0; i < reps; i++) {
        const t = process.hrtime.bigint();
        m.evaluate(text);
        times.push(Number(process.hrtime.bigint() - t) / 1e3);
      }
      wasm = Math.min(wasm, median(times));
      const n = native(text, p.n <= 10 ? 2000 : p.n <= 100 ? 300 : 30);
      if (n && (!nat || n.median_us < nat.median_us)) nat = n;
    }
    rows.push({ plan: p.label, activities: p.n, wasm_us: wasm, native_us: nat ? nat.median_us : null, ratio: nat && nat.median_us ? wasm / nat.median_us : null });
  }
  return rows;
}

async function browser(example, big) {
  const { chromium } = require(path.join(root, 'node_modules', 'playwright-core'));
  const b = await chromium.launch({ executablePath: process.env.CEPLAN_CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  const index = 'file://' + path.join(pub, 'index.html');
  const stored = (plan) => JSON.stringify({ plan });
  // The first verdict: navigation start -> the stored plan's first verdict card in the DOM, on the
  // first visit (this browser holds the plan and nothing else) and on the next one (it holds what
  // the page kept from the first: the plan and the locale's date words, format.js). Each pair in a
  // fresh browser context; the plan is put in its storage from another page before, so that the
  // measured page does not pay the harness's write.
  const floorDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ceplan-floor-'));
  fs.writeFileSync(path.join(floorDir, 'seed.html'), '<!doctype html><meta charset="utf-8"><title>seed</title>\n');
  const marker = () => {
    new MutationObserver((_, obs) => {
      if (document.querySelector('#verdict-body .verdict, pre#floor')) { window.__verdictAt = performance.now(); obs.disconnect(); }
    }).observe(document, { childList: true, subtree: true });
  };
  async function opened(ctx, url, check) {
    const page = await ctx.newPage();
    await page.goto(url);
    await page.waitForFunction(() => window.__verdictAt !== undefined, null, { timeout: 20000 });
    const t = await page.evaluate(() => window.__verdictAt);
    if (check) await check(page);
    await page.close();
    await new Promise((resolve) => setTimeout(resolve, 250)); // the closed page's process winds down before the next opening
    return t;
  }
  async function visits(url, check) {
    const ctx = await b.newContext({ viewport: { width: 1400, height: 1000 } });
    const seed = await ctx.newPage();
    await seed.goto('file://' + path.join(floorDir, 'seed.html'));
    await seed.evaluate((text) => localStorage.setItem('ceplan.workspace.v1', text), stored(example));
    await seed.close();
    await ctx.addInitScript(marker);
    const first = await opened(ctx, url, check);
    const again = await opened(ctx, url, check);
    await ctx.close();
    return [first, again];
  }
  // The page's visit ends when all it draws after the first paint is drawn and saved.
  const pageCheck = async (page) => {
    await page.waitForFunction(() => document.body.dataset.engine === 'ready', null, { timeout: 20000 });
    const name = await page.evaluate(() => document.getElementById('plan-name').value);
    if (name !== (example.name || '')) throw new Error(`the first verdict was not the stored plan's (plan name "${name}")`);
    await page.waitForTimeout(300);
  };
  // The bare floor: a page that loads ceplan.js, evaluates the same plan and prints the result.
  fs.copyFileSync(path.join(pub, 'ceplan.js'), path.join(floorDir, 'ceplan.js'));
  fs.writeFileSync(path.join(floorDir, 'floor.js'), `createCeplan().then((m) => { const out = m.evaluate(${JSON.stringify(JSON.stringify(example))});
  const pre = document.createElement('pre'); pre.id = 'floor'; pre.textContent = out; (document.body || document.documentElement).appendChild(pre); });\n`);
  fs.writeFileSync(path.join(floorDir, 'floor.html'), '<!doctype html><meta charset="utf-8"><title>floor</title><script src="ceplan.js"></script><script src="floor.js"></script>\n');
  const floorUrl = 'file://' + path.join(floorDir, 'floor.html');
  const fv = []; const fvAgain = []; const fl = []; const flAgain = [];
  await visits(index, pageCheck); await visits(floorUrl); // warm the disk cache
  for (let i = 0; i < RUNS; i++) {
    const [a, b2] = await visits(index, pageCheck); fv.push(a); fvAgain.push(b2);
    const [c, d] = await visits(floorUrl); fl.push(c); flAgain.push(d);
  }
  fs.rmSync(floorDir, { recursive: true, force: true });

  // The switch on a 500-activity plan: click -> the next frame painted (requestAnimationFrame, then a task).
  const ctx = await b.newContext({ viewport: { width: 1400, height: 1000 } });
  await ctx.addInitScript((text) => { if (!window.__benchStored) { window.__benchStored = 1; localStorage.setItem('ceplan.workspace.v1', text); } }, stored(big));
  const page = await ctx.newPage();
  await page.goto(index);
  await page.waitForFunction(() => document.body.dataset.engine === 'ready' && document.querySelector('#verdict-body .verdict'), null, { timeout: 30000 });
  const toggle = await page.evaluate(async (runs) => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const id = 't251';
    const verdict = []; const times = []; const drawn = [];
    // What an edit draws a frame after its verdict: the activity rows, What to do next, the timelines.
    const pending = () => document.querySelector('#acts-body[data-pending], #outlook-body[data-pending], figure.timeline[data-pending]');
    await frame();
    // Tasks of 50 ms or more while the switches and what they draw later run (the browser's
    // Long Tasks API): what would hold a click or a frame back.
    const longTasks = [];
    const lt = new PerformanceObserver((list) => { for (const e of list.getEntries()) longTasks.push(e.duration); });
    lt.observe({ type: 'longtask' });
    for (let i = 0; i < runs; i++) {
      // The page at rest (all the last switch drew after its verdict), as when a person clicks.
      while (pending()) await frame();
      await frame();
      const box = document.querySelector(`#acts-body li.activity[data-id="${id}"] input.toggle`);
      const t0 = performance.now();
      box.click();
      // The new verdict in the page, styled and laid out: what the page does before the
      // browser can paint it (a forced layout; app.js draws the verdict in the click's task).
      document.documentElement.getBoundingClientRect();
      verdict.push(performance.now() - t0);
      await frame();
      times.push(performance.now() - t0);
      // The rows, actions and changed timelines are drawn a frame later (app.js, drawSoon).
      while (pending()) await frame();
      drawn.push(performance.now() - t0);
    }
    await frame();
    lt.disconnect();
    // The floor of this measure: the same wait with nothing to do (the next frame comes at the
    // display's rate, 16.7 ms at 60 Hz, after a frame just drawn).
    const idle = [];
    for (let i = 0; i < runs; i++) { await frame(); const t0 = performance.now(); await frame(); idle.push(performance.now() - t0); }
    const evals = [];
    const plan = window.Ceplan.app.state.plan;
    for (let i = 0; i < runs; i++) { const t0 = performance.now(); window.Ceplan.engine.evaluate(plan); evals.push(performance.now() - t0); }
    const med = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    return { toggle_verdict_ms: med(verdict), toggle_ms: med(times), toggle_drawn_ms: med(drawn), frame_ms: med(idle), evaluate_ms: med(evals), long_tasks: longTasks.length, longest_task_ms: longTasks.length ? Math.max(...longTasks) : 0, off: document.querySelector(`#acts-body li.activity[data-id="${id}"]`).classList.contains('off') };
  }, RUNS % 2 ? RUNS + 1 : RUNS); // an even count: the plan ends as it began
  await ctx.close();
  await b.close();
  return { first_verdict_ms: median(fvAgain), floor_ms: median(flAgain), first_visit_ms: median(fv), first_visit_floor_ms: median(fl), ...toggle };
}

(async () => {
  if (!fs.existsSync(path.join(pub, 'ceplan.js')) || !fs.existsSync(path.join(pub, 'index.html'))) {
    console.error('bench: public/ is not built: run tools/build all'); process.exit(1);
  }
  const ex = examplePlan();
  const s = sizes();
  const evals = await wasmAndNative([
    { label: 'example (' + ex.name.replace(/\.json$/, '') + ')', n: ex.plan.activities.length, plan: ex.plan },
    { label: '100 activities', n: 100, plan: generated(100) },
    { label: '1000 activities', n: 1000, plan: generated(1000) },
  ]);
  const br = await browser(ex.plan, generated(500));
  const doc = { date: new Date().toISOString(), runs: RUNS, load: os.loadavg()[0], sizes: { ceplan_js: s.ceplan_js, page: s.page, first_verdict: s.first_verdict }, evaluate: evals, browser: br };
  if (asJson) { console.log(JSON.stringify(doc, null, 1)); return; }
  const f1 = (x) => (x == null || !Number.isFinite(x) ? 'n/a' : x.toFixed(1));
  const us = (x) => (x == null || !Number.isFinite(x) ? 'n/a' : x >= 1000 ? (x / 1000).toFixed(2) + ' ms' : Math.round(x) + ' µs');
  const rows = [
    ['ceplan.js raw / gzip', `${f1(kib(s.ceplan_js.raw))} / ${f1(kib(s.ceplan_js.gzip))} KiB`],
    [`page files raw / gzip (${s.page.files.length}, no icons)`, `${f1(kib(s.page.raw))} / ${f1(kib(s.page.gzip))} KiB`],
    [`  of which the first verdict loads (${s.first_verdict.files.length})`, `${f1(kib(s.first_verdict.raw))} / ${f1(kib(s.first_verdict.gzip))} KiB`],
  ];
  for (const r of evals) rows.push([`evaluate ${r.plan}: wasm / native (ratio)`, `${us(r.wasm_us)} / ${r.native_us == null ? 'n/a (no tools/ceplan bench)' : us(r.native_us)}${r.ratio ? ` (${r.ratio.toFixed(1)}×)` : ''}`]);
  rows.push(['first verdict from file:// (median), the stored plan reopened', `${f1(br.first_verdict_ms)} ms`]);
  rows.push(['  bare floor: load ceplan.js, evaluate, print (reopened)', `${f1(br.floor_ms)} ms (first verdict ${(br.first_verdict_ms / br.floor_ms).toFixed(2)}× the floor)`]);
  rows.push(['first verdict, first visit (only the plan stored)', `${f1(br.first_visit_ms)} ms (${(br.first_visit_ms / br.first_visit_floor_ms).toFixed(2)}× the floor's first open, ${f1(br.first_visit_floor_ms)} ms)`]);
  rows.push(['switch toggle, 500 activities → new verdict laid out', `${f1(br.toggle_verdict_ms)} ms (${(br.toggle_verdict_ms / br.evaluate_ms).toFixed(1)}× one evaluate() of ${f1(br.evaluate_ms)} ms)`]);
  rows.push(['switch toggle, 500 activities → painted', `${f1(br.toggle_ms)} ms (${(br.toggle_ms / br.evaluate_ms).toFixed(1)}× one evaluate())`]);
  rows.push(['switch toggle, 500 activities → rows, actions, timelines drawn', `${f1(br.toggle_drawn_ms)} ms`]);
  rows.push(['  the same wait with nothing to do (one frame)', `${f1(br.frame_ms)} ms`]);
  rows.push(['  tasks of 50 ms or more in those switches (Long Tasks API)', br.long_tasks ? `${br.long_tasks}, the longest ${f1(br.longest_task_ms)} ms` : 'none']);
  const w = Math.max(...rows.map((r) => r[0].length));
  console.log(`| ${'what'.padEnd(w)} | measured (${RUNS} runs, ${doc.date.slice(0, 10)}, load average ${doc.load.toFixed(1)}) |`);
  console.log(`|${'-'.repeat(w + 2)}|---|`);
  for (const [k, v] of rows) console.log(`| ${k.padEnd(w)} | ${v} |`);
})().catch((e) => { console.error('bench: ' + (e && e.stack || e)); process.exit(1); });
