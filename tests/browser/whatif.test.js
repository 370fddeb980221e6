// What-if: the on/off switch and the forms change the verdict at once (one evaluate per
// change), a rejected edit keeps the last good verdict, and the timing advice (R5, P2).
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { launch, openPage, finish, planHash, savedPlan, exampleFiles, expectSoon } = require('./helpers');
const { expiringCreditsPlan } = require('./fixtures');

let browser;
before(async () => { browser = await launch(); });
after(async () => { if (browser) await browser.close(); });

// A CCNA (30 CE credits, R2) valid through 2027-06-30 and three planned courses:
// A 20 on 2026-12-10, B 10 on 2027-01-15, C 10 on 2027-03-01.
// All on: 20 + 10 = 30 on 2027-01-15 -> recertified that day, new expiration 2030-01-15,
//   days given up 2027-01-15 .. 2027-06-30 = 16 + 28 + 31 + 30 + 31 + 30 = 166 (R5).
// B off: 20 + 10 = 30 on 2027-03-01 -> new expiration 2030-03-01,
//   days given up 2027-03-01 .. 2027-06-30 = 30 + 30 + 31 + 30 = 121.
const PLAN = {
  format: 'ceplan-plan', version: 1, today: '2026-11-29', name: 'What-if',
  certifications: [{ id: 'ccna', name: 'CCNA', level: 'associate', expires: '2027-06-30' }],
  activities: [
    { id: 'a', type: 'training', title: 'Course A', course: 'AAA', version: '1.0', credits: 20, completed: '2026-12-10' },
    { id: 'b', type: 'training', title: 'Course B', course: 'BBB', version: '1.0', credits: 10, completed: '2027-01-15' },
    { id: 'c', type: 'training', title: 'Course C', course: 'CCC', version: '1.0', credits: 10, completed: '2027-03-01' },
  ],
};

const evaluations = (page) => page.evaluate(() => window.Ceplan.engine.stats.evaluations);
const recert = (page) => page.locator('#verdict-body .verdict[data-id="ccna"] .recert');

test('switching an activity off moves the recertification date, with one evaluate per switch', async () => {
  const s = await openPage(browser, { hash: planHash(PLAN) });
  const { page } = s;
  assert.equal(await recert(page).getAttribute('data-on'), '2027-01-15');
  assert.equal(await recert(page).getAttribute('data-new-expires'), '2030-01-15');
  assert.equal(await recert(page).getAttribute('data-days-given-up'), '166');

  const n0 = await evaluations(page);
  await page.locator('.activity[data-id="b"]').getByRole('switch').click();
  assert.equal(await evaluations(page), n0 + 1, 'one evaluate for one switch');
  assert.equal(await recert(page).getAttribute('data-on'), '2027-03-01');
  assert.equal(await recert(page).getAttribute('data-new-expires'), '2030-03-01');
  assert.equal(await recert(page).getAttribute('data-days-given-up'), '121');
  assert.match(await recert(page).textContent(), /Recertifies on 1 Mar 2027/); // after today, 2026-11-29
  // The certification card and the timeline follow.
  assert.match(await page.locator('#certs-body .cert[data-id="ccna"] .badge').textContent(), /recertifies on 1 Mar 2027/);
  assert.equal(await page.locator('figure.timeline[data-cert="ccna"] .tl-marker[data-kind="recertified"]').getAttribute('data-on'), '2027-03-01');
  assert.equal((await savedPlan(page)).activities[1].enabled, false);

  await page.locator('.activity[data-id="b"]').getByRole('switch').click();
  assert.equal(await evaluations(page), n0 + 2);
  assert.equal(await recert(page).getAttribute('data-on'), '2027-01-15');
  await finish(s);
});

