// Issue 6: the page redraws only what changed, and loads CSV, calendar and help on demand.
// - Incremental rendering is correct: after a change (the what-if switch, an edit, undo) the
//   three columns hold exactly what a fresh page opened on the same plan draws.
// - The features in their own scripts (page-examples.js, page-csv.js, page-ics.js, page-help.js, page-suggest.js) work from
//   file://, and the timelines, drawn after the first paint, are all there (print too).
// - Size budgets (sizes are deterministic; timings are only in tools/bench).
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const zlib = require('node:zlib');
const { PUBLIC, launch, openPage, finish, planHash, exampleFiles, savedPlan, fillForm, saveForm, drawn, expectSoon } = require('./helpers');

let browser;
before(async () => { browser = await launch(); });
after(async () => { if (browser) await browser.close(); });

/**
 * The three columns as a fresh page would draw them: their HTML with the ids the page makes
 * up (uid(): sw-12, grp-3, the timelines' …) renamed in document order, and every switch's state.
 */
async function columns(page) {
  // After an edit the activity rows, What to do next, the changed timelines and the recertifications
  // behind a closed "Show all" are drawn a frame after the new verdict (app.js drawSoon: drawLists,
  // timeline.drawDeferred, view.fillDeferred; data-pending).
  await drawn(page);
  return page.evaluate(() => {
    const roots = ['certs-body', 'acts-body', 'verdict-body'].map((id) => document.getElementById(id));
    const ids = [];
    for (const r of roots) for (const el of r.querySelectorAll('[id]')) ids.push(el.id);
    const names = new Map(ids.map((id, k) => [id, 'ID' + k]));
    const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const re = ids.length ? new RegExp('(^|[^\\w-])(' + ids.slice().sort((a, b) => b.length - a.length).map(esc).join('|') + ')(?![\\w-])', 'g') : null;
    const html = roots.map((r) => (re ? r.innerHTML.replace(re, (m, pre, id) => pre + names.get(id)) : r.innerHTML));
    const switches = Array.from(document.querySelectorAll('#acts-body input[role="switch"]')).map((s) => [s.closest('li').dataset.id, s.checked]);
    return { html, switches, pending: document.querySelectorAll('#verdict-body [data-pending]').length };
  });
}

/** The columns of a fresh page (its own context) opened on `plan` through a link. */
async function fresh(plan, viewport) {
  const s = await openPage(browser, { hash: planHash(plan), viewport });
  const c = await columns(s.page);
  await finish(s);
  return c;
}

function assertSame(got, want, what) {
  assert.equal(got.pending, 0, `${what}: every timeline drawn`);
  assert.deepEqual(got.switches, want.switches, `${what}: the switches`);
  ['certifications', 'activities', 'verdict'].forEach((col, k) => assert.equal(got.html[k], want.html[k], `${what}: the ${col} column`));
}

// A plan of 40 (or n) activities (trainings, exams, Cisco Live) every 55 days from 2021, two certifications.
function bigPlan(n = 40) {
  const activities = [];
  for (let i = 0; i < n; i++) {
    const completed = new Date(Date.UTC(2021, 0, 5) + i * 55 * 86400000).toISOString().slice(0, 10);
    if (i % 9 === 4) activities.push({ id: 'x' + i, type: 'exam', exam: 'concentration', completed });
    else if (i % 9 === 7) activities.push({ id: 'l' + i, type: 'cisco_live', event: 'Cisco Live ' + i, completed, sessions: [{ code: 'BRKENT-2001', minutes: 60, attended_minutes: 55, credits: 1 }, { code: 'BRKSEC-3002', minutes: 90, attended_minutes: 80, credits: 2 }] });
    else activities.push({ id: 't' + i, type: 'training', title: 'Course ' + i, course: 'C' + (i % 7), version: String(1 + (i % 3)), credits: 8 * (1 + (i % 5)), completed, status: 'validated' });
  }
  return { format: 'ceplan-plan', version: 1, today: '2025-06-01', name: n === 40 ? 'Forty activities' : n + ' activities',
    certifications: [{ id: 'ccnp', name: 'CCNP Enterprise', level: 'professional', expires: '2023-03-01' }, { id: 'ccna', name: 'CCNA', level: 'associate', expires: '2022-09-01' }],
    activities };
}

