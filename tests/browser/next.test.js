// "What to do next" at the top of the verdict (issue 7 §4): dated actions in order, each
// linked to its activity; the same list in print; first on a phone. And timing advice never
// tells you to move an activity whose date has passed (R5). Dates derived by hand.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { launch, openPage, finish, exampleFiles, planHash } = require('./helpers');

let browser;
before(async () => { browser = await launch(); });
after(async () => { if (browser) await browser.close(); });

const example = (prefix) => exampleFiles().find((e) => e.file.startsWith(prefix)).plan;

/** The actions as [kind, date, target id] (target: the activity's or certification's id). */
function actions(page) {
  return page.locator('#outlook .next-item').evaluateAll((items) => items.map((li) => {
    const a = li.querySelector('a.next-link');
    const el = document.getElementById(a.getAttribute('href').slice(1));
    return [li.dataset.kind, li.dataset.date || null, el ? el.dataset.id : null];
  }));
}

test('01: finish, attend and pass in date order (R5 for the exam that completes the path), then the claims (C1)', async () => {
  const s = await openPage(browser, { hash: planHash(example('01-')) });
  const { page } = s;
  // today 2026-11-29. ENSDWI planned 2027-01-20, Cisco Live EMEA 2027-02-12, exam 300-415 on
  // 2027-03-18 completes 40 CE + a concentration exam; it could move to the current expiration
  // 2027-05-20 (R5). Claims within 365 days (C1): 2028-01-20 and 2028-02-12; ENWLSD is claimed.
  assert.deepEqual(await actions(page), [
    ['finish', '2027-01-20', 't_ensdwi'], ['finish', '2027-02-12', 'clemea27'], ['finish', '2027-05-20', 'x_ensdwi'],
    ['claim', '2028-01-20', 't_ensdwi'], ['claim', '2028-02-12', 'clemea27']]);
  const items = await page.locator('#outlook .next-item').allTextContents();
  assert.match(items[2], /^by 20 May 2027 Pass “Exam 300-415” \(planned 18 Mar 2027; the latest on-time date\) R5$/);
  assert.match(items[3], /^by 20 Jan 2028 Claim “Implementing Cisco SD-WAN Solutions” in the CE portal C1$/);
  // The summary line above the list: the verdict in one line per certification.
  assert.match(await page.locator('#outlook .summary-line').first().textContent(), /recertifies on 18 Mar 2027, valid through 18 Mar 2030/);
  // A link takes the focus to its activity.
  await page.locator('#outlook a.next-link').nth(1).click();
  assert.equal(await page.evaluate(() => document.activeElement.dataset.id), 'clemea27');
  await finish(s);
});

test('03: an at-risk certification says what it still needs by when (P2), among the claims', async () => {
  const s = await openPage(browser, { hash: planHash(example('03-')) });
  const { page } = s;
  // 8 + 8 + 8 = 24 of 30 credits (CBROPS' claim window closed): 6 more by 2027-04-30.
  // DCFNDU claim by 2025-12-10 + 365 = 2026-12-10; CLFNDU planned 2027-02-10, claim by 2028-02-10.
  assert.deepEqual(await actions(page), [
    ['claim', '2026-12-10', 'dcfndu'], ['finish', '2027-02-10', 'clfndu'], ['missing', '2027-04-30', 'ccna'], ['claim', '2028-02-10', 'clfndu']]);
  const missing = await page.locator('#outlook .next-missing').textContent();
  // P2 order (finding 2): one associate exam needs no credits, so it comes first (L4); the CE path needs 6 more.
  assert.match(missing, /Pass 1 associate exam for “CCNA” \(or earn 6 more CE credits\), or it lapses P2/);
  await page.locator('#outlook .next-missing a').click();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'verdict-0', 'the link goes to the certification’s verdict');
  await finish(s);
});

test('a CCIE holding the core exam is advised one concentration exam, not the lab, each one exam away (P2, L2, L4)', async () => {
  // New-user trial: no credits, the core exam 350-401 passed in the cycle. The expert paths one
  // exam away: the lab, the written exam, and core + concentration with the core held (L2, L4);
  // the advice names the one with an exam already passed, and as the way with credits 40 CE +
  // the core exam (held): 40 more CE credits.
  const plan = {
    format: 'ceplan-plan', version: 1, today: '2026-11-29',
    certifications: [{ id: 'ccie', name: 'CCIE Enterprise Infrastructure', level: 'expert', expires: '2027-10-05' }],
    activities: [{ id: 'x1', type: 'exam', exam: 'core', code: '350-401', completed: '2026-03-01', status: 'completed' }],
  };
  const s = await openPage(browser, { hash: planHash(plan) });
  const items = await s.page.locator('#outlook .next-item').allTextContents();
  assert.deepEqual(items, ['by 5 Oct 2027 Pass 1 concentration exam for “CCIE Enterprise Infrastructure” (or earn 40 more CE credits), or it lapses P2']);
  await finish(s);
});