test('editing a form updates the verdict while typing; an unusable entry keeps the last good verdict; Cancel restores', async () => {
  const s = await openPage(browser, { hash: planHash(PLAN) });
  const { page } = s;
  await page.locator('.activity[data-id="b"]').getByRole('button', { name: 'Edit Course B' }).click();
  const dlg = page.locator('dialog#editor');
  const live = dlg.locator('.live-verdict');
  assert.match(await live.textContent(), /updates as you type/);

  // Moving B to 2027-02-01: 30 credits that day -> recertified 2027-02-01, valid through 2030-02-01.
  const n0 = await evaluations(page);
  await dlg.getByLabel('Completed on (or planned for)', { exact: true }).fill('2027-02-01');
  await page.waitForFunction(() => document.querySelector('#verdict').classList.contains('previewing'));
  await live.locator('.summary-line[data-cert="ccna"]').waitFor();
  assert.equal(await evaluations(page), n0 + 1, 'one evaluate for one change');
  assert.equal(await recert(page).getAttribute('data-on'), '2027-02-01');
  const line = live.locator('.summary-line[data-cert="ccna"]');
  assert.equal(await line.getAttribute('data-expires'), '2030-02-01');
  assert.match(await line.textContent(), /recertifies on 1 Feb 2027, valid through 1 Feb 2030 \(was: recertifies on 15 Jan 2027, valid through 15 Jan 2030\)/);
  assert.equal((await savedPlan(page)).activities[1].completed, '2027-01-15', 'a preview saves nothing');

  // A value the engine refuses (no date): the last good verdict stays, the form says why.
  await dlg.getByLabel('Completed on (or planned for)', { exact: true }).fill('');
  await page.waitForFunction(() => document.querySelector('dialog#editor .live-verdict').classList.contains('stale'));
  assert.match(await live.textContent(), /Not counted yet/);
  assert.equal(await recert(page).getAttribute('data-on'), '2027-02-01', 'the last good verdict stays');
  assert.equal(await page.locator('#verdict-body .verdict').count(), 1);

  await dlg.getByRole('button', { name: 'Cancel' }).click();
  await dlg.waitFor({ state: 'hidden' });
  // The saved plan's verdict is drawn again on the dialog's close event, a moment later.
  await expectSoon(() => page.locator('#verdict.previewing').count(), 0, 'the preview ended');
  assert.equal(await recert(page).getAttribute('data-on'), '2027-01-15');

  // Saving keeps what was previewed.
  await page.locator('.activity[data-id="c"]').getByRole('button', { name: 'Edit Course C' }).click();
  await dlg.getByLabel('CE credits', { exact: true }).fill('12');
  await live.locator('.summary-line').waitFor();
  await dlg.locator('button[type=submit]').click();
  await dlg.waitFor({ state: 'hidden' });
  assert.equal((await savedPlan(page)).activities[2].credits, 12);
  await expectSoon(() => page.locator('#verdict.previewing').count(), 0, 'the preview ended');
  await finish(s);
});

test('advice on timing: how late the final activity could move (R5), what is missing and by when (P2)', async () => {
  const ex = exampleFiles();
  // Example 04: both recertifications are early. The first (2027-02-19, 70 days early) is
  // met by SVPN (SCOR's 64 alone are short of 80), which could wait until the expiration,
  // 2027-04-30 (SCOR's 2025-08-22 credits stay valid until 2028-08-22, C2); the second
  // (2029-06-14, 250 days early) is met by SFWIPF (20 rolled over + SISE 40 = 60 < 80),
  // which could wait until 2030-02-19, the end of that cycle, which is also when the
  // rolled-over SVPN credits expire.
  const ex04 = ex.find((e) => e.file.startsWith('04'));
  const s = await openPage(browser, { hash: planHash(ex04.plan) });
  const { page } = s;
  const latest = page.locator('#verdict-body .recert .latest');
  assert.equal(await latest.count(), 2);
  assert.equal(await latest.nth(0).getAttribute('data-latest-on-time'), '2027-04-30');
  assert.match(await latest.nth(0).textContent(), /“Implementing Secure Solutions with Virtual Private Networks” could move as late as 30 Apr 2027 and still be on time, giving up no validity/);
  assert.equal(await latest.nth(1).getAttribute('data-latest-on-time'), '2030-02-19');
  assert.equal(await latest.nth(0).getAttribute('data-final-activity'), 'svpn');
  assert.equal(await latest.nth(1).getAttribute('data-final-activity'), 'sfwipf');
  assert.match(await latest.nth(1).textContent(), /“Cisco Secure Firewall Threat Defense Fundamentals” could move as late as 19 Feb 2030/);
  assert.match(await page.locator('#verdict-body .recert').nth(0).textContent(), /70 days of validity given up/);

  // Example 03: a CCNA short of 30 credits: 8 + 8 + 8 = 24 held, 6 missing by the
  // expiration 2027-04-30, 152 days after 2026-11-29; the exam-only paths (L4) need no
  // credits, so they come first in the engine's order (P2, finding 2), then the CE path.
  await finish(s);
  const ex03 = ex.find((e) => e.file.startsWith('03'));
  const s3 = await openPage(browser, { hash: planHash(ex03.plan) });
  const paths = s3.page.locator('#verdict-body .missing-path:not(.exam-only)');
  const first = paths.first();
  assert.equal(await first.getAttribute('data-credits-needed'), '6');
  assert.equal(await first.getAttribute('data-by'), '2027-04-30');
  assert.match(await first.textContent(), /^Or 6 more CE credits by 30 Apr 2027 \(in 152 days\)/);
  assert.equal(await first.getAttribute('data-credits-held'), '24');
  assert.match(await first.textContent(), /for the path 30 CE credits, with 24 credits already held/);
  assert.match(await s3.page.locator('#verdict-body .exam-paths').textContent(), /^Pass, by 30 Apr 2027/);
  await finish(s3);
});