test('after the what-if switch, an edit and undo, the columns equal a fresh page on the same plan (keyed rendering)', async () => {
  const viewport = { width: 1400, height: 1000 };
  for (const [name, plan] of [['example 02', exampleFiles().find((e) => e.file.startsWith('02')).plan], ['forty activities', bigPlan()]]) {
    const s = await openPage(browser, { hash: planHash(plan), viewport });
    const { page } = s;
    const first = await columns(page);
    assertSame(first, await fresh(plan, viewport), `${name}, as opened`);

    // Off: the second activity in the list (a row drawn again, the others kept).
    const id = await page.locator('#acts-body li.activity').nth(1).getAttribute('data-id');
    // What the engine says of each activity (its result and warnings): the rows whose words stay are kept.
    const said = () => page.evaluate(() => {
      const r = window.Ceplan.app.state.result;
      return Object.fromEntries(r.activities.map((a) => [a.id, JSON.stringify([a, r.warnings.filter((w) => w.activity === a.id)])]));
    });
    const before = await said();
    // Each row's element and its parts (icon, main, credits, warnings, foot: view.js activityRow).
    await page.evaluate(() => { window.__rows = Array.from(document.querySelectorAll('#acts-body li.activity'), (li) => [li, Array.from(li.children)]); });
    const evaluations = () => page.evaluate(() => window.Ceplan.engine.stats.evaluations);
    const counted = await evaluations();
    await page.locator(`#acts-body li.activity[data-id="${id}"] [role="switch"]`).click();
    assert.equal(await evaluations(), counted + 1, `${name}: one evaluate() for the switch`);
    const afterOff = await savedPlan(page);
    assert.equal(afterOff.activities.find((a) => a.id === id).enabled, false, `${name}: switched off`);
    const now = await said();
    const same = Object.keys(before).filter((k) => k !== id && before[k] === now[k]).sort();
    assert.ok(same.length >= plan.activities.length / 2, `${name}: most activities keep their words (${same.length})`);
    // The rows come a frame after the verdict (app.js drawLists); each row stays the same element,
    // and a row is untouched (every part as it was) exactly when its activity and words did not change.
    await drawn(page);
    const kept = await page.evaluate(() => ({
      rows: window.__rows.every(([li]) => li.isConnected),
      untouched: window.__rows.filter(([li, parts]) => parts.length === li.children.length && parts.every((p, k) => li.children[k] === p)).map(([li]) => li.dataset.id).sort(),
    }));
    assert.ok(kept.rows, `${name}: every row is the same element, patched where its words changed`);
    assert.deepEqual(kept.untouched, same, `${name}: the rows left untouched are exactly those whose activity and words did not change`);
    assertSame(await columns(page), await fresh(afterOff, viewport), `${name}, ${id} switched off`);

    // An edit through the form: the first training's credits.
    const t = afterOff.activities.findIndex((a) => a.type === 'training');
    const tid = afterOff.activities[t].id;
    await page.locator(`#acts-body li.activity[data-id="${tid}"] button`, { hasText: 'Edit' }).click();
    await fillForm(page, { 'CE credits': 1 });
    await saveForm(page);
    await page.waitForSelector('dialog#editor[open]', { state: 'detached' });
    const edited = await savedPlan(page);
    assert.equal(edited.activities[t].credits, 1, `${name}: the credits edited`);
    assertSame(await columns(page), await fresh(edited, viewport), `${name}, ${tid} edited`);

    // Undo twice: back to the plan as opened, drawn as it was.
    await page.evaluate(() => { window.Ceplan.app.undo(); window.Ceplan.app.undo(); });
    assertSame(await columns(page), first, `${name}, after undo`);
    await finish(s);
  }
});

// A plan over many cycles: a training of 40 credits every four months for ten years, so that each
// certification recertifies many times (R5: a path met early recertifies that day), more than the
// five listed before "Show all".
function manyCyclesPlan() {
  const activities = [];
  for (let i = 0; i < 30; i++) {
    const completed = new Date(Date.UTC(2020, 1, 1) + i * 122 * 86400000).toISOString().slice(0, 10);
    activities.push({ id: 't' + i, type: 'training', course: 'C' + i, credits: 40, completed, status: 'validated' });
  }
  return { format: 'ceplan-plan', version: 1, today: '2024-01-01', name: 'Many cycles',
    certifications: [{ id: 'ccnp', level: 'professional', expires: '2021-03-01' }], activities };
}

