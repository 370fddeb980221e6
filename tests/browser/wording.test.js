// What the page says, word for word where it matters: no stray "null", number fields that
// name what they hold, JSON import messages that say what the file is, field labels rather
// than JSON pointers, each rule id once, the tense of a recertification, a Cisco Live card
// that says why it earns nothing, and the timing advice when a cascade bounds it.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { launch, openPage, finish, planHash, savedPlan, expectSoon, exampleFiles } = require('./helpers');
const { cascadePlan } = require('./fixtures');

let browser;
before(async () => { browser = await launch(); });
after(async () => { if (browser) await browser.close(); });

const PLAN = {
  format: 'ceplan-plan', version: 1, today: '2026-11-29', name: 'Words',
  certifications: [{ id: 'ccnp', name: 'CCNP Enterprise', level: 'professional', expires: '2027-08-29' }],
  activities: [
    { id: 't1', type: 'training', title: 'Implementing Cisco SD-WAN Solutions', course: 'ENSDWI', version: '3.0', credits: 36, completed: '2025-10-17', status: 'claimed', claimed_on: '2025-10-20' },
  ],
};

async function importFile(page, name, buffer) {
  await page.setInputFiles('#import-file', { name, mimeType: 'application/octet-stream', buffer });
}
const problemsText = (page) => page.locator('#problems').textContent();
const live = (page) => page.locator('dialog#editor .live-verdict');

test('the live verdict of a new training without a date says why, and no "null"', async () => {
  const s = await openPage(browser, { hash: planHash(PLAN) });
  const { page } = s;
  await page.click('button[data-add="training"]');
  const dlg = page.locator('dialog#editor');
  await dlg.getByLabel('Title', { exact: true }).fill('Test course');
  await dlg.getByLabel('CE credits', { exact: true }).fill('8');
  await page.waitForFunction(() => document.querySelector('dialog#editor .live-verdict').classList.contains('stale'));
  const text = await live(page).textContent();
  assert.match(text, /Not counted yet: Completed on \(or planned for\): required/);
  assert.doesNotMatch(text, /null/);
  await finish(s);
});

test('a number field holding "1e400" or "-" says it expects a whole number, not that it is empty', async () => {
  const s = await openPage(browser, { hash: planHash(PLAN) });
  const { page } = s;
  const before = await savedPlan(page);
  await page.click('button[data-add="training"]');
  const dlg = page.locator('dialog#editor');
  await dlg.getByLabel('Title', { exact: true }).fill('Huge');
  await dlg.getByLabel('Completed on (or planned for)', { exact: true }).fill('2027-01-10');
  const credits = dlg.getByLabel('CE credits', { exact: true });
  for (const typed of ['1e400', '-']) {
    await credits.fill('');
    await credits.focus();
    await page.keyboard.type(typed); // a number input shows it, but gives the page the value ""
    assert.equal(await credits.inputValue(), '', `${typed}: the browser hides it from the page`);
    await expectSoon(() => live(page).textContent(), /Not counted yet: CE credits: expected a whole number/, typed + ': live verdict');
    await dlg.locator('button[type=submit]').click();
    const err = dlg.locator('.field-error:not([hidden])');
    await expectSoon(() => err.first().textContent(), /^expected a whole number/, typed + ': next to the field');
    assert.doesNotMatch(await dlg.locator('.form-errors').textContent(), /required/, typed);
    assert.equal(await credits.getAttribute('aria-invalid'), 'true');
  }
  assert.ok(await dlg.isVisible(), 'the form stays open');
  await dlg.getByRole('button', { name: 'Cancel' }).click();
  await dlg.waitFor({ state: 'hidden' });
  assert.deepEqual(await savedPlan(page), before, 'nothing was saved');
  await finish(s);
});

