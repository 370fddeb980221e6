// Two tabs on one plan (issue 7 §2): two pages in one browser context share localStorage.
// A tab whose plan was saved differently elsewhere says so at once, saves nothing until the
// user chooses, and offers to load the newer plan or to keep its own as a variant: no
// silent loss either way (before, the last tab to save silently won).
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { launch, openPage, finish, planHash, savedPlan, expectSoon, fillForm, saveForm, INDEX_URL, drawn } = require('./helpers');
const { expiringCreditsPlan } = require('./fixtures');

let browser;
before(async () => { browser = await launch(); });
after(async () => { if (browser) await browser.close(); });

/** Tab A opens the plan from a link; tab B, a second page of the same browser, from storage. */
async function twoTabs() {
  const s = await openPage(browser, { hash: planHash(expiringCreditsPlan('Two tabs')) });
  const b = await s.context.newPage();
  b.setDefaultTimeout(8000);
  const bErrors = [];
  b.on('pageerror', (e) => bErrors.push(e.message));
  await b.goto(INDEX_URL);
  await b.waitForSelector('body[data-engine="ready"]');
  assert.equal(await b.locator('#acts-body li.activity').count(), 3, 'tab B shows the saved plan');
  return { s, a: s.page, b, bErrors };
}

/** Tab A adds a training "Course D" through its form. */
async function addInA(a) {
  await a.click('[data-add="training"]');
  await fillForm(a, { Title: 'Course D', 'CE credits': '8', 'Completed on (or planned for)': '2027-01-15' });
  await saveForm(a);
  await a.locator('dialog#editor').waitFor({ state: 'hidden' });
}

const notice = (page) => page.locator('#problems[data-kind="other-tab"]');
const titles = (plan) => plan.activities.map((x) => x.title);

test('a change saved in another tab is said at once; this tab saves nothing until the user chooses; keep mine as a variant', async () => {
  const { s, a, b, bErrors } = await twoTabs();
  await b.locator('#plan-name').focus();
  await addInA(a);
  await expectSoon(() => notice(b).isVisible(), true, 'tab B says so at once');
  assert.match(await notice(b).textContent(), /changed in another tab/);
  assert.match(await notice(b).textContent(), /4 activities.*3 activities/);
  assert.equal(await b.evaluate(() => document.activeElement.id), 'plan-name', 'the focus was not moved');

  // Tab B switches an activity off: not saved over tab A's plan.
  await b.locator('li.activity[data-id="c"] input[role="switch"]').uncheck();
  await drawn(b); // the rows come a frame after the verdict
  assert.equal(await b.locator('li.activity[data-id="c"]').getAttribute('class').then((c) => /\boff\b/.test(c)), true);
  let saved = await savedPlan(b);
  assert.deepEqual(titles(saved), ['Course A', 'Course B', 'Course C', 'Course D'], 'tab A’s activity is still saved');
  assert.equal(saved.activities[2].enabled, undefined);

  // Keep mine as a variant: one document with both versions.
  await notice(b).locator('button', { hasText: 'Keep mine as a variant' }).click();
  await expectSoon(() => notice(b).isVisible(), false);
  saved = await savedPlan(b);
  assert.equal(saved.variant, 'My plan (this tab)');
  assert.deepEqual(saved.variants.map((v) => v.name), ['Saved in another tab', 'My plan (this tab)']);
  assert.deepEqual(titles(saved.variants[0].plan), ['Course A', 'Course B', 'Course C', 'Course D'], 'tab A’s plan is a variant');
  assert.deepEqual(titles(saved), ['Course A', 'Course B', 'Course C'], 'tab B’s plan is the one being edited there');
  assert.equal(saved.activities[2].enabled, false, 'with tab B’s change');
  assert.equal(await b.locator('#variants .variant-tab[aria-pressed="true"]').textContent(), 'My plan (this tab)');

  // Tab A hears of it in turn, and loads the newer (merged) plan.
  await expectSoon(() => notice(a).isVisible(), true, 'tab A says so at once');
  await notice(a).locator('button', { hasText: 'Load the newer plan' }).click();
  await expectSoon(() => a.locator('#variants .variant-tab').allTextContents(), ['Saved in another tab', 'My plan (this tab)']);
  assert.deepEqual(await savedPlan(a), saved, 'loading saved nothing new');
  assert.equal(await notice(b).isVisible(), false);
  assert.deepEqual(bErrors, []);
  await finish(s);
});

test('load the newer plan: this tab shows the other tab’s plan, and Undo brings its own back', async () => {
  const { s, a, b, bErrors } = await twoTabs();
  await addInA(a);
  await expectSoon(() => notice(b).isVisible(), true);
  await notice(b).locator('button', { hasText: 'Load the newer plan' }).click();
  await expectSoon(() => b.locator('#acts-body li.activity').count(), 4);
  assert.equal(await notice(b).isVisible(), false);
  assert.equal(await b.evaluate(() => document.activeElement.id), 'verdict', 'the focus goes to the verdict, not to the top of the page');
  assert.deepEqual(titles(await savedPlan(b)), ['Course A', 'Course B', 'Course C', 'Course D']);
  // Undo: tab B's own plan again (an explicit choice: it is saved, and tab A hears of it).
  await b.locator('#toast button', { hasText: 'Undo' }).click();
  await expectSoon(() => b.locator('#acts-body li.activity').count(), 3);
  assert.equal(await b.evaluate(() => document.activeElement.id), 'verdict', 'after Undo too');
  await expectSoon(() => notice(a).isVisible(), true, 'tab A is told in turn');
  assert.deepEqual(bErrors, []);
  await finish(s);
});

test('the same plan saved in another tab is no conflict', async () => {
  const { s, a, b } = await twoTabs();
  // Tab A saves the plan it has (renamed back and forth ends equal to tab B's).
  await a.fill('#plan-name', 'Two tabs renamed');
  await a.locator('#plan-name').dispatchEvent('change');
  await expectSoon(() => notice(b).isVisible(), true);
  await a.fill('#plan-name', 'Two tabs');
  await a.locator('#plan-name').dispatchEvent('change');
  await expectSoon(() => notice(b).isVisible(), false, 'the notice goes when the saved plan is this tab’s again');
  await finish(s);
});

test('a save another tab makes while this page starts, before it listens (after its first paint), is heard then', async () => {
  // This page reads the saved plan (3 activities), draws its verdict, and only then listens to
  // the other tabs (tabs.js, issue 6). Meanwhile "another tab" saves a plan of 4 activities: here,
  // a write by this page's own init script at its first verdict, which no storage event tells it.
  const s = await openPage(browser, { goto: false });
  const mine = expiringCreditsPlan('Starting');
  const theirs = { ...mine, activities: mine.activities.concat([{ ...mine.activities[0], id: 'd', title: 'Course D' }]) };
  await s.context.addInitScript(([k, v, w]) => {
    localStorage.setItem(k, v);
    new MutationObserver((_, obs) => {
      if (!document.querySelector('#verdict-body .verdict')) return;
      obs.disconnect();
      localStorage.setItem(k, w);
    }).observe(document, { childList: true, subtree: true });
  }, ['ceplan.workspace.v1', JSON.stringify({ plan: mine }), JSON.stringify({ plan: theirs })]);
  await s.goto();
  const page = s.page;
  await expectSoon(() => notice(page).isVisible(), true, 'the other tab\'s save is said');
  assert.match(await notice(page).textContent(), /changed in another tab/);
  assert.match(await notice(page).textContent(), /4 activities.*3 activities/);
  assert.equal(await page.locator('#acts-body li.activity').count(), 3, 'this page still shows its own plan');
  await finish(s);
});
