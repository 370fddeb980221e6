// CSV import and export of activities (README "CSV import"): good rows are added, bad rows
// are reported by row and column, can be fixed in place or downloaded; nothing is dropped silently.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const Papa = require('papaparse');
const { launch, openPage, finish, planHash, savedPlan, expectSoon } = require('./helpers');

let browser;
before(async () => { browser = await launch(); });
after(async () => { if (browser) await browser.close(); });

const PLAN = {
  format: 'ceplan-plan', version: 1, today: '2026-11-29', name: 'CSV test',
  certifications: [{ id: 'ccnp', name: 'CCNP Enterprise', level: 'professional', expires: '2027-09-15' }],
  activities: [
    { id: 't1', type: 'training', title: 'Implementing Cisco Enterprise Advanced Routing', course: 'ENARSI', version: '1.1',
      credits: 40, completed: '2026-06-01', status: 'claimed' },
  ],
};

// Row numbers as a spreadsheet shows them: the header is row 1.
const CSV = [
  'type,title,course,version,credits,completed,status', // 1
  'training,Implementing Cisco Enterprise Advanced Routing,ENARSI,1.1,40,2026-06-01,claimed', // 2: already in the plan
  'training,Implementing Cisco Enterprise Network Core Technologies,ENCOR,1.3,64,2026-13-01,', // 3: bad date
  'exam,"ENCOR, the core exam",350-401,,,2027-01-10,planned', // 4: good (350- = core)
  'training,Implementing Automation,ENAUTO,1.5,,2026-05-01,', // 5: credits missing
  'cisco_live,Cisco Live US 2026,,,,2026-06-04,completed', // 6: good (sessions to add later: a note)
  'item_authoring,,associate,,6,2026-02-01,claimed', // 7: good
  'training,Implementing Cisco SD-WAN Solutions,ENSDWI,3.0,24,2026-07-01,done', // 8: bad status
  '', // blank line: ignored
  'Banana,,,,,2026-01-01,', // 10: bad type
  'training,Too many,HUGE,1.0,2000000,2026-04-01,', // 11: refused by the engine (at most 1000000)
  'training,"Designing Cisco Enterprise Networks, with a comma",ENSLD,2.0,40,2027-02-01,', // 12: good, quoted comma
].join('\r\n') + '\r\n';

