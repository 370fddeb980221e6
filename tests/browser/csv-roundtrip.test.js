// CSV round trip (issue 7 §2, README "CSV import"): Export → Activities (CSV), then Import →
// Activities (CSV) into the same certifications gives the same activities (deep equal, ids
// included) and the same verdict, for every example, every shared scenario (read from
// ../shared/scenarios at test time) and a plan using every field of every activity type.
// What cannot go into CSV is said before anything is written.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { launch, openPage, finish, exampleFiles, planHash, savedPlan, ROOT } = require('./helpers');

let browser;
before(async () => { browser = await launch(); });
after(async () => { if (browser) await browser.close(); });

const SCENARIOS = path.resolve(ROOT, '..', 'shared', 'scenarios');

function scenarioFiles() {
  return fs.readdirSync(SCENARIOS).filter((f) => f.endsWith('.json')).sort().map((f) => {
    const doc = JSON.parse(fs.readFileSync(path.join(SCENARIOS, f), 'utf8'));
    return { file: 'scenarios/' + f, plan: doc.plan };
  });
}

/** Every field of every activity type, with values that change the verdict (E2, E5, E6–E8, C1). */
const EVERY_FIELD = {
  format: 'ceplan-plan', version: 1, today: '2026-11-29', name: 'Every field',
  certifications: [{ id: 'ccnp', name: 'CCNP Enterprise', level: 'professional', expires: '2027-09-15' }],
  activities: [
    { id: 't lite', type: 'training', title: 'Lite course', course: 'LITE', version: '1.0', credits: 24, completed: '2026-01-10', lite: true },
    { id: 't-cat', type: 'training', title: 'Not in the catalog', course: 'NOCAT', version: '2.0', credits: 16, completed: '2026-02-10', in_catalog: false, authorized: true },
    { id: 't,auth', type: 'training', title: 'Unauthorized, "quoted"', course: 'NOAUTH', version: '1.0', credits: 8, completed: '2026-02-11', authorized: false },
    { id: 't-alpha', type: 'training', title: 'Alpha', course: 'ALPHA', version: '1.0', credits: 40, completed: '2026-03-01', alpha: true, status: 'claimed', claimed_on: '2026-03-20' },
    { id: 't-off', type: 'training', title: 'Switched off', course: 'OFF', version: '1.0', credits: 40, completed: '2027-01-10', enabled: false },
    { id: 't-on', type: 'training', title: 'Switched on', course: 'ON', version: '1.0', credits: 8, completed: '2027-01-11', enabled: true },
    { id: 'cl', type: 'cisco_live', event: 'Cisco Live US 2026', completed: '2026-06-04', status: 'validated', claimed_on: '2026-07-01',
      sessions: [
        { code: 'BRKENT-2031', minutes: 60, attended_minutes: 55, badged_in: true, credits: 2 },
        { code: 'LTRSEC-3000', minutes: 240, badged_in: false, credits: 8 },
        { code: 'DEVWKS-1020', minutes: 45, attended_minutes: 45 },
      ] },
    { id: 'cl-empty', type: 'cisco_live', event: 'Cisco Live EMEA 2027', completed: '2027-02-12' },
    { id: 'cl-noname', type: 'cisco_live', completed: '2027-02-20', sessions: [{ code: 'BRKSEC-2000', minutes: 60 }] },
    { id: 't-bare', type: 'training', credits: 4, completed: '2026-05-05' },
    { id: 'ia', type: 'item_authoring', item_type: 'core', accepted_items: 3, completed: '2026-04-01', sme_program: false },
    { id: 'ia2', type: 'item_authoring', title: 'Items', item_type: 'associate', accepted_items: 2, credits: 5, completed: '2026-04-02' },
    { id: 'x1', type: 'exam', exam: 'concentration', code: '300-410', title: 'ENARSI', completed: '2027-03-01', status: 'planned' },
    { id: 'x2', type: 'exam', exam: 'core', code: 'ENCOR v1.1', completed: '2027-04-01' },
    { id: 'x3', type: 'exam', exam: 'expert_lab', completed: '2027-05-01' },
  ],
  policy: { cisco_live: { breakout: { 1000: 1, 2000: 2, 3000: 3 } }, item_authoring: { core: 2, associate: 1 } },
};

/** Clicks Export → Activities (CSV) and returns the file's text. */
async function exportCsv(page) {
  await page.click('#export-button');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
  return fs.readFileSync(await download.path(), 'utf8');
}

