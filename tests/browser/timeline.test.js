// The timeline under each verdict: markers and lines for an example plan, with the
// values derived by hand from the plan (not copied from the engine's output); its text
// alternative; light, dark and print.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { launch, openPage, finish, planHash, exampleFiles } = require('./helpers');

let browser;
before(async () => { browser = await launch(); });
after(async () => { if (browser) await browser.close(); });

const example = (prefix) => exampleFiles().find((e) => e.file.startsWith(prefix));

/** Everything the chart says, read from its SVG. */
function readChart(page, cert) {
  return page.evaluate((id) => {
    const fig = document.querySelector(`figure.timeline[data-cert="${id}"]`);
    const svg = fig.querySelector('svg');
    const all = (sel) => Array.from(svg.querySelectorAll(sel));
    const markers = all('.tl-marker').map((g) => ({ kind: g.dataset.kind, on: g.dataset.on, x: +g.querySelector('line').getAttribute('x1') }));
    return {
      role: svg.getAttribute('role'),
      labelledby: (svg.getAttribute('aria-labelledby') || '').split(' ').map((i) => (document.getElementById(i) || {}).textContent || null),
      width: svg.getBoundingClientRect().width,
      figWidth: fig.clientWidth,
      markers,
      thresholds: all('.tl-threshold').map((g) => ({ credits: +g.dataset.credits, label: g.querySelector('text').textContent, y: +g.querySelector('line').getAttribute('y1') })),
      points: all('.tl-point').map((c) => ({ on: c.dataset.on, credits: +c.dataset.credits })),
      exams: all('.tl-exam').map((g) => ({ on: g.dataset.on, kind: g.dataset.kind })),
      cycles: all('.tl-cycle').map((r) => [r.dataset.start, r.dataset.end]),
      givenUp: all('.tl-given-up').map((g) => ({ from: g.dataset.from, to: g.dataset.to, days: +g.dataset.days })),
      labels: all('.tl-label text').map((t) => t.textContent),
      step: !!svg.querySelector('.tl-step'),
    };
  }, cert);
}

test('example 04 (two cycles, rollover): cycles, credits held, thresholds, recertifications, expirations', async () => {
  const ex = example('04');
  const s = await openPage(browser, { hash: planHash(ex.plan) });
  const { page } = s;
  const c = await readChart(page, 'ccnp_sec');

  // A CCNP (professional): paths 80 CE, or 40 CE + one professional exam (R2).
  assert.deepEqual(c.thresholds.map((t) => [t.credits, t.label]), [[40, '40 CE + exam'], [80, '80 CE']]);
  assert.ok(c.thresholds[1].y < c.thresholds[0].y, '80 is drawn above 40');

  // Cycles: 2024-04-30 (expiration − 3 years, R7) to 2027-04-30, closed by SCOR 64 + SVPN 40
  // = 104 >= 80 on 2027-02-19; the next to 2030-02-19, closed on 2029-06-14 by the 20 rolled
  // over + SISE 40 + SFWIPF 32 = 92; the last to 2032-06-14.
  assert.deepEqual(c.cycles, [['2024-04-30', '2027-04-30'], ['2027-02-19', '2030-02-19'], ['2029-06-14', '2032-06-14']]);
  // Days given up (R5): 2027-02-19 .. 2027-04-30 = 9 + 31 + 30 = 70; 2029-06-14 .. 2030-02-19 = 16+31+31+30+31+30+31+31+19 = 250.
  assert.deepEqual(c.givenUp, [{ from: '2027-02-19', to: '2027-04-30', days: 70 }, { from: '2029-06-14', to: '2030-02-19', days: 250 }]);

  // Credits held on each checking date: 64; 104 then 20 left after applying 84 (A2);
  // 20 + 40 = 60; 60 + 32 = 92 then 12 left after applying 80.
  assert.deepEqual(c.points.map((p) => [p.on, p.credits]), [
    ['2025-08-22', 64], ['2027-02-19', 104], ['2027-02-19', 20], ['2028-09-12', 60], ['2029-06-14', 92], ['2029-06-14', 12]]);
  assert.ok(c.step, 'a step line');

  const kinds = (k) => c.markers.filter((m) => m.kind === k).map((m) => m.on);
  assert.deepEqual(kinds('expiration'), ['2027-04-30']);
  assert.deepEqual(kinds('recertified'), ['2027-02-19', '2029-06-14']);
  assert.deepEqual(kinds('new-expiration'), ['2032-06-14']);
  assert.deepEqual(kinds('rollover-expiry'), ['2032-06-14'], 'the 12 rolled-over credits expire with the cycle they were carried into (C2)');
  assert.deepEqual(kinds('today'), ['2026-11-29']);
  assert.deepEqual(c.exams, []);
  // Later dates are further right.
  const x = (k, on) => c.markers.find((m) => m.kind === k && m.on === on).x;
  assert.ok(x('today', '2026-11-29') < x('recertified', '2027-02-19'));
  assert.ok(x('recertified', '2027-02-19') < x('expiration', '2027-04-30'));
  assert.ok(x('expiration', '2027-04-30') < x('recertified', '2029-06-14'));
  assert.ok(x('recertified', '2029-06-14') < x('new-expiration', '2032-06-14'));
  assert.ok(c.labels.includes('recertified 19 Feb 2027'), c.labels.join(' | '));
  assert.ok(c.labels.includes('valid through 14 Jun 2032'), c.labels.join(' | '));

  // The text alternative names the same facts.
  assert.equal(c.role, 'img');
  assert.equal(c.labelledby[0], 'Timeline of CCNP Security');
  assert.match(c.labelledby[1], /Cycle 1 from 30 Apr 2024 to 30 Apr 2027, recertified on 19 Feb 2027, giving up 70 days\./);
  assert.match(c.labelledby[1], /Thresholds: 40 CE \+ exam; 80 CE\./);
  assert.match(c.labelledby[1], /104 on 19 Feb 2027/);
  assert.match(c.labelledby[1], /Rolled-over credits: 12 expire after 14 Jun 2032\./);
  // Drawn at the width of its card.
  assert.ok(Math.abs(c.width - c.figWidth) <= 3, `svg ${c.width} px in a ${c.figWidth} px figure`);
  await finish(s);
});

