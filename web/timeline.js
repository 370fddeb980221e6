// timeline.js: the per-certification chart under the verdict, drawn from the engine's
// `result.certifications[].timeline` (the engine decides, the page only draws):
// cycles as bands, the CE credits held toward the anchor as a step line, each CE path's
// threshold as a labelled horizontal line, exams as markers on the axis, and vertical
// markers for today, the expiration, each recertification, the new expiration and the
// dates credits expire unused (C2), where the step line steps down. Inline SVG built
// with createElementNS only; colours come from CSS variables (light, dark, print). The
// chart has a text alternative (<title>/<desc>) and is redrawn at its real width when
// that changes.
(function (C) {
  'use strict';
  const { h, svg } = C.dom;
  const F = C.format;

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
   * [{credits, label, paths}] e.g. '40 CE + exam · 40 CE + core exam or 2 exams (CCIE)'.
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
      const parts = [];
      for (const via of vias) {
        const alts = Array.from(new Set(ts.filter((t) => (t.via || rc.id) === via).map((t) => examsShort(t.exams))));
        const mark = via !== rc.id ? ' (' + shortOf(via) + ')' : '';
        const group = [];
        if (alts.includes('')) group.push(credits + ' CE');
        const ex = alts.filter(Boolean);
        if (ex.length) group.push(credits + ' CE + ' + ex.join(' or '));
        parts.push(group.join(' · ') + mark);
      }
      return { credits, label: parts.join(' · '), paths: ts };
    }).sort((a, b) => a.credits - b.credits);
  }

  /** Estimated width of a label in px at the chart's font size (no layout needed). */
  function textWidth(s, size) { return String(s).length * size * 0.56; }

  /**
   * Greedy placement of the markers' labels in rows above the plot (row 0 is nearest to
   * it): each label goes beside its line, to the right if there is room, else to the
   * left, in the first row where it overlaps nothing. Important markers are placed first.
   * Sets l.row, l.tx, l.anchor; returns the number of rows used.
   */
  const PRIORITY = { recertified: 0, expiration: 1, 'new-expiration': 2, today: 3 };
  function placeLabels(labels, left, right, size, maxRows) {
    const rows = [];
    const sorted = labels.slice().sort((a, b) => (PRIORITY[a.kind] - PRIORITY[b.kind]) || a.x - b.x);
    const fits = (row, a, b) => (rows[row] || []).every((o) => b + 4 <= o.a || a >= o.b + 4);
    for (const l of sorted) {
      const w = textWidth(l.text, size);
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

  /**
   * draw(data, width) -> <svg>. data: the prepared model (see model()).
   */
  function draw(d, width) {
    const W = Math.max(260, Math.round(width));
    const narrow = W < 420;
    const FS = 11;                    // label font size (px)
    const left = 8, right = W - 8;
    const x = (day) => left + ((day - d.from) / (d.to - d.from)) * (right - left);
    for (const m of d.markers) { m.x = x(m.day); m.row = null; }
    const labelRows = placeLabels(d.markers.filter((m) => m.text), left, right, FS, 3);
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

    // Axis: a baseline and a tick per year (every other year when crowded).
    const axis = svg('g', { class: 'tl-axis' });
    axis.appendChild(svg('line', { x1: left, x2: right, y1: bottom, y2: bottom, class: 'tl-baseline' }));
    const y0 = yearOf(d.from) + 1, y1 = yearOf(d.to);
    const pxPerYear = ((right - left) * 365.25) / (d.to - d.from);
    const step = Math.max(1, Math.ceil(34 / pxPerYear));
    for (let yr = y0; yr <= y1; yr++) {
      const day = dayNum(yr + '-01-01');
      const tx = x(day);
      axis.appendChild(svg('line', { x1: tx, x2: tx, y1: bottom, y2: bottom + 4, class: 'tl-tick' }));
      if ((yr - y0) % step === 0 && tx > left + 12 && tx < right - 12) {
        axis.appendChild(text({ x: tx, y: bottom + 16, class: 'tl-year', 'text-anchor': 'middle' }, String(yr)));
      }
    }
    root.appendChild(axis);

    // Thresholds: dashed lines labelled at the left, where the step line is low; a label
    // that would sit on its neighbour's moves right of it, or below its line.
    const ths = svg('g', { class: 'tl-thresholds' });
    const TFS = 10.5;
    const placed = [];
    for (const t of d.thresholds) {
      const ty = y(t.credits);
      const g = svg('g', { class: 'tl-threshold', 'data-credits': String(t.credits), 'data-label': t.label });
      g.appendChild(svg('line', { x1: left, x2: right, y1: ty, y2: ty, class: 'tl-threshold-line' }));
      let label = t.label;
      const room = right - left - 8;
      if (textWidth(label, TFS) > room) {
        while (label.length > 4 && textWidth(label + '…', TFS) > room) label = label.slice(0, -1);
        label = label.trimEnd() + '…';
      }
      const w = textWidth(label, TFS);
      let lx = left + 4, ly = ty - 3;
      for (const o of placed) {
        if (Math.abs(o.y - ly) < 11 && lx < o.b + 8) {
          if (o.b + 10 + w <= right) lx = o.b + 10; else ly = ty + 11;
        }
      }
      placed.push({ y: ly, a: lx, b: lx + w });
      g.appendChild(text({ x: lx, y: ly, class: 'tl-threshold-label' }, label));
      tip(g, t.label + ': ' + t.paths.map((p) => F.pathText(p)).join(' or ') + ' (R2)');
      ths.appendChild(g);
    }
    root.appendChild(ths);

    // Credits held: a step line through the checking dates and the expiries between them
    // (solid), then dashed after the last checking date (the tail), still stepping down.
    const boxes = []; // the values written in the plot, so that nothing is written over them
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
      // The value at each checking date, where there is room for it: the latest values
      // and the peaks (what was held when a path was met) first.
      const vals = svg('g', { class: 'tl-values' });
      const order = d.steps.map((s, i) => i).sort((i, j) => {
        const peak = (k) => (d.steps[k + 1] && d.steps[k + 1].day === d.steps[k].day ? 1 : 0);
        return (peak(j) - peak(i)) || (j - i);
      });
      const labelled = new Set();
      for (const i of order) {
        const s = d.steps[i];
        const bx = x(s.day) + 3, by = y(s.credits) - 4;
        const w = textWidth(String(s.credits), 10) + 2;
        if (bx + w > right + 6) continue;
        if (boxes.some((o) => bx < o.b + 2 && bx + w > o.a - 2 && Math.abs(by - o.y) < 11)) continue;
        boxes.push({ a: bx, b: bx + w, y: by });
        labelled.add(i);
      }
      d.steps.forEach((s, i) => {
        const dot = svg('circle', { cx: x(s.day), cy: y(s.credits), r: 2.6, class: 'tl-point', 'data-on': s.iso, 'data-credits': String(s.credits) });
        tip(dot, F.plural(s.credits, 'credit') + ' held on ' + F.formatDate(s.iso));
        vals.appendChild(dot);
        if (labelled.has(i)) vals.appendChild(text({ x: x(s.day) + 3, y: y(s.credits) - 4, class: 'tl-value' }, String(s.credits)));
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

    // Vertical markers, then their labels above the plot (drawn last: their halo hides
    // the lines that pass behind them).
    const mk = svg('g', { class: 'tl-markers' });
    const labels = svg('g', { class: 'tl-marker-labels' });
    for (const m of d.markers) {
      const mx = m.x;
      const g = svg('g', { class: 'tl-marker k-' + m.kind, 'data-kind': m.kind, 'data-on': m.iso, 'data-credits': m.held !== undefined ? m.credits : null });
      const expiry = m.held !== undefined;
      const y1 = expiry ? y(m.held) - 9 : m.row === null ? top : rowY(m.row) - FS + 2;
      g.appendChild(svg('line', { x1: mx, x2: mx, y1, y2: bottom, class: 'tl-marker-line' }));
      if (m.kind === 'recertified') g.appendChild(svg('circle', { cx: mx, cy: y(m.credits || 0), r: 4, class: 'tl-recert-dot' }));
      if (expiry) {
        // Credits expiring: a mark above the step down, and its words beside it ('12
        // expire') where they cover no value; else they are in the tooltip and the desc.
        const my = y(m.held);
        g.appendChild(svg('path', { d: 'M' + (mx - 4) + ' ' + (my - 9) + ' h8 l-4 6 z', class: 'tl-expiry-mark' }));
        const w = textWidth(m.note, 10);
        const spot = [{ a: mx + 6, tx: mx + 6, anchor: 'start' }, { a: mx - 6 - w, tx: mx - 6, anchor: 'end' }]
          .find((o) => o.a >= left && o.a + w <= right && !boxes.some((b) => o.a < b.b + 2 && o.a + w > b.a - 2 && Math.abs(my - 4 - b.y) < 11));
        if (spot) {
          boxes.push({ a: spot.a, b: spot.a + w, y: my - 4 });
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
      recertified ? 'was due ' + F.formatDate(cycles[0].endIso) : 'expires ' + F.formatDate(cycles[0].endIso),
      (recertified ? 'Expiration before recertifying: valid through ' : 'Expires: valid through ') + F.formatDate(cycles[0].endIso));
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
    sentences.push(rc.status === 'will_expire' ? 'Expires on ' + F.formatDate(rc.expires) + '.' : 'Valid through ' + F.formatDate(rc.expires) + '.');

    const uid = C.dom.uid('tl');
    return {
      from, to, fromIso: new Date(from * DAY).toISOString().slice(0, 10), toIso: new Date(to * DAY).toISOString().slice(0, 10),
      yMax, cycles, steps, line, exams, thresholds, markers, tailEnd,
      titleId: uid + '-title', descId: uid + '-desc', hatchId: uid + '-hatch',
      title: 'Timeline of ' + certLabel, desc: sentences.join(' '),
    };
  }

  // One observer for every chart: redraw at the real width when the column changes size.
  const charts = new WeakMap();
  const observer = typeof ResizeObserver === 'function' ? new ResizeObserver((entries) => {
    for (const e of entries) {
      const fig = e.target;
      const c = charts.get(fig);
      if (!fig.isConnected || !c) { observer.unobserve(fig); continue; }
      const w = Math.floor(fig.clientWidth);
      if (w > 0 && Math.abs(w - c.width) > 2) {
        c.width = w;
        fig.querySelector('.timeline-svg').replaceWith(draw(c.data, w));
      }
    }
  }) : null;

  /**
   * chart(rc, {nameOf, today, width}) -> <figure class="timeline"> or null.
   * rc: one entry of result.certifications.
   */
  function chart(rc, opts) {
    opts = opts || {};
    const data = model(rc, opts);
    if (!data) return null;
    const width = opts.width || 400;
    const legend = h('ul', { class: 'tl-legend', 'aria-hidden': 'true' },
      h('li', { class: 'lg-step' }, 'credits held'),
      data.thresholds.length ? h('li', { class: 'lg-threshold' }, 'path threshold') : null,
      data.exams.length ? h('li', { class: 'lg-exam' }, 'exam') : null,
      data.markers.some((m) => m.kind === 'recertified') ? h('li', { class: 'lg-recert' }, 'recertified') : null,
      data.markers.some((m) => m.held !== undefined) ? h('li', { class: 'lg-expiry' }, 'credits expire') : null,
      data.cycles.some((c) => c.recert !== null && c.end > c.recert) ? h('li', { class: 'lg-given-up' }, 'days given up') : null);
    const fig = h('figure', { class: 'timeline', dataset: { cert: rc.id } }, draw(data, width), legend);
    charts.set(fig, { data, width });
    if (observer) observer.observe(fig);
    return fig;
  }

  /** Redraw every chart in root at its current width (after it is in the page). */
  function fit(root) {
    (root || document).querySelectorAll('figure.timeline').forEach((fig) => {
      const c = charts.get(fig);
      const w = Math.floor(fig.clientWidth);
      if (c && w > 0 && Math.abs(w - c.width) > 2) {
        c.width = w;
        fig.querySelector('.timeline-svg').replaceWith(draw(c.data, w));
      }
    });
  }

  C.timeline = { chart, fit, model, thresholdLabel, dayNum };
})(window.Ceplan = window.Ceplan || {});
