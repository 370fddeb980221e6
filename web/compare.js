// compare.js: the variants side by side (#compare, opened from the variants bar). One
// column per variant, one group of rows per certification: verdict, recertification
// date, path, new expiration ("valid through"), days given up; then the rollover and
// the credits that do not count. The variant that keeps each certification longest is
// named above the table and its cell is marked. Each variant is evaluated once per
// distinct plan (cached in variants.js, which checks them too); the current one reuses
// the page's result.
import { h } from './dom.js';
import * as F from './format.js';
import * as variants from './variants.js';
import * as app from './app.js';
import * as view from './view.js';

let isOpenFlag = false;
const evaluateCached = (plan) => variants.evaluateCached(plan); // once per distinct plan

const day = F.dayNumber;
const lines = (items) => (items.length ? items.map((x) => h('span', { class: 'line' }, x)) : h('span', { class: 'none' }, '—'));

/** The columns: [{name, current, plan, result|null, errors|null}] */
function columns(doc, currentResult) {
  return variants.list(doc).map((v) => {
    const plan = variants.planOf(doc, v.name);
    if (v.current && currentResult) return { name: v.name, current: true, plan, result: currentResult, errors: null };
    const r = evaluateCached(plan);
    return { name: v.name, current: v.current, plan, result: r.ok ? r.result : null, errors: r.ok ? null : r.errors };
  });
}

/** Certifications across the variants: the current plan's order first. */
function certifications(cols) {
  const seen = new Map();
  const order = cols.slice().sort((a, b) => b.current - a.current);
  for (const col of order) {
    for (const c of col.plan.certifications || []) {
      if (c && c.id != null && !seen.has(c.id)) seen.set(c.id, c);
    }
  }
  return Array.from(seen.values());
}

function rcOf(col, id) {
  return col.result ? (col.result.certifications || []).find((c) => c.id === id) || null : null;
}

const BADGE = { recertified: ['safe', 'Safe'], will_expire: ['risk', 'At risk'], retired: ['retired', 'Retired'], expired: ['expired', 'Expired'] };

/** Credits that do not count: nominal − earned over the counted activities, and the warning codes. */
function lostCredits(col) {
  const plan = col.plan;
  const off = new Set((plan.activities || []).filter((a) => a && a.enabled === false).map((a) => a.id));
  let lost = 0;
  for (const a of col.result.activities || []) {
    if (off.has(a.id)) continue;
    const nominal = Number.isFinite(a.nominal_credits) ? a.nominal_credits : a.credits;
    if (Number.isFinite(nominal) && Number.isFinite(a.credits) && nominal > a.credits) lost += nominal - a.credits;
  }
  const codes = Array.from(new Set((col.result.warnings || []).filter((w) => w.severity !== 'info').map((w) => w.code))).sort();
  return { lost, codes };
}

/** For one certification: the best expiration, who has it, and by how much. */
function winner(cols, id) {
  const dated = cols.map((col) => ({ col, rc: rcOf(col, id) })).filter((x) => x.rc && F.isIsoDate(x.rc.expires));
  if (dated.length < 2) return null;
  const best = dated.reduce((m, x) => (x.rc.expires > m ? x.rc.expires : m), '');
  const top = dated.filter((x) => x.rc.expires === best);
  if (top.length === dated.length) return { tie: true, best, names: top.map((x) => x.col.name) };
  const runnerUp = dated.filter((x) => x.rc.expires !== best).reduce((m, x) => (x.rc.expires > m.rc.expires ? x : m));
  return { tie: false, best, names: top.map((x) => x.col.name), runnerUp: runnerUp.col.name, days: day(best) - day(runnerUp.rc.expires) };
}

/** 'SESSION_TOO_SHORT' with a line-break opportunity after each underscore. */
function breakable(code) {
  const parts = String(code).split('_');
  return parts.map((p, i) => (i < parts.length - 1 ? [p + '_', h('wbr')] : p));
}

function quoted(names) {
  const q = names.map((n) => '“' + n + '”');
  return q.length > 1 ? q.slice(0, -1).join(', ') + ' and ' + q[q.length - 1] : q[0];
}

