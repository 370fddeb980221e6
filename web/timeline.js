// timeline.js: the per-certification chart under the verdict, drawn from the engine's
// `result.certifications[].timeline` (the engine decides, the page only draws):
// cycles as bands, the CE credits held toward the anchor as a step line, each CE path's
// threshold as a labelled horizontal line, exams as markers on the axis, and vertical
// markers for today, the expiration, each recertification, the new expiration and the
// dates credits expire unused (C2), where the step line steps down. Inline SVG built
// with createElementNS only; colours come from CSS variables (light, dark, print). The
// chart has a text alternative (<title>/<desc>) and is redrawn at its real width when
// that changes.
import { h, svg, uid as newUid } from './dom.js';
import * as F from './format.js';

const DAY = 86400000;
/** '2027-03-15' -> whole days since 1970-01-01 (calendar dates, no time zone). */
function dayNum(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso || ''));
  return m ? Math.round(Date.UTC(+m[1], +m[2] - 1, +m[3]) / DAY) : NaN;
}
function yearOf(day) { return new Date(day * DAY).getUTCFullYear(); }

// Short exam words for threshold labels ("40 CE + exam"); the long words are in the desc.
const EXAM_SHORT = {
  professional: '', core: 'core', concentration: 'concentration', associate: 'associate',
  expert_written: 'written', expert_lab: 'lab',
};
/** ['professional'] -> 'exam'; ['core'] -> 'core exam'; ['professional','professional'] -> '2 exams' */
function examsShort(exams) {
  const counts = new Map();
  let total = 0;
  for (const e of exams || []) { counts.set(e, (counts.get(e) || 0) + 1); total += 1; }
  if (!total) return '';
  const words = Array.from(counts, ([k, n]) => {
    const w = EXAM_SHORT[k] !== undefined ? EXAM_SHORT[k] : String(k).replace(/_/g, ' ');
    return w ? (n > 1 ? n + ' ' : '') + w : (n > 1 ? String(n) : '');
  }).filter(Boolean);
  return (words.join(' + ') + ' ' + (total > 1 ? 'exams' : 'exam')).trim();
}
/** A threshold's label: '80 CE', '40 CE + exam', '40 CE + 2 exams'. */
function thresholdLabel(t) {
  const ex = examsShort(t.exams);
  return t.credits + ' CE' + (ex ? ' + ' + ex : '');
}

/**
 * Threshold lines, one per credit value, their paths' labels merged:
 * [{credits, label, labels, paths}] e.g. label '40 CE + exam · 40 CE + core exam or 2 exams (CCIE)';
 * labels: the label then shorter forms for a crowded or narrow chart ('40 CE + exam…',
 * '40 CE…'), the full words staying in the tooltip and the desc.
 */
function thresholdLines(tl, rc, shortOf) {
  const by = new Map();
  for (const t of tl.thresholds || []) {
    if (!(t.credits > 0)) continue;
    if (!by.has(t.credits)) by.set(t.credits, []);
    by.get(t.credits).push(t);
  }
  return Array.from(by, ([credits, ts]) => {
    const vias = Array.from(new Set(ts.map((t) => t.via || rc.id))).sort((a, b) => (b === rc.id) - (a === rc.id));
    const parts = vias.map((via) => {
      const alts = Array.from(new Set(ts.filter((t) => (t.via || rc.id) === via).map((t) => examsShort(t.exams))));
      return { noExam: alts.includes(''), exams: alts.filter(Boolean), mark: via !== rc.id ? ' (' + shortOf(via) + ')' : '' };
    });
    const ce = credits + ' CE';
    const label = parts.map((p) => {
      const group = [];
      if (p.noExam) group.push(ce);
      if (p.exams.length) group.push(ce + ' + ' + p.exams.join(' or '));
      return group.join(' · ') + p.mark;
    }).join(' · ');
    const first = parts[0];
    const firstMore = parts.length > 1 || first.exams.length > 1 || (first.noExam && first.exams.length > 0);
    const compact = (first.noExam ? ce : ce + ' + ' + first.exams[0]) + (firstMore ? '…' : '') + first.mark;
    const short = label === ce ? ce : ce + '…';
    const labels = [label, compact, short].filter((l, i, all) => all.indexOf(l) === i);
    return { credits, label, labels, paths: ts };
  }).sort((a, b) => a.credits - b.credits);
}

// ----- words in the chart --------------------------------------------------------------
// Every word is given a box before it is drawn and goes only where its box meets no
// other word's box and no mark (a point, an exam, an expiry sign): the first place that
// is free, else a shorter form of the words, else none (the words stay in the tooltip
// and the desc). Boxes come from the chart's own font measured on a canvas, as the SVG
// draws it; without a canvas, from an estimate that errs wide.

let canvasCtx;
const metricsCache = new Map();
function fontFamily() {
  try { return getComputedStyle(document.body).fontFamily || 'sans-serif'; } catch (e) { return 'sans-serif'; }
}
/** metrics(text, size px, weight, family) -> {w, asc, desc} in px. */
function metrics(s, size, weight, family) {
  const k = family + '|' + weight + '|' + size + '|' + s;
  let m = metricsCache.get(k);
  if (m) return m;
  if (canvasCtx === undefined) {
    try { canvasCtx = document.createElement('canvas').getContext('2d'); } catch (e) { canvasCtx = null; }
  }
  m = { w: String(s).length * size * 0.68, asc: size, desc: size * 0.3 };
  if (canvasCtx) {
    canvasCtx.font = weight + ' ' + size + 'px ' + family;
    const t = canvasCtx.measureText(String(s));
    m = { w: t.width, asc: t.fontBoundingBoxAscent || m.asc, desc: t.fontBoundingBoxDescent || m.desc };
  }
  if (metricsCache.size > 4000) metricsCache.clear();
  metricsCache.set(k, m);
  return m;
}