test('form errors name the field by its label; the credit tables name a cell by its row and level', async () => {
  const s = await openPage(browser, { hash: planHash(PLAN) });
  const { page } = s;
  // The engine names /activities/1/completed: the form says "Completed on (or planned for)".
  await page.click('button[data-add="training"]');
  const dlg = page.locator('dialog#editor');
  await dlg.getByLabel('Title', { exact: true }).fill('No date');
  await dlg.getByLabel('CE credits', { exact: true }).fill('8');
  await dlg.locator('button[type=submit]').click();
  const item = dlg.locator('.form-errors li').first();
  await item.waitFor();
  assert.match(await item.textContent(), /^Completed on \(or planned for\): required: expected a date YYYY-MM-DD$/);
  assert.equal(await item.getAttribute('data-pointer'), '/activities/1/completed');
  assert.doesNotMatch(await dlg.locator('.form-errors').textContent(), /\/activities\//);
  await dlg.getByRole('button', { name: 'Cancel' }).click();
  await dlg.waitFor({ state: 'hidden' });

  // A session's length in a Cisco Live form: "Session 1, Length (min)".
  await page.click('button[data-add="cisco_live"]');
  await dlg.getByLabel('Event', { exact: true }).fill('Cisco Live US 2027');
  await dlg.getByLabel('Last day of the event', { exact: true }).fill('2027-06-10');
  await dlg.getByRole('button', { name: '+ Add session' }).click(); // none forced (finding 13)
  await dlg.locator('.session-edit').first().getByLabel('Length (min)').fill('2.5');
  await dlg.locator('button[type=submit]').click();
  await expectSoon(() => dlg.locator('.form-errors li').first().textContent(), /^Session 1, Length \(min\): expected a whole number/);
  await dlg.getByRole('button', { name: 'Cancel' }).click();
  await dlg.waitFor({ state: 'hidden' });

  // The credit tables: the breakout × level 2000 cell by its words, not cisco_live / breakout / 2000.
  await page.click('#credit-tables');
  const tables = page.locator('dialog#credit-tables-dialog');
  await tables.locator('input[data-cell="cisco_live/breakout/2000"]').fill('1.5');
  await tables.locator('button[type=submit]').click();
  const errs = await tables.locator('.form-errors').textContent();
  assert.match(errs, /Technical Breakout and DevNet Workshop, level 2000: expected a whole number of credits/);
  assert.doesNotMatch(errs, /cisco_live|breakout \//);
  await page.keyboard.press('Escape');
  await finish(s);
});

test('an imported plan’s errors name the certification and field in words', async () => {
  const s = await openPage(browser, { hash: planHash(PLAN) });
  const { page } = s;
  const bad = JSON.parse(JSON.stringify(PLAN));
  bad.activities[0].title = ['Not', 'text'];
  bad.certifications[0].expires = '2027-02-30';
  await importFile(page, 'bad.json', Buffer.from(JSON.stringify(bad)));
  await page.locator('#problems').waitFor({ state: 'visible' });
  const items = await page.locator('#problems li').allTextContents();
  const exp = items.find((t) => t.includes('/certifications/0/expires'));
  assert.match(exp, /^Certification 1 “CCNP Enterprise” › Valid through \/certifications\/0\/expires not a real date, got "2027-02-30"/);
  // The training is named by its course code, since its title is not text.
  const title = items.find((t) => t.includes('/activities/0/title'));
  assert.match(title, /^Training 1 “ENSDWI” › Title \/activities\/0\/title expected text, got /);
  await finish(s);
});

test('JSON import: the place of a syntax error once; a calendar or CSV file is named; invisible characters are spelled out; UTF-16 reads', async () => {
  const s = await openPage(browser, { hash: planHash(PLAN) });
  const { page } = s;
  // The "}" after the trailing comma is on line 4, column 1: 2 + 27 + 16 = position 45.
  await importFile(page, 'trailing.json', Buffer.from('{\n  "format": "ceplan-plan",\n  "version": 1,\n}\n'));
  await page.locator('#problems').waitFor({ state: 'visible' });
  let text = await problemsText(page);
  assert.match(text, /line 4/);
  assert.equal(text.match(/line \d+/g).length, 1, 'the place is given once: ' + text);

  await importFile(page, 'deadlines.ics', Buffer.from('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\nEND:VCALENDAR\r\n'));
  text = await expectSoon(() => problemsText(page), /deadlines\.ics/);
  assert.match(text, /looks like a calendar file/);
  assert.match(text, /Import → Activities \(CSV\)/);
  assert.doesNotMatch(text, /Unexpected token/);

  await importFile(page, 'activities.csv', Buffer.from('type,title,course,version,credits,completed,status\ntraining,X,ENARSI,1.1,40,2026-06-01,claimed\n'));
  text = await expectSoon(() => problemsText(page), /activities\.csv/);
  assert.match(text, /looks like a CSV file/);
  assert.match(text, /Import → Activities \(CSV\)/);

  // A zero-width space before the plan: named, not shown as nothing.
  await importFile(page, 'zwsp.json', Buffer.from('\u200B' + JSON.stringify(PLAN)));
  text = await expectSoon(() => problemsText(page), /zwsp\.json/);
  assert.match(text, /U\+200B/);
  assert.doesNotMatch(text, /\u200B/);

  // UTF-16 with its byte-order mark (here two, as one editor wrote it): read as the plan it is.
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe, 0xff, 0xfe]), Buffer.from(JSON.stringify(Object.assign({}, PLAN, { name: 'Wide' })), 'utf16le')]);
  await importFile(page, 'utf16.json', utf16);
  await expectSoon(() => page.inputValue('#plan-name'), 'Wide');
  assert.equal((await savedPlan(page)).name, 'Wide');
  await finish(s);
});