test('"Show all" recertifications: written after a switch\'s paint, then equal to a fresh page; opened, every one listed', async () => {
  const plan = manyCyclesPlan();
  const s = await openPage(browser, { hash: planHash(plan) });
  const { page } = s;
  const count = () => page.evaluate(() => window.Ceplan.app.state.result.certifications[0].recertifications.length);
  const n = await count();
  assert.ok(n > 5, `the plan recertifies more than five times (${n})`);
  const more = page.locator('#verdict-body details.more-recerts');
  assert.equal(await more.locator('summary').textContent(), `Show all ${n} recertifications`);
  assert.equal(await more.locator('li.recert').count(), n - 5, 'the others are in the page (closed), for find-in-page');

  // Switched off, closed: the list behind "Show all" is written a frame after the verdict.
  await page.locator('#acts-body li.activity[data-id="t10"] [role="switch"]').click();
  const off = await savedPlan(page);
  assertSame(await columns(page), await fresh(off), 't10 switched off, "Show all" closed');
  const onAfter = (sel) => page.locator(sel).evaluateAll((els) => els.map((e) => e.dataset.on));
  const want = await page.evaluate(() => window.Ceplan.app.state.result.certifications[0].recertifications.map((r) => r.on));
  assert.deepEqual(await onAfter('#verdict-body .verdict li.recert'), want, 'every recertification, in order');

  // Opened, a switch lists them all in the same frame (the list is on screen).
  await more.locator('summary').click();
  await page.locator('#acts-body li.activity[data-id="t10"] [role="switch"]').click();
  const listed = await page.evaluate(() => ({
    on: Array.from(document.querySelectorAll('#verdict-body .verdict li.recert'), (e) => e.dataset.on),
    want: window.Ceplan.app.state.result.certifications[0].recertifications.map((r) => r.on),
    pending: document.querySelectorAll('#verdict-body ol[data-pending]').length,
  }));
  assert.equal(listed.pending, 0, 'an open list is never left for later');
  assert.deepEqual(listed.on, listed.want, 'open: every recertification, in order, as the switch is drawn');
  assert.equal(await more.getAttribute('open'), '', 'it stays open');
  await finish(s);
});

test('before its row is drawn again after a change, a row’s controls still act on their own activity (found by id)', async () => {
  // Over 100 activities, the rows come a frame after the verdict (app.js LISTS_LATER_OVER).
  const plan = bigPlan(120);
  const s = await openPage(browser, { hash: planHash(plan), viewport: { width: 1400, height: 1000 } });
  const { page } = s;
  const ids = await page.locator('#acts-body li.activity').evaluateAll((els) => els.map((e) => e.dataset.id));
  const [gone, target] = [ids[0], ids[5]];
  // In one task, as a fast second click would: Remove the first row, then use the switch of the
  // sixth, whose row still holds the index it was drawn with (one more than its activity's now).
  const pending = await page.evaluate(([gone, target]) => {
    document.querySelector(`#acts-body li.activity[data-id="${gone}"] button[aria-label^="Remove"]`).click();
    const was = document.getElementById('acts-body').hasAttribute('data-pending');
    document.querySelector(`#acts-body li.activity[data-id="${target}"] input[role="switch"]`).click();
    // …and Remove on the row of the activity just removed: it is gone, nothing else goes.
    document.querySelector(`#acts-body li.activity[data-id="${gone}"] button[aria-label^="Remove"]`).click();
    return was;
  }, [gone, target]);
  assert.ok(pending, 'the rows were not drawn again yet (app.js drawLists)');
  await drawn(page);
  const saved = await savedPlan(page);
  assert.deepEqual(saved.activities.map((a) => a.id), plan.activities.map((a) => a.id).filter((id) => id !== gone), 'only the first row’s activity removed');
  assert.deepEqual(saved.activities.filter((a) => a.enabled === false).map((a) => a.id), [target], 'the sixth row’s activity switched off, no other');
  assert.equal(await page.locator(`#acts-body li.activity[data-id="${target}"]`).getAttribute('class').then((c) => /\boff\b/.test(c)), true);
  await finish(s);
});

