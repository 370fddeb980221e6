// Variants: duplicate a plan into named alternatives, change one, compare them side by
// side, switch, rename, delete; they travel with the plan (localStorage, export).
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { launch, openPage, finish, planHash, savedPlan, exampleFiles, expectSoon, drawn } = require('./helpers');

let browser;
before(async () => { browser = await launch(); });
after(async () => { if (browser) await browser.close(); });

const tabs = (page) => page.$$eval('#variants .variant-tab', (bs) => bs.map((b) => (b.getAttribute('aria-pressed') === 'true' ? '*' : '') + b.textContent));

async function duplicateAs(page, name) {
  await page.click('#variants .btn-duplicate');
  const dlg = page.locator('#variant-dialog');
  await dlg.waitFor();
  await dlg.getByLabel('Name of the new variant').fill(name);
  await dlg.locator('button[type=submit]').click();
  await dlg.waitFor({ state: 'hidden' });
  await current(page, name);
}

/** Waits for the variant being edited to be `name`: the dialog's answer is applied on its close event, after the click. */
const current = (page, name) =>
  page.waitForFunction((n) => { const b = document.querySelector('#variants .variant-tab[aria-pressed="true"]'); return !!b && b.textContent === n; }, name);

/** Waits until a cancelled name dialog has answered (its close event gives focus back to Duplicate). */
const cancelled = (page) => expectSoon(() => page.evaluate(() => {
  const el = document.activeElement;
  return !document.querySelector('#variant-dialog[open]') && !!el && el.classList.contains('btn-duplicate');
}), true, 'the cancelled dialog gave focus back to its opener');

const cellOf = (page, variant, field, cert) =>
  page.locator(`#compare td[data-variant="${variant}"][data-field="${field}"]` + (cert ? `[data-cert="${cert}"]` : ''));