test('unknown Cisco Live values come first, undated (E8)', async () => {
  const plan = {
    format: 'ceplan-plan', version: 1, today: '2026-11-29',
    certifications: [{ id: 'ccna', name: 'CCNA', level: 'associate', expires: '2027-06-30' }],
    activities: [
      { id: 't', type: 'training', title: 'Course', course: 'C', version: '1.0', credits: 24, completed: '2027-01-10' },
      { id: 'cl', type: 'cisco_live', event: 'Cisco Live US 2026', completed: '2026-06-04', sessions: [{ code: 'BRKENT-2031', minutes: 60 }] },
    ],
  };
  const s = await openPage(browser, { hash: planHash(plan) });
  const { page } = s;
  const got = await actions(page);
  assert.deepEqual(got[0], ['values', null, 'cl']);
  assert.match(await page.locator('#outlook .next-values').textContent(), /^now Enter the Cisco Live values for “Cisco Live US 2026” in Credit tables E8$/);
  await finish(s);
});

test('timing advice never asks to move an activity whose date has passed (R5), in the verdict, the list or the calendar', async () => {
  // A CCNA valid through 2027-06-30 (30 CE) recertified by a 30-credit course done on
  // 2026-10-01: 272 days given up (2026-10-01 → 2027-06-30), but the course is done.
  const plan = {
    format: 'ceplan-plan', version: 1, today: '2026-11-29',
    certifications: [{ id: 'ccna', name: 'CCNA', level: 'associate', expires: '2027-06-30' }],
    activities: [{ id: 'done', type: 'training', title: 'Done course', course: 'D', version: '1.0', credits: 30, completed: '2026-10-01', status: 'claimed', claimed_on: '2026-10-02' }],
  };
  const s = await openPage(browser, { hash: planHash(plan) });
  const { page } = s;
  const recert = page.locator('#verdict-body .recert');
  assert.equal(await recert.getAttribute('data-days-given-up'), '272');
  assert.equal(await page.locator('#verdict-body .latest').count(), 0, 'no "could move as late as"');
  assert.doesNotMatch(await page.locator('#verdict-body').textContent(), /could move|cannot move/);
  assert.deepEqual((await actions(page)).filter((x) => x[0] === 'finish'), []);
  const kinds = await page.evaluate(() => Ceplan.ics.events(Ceplan.app.state.plan, Ceplan.app.state.result).map((e) => e.kind));
  assert.ok(!kinds.includes('finish-by'), 'no "finish by" in the calendar: ' + kinds);
  // The same plan with the course still ahead does get the advice (the test can fail).
  const ahead = JSON.parse(JSON.stringify(plan));
  Object.assign(ahead.activities[0], { completed: '2027-01-10', status: undefined, claimed_on: undefined });
  await page.evaluate((p) => Ceplan.app.apply(JSON.parse(JSON.stringify(p)), {}), ahead);
  assert.equal(await page.locator('#verdict-body .latest').count(), 1);
  await finish(s);
});

test('layout: top of the verdict on a desktop, before the forms on a phone, printed after the certifications', async () => {
  const s = await openPage(browser, { hash: planHash(example('01-')) });
  const { page } = s;
  const box = (sel) => page.locator(sel).boundingBox();
  let o = await box('#outlook');
  const v = await box('#verdict');
  const acts = await box('#activities');
  assert.ok(o.x > acts.x + acts.width - 1 && Math.abs(o.x - v.x) < 2 && o.y + o.height <= v.y + 1, 'desktop: third column, above the verdict');
  await page.setViewportSize({ width: 390, height: 844 });
  o = await box('#outlook');
  const certs = await box('#certifications');
  assert.ok(o.y + o.height <= certs.y + 1, 'phone: before the certifications and the activities');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('#outlook .next-item').first().isVisible(), true, 'printed');
  const order = await page.evaluate(() => ['certifications', 'outlook', 'verdict', 'activities']
    .map((id) => [id, document.getElementById(id).getBoundingClientRect().top]).sort((p, q) => p[1] - q[1]).map((x) => x[0]));
  assert.deepEqual(order, ['certifications', 'outlook', 'verdict', 'activities']);
  await finish(s);
});