test('removing an activity gives the focus to the button that adds one of its type (its row, drawn now or a frame later, is gone)', async () => {
  for (const n of [40, 120]) {
    const s = await openPage(browser, { hash: planHash(bigPlan(n)), viewport: { width: 1400, height: 1000 } });
    const { page } = s;
    const focused = () => page.evaluate(() => document.activeElement && document.activeElement.dataset.focus);
    // From the row, by the keyboard.
    await page.locator('#acts-body li.activity[data-id="t0"] button[aria-label^="Remove"]').focus();
    await page.keyboard.press('Enter');
    await drawn(page);
    assert.equal(await focused(), 'add:training', `${n} activities: Remove on the row`);
    // From the activity's form.
    await page.locator('#acts-body li.activity[data-id="t1"]').getByRole('button', { name: /^Edit/ }).click();
    await page.locator('dialog#editor').getByRole('button', { name: 'Remove' }).click();
    await page.locator('dialog#editor').waitFor({ state: 'hidden' });
    await drawn(page);
    await expectSoon(focused, 'add:training', `${n} activities: Remove in the form`);
    assert.equal(await page.locator('#acts-body li.activity[data-id="t1"]').count(), 0);
    await finish(s);
  }
});

test('a plan the engine refuses changes nothing on screen (kept rows stay as they were)', async () => {
  const plan = bigPlan();
  const s = await openPage(browser, { hash: planHash(plan) });
  const { page } = s;
  // A change the engine refuses: the plan's first activity loses its date, then the switch.
  const before = await columns(page);
  const refused = await page.evaluate(() => {
    const app = window.Ceplan.app;
    const cand = JSON.parse(JSON.stringify(app.state.plan));
    cand.activities[0].completed = 'not a date';
    return app.apply(cand, {}).ok;
  });
  assert.equal(refused, false, 'the engine refuses a date that is no date');
  assertSame(await columns(page), before, 'a refused plan draws nothing new');
  await finish(s);
});

test('from file://: the variants side by side, CSV, calendar, help and Suggest a plan load on first use, in their own scripts; timelines drawn after the first paint', async () => {
  const ex = exampleFiles().find((e) => e.file.startsWith('01'));
  const s = await openPage(browser, { hash: planHash(ex.plan) });
  const { page } = s;
  // The first verdict's page is ceplan.js and page.js (index.html's only scripts, deferred, in
  // that order); the features come after it, added by lazy.js.
  const scripts = await page.evaluate(() => Array.from(document.querySelectorAll('script[defer]')).map((x) => x.getAttribute('src')));
  assert.deepEqual(scripts, ['ceplan.js', 'page.js']);
  const html = fs.readFileSync(path.join(__dirname, '..', '..', 'public', 'index.html'), 'utf8');
  assert.deepEqual(Array.from(html.matchAll(/<script[^>]*>/g), (m) => m[0]), ['<script blocking="render" defer src="ceplan.js">', '<script blocking="render" defer src="page.js">']);
  assert.equal(await page.locator('figure.timeline[data-pending]').count(), 0, 'every timeline drawn once the page is ready');
  assert.ok(await page.locator('figure.timeline svg.timeline-svg').count() > 0, 'the timelines are SVG charts');

  // Help.
  await page.click('#help');
  await page.waitForSelector('dialog#help-dialog[open]');
  await page.keyboard.press('Escape');

  // Suggest a plan's panel (page-suggest.js).
  await page.click('#suggest-button');
  await page.locator('#suggest:not([hidden]) button[data-add-option="exam"]').waitFor();
  await page.click('#suggest-button');
  await page.locator('#suggest[hidden]').waitFor({ state: 'attached' });

  // The calendar: an .ics with the plan's deadlines.
  await page.click('#export-button');
  const [ics] = await Promise.all([page.waitForEvent('download'), page.click('#export-ics')]);
  const icsText = fs.readFileSync(await ics.path(), 'utf8');
  assert.match(icsText, /^BEGIN:VCALENDAR\r\n/);

  // CSV out, then the same file back in: the activities are the plan's.
  await page.click('#export-button');
  const [csvOut] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
  const csvText = fs.readFileSync(await csvOut.path(), 'utf8');
  const lines = csvText.trim().split(/\r?\n/);
  assert.match(lines[0], /\bcompleted\b/, 'a header naming the columns');
  assert.ok(lines.length >= ex.plan.activities.length + 1, 'a row (or more: Cisco Live sessions) per activity');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ceplan-csv-'));
  const file = path.join(dir, 'activities.csv');
  fs.writeFileSync(file, csvText);
  await page.setInputFiles('#import-csv-file', file);
  await page.waitForSelector('#toast:not([hidden]), #problems:not([hidden])');
  fs.rmSync(dir, { recursive: true, force: true });

  const loaded = await page.evaluate(() => Array.from(document.scripts).map((x) => x.getAttribute('src')).filter((x) => /^page-/.test(x)).sort());
  assert.deepEqual(loaded, ['page-compare.js', 'page-csv.js', 'page-examples.js', 'page-help.js', 'page-ics.js', 'page-suggest.js'], 'each feature script added once');

  // Print: the beforeprint event draws any timeline not drawn yet; in print media they show.
  await page.emulateMedia({ media: 'print' });
  assert.ok(await page.locator('figure.timeline svg').first().isVisible(), 'a timeline printed');
  await finish(s);
});