/** The box {a, b, t, u} (left, right, top, bottom) of words measured m written at (x, baseline y). */
function boxAt(m, x, y, anchor) {
  const a = anchor === 'end' ? x - m.w : anchor === 'middle' ? x - m.w / 2 : x;
  return { a, b: a + m.w, t: y - m.asc, u: y + m.desc };
}
const meets = (p, q, gap) => p.a < q.b + gap && q.a < p.b + gap && p.t < q.u + gap && q.t < p.u + gap;

/** The boxes taken so far (a mark's box: {a, b, t, u, gap: 0.5}, words keep closer to it). */
// The boxes are also filed by 32 px columns of the chart (a box under every column its
// reach, with its gap, touches), so that free() looks only at the boxes near it: a chart of
// hundreds of credit points stays linear (issue 6) and gives the same answers as a full scan.
function Taken() {
  const list = [];
  const COL = 32;
  const columns = new Map();
  const gapOf = (o) => (o.gap === undefined ? GAP : o.gap);
  const finite = (o) => Number.isFinite(o.a) && Number.isFinite(o.b) && o.b - o.a < 1e5;
  const wide = []; // boxes whose reach cannot be filed (not finite): always checked
  return {
    list,
    add(box) {
      list.push(box);
      const g = gapOf(box);
      if (!finite(box) || !Number.isFinite(g)) { wide.push(box); return box; }
      for (let k = Math.floor((box.a - g) / COL), end = Math.floor((box.b + g) / COL); k <= end; k++) {
        const c = columns.get(k);
        if (c) c.push(box); else columns.set(k, [box]);
      }
      return box;
    },
    free(box) {
      if (wide.some((o) => meets(box, o, gapOf(o)))) return false;
      if (!finite(box)) return list.every((o) => !meets(box, o, gapOf(o)));
      for (let k = Math.floor(box.a / COL), end = Math.floor(box.b / COL); k <= end; k++) {
        const c = columns.get(k);
        if (c && c.some((o) => meets(box, o, gapOf(o)))) return false;
      }
      return true;
    },
  };
}

const GAP = 2; // px between words (their 3 px halo reaches 1.5 px out)

/**
 * Greedy placement of the markers' labels in rows above the plot (row 0 is nearest to
 * it): each label goes beside its line, to the right if there is room, else to the
 * left, in the first row where it overlaps nothing. Important markers are placed first.
 * Sets l.row, l.tx, l.anchor; returns the number of rows used.
 */
const PRIORITY = { recertified: 0, expiration: 1, 'new-expiration': 2, today: 3 };
function placeLabels(labels, left, right, width, maxRows) {
  const rows = [];
  const sorted = labels.slice().sort((a, b) => (PRIORITY[a.kind] - PRIORITY[b.kind]) || a.x - b.x);
  const fits = (row, a, b) => (rows[row] || []).every((o) => b + 6 <= o.a || a >= o.b + 6);
  for (const l of sorted) {
    const w = width(l.text);
    const options = [];
    for (let r = 0; r < maxRows; r++) {
      options.push({ r, a: l.x + 3, b: l.x + 3 + w, anchor: 'start', tx: l.x + 3 });
      options.push({ r, a: l.x - 3 - w, b: l.x - 3, anchor: 'end', tx: l.x - 3 });
    }
    const ok = options.find((o) => o.a >= left && o.b <= right && fits(o.r, o.a, o.b));
    if (!ok) { l.row = null; continue; } // no room: the line stays, its words are in the tooltip and the desc
    while (rows.length <= ok.r) rows.push([]);
    rows[ok.r].push({ a: ok.a, b: ok.b });
    l.row = ok.r; l.tx = ok.tx; l.anchor = ok.anchor;
  }
  return rows.length;
}

// ----- the chart ---------------------------------------------------------------------

// Font sizes and weights, as whatif.css draws them.
const FONT = {
  marker: [10.5, 650], threshold: [10.5, 600], value: [10, 600], note: [10, 600], year: [10.5, 400],
};

/**
 * draw(data, width) -> <svg>. data: the prepared model (see model()).
 */
