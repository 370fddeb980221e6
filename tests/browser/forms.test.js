// Building a plan through the forms, as a person would, and reading the verdict.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { launch, openPage, finish, fillForm, saveForm, savedPlan, expectSoon, planHash } = require('./helpers');

let browser;
before(async () => { browser = await launch(); });
after(async () => { if (browser) await browser.close(); });

const XSS = '<img src=x onerror=alert(1)>';

async function addCertification(page, values) {
  await page.click('button[data-add="certification"]');
  await fillForm(page, values);
  await saveForm(page);
  await page.locator('dialog#editor').waitFor({ state: 'hidden' });
}

async function addActivity(page, type, values) {
  await page.click(`button[data-add="${type}"]`);
  await fillForm(page, values);
  await saveForm(page);
  await page.locator('dialog#editor').waitFor({ state: 'hidden' });
}

test('a plan built through the forms gets its verdict, and the what-if switch changes it', async () => {
  const s = await openPage(browser);
  const { page } = s;
  await page.fill('#as-of', '2026-11-29');
  await page.locator('#as-of').dispatchEvent('change');

  await addCertification(page, { Name: 'CCNA', Level: 'associate', 'Valid through': '2027-06-30' });
  const card = page.locator('#certs-body .cert[data-id]');
  await assert.doesNotReject(card.first().waitFor());
  assert.equal(await card.count(), 1);
  assert.match(await card.textContent(), /CCNA/);
  assert.equal(await card.locator('.valid time').getAttribute('datetime'), '2027-06-30');
  assert.match(await card.locator('.valid').textContent(), /valid through 30 Jun 2027/);
  assert.match(await card.locator('.badge').textContent(), /At risk/);

  await addActivity(page, 'training', {
    Title: 'Understanding Cisco Cybersecurity Operations Fundamentals', 'Course code': 'CBROPS', Version: '1.0',
    'CE credits': 30, 'Completed on (or planned for)': '2027-01-15',
  });

  // Verdict: recertified on the training's date, 3 years later, days given up until 2027-06-30 (R2, R5).
  const verdict = page.locator('#verdict-body .verdict');
  const recert = verdict.locator('.recert');
  assert.equal(await recert.count(), 1);
  assert.equal(await recert.getAttribute('data-on'), '2027-01-15');
  assert.equal(await recert.getAttribute('data-new-expires'), '2030-01-15');
  assert.equal(await recert.getAttribute('data-days-given-up'), '166');
  const sentence = await recert.textContent();
  assert.match(sentence, /Recertifies on 15 Jan 2027 by 30 CE credits/, 'after the plan’s today (2026-11-29): future tense');
  assert.match(sentence, /new expiration 15 Jan 2030/);
  assert.match(sentence, /166 days of validity given up/);
  assert.match(await verdict.getAttribute('class'), /status-recertified/);
  assert.match(await card.locator('.badge').textContent(), /Safe/);

  // The row shows the credits it earns; the plan was saved.
  const row = page.locator('.activity', { hasText: 'CBROPS' });
  assert.equal((await row.locator('.earned').textContent()).trim(), '30');
  const saved = await savedPlan(page);
  assert.equal(saved.activities.length, 1);
  assert.equal(saved.activities[0].credits, 30);
  assert.equal(saved.today, '2026-11-29');

  // What-if: switching the training off writes enabled:false and the verdict turns to "will expire".
  await row.getByRole('switch').click();
  assert.match(await verdict.getAttribute('class'), /status-will_expire/);
  assert.match(await verdict.locator('.headline').textContent(), /At risk: valid through 30 Jun 2027/);
  const missing = verdict.locator('.missing-path[data-credits-needed="30"]');
  assert.equal(await missing.count(), 1);
  assert.match(await missing.textContent(), /30 more CE credits by 30 Jun 2027/);
  assert.equal((await savedPlan(page)).activities[0].enabled, false);
  await page.locator('.activity', { hasText: 'CBROPS' }).getByRole('switch').click();
  assert.match(await verdict.getAttribute('class'), /status-recertified/);
  assert.equal((await savedPlan(page)).activities[0].enabled, undefined);

  // Editing: change the date; removing: the activity goes, Undo brings it back.
  await page.locator('.activity', { hasText: 'CBROPS' }).getByRole('button', { name: /^Edit/ }).click();
  await fillForm(page, { 'Completed on (or planned for)': '2027-03-01' });
  await saveForm(page);
  await page.locator('dialog#editor').waitFor({ state: 'hidden' });
  await expectSoon(() => verdict.locator('.recert').getAttribute('data-on'), '2027-03-01');
  // The rows are drawn a frame after the new verdict (app.js drawLists).
  await page.locator('.activity', { hasText: 'CBROPS' }).getByRole('button', { name: /^Remove/ }).click();
  await expectSoon(() => page.locator('.activity').count(), 0);
  await page.locator('#toast').getByRole('button', { name: 'Undo' }).click();
  await expectSoon(() => page.locator('.activity').count(), 1);
  await finish(s);
});

