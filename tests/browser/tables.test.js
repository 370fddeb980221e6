// Credit tables (E8): Cisco Live credits per session type × level and item-authoring credits
// per item type start unknown; entered values change what activities earn, survive a reload,
// travel in the exported plan's policy block and fill plans opened later. Also: Help.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const { launch, openPage, finish, planHash, savedPlan, expectSoon, drawn } = require('./helpers');

let browser;
before(async () => { browser = await launch(); });
after(async () => { if (browser) await browser.close(); });

const PLAN = {
  format: 'ceplan-plan', version: 1, today: '2026-11-29', name: 'Tables',
  certifications: [{ id: 'ccnp', name: 'CCNP Enterprise', level: 'professional', expires: '2027-09-15' }],
  activities: [
    { id: 'cl26', type: 'cisco_live', event: 'Cisco Live US 2026', completed: '2026-06-04', status: 'claimed',
      sessions: [
        { code: 'BRKENT-2031', minutes: 60, attended_minutes: 60, badged_in: true },
        { code: 'TECENT-3031', minutes: 480, attended_minutes: 480, badged_in: true },
      ] },
    { id: 'ia', type: 'item_authoring', item_type: 'associate', accepted_items: 3, completed: '2026-02-01', status: 'claimed' },
  ],
};

const earned = (page, id) => page.locator(`.activity[data-id="${id}"] .earned`).textContent().then((t) => Number(t.trim()));
const unknownWarnings = (page, id) => page.locator(`.activity[data-id="${id}"] .warning[data-code="CREDIT_VALUE_UNKNOWN"]`);

test('editing the credit tables changes what activities earn, survives a reload and travels in the export', async () => {
  const s = await openPage(browser, { hash: planHash(PLAN) });
  const { page } = s;
  assert.equal(await earned(page, 'cl26'), 0);
  assert.equal(await earned(page, 'ia'), 0);
  // Each unknown value says so next to its activity, with a way to the table.
  await page.locator('.activity[data-id="cl26"] details.sessions').evaluate((d) => { d.open = true; });
  assert.equal(await unknownWarnings(page, 'cl26').count(), 2);
  assert.equal(await unknownWarnings(page, 'ia').count(), 1);

  // From the breakout session's warning: the dialog opens on its cell (breakout × 2000).
  await unknownWarnings(page, 'cl26').first().locator('button.tables-link').click();
  const dlg = page.locator('dialog#credit-tables-dialog');
  await dlg.waitFor({ state: 'visible' });
  assert.match(await dlg.textContent(), /Every value is unknown/);
  assert.match(await dlg.textContent(), /CE portal/);
  assert.equal(await page.evaluate(() => document.activeElement.dataset.cell), 'cisco_live/breakout/2000');
  assert.equal(await dlg.locator('input[data-cell]').count(), 4 * 3 + 6, 'four session types × three levels, six item types');
  for (const v of await dlg.locator('input[data-cell]').evaluateAll((els) => els.map((e) => e.value))) assert.equal(v, '', 'all unknown');

  // A value that is not a whole number is refused, nothing saved.
  await page.keyboard.type('1.5');
  await dlg.locator('button[type=submit]').click();
  assert.match(await dlg.locator('.form-errors').textContent(), /whole number/);
  assert.equal((await savedPlan(page)).policy, undefined);

  await dlg.locator('input[data-cell="cisco_live/breakout/2000"]').fill('2');
  await dlg.locator('input[data-cell="cisco_live/seminar_8h/3000"]').fill('8');
  await dlg.getByLabel('Associate item: credits per accepted item').fill('1');
  await dlg.locator('button[type=submit]').click();
  await dlg.waitFor({ state: 'hidden' });
  await drawn(page); // the rows come a frame after the verdict
  // E6: 2 (breakout, level 2000) + 8 (8-hour seminar, level 3000); E8: 3 items × 1.
  assert.equal(await earned(page, 'cl26'), 10);
  assert.equal(await earned(page, 'ia'), 3);
  assert.equal(await unknownWarnings(page, 'cl26').count(), 0);
  const policy = { cisco_live: { breakout: { 2000: 2 }, seminar_8h: { 3000: 8 } }, item_authoring: { associate: 1 } };
  assert.deepEqual((await savedPlan(page)).policy, policy);

  // A reload keeps them.
  await page.reload();
  await page.waitForSelector('body[data-engine="ready"]');
  assert.equal(await earned(page, 'cl26'), 10);
  assert.equal(await earned(page, 'ia'), 3);

  // The exported plan carries them in its policy block.
  await page.click('#export-button');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
  const exported = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  assert.deepEqual(exported.policy, policy);
  assert.deepEqual(exported.activities, PLAN.activities, 'the activities themselves are untouched');

  // A plan opened later gets the stored values where it leaves them unknown; its own win.
  const other = JSON.parse(JSON.stringify(PLAN));
  other.name = 'Colleague';
  other.policy = { cisco_live: { breakout: { 2000: 3 } } };
  await s.goto(planHash(other));
  assert.deepEqual((await savedPlan(page)).policy,
    { cisco_live: { breakout: { 2000: 3 }, seminar_8h: { 3000: 8 } }, item_authoring: { associate: 1 } });
  assert.equal(await earned(page, 'cl26'), 11);

  // Clear all + Save: every value unknown again, in the plan and in this browser.
  await page.click('#credit-tables');
  await dlg.waitFor({ state: 'visible' });
  assert.match(await dlg.textContent(), /3 of 18 values are set in this plan/);
  await dlg.locator('button', { hasText: 'Clear all' }).click();
  await dlg.locator('button[type=submit]').click();
  await dlg.waitFor({ state: 'hidden' });
  assert.equal((await savedPlan(page)).policy, undefined);
  assert.equal(await earned(page, 'cl26'), 0);
  assert.deepEqual(await page.evaluate(() => JSON.parse(localStorage.getItem('ceplan.credit-tables.v1'))), {});
  // Focus goes back on the dialog's close event, after it closed.
  await expectSoon(() => page.evaluate(() => document.activeElement.id), 'credit-tables', 'focus back on the opener');
  await finish(s);
});

