// Reopening a plan (issue 6): what the first verdict of a returning visit does not wait for.
// - The locale's date words: the first DateTimeFormat of a page loads ICU's date data (~15 ms).
//   The page keeps how this browser's languages write dates (format.js, 'ceplan.dates.v1') and
//   writes a reopened plan's first verdict with them; it builds the formatter after the first paint
//   and draws the page again if the words it used were not the browser's any more.
// - The top bar's "As of" is a text field until the first verdict is painted, then the date input
//   (a date input's first use loads the browser's date data too), in the same place and size.
// - The activity rows, where the verdict has a column of its own (wider than 1100px): drawn after
//   the first paint, without moving the verdict; in narrower layouts (rows above the verdict) with it.
// Dates are hand-derived from examples/01 (its `expect`): recertified on 2027-03-18, new
// expiration 2030-03-18; the contexts are en-GB, which writes them 18 Mar 2027 and 18 Mar 2030.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { launch, openPage, finish, exampleFiles, drawn, INDEX_URL } = require('./helpers');

const KEY = 'ceplan.workspace.v1';
const DATES = 'ceplan.dates.v1';
const EXAMPLE = exampleFiles().find((e) => e.file.startsWith('01-'));
const PLAN = EXAMPLE.plan;

let browser;
before(async () => { browser = await launch(); });
after(async () => { if (browser) await browser.close(); });

/**
 * A context whose pages see the example saved, count the DateTimeFormats they build, and note at
 * the first verdict (before any paint): the formatters built so far, the verdict's words, and the
 * As of field's type; in the next frame, its box.
 */
async function context(seedDates, viewport) {
  const s = await openPage(browser, { goto: false, viewport });
  await s.context.addInitScript(([k, v, dk, dv]) => {
    if (!sessionStorage.getItem('seeded')) {
      sessionStorage.setItem('seeded', '1');
      if (!localStorage.getItem(k)) localStorage.setItem(k, v);
      if (dv) localStorage.setItem(dk, typeof dv === 'string' ? dv : JSON.stringify({ languages: [navigator.language].concat(navigator.languages).join(','), months: dv }));
    }
    window.__formatters = 0;
    const DTF = Intl.DateTimeFormat;
    Intl.DateTimeFormat = function (...a) { window.__formatters += 1; return new DTF(...a); };
    Intl.DateTimeFormat.prototype = DTF.prototype;
    new MutationObserver((_, obs) => {
      const v = document.querySelector('#verdict-body .verdict');
      if (!v) return;
      obs.disconnect();
      const asOf = document.getElementById('as-of');
      window.__atVerdict = { formatters: window.__formatters, words: v.textContent, asOfType: asOf.type,
        rows: document.querySelectorAll('#acts-body li.activity').length, actions: document.querySelectorAll('#outlook-body li.next-item').length };
      requestAnimationFrame(() => {
        const r = asOf.getBoundingClientRect();
        window.__atVerdict.box = [r.x, r.y, r.width, r.height];
        window.__atVerdict.verdictY = v.getBoundingClientRect().y;
      });
    }).observe(document, { childList: true, subtree: true });
  }, [KEY, JSON.stringify({ plan: PLAN }), DATES, seedDates || null]);
  return s;
}

/** Opens index.html: in the context's first page (whose requests finish() checks), then in new ones. */
async function visit(s) {
  const page = s.visited ? await s.context.newPage() : s.page;
  if (s.visited) page.on('pageerror', (e) => s.pageErrors.push(e.message));
  s.visited = true;
  await page.goto(INDEX_URL);
  await page.waitForSelector('body[data-engine="ready"]');
  await drawn(page);
  await page.waitForFunction(() => window.__atVerdict && window.__atVerdict.box);
  return page;
}

const verdictWords = (page) => page.locator('#verdict-body .verdict').first().textContent();

