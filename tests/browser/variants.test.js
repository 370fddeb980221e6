// Variants: duplicate a plan into named alternatives, change one, compare them side by
// side, switch, rename, delete; they travel with the plan (localStorage, export).
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { launch, openPage, finish, planHash, savedPlan, exampleFiles, expectSoon } = require('./helpers');

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