test('two variants of example 04, one without SISE: compared side by side, the longest marked', async () => {
  const ex = exampleFiles().find((e) => e.file.startsWith('04'));
  const s = await openPage(browser, { hash: planHash(ex.plan) });
  const { page } = s;
  assert.deepEqual(await tabs(page), []);

  // The first duplicate keeps the plan as “Base”: that name, whatever its case, is taken already.
  for (const taken of ['Base', 'BASE', 'Base\u200b', ' b\u00adase ']) { // invisible characters (Cf) make no other name
    await page.click('#variants .btn-duplicate');
    await page.locator('#variant-dialog').getByLabel('Name of the new variant').fill(taken);
    await page.locator('#variant-dialog button[type=submit]').click();
    assert.match(await page.locator('#variant-dialog .field-error').textContent(), /already a variant called/, JSON.stringify(taken));
    await page.locator('#variant-dialog').getByRole('button', { name: 'Cancel' }).click();
    await cancelled(page);
    assert.deepEqual(await tabs(page), []);
    assert.equal(await page.locator('#problems').isVisible(), false, 'no notice about the variants');
  }

  // A name of invisible characters only is no name.
  await page.click('#variants .btn-duplicate');
  await page.locator('#variant-dialog').getByLabel('Name of the new variant').fill('\u200b\u200d');
  await page.locator('#variant-dialog button[type=submit]').click();
  assert.match(await page.locator('#variant-dialog .field-error').textContent(), /Give the variant a name/);
  await page.locator('#variant-dialog').getByRole('button', { name: 'Cancel' }).click();
  await cancelled(page);

  await duplicateAs(page, 'No SISE');
  assert.deepEqual(await tabs(page), ['Base', '*No SISE']);
  // A name already taken is refused in the dialog.
  await page.click('#variants .btn-duplicate');
  await page.locator('#variant-dialog').getByLabel('Name of the new variant').fill('base');
  await page.locator('#variant-dialog button[type=submit]').click();
  assert.match(await page.locator('#variant-dialog .field-error').textContent(), /already a variant called “base”/);
  await page.locator('#variant-dialog').getByRole('button', { name: 'Cancel' }).click();
  await cancelled(page);
  assert.deepEqual(await tabs(page), ['Base', '*No SISE']);

  // Without SISE the second cycle has 20 rolled over + SFWIPF 32 = 52 < 80 on 2029-06-14:
  // only the first recertification (2027-02-19) remains, valid through 2030-02-19.
  await page.locator('.activity', { hasText: 'SISE' }).getByRole('switch').click();
  assert.equal(await page.locator('#verdict-body .verdict .headline time').getAttribute('datetime'), '2030-02-19');

  await page.click('#variants .btn-compare');
  await page.locator('#compare table').waitFor();
  assert.equal(await page.locator('#compare thead th.variant-col').count(), 2);
  assert.equal(await cellOf(page, 'Base', 'expires', 'ccnp_sec').getAttribute('data-expires'), '2032-06-14');
  assert.equal(await cellOf(page, 'No SISE', 'expires', 'ccnp_sec').getAttribute('data-expires'), '2030-02-19');
  assert.equal(await cellOf(page, 'Base', 'on', 'ccnp_sec').getAttribute('data-on'), '2027-02-19 2029-06-14');
  assert.equal(await cellOf(page, 'No SISE', 'on', 'ccnp_sec').getAttribute('data-on'), '2027-02-19');
  assert.match(await cellOf(page, 'Base', 'on', 'ccnp_sec').textContent(), /19 Feb 2027.*14 Jun 2029/);
  assert.match(await cellOf(page, 'Base', 'path', 'ccnp_sec').textContent(), /80 CE credits/);
  assert.match(await cellOf(page, 'Base', 'days', 'ccnp_sec').textContent(), /70 days.*250 days/);
  // The longest: Base, by 2030-02-19 .. 2032-06-14 = 730 + 10 + 31 + 30 + 31 + 14 = 846 days.
  assert.equal(await cellOf(page, 'Base', 'expires', 'ccnp_sec').getAttribute('data-best'), 'true');
  assert.equal(await cellOf(page, 'No SISE', 'expires', 'ccnp_sec').getAttribute('data-best'), 'false');
  assert.match(await cellOf(page, 'Base', 'expires', 'ccnp_sec').textContent(), /keeps it longest/);
  assert.match(await page.locator('#compare .compare-verdict[data-cert="ccnp_sec"]').textContent(),
    /CCNP Security: “Base” keeps it longest, valid through 14 Jun 2032, 846 days more than “No SISE”\./);
  // Rollover: Base carries the 12 SFWIPF credits left on 2029-06-14; without SISE the last
  // recertification is 2027-02-19, with SVPN's 20 left, valid until 2030-02-19 (C2).
  assert.equal(await cellOf(page, 'Base', 'rollover').getAttribute('data-credits'), '12');
  assert.equal(await cellOf(page, 'No SISE', 'rollover').getAttribute('data-credits'), '20');
  assert.match(await cellOf(page, 'No SISE', 'rollover').textContent(), /20 expire after 19 Feb 2030/);
  assert.equal(await cellOf(page, 'Base', 'lost').getAttribute('data-lost'), '0');
  assert.match(await cellOf(page, 'No SISE', 'activities').textContent(), /3 counted.*1 switched off/);

  // Switching from the compare view: Base is current again, SISE counts again.
  await page.locator('#compare thead th[data-variant="Base"]').getByRole('button', { name: 'Switch to “Base”' }).click();
  await drawn(page); // the rows come a frame after the verdict
  assert.deepEqual(await tabs(page), ['*Base', 'No SISE']);
  assert.equal(await page.locator('.activity', { hasText: 'SISE' }).getByRole('switch').isChecked(), true);
  assert.equal(await page.locator('#compare thead th.current').getAttribute('data-variant'), 'Base');
  await page.click('#compare-close');
  assert.equal(await page.locator('#compare').isHidden(), true);
  await finish(s);
});