test('every activity type has a form: Cisco Live sessions, item authoring and exams', async () => {
  const s = await openPage(browser);
  const { page } = s;
  await page.fill('#as-of', '2026-11-29');
  await page.locator('#as-of').dispatchEvent('change');
  await addCertification(page, { Name: 'CCNP Enterprise', Level: 'professional', 'Valid through': '2027-05-20' });

  // Cisco Live with two sessions: one counts (its own credits), one was not badged in (E7).
  await page.click('button[data-add="cisco_live"]');
  await fillForm(page, { Event: 'Cisco Live US 2026', 'Last day of the event': '2026-06-04' });
  const dlg = page.locator('dialog#editor');
  // No session is forced on a new event (finding 13): both are added.
  await dlg.getByRole('button', { name: '+ Add session' }).click();
  await dlg.getByRole('button', { name: '+ Add session' }).click();
  const rows = dlg.locator('.session-edit');
  assert.equal(await rows.count(), 2);
  await rows.nth(0).getByLabel('Session code').fill('BRKENT-2031');
  await rows.nth(0).getByLabel('Length (min)').fill('60');
  await rows.nth(0).getByLabel('Attended (min)').fill('60');
  await rows.nth(0).getByLabel('Credits').fill('2');
  await rows.nth(1).getByLabel('Session code').fill('BRKSEC-2000');
  await rows.nth(1).getByLabel('Length (min)').fill('60');
  await rows.nth(1).getByLabel('Attended (min)').fill('60');
  await rows.nth(1).getByLabel('Credits').fill('2');
  await rows.nth(1).getByLabel('Badged in').setChecked(false);
  await saveForm(page);
  await dlg.waitFor({ state: 'hidden' });

  const cl = page.locator('.activity.type-cisco_live');
  assert.equal((await cl.locator('.earned').textContent()).trim(), '2');
  assert.equal((await cl.locator('.nominal').textContent()).trim(), '4', 'the nominal credits are shown struck through');
  assert.match(await cl.locator('.reason').textContent(), /E7/);
  await cl.locator('details.sessions summary').click();
  const badge = cl.locator('.session').nth(1).locator('.warning[data-code="NOT_BADGED"]');
  assert.equal(await badge.count(), 1, 'the NOT_BADGED warning sits next to its session');
  assert.equal(await badge.getAttribute('data-rule'), 'E7');
  const saved = (await savedPlan(page)).activities[0];
  assert.equal(saved.sessions.length, 2);
  assert.deepEqual(saved.sessions[1], { code: 'BRKSEC-2000', minutes: 60, attended_minutes: 60, credits: 2, badged_in: false });

  // Item authoring with no known table value: earns 0 and says why (E8).
  await addActivity(page, 'item_authoring', { 'Item type': 'associate', 'Accepted items': 6, 'Completed on (or planned for)': '2026-02-01' });
  const ia = page.locator('.activity.type-item_authoring');
  assert.equal((await ia.locator('.earned').textContent()).trim(), '0');
  assert.equal(await ia.locator('.warning[data-code="CREDIT_VALUE_UNKNOWN"]').count(), 1);
  assert.equal(await ia.locator('.warning[data-code="CREDIT_VALUE_UNKNOWN"]').getAttribute('data-rule'), 'E8');

  // A planned technology core exam recertifies a professional on its own (L4).
  await addActivity(page, 'exam', { 'Exam kind': 'core', 'Exam code': '350-401', 'Passed on (or planned for)': '2027-03-09' });
  const recert = page.locator('#verdict-body .verdict .recert');
  assert.equal(await recert.getAttribute('data-on'), '2027-03-09');
  assert.equal(await recert.getAttribute('data-new-expires'), '2030-03-09');
  assert.match(await recert.textContent(), /1 technology core exam/);
  assert.equal(await page.locator('#acts-body .group.planned .activity').count(), 1, 'the exam is listed under Planned');
  await finish(s);
});

