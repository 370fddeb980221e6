// The timeline under each verdict: markers and lines for an example plan, with the
// values derived by hand from the plan (not copied from the engine's output); its text
// alternative; light, dark and print.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { launch, openPage, finish, planHash, exampleFiles } = require('./helpers');
const { expiringCreditsPlan } = require('./fixtures');

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
    const markers = all('.tl-marker').map((g) => ({
      kind: g.dataset.kind, on: g.dataset.on, x: +g.querySelector('line').getAttribute('x1'),
      credits: g.dataset.credits === undefined ? null : +g.dataset.credits, title: g.querySelector('title').textContent,
    }));
    // The held-credits line as the chart draws it: [date, credits held from that date on].
    const rc = window.Ceplan.app.state.result.certifications.find((c) => c.id === id);
    const line = window.Ceplan.timeline.model(rc, { today: window.Ceplan.app.state.result.today }).line.map((v) => [v.iso, v.credits]);
    return {
      role: svg.getAttribute('role'),
      labelledby: (svg.getAttribute('aria-labelledby') || '').split(' ').map((i) => (document.getElementById(i) || {}).textContent || null),
      width: svg.getBoundingClientRect().width,
      figWidth: fig.clientWidth,
      markers,
      thresholds: all('.tl-threshold').map((g) => ({ credits: +g.dataset.credits, label: (svg.querySelector(`.tl-threshold-label[data-credits="${g.dataset.credits}"]`) || {}).textContent, y: +g.querySelector('line').getAttribute('y1') })),
      points: all('.tl-point').map((c) => ({ on: c.dataset.on, credits: +c.dataset.credits })),
      exams: all('.tl-exam').map((g) => ({ on: g.dataset.on, kind: g.dataset.kind })),
      cycles: all('.tl-cycle').map((r) => [r.dataset.start, r.dataset.end]),
      givenUp: all('.tl-given-up').map((g) => ({ from: g.dataset.from, to: g.dataset.to, days: +g.dataset.days })),
      labels: all('.tl-label text').map((t) => t.textContent),
      notes: all('.tl-expiry-note').map((t) => t.textContent),
      step: !!svg.querySelector('.tl-step'),
      tail: !!svg.querySelector('.tl-tail'),
      line,
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
  // Rollover (A3, C2): on 2027-02-19 SCOR 64 + SVPN 40 = 104, 84 applied (A2), SVPN's
  // 20 left roll over, valid through 2027-02-19 + 3 years = 2030-02-19; they are applied
  // on 2029-06-14 (20 + 40 + 32 = 92, 80 applied), before they expire, so the line does
  // not step down on 2030-02-19. SFWIPF's 12 left roll over through 2032-06-14: the line
  // steps down to 0 there, the end of the last cycle.
  assert.deepEqual(kinds('rollover-expiry'), ['2032-06-14'], 'only the 12 rolled-over credits expire unused');
  assert.deepEqual(kinds('credit-expiry'), []);
  assert.equal(c.markers.find((m) => m.kind === 'rollover-expiry').credits, 12);
  assert.deepEqual(c.notes, ['12 expire']);
  assert.deepEqual(c.line, [
    ['2025-08-22', 64], ['2027-02-19', 104], ['2027-02-19', 20], ['2028-09-12', 60], ['2029-06-14', 92], ['2029-06-14', 12], ['2032-06-14', 0]]);
  assert.ok(c.tail, 'dashed after the last checking date');
  const recertTitle = (on) => c.markers.find((m) => m.kind === 'recertified' && m.on === on).title;
  assert.match(recertTitle('2027-02-19'), /20 credits roll over, valid through 19 Feb 2030/);
  assert.match(recertTitle('2029-06-14'), /12 credits roll over, valid through 14 Jun 2032/);
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
  assert.match(c.labelledby[1], /On 19 Feb 2027, 20 credits roll over, valid through 19 Feb 2030\. On 14 Jun 2029, 12 credits roll over, valid through 14 Jun 2032\./);
  assert.match(c.labelledby[1], /12 rolled-over credits expire unused after 14 Jun 2032\./);
  assert.doesNotMatch(c.labelledby[1], /expire unused after 19 Feb 2030/);
  // Drawn at the width of its card.
  assert.ok(Math.abs(c.width - c.figWidth) <= 3, `svg ${c.width} px in a ${c.figWidth} px figure`);
  await finish(s);
});