test('a failed import hides the toast of the import before it', async () => {
  const s = await openPage(browser);
  const { page } = s;
  await importFile(page, 'good.json', Buffer.from(JSON.stringify(PLAN)));
  const toast = page.locator('#toast');
  await expectSoon(() => toast.textContent(), /Imported good\.json/);
  await importFile(page, 'broken.json', Buffer.from('{"format": '));
  await page.locator('#problems').waitFor({ state: 'visible' });
  assert.equal(await toast.isVisible(), false, 'no "Imported good.json." next to the failure');
  await finish(s);
});

test('a recertification after the plan’s today is in the future tense; each warning names its rule once', async () => {
  // CCNA valid through 2027-06-30, 30 credits on 2027-01-15: recertified that day (R2).
  const plan = {
    format: 'ceplan-plan', version: 1, today: '2026-11-29', name: 'Tense',
    certifications: [{ id: 'ccna', name: 'CCNA', level: 'associate', expires: '2027-06-30' }],
    activities: [
      { id: 'a', type: 'training', title: 'Course A', course: 'AAA', version: '1.0', credits: 30, completed: '2027-01-15' },
      { id: 'cl', type: 'cisco_live', event: 'Cisco Live EMEA 2027', completed: '2027-02-13', sessions: [] },
    ],
  };
  const s = await openPage(browser, { hash: planHash(plan) });
  const { page } = s;
  const sentence = page.locator('#verdict-body .recert .sentence');
  assert.match(await sentence.textContent(), /^Recertifies on 15 Jan 2027 by 30 CE credits/);
  // As of 2027-02-01 the same day is past.
  await page.fill('#as-of', '2027-02-01');
  await page.locator('#as-of').dispatchEvent('change');
  await expectSoon(() => sentence.textContent(), /^Recertified on 15 Jan 2027 by 30 CE credits/);

  // Portal delay (C4) on a Cisco Live after today: its message ended in "(C4)" beside the C4 badge.
  const w = page.locator('.activity[data-id="cl"] .warning[data-code="PORTAL_DELAY"]');
  assert.equal(await w.count(), 1);
  assert.equal((await w.textContent()).match(/\bC4\b/g).length, 1, await w.textContent());
  await finish(s);
});

test('a Cisco Live that earns nothing says why on its card, outside the folded sessions', async () => {
  // Four sessions, no credit table values: each needs an unknown value (E8); the fourth
  // was also not badged in (E7).
  const plan = JSON.parse(JSON.stringify(PLAN));
  plan.activities.push({ id: 'cl', type: 'cisco_live', event: 'Cisco Live US 2027', completed: '2027-06-10', sessions: [
    { code: 'BRKENT-2031', minutes: 60, attended_minutes: 60, badged_in: true },
    { code: 'BRKENS-3004', minutes: 90, attended_minutes: 90, badged_in: true },
    { code: 'LTRENT-2100', minutes: 240, attended_minutes: 240, badged_in: true },
    { code: 'TECENT-2500', minutes: 480, attended_minutes: 450, badged_in: false }] });
  const s = await openPage(browser, { hash: planHash(plan) });
  const { page } = s;
  const card = page.locator('.activity[data-id="cl"]');
  assert.equal((await card.locator('.earned').textContent()).trim(), '0');
  assert.equal(await card.locator('details.sessions').getAttribute('open'), null, 'the sessions are folded');
  const summary = card.locator('.session-summary');
  assert.ok(await summary.isVisible(), 'the reason is visible with the sessions folded');
  assert.equal(await summary.evaluate((el) => !!el.closest('details')), false);
  assert.match(await summary.textContent(), /Credit value unknown: 4 sessions/);
  assert.match(await summary.textContent(), /Not badged in: 1 session/);
  assert.equal(await summary.getAttribute('data-codes'), 'CREDIT_VALUE_UNKNOWN:4 NOT_BADGED:1');
  // A training that earns in full has no such line.
  assert.equal(await page.locator('.activity[data-id="t1"] .session-summary').count(), 0);
  await finish(s);
});