test('a new item-authoring activity starts with the item type of the plan\'s highest level (E8)', async () => {
  // CCNA only: associate items; with a CCIE (expert, L1): CCIE lab performance items; a retired
  // CCIE (L6) does not count; no certification: the list's first.
  const cases = [
    [[{ id: 'ccna', level: 'associate', expires: '2027-06-30' }], 'associate'],
    [[{ id: 'ccna', level: 'associate', expires: '2027-06-30' }, { id: 'ccnp', level: 'professional', expires: '2027-06-30' }], 'core'],
    [[{ id: 'ccna', level: 'associate', expires: '2027-06-30' }, { id: 'ccie', level: 'expert', expires: '2027-06-30', retired: true }], 'associate'],
    [[{ id: 'ccie', level: 'expert', expires: '2027-06-30' }, { id: 'ccna', level: 'associate', expires: '2027-06-30' }], 'ccie_lab_performance'],
  ];
  for (const [certifications, want] of cases) {
    const s = await openPage(browser, { hash: planHash({ format: 'ceplan-plan', version: 1, today: '2026-11-29', certifications, activities: [] }) });
    const { page } = s;
    await page.click('button[data-add="item_authoring"]');
    const dlg = page.locator('dialog#editor');
    await dlg.waitFor({ state: 'visible' });
    assert.equal(await dlg.getByLabel('Item type', { exact: true }).inputValue(), want, JSON.stringify(certifications));
    await page.keyboard.press('Escape');
    await finish(s);
  }
});

test('an engine error keeps the form open next to its field and the plan unchanged', async () => {
  const s = await openPage(browser);
  const { page } = s;
  await addCertification(page, { Name: 'CCNA', Level: 'associate', 'Valid through': '2027-06-30' });
  const before = await savedPlan(page);

  // No completion date: the engine names /activities/0/completed.
  await page.click('button[data-add="training"]');
  await fillForm(page, { Title: 'Course without a date', 'CE credits': 8 });
  await saveForm(page);
  const dlg = page.locator('dialog#editor');
  assert.ok(await dlg.isVisible(), 'the form stays open');
  const list = dlg.locator('.form-errors');
  assert.ok(await list.isVisible());
  assert.match(await list.textContent(), /Completed on \(or planned for\): required/, 'the field by its label');
  assert.equal(await list.locator('li').first().getAttribute('data-pointer'), '/activities/0/completed');
  const field = dlg.getByLabel('Completed on (or planned for)', { exact: true });
  assert.equal(await field.getAttribute('aria-invalid'), 'true');
  const errId = (await field.getAttribute('aria-describedby')).split(' ').pop();
  assert.ok((await page.locator('#' + errId).textContent()).length > 0, 'the message is next to the field');

  // Non-integer credits are refused too (the credit tables' reading of a whole number).
  await fillForm(page, { 'Completed on (or planned for)': '2026-10-01', 'CE credits': '7.5' });
  await saveForm(page);
  assert.match(await list.textContent(), /CE credits: expected a whole number; got “7\.5”/);
  assert.equal(await list.locator('li').first().getAttribute('data-pointer'), '/activities/0/credits');
  await dlg.getByRole('button', { name: 'Cancel' }).click();
  await dlg.waitFor({ state: 'hidden' });
  assert.deepEqual(await savedPlan(page), before);
  assert.equal(await page.locator('.activity').count(), 0);
  await finish(s);
});

test('titles and names are shown as text, never as HTML', async () => {
  const s = await openPage(browser);
  const { page } = s;
  await page.fill('#plan-name', XSS);
  await page.locator('#plan-name').dispatchEvent('change');
  await addCertification(page, { Name: XSS, Level: 'associate', 'Valid through': '2027-06-30' });
  await addActivity(page, 'training', { Title: XSS, 'Course code': '<b>X</b>', 'CE credits': 10, 'Completed on (or planned for)': '2026-10-01' });
  assert.equal(await page.locator('.activity .act-title').textContent(), XSS);
  assert.equal(await page.locator('#certs-body .cert-name').textContent(), XSS);
  assert.equal(await page.locator('#verdict-body .verdict h3').textContent(), XSS);
  assert.equal(await page.locator('img').count(), 0, 'no <img> was created');
  assert.equal(await page.locator('main b').count(), 0, 'no <b> was created');
  await page.waitForTimeout(100); // an onerror handler would have fired by now
  await finish(s); // asserts no alert() dialog
});

test('the plan survives a reload (autosave in localStorage)', async () => {
  const s = await openPage(browser);
  const { page } = s;
  await addCertification(page, { Name: 'CCNP Security', Level: 'professional', 'Valid through': '2027-04-30' });
  await page.reload();
  await page.waitForSelector('body[data-engine="ready"]');
  assert.equal(await page.locator('#certs-body .cert-name').textContent(), 'CCNP Security');
  await finish(s);
});