test('a reopened plan: its first verdict is written with the date words kept from the first visit, no DateTimeFormat built before it', async () => {
  const s = await context();
  const first = await visit(s);
  const at1 = await first.evaluate(() => window.__atVerdict);
  assert.ok(at1.formatters >= 1, 'a first visit builds the formatter before its verdict');
  assert.match(at1.words, /Recertifies on 18 Mar 2027/);
  assert.match(at1.words, /new expiration 18 Mar 2030/);
  // Kept for the next visit: how en-GB writes 5 March 2001 (the day, the month's short name, the year).
  const kept = JSON.parse(await first.evaluate((k) => localStorage.getItem(k), DATES));
  assert.equal(kept.months.length, 12);
  assert.deepEqual(kept.months[2], [0, ' ', 'Mar', ' ', 1]);
  assert.deepEqual(kept.months[8], [0, ' ', 'Sept', ' ', 1]); // en-GB's short September

  const again = await visit(s);
  const at2 = await again.evaluate(() => window.__atVerdict);
  assert.equal(at2.formatters, 0, 'no DateTimeFormat before the reopened plan\'s first verdict');
  assert.equal(at2.words, at1.words, 'the same words as on the first visit');
  assert.ok(await again.evaluate(() => window.__formatters) >= 1, 'the formatter is built after the first paint, to check the kept words');
  assert.ok((await verdictWords(again)).startsWith(at1.words), 'and after the first paint (the timeline is drawn in the card then)');
  await finish(s);
});

test('kept date words that are no longer this browser\'s are drawn again with its own after the first paint', async () => {
  const wrong = Array.from({ length: 12 }, () => [0, ' ', 'Foo', ' ', 1]);
  const s = await context(wrong);
  const page = await visit(s);
  const at = await page.evaluate(() => window.__atVerdict);
  assert.equal(at.formatters, 0);
  assert.match(at.words, /Recertifies on 18 Foo 2027/, 'the first verdict uses the kept words (as on any reopening)');
  assert.match(await verdictWords(page), /Recertifies on 18 Mar 2027/);
  assert.doesNotMatch(await page.locator('body').textContent(), /Foo/, 'no kept word is left anywhere in the page');
  const kept = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), DATES));
  assert.deepEqual(kept.months[2], [0, ' ', 'Mar', ' ', 1], 'the browser\'s own words are kept instead');
  await finish(s);
});

for (const [what, seed] of [
  ['kept for other languages', JSON.stringify({ languages: 'fr-FR,fr-FR', months: Array.from({ length: 12 }, () => [0, ' ', 'Foo', ' ', 1]) })],
  ['not JSON', '{"languages'],
  ['of the wrong shape', JSON.stringify({ languages: 'en-GB,en-GB', months: [[0, ' ', 'Foo']] })],
]) {
  test(`date words ${what} are not used: the formatter is built before the first verdict`, async () => {
    const s = await context(seed);
    const page = await visit(s);
    const at = await page.evaluate(() => window.__atVerdict);
    assert.ok(at.formatters >= 1);
    assert.match(at.words, /Recertifies on 18 Mar 2027/);
    assert.doesNotMatch(await page.locator('body').textContent(), /Foo/);
    await finish(s);
  });
}

test('As of is a text field until the first verdict is painted, then the date input, in the same place and size, with its date', async () => {
  const s = await context();
  for (let i = 0; i < 2; i++) { // a first visit and a reopening
    const page = await visit(s);
    const at = await page.evaluate(() => window.__atVerdict);
    assert.equal(at.asOfType, 'text');
    const asOf = page.locator('#as-of');
    assert.equal(await asOf.getAttribute('type'), 'date');
    assert.equal(await asOf.inputValue(), PLAN.today);
    const box = await asOf.evaluate((el) => { const r = el.getBoundingClientRect(); return [r.x, r.y, r.width, r.height]; });
    assert.deepEqual(box, at.box, 'the field did not move or change size');
    await page.close();
  }
  await finish(s);
});

for (const [width, later] of [[1400, true], [1000, false], [390, false]]) {
  test(`startup at ${width}px: the activity rows are drawn ${later ? 'after the first paint (the verdict has its own column)' : 'with the verdict (they sit above it)'}; What to do next with it`, async () => {
    const s = await context(null, { width, height: 900 });
    const page = await visit(s);
    const at = await page.evaluate(() => window.__atVerdict);
    const rows = PLAN.activities.length; // examples/01: 4 activities, 5 actions to take
    assert.equal(at.rows, later ? 0 : rows);
    assert.equal(at.actions, 5);
    assert.equal(await page.locator('#acts-body li.activity').count(), rows);
    if (later) assert.equal(await page.locator('#verdict-body .verdict').first().evaluate((v) => v.getBoundingClientRect().y), at.verdictY, 'the verdict did not move when the rows came');
    await finish(s);
  });
}
