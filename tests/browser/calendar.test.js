// Export → Deadlines calendar: the .ics is downloaded as a person would, parsed back with
// ical.js (npm, the well-kept iCalendar parser) and checked against dates derived by hand
// from the example plans (rules C1, C2, R5, P1, P2).
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const ICALmod = require('ical.js');
const { launch, openPage, finish, exampleFiles, planHash, savedPlan, expectSoon } = require('./helpers');
const { cascadePlan } = require('./fixtures');

const ICAL = ICALmod.default || ICALmod;

let browser;
before(async () => { browser = await launch(); });
after(async () => { if (browser) await browser.close(); });

/** Clicks Export → Deadlines calendar and returns {name, text}. */
async function downloadCalendar(page) {
  await page.click('#export-button');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-ics')]);
  return { name: download.suggestedFilename(), text: fs.readFileSync(await download.path(), 'utf8') };
}

/** Checks the RFC 5545 framing, parses with ical.js, returns [{date, end, summary, description, uid, categories}]. */
function parseCalendar(text) {
  assert.ok(text.endsWith('\r\n'), 'ends with CRLF');
  assert.doesNotMatch(text.replace(/\r\n/g, ''), /[\r\n]/, 'every line ends with CRLF, no bare LF or CR');
  const lines = text.split('\r\n').slice(0, -1);
  for (const l of lines) assert.ok(Buffer.byteLength(l, 'utf8') <= 75, 'line folded at 75 octets: ' + l);
  const comp = new ICAL.Component(ICAL.parse(text));
  assert.equal(comp.name, 'vcalendar');
  assert.equal(comp.getFirstPropertyValue('version'), '2.0');
  assert.match(comp.getFirstPropertyValue('prodid'), /ceplan/);
  const events = comp.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    assert.ok(e.startDate.isDate, 'all-day DTSTART;VALUE=DATE');
    assert.ok(e.endDate.isDate, 'all-day DTEND;VALUE=DATE');
    const next = e.startDate.clone();
    next.adjust(1, 0, 0, 0);
    assert.equal(e.endDate.toString(), next.toString(), 'DTEND is the next day');
    assert.ok(v.getFirstPropertyValue('dtstamp'), 'DTSTAMP');
    return {
      date: e.startDate.toString(), summary: e.summary, description: e.description, uid: e.uid, sequence: v.getFirstPropertyValue('sequence'),
      categories: v.getAllProperties('categories').flatMap((p) => p.getValues()),
    };
  });
  const uids = events.map((e) => e.uid);
  assert.equal(new Set(uids).size, uids.length, 'UIDs are unique');
  for (const u of uids) assert.ok(u && u.includes('@'), 'UID ' + u);
  return events;
}

const kinds = (events, kind) => events.filter((e) => e.categories.includes(kind)).map((e) => e.date).sort();

test('01: the calendar holds the expirations, claim-by days, rollover expiry and finish-by date', async () => {
  const ex = exampleFiles().find((e) => e.file.startsWith('01-'));
  const s = await openPage(browser, { hash: planHash(ex.plan) });
  const { name, text } = await downloadCalendar(s.page);
  assert.match(name, /^ceplan-.*-deadlines\.ics$/);
  const events = parseCalendar(text);
  // Derived by hand from examples/01 (today 2026-11-29):
  // - the exam on 2027-03-18 completes 40 CE + one professional exam (32 + 24 + 16 = 72 ≥ 40):
  //   recertified 2027-03-18, new expiration 2027-03-18 + 3 y = 2030-03-18 (R5); the current
  //   expiration 2027-05-20 differs, so both are in the calendar.
  assert.deepEqual(kinds(events, 'expires'), ['2030-03-18']);
  assert.deepEqual(kinds(events, 'current-expires'), ['2027-05-20']);
  // - finish by: the exam could move up to the current expiration 2027-05-20 (R5).
  assert.deepEqual(kinds(events, 'finish-by'), ['2027-05-20']);
  // - claim by (C1, 365 days): ENSDWI 2027-01-20 → 2028-01-20; Cisco Live 2027-02-12 → 2028-02-12.
  //   ENWLSD is claimed; the exam has no claim.
  assert.deepEqual(kinds(events, 'claim-by'), ['2028-01-20', '2028-02-12']);
  // - rollover (A3, C2): 42 of 72 applied (A2: ENWLSD 32 in 5s+2 = 32, then ENSDWI 5,5 = 42),
  //   the rest of ENSDWI (14) valid through 2030-01-20 and Cisco Live (16) through 2030-02-12.
  assert.deepEqual(kinds(events, 'rollover-expires'), ['2030-01-20', '2030-02-12']);
  assert.equal(events.length, 7);
  const claim = events.find((e) => e.date === '2028-01-20');
  assert.match(claim.summary, /Implementing Cisco SD-WAN Solutions/);
  assert.match(events.find((e) => e.date === '2030-01-20').summary, /^14 rolled-over CE credits/);
  await finish(s);
});