function draw(d, width) {
  const W = Math.max(260, Math.round(width));
  const narrow = W < 420;
  const family = fontFamily();
  const measure = (kind, s) => metrics(String(s), FONT[kind][0], FONT[kind][1], family);
  const left = 8, right = W - 8;
  const x = (day) => left + ((day - d.from) / (d.to - d.from)) * (right - left);
  for (const m of d.markers) { m.x = x(m.day); m.row = null; }
  const labelRows = placeLabels(d.markers.filter((m) => m.text), left, right, (s) => measure('marker', s).w, 3);
  const ROW = 14;
  const top = 6 + labelRows * ROW + 4;
  const rowY = (r) => top - 6 - r * ROW; // a label row's baseline
  const plotH = narrow ? 118 : 138;
  const bottom = top + plotH;
  const H = bottom + 30;

  const y = (credits) => bottom - (credits / d.yMax) * plotH;

  const root = svg('svg', {
    class: 'timeline-svg', viewBox: '0 0 ' + W + ' ' + H, width: W, height: H,
    role: 'img', 'aria-labelledby': d.titleId + ' ' + d.descId, focusable: 'false',
    'data-from': d.fromIso, 'data-to': d.toIso,
  });
  const title = svg('title', { id: d.titleId });
  title.textContent = d.title;
  const desc = svg('desc', { id: d.descId });
  desc.textContent = d.desc;
  root.appendChild(title);
  root.appendChild(desc);

  const tip = (el, text) => { const t = svg('title'); t.textContent = text; el.appendChild(t); return el; };
  const text = (attrs, s) => { const t = svg('text', attrs); t.textContent = s; return t; };

  // What words must keep clear of: the markers' labels (placed above), then the marks.
  const taken = Taken();
  for (const m of d.markers) if (m.text && m.row !== null) taken.add(boxAt(measure('marker', m.text), m.tx, rowY(m.row), m.anchor));
  const around = (cx, cy, r) => ({ a: cx - r, b: cx + r, t: cy - r, u: cy + r, gap: 0.5 });
  for (const s of d.steps) taken.add(around(x(s.day), y(s.credits), 3.5));
  for (const m of d.markers) {
    if (m.kind === 'recertified') taken.add(around(m.x, y(m.credits || 0), 5));
    if (m.held !== undefined) taken.add({ a: m.x - 4.5, b: m.x + 4.5, t: y(m.held) - 10, u: y(m.held) - 2, gap: 0.5 });
  }
  for (const e of d.exams) taken.add({ a: x(e.day) - 5.5, b: x(e.day) + 5.5, t: bottom - 6.5, u: bottom + 6, gap: 0 });
  // The credits line itself (its steps and its tail): words never sit on it (finding 17: a
  // threshold's words on the 88 step of example 02, beside its value).
  if (d.steps.length) {
    let px = x(d.from), held = 0;
    const end = x(Math.max(d.tailEnd || d.from, d.steps[d.steps.length - 1].day));
    for (const v of d.line.concat([{ day: null, credits: null }])) {
      const vx = v.day === null ? end : x(v.day);
      if (held > 0 && vx > px) taken.add({ a: px, b: vx, t: y(held) - 1, u: y(held) + 1, gap: 0.5 });
      if (v.day === null) break;
      if (v.credits !== held) taken.add({ a: vx - 1, b: vx + 1, t: Math.min(y(held), y(v.credits)), u: Math.max(y(held), y(v.credits)), gap: 0.5 });
      px = vx; held = v.credits;
    }
  }
  const inPlot = (b) => b.a >= 2 && b.b <= W - 2 && b.t >= top - 2 && b.u <= bottom - 1;

  // Cycles: alternating bands; the part given up by an early recertification (R5) is hatched.
  const defs = svg('defs', null,
    svg('pattern', { id: d.hatchId, width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
      svg('line', { x1: 0, y1: 0, x2: 0, y2: 6, class: 'tl-hatch-line' })));
  root.appendChild(defs);
  const bands = svg('g', { class: 'tl-cycles' });
  d.cycles.forEach((c, i) => {
    const x0 = x(Math.max(c.start, d.from));
    const x1 = x(Math.min(c.closed, d.to));
    bands.appendChild(tip(svg('rect', {
      class: 'tl-cycle' + (i % 2 ? ' odd' : ''), x: x0, y: top, width: Math.max(0, x1 - x0), height: plotH,
      'data-start': c.startIso, 'data-end': c.endIso,
    }), 'Cycle ' + (i + 1) + ': ' + F.formatDate(c.startIso) + ' – ' + F.formatDate(c.endIso) +
      (c.recertIso ? ', recertified on ' + F.formatDate(c.recertIso) : '')));
    if (c.recertIso && c.end > c.recert) {
      const gx0 = x(c.recert), gx1 = x(Math.min(c.end, d.to));
      const g = svg('g', { class: 'tl-given-up', 'data-from': c.recertIso, 'data-to': c.endIso, 'data-days': String(c.end - c.recert) });
      g.appendChild(svg('rect', { x: gx0, y: top, width: Math.max(0, gx1 - gx0), height: plotH, fill: 'url(#' + d.hatchId + ')', class: 'tl-given-up-area' }));
      tip(g, F.plural(c.end - c.recert, 'day') + ' of validity given up (R5): ' + F.formatDate(c.recertIso) + ' – ' + F.formatDate(c.endIso));
      bands.appendChild(g);
    }
  });
  root.appendChild(bands);

  // Axis: a baseline and a tick per year, labelled every year or every few years when
  // crowded, the first tick always among them; a label near the chart's edge moves in
  // (by less than half its width: its tick stays under it).
  const axis = svg('g', { class: 'tl-axis' });
  axis.appendChild(svg('line', { x1: left, x2: right, y1: bottom, y2: bottom, class: 'tl-baseline' }));
  const y0 = yearOf(d.from) + 1, y1 = yearOf(d.to);
  const pxPerYear = ((right - left) * 365.25) / (d.to - d.from);
  const yearW = measure('year', '0000').w;
  const step = Math.max(1, Math.ceil((yearW + 8) / pxPerYear));
  for (let yr = y0; yr <= y1; yr++) {
    const day = dayNum(yr + '-01-01');
    const tx = x(day);
    axis.appendChild(svg('line', { x1: tx, x2: tx, y1: bottom, y2: bottom + 4, class: 'tl-tick', 'data-year': String(yr) }));
    if ((yr - y0) % step) continue;
    const m = measure('year', yr);
    const lx = Math.min(Math.max(tx, m.w / 2 + 1), W - 1 - m.w / 2);
    const box = boxAt(m, lx, bottom + 16, 'middle');
    if (Math.abs(lx - tx) < m.w / 2 - 1 && taken.free(box)) {
      taken.add(box);
      axis.appendChild(text({ x: lx, y: bottom + 16, class: 'tl-year', 'text-anchor': 'middle', 'data-year': String(yr) }, String(yr)));
    }
  }
  root.appendChild(axis);

  // Where each value would be written (right of its point, above it): a threshold's
  // words go elsewhere when they can.
  const onRecert = (s) => d.markers.some((m) => m.kind === 'recertified' && m.day === s.day && (m.credits || 0) === s.credits);
  const wanted = d.steps.map((s) => { const r = onRecert(s) ? 6 : 4; return boxAt(measure('value', s.credits), x(s.day) + r, y(s.credits) - r - 1, 'start'); });

  // Thresholds: dashed lines, their words above the line at the left where the step
  // line is low, else further right, else below the line; the full words if they take
  // at most three fifths of the plot's width (seven tenths on a wide chart), else shorter ones.
  const ths = svg('g', { class: 'tl-thresholds' });
  const thLabels = svg('g', { class: 'tl-threshold-labels' }); // drawn with the other words, last
  const maxW = (right - left) * (narrow ? 0.6 : 0.7);
  for (const t of d.thresholds) {
    const ty = y(t.credits);
    const g = svg('g', { class: 'tl-threshold', 'data-credits': String(t.credits), 'data-label': t.label });
    g.appendChild(svg('line', { x1: left, x2: right, y1: ty, y2: ty, class: 'tl-threshold-line' }));
    let best = null;
    t.labels.forEach((label, level) => {
      const m = measure('threshold', label);
      if (m.w > maxW && level < t.labels.length - 1) return;
      for (const [below, ly] of [[0, ty - 3], [1, ty + 4.5 + m.asc]]) {
        const xs = new Set([left + 4, right - 4 - m.w]);
        for (const o of taken.list.concat(wanted)) if (o.t < ly + m.desc + GAP && o.u > ly - m.asc - GAP) xs.add(o.b + GAP + 4);
        for (const lx of xs) {
          const box = boxAt(m, lx, ly, 'start');
          if (box.a < left + 4 || box.b > right - 4 || !inPlot(box) || !taken.free(box)) continue;
          const cost = level * 1000 + below * 40 + (lx - left - 4) / 4 + 60 * wanted.filter((o) => meets(box, o, GAP)).length;
          if (!best || cost < best.cost) best = { cost, label, lx, ly, box };
        }
      }
    });
    const words = t.label + ': ' + t.paths.map((p) => F.pathText(p)).join(' or ') + ' (R2)';
    if (best) {
      taken.add(best.box);
      thLabels.appendChild(tip(svg('g', { class: 'tl-threshold-words', 'data-credits': String(t.credits) },
        text({ x: best.lx, y: best.ly, class: 'tl-threshold-label', 'data-credits': String(t.credits) }, best.label)), words));
    }
    tip(g, words);
    ths.appendChild(g);
  }
  root.appendChild(ths);

  // Credits held: a step line through the checking dates and the expiries between them
  // (solid), then dashed after the last checking date (the tail), still stepping down.
  let values = null;
  if (d.steps.length) {
    const lastDay = d.steps[d.steps.length - 1].day;
    let path = 'M' + x(d.from).toFixed(1) + ' ' + y(0).toFixed(1);
    let tail = null;
    let held = 0;
    for (const v of d.line) {
      if (v.day > lastDay && tail === null) tail = 'M' + x(lastDay).toFixed(1) + ' ' + y(held).toFixed(1);
      const seg = ' H' + x(v.day).toFixed(1) + ' V' + y(v.credits).toFixed(1);
      if (tail === null) path += seg; else tail += seg;
      held = v.credits;
    }
    if (tail === null) tail = 'M' + x(lastDay).toFixed(1) + ' ' + y(held).toFixed(1);
    tail += ' H' + x(d.tailEnd).toFixed(1);
    const lastX = x(lastDay);
    root.appendChild(svg('path', { d: path + ' H' + lastX.toFixed(1) + ' V' + y(0).toFixed(1) + ' Z', class: 'tl-area' }));
    root.appendChild(svg('path', { d: path, class: 'tl-step' }));
    if (d.tailEnd > lastDay) root.appendChild(svg('path', { d: tail, class: 'tl-tail' }));
    // The value at each checking date, where there is room for it (right or left of its
    // point, above or below it): the latest values and the peaks (what was held when a
    // path was met) first.
    const vals = svg('g', { class: 'tl-values' });
    values = svg('g', { class: 'tl-value-labels' });
    const order = d.steps.map((s, i) => i).sort((i, j) => {
      const peak = (k) => (d.steps[k + 1] && d.steps[k + 1].day === d.steps[k].day ? 1 : 0);
      return (peak(j) - peak(i)) || (j - i);
    });
    const spots = new Map();
    for (const i of order) {
      const s = d.steps[i];
      const px = x(s.day), py = y(s.credits);
      const m = measure('value', s.credits);
      const r = onRecert(s) ? 6 : 4; // clear of the point, or of the bigger recertification dot
      const spot = [[px + r, py - r - 1, 'start'], [px - r, py - r - 1, 'end'], [px + r, py + r + m.asc, 'start'], [px - r, py + r + m.asc, 'end']]
        .map(([tx, ty, anchor]) => ({ tx, ty, anchor, box: boxAt(m, tx, ty, anchor) }))
        .find((o) => inPlot(o.box) && taken.free(o.box));
      if (spot) { taken.add(spot.box); spots.set(i, spot); }
    }
    d.steps.forEach((s, i) => {
      const dot = svg('circle', { cx: x(s.day), cy: y(s.credits), r: 2.6, class: 'tl-point', 'data-on': s.iso, 'data-credits': String(s.credits) });
      tip(dot, F.plural(s.credits, 'credit') + ' held on ' + F.formatDate(s.iso));
      vals.appendChild(dot);
      const spot = spots.get(i);
      if (spot) values.appendChild(text({ x: spot.tx, y: spot.ty, 'text-anchor': spot.anchor, class: 'tl-value', 'data-on': s.iso }, String(s.credits)));
    });
    root.appendChild(vals);
  }

  // Exams: diamonds on the baseline (appended after the markers).
  const ex = svg('g', { class: 'tl-exams' });
  for (const e of d.exams) {
    const ex0 = x(e.day);
    const g = svg('g', { class: 'tl-exam', 'data-on': e.iso, 'data-kind': e.kind });
    g.appendChild(svg('path', { d: 'M' + ex0 + ' ' + (bottom - 6) + ' l5 6 l-5 6 l-5 -6 z', class: 'tl-exam-mark' }));
    tip(g, F.examKindLabel(e.kind) + ' exam on ' + F.formatDate(e.iso));
    ex.appendChild(g);
  }

  // Vertical markers, then their labels above the plot.
  const mk = svg('g', { class: 'tl-markers' });
  const labels = svg('g', { class: 'tl-marker-labels' });
  for (const m of d.markers) {
    const mx = m.x;
    const g = svg('g', { class: 'tl-marker k-' + m.kind, 'data-kind': m.kind, 'data-on': m.iso, 'data-credits': m.held !== undefined ? m.credits : null });
    const expiry = m.held !== undefined;
    const y1 = expiry ? y(m.held) - 9 : m.row === null ? top : rowY(m.row) - 9;
    g.appendChild(svg('line', { x1: mx, x2: mx, y1, y2: bottom, class: 'tl-marker-line' }));
    if (m.kind === 'recertified') g.appendChild(svg('circle', { cx: mx, cy: y(m.credits || 0), r: 4, class: 'tl-recert-dot' }));
    if (expiry) {
      // Credits expiring: a mark above the step down, and its words beside it ('12
      // expire') where they meet no other words; else they are in the tooltip and the desc.
      const my = y(m.held);
      g.appendChild(svg('path', { d: 'M' + (mx - 4) + ' ' + (my - 9) + ' h8 l-4 6 z', class: 'tl-expiry-mark' }));
      const nm = measure('note', m.note);
      const spot = [[mx + 7, 'start'], [mx - 7, 'end']]
        .map(([tx, anchor]) => ({ tx, anchor, box: boxAt(nm, tx, my - 4, anchor) }))
        .find((o) => inPlot(o.box) && taken.free(o.box));
      if (spot) {
        taken.add(spot.box);
        labels.appendChild(tip(svg('g', { class: 'tl-label k-' + m.kind, 'data-kind': m.kind, 'data-on': m.iso },
          text({ x: spot.tx, y: my - 4, 'text-anchor': spot.anchor, class: 'tl-expiry-note' }, m.note)), m.long));
      }
    }
    tip(g, m.long);
    mk.appendChild(g);
    if (m.row !== null) {
      labels.appendChild(tip(svg('g', { class: 'tl-label k-' + m.kind, 'data-kind': m.kind, 'data-on': m.iso },
        text({ x: m.tx, y: rowY(m.row), 'text-anchor': m.anchor, class: 'tl-marker-label' }, m.text)), m.long));
    }
  }
  root.appendChild(mk);
  root.appendChild(ex); // exams above the marker lines that may cross them
  // The words last: their halo hides the lines that pass behind them.
  root.appendChild(thLabels);
  if (values) root.appendChild(values);
  root.appendChild(labels);
  return root;
}

/** '20 credits roll over, valid through 19 Feb 2030' (one rollover, A3; C2). */
function rolledText(ro) {
  const parts = (ro.expires || []).filter((e) => e.credits > 0);
  const through = parts.length === 1 ? ', valid through ' + F.formatDate(parts[0].on)
    : parts.length > 1 ? ': ' + parts.map((e) => e.credits + ' valid through ' + F.formatDate(e.on)).join(', ') : '';
  return F.plural(ro.credits, 'credit') + ' roll' + (ro.credits === 1 ? 's' : '') + ' over' + through;
}

/** The chart's model from the engine's result: everything in day numbers, plus words. */
function model(rc, opts) {
  const tl = rc && rc.timeline;
  if (!tl || !Array.isArray(tl.cycles) || !tl.cycles.length) return null;
  const nameOf = opts.nameOf || ((id) => id);
  // 'CCIE Enterprise Infrastructure' -> 'CCIE' for labels drawn inside the chart.
  const shortOf = (id) => {
    const n = String(nameOf(id) || id);
    const first = n.split(/\s+/)[0];
    return /^[A-Z0-9]{3,}$/.test(first) ? first : n.length <= 14 ? n : String(id);
  };
  const certLabel = nameOf(rc.id);
  const cycles = tl.cycles.map((c) => ({
    start: dayNum(c.start), end: dayNum(c.end), startIso: c.start, endIso: c.end,
    recert: c.recertified_on ? dayNum(c.recertified_on) : null, recertIso: c.recertified_on || null,
    closed: c.recertified_on ? dayNum(c.recertified_on) : dayNum(c.end),
  })).filter((c) => Number.isFinite(c.start) && Number.isFinite(c.end));
  if (!cycles.length) return null;
  const steps = (tl.points || []).map((p) => ({ day: dayNum(p.on), iso: p.on, credits: Math.max(0, p.credits | 0), anchor: p.anchor }))
    .filter((p) => Number.isFinite(p.day));
  const exams = (tl.exams || []).map((e) => ({ day: dayNum(e.on), iso: e.on, kind: e.kind, activity: e.activity })).filter((e) => Number.isFinite(e.day));
  const recerts = (rc.recertifications || []).filter((r) => Number.isFinite(dayNum(r.on)));
  const thresholds = thresholdLines(tl, rc, shortOf);

  const last = steps[steps.length - 1];

  const today = dayNum(opts.today);
  const finalEnd = dayNum(rc.expires);
  const firstEnd = cycles[0].end;
  const candidatesFrom = [cycles[0].start].concat(steps.map((s) => s.day), exams.map((e) => e.day));
  const candidatesTo = [cycles[cycles.length - 1].end, finalEnd].concat(steps.map((s) => s.day));
  if (Number.isFinite(today)) { candidatesFrom.push(today); candidatesTo.push(today); }
  let from = Math.min(...candidatesFrom.filter(Number.isFinite));
  let to = Math.max(...candidatesTo.filter(Number.isFinite));
  const pad = Math.max(20, Math.round((to - from) * 0.03));
  from -= pad; to += pad;

  const maxCredits = Math.max(1, ...thresholds.map((t) => t.credits), ...steps.map((s) => s.credits));
  const yMax = Math.ceil((maxCredits * 1.15) / 10) * 10;

  // The tail after the last checking date runs to the end of the cycle it is in.
  const lastCycle = cycles[cycles.length - 1];
  const tailEnd = last ? Math.max(last.day, rc.status === 'will_expire' ? Math.min(finalEnd, lastCycle.end) : lastCycle.end) : null;

  // Credits that expire unused (C2), as the engine reports them: `timeline.expiries`
  // (what expired while it was still checking dates) and each recertification's
  // `rollover.expires` (what it carried into the next cycle, A3). A rolled-over part
  // is still held on its last valid day unless a later recertification that carries
  // credits comes first: that one applied it, or carried it again in its own rollover.
  // When both name a date, they count the same credits: the larger number is kept.
  const byDay = new Map();
  const on = (iso) => {
    const day = dayNum(iso);
    if (!Number.isFinite(day)) return null;
    if (!byDay.has(day)) byDay.set(day, { day, iso, expired: 0, rolled: 0 });
    return byDay.get(day);
  };
  for (const e of tl.expiries || []) { const o = on(e.on); if (o) o.expired += Math.max(0, e.credits | 0); }
  const carried = recerts.filter((r) => r.rollover);
  carried.forEach((r, i) => {
    const next = carried[i + 1];
    for (const e of r.rollover.expires || []) {
      if (next && e.on >= next.on) continue;
      const o = on(e.on);
      if (o) o.rolled += Math.max(0, e.credits | 0);
    }
  });
  const expiries = Array.from(byDay.values())
    .map((o) => ({ day: o.day, iso: o.iso, credits: Math.max(o.expired, o.rolled), rolled: o.rolled }))
    .filter((e) => e.credits > 0 && last && e.day >= steps[0].day && e.day <= tailEnd)
    .sort((a, b) => a.day - b.day);

  // The line: each checking date sets what is held, each expiry takes its credits away
  // (a checking date on an expiry's last valid day still counts them: it comes first).
  const line = steps.map((s) => ({ day: s.day, iso: s.iso, set: s.credits }))
    .concat(expiries.map((e) => ({ day: e.day, iso: e.iso, drop: e })))
    .sort((a, b) => a.day - b.day || !!a.drop - !!b.drop);
  let held = 0;
  for (const v of line) {
    if (v.drop) { v.drop.held = held; held = Math.max(0, held - v.drop.credits); } else held = v.set;
    v.credits = held;
  }

  const markers = [];
  const add = (kind, day, iso, short, long, extra) => { if (Number.isFinite(day)) markers.push(Object.assign({ kind, day, iso, text: short, long }, extra || {})); };
  const heldOn = (day) => { let v = 0; for (const s of steps) if (s.day <= day) v = s.credits; return v; };
  if (Number.isFinite(today) && today >= from && today <= to) add('today', today, opts.today, 'today', 'Today (as of the plan): ' + F.formatDate(opts.today));
  const recertified = recerts.length > 0;
  add('expiration', firstEnd, cycles[0].endIso,
    recertified ? 'was due ' + F.formatDate(cycles[0].endIso) : 'valid through ' + F.formatDate(cycles[0].endIso),
    (recertified ? 'Expiration before recertifying: valid through ' : 'Valid through ') + F.formatDate(cycles[0].endIso));
  for (const r of recerts) {
    const day = dayNum(r.on);
    const peak = steps.filter((s) => s.day === day).reduce((m, s) => Math.max(m, s.credits), heldOn(day));
    add('recertified', day, r.on, 'recertified ' + F.formatDate(r.on),
      'Recertified on ' + F.formatDate(r.on) + ' by ' + F.pathText(r.path) + ', new expiration ' + F.formatDate(r.new_expires) +
      (r.rollover && r.rollover.credits > 0 ? '; ' + rolledText(r.rollover) + ' (A3, C2)' : ''), { credits: peak });
  }
  if (recertified && Number.isFinite(finalEnd) && finalEnd !== firstEnd) {
    add('new-expiration', finalEnd, rc.expires, 'valid through ' + F.formatDate(rc.expires), 'Valid through ' + F.formatDate(rc.expires) + ' after this plan');
  }
  for (const e of expiries) {
    const verb = Number.isFinite(today) && e.day < today ? ' expired' : ' expire';
    const words = e.rolled === e.credits ? F.plural(e.credits, 'rolled-over credit')
      : F.plural(e.credits, 'credit') + (e.rolled ? ' (' + e.rolled + ' rolled over)' : '');
    e.sentence = words + verb + ' unused after ' + F.formatDate(e.iso);
    add(e.rolled ? 'rollover-expiry' : 'credit-expiry', e.day, e.iso, null,
      e.sentence + ' (C2)', { held: e.held, credits: e.credits, note: e.credits + verb });
  }
  // Today's label is the least important: it yields its place to the others.
  markers.sort((a, b) => (a.kind === 'today') - (b.kind === 'today'));

  // The text alternative: the same facts in sentences.
  const sentences = [];
  cycles.forEach((c, i) => {
    sentences.push('Cycle ' + (i + 1) + ' from ' + F.formatDate(c.startIso) + ' to ' + F.formatDate(c.endIso) +
      (c.recertIso ? ', recertified on ' + F.formatDate(c.recertIso) + (c.end > c.recert ? ', giving up ' + F.plural(c.end - c.recert, 'day') : '') : '') + '.');
  });
  if (thresholds.length) sentences.push('Thresholds: ' + thresholds.map((t) => t.label).join('; ') + '.');
  if (steps.length) {
    const anchors = Array.from(new Set(steps.map((s) => s.anchor).filter((a) => a && a !== rc.id)));
    sentences.push('Credits held' + (anchors.length ? ' toward ' + anchors.map(nameOf).join(', ') : '') + ': ' +
      steps.map((s) => s.credits + ' on ' + F.formatDate(s.iso)).join(', ') + '.');
  } else sentences.push('No CE credits held in these cycles.');
  if (exams.length) sentences.push('Exams: ' + exams.map((e) => F.examKindLabel(e.kind).toLowerCase() + ' on ' + F.formatDate(e.iso)).join(', ') + '.');
  for (const r of carried) if (r.rollover.credits > 0) sentences.push('On ' + F.formatDate(r.on) + ', ' + rolledText(r.rollover) + '.');
  for (const e of expiries) sentences.push(e.sentence + '.');
  sentences.push((rc.status === 'will_expire' ? 'At risk: valid through ' : 'Valid through ') + F.formatDate(rc.expires) + '.');

  const uid = newUid('tl');
  return {
    from, to, fromIso: new Date(from * DAY).toISOString().slice(0, 10), toIso: new Date(to * DAY).toISOString().slice(0, 10),
    yMax, cycles, steps, line, exams, thresholds, markers, tailEnd,
    titleId: uid + '-title', descId: uid + '-desc', hatchId: uid + '-hatch',
    title: 'Timeline of ' + certLabel, desc: sentences.join(' '),
  };
}

// One observer for every chart: redraw at the real width when the column changes size.
const charts = new WeakMap();
let knownWidth = 0; // the real width charts last had: a new chart is drawn once, at it
function refit(fig) {
  if (deferred.has(fig)) return; // drawn by drawDeferred()
  const c = charts.get(fig);
  const w = Math.floor(fig.clientWidth);
  if (w > 0) knownWidth = w;
  if (c && w > 0 && Math.abs(w - c.width) > 2) {
    c.width = w;
    fig.querySelector('.timeline-svg').replaceWith(draw(c.data, w));
  }
}
const observer = typeof ResizeObserver === 'function' ? new ResizeObserver((entries) => {
  for (const e of entries) {
    const fig = e.target;
    if (!fig.isConnected || !charts.get(fig)) { observer.unobserve(fig); continue; }
    refit(fig);
  }
}) : null;

// Charts kept by their key (the caller's words for everything the chart is drawn from): a
// render reuses the chart whose data did not change instead of drawing it again (issue 6).
// A pass is one drawing of the verdict; a chart is used once per pass, and one not used in
// the last two passes is let go.
const keptCharts = new Map(); // key -> {fig, pass}
let shown = new Map(); // certification id -> its figure in the last pass (reused by a deferred drawing)
let nextShown = new Map();
let passNo = 0;
/** Starts a drawing of the verdict (see chart's opts.key). */
function newPass() {
  passNo += 1;
  shown = nextShown;
  nextShown = new Map();
  for (const [k, v] of keptCharts) if (v.pass < passNo - 2) keptCharts.delete(k);
}

/**
 * chart(rc, {nameOf, today, width, key}) -> <figure class="timeline"> or null.
 * rc: one entry of result.certifications. key (a string): the same key in a later pass
 * gives back the same figure, not drawn again.
 */
function chart(rc, opts) {
  opts = opts || {};
  const key = typeof opts.key === 'string' ? opts.key : null;
  const hit = key !== null ? keptCharts.get(key) : null;
  if (hit && hit.pass !== passNo) { hit.pass = passNo; nextShown.set(rc.id, hit.fig); return hit.fig; }
  if (deferring) {
    // After an edit (issue 6): the certification's figure on screen is kept, with its old
    // drawing and legend, until drawDeferred() computes the new model and draws it after the
    // verdict is painted (the model is not computed in the edit's frame). A new figure is drawn
    // by drawDeferred() too, once it is in the page: at its real width.
    if (!charted(rc)) return null;
    let fig = shown.get(rc.id);
    if (fig && fig.isConnected && charts.get(fig)) {
      for (const [k, v] of keptCharts) if (v.fig === fig) keptCharts.delete(k); // it will show other data
      fig.dataset.pending = '';
    } else fig = h('figure', { class: 'timeline', dataset: { cert: rc.id, pending: '' } }, h('div', { class: 'timeline-svg tl-pending', 'aria-hidden': 'true' }), h('ul', { class: 'tl-legend', 'aria-hidden': 'true' }));
    charts.set(fig, { data: null, from: { rc, opts }, width: 0 });
    deferred.add(fig);
    nextShown.set(rc.id, fig);
    if (key !== null) keptCharts.set(key, { fig, pass: passNo });
    return fig;
  }
  const data = model(rc, opts);
  if (!data) return null;
  const width = opts.width || knownWidth || 400;
  const fig = h('figure', { class: 'timeline', dataset: { cert: rc.id } }, draw(data, width), legendOf(data));
  charts.set(fig, { data, width });
  if (observer) observer.observe(fig);
  nextShown.set(rc.id, fig);
  if (key !== null) keptCharts.set(key, { fig, pass: passNo });
  return fig;
}

/** Whether model(rc) gives a chart (it has cycles with dates), without building it. */
function charted(rc) {
  const tl = rc && rc.timeline;
  if (!tl || !Array.isArray(tl.cycles)) return false;
  return tl.cycles.some((c) => Number.isFinite(dayNum(c.start)) && Number.isFinite(dayNum(c.end)));
}

/** The chart's legend: only what it draws. */
function legendOf(data) {
  return h('ul', { class: 'tl-legend', 'aria-hidden': 'true' },
    h('li', { class: 'lg-step' }, 'credits held'),
    data.thresholds.length ? h('li', { class: 'lg-threshold' }, 'path threshold') : null,
    data.exams.length ? h('li', { class: 'lg-exam' }, 'exam') : null,
    data.markers.some((m) => m.kind === 'recertified') ? h('li', { class: 'lg-recert' }, 'recertified') : null,
    data.markers.some((m) => m.held !== undefined) ? h('li', { class: 'lg-expiry' }, 'credits expire') : null,
    data.cycles.some((c) => c.recert !== null && c.end > c.recert) ? h('li', { class: 'lg-given-up' }, 'days given up') : null);
}

// Startup (issue 6): the first verdict is painted before its timelines are drawn.
let deferring = false;
const deferred = new Set();
/**
 * While on, chart() returns the figure with its words and legend, its drawing left to
 * drawDeferred(); a certification whose figure is on screen keeps it (old drawing, new legend,
 * data-pending) until then. defer() with no argument says whether it is on.
 */
function defer(on) { if (on === undefined) return deferring; deferring = !!on; return deferring; }
/**
 * Draws the charts chart() left undrawn, at their width in the page (before print, after the
 * first paint): every one, or the first `count` (in the order they were left: the verdict's
 * order). Returns whether any is left undrawn.
 */
function drawDeferred(count) {
  let n = 0;
  for (const fig of deferred) {
    if (count !== undefined && n >= count) break;
    n += 1;
    deferred.delete(fig);
    const c = charts.get(fig);
    if (c.from) { // its model, left by chart() to now
      c.data = model(c.from.rc, c.from.opts);
      c.from = null;
      fig.querySelector('.tl-legend').replaceWith(legendOf(c.data));
    }
    const w = Math.floor(fig.clientWidth) || knownWidth || 400;
    if (fig.clientWidth > 0) knownWidth = w;
    c.width = w;
    fig.querySelector('.timeline-svg').replaceWith(draw(c.data, w));
    delete fig.dataset.pending;
    if (observer) observer.observe(fig);
  }
  return deferred.size > 0;
}

/**
 * Redraw every chart in root at its current width (after it is in the page). Where the
 * browser has ResizeObserver, the observer does it before the next paint, without forcing a
 * layout now (a new chart is drawn at the width charts last had: usually nothing to redo).
 */
function fit(root) {
  if (observer) return;
  (root || document).querySelectorAll('figure.timeline').forEach(refit);
}

export { chart, fit, newPass, defer, drawDeferred, model, thresholdLabel, dayNum };