test('keyboard: a form opens and closes from the keyboard and focus comes back to its button', async () => {
  const s = await openPage(browser);
  const { page } = s;
  await page.focus('button[data-add="exam"]');
  await page.keyboard.press('Enter');
  const dlg = page.locator('dialog#editor');
  await dlg.waitFor({ state: 'visible' });
  assert.equal(await page.evaluate(() => document.activeElement.closest('dialog') !== null), true, 'focus is inside the form');
  await page.keyboard.press('Escape');
  await dlg.waitFor({ state: 'hidden' });
  await page.waitForFunction(() => document.activeElement && document.activeElement.dataset.focus === 'add:exam');

  // Every control in the page and in each form has an accessible name.
  const unnamed = async () => page.evaluate(() => Array.from(document.querySelectorAll('input, select, button, summary'))
    .filter((el) => el.offsetParent !== null || el.closest('dialog[open]'))
    .filter((el) => el.type !== 'file')
    .filter((el) => !(el.labels && el.labels.length) && !el.getAttribute('aria-label') && !el.textContent.trim())
    .map((el) => el.tagName + '#' + el.id + '.' + el.className));
  assert.deepEqual(await unnamed(), []);
  for (const type of ['certification', 'training', 'cisco_live', 'item_authoring', 'exam']) {
    await page.click(`button[data-add="${type}"]`);
    assert.deepEqual(await unnamed(), [], type);
    await page.keyboard.press('Escape');
    await dlg.waitFor({ state: 'hidden' });
  }
  await finish(s);
});

// Finding 14: user text is capped where it is typed (200 characters) and a longer title from
// a file is clipped where it is shown (two lines, or one clipped line in a sentence), the
// full text in the title attribute; the page never gets wider than the screen.
for (const [name, viewport] of [['desktop', { width: 1400, height: 1000 }], ['phone', { width: 390, height: 844 }]]) {
  test(`a 5000-character title is clipped with its full text in a title attribute, and typed text stops at 200 (${name})`, async () => {
    const long = ('Implementing a very long course title ' + 'x'.repeat(50) + ' ').repeat(60).slice(0, 5000);
    const plan = {
      format: 'ceplan-plan', version: 1, today: '2026-11-29',
      certifications: [{ id: 'ccnp', name: 'CCNP ' + 'Enterprise '.repeat(40), level: 'professional', expires: '2027-09-15' }],
      activities: [{ id: 't', type: 'training', title: long, course: 'C', version: '1.0', credits: 40, completed: '2027-01-10' }],
    };
    const s = await openPage(browser, { hash: planHash(plan), viewport });
    const { page } = s;
    const title = page.locator('li.activity .act-title');
    assert.equal(await title.getAttribute('title'), long);
    const lines = await title.evaluate((el) => el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight || '20'));
    assert.ok(lines <= 2.2, 'at most two lines: ' + lines);
    // What to do next: "Finish “…” (as planned)": the title cut to 80 characters, in full in the
    // link's title; the advice around it is not cut.
    const link = page.locator('#outlook .next-finish a.next-link');
    assert.equal(await link.getAttribute('title'), long);
    const what = await page.locator('#outlook .next-finish .next-what').evaluate((el) => {
      const clip = el.querySelector('.clip');
      return { lines: el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight), cut: el.scrollHeight > el.clientHeight + 1,
        titleCut: clip.textContent.endsWith('…') && Array.from(clip.textContent).length === 80, w: el.getBoundingClientRect().right, text: el.textContent };
    });
    assert.ok(!what.cut && what.titleCut && what.lines <= 5.2, JSON.stringify(what)); // 80 characters and the advice, in the narrowest column
    assert.match(what.text, /\(as planned\)/, 'the advice after the title is there');
    assert.ok(what.w <= viewport.width, JSON.stringify(what));
    assert.equal(await page.locator('li.card.cert .cert-name').getAttribute('title'), plan.certifications[0].name);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scrolling');
    // Typing: every text field of the form stops at 200 characters, as does the plan's name.
    await page.click('button[data-add="training"]');
    const dlg = page.locator('dialog#editor');
    await dlg.waitFor({ state: 'visible' });
    const texts = dlg.locator('input[type=text]');
    assert.ok(await texts.count() >= 3);
    for (const el of await texts.all()) assert.equal(await el.getAttribute('maxlength'), '200');
    await dlg.getByLabel('Title').fill('');
    await dlg.getByLabel('Title').pressSequentially('y'.repeat(210), { delay: 0 });
    assert.equal((await dlg.getByLabel('Title').inputValue()).length, 200);
    await page.keyboard.press('Escape');
    assert.equal(await page.getAttribute('#plan-name', 'maxlength'), '200');
    await finish(s);
  });
}