test('say it once: the expiration is "valid through DATE" on the card, badge, verdict, summary, compare and calendar', async () => {
  const s = await openPage(browser, { hash: planHash(example('03-')) });
  const { page } = s;
  // 03: the CCNA is at risk; its expiration date 2027-04-30 is its last valid day.
  assert.match(await page.locator('#certs-body .cert .valid').textContent(), /^valid through 30 Apr 2027$/);
  assert.match(await page.locator('#certs-body .cert .badge').textContent(), /^At risk: valid through 30 Apr 2027$/);
  assert.match(await page.locator('#verdict-body .headline').textContent(), /^At risk: valid through 30 Apr 2027, then it lapses\.$/);
  assert.match(await page.locator('#outlook .summary-line').textContent(), /^CCNA: at risk: valid through 30 Apr 2027$/);
  const ics = await page.evaluate(() => Ceplan.ics.events(Ceplan.app.state.plan, Ceplan.app.state.result).filter((e) => e.kind === 'expires').map((e) => e.summary));
  assert.deepEqual(ics, ['CCNA: valid through this day']);
  await page.locator('#variants .btn-duplicate').click();
  await page.locator('dialog[open] button[type=submit]').click();
  await page.locator('#variants .btn-compare').click();
  await page.locator('#compare:not([hidden])').waitFor();
  assert.match(await page.locator('#compare td[data-field="expires"]').first().textContent(), /^at risk: valid through 30 Apr 2027/);
  const text = await page.evaluate(() => document.body.innerText);
  assert.doesNotMatch(text, /expires on|will expire on|expired on/i, 'no other wording for the expiration date');
  await finish(s);
});

test('after expiration (R3): a planned activity is told to move, one already done is not', async () => {
  const plan = {
    format: 'ceplan-plan', version: 1, today: '2026-11-29',
    certifications: [{ id: 'ccna', name: 'CCNA', level: 'associate', expires: '2026-10-31' }],
    activities: [
      { id: 'done', type: 'training', title: 'Done too late', course: 'L', version: '1.0', credits: 30, completed: '2026-11-10' },
      { id: 'ahead', type: 'training', title: 'Planned too late', course: 'P', version: '1.0', credits: 30, completed: '2027-01-10' },
    ],
  };
  const s = await openPage(browser, { hash: planHash(plan) });
  const { page } = s;
  const advice = (id) => page.locator(`li.activity[data-id="${id}"] .warning[data-code="AFTER_EXPIRATION"] .w-advice`).textContent();
  assert.match(await advice('done'), /^What to do: Nothing to do for this one, it is done/);
  assert.doesNotMatch(await advice('done'), /Move it/);
  assert.match(await advice('ahead'), /^What to do: Move it on or before the expiration date\.$/);
  await finish(s);
});