test('a feature script missing from the folder: the page says so and keeps working', async () => {
  // A copy of the built page without page-help.js.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ceplan-public-'));
  fs.cpSync(PUBLIC, dir, { recursive: true });
  fs.rmSync(path.join(dir, 'page-help.js'));
  const s = await openPage(browser, { goto: false });
  const { page } = s;
  try {
    await page.goto('file://' + path.join(dir, 'index.html'));
    await page.waitForSelector('body[data-engine="ready"]');
    await page.click('#help');
    await page.waitForSelector('#problems:not([hidden])');
    assert.match(await page.locator('#problems').textContent(), /Help could not start.*page-help\.js is missing/s);
    // Still computing: an example loads, and the other features start.
    await page.click('#examples-button');
    await page.locator('#examples-list button.example').first().click();
    assert.ok(await page.locator('#verdict-body .verdict').count() > 0);
    await page.click('#export-button');
    await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
    // The file back: Help opens, and its message goes (it stayed on screen after a retry worked).
    await page.click('#help');
    await page.waitForSelector('#problems:not([hidden])');
    fs.copyFileSync(path.join(PUBLIC, 'page-help.js'), path.join(dir, 'page-help.js'));
    await page.click('#help');
    await page.waitForSelector('dialog#help-dialog[open]');
    assert.equal(await page.locator('#problems').isHidden(), true, 'the message went');
    await page.keyboard.press('Escape');
    await finish(s);
  } finally { fs.rmSync(dir, { recursive: true, force: true }); }
});

test('size budgets: the page’s own scripts and styles (gzip), Papa Parse only in the CSV script', () => {
  const gz = (f) => zlib.gzipSync(fs.readFileSync(path.join(PUBLIC, f)), { level: 9 }).length;
  const own = ['page.js', 'page.css', 'page-examples.js', 'page-csv.js', 'page-ics.js', 'page-help.js', 'page-suggest.js', 'index.html', 'sw.js', 'shell.js', 'manifest.webmanifest'];
  for (const f of own) assert.ok(fs.existsSync(path.join(PUBLIC, f)), `${f} is built`);
  // Issue 6 asks ≤ 170 KiB gzip for the page's files with ceplan.js (tests/wasm/size.test.js holds
  // that budget for what the first verdict loads); these guard what the
  // page adds (2026-11-30: page.js 41.5 KiB, what the first verdict loads besides ceplan.js 52,
  // everything 77; page.js held everything at 54 KiB before the features moved out). Suggest a plan's
  // panel (about 8 KiB) is a feature script of its own, page-suggest.js, loaded on first use like its
  // wasm module; page.js keeps only its top-bar wiring and the options' helpers (suggestbar.js, options.js).
  // The Examples menu's plans are page-examples.js (page.js 48.0 -> 44.6 KiB, issue 6's fourth session).
  assert.ok(gz('page.js') <= 46 * 1024, `page.js is ${gz('page.js')} bytes gzipped, over its 46 KiB budget`);
  const first = ['page.js', 'page.css', 'index.html'].reduce((n, f) => n + gz(f), 0);
  assert.ok(first <= 60 * 1024, `what the first verdict loads besides ceplan.js is ${first} bytes gzipped, over its 60 KiB budget`);
  const total = own.reduce((n, f) => n + gz(f), 0);
  assert.ok(total <= 96 * 1024, `the page's own files are ${total} bytes gzipped, over their 96 KiB budget`);
  const text = (f) => fs.readFileSync(path.join(PUBLIC, f), 'utf8');
  assert.ok(/papaparse/i.test(text('page-csv.js')), 'Papa Parse (its licence) is in page-csv.js');
  for (const f of ['page.js', 'page-examples.js', 'page-ics.js', 'page-help.js', 'page-suggest.js']) assert.ok(!/papaparse/i.test(text(f)), `no Papa Parse in ${f}`);
});