test('03 and 04: an at-risk certification and a plan over two cycles', async () => {
  const s = await openPage(browser);
  const { page } = s;
  const all = exampleFiles();
  // Loaded from the Examples menu, as a person would.
  await page.click('#examples-button');
  await page.locator('#examples-list button.example').nth(all.findIndex((e) => e.file.startsWith('03-'))).click();
  let events = parseCalendar((await downloadCalendar(page)).text);
  // 03 (today 2026-11-29): CCNA at risk, expires 2027-04-30 and nothing moves it.
  assert.deepEqual(kinds(events, 'expires'), ['2027-04-30']);
  assert.deepEqual(kinds(events, 'current-expires'), []);
  // finish by: the cheapest missing path is due by the expiration date (P2).
  assert.deepEqual(kinds(events, 'finish-by'), ['2027-04-30']);
  // claims: CBROPS' window closed 2026-10-20 (past: left out); DCFNDU 2025-12-10 → 2026-12-10;
  // WLFNDU is claimed; CLFNDU planned 2027-02-10 → 2028-02-10.
  assert.deepEqual(kinds(events, 'claim-by'), ['2026-12-10', '2028-02-10']);
  assert.deepEqual(kinds(events, 'rollover-expires'), []);

  await page.click('#examples-button');
  await page.locator('#examples-list button.example').nth(all.findIndex((e) => e.file.startsWith('04-'))).click();
  events = parseCalendar((await downloadCalendar(page)).text);
  // 04: SCOR 64 + SVPN 40 reach 80 on 2027-02-19 → 2030-02-19; SISE 40 + SFWIPF 32 + 20 rolled over
  // reach 80 on 2029-06-14 → 2032-06-14. Current expiration 2027-04-30.
  assert.deepEqual(kinds(events, 'expires'), ['2032-06-14']);
  assert.deepEqual(kinds(events, 'current-expires'), ['2027-04-30']);
  // finish by: SVPN could move to 2027-04-30; SFWIPF to 2030-02-19 (the cycle's expiration, also
  // the last day the 20 rolled-over SVPN credits are valid, C2).
  assert.deepEqual(kinds(events, 'finish-by'), ['2027-04-30', '2030-02-19']);
  assert.deepEqual(kinds(events, 'claim-by'), ['2028-02-19', '2029-09-12', '2030-06-14']);
  // 12 credits roll over into the third cycle: SFWIPF's rest, valid through 2029-06-14 + 3 y.
  assert.deepEqual(kinds(events, 'rollover-expires'), ['2032-06-14']);
  await finish(s);
});

test('a cascade has one finish-by date, its earliest latest on-time date, naming every certification (R4, R5)', async () => {
  // CCNP valid through 2027-06-01, CCNA through 2027-02-01; 80 credits on 2027-01-10 recertify
  // both (R4). After 2027-02-01 the CCNA lapses first (R3): one "finish by" on 2027-02-01, for
  // both, not a second one on 2027-06-01 that would lose the CCNA. 2027-01-10 -> 2027-02-01 = 22 days.
  const plan = cascadePlan('Cascade', '2027-06-01', '2027-02-01', '2027-01-10');
  const s = await openPage(browser, { hash: planHash(plan) });
  const events = parseCalendar((await downloadCalendar(s.page)).text);
  assert.deepEqual(kinds(events, 'finish-by'), ['2027-02-01']);
  const finish1 = events.find((e) => e.categories.includes('finish-by'));
  assert.equal(finish1.summary, 'CCNP Enterprise and CCNA: finish by (latest on-time date)');
  assert.match(finish1.description, /R4: later, CCNA would not be recertified with the others/);
  assert.match(finish1.description, /keeps 22 more days of validity/);
  await finish(s);
});