function cell(col, certId, field, content, extra) {
  return h('td', Object.assign({ dataset: { variant: col.name, cert: certId || '', field } }, extra || {}), content);
}

function draw() {
  const panel = document.getElementById('compare');
  if (!panel) return;
  const state = app.state;
  const doc = state.plan;
  const cols = columns(doc, state.result);
  if (cols.length < 2) { close(); return; }
  const certs = certifications(cols);
  const nameOf = (id) => view.certName(certs.find((c) => c.id === id) || { id });

  // Above the table: who keeps each certification longest.
  const verdicts = certs.map((c) => {
    const w = winner(cols, c.id);
    if (!w) return null;
    return h('li', { class: ['compare-verdict', w.tie ? 'tie' : 'win'], dataset: { cert: c.id, best: w.best, winners: w.names.join('\n') } },
      h('strong', null, nameOf(c.id)), ': ',
      w.tie
        ? ['every variant keeps it until ', F.dateEl(w.best), '.']
        : [h('span', { class: 'winner' }, quoted(w.names)), w.names.length > 1 ? ' keep' : ' keeps', ' it longest, valid through ', F.dateEl(w.best),
          ', ', F.plural(w.days, 'day'), ' more than ', quoted([w.runnerUp]), '.']);
  }).filter(Boolean);

  const head = h('tr', null, h('td', { class: 'corner' }),
    cols.map((col) => h('th', { scope: 'col', class: ['variant-col', col.current && 'current'], dataset: { variant: col.name } },
      h('span', { class: 'variant-name' }, col.name),
      col.current
        ? h('span', { class: 'tag' }, 'editing')
        : h('button', { type: 'button', class: 'btn small', 'aria-label': 'Switch to “' + col.name + '”', onclick: () => variants.actions.switchTo(col.name) }, 'Switch'))));

  const body = [];
  for (const c of certs) {
    const w = winner(cols, c.id);
    const bestNames = w && !w.tie ? new Set(w.names) : new Set();
    body.push(h('tbody', { class: 'cert-group', dataset: { cert: c.id } },
      h('tr', { class: 'cert-row' }, h('th', { scope: 'colgroup', colspan: String(cols.length + 1) }, nameOf(c.id))),
      row('Verdict', cols.map((col) => {
        const rc = rcOf(col, c.id);
        if (!col.result) return cell(col, c.id, 'status', h('span', { class: 'error' }, 'Cannot be evaluated: ', (col.errors[0] || {}).message || ''));
        if (!rc) return cell(col, c.id, 'status', h('span', { class: 'none' }, 'not in this variant'));
        const b = BADGE[rc.status] || ['', rc.status];
        return cell(col, c.id, 'status', h('span', { class: ['badge', b[0]] }, b[1]), { dataset: { variant: col.name, cert: c.id, field: 'status', status: rc.status } });
      })),
      row('Recertifies on', cols.map((col) => {
        const rc = rcOf(col, c.id);
        const rs = (rc && rc.recertifications) || [];
        return cell(col, c.id, 'on', lines(rs.map((r) => F.dateEl(r.on))), { dataset: { variant: col.name, cert: c.id, field: 'on', on: rs.map((r) => r.on).join(' ') } });
      })),
      row('Path', cols.map((col) => {
        const rc = rcOf(col, c.id);
        return cell(col, c.id, 'path', lines(((rc && rc.recertifications) || []).map((r) =>
          [F.pathText(r.path), r.via && r.via !== c.id ? ' (via ' + nameOf(r.via) + ')' : ''])));
      })),
      row('Valid through', cols.map((col) => {
        const rc = rcOf(col, c.id);
        if (!rc) return cell(col, c.id, 'expires', lines([]));
        const best = bestNames.has(col.name);
        return cell(col, c.id, 'expires', [
          rc.status === 'will_expire' ? h('span', { class: 'risk' }, 'at risk: valid through ', F.dateEl(rc.expires)) : F.dateEl(rc.expires),
          best ? h('span', { class: 'tag best-tag' }, '★ keeps it longest') : null,
        ], { class: best ? 'best' : null, dataset: { variant: col.name, cert: c.id, field: 'expires', expires: rc.expires, best: best ? 'true' : 'false' } });
      }), 'expires-row'),
      row('Days given up', cols.map((col) => {
        const rc = rcOf(col, c.id);
        return cell(col, c.id, 'days', lines(((rc && rc.recertifications) || []).map((r) => F.plural(r.days_given_up || 0, 'day'))));
      }))));
  }
  body.push(h('tbody', { class: 'general-group' },
    h('tr', { class: 'cert-row' }, h('th', { scope: 'colgroup', colspan: String(cols.length + 1) }, 'Whole plan')),
    row('Rollover', cols.map((col) => {
      const ro = col.result && col.result.rollover;
      if (!ro) return cell(col, null, 'rollover', lines([]));
      return cell(col, null, 'rollover', ro.credits > 0
        ? [h('span', { class: 'line' }, F.plural(ro.credits, 'credit')),
          (ro.expires || []).map((e) => h('span', { class: 'line sub' }, e.credits + ' expire after ', F.dateEl(e.on)))]
        : h('span', { class: 'none' }, 'none'), { dataset: { variant: col.name, field: 'rollover', credits: String(ro.credits || 0) } });
    })),
    row('Credits that don’t count', cols.map((col) => {
      if (!col.result) return cell(col, null, 'lost', lines([]));
      const { lost, codes } = lostCredits(col);
      return cell(col, null, 'lost', [
        h('span', { class: ['line', lost > 0 && 'risk'] }, lost > 0 ? F.plural(lost, 'credit') : 'none'),
        codes.length ? h('span', { class: 'codes' }, codes.map((code) => h('code', { class: 'code', title: F.warningTitle(code) }, breakable(code)))) : null,
      ], { dataset: { variant: col.name, field: 'lost', lost: String(lost), codes: codes.join(' ') } });
    })),
    row('Activities', cols.map((col) => {
      const acts = col.plan.activities || [];
      const off = acts.filter((a) => a && a.enabled === false).length;
      return cell(col, null, 'activities', [(acts.length - off) + ' counted', off ? h('span', { class: 'line sub' }, off + ' switched off') : null]);
    }))));

  const scrollId = 'compare-table-label';
  panel.replaceChildren(
    h('div', { class: 'compare-head' },
      h('h2', { id: 'compare-title' }, 'Compare variants'),
      h('button', { type: 'button', class: 'btn small', id: 'compare-close', onclick: () => { close(); const b = document.querySelector('#variants .btn-compare'); if (b) b.focus(); } }, 'Close')),
    ...(verdicts.length ? [h('ul', { class: 'compare-verdicts' }, verdicts)] : []),
    h('div', { class: 'compare-scroll', tabindex: '0', role: 'region', 'aria-labelledby': scrollId },
      h('table', { class: 'compare-table' },
        h('caption', { id: scrollId, class: 'visually-hidden' }, 'The variants side by side'),
        h('thead', null, head), body)));
  panel.hidden = false;
}

function row(label, cells, cls) {
  return h('tr', { class: cls }, h('th', { scope: 'row' }, label), cells);
}

function open() {
  isOpenFlag = true;
  draw();
  variants.render(app.state.plan);
  const panel = document.getElementById('compare');
  if (panel && !panel.hidden) {
    panel.scrollIntoView({ block: 'nearest' });
    const t = document.getElementById('compare-title');
    if (t) { t.setAttribute('tabindex', '-1'); t.focus({ preventScroll: true }); }
  }
}

function close() {
  isOpenFlag = false;
  const panel = document.getElementById('compare');
  if (panel) { panel.hidden = true; panel.replaceChildren(); }
  if (app.state.plan) variants.render(app.state.plan);
}

/** After every change of the plan: redraw when open. */
function refresh() { if (isOpenFlag) draw(); }

/** Whether the comparison is on screen. */
const isOpen = () => isOpenFlag;

export { open, close, refresh, isOpen, columns, winner, lostCredits };