test('credits rolled over by an exam path expire unused before the next recertification (A3, C2)', async () => {
  // A CCNP valid through 2027-05-20 (cycle from 2024-05-20). Course A, 64 credits, on
  // 2025-08-22; a concentration exam on 2026-12-01: 64 >= 40, so the 40 CE + exam path is
  // met that day (80 CE is not: 64 < 80). 40 applied (eight increments of 5, A2), 24 left
  // roll over (A3), valid through 2025-08-22 + 3 years = 2028-08-22 (C2). New expiration
  // 2029-12-01. Nothing recertifies before 2028-08-22: the 24 expire unused, and course B's
  // 16 on 2029-01-10 are what is held after.
  const plan = {
    format: 'ceplan-plan', version: 1, today: '2026-11-29', name: 'Exam path, rollover expires',
    certifications: [{ id: 'ccnp', name: 'CCNP Enterprise', level: 'professional', expires: '2027-05-20' }],
    activities: [
      { id: 'a', type: 'training', title: 'Course A', course: 'AAA', version: '1.0', credits: 64, completed: '2025-08-22', status: 'validated', claimed_on: '2025-08-29' },
      { id: 'x', type: 'exam', exam: 'concentration', code: '300-415', title: 'ENSDWI', completed: '2026-12-01', status: 'planned' },
      { id: 'b', type: 'training', title: 'Course B', course: 'BBB', version: '1.0', credits: 16, completed: '2029-01-10', status: 'planned' },
    ],
  };
  const s = await openPage(browser, { hash: planHash(plan) });
  const c = await readChart(s.page, 'ccnp');
  assert.deepEqual(c.line, [['2025-08-22', 64], ['2026-12-01', 64], ['2026-12-01', 24], ['2028-08-22', 0], ['2029-01-10', 16]]);
  const expiries = c.markers.filter((m) => m.kind === 'rollover-expiry' || m.kind === 'credit-expiry');
  assert.deepEqual(expiries.map((m) => [m.kind, m.on, m.credits]), [['rollover-expiry', '2028-08-22', 24]], 'one mark for the 24, not one per source');
  assert.deepEqual(c.notes, ['24 expire']);
  assert.match(expiries[0].title, /24 rolled-over credits expire unused after 22 Aug 2028 \(C2\)/);
  assert.match(c.labelledby[1], /On 1 Dec 2026, 24 credits roll over, valid through 22 Aug 2028\. 24 rolled-over credits expire unused after 22 Aug 2028\./);
  const x = (k, on) => c.markers.find((m) => m.kind === k && m.on === on).x;
  assert.ok(x('recertified', '2026-12-01') < x('rollover-expiry', '2028-08-22') && x('rollover-expiry', '2028-08-22') < x('new-expiration', '2029-12-01'));
  await finish(s);
});