test('missing: the credits held, also beyond what a path asks (P2); no timing advice for an R9 recertification', async () => {
  // A CCNP valid through 2027-06-30: course A 30 on 2023-09-01 (valid through 2026-09-01,
  // C2), B 20 on 2025-03-01, C 24 planned on 2027-03-01. On 2027-06-30, 20 + 24 = 44 are
  // held: 80 CE needs 36 more; 40 CE + exam needs only the exam, and all 44 are held (more
  // than the 40 it asks).
  const plan = expiringCreditsPlan('Held');
  const s = await openPage(browser, { hash: planHash(plan) });
  const paths = s.page.locator('#verdict-body .missing-path:not(.exam-only)');
  assert.equal(await paths.count(), 2);
  const exam = s.page.locator('#verdict-body .missing-path[data-credits-needed="0"]:not(.exam-only)');
  assert.equal(await exam.getAttribute('data-credits-held'), '44');
  assert.match(await exam.textContent(), /for the path 40 CE credits \+ 1 professional-level exam.*, with 44 credits already held/);
  const ce = s.page.locator('#verdict-body .missing-path[data-credits-needed="36"]');
  assert.equal(await ce.getAttribute('data-credits-held'), '44');
  assert.match(await ce.textContent(), /36 more CE credits by 30 Jun 2027.*for the path 80 CE credits, with 44 credits already held/);
  await finish(s);

  // R9: a CCNP (expires 2026-03-01) with 35 credits, short of 80, lapses; its CCNA is
  // checked the day after, 2026-03-02, and 35 >= 30 recertify it, giving up 2026-03-02 ..
  // 2027-01-01 = 30 (to 1 Apr) + 30 + 31 + 30 + 31 + 31 + 30 + 31 + 30 + 31 = 305 days (R5).
  // No activity completed that day: there is none to move later.
  const r9 = {
    format: 'ceplan-plan', version: 1, today: '2025-11-01', name: 'R9',
    certifications: [
      { id: 'ccnp', name: 'CCNP Enterprise', level: 'professional', expires: '2026-03-01' },
      { id: 'ccna', name: 'CCNA', level: 'associate', expires: '2027-01-01' }],
    activities: [{ id: 'a', type: 'training', title: 'Course A', course: 'AAA', version: '1.0', credits: 35, completed: '2025-12-01', status: 'planned' }],
  };
  const s9 = await openPage(browser, { hash: planHash(r9) });
  const rec = s9.page.locator('#verdict-body .verdict[data-id="ccna"] .recert');
  assert.equal(await rec.getAttribute('data-on'), '2026-03-02');
  assert.equal(await rec.getAttribute('data-days-given-up'), '305');
  assert.equal(await rec.locator('.latest').count(), 0, 'no “could move as late as” for an R9 recertification');
  await finish(s9);
});