test('variants are kept with the plan: rename, reload, export and import, delete with undo', async () => {
  const ex = exampleFiles().find((e) => e.file.startsWith('04'));
  const s = await openPage(browser, { hash: planHash(Object.assign({}, ex.plan, { name: 'Security plan' })) });
  const { page } = s;
  await duplicateAs(page, 'Late SVPN');
  // Move SVPN in this variant only (the switch is the quickest change): off.
  await page.locator('.activity', { hasText: 'SVPN' }).getByRole('switch').click();
  await page.click('#variants .btn-duplicate');
  await page.locator('#variant-dialog').getByRole('button', { name: 'Cancel' }).click();
  await cancelled(page); // before the next dialog: a late close event would answer that one

  // Rename the current variant.
  await page.locator('#variants').getByRole('button', { name: 'Rename this variant' }).click();
  await page.locator('#variant-dialog').getByLabel('New name').fill('Without SVPN');
  await page.locator('#variant-dialog button[type=submit]').click();
  await current(page, 'Without SVPN');
  assert.deepEqual(await tabs(page), ['Base', '*Without SVPN']);

  // The shape kept in localStorage: the document is the current variant's plan; the others
  // hold their own part only (no name, today or policy: those are shared).
  const saved = await savedPlan(page);
  assert.equal(saved.variant, 'Without SVPN');
  assert.equal(saved.name, 'Security plan');
  assert.deepEqual(saved.variants.map((v) => [v.name, !!v.plan]), [['Base', true], ['Without SVPN', false]]);
  assert.equal(saved.variants[0].plan.today, undefined);
  assert.equal(saved.variants[0].plan.name, undefined);
  assert.equal(saved.variants[0].plan.activities.find((a) => a.id === 'svpn').enabled, undefined);
  assert.equal(saved.activities.find((a) => a.id === 'svpn').enabled, false);

  // A reload finds them again.
  await page.reload();
  await page.waitForSelector('body[data-engine="ready"]');
  assert.deepEqual(await tabs(page), ['Base', '*Without SVPN']);

  // The exported JSON carries them; importing it elsewhere brings them back.
  const text = await page.evaluate(() => window.Ceplan.store.exportText(window.Ceplan.app.state.plan));
  const doc = JSON.parse(text);
  assert.deepEqual(doc.variants.map((v) => v.name), ['Base', 'Without SVPN']);
  const other = await openPage(browser);
  await other.page.evaluate((t) => window.Ceplan.app.importText(t, 'plan.json'), text);
  assert.deepEqual(await tabs(other.page), ['Base', '*Without SVPN']);
  await other.page.click('#variants .variant-tab[data-variant="Base"]');
  await drawn(other.page);
  assert.deepEqual(await tabs(other.page), ['*Base', 'Without SVPN']);
  assert.equal(await other.page.locator('.activity', { hasText: 'SVPN' }).getByRole('switch').isChecked(), true);
  await finish(other);

  // Deleting the current variant leaves a plain plan (one variant left); Undo brings it back.
  await page.locator('#variants').getByRole('button', { name: 'Delete this variant' }).click();
  assert.deepEqual(await tabs(page), []);
  const plain = await savedPlan(page);
  assert.equal(plain.variants, undefined);
  assert.equal(plain.variant, undefined);
  assert.equal(plain.activities.find((a) => a.id === 'svpn').enabled, undefined, 'Base is what is left');
  await page.locator('#toast').getByRole('button', { name: 'Undo' }).click();
  assert.deepEqual(await tabs(page), ['Base', '*Without SVPN']);
  await finish(s);
});

// A CCNP valid through 2027-06-30 and one course; each variant's own part (R2 needs no more here).
const CERTS = [{ id: 'ccnp', name: 'CCNP Enterprise', level: 'professional', expires: '2027-06-30' }];
const course = (id, credits, completed) => ({ id, type: 'training', title: 'Course ' + id, course: id.toUpperCase(), version: '1.0', credits, completed });

