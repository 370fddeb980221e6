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
      window.__atVerdict = { formatters: window.__formatters, words: v.textContent, asOfType: asOf.type, asOfReadOnly: asOf.readOnly,
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

test('As of is a read-only text field until the first verdict is painted, then the date input, in the same place and size, with its date', async () => {
  const s = await context();
  for (let i = 0; i < 2; i++) { // a first visit and a reopening
    const page = await visit(s);
    const at = await page.evaluate(() => window.__atVerdict);
    assert.equal(at.asOfType, 'text');
    assert.equal(at.asOfReadOnly, true, 'nothing can be typed into the text field (it would be lost when it becomes a date input)');
    const asOf = page.locator('#as-of');
    assert.equal(await asOf.getAttribute('type'), 'date');
    assert.equal(await asOf.evaluate((el) => el.readOnly), false);
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

// Ten planned trainings: "What to do next" lists twenty actions (finish and claim each), more than
// fit beside the verdict's column head in a tall window.
const TEN = {
  format: 'ceplan-plan', version: 1, name: 'Ten trainings', today: '2026-11-29',
  certifications: [{ id: 'ccnp', name: 'CCNP Enterprise', level: 'professional', expires: '2027-09-30' }],
  activities: Array.from({ length: 10 }, (_, i) => ({
    id: 'a' + i, type: 'training', title: 'Course number ' + i, course: 'C' + i, version: '1.0', credits: 8 + i,
    completed: `2027-${String(1 + (i % 9)).padStart(2, '0')}-${String(1 + i).padStart(2, '0')}`, status: 'planned',
  })),
};

for (const [what, plan, viewport] of [
  ['example 01, 1400×1400', PLAN, { width: 1400, height: 1400 }],
  ['example 01, 1920×1200', PLAN, { width: 1920, height: 1200 }],
  ['ten trainings, 1400×1400', TEN, { width: 1400, height: 1400 }],
  ['ten trainings, 1000×900', TEN, { width: 1000, height: 900 }],
]) {
  test(`startup (${what}): what the first frame shows does not move when the rest comes (Layout Instability API)`, async () => {
    // Before: actions from the 9th on, rows and the first five recertifications were skipped by
    // content-visibility (drawn at a placeholder's height in the first frame, at their own in the
    // next: the verdict moved ~230 px, a shift score of 0.02), and the timeline, drawn after the
    // first paint, pushed the rollover and the footer ~240 px down.
    const s = await openPage(browser, { goto: false, viewport });
    await s.context.addInitScript((text) => {
      localStorage.setItem('ceplan.workspace.v1', text);
      window.__shifts = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__shifts.push({ value: e.value, moved: (e.sources || []).map((x) => (x.node && (x.node.id || x.node.className)) + ' ' + Math.round(x.previousRect.y) + '→' + Math.round(x.currentRect.y)) });
      }).observe({ type: 'layout-shift', buffered: true });
    }, JSON.stringify({ plan }));
    await s.goto();
    await s.page.waitForTimeout(300); // the timelines, drawn after the first paint
    assert.equal(await s.page.locator('figure.timeline svg').count() > 0, true);
    const shifts = await s.page.evaluate(() => window.__shifts);
    const score = shifts.reduce((n, x) => n + x.value, 0);
    assert.ok(score < 0.005, `layout shifts at startup, score ${score.toFixed(4)}: ${JSON.stringify(shifts)}`);
    await finish(s);
  });
}

test('a browser that writes dates in another calendar (th-TH, Buddhist era): nothing is kept, what was kept for other languages goes', async () => {
  const context = await browser.newContext({ locale: 'th-TH', timezoneId: 'UTC', viewport: { width: 1400, height: 1000 } });
  try {
    await context.addInitScript(([k, v, dk]) => {
      if (sessionStorage.getItem('seeded')) return;
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem(k, v);
      localStorage.setItem(dk, JSON.stringify({ languages: 'en-GB,en-GB', months: Array.from({ length: 12 }, () => [0, ' ', 'Foo', ' ', 1]) }));
    }, [KEY, JSON.stringify({ plan: PLAN }), DATES]);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(INDEX_URL);
    await page.waitForSelector('body[data-engine="ready"]');
    await drawn(page);
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), DATES), null);
    // 18 March 2027 in the Buddhist era is the year 2570: the page writes what Intl writes.
    const words = await page.evaluate(() => new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(2027, 2, 18))));
    assert.match(words, /2570/);
    assert.ok((await verdictWords(page)).includes(words), 'the verdict writes ' + words);
    assert.deepEqual(errors, []);
  } finally { await context.close(); }
});