test('example 01: the exam marker, and the exam path met on the exam date', async () => {
  const ex = example('01');
  const s = await openPage(browser, { hash: planHash(ex.plan) });
  const c = await readChart(s.page, 'ccnp');
  // 300-415 ENSDWI, a concentration exam, on 2027-03-18: 32 + 24 + 16 = 72 < 80, so the
  // 40 CE + exam path is met that day, 63 days before 2027-05-20; new expiration 2030-03-18.
  assert.deepEqual(c.exams, [{ on: '2027-03-18', kind: 'concentration' }]);
  const kinds = (k) => c.markers.filter((m) => m.kind === k).map((m) => m.on);
  assert.deepEqual(kinds('recertified'), ['2027-03-18']);
  assert.deepEqual(kinds('expiration'), ['2027-05-20']);
  assert.deepEqual(kinds('new-expiration'), ['2030-03-18']);
  assert.deepEqual(c.thresholds.map((t) => t.credits), [40, 80]);
  assert.deepEqual(c.points.filter((p) => p.on < '2027-03-18').map((p) => p.credits), [32, 56, 72]);
  assert.ok(c.labelledby[1].includes('Exams: concentration on 18 Mar 2027.'), c.labelledby[1]);
  await finish(s);
});

test('readable in dark mode, on a phone and in print', async () => {
  const ex = example('04');
  const colours = async (page) => page.evaluate(() => {
    const cs = (sel, prop) => getComputedStyle(document.querySelector(sel))[prop];
    return { step: cs('.tl-step', 'stroke'), label: cs('.tl-threshold-label', 'fill'), surface: getComputedStyle(document.body).backgroundColor };
  });
  const light = await openPage(browser, { hash: planHash(ex.plan) });
  const dark = await openPage(browser, { hash: planHash(ex.plan), colorScheme: 'dark', viewport: { width: 390, height: 844 } });
  const l = await colours(light.page);
  const d = await colours(dark.page);
  assert.notEqual(l.step, d.step, 'the step line follows the colour scheme');
  assert.notEqual(l.label, d.label);
  assert.notEqual(d.label, 'rgb(0, 0, 0)', 'labels are not black on dark');
  // On a phone the chart is redrawn at the card's width and nothing overflows the page.
  const c = await readChart(dark.page, 'ccnp_sec');
  assert.ok(c.width <= 390 && c.width > 250, `chart width ${c.width}`);
  assert.ok(await dark.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no horizontal scroll on a phone');
  // In print the chart is still there, with its lines.
  await light.page.emulateMedia({ media: 'print' });
  const printed = await light.page.evaluate(() => {
    const svg = document.querySelector('figure.timeline svg');
    const r = svg.getBoundingClientRect();
    return { w: r.width, h: r.height, visible: getComputedStyle(svg.closest('figure')).display !== 'none', stroke: getComputedStyle(svg.querySelector('.tl-step')).stroke };
  });
  assert.ok(printed.visible && printed.w > 200 && printed.h > 100, JSON.stringify(printed));
  assert.notEqual(printed.stroke, 'none');
  await finish(light);
  await finish(dark);
});