test('timing advice in a cascade: a lower certification bounds the latest date of the activity that recertifies both (R4, R5)', async () => {
  // CCNP valid through 2027-06-01, CCNA through 2027-02-01; 80 credits on 2027-01-10 recertify
  // the CCNP (L2) and the CCNA with it (R4). Alone, the CCNP could wait until 2027-06-01; but
  // after 2027-02-01 the CCNA would have lapsed (R3), so the course can move to 2027-02-01 at
  // the latest: 22 days later (Jan 10 -> Feb 1). The CCNP gives up 2027-01-10 -> 2027-06-01 =
  // 31 + 28 + 31 + 30 + 22 = 142 days, of which 142 - 22 = 120 would still be given up.
  const plan = cascadePlan('Cascade bound below', '2027-06-01', '2027-02-01', '2027-01-10');
  const s = await openPage(browser, { hash: planHash(plan) });
  const { page } = s;
  const ccnp = page.locator('#verdict-body .verdict[data-id="ccnp"] .recert');
  assert.equal(await ccnp.getAttribute('data-days-given-up'), '142');
  const latest = ccnp.locator('.latest');
  assert.equal(await latest.getAttribute('data-latest-on-time'), '2027-02-01');
  assert.equal(await latest.getAttribute('data-movable-days'), '22');
  assert.equal(await latest.getAttribute('data-days-given-up-at-latest'), '120');
  const text = await latest.textContent();
  assert.match(text, /“Big course” could move as late as 1 Feb 2027 and still be on time, keeping 22 more days of validity \(120 days would still be given up: CCNA, which it recertifies too, needs it by then R4\)/);
  assert.doesNotMatch(text, /1 Jun 2027|giving up no validity/);
  // A long certification name inside the advice is cut to 80 characters, whole in its tooltip.
  const long = 'CCNA ' + 'Routing and Switching, renamed by a very patient engineer '.repeat(3).trim();
  await page.evaluate((n) => { const p = JSON.parse(JSON.stringify(window.Ceplan.app.state.plan)); p.certifications[1].name = n; window.Ceplan.app.apply(p, {}); }, long);
  const clip = ccnp.locator('.latest .clip').last();
  await expectSoon(() => clip.getAttribute('title'), long);
  const shown = await clip.textContent();
  assert.equal(Array.from(shown).length, 80);
  assert.ok(shown.endsWith('…') && long.startsWith(shown.slice(0, -1)), shown);
  await page.evaluate(() => window.Ceplan.app.undo());
  // The CCNA, whose own latest date it is, gives up nothing then.
  const ccna = page.locator('#verdict-body .verdict[data-id="ccna"] .recert .latest');
  assert.equal(await ccna.getAttribute('data-latest-on-time'), '2027-02-01');
  assert.match(await ccna.textContent(), /could move as late as 1 Feb 2027 and still be on time, giving up no validity/);
  await finish(s);
});

test('timing advice names every activity that finishes the recertification\'s day: moved alone, one would move nothing (R2, R5)', async () => {
  // New-user trial: example 02 with a second planned course of 40 credits on ENSLD's day,
  // 2027-01-22, listed after it (so the engine's final activity, A1). Either course alone still
  // meets the CCIE's 120 credits that day (R2), so only both moving moves the recertification:
  // the advice and What to do next name both, to 14 Feb 2027 (the CCNA's expiration, R4).
  const ex = exampleFiles().find((e) => e.file.startsWith('02-'));
  const plan = JSON.parse(JSON.stringify(ex.plan));
  const ensld = plan.activities.find((a) => a.id === 'ensld');
  plan.activities.push({ id: 'extra', type: 'training', title: 'Extra same day course', course: 'XTRA', version: '1.0', credits: 40, completed: ensld.completed, status: 'planned' });
  const s = await openPage(browser, { hash: planHash(plan) });
  const { page } = s;
  const latest = page.locator('#verdict-body .verdict[data-id="ccie"] .recert .latest');
  assert.equal(await latest.getAttribute('data-latest-on-time'), '2027-02-14');
  assert.match(await latest.textContent(), /^“Extra same day course” and “Designing Cisco Enterprise Networks” \(both finished that day\) could move as late as 14 Feb 2027 and still be on time/);
  const next = await page.locator('#outlook .next-finish').allTextContents();
  assert.ok(next.some((t) => /^by 14 Feb 2027 Finish “Designing Cisco Enterprise Networks” \(planned 22 Jan 2027; the latest on-time date\)/.test(t)), next.join(' | '));
  assert.ok(next.some((t) => /^by 14 Feb 2027 Finish “Extra same day course” \(planned 22 Jan 2027; the latest on-time date\)/.test(t)), next.join(' | '));
  await finish(s);
});