async function importCsv(page, text) {
  await page.setInputFiles('#import-csv-file', { name: 'round-trip.csv', mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
}

/** The engine's answer for a plan, in the page (as of the plan's `today`). */
const verdict = (page, plan) => page.evaluate((p) => Ceplan.engine.evaluate(p), plan);

/** Export from the plan, import into the same plan without its activities, compare. */
async function roundTrip(s, label, plan) {
  const { page } = s;
  await page.goto('about:blank'); // a fresh load each time, not a mere change of the hash
  await s.goto(planHash(plan));
  assert.deepEqual((await savedPlan(page)).activities, plan.activities, label + ': loaded');
  const text = await exportCsv(page);
  assert.equal((await page.locator('dialog#csv-export').count()) > 0 && await page.locator('dialog#csv-export').isVisible(), false,
    label + ': nothing to say before writing');
  const empty = Object.assign({}, plan, { activities: [] });
  await page.goto('about:blank');
  await s.goto(planHash(empty));
  await importCsv(page, text);
  await page.waitForFunction((n) => {
    const t = localStorage.getItem('ceplan.workspace.v1');
    return t && JSON.parse(t).plan.activities.length === n;
  }, plan.activities.length);
  const report = page.locator('dialog#csv-report');
  if (await report.isVisible()) {
    assert.equal(await report.locator('.csv-row').count(), 0, label + ': no row to fix: ' + await report.textContent());
    await page.keyboard.press('Escape');
  }
  const back = await savedPlan(page);
  assert.deepEqual(back.activities, plan.activities, label + ': the same activities, ids included');
  const was = await verdict(page, plan);
  const now = await verdict(page, back);
  assert.equal(was.ok, true, label + ': ' + JSON.stringify(was.errors));
  assert.deepEqual(now, was, label + ': the same verdict');
}

test('export → import gives the same activities and verdict: every example and every valid shared scenario', async () => {
  const s = await openPage(browser);
  const plans = exampleFiles().map((e) => ({ file: 'examples/' + e.file, plan: e.plan })).concat(scenarioFiles());
  assert.ok(plans.length >= 29, 'examples and scenarios were found: ' + plans.length);
  let valid = 0;
  for (const { file, plan } of plans) {
    const r = await verdict(s.page, plan);
    if (!r.ok) continue; // refused by the engine: the next test
    valid += 1;
    await roundTrip(s, file, plan);
  }
  assert.ok(valid >= 28, 'round trips: ' + valid);
  await finish(s);
});

test('export → import of a plan the engine refuses: the import refuses the same activities, field for field', async () => {
  const s = await openPage(browser);
  const { page } = s;
  const refused = scenarioFiles().filter(() => true);
  let seen = 0;
  for (const { file, plan } of refused) {
    const r = await verdict(page, plan);
    if (r.ok) continue;
    seen += 1;
    // What the engine says about activities, as [activity index, CSV column].
    const COLUMN = { completed: 'completed', credits: 'credits', exam: 'exam', type: 'type', status: 'status', claimed_on: 'claimed_on' };
    const engine = r.errors.map((e) => /^\/activities\/(\d+)\/([^/]+)/.exec(e.pointer || '')).filter(Boolean).map((m) => [+m[1], COLUMN[m[2]] || m[2]]);
    const found = await page.evaluate((p) => {
      const text = Ceplan.csv.exportText(p);
      const rows = Ceplan.csv.parseText(text).rows;
      return Ceplan.csvrows.assemble(rows).flatMap((item, i) => item.errors.map((e) => [i, e.column]));
    }, plan);
    assert.deepEqual(found, engine, file + ': the same activities and fields refused');
  }
  assert.ok(seen >= 1, 'scenario 24 (bad input) is among them');
  await finish(s);
});

test('every field of every activity type, Cisco Live sessions one row each, survives the round trip', async () => {
  const s = await openPage(browser);
  await roundTrip(s, 'every field', EVERY_FIELD);
  // One row per session, numbered; the empty event has one row without a session.
  const text = await exportCsv(s.page);
  const lines = text.replace(/^\uFEFF/, '').trim().split('\r\n');
  const header = lines[0].split(',');
  const at = (line, col) => require('papaparse').parse(line).data[0][header.indexOf(col)];
  const live = lines.filter((l) => l.startsWith('cisco_live,'));
  assert.deepEqual(live.map((l) => [at(l, 'id'), at(l, 'session'), at(l, 'session_code')]), [
    ['cl', '1', 'BRKENT-2031'], ['cl', '2', 'LTRSEC-3000'], ['cl', '3', 'DEVWKS-1020'], ['cl-empty', '', ''], ['cl-noname', '1', 'BRKSEC-2000']]);
  // The verdict differs when the fields are dropped: the round trip is tested, not trivially true.
  const bare = await verdict(s.page, Object.assign({}, EVERY_FIELD, {
    activities: EVERY_FIELD.activities.map(({ id, type, title, event, course, version, credits, completed, status }) =>
      JSON.parse(JSON.stringify({ id, type, title, event, course, version, credits, completed, status, exam: type === 'exam' ? 'core' : undefined, item_type: type === 'item_authoring' ? 'core' : undefined }))),
  }));
  assert.notDeepEqual(bare.result.activities, (await verdict(s.page, EVERY_FIELD)).result.activities);
  await finish(s);
});

test('what cannot go into CSV is said before writing, by its place in the plan; Cancel writes nothing', async () => {
  const plan = JSON.parse(JSON.stringify(EVERY_FIELD));
  plan.activities[0].notes = 'my own field';
  plan.activities[6].sessions[0].room = 'Hall B';
  plan.activities[1].version = 2; // a number where the plan format has text
  const s = await openPage(browser, { hash: planHash(plan) });
  const { page } = s;
  let downloads = 0;
  page.on('download', () => { downloads += 1; });
  await page.click('#export-button');
  await page.click('#export-csv');
  const dlg = page.locator('dialog#csv-export');
  await dlg.waitFor({ state: 'visible' });
  assert.deepEqual(await dlg.locator('li').evaluateAll((li) => li.map((x) => x.dataset.pointer)),
    ['/activities/0/notes', '/activities/1/version', '/activities/6/sessions/0/room']);
  const items = await dlg.locator('li').allTextContents();
  assert.match(items[0], /“my own field” has no column: it would be left out/);
  assert.match(items[1], /2 would come back as “2”/);
  assert.match(items[2], /Session 1/);
  await dlg.locator('button', { hasText: 'Cancel' }).click();
  await dlg.waitFor({ state: 'hidden' });
  assert.equal(downloads, 0, 'nothing written');
  // Asked again, the user writes it anyway.
  await page.click('#export-button');
  await page.click('#export-csv');
  const [download] = await Promise.all([page.waitForEvent('download'), dlg.locator('#csv-export-anyway').click()]);
  assert.match(download.suggestedFilename(), /-activities\.csv$/);
  await finish(s);
});

test('a Cisco Live event over several rows is added whole: one bad session row holds back the others, fixed they go in together', async () => {
  const plan = Object.assign({}, EVERY_FIELD, { activities: [] });
  const s = await openPage(browser, { hash: planHash(plan) });
  const { page } = s;
  await importCsv(page, [
    'type,title,completed,id,session,session_code,session_minutes,session_attended_minutes,session_badged_in,session_credits', // 1
    'cisco_live,Cisco Live US 2026,2026-06-04,clus,1,BRKENT-2031,60,55,true,', // 2
    'cisco_live,Cisco Live US 2026,2026-06-04,clus,2,LTRSEC-3000,-5,,false,8', // 3: minutes below 0
    'cisco_live,Cisco Live US 2026,2026-06-04,clus,3,DEVWKS-1020,45,45,,', // 4
    'training,Course,2026-05-01,t1,,,,,,', // 5: no credits (a training needs them)
  ].join('\r\n') + '\r\n');
  const report = page.locator('dialog#csv-report');
  await report.waitFor({ state: 'visible' });
  assert.deepEqual(await report.locator('.csv-row').evaluateAll((rows) => rows.map((r) => r.dataset.row)), ['2', '3', '4', '5']);
  const errs = await report.locator('.csv-row-errors li').allTextContents();
  assert.deepEqual(errs.map((e) => e.replace(/:.*/, '')), ['row 2', 'row 3, session_minutes', 'row 4', 'row 5, credits']);
  assert.match(errs[0], /held back with its event/);
  assert.match(errs[1], /expected 0 or more minutes/);
  assert.equal((await savedPlan(page)).activities.length, 0, 'nothing of the event was added');
  await report.getByLabel('Row 3, session_minutes').fill('240');
  await report.getByLabel('Row 5, credits').fill('8');
  await report.locator('button[type=submit]').click();
  await page.locator('#toast', { hasText: 'Added 2 activities' }).waitFor();
  const saved = await savedPlan(page);
  assert.deepEqual(saved.activities[0], { type: 'cisco_live', id: 'clus', event: 'Cisco Live US 2026', completed: '2026-06-04', sessions: [
    { code: 'BRKENT-2031', minutes: 60, attended_minutes: 55, badged_in: true },
    { code: 'LTRSEC-3000', minutes: 240, badged_in: false, credits: 8 },
    { code: 'DEVWKS-1020', minutes: 45, attended_minutes: 45 }] });
  assert.deepEqual(saved.activities[1], { type: 'training', id: 't1', title: 'Course', credits: 8, completed: '2026-05-01' });
  await finish(s);
});