/** Imports a plan document as a file, through Import → Plan (JSON). */
async function importJson(page, name, doc) {
  await page.setInputFiles('#import-file', { name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc), 'utf8') });
}
/** The problems box's items as [pointer, text] (the box may add words around them). */
const problemItems = (page) => page.locator('#problems li').evaluateAll((lis) => lis.map((li) => [(li.querySelector('code.pointer') || {}).textContent, li.textContent]));
const noticeItems = (page) => page.locator('#variants-notice li').evaluateAll((lis) => lis.map((li) => [li.querySelector('code').textContent, li.textContent]));

test('an imported file’s variants are checked: broken ones are named by pointer and marked, names made unique, what is no variant left out', async () => {
  const doc = {
    format: 'ceplan-plan', version: 1, today: '2026-11-29', name: 'Imported variants',
    certifications: CERTS, activities: [course('a', 40, '2026-03-01')],
    variant: 'Spring exam',
    variants: [
      { name: 'Base', plan: { certifications: CERTS, activities: [course('a', 40, '2026-03-01'), course('b', 40, '2026-05-01')] } }, // 0: good
      { name: 'Broken', plan: { certifications: CERTS, activities: [course('c', 8, '2026-02-30')] } }, // 1: no 30 February
      { name: 'Spring exam' }, // 2: the one being edited: the document's own plan
      { name: 'base', plan: { certifications: CERTS, activities: [] } }, // 3: “Base” is taken, whatever the case
      { name: 'No plan' }, // 4: only the current variant goes without a plan
      'junk', // 5: no variant at all
    ],
  };
  const s = await openPage(browser);
  const { page } = s;
  await importJson(page, 'variants.json', doc);
  await page.locator('#toast', { hasText: 'Imported variants.json.' }).waitFor();
  await expectSoon(() => tabs(page), ['Base', 'Broken', '*Spring exam', 'base (2)']);
  assert.equal(await page.locator('#variants .btn-compare').textContent(), 'Compare 4');
  assert.deepEqual(await page.$$eval('#variants .variant-tab[data-broken="true"]', (bs) => bs.map((b) => b.dataset.variant)), ['Broken']);
  assert.match(await page.getAttribute('#variants .variant-tab[data-variant="Broken"]', 'title'), /cannot be used until its plan is fixed: not a real date, got "2026-02-30"/);
  assert.equal(await page.locator('#problems').isHidden(), true, 'the good plan was loaded');
  assert.deepEqual(await noticeItems(page), [ // in the document's order
    ['/variants/1/plan/activities/0/completed', '/variants/1/plan/activities/0/completed “Broken”: not a real date, got "2026-02-30"'],
    ['/variants/3/name', '/variants/3/name the name “base” is taken (by “Base”, names are compared without case): renamed “base (2)”'],
    ['/variants/4/plan', '/variants/4/plan missing: only the variant being edited (“Spring exam”) has none; “No plan” is left out'],
    ['/variants/5', '/variants/5 expected a variant {"name": "…", "plan": {…}}, got a string; left out'],
  ]);

  // What is kept: the repaired document (the broken variant with its plan, to fix or delete).
  const saved = await savedPlan(page);
  assert.equal(saved.variant, 'Spring exam');
  assert.deepEqual(saved.variants.map((v) => [v.name, !!v.plan]), [['Base', true], ['Broken', true], ['Spring exam', false], ['base (2)', true]]);
  assert.deepEqual(saved.activities.map((a) => a.id), ['a']);
  assert.equal(saved.variants[1].plan.activities[0].completed, '2026-02-30');

  // Switching to the broken variant says where its plan is wrong, and changes nothing.
  await page.click('#variants .variant-tab[data-variant="Broken"]');
  await page.locator('#problems', { hasText: '“Broken” cannot be used until its plan is fixed; your plan was not changed' }).waitFor();
  const switchProblems = await problemItems(page);
  assert.deepEqual(switchProblems.map((p) => p[0]), ['/variants/1/plan/activities/0/completed']);
  assert.match(switchProblems[0][1], /2026-02-30/);
  assert.deepEqual(await tabs(page), ['Base', 'Broken', '*Spring exam', 'base (2)']);
  // The others switch as before.
  await page.click('#variants .variant-tab[data-variant="base (2)"]');
  await current(page, 'base (2)');
  assert.deepEqual((await savedPlan(page)).activities, []);

  // A reload checks the stored plan again: the broken variant only (the rest was repaired).
  await page.reload();
  await page.waitForSelector('body[data-engine="ready"]');
  assert.deepEqual(await tabs(page), ['Base', 'Broken', 'Spring exam', '*base (2)']);
  assert.deepEqual(await noticeItems(page), [
    ['/variants/1/plan/activities/0/completed', '/variants/1/plan/activities/0/completed “Broken”: not a real date, got "2026-02-30"']]);
  // It cannot be switched to, so it is deleted from the notice (Undo brings it back).
  await page.locator('#variants-notice').getByRole('button', { name: 'Delete “Broken”' }).click();
  assert.deepEqual(await tabs(page), ['Base', 'Spring exam', '*base (2)']);
  assert.equal(await page.locator('#variants-notice').isHidden(), true, 'nothing left to say');
  assert.deepEqual((await savedPlan(page)).variants.map((v) => v.name), ['Base', 'Spring exam', 'base (2)']);
  await page.locator('#toast').getByRole('button', { name: 'Undo' }).click();
  assert.deepEqual(await tabs(page), ['Base', 'Broken', 'Spring exam', '*base (2)']);
  await finish(s);
});