test('timing advice stops short of the next activity that earns, which a later move would use up (R5, A2)', async () => {
  // New-user trial: CCNP valid through 2027-06-10; 60 credits held, ENARSI (20) on 2027-01-10 reaches
  // 80 (L2). Moved past the 4-credit course of 2027-03-01, it would use those credits up here (A2) and
  // the 2029 recertification (4 + 76 = 80) would be lost: the latest date is 2027-02-28, 21 + 28 = 49
  // days later. 2027-01-10 -> 2027-06-10 = 21 + 28 + 31 + 30 + 31 + 10 = 151 days given up, 151 - 49 =
  // 102 of them still at the latest date.
  const t = (id, title, credits, completed, extra) => Object.assign({ id, type: 'training', title, course: id.toUpperCase(), version: '1.0', credits, completed }, extra);
  const plan = {
    format: 'ceplan-plan', version: 1, today: '2026-11-29', name: 'Next activity',
    certifications: [{ id: 'ccnp', name: 'CCNP Enterprise', level: 'professional', expires: '2027-06-10' }],
    activities: [t('a1', 'Done course', 60, '2026-01-01', { status: 'claimed' }), t('a2', 'ENARSI', 20, '2027-01-10'),
      t('a3', 'Small course', 4, '2027-03-01'), t('a4', 'Course four', 40, '2029-12-01'), t('a5', 'Course five', 36, '2029-12-01')],
  };
  const s = await openPage(browser, { hash: planHash(plan) });
  const latest = s.page.locator('#verdict-body .verdict[data-id="ccnp"] .recert').first().locator('.latest');
  assert.equal(await latest.getAttribute('data-latest-on-time'), '2027-02-28');
  assert.match(await latest.textContent(), /^“ENARSI” could move as late as 28 Feb 2027 and still be on time, keeping 49 more days of validity \(102 days would still be given up: “Small course” comes the next day: later, this recertification would use it up instead of a later one A2\)\.$/);
  assert.equal(await s.page.locator('#verdict-body .verdict[data-id="ccnp"] .recert').count(), 2);
  await finish(s);
});

test('timing advice in a cascade: the days still given up when the higher certification bounds the latest date (R4)', async () => {
  // CCNP valid through 2027-03-01, CCNA through 2027-09-01; 80 credits on 2027-01-01
  // recertify the CCNP (R2) and the CCNA with it (R4). The CCNA gives up 2027-01-01 ..
  // 2027-09-01 = 31 + 28 + 31 + 30 + 31 + 30 + 31 + 31 = 243 days. The course could move
  // to 2027-03-01 at the latest (the CCNP must still be valid): 31 + 28 = 59 days later,
  // and 2027-03-01 .. 2027-09-01 = 243 - 59 = 184 days would still be given up.
  const plan = cascadePlan('Cascade', '2027-03-01', '2027-09-01', '2027-01-01');
  const s = await openPage(browser, { hash: planHash(plan) });
  const { page } = s;
  const ccna = page.locator('#verdict-body .verdict[data-id="ccna"] .recert');
  assert.equal(await ccna.getAttribute('data-days-given-up'), '243');
  const latest = ccna.locator('.latest');
  assert.equal(await latest.getAttribute('data-latest-on-time'), '2027-03-01');
  const text = await latest.textContent();
  assert.match(text, /“Big course” could move as late as 1 Mar 2027 and still be on time, keeping 59 more days of validity \(184 days would still be given up/);
  assert.match(text, /CCNP Enterprise/, 'the reason: the certification whose path it is');
  assert.match(text, /R4/);
  assert.doesNotMatch(text, /giving up no validity|credits expire/);
  // The CCNP itself gives up nothing if the course moves to its expiration.
  assert.match(await page.locator('#verdict-body .verdict[data-id="ccnp"] .recert .latest').textContent(), /giving up no validity/);
  await finish(s);
});