test('a finish-by names every activity that finishes the recertification\'s day (R2, R5)', async () => {
  // Example 02 with a second 40-credit course on ENSLD's day (2027-01-22): either alone still meets
  // the CCIE's 120 credits that day, so both must move; one event, on the CCNA's 2027-02-14 (R4).
  const ex = exampleFiles().find((e) => e.file.startsWith('02-'));
  const plan = JSON.parse(JSON.stringify(ex.plan));
  plan.activities.push({ id: 'extra', type: 'training', title: 'Extra same day course', course: 'XTRA', version: '1.0', credits: 40, completed: '2027-01-22', status: 'planned' });
  const s = await openPage(browser, { hash: planHash(plan) });
  const events = parseCalendar((await downloadCalendar(s.page)).text);
  assert.deepEqual(kinds(events, 'finish-by'), ['2027-02-14']);
  const one = events.find((e) => e.categories.includes('finish-by'));
  assert.match(one.description, /Its last qualifying activities, “Extra same day course” and “Designing Cisco Enterprise Networks”, finished that day, can move as late as this day/);
  await finish(s);
});

test('text is escaped and folded without splitting characters; switched-off activities are left out', async () => {
  const title = 'Routing, switching; and a back\\slash — “Überprüfung” of every 中文 character in a very long course title';
  const plan = {
    format: 'ceplan-plan', version: 1, today: '2026-11-29', name: 'Ünïcode; plan, with commas',
    certifications: [{ id: 'ccna', name: 'CCNA', level: 'associate', expires: '2027-06-30' }],
    activities: [
      { id: 't1', type: 'training', title, course: 'X1', version: '1.0', credits: 8, completed: '2026-10-01', status: 'completed' },
      { id: 't2', type: 'training', title: 'Switched off', course: 'X2', version: '1.0', credits: 8, completed: '2026-10-02', status: 'completed', enabled: false },
    ],
  };
  const s = await openPage(browser, { hash: planHash(plan) });
  const { name, text } = await downloadCalendar(s.page);
  assert.equal(name, 'ceplan-n-code-plan-with-commas-deadlines.ics');
  const events = parseCalendar(text);
  const claim = events.filter((e) => e.categories.includes('claim-by'));
  assert.equal(claim.length, 1, 'the switched-off activity has no claim reminder');
  assert.equal(claim[0].date, '2027-10-01');
  assert.equal(claim[0].summary, 'Last day to claim “' + title + '” (C1)', 'summary survives escaping and folding');
  assert.match(text, /SUMMARY:.*Routing\\, switching\\; and a back\\\\slash/);
  // 8 of 30 credits: at risk, finish by the expiration.
  assert.deepEqual(kinds(events, 'finish-by'), ['2027-06-30']);
  await finish(s);
});

test('a plan with no deadline ahead says so instead of saving an empty calendar', async () => {
  const plan = { format: 'ceplan-plan', version: 1, today: '2026-11-29', certifications: [], activities: [] };
  const s = await openPage(browser, { hash: planHash(plan) });
  const { page } = s;
  let downloaded = false;
  page.on('download', () => { downloaded = true; });
  await page.click('#export-button');
  await page.click('#export-ics');
  await page.locator('#toast', { hasText: 'No deadline lies ahead' }).waitFor();
  assert.equal(downloaded, false);
  await expectSoon(() => page.locator('#export-menu').getAttribute('open'), null, 'the menu closed'); // in a timer after the click
  await finish(s);
});

// RFC 5545 3.8.4.7: a UID is globally unique and stays the same for the same event. issue 7 §2.
/** A CCNP with two unclaimed courses whose ids differ only by a space and a dash. */
function twoIdsPlan(name) {
  const plan = {
    format: 'ceplan-plan', version: 1, today: '2026-11-29',
    certifications: [{ id: 'ccnp', name: 'CCNP Enterprise', level: 'professional', expires: '2027-06-30' }],
    activities: [
      { id: 'a b', type: 'training', title: 'Course space', course: 'SPC', version: '1.0', credits: 40, completed: '2026-10-01', status: 'completed' },
      { id: 'a-b', type: 'training', title: 'Course dash', course: 'DSH', version: '1.0', credits: 40, completed: '2026-09-01', status: 'completed' },
    ],
  };
  if (name) plan.name = name;
  return plan;
}
const claimOf = (events, title) => events.find((e) => e.categories.includes('claim-by') && e.summary.includes(title));