test('variants that are no list are refused with the reason, from a file and from a link; one variant left is a plain plan', async () => {
  const plan = { format: 'ceplan-plan', version: 1, today: '2026-11-29', name: 'Kept', certifications: CERTS, activities: [course('a', 40, '2026-03-01')] };
  const s = await openPage(browser, { hash: planHash(plan) });
  const { page } = s;
  await importJson(page, 'bad-variants.json', Object.assign({}, plan, { name: 'Bad', variants: 'x', variant: 5 }));
  await page.locator('#problems', { hasText: 'bad-variants.json could not be loaded; your plan was not changed' }).waitFor();
  let problems = await problemItems(page);
  assert.deepEqual(problems.map((p) => p[0]), ['/variants', '/variant']);
  assert.match(problems[0][1], /expected a list of variants, \[\{"name": "…", "plan": \{…\}\}, …\], got a string$/);
  assert.match(problems[1][1], /expected the name of the variant being edited \(text\), got a number$/);
  assert.equal((await savedPlan(page)).name, 'Kept');

  await s.goto(planHash(Object.assign({}, plan, { name: 'Bad link', variants: { A: {} } })));
  await page.locator('#problems', { hasText: 'The plan in the link could not be loaded; your plan was not changed' }).waitFor();
  problems = await problemItems(page);
  assert.deepEqual(problems.map((p) => p[0]), ['/variants']);
  assert.match(problems[0][1], /expected a list of variants, .*, got an object$/);
  assert.equal((await savedPlan(page)).name, 'Kept');

  // “A” being edited and “a” without a plan: “a” is left out, and a single variant is no
  // variant at all (no bar of one, no “Compare 1”).
  await importJson(page, 'dup.json', Object.assign({}, plan, { name: 'Dup', variant: 'A', variants: [{ name: 'A' }, { name: 'a' }] }));
  await page.locator('#toast', { hasText: 'Imported dup.json.' }).waitFor();
  await expectSoon(async () => (await savedPlan(page)).variants, undefined, 'a plain plan is kept');
  assert.deepEqual(await tabs(page), []);
  assert.equal(await page.locator('#variants .btn-compare').count(), 0);
  assert.deepEqual(await noticeItems(page), [
    ['/variants/1/plan', '/variants/1/plan missing: only the variant being edited (“A”) has none; “a” is left out']]);
  assert.equal((await savedPlan(page)).name, 'Dup');
  await page.locator('#variants-notice').getByRole('button', { name: 'Dismiss' }).click();
  assert.equal(await page.locator('#variants-notice').isHidden(), true);
  await finish(s);
});