async function importCsv(page, name, text) {
  await page.setInputFiles('#import-csv-file', { name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
}

test('CSV import: a file whose line breaks change after the header (CRLF, then LF, then CR) loses no row', async () => {
  // New-user trial: Papa Parse took the first line's break for the whole file, so rows appended
  // in another editor vanished ("Added 1 activity", no error). Three good rows: three added.
  const s = await openPage(browser, { hash: planHash(PLAN) });
  const { page } = s;
  const text = 'type,title,course,version,credits,completed,status\r\n' +
    'training,Mixed A,MXA,1.0,8,2026-03-01,\n' +
    'training,"Mixed B, two lines\nof title",MXB,1.0,8,2026-03-02,\r' +
    'training,Mixed C,MXC,1.0,8,2026-03-03,\n';
  await importCsv(page, 'mixed.csv', text);
  await expectSoon(() => page.locator('#toast').textContent(), /Added 3 activities/);
  const acts = (await savedPlan(page)).activities.filter((a) => /^Mixed/.test(a.title));
  assert.deepEqual(acts.map((a) => a.title), ['Mixed A', 'Mixed B, two lines\nof title', 'Mixed C']);
  await finish(s);
});

test('CSV import: good rows are added, bad rows are listed by row and column, fixed in place or downloaded', async () => {
  const s = await openPage(browser, { hash: planHash(PLAN) });
  const { page } = s;
  await importCsv(page, 'activities.csv', CSV);
  const report = page.locator('dialog#csv-report');
  await report.waitFor({ state: 'visible' });
  const text = await report.textContent();
  assert.match(text, /Added 4 activities\./);
  assert.match(text, /1 row already in the plan/);
  assert.match(text, /5 rows need fixing/);
  const problems = await report.locator('.csv-row-errors li').allTextContents();
  assert.deepEqual(problems.map((p) => p.replace(/:.*/, '')), [
    'row 3, completed', 'row 5, credits', 'row 8, status', 'row 10, type', 'row 11, credits']);
  assert.match(problems[0], /^row 3, completed: not a real date: “2026-13-01”$/);
  assert.match(problems[2], /expected one of planned, completed, claimed/);
  assert.match(problems[4], /at most 1000000/, 'the engine’s own refusal, mapped to its row and column: ' + problems[4]);
  assert.equal(await report.locator('.csv-row[data-row="3"] input[aria-invalid="true"]').getAttribute('data-column'), 'completed');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Row 3, completed', 'focus on the first bad cell');

  // The good rows are in the plan (and saved), in file order after what was there.
  let saved = await savedPlan(page);
  assert.deepEqual(saved.activities.map((a) => [a.type, a.title || a.event || null, a.completed]), [
    ['training', 'Implementing Cisco Enterprise Advanced Routing', '2026-06-01'],
    ['exam', 'ENCOR, the core exam', '2027-01-10'],
    ['cisco_live', 'Cisco Live US 2026', '2026-06-04'],
    ['item_authoring', null, '2026-02-01'],
    ['training', 'Designing Cisco Enterprise Networks, with a comma', '2027-02-01'],
  ]);
  const exam = saved.activities[1];
  assert.equal(exam.exam, 'core');
  assert.equal(exam.code, '350-401');
  assert.equal(exam.status, 'planned');
  assert.equal(saved.activities[3].item_type, 'associate');
  assert.equal(saved.activities[3].credits, 6);
  assert.equal(new Set(saved.activities.map((a) => a.id)).size, 5, 'fresh unique ids');

  // Download the rows still to fix: same columns plus the problem.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#csv-download-bad')]);
  assert.equal(download.suggestedFilename(), 'activities-rows-to-fix.csv');
  const bad = Papa.parse(fs.readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  assert.deepEqual(bad.meta.fields, ['type', 'title', 'course', 'version', 'credits', 'completed', 'status', 'problem']);
  assert.deepEqual(bad.data.map((r) => r.course), ['ENCOR', 'ENAUTO', 'ENSDWI', '', 'HUGE']);
  assert.match(bad.data[0].problem, /row 3, completed: not a real date/);

  // Fix two rows in place and add them again: they join the plan, the rest stay listed.
  await report.getByLabel('Row 3, completed').fill('2026-03-01');
  await report.getByLabel('Row 8, status').fill('validated');
  await report.locator('button[type=submit]').click();
  await page.locator('#toast', { hasText: 'Added 2 activities' }).waitFor();
  assert.deepEqual(await report.locator('.csv-row').evaluateAll((rows) => rows.map((r) => r.dataset.row)), ['5', '10', '11']);
  saved = await savedPlan(page);
  assert.equal(saved.activities.length, 7);
  assert.deepEqual(saved.activities.slice(5).map((a) => [a.course, a.completed, a.status || null]),
    [['ENCOR', '2026-03-01', null], ['ENSDWI', '2026-07-01', 'validated']]);

  // One undo takes back the last addition.
  await report.locator('button', { hasText: 'Close' }).click();
  await page.locator('#toast button', { hasText: 'Undo' }).click();
  assert.equal((await savedPlan(page)).activities.length, 5);
  await finish(s);
});

test('CSV export writes the activities in the import columns, and imports back as duplicates', async () => {
  const s = await openPage(browser, { hash: planHash(PLAN) });
  const { page } = s;
  await importCsv(page, 'good.csv', [
    'Type,Title,Course,Version,Credits,Completed,Status',
    'exam,,300-410,,,2027-01-10,',
    'item_authoring,Items for ENCOR,core,,,2026-02-01,pending',
    'training,"=HYPERLINK(""x"")",FORM,1.0,8,2026-03-01,completed',
  ].join('\n'));
  // A clean file with only notes (no sessions / no total for the item) still shows them.
  const report = page.locator('dialog#csv-report');
  await report.waitFor({ state: 'visible' });
  assert.match(await report.textContent(), /Added 3 activities\./);
  assert.match(await report.textContent(), /row 3, credits: no total given/);
  await report.locator('button', { hasText: 'Close' }).click();

  await page.click('#export-button');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
  assert.equal(download.suggestedFilename(), 'ceplan-csv-test-activities.csv');
  const raw = fs.readFileSync(await download.path(), 'utf8');
  assert.ok(raw.startsWith('\uFEFF'), 'a byte-order mark, for spreadsheets');
  assert.match(raw, /\r\n/);
  const parsed = Papa.parse(raw.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  // The first columns are the ones the page always had; then one for every other field (csvrows.js).
  assert.deepEqual(parsed.meta.fields, ['type', 'title', 'course', 'version', 'credits', 'completed', 'status', 'id', 'claimed_on', 'enabled',
    'lite', 'in_catalog', 'authorized', 'alpha', 'exam', 'accepted_items', 'sme_program',
    'session', 'session_code', 'session_title', 'session_minutes', 'session_attended_minutes', 'session_badged_in', 'session_credits']);
  const base = ['type', 'title', 'course', 'version', 'credits', 'completed', 'status', 'id', 'exam'];
  assert.deepEqual(parsed.data.map((r) => Object.fromEntries(base.map((c) => [c, r[c]]))), [
    { type: 'training', title: 'Implementing Cisco Enterprise Advanced Routing', course: 'ENARSI', version: '1.1', credits: '40', completed: '2026-06-01', status: 'claimed', id: 't1', exam: '' },
    { type: 'exam', title: '', course: '300-410', version: '', credits: '', completed: '2027-01-10', status: '', id: 'x1', exam: 'concentration' },
    { type: 'item_authoring', title: 'Items for ENCOR', course: 'core', version: '', credits: '', completed: '2026-02-01', status: 'pending', id: 'ia1', exam: '' },
    { type: 'training', title: '\'=HYPERLINK("x")', course: 'FORM', version: '1.0', credits: '8', completed: '2026-03-01', status: 'completed', id: 't2', exam: '' },
  ]);
  // Importing the export again adds nothing: every row is already in the plan.
  await importCsv(page, 'again.csv', raw);
  await report.waitFor({ state: 'visible' });
  assert.match(await report.textContent(), /No activity was added\. 4 rows already in the plan\./);
  assert.equal((await savedPlan(page)).activities.length, 4);
  assert.equal((await savedPlan(page)).activities[3].title, '=HYPERLINK("x")', 'the formula guard is taken off on import');
  await finish(s);
});

test('a CSV without the header row is refused with the reason, and the plan is unchanged', async () => {
  const s = await openPage(browser, { hash: planHash(PLAN) });
  const { page } = s;
  await importCsv(page, 'no-header.csv', 'training,Something,X,1.0,8,2026-03-01,\n');
  const report = page.locator('dialog#csv-report');
  await report.waitFor({ state: 'visible' });
  assert.match(await report.textContent(), /row 1: expected the header row naming the columns type, title, course, version, credits, completed, status/);
  assert.deepEqual(await savedPlan(page), PLAN);
  await page.keyboard.press('Escape');
  await report.waitFor({ state: 'hidden' });
  await finish(s);
});

test('the example in README.md imports cleanly', async () => {
  const readme = fs.readFileSync(require('node:path').join(__dirname, '..', '..', 'README.md'), 'utf8');
  const m = /## CSV import[\s\S]*?```csv\n([\s\S]*?)```/.exec(readme);
  assert.ok(m, 'README.md has a "CSV import" section with a csv example');
  const plan = Object.assign({}, PLAN, { activities: [] });
  const s = await openPage(browser, { hash: planHash(plan) });
  const { page } = s;
  await importCsv(page, 'readme.csv', m[1]);
  const rows = m[1].trim().split('\n').length - 1;
  // Only notes (the Cisco Live row has no sessions yet): every row is added.
  const report = page.locator('dialog#csv-report');
  await report.waitFor({ state: 'visible' });
  assert.match(await report.textContent(), new RegExp('Added ' + rows + ' activities\\.'));
  assert.equal(await report.locator('.csv-row').count(), 0);
  assert.equal((await savedPlan(page)).activities.length, rows);
  await finish(s);
});

test('an unclosed quote takes only its own row: the rows after it are read again on their own, and the report says so', async () => {
  const plan = Object.assign({}, PLAN, { activities: [] });
  const s = await openPage(browser, { hash: planHash(plan) });
  const { page } = s;
  await importCsv(page, 'quote.csv', [
    'type,title,course,version,credits,completed,status', // 1
    'training,Good one,AAA,1.0,8,2026-01-01,', // 2: good
    'training,"Unclosed quote,BBB,1.0,8,2026-02-01,', // 3: the quote never closes: CSV reads rows 4-6 into this field
    'training,After one,CCC,1.0,8,2026-03-01,', // 4: good
    'training,After two,DDD,1.0,8,2026-13-01,', // 5: bad date
    'training,After three,EEE,1.0,8,2026-05-01,', // 6: good
  ].join('\r\n') + '\r\n');
  const report = page.locator('dialog#csv-report');
  await report.waitFor({ state: 'visible' });
  // Rows 2, 4 and 6 are added; 3 (the quote) and 5 (the date) wait to be fixed.
  assert.match(await report.locator('.csv-summary').textContent(), /^Added 3 activities\. 2 rows need fixing/);
  assert.deepEqual(await report.locator('.csv-problems li').allTextContents(), [
    'row 3: a quote (") opens a field that is never closed, so the rest of the file (rows 4–6) was read into this row. ' +
    'Those rows were read again on their own; row 3 is listed below without the quote: check it and add it again.']);
  assert.deepEqual(await report.locator('.csv-row').evaluateAll((rows) => rows.map((r) => r.dataset.row)), ['3', '5']);
  assert.equal(await report.getByLabel('Row 3, title').inputValue(), 'Unclosed quote');
  assert.equal(await report.getByLabel('Row 3, course').inputValue(), 'BBB');
  assert.equal(await report.getByLabel('Row 3, completed').inputValue(), '2026-02-01');
  assert.deepEqual((await savedPlan(page)).activities.map((a) => a.course), ['AAA', 'CCC', 'EEE']);
  // Row 3 as read without the quote is a good row; row 5 with its date fixed too.
  await report.getByLabel('Row 5, completed').fill('2026-04-01');
  await report.locator('button[type=submit]').click();
  await page.locator('#toast', { hasText: 'Added 2 activities' }).waitFor();
  assert.deepEqual((await savedPlan(page)).activities.map((a) => [a.course, a.completed]), [
    ['AAA', '2026-01-01'], ['CCC', '2026-03-01'], ['EEE', '2026-05-01'], ['BBB', '2026-02-01'], ['DDD', '2026-04-01']]);
  await finish(s);
});

/** Windows-1252 bytes of a text (ASCII, Latin-1 letters, and the few 0x80-0x9F signs used here). */
function cp1252(text) {
  const extra = { '’': 0x92, '–': 0x96, '€': 0x80 };
  return Buffer.from(Array.from(text, (ch) => extra[ch] || ch.charCodeAt(0)));
}

test('a CSV saved by Excel as Windows-1252 reads its accents right, and the report says how it was read', async () => {
  const plan = Object.assign({}, PLAN, { activities: [] });
  const s = await openPage(browser, { hash: planHash(plan) });
  const { page } = s;
  const bytes = cp1252([
    'type,title,course,version,credits,completed,status', // 1
    'training,Réseau avancé – l’essentiel,RES,1.0,8,2026-01-01,claimed', // 2: é 0xE9, – 0x96, ’ 0x92: not UTF-8
    'training,Plain,PLN,1.0,8,2026-02-01,', // 3: ASCII only
    'training,Sécurité,SEC,1.0,16,2026-03-01,', // 4
  ].join('\r\n') + '\r\n');
  assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'the file is not UTF-8');
  await page.setInputFiles('#import-csv-file', { name: 'excel.csv', mimeType: 'text/csv', buffer: bytes });
  const report = page.locator('dialog#csv-report');
  await report.waitFor({ state: 'visible' });
  assert.match(await report.locator('.csv-summary').textContent(), /^Added 3 activities\.$/);
  assert.deepEqual(await report.locator('.csv-file-notes li').allTextContents(), [
    'This file is not UTF-8: it was read as Windows-1252 (Latin-1), the encoding of Excel’s “CSV (Comma delimited)”. ' +
    'Check the accented letters in rows 2 and 4. Saving the file as “CSV UTF-8” avoids the question.']);
  assert.deepEqual((await savedPlan(page)).activities.map((a) => a.title), ['Réseau avancé – l’essentiel', 'Plain', 'Sécurité']);
  await finish(s);
});

test('characters a file could not hold (U+FFFD) are named by row', async () => {
  const plan = Object.assign({}, PLAN, { activities: [] });
  const s = await openPage(browser, { hash: planHash(plan) });
  const { page } = s;
  await importCsv(page, 'lost.csv', [
    'type,title,course,version,credits,completed,status',
    'training,Plain,PLN,1.0,8,2026-02-01,',
    'training,R\uFFFDseau avanc\uFFFD,RES,1.0,8,2026-01-01,', // 3: what a Latin-1 file becomes once read as UTF-8
  ].join('\n'));
  const report = page.locator('dialog#csv-report');
  await report.waitFor({ state: 'visible' });
  assert.deepEqual(await report.locator('.csv-file-notes li').allTextContents(), [
    'Some characters could not be read (they show as “\uFFFD”) in row 3: the file was probably not saved as UTF-8. ' +
    'Save it as “CSV UTF-8” and import it again, or correct that row.']);
  await finish(s);
});

// Finding 1: a cell starting with =, +, -, @, tab or CR is neutralised by every CSV writer
// (activities, rows to fix, options) whatever follows it (a line break included: Papa Parse's
// own escapeFormulae pattern missed those), and the import gives the text back whole.
test('every CSV writer neutralises a formula even with a line break in it, and the import gives it back', async () => {
  const TRAPS = ['=HYPERLINK("x")\nline2', '+1\r\nSUM(A1)', '-2+3\nx', '@SUM(1)\nx', '\t=1\nx', '=1+1', '\'=already quoted', 'Plain\n=not at the start'];
  const plan = {
    format: 'ceplan-plan', version: 1, today: '2026-11-29', name: 'Formula test',
    certifications: [{ id: 'ccnp', name: 'CCNP Enterprise', level: 'professional', expires: '2027-09-15' }],
    activities: TRAPS.map((title, i) => ({ id: 't' + i, type: 'training', title, course: 'C' + i, version: '1.0', credits: 8, completed: '2026-03-0' + (i + 1), status: 'completed' }))
      .concat([{ id: 'cl', type: 'cisco_live', event: '=EVENT()\nUS', completed: '2026-06-04', status: 'completed',
        sessions: [{ code: '@BRKENT-2031\nx', title: '+Session\nline', minutes: 60, attended_minutes: 60, badged_in: true }] }]),
    options: TRAPS.map((title, i) => ({ id: 'o' + i, activity: { type: 'training', title, course: 'O' + i, credits: 8 }, cost: { money: 100 } })),
  };
  const s = await openPage(browser, { hash: planHash(plan) });
  const { page } = s;
  const out = await page.evaluate(async (p) => {
    const f = await Ceplan.lazy.load('csv');
    return { activities: f.csv.exportText(p), options: f.optionscsv.exportText(p) };
  }, plan);
  const dangerous = /^[=+\-@\t\r]/;
  for (const [name, text] of Object.entries(out)) {
    const parsed = Papa.parse(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
    const cells = parsed.data.flatMap((r) => Object.values(r));
    const bad = cells.filter((c) => dangerous.test(c));
    assert.deepEqual(bad, [], name + ': no cell a spreadsheet would run');
    // Each trap is written with one ' in front; the plain title (formula after a line break) as is.
    const titles = parsed.data.map((r) => r.title);
    assert.deepEqual(titles.slice(0, TRAPS.length), ['\'=HYPERLINK("x")\nline2', '\'+1\r\nSUM(A1)', '\'-2+3\nx', '\'@SUM(1)\nx', '\'\t=1\nx', '\'=1+1', '\'\'=already quoted', 'Plain\n=not at the start'], name);
  }
  // The import gives every text back whole: activities (titles, event, session code and title) and options.
  const back = await page.evaluate((text) => {
    const rows = Ceplan.csv.parseText(text).rows;
    return Ceplan.csvrows.assemble(rows).map((x) => x.activity);
  }, out.activities);
  assert.deepEqual(back.slice(0, TRAPS.length).map((a) => a.title), TRAPS);
  assert.equal(back[TRAPS.length].event, '=EVENT()\nUS');
  assert.deepEqual([back[TRAPS.length].sessions[0].code, back[TRAPS.length].sessions[0].title], ['@BRKENT-2031\nx', '+Session\nline']);
  const optionRows = Papa.parse(out.options.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
  const opts = await page.evaluate((rows) => rows.map((r) => Ceplan.lazy.loaded('csv').optionscsv.rowToOption(r).option.activity.title), optionRows);
  assert.deepEqual(opts, TRAPS);
  await finish(s);
});