test('.ics UIDs: ids "a b" and "a-b" stay apart, no date in a UID, a random plan_id kept in the plan', async () => {
  const s = await openPage(browser, { hash: planHash(twoIdsPlan()) });
  const { page } = s;
  const events = parseCalendar((await downloadCalendar(page)).text); // asserts the UIDs are unique
  // C1: claim within 365 days: 2026-10-01 → 2027-10-01, 2026-09-01 → 2027-09-01.
  const space = claimOf(events, 'Course space');
  const dash = claimOf(events, 'Course dash');
  assert.equal(space.date, '2027-10-01');
  assert.equal(dash.date, '2027-09-01');
  assert.notEqual(space.uid, dash.uid);
  assert.match(space.uid, /a%20b/, 'the space is encoded, not squashed: ' + space.uid);
  const saved = await savedPlan(page);
  for (const e of events) {
    // (the random plan_id is hex and may hold eight digits in a row: look at the rest)
    assert.doesNotMatch(e.uid.replace(saved.plan_id, ''), /\d{8}|\d{4}-\d{2}-\d{2}/, 'no date in the UID ' + e.uid);
    assert.equal(e.sequence, 0, 'first export: SEQUENCE 0');
  }
  assert.match(saved.plan_id, /^[0-9a-f]{32}$/, 'a random plan identifier, kept in the saved plan');
  for (const e of events) assert.ok(e.uid.includes(saved.plan_id), 'the UID holds the plan identifier: ' + e.uid);
  assert.equal(saved.calendar[space.uid].date, '2027-10-01');

  // A second unnamed plan with the same courses, in another browser: other UIDs.
  const other = await openPage(browser, { hash: planHash(twoIdsPlan()) });
  const otherEvents = parseCalendar((await downloadCalendar(other.page)).text);
  assert.notEqual(claimOf(otherEvents, 'Course space').uid, space.uid, 'two people’s plans never share a UID');
  await finish(other);
  await finish(s);
});

test('.ics SEQUENCE: moving an activity keeps its UID and raises SEQUENCE; unchanged events keep theirs', async () => {
  const s = await openPage(browser, { hash: planHash(twoIdsPlan('Moves')) });
  const { page } = s;
  const first = parseCalendar((await downloadCalendar(page)).text);
  // Move "Course dash" from 2026-09-01 to 2026-09-15 through its form.
  await page.locator('li.activity[data-id="a-b"] button', { hasText: 'Edit' }).click();
  await page.locator('dialog#editor').getByLabel('Completed on (or planned for)', { exact: true }).fill('2026-09-15');
  await page.locator('dialog#editor button[type=submit]').click();
  await page.locator('dialog#editor').waitFor({ state: 'hidden' });
  const second = parseCalendar((await downloadCalendar(page)).text);
  const before = claimOf(first, 'Course dash');
  const after = claimOf(second, 'Course dash');
  assert.equal(after.date, '2027-09-15', 'C1: 2026-09-15 + 365 days');
  assert.equal(after.uid, before.uid, 'same event, same UID: a calendar updates it instead of adding one');
  assert.equal(after.sequence, 1, 'its date changed: SEQUENCE 0 → 1');
  assert.equal(claimOf(second, 'Course space').uid, claimOf(first, 'Course space').uid);
  assert.equal(claimOf(second, 'Course space').sequence, 0, 'date unchanged: SEQUENCE unchanged');
  // Exported again with nothing changed: the same SEQUENCE; after a reload, the same UIDs.
  await page.reload();
  await page.waitForSelector('body[data-engine="ready"]');
  const third = parseCalendar((await downloadCalendar(page)).text);
  assert.equal(claimOf(third, 'Course dash').uid, before.uid);
  assert.equal(claimOf(third, 'Course dash').sequence, 1);
  await finish(s);
});