test('Help lists every rule id in plain words', async () => {
  const s = await openPage(browser);
  const { page } = s;
  await page.click('#help');
  const dlg = page.locator('dialog#help-dialog');
  await dlg.waitFor({ state: 'visible' });
  const ids = await dlg.locator('dt[data-rule]').evaluateAll((els) => els.map((e) => e.dataset.rule));
  const want = [];
  for (const [p, n] of [['D', 3], ['L', 6], ['R', 9], ['E', 9], ['C', 4], ['A', 4], ['P', 5]]) for (let i = 1; i <= n; i++) want.push(p + i);
  assert.deepEqual(ids, want);
  // Every id of the rules in shared/spec/rules.md, when it is there to compare.
  const spec = require('node:path').join(__dirname, '..', '..', '..', 'shared', 'spec', 'rules.md');
  if (fs.existsSync(spec)) {
    const inSpec = Array.from(fs.readFileSync(spec, 'utf8').matchAll(/^- \*\*([DLRECAP]\d)\b/gm), (m) => m[1]);
    assert.deepEqual(ids, inSpec);
  }
  for (const t of await dlg.locator('dd').allTextContents()) assert.ok(t.length > 20 && t.length < 330, t);
  // Finding a rule: by its id, or by a word.
  await dlg.getByLabel('Find a rule').fill('e3');
  assert.deepEqual(await dlg.locator('dt[data-rule]:visible').evaluateAll((els) => els.map((e) => e.dataset.rule)), ['E3']);
  await dlg.getByLabel('Find a rule').fill('zebra');
  assert.equal(await dlg.locator('dt[data-rule]:visible').count(), 0);
  assert.ok(await dlg.getByText('No rule matches.').isVisible());
  await dlg.getByLabel('Find a rule').fill('rollover');
  assert.ok((await dlg.locator('dt[data-rule]:visible').evaluateAll((els) => els.map((e) => e.dataset.rule))).includes('A3'));
  await dlg.getByLabel('Find a rule').fill('');
  await page.keyboard.press('Escape');
  await dlg.waitFor({ state: 'hidden' });
  await expectSoon(() => page.evaluate(() => document.activeElement.id), 'help', 'focus back on Help');
  await finish(s);
});