// Finding 2: the advice follows the engine's order of what is missing (P2: fewest credits
// needed, then fewest exams) and names the exam; "fewest credits" never tags a path listed
// above one that needs fewer.
test('an at-risk certification is told its cheapest path first (P2), the exam named, for an associate below an expert and for a professional', async () => {
  // Marc: CCIE (anchor), CCNP, CCNA valid through 2027-03-31; 40 credits held. The CCNA is
  // below the anchor: its own exam-only paths (L4: one associate, concentration, core, expert
  // written or expert lab exam, 0 credits) and the CCIE's paths by 2027-03-31 (120 CE: 80 more;
  // 40 + core: 0 credits + 1 core; 40 + two professional-level: 0 + 2 exams; 80 + one: 40 more + 1).
  // Fewest credits, then fewest exams: one associate exam (listed first by L4); the cheapest
  // path that needs credits: 40 more + 1 professional-level exam.
  const marc = {
    format: 'ceplan-plan', version: 1, today: '2026-11-29', name: 'Marc',
    certifications: [
      { id: 'ccie', name: 'CCIE Enterprise Infrastructure', level: 'expert', expires: '2028-06-30' },
      { id: 'ccnp', name: 'CCNP Enterprise', level: 'professional', expires: '2028-06-30' },
      { id: 'ccna', name: 'CCNA', level: 'associate', expires: '2027-03-31' }],
    activities: [{ id: 't1', type: 'training', title: 'ENARSI', course: 'ENARSI', version: '1.1', credits: 40, completed: '2026-06-01', status: 'claimed' }],
  };
  let s = await openPage(browser, { hash: planHash(marc) });
  let page = s.page;
  const ccna = page.locator('#outlook .next-missing').filter({ hasText: '“CCNA”' });
  assert.equal(await ccna.getAttribute('data-date'), '2027-03-31');
  assert.match(await ccna.textContent(),
    /^by 31 Mar 2027 Pass 1 associate exam for “CCNA” \(or earn 40 more CE credits and pass 1 professional-level exam \(core or concentration\)\), or it lapses P2$/);
  // The verdict lists the exam-only paths first (they need no credits), and no "fewest credits" tag.
  const card = page.locator('#verdict-2');
  const items = card.locator('.missing > ul > li');
  assert.equal(await items.first().getAttribute('class'), 'exam-paths');
  // Then the CCIE's CE paths in the engine's order: 40 + core with the 40 held (1 exam, no credits) first.
  assert.match(await items.nth(1).textContent(), /^Or 1 technology core exam by 31 Mar 2027/);
  assert.equal(await card.locator('.tag', { hasText: 'fewest credits' }).count(), 0);
  await finish(s);

  // Priya: CCNP valid through 2027-09-15 with 36 credits. Paths (L2, L4): one core exam (0
  // credits, 1 exam), two professional-level exams (0, 2), 40 + one professional-level exam
  // (4 more, 1), 80 CE (44 more). First: one technology core exam; with credits: 4 more + 1 exam.
  const priya = {
    format: 'ceplan-plan', version: 1, today: '2026-11-29', name: 'Priya',
    certifications: [{ id: 'ccnp', name: 'CCNP Enterprise', level: 'professional', expires: '2027-09-15' }],
    activities: [{ id: 't1', type: 'training', title: 'ENARSI', course: 'ENARSI', version: '1.1', credits: 36, completed: '2026-06-01', status: 'claimed' }],
  };
  s = await openPage(browser, { hash: planHash(priya) });
  page = s.page;
  assert.match(await page.locator('#outlook .next-missing').textContent(),
    /^by 15 Sept? 2027 Pass 1 technology core exam for “CCNP Enterprise” \(or earn 4 more CE credits and pass 1 professional-level exam \(core or concentration\)\), or it lapses P2$/);
  const pItems = page.locator('#verdict-0 .missing > ul > li');
  assert.equal(await pItems.first().getAttribute('class'), 'exam-paths');
  assert.match(await pItems.nth(1).textContent(), /^Or 4 more CE credits and 1 professional-level exam/);
  assert.match(await pItems.nth(2).textContent(), /^44 more CE credits by/);
  assert.equal(await page.locator('#verdict-0 .tag', { hasText: 'fewest credits' }).count(), 0);
  await finish(s);
});

// Finding 3: an activity completed after every expiration it could serve feeds nothing (R3):
// no advice to finish or claim it, its credits struck through with the reason.
test('an activity after expiration (R3) is not advised, and its credits are struck through', async () => {
  // CCNA valid through 2027-03-31 (30 CE). 8 credits planned 2027-01-10 (before: counts, claim
  // by 2028-01-10, C1); 40 credits planned 2027-06-01 (after the only expiration: feeds nothing).
  // Missing by 2027-03-31 (P2): one associate exam first (0 credits), or 22 more CE credits.
  const plan = {
    format: 'ceplan-plan', version: 1, today: '2026-11-29',
    certifications: [{ id: 'ccna', name: 'CCNA', level: 'associate', expires: '2027-03-31' }],
    activities: [
      { id: 'early', type: 'training', title: 'Early course', course: 'E', version: '1.0', credits: 8, completed: '2027-01-10', status: 'planned' },
      { id: 'late', type: 'training', title: 'Late course', course: 'L', version: '1.0', credits: 40, completed: '2027-06-01', status: 'planned' }],
  };
  const s = await openPage(browser, { hash: planHash(plan) });
  const { page } = s;
  assert.deepEqual(await actions(page), [['finish', '2027-01-10', 'early'], ['missing', '2027-03-31', 'ccna'], ['claim', '2028-01-10', 'early']]);
  assert.match(await page.locator('#outlook .next-missing').textContent(), /Pass 1 associate exam for “CCNA” \(or earn 22 more CE credits\), or it lapses/);
  const row = page.locator('li.activity[data-id="late"]');
  assert.equal(await row.locator('.credits s.nominal').textContent(), '40');
  assert.equal(await row.locator('.credits strong.earned').textContent(), '0');
  assert.match(await row.locator('.reason').textContent(), /After expiration R3/);
  assert.match(await row.getAttribute('class'), /\bless\b/);
  // The calendar has no claim deadline for it either (C1 events: only the early course).
  const claims = await page.evaluate(async () => {
    const f = await Ceplan.lazy.load('ics');
    return f.ics.events(Ceplan.app.state.plan, Ceplan.app.state.result).filter((e) => /claim/.test(e.kind || e.type || e.summary || '')).map((e) => e.summary);
  });
  assert.deepEqual(claims, ['Last day to claim “Early course” (C1)']);
  await finish(s);
});