test('credits that expire unused between checking dates step the line down (C2)', async () => {
  // A CCNP valid through 2027-06-30. Course A 30 on 2023-09-01 (valid through 2026-09-01),
  // B 20 on 2025-03-01 (through 2028-03-01), C 24 planned on 2027-03-01: 30, then 50; A's 30
  // expire unused after 2026-09-01, so 20 are held until C brings 44 (< 80, no exam: at risk).
  const plan = expiringCreditsPlan('Expired credits');
  const s = await openPage(browser, { hash: planHash(plan) });
  const c = await readChart(s.page, 'ccnp');
  assert.deepEqual(c.points.map((p) => [p.on, p.credits]), [['2023-09-01', 30], ['2025-03-01', 50], ['2027-03-01', 44]]);
  assert.deepEqual(c.line, [['2023-09-01', 30], ['2025-03-01', 50], ['2026-09-01', 20], ['2027-03-01', 44]]);
  assert.deepEqual(c.markers.filter((m) => m.kind === 'credit-expiry').map((m) => [m.on, m.credits]), [['2026-09-01', 30]]);
  assert.deepEqual(c.markers.filter((m) => m.kind === 'rollover-expiry'), [], 'nothing rolled over: no recertification');
  assert.deepEqual(c.notes, ['30 expired'], 'before today (2026-11-29): past tense');
  assert.match(c.labelledby[1], /30 credits expired unused after 1 Sept 2026\./);
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

// The plan a tester found crowded: a CCIE with a CCNP and a CCNA, three 40-credit courses, so
// that the credits held (40, 80, 120) sit on the CCIE's thresholds (40, 80, 120 CE).
const CROWDED = {
  format: 'ceplan-plan', version: 1, today: '2026-11-29', name: 'Crowded timeline',
  certifications: [
    { id: 'c1', name: 'CCIE Enterprise Infrastructure', level: 'expert', expires: '2027-09-30' },
    { id: 'c2', name: 'CCNP Enterprise', level: 'professional', expires: '2028-02-15' },
    { id: 'c3', name: 'CCNA', level: 'associate', expires: '2027-06-30' },
  ],
  activities: [
    { id: 't1', type: 'training', title: 'ENARSI', course: 'ENARSI', version: '1.0', credits: 40, completed: '2025-04-14', status: 'claimed' },
    { id: 't2', type: 'training', title: 'ENSLD', course: 'ENSLD', version: '1.1', credits: 40, completed: '2026-02-09', status: 'claimed' },
    { id: 't3', type: 'training', title: 'ENSDWI', course: 'ENSDWI', version: '3.0', credits: 40, completed: '2027-03-19' },
  ],
};

/** Every chart's words with their boxes (getBBox, the chart's own units = px), and its year ticks. */
function chartWords(page) {
  return page.evaluate(() => Array.from(document.querySelectorAll('figure.timeline')).map((fig) => {
    const svg = fig.querySelector('svg');
    const words = Array.from(svg.querySelectorAll('text')).filter((t) => t.textContent.trim()).map((t) => {
      const b = t.getBBox();
      return { text: t.textContent, x: b.x, y: b.y, w: b.width, h: b.height };
    });
    return {
      cert: fig.dataset.cert, width: +svg.getAttribute('width'), height: +svg.getAttribute('height'), words,
      ticks: Array.from(svg.querySelectorAll('.tl-tick')).map((l) => l.dataset.year),
      years: Array.from(svg.querySelectorAll('.tl-year')).map((t) => t.textContent),
      thresholds: Array.from(svg.querySelectorAll('.tl-threshold-words')).map((g) => ({
        credits: +g.dataset.credits, text: g.querySelector('text').textContent, title: g.querySelector('title').textContent,
        label: svg.querySelector(`.tl-threshold[data-credits="${g.dataset.credits}"]`).dataset.label,
      })),
      desc: svg.querySelector('desc').textContent,
    };
  }));
}
const meet = (p, q) => p.x < q.x + q.w && q.x < p.x + p.w && p.y < q.y + q.h && q.y < p.y + p.h;

test('no two words in a timeline overlap, on a wide screen and on a phone, for every example', async () => {
  const plans = exampleFiles().map((e) => [e.file, e.plan]).concat([['crowded', CROWDED]]);
  for (const [viewport, colorScheme] of [[{ width: 1400, height: 1000 }, 'light'], [{ width: 390, height: 844 }, 'dark']]) {
    const s = await openPage(browser, { viewport, colorScheme });
    for (const [name, plan] of plans) {
      await s.goto(planHash(plan));
      const charts = await chartWords(s.page);
      assert.ok(charts.length > 0, `${name}: a chart`);
      for (const c of charts) {
        const where = `${name}, ${c.cert}, ${viewport.width} px`;
        for (let i = 0; i < c.words.length; i++) {
          const p = c.words[i];
          assert.ok(p.x >= 0 && p.x + p.w <= c.width && p.y >= 0 && p.y + p.h <= c.height, `${where}: “${p.text}” leaves the chart`);
          for (const q of c.words.slice(i + 1)) assert.ok(!meet(p, q), `${where}: “${p.text}” overlaps “${q.text}”`);
        }
        // The first year tick is labelled (moved in from the chart's edge when it must).
        assert.equal(c.years[0], c.ticks[0], `${where}: the first year tick is labelled`);
        // A threshold's words are its label or a shortened one (…), the label in their tooltip.
        for (const t of c.thresholds) {
          assert.ok(t.text === t.label || t.text.includes('…'), `${where}: “${t.text}” for “${t.label}”`);
          assert.ok(t.title.startsWith(t.label + ': '), `${where}: ${t.title}`);
        }
      }
    }
    await finish(s);
  }
});

test('on a phone, long threshold words are shortened, the full words in the tooltip and the desc', async () => {
  // Example 02: the CCNA below the CCIE shows the CCIE's paths (R1): 120 CE; 80 CE + an exam;
  // 40 CE + the core exam or 2 exams (R2). Its cycle runs from 2024-02-14 (2027-02-14 − 3 years)
  // and the chart to 2030-01-22 (the new expiration): padded by 3 % of 2169 days (65), it
  // starts on 2023-12-11, so its first year tick is 1 Jan 2024, at the chart's left edge.
  const ex = example('02');
  // (At 1100 px the verdict spans the page: the full words fit left of the credits line. In the
  // 400 px column of a 1400 px desktop they would cross its step up to 64: shortened; on a
  // phone only the shortest form fits left of that step, finding 17.)
  for (const [viewport, short] of [[{ width: 1100, height: 900 }, '40 CE + core exam or 2 exams (CCIE)'], [{ width: 1400, height: 1000 }, '40 CE + core exam… (CCIE)'], [{ width: 390, height: 844 }, '40 CE…']]) {
    const s = await openPage(browser, { viewport, hash: planHash(ex.plan) });
    const ccna = (await chartWords(s.page)).find((c) => c.cert === 'ccna');
    assert.deepEqual(ccna.years, ['2024', '2025', '2026', '2027', '2028', '2029', '2030']);
    const forty = ccna.thresholds.find((t) => t.credits === 40);
    assert.equal(forty.text, short);
    assert.match(forty.title, /^40 CE \+ core exam or 2 exams \(CCIE\): /);
    assert.match(ccna.desc, /Thresholds: 40 CE \+ core exam or 2 exams \(CCIE\); 80 CE \+ exam \(CCIE\); 120 CE \(CCIE\)\./);
    await finish(s);
  }
});

// Finding 17: in example 02 the CCNP and CCNA charts wrote "80 CE + exam (CCIE)" on the 88
// step of the credits line, against the value "88". No two words of a chart may meet, and no
// word may sit on the credits line (its steps and its dashed tail), at a desktop's, a
// phone's and the printed width.
test('example 02: no words meet each other or the credits line, on a desktop, a phone and in print', async () => {
  const plan = exampleFiles().find((e) => e.file.startsWith('02')).plan;
  const check = (page) => page.evaluate(() => [...document.querySelectorAll('svg.timeline-svg')].map((svg) => {
    const words = [...svg.querySelectorAll('text')].map((t) => { const b = t.getBBox(); return { s: t.textContent, a: b.x, b: b.x + b.width, t: b.y, u: b.y + b.height }; });
    const segs = [];
    for (const p of svg.querySelectorAll('path.tl-step, path.tl-tail')) {
      let cx = 0, cy = 0;
      const tok = p.getAttribute('d').match(/[MHVZ]|-?[\d.]+/g);
      for (let k = 0; k < tok.length; k++) {
        const cmd = tok[k];
        if (cmd === 'M') { cx = +tok[++k]; cy = +tok[++k]; continue; }
        if (cmd === 'Z') continue;
        const n = tok[++k];
        if (cmd === 'H') { segs.push({ a: Math.min(cx, +n), b: Math.max(cx, +n), t: cy - 0.5, u: cy + 0.5 }); cx = +n; }
        else if (cmd === 'V') { segs.push({ a: cx - 0.5, b: cx + 0.5, t: Math.min(cy, +n), u: Math.max(cy, +n) }); cy = +n; }
      }
    }
    const meet = (p, q) => p.a < q.b && q.a < p.b && p.t < q.u && q.t < p.u;
    const bad = [];
    words.forEach((p, i) => words.slice(i + 1).forEach((q) => { if (meet(p, q)) bad.push(p.s + ' × ' + q.s); }));
    words.forEach((p) => { if (segs.some((q) => meet(p, q))) bad.push(p.s + ' on the credits line'); });
    return { segs: segs.length, words: words.length, bad };
  }));
  const browserWidths = [{ width: 1400, height: 1000 }, { width: 1100, height: 900 }, { width: 390, height: 844 }];
  for (const viewport of browserWidths) {
    const s = await openPage(browser, { hash: planHash(plan), viewport });
    await s.page.waitForFunction(() => document.querySelectorAll('svg.timeline-svg').length === 3);
    const charts = await check(s.page);
    for (const c of charts) {
      assert.ok(c.segs >= 3 && c.words >= 5, JSON.stringify(c));
      assert.deepEqual(c.bad, [], viewport.width + 'px: ' + c.bad.join(', '));
    }
    if (viewport.width === 1400) {
      await s.page.emulateMedia({ media: 'print' });
      await s.page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
      for (const c of await check(s.page)) assert.deepEqual(c.bad, [], 'print: ' + c.bad.join(', '));
    }
    await finish(s);
  }
});