// Finding 7: a session level the credit tables have no row for (E6: levels 1000, 2000, 3000;
// BRKENT-4031 is level 4000) can only get the session's own credits: no credit-tables button
// or advice for it; a level-2000 session keeps both.
test('a level-4000 session: enter the session’s own credits, no credit-tables button (E6); a level-2000 one keeps it (E8)', async () => {
  const plan = {
    format: 'ceplan-plan', version: 1, today: '2026-11-29',
    certifications: [{ id: 'ccnp', name: 'CCNP Enterprise', level: 'professional', expires: '2027-09-15' }],
    activities: [
      { id: 'cl', type: 'cisco_live', event: 'Cisco Live US 2026', completed: '2026-06-04', status: 'completed',
        sessions: [{ code: 'BRKENT-4031', minutes: 90, attended_minutes: 90 }, { code: 'BRKENT-2031', minutes: 60, attended_minutes: 60 }] },
      { id: 'cl4', type: 'cisco_live', event: 'Cisco Live EMEA 2026', completed: '2026-02-13', status: 'completed',
        sessions: [{ code: 'BRKSEC-4010', minutes: 90, attended_minutes: 90 }] },
    ],
  };
  const s = await openPage(browser, { hash: planHash(plan) });
  const { page } = s;
  const values = await page.locator('#outlook .next-values').allTextContents();
  assert.deepEqual(values, [
    'now Enter the Cisco Live values for “Cisco Live US 2026” in Credit tables E8',
    'now Enter the session’s own credits in “Cisco Live US 2026” (the credit tables have no row for its level) E6',
    'now Enter the session’s own credits in “Cisco Live EMEA 2026” (the credit tables have no row for its level) E6']);
  // The rows: each session's warning, with the button only where the tables have a cell.
  const session = (id, n) => page.locator(`li.activity[data-id="${id}"] li.session`).nth(n);
  await page.locator('li.activity[data-id="cl"] details.sessions > summary').evaluate((el) => { el.parentElement.open = true; });
  await page.locator('li.activity[data-id="cl4"] details.sessions > summary').evaluate((el) => { el.parentElement.open = true; });
  assert.equal(await session('cl', 0).locator('.tables-link').count(), 0, 'BRKENT-4031: no credit-tables button');
  assert.match(await session('cl', 0).locator('.w-advice').textContent(), /no row for this session’s level \(E6: levels 1000 to 3000\): enter the session’s own credits/);
  assert.doesNotMatch(await session('cl', 0).locator('.w-advice').textContent(), /credit tables,|activity itself/);
  assert.equal(await session('cl', 1).locator('.tables-link').textContent(), 'Enter it in the credit tables');
  assert.match(await session('cl', 1).locator('.w-advice').textContent(), /in the credit tables, or the session’s own credits/);
  assert.equal(await session('cl4', 0).locator('.tables-link').count(), 0);
  await finish(s);
});

// Finding 13: a new Cisco Live form has no session forced on it (Add works at once); an
// event without sessions earns nothing and says why (P3, E6); no "Attend" advice for it.
test('a Cisco Live event without sessions: added at once, says it earns nothing (E6), no “Attend” advice', async () => {
  const plan = {
    format: 'ceplan-plan', version: 1, today: '2026-11-29',
    certifications: [{ id: 'ccnp', name: 'CCNP Enterprise', level: 'professional', expires: '2027-09-15' }],
    activities: [],
  };
  const s = await openPage(browser, { hash: planHash(plan) });
  const { page } = s;
  await page.click('[data-add="cisco_live"]');
  const dlg = page.locator('dialog#editor');
  await dlg.waitFor({ state: 'visible' });
  assert.equal(await dlg.locator('li.session-edit').count(), 0, 'no empty session forced');
  assert.match(await dlg.locator('ol.sessions-edit').textContent(), /No sessions yet\./);
  await dlg.getByLabel('Event', { exact: true }).fill('Cisco Live EMEA 2027');
  await dlg.getByLabel('Last day of the event').fill('2027-02-12');
  await dlg.locator('button[type=submit]').click();
  await dlg.waitFor({ state: 'hidden' });
  const row = page.locator('li.activity.type-cisco_live');
  assert.equal(await row.locator('.credits strong.earned').first().textContent(), '0');
  assert.match(await row.locator('.reason').textContent(), /^No sessions: earns nothing E6$/);
  // Nothing to attend or claim for it; only what the CCNP still needs (P2).
  assert.deepEqual((await actions(page)).map((x) => x[0]), ['missing']);
  assert.doesNotMatch(await page.locator('#outlook').textContent(), /Attend/);
  await finish(s);
});
