// view.js: draws the three columns from the plan (what the user entered) and the
// engine's result (what it means). Pure drawing: every change goes back through the
// `act` callbacks to app.js, which re-evaluates the plan and draws again.
import { h, svg, uid, reconcile, redraw } from './dom.js';
import * as F from './format.js';
import * as tables from './tables.js';
import * as timeline from './timeline.js';

// ----- small pieces ------------------------------------------------------------------

const ICONS = {
  training: ['M4 5.5A1.5 1.5 0 0 1 5.5 4H15v11H5.5A1.5 1.5 0 0 0 4 16.5z', 'M4 16.5A1.5 1.5 0 0 0 5.5 18H16v-3', 'M7.5 7.5h4.5'],
  cisco_live: ['M4 6h14v12H4z', 'M4 10h14', 'M8 3.5v4', 'M14 3.5v4'],
  item_authoring: ['M5 17l1-4 8.5-8.5 3 3L9 16z', 'M12.5 6.5l3 3', 'M4 19.5h14'],
  exam: ['M11 3.5a7.5 7.5 0 1 1 0 15a7.5 7.5 0 0 1 0-15z', 'M7.5 11.2l2.4 2.4 4.6-4.8'],
  certification: ['M11 3l6 2.5v5c0 3.8-2.6 6.8-6 8-3.4-1.2-6-4.2-6-8v-5z', 'M8.3 10.8l2 2 3.5-3.7'],
};
function icon(type) {
  return svg('svg', { class: 'icon', viewBox: '0 0 22 22', width: 20, height: 20, 'aria-hidden': 'true', focusable: 'false' },
    (ICONS[type] || ICONS.training).map((d) => svg('path', { d })));
}

/**
 * What to do about a CREDIT_VALUE_UNKNOWN warning (E8), or null for the generic advice: a
 * session whose level the credit tables have no row for (E6: levels 1000-3000; the engine
 * gives it no policy_pointer) can only get the session's own credits; another session, its
 * table cell or the session's credits; an item-authoring activity, its table cell or the
 * activity's total (finding 7).
 */
function unknownValueAdvice(w) {
  if (!w || w.code !== 'CREDIT_VALUE_UNKNOWN') return null;
  const inTable = !!(tables && tables.cellFor(w));
  if (w.session != null) {
    return inTable
      ? 'Enter Cisco’s value in the credit tables, or the session’s own credits (Edit, then its Credits field).'
      : 'The credit tables have no row for this session’s level (E6: levels 1000 to 3000): enter the session’s own credits (Edit, then its Credits field).';
  }
  return inTable ? 'Enter Cisco’s value in the credit tables, or the activity’s total credits (Edit).' : 'Enter the activity’s total credits (Edit).';
}

/** One warning; past: its activity's date has passed (the advice never asks to move it then, R5). */
function warningItem(w, past) {
  const info = w.severity === 'info';
  const advice = unknownValueAdvice(w) || F.warningAdvice(w.code, past);
  return h('li', { class: ['warning', info ? 'info' : 'warn'], dataset: { code: w.code || '', rule: w.rule || '' } },
    h('span', { class: 'sev' }, info ? 'Note' : 'Warning'),
    h('span', { class: 'w-body' },
      h('strong', { class: 'w-title' }, F.warningTitle(w.code)), ' ', F.ruleBadge(w.rule), ' ',
      h('span', { class: 'w-message' }, F.messageWithoutRule(w.message, w.rule)), // the badge names the rule
      advice ? h('span', { class: 'w-advice' }, h('span', { class: 'w-todo' }, 'What to do: '), advice) : null,
      // E8: open the credit tables, only where they have a cell for it (finding 7)
      w.code === 'CREDIT_VALUE_UNKNOWN' && tables && tables.cellFor(w) ? tables.warningLink(w) : null));
}
function warningList(ws, cls, past) {
  if (!ws || !ws.length) return null;
  return h('ul', { class: ['warnings', cls] }, ws.map((w) => warningItem(w, past)));
}

function certName(c) { return (c && (c.name || c.id)) || 'Unnamed certification'; }
/** A name or title inside a sentence: at most 80 characters (F.clipText), in full in its tooltip. */
function inSentence(text) { return h('span', { class: 'clip', title: text }, F.clipText(text)); }
function certInSentence(c) { return inSentence(certName(c)); }

/** Index the result by id for lookups from the plan. */
function indexResult(plan, result) {
  const planActs = new Set((plan.activities || []).map((a) => a.id));
  const certs = new Map();
  const acts = new Map();
  const byAct = new Map();
  const byCert = new Map();
  const general = [];
  if (result) {
    for (const c of result.certifications || []) certs.set(c.id, c);
    (result.activities || []).forEach((a) => acts.set(a.id, a));
    for (const w of result.warnings || []) {
      if (w.activity != null && planActs.has(w.activity)) {
        if (!byAct.has(w.activity)) byAct.set(w.activity, []);
        byAct.get(w.activity).push(w);
      } else if (w.certification != null) {
        if (!byCert.has(w.certification)) byCert.set(w.certification, []);
        byCert.get(w.certification).push(w);
      } else general.push(w);
    }
  }
  return { certs, acts, byAct, byCert, general };
}

// ----- column 1: certifications ------------------------------------------------------

const SHORT = { recertified: ['safe', 'Safe'], will_expire: ['risk', 'At risk'], retired: ['retired', 'Retired'], expired: ['expired', 'Expired'] };
function shortBadge(rc) {
  const s = rc && SHORT[rc.status];
  return h('span', { class: ['badge', s && s[0]] }, s ? s[1] : String(rc ? rc.status : '…'));
}

function statusBadge(rc) {
  if (!rc) return h('span', { class: 'badge' }, '…');
  switch (rc.status) {
    case 'recertified': {
      const first = (rc.recertifications || [])[0];
      return h('span', { class: 'badge safe' }, 'Safe', first ? [': recertifies on ', F.dateEl(first.on)] : null);
    }
    case 'will_expire':
      return h('span', { class: 'badge risk' }, 'At risk: valid through ', F.dateEl(rc.expires));
    case 'retired':
      return h('span', { class: 'badge retired' }, 'Retired');
    case 'expired':
      return h('span', { class: 'badge expired' }, 'Expired');
    default:
      return h('span', { class: 'badge' }, String(rc.status));
  }
}

function renderCertifications(root, plan, idx, act) {
  const certs = plan.certifications || [];
  const list = h('ul', { class: 'cards', 'aria-label': 'Certifications' });
  certs.forEach((c, i) => {
    const rc = idx.certs.get(c.id);
    list.appendChild(h('li', { class: 'card cert', dataset: { id: c.id || '' } },
      h('div', { class: 'card-head' },
        icon('certification'),
        h('h3', { class: 'cert-name clip-lines', title: certName(c) }, certName(c)),
        h('span', { class: 'level' }, F.LEVEL_LABELS[c.level] || c.level || '')),
      h('p', { class: 'valid' }, 'valid through ', F.dateEl(c.expires)),
      h('p', { class: 'status' }, statusBadge(rc)),
      rc && rc.is_anchor ? h('p', { class: 'anchor' }, 'CE credits count toward this one ', F.ruleBadge('R1')) : null,
      h('div', { class: 'row-actions' },
        h('button', { type: 'button', class: 'btn small', dataset: { focus: 'edit-cert:' + c.id }, 'aria-label': 'Edit ' + certName(c), onclick: () => act.editCert(i) }, 'Edit'),
        h('button', { type: 'button', class: 'btn small quiet', dataset: { focus: 'rm-cert:' + c.id }, 'aria-label': 'Remove ' + certName(c), onclick: () => act.removeCert(i) }, 'Remove'))));
  });
  if (!certs.length) {
    list.appendChild(h('li', { class: 'card welcome' },
      h('h3', null, 'Start with what you hold'),
      h('p', null, 'Add each certification with the expiration date from your Cisco profile, then your activities: the verdict tells you whether they recertify you, and when.'),
      h('div', { class: 'welcome-actions' },
        h('button', { type: 'button', class: 'btn primary small', dataset: { focus: 'welcome-add' }, onclick: () => act.editCert() }, 'Add a certification'),
        h('button', { type: 'button', class: 'btn small', onclick: () => act.openExamples() }, 'Try an example'))));
  }
  // The same words as on screen: the list on screen stays (issue 6: a switch redraws the verdict,
  // not this column). Its buttons' listeners follow from what they show (the certification's id
  // and place) and `act`, which does not change.
  redraw(root, [list]);
}

// ----- column 2: activities ----------------------------------------------------------

function activityTitle(a) {
  switch (a.type) {
    case 'training': return a.title || a.course || 'Training';
    case 'cisco_live': return a.event || 'Cisco Live';
    case 'item_authoring': return 'Item authoring';
    case 'exam': return 'Exam ' + (a.code || F.examKindLabel(a.exam));
    default: return a.title || String(a.type || 'Activity');
  }
}

function activityDetail(a) {
  const bits = [];
  switch (a.type) {
    case 'training':
      if (a.course || a.version) bits.push([a.course, a.version ? 'v' + a.version : ''].filter(Boolean).join(' '));
      if (a.lite) bits.push('lite');
      if (a.alpha) bits.push('alpha');
      if (a.in_catalog === false) bits.push('not in catalog');
      break;
    case 'cisco_live': bits.push(F.plural((a.sessions || []).length, 'session')); break;
    case 'item_authoring':
      bits.push(F.plural(a.accepted_items || 0, 'accepted item') + ', ' + (F.ITEM_TYPE_LABELS[a.item_type] || a.item_type || '').toLowerCase());
      if (a.sme_program === false) bits.push('outside the SME program');
      break;
    case 'exam': bits.push(F.examKindLabel(a.exam) + ' exam'); break;
    default: break;
  }
  if (a.status) bits.push(F.STATUS_LABELS[a.status] || a.status);
  return bits.filter(Boolean);
}

function creditsCell(a, ra, ws) {
  if (a.enabled === false) return h('p', { class: 'credits off' }, 'switched off');
  if (a.type === 'exam') return h('p', { class: 'credits exam' }, 'exam path');
  if (!ra) return h('p', { class: 'credits' }, '—');
  const earned = Number.isFinite(ra.credits) ? ra.credits : 0;
  const nominal = Number.isFinite(ra.nominal_credits) ? ra.nominal_credits : earned;
  const cell = h('div', { class: 'credits-cell' });
  // E6: an event without sessions earns nothing (the engine's NO_SESSIONS warning says why in the
  // row's notes); the credits cell says it too, as it does for any other reason (P3, finding 13).
  if (a.type === 'cisco_live' && !(a.sessions || []).length && earned === 0) {
    cell.appendChild(h('p', { class: 'credits' }, h('strong', { class: 'earned' }, '0'), ' credits'));
    cell.appendChild(h('p', { class: 'reason no-sessions' }, 'No sessions: earns nothing ', F.ruleBadge('E6')));
    return cell;
  }
  // R3: completed after the expiration of every certification it could serve, it feeds
  // nothing: its credits are struck through, with the reason (finding 3).
  const late = (ws || []).find((w) => w.code === 'AFTER_EXPIRATION');
  if (late && earned > 0) {
    cell.appendChild(h('p', { class: 'credits feeds-nothing' },
      h('s', { class: 'nominal', title: 'would earn ' + earned + ', but feeds nothing' }, String(earned)), ' ',
      h('strong', { class: 'earned' }, '0'), ' credits'));
    cell.appendChild(h('p', { class: 'reason' }, F.warningTitle(late.code), ' ', F.ruleBadge(late.rule || 'R3')));
    return cell;
  }
  const p = h('p', { class: 'credits' });
  if (nominal > earned) {
    p.appendChild(h('s', { class: 'nominal', title: 'would earn ' + nominal }, String(nominal)));
    p.appendChild(document.createTextNode(' '));
  }
  p.appendChild(h('strong', { class: 'earned' }, String(earned)));
  p.appendChild(document.createTextNode(earned === 1 ? ' credit' : ' credits'));
  cell.appendChild(p);
  if (nominal > earned) {
    const whys = (ws || []).filter(F.explainsReduction);
    const list = whys.length ? whys : (ws || []).filter((w) => w.severity !== 'info');
    if (list.length === 1) {
      cell.appendChild(h('p', { class: 'reason' }, F.warningTitle(list[0].code), ' ', F.ruleBadge(list[0].rule)));
    } else if (list.length > 1) {
      const rules = Array.from(new Set(list.map((w) => w.rule).filter(Boolean))).sort();
      const what = a.type === 'cisco_live' && list.every((w) => w.session != null) ? F.plural(list.length, 'session') + ' not counted' : F.plural(list.length, 'reason');
      cell.appendChild(h('p', { class: 'reason' }, what, ' ', rules.map((r) => [F.ruleBadge(r), ' '])));
    }
  }
  return cell;
}

function sessionsDetails(a, ws) {
  const sessions = a.sessions || [];
  if (!sessions.length) return null;
  const perSession = (i) => (ws || []).filter((w) => w.session === i);
  const flagged = sessions.filter((_, i) => perSession(i).length).length;
  return h('details', { class: 'sessions', open: flagged > 0 && sessions.length <= 3 },
    h('summary', null, 'Sessions (' + sessions.length + ')',
      flagged ? h('span', { class: 'flagged' }, ' · ' + flagged + ' with warnings') : null),
    h('ol', null, sessions.map((s, i) => h('li', { class: 'session' },
      h('span', { class: 'code' }, s.code || 'session ' + (i + 1)), ' ',
      h('span', { class: 'meta' },
        [Number.isFinite(s.minutes) ? s.minutes + ' min' : null,
          Number.isFinite(s.attended_minutes) ? 'attended ' + s.attended_minutes : null,
          s.badged_in === false ? 'not badged in' : 'badged in',
          s.credits != null ? F.plural(s.credits, 'credit') + ' (given)' : null].filter(Boolean).join(' · ')),
      warningList(perSession(i), 'compact')))));
}

/**
 * One line under a Cisco Live card that earns less than its sessions' nominal credits, or
 * nothing: the session warnings counted per code ('Credit value unknown: 4 sessions'),
 * visible while the sessions list is folded.
 */
function sessionSummary(a, ra, sessionWs) {
  if (!ra || a.enabled === false || !sessionWs.length) return null;
  const earned = Number.isFinite(ra.credits) ? ra.credits : 0;
  const nominal = Number.isFinite(ra.nominal_credits) ? ra.nominal_credits : earned;
  if (!(earned < nominal || earned === 0)) return null;
  const counted = sessionWs.filter((w) => w.severity !== 'info');
  if (!counted.length) return null;
  const byCode = new Map();
  for (const w of counted) {
    const e = byCode.get(w.code) || { code: w.code, rule: w.rule, n: 0 };
    e.n += 1;
    byCode.set(w.code, e);
  }
  const entries = Array.from(byCode.values());
  return h('p', { class: 'session-summary', dataset: { codes: entries.map((e) => e.code + ':' + e.n).join(' ') } },
    h('span', { class: 'session-summary-head' }, earned === 0 ? 'Earns nothing: ' : 'Earns less: '),
    entries.map((e, k) => [k ? ' · ' : null, F.warningTitle(e.code) + ': ' + F.plural(e.n, 'session'), ' ', F.ruleBadge(e.rule)]));
}

function activityRow(a, i, idx, today, act, old) {
  const ra = idx.acts.get(a.id);
  const ws = idx.byAct.get(a.id) || [];
  const off = a.enabled === false;
  const less = ra && !off && ((Number.isFinite(ra.nominal_credits) && ra.nominal_credits > ra.credits) || ws.some((w) => w.code === 'AFTER_EXPIRATION'));
  const title = activityTitle(a);
  const sessionWs = a.type === 'cisco_live' ? ws.filter((w) => w.session !== null && w.session !== undefined) : [];
  const rowWs = ws.filter((w) => !sessionWs.includes(w));
  const past = String(a.completed || '') <= today;
  // A row drawn again is its previous element, patched: each part drawn from the same data
  // (its own signature) stays where it is, untouched, so that the browser styles and lays out
  // only the parts that changed (issue 6: a switch on a 500-activity plan within a frame).
  const prev = old ? rowParts.get(old) : null;
  const parts = {};
  const part = (name, sig, build) => {
    const was = prev && prev[name];
    parts[name] = was && was[0] === sig ? was : [sig, build()];
    return parts[name][1];
  };
  const children = [
    part('icon', String(a.type), () => h('div', { class: 'act-icon', title: (F.ACTIVITY_TYPES[a.type] || {}).label || a.type }, icon(a.type))),
    part('main', F.signature(a, ra, sessionWs, today), () => h('div', { class: 'act-main' },
      h('h3', { class: 'act-title clip-lines', title }, title),
      h('p', { class: 'act-meta' }, F.dateEl(a.completed), ' · ', (F.ACTIVITY_TYPES[a.type] || { label: a.type }).label,
        activityDetail(a).map((b) => ' · ' + b).join(''),
        ra && ra.claim_by && !off && ra.claim_by >= today ? h('span', { class: 'claim-by' }, ' · claim by ', F.dateEl(ra.claim_by), ' ', F.ruleBadge('C1')) : null),
      sessionSummary(a, ra, sessionWs),
      sessionsDetails(a, sessionWs))),
    part('side', F.signature(a, ra, ws), () => h('div', { class: 'act-side' }, creditsCell(a, ra, ws))),
    rowWs.length ? part('warnings', F.signature(rowWs, past), () => h('div', { class: 'act-warnings' }, warningList(rowWs, null, past))) : null,
    // The switch is not drawn again when it is used: its state and words are set below, so
    // that the focus stays on it.
    part('foot', JSON.stringify([a.id, i, title]), () => {
      const switchId = uid('sw');
      return h('div', { class: 'act-foot' },
        h('div', { class: 'switch' },
          h('input', { type: 'checkbox', role: 'switch', id: switchId, class: 'toggle', dataset: { focus: 'switch:' + a.id },
            onchange: (ev) => act.toggleActivity(i, ev.target.checked, a.id) }),
          h('label', { for: switchId }, h('span', { class: 'visually-hidden' }, 'Count “' + title + '”'),
            h('span', { class: 'switch-state', 'aria-hidden': 'true' }))),
        h('div', { class: 'row-actions' },
          h('button', { type: 'button', class: 'btn small', dataset: { focus: 'edit-act:' + a.id }, 'aria-label': 'Edit ' + title, onclick: () => act.editActivity(i, a.id) }, 'Edit'),
          h('button', { type: 'button', class: 'btn small quiet', dataset: { focus: 'rm-act:' + a.id }, 'aria-label': 'Remove ' + title, onclick: () => act.removeActivity(i, a.id) }, 'Remove')));
    }),
  ];
  // The switch as the plan says (a refused change, app.toggleActivity, draws it back).
  const foot = parts.foot[1];
  const sw = foot.querySelector('input.toggle');
  if (sw.checked === off) sw.checked = !off;
  const state = foot.querySelector('.switch-state');
  const words = off ? 'Off: not counted' : 'Counts';
  if (state.textContent !== words) state.textContent = words;
  // id: the target of "What to do next" links (next.js)
  const li = old || h('li', { tabindex: '-1' });
  const attrs = { class: ['activity', 'type-' + a.type, off && 'off', less && 'less'].filter(Boolean).join(' '), id: 'activity-' + i, 'data-id': a.id || '', 'data-index': String(i) };
  for (const k of Object.keys(attrs)) if (li.getAttribute(k) !== attrs[k]) li.setAttribute(k, attrs[k]);
  reconcile(li, children.filter(Boolean));
  rowParts.set(li, parts);
  return li;
}
const rowParts = new WeakMap(); // <li class="activity"> -> {icon, main, side, warnings, foot: [signature, element]}

// Keyed rendering (issue 6): a row is kept with the data it was drawn from (its signature:
// the activity, its place in the plan, the engine's words about it, the date judged on); a
// render draws only the rows whose signature changed and moves the others into place. A row
// drawn again is its activity's previous element, in which only the parts whose own
// signatures changed (activityRow: icon, main, side, warnings, foot) are built again, so that
// a warning that comes or goes builds the warnings and credits, not the row.
// activityRow() reading anything else (a setting, another activity) must add it to the signatures.
let rowCache = new Map(); // signature -> <li class="activity">
let rowById = new Map(); // activity id -> {li, sig}, as last drawn
const groupCache = new Map(); // 'past' | 'planned' -> {section, count, list}

function renderActivities(root, plan, idx, today, act) {
  const acts = (plan.activities || []).map((a, i) => {
    const ra = idx.acts.get(a.id);
    return { a, i, sig: F.signature(a, i, ra === undefined ? null : ra, idx.byAct.get(a.id) || [], today) };
  });
  // Dates are ISO text: compared as text (localeCompare costs ICU collation on every pair).
  const when = (x) => String(x.a.completed || '');
  acts.sort((x, y) => (when(x) < when(y) ? -1 : when(x) > when(y) ? 1 : x.i - y.i));
  const sigs = new Set(acts.map((x) => x.sig));
  const next = new Map();
  const byId = new Map();
  const row = ({ a, i, sig }) => {
    let li = rowCache.get(sig);
    if (li && !next.has(sig)) {
      // The switch may show a refused change (app.toggleActivity draws again): as the plan says.
      const sw = li.querySelector('input.toggle');
      if (sw) sw.checked = a.enabled !== false;
    } else {
      const was = rowById.get(a.id);
      const old = was && !sigs.has(was.sig) && !was.taken ? was.li : null;
      if (old) was.taken = true;
      li = activityRow(a, i, idx, today, act, old);
    }
    next.set(sig, li);
    if (!byId.has(a.id)) byId.set(a.id, { li, sig });
    return li;
  };
  const out = [];
  const group = (label, items, cls) => {
    if (!items.length) { groupCache.delete(cls); return; }
    let g = groupCache.get(cls);
    if (!g) {
      const hid = uid('grp');
      const count = h('span', { class: 'count' });
      const list = h('ol', { class: 'activities' });
      g = { section: h('section', { class: ['group', cls], 'aria-labelledby': hid }, h('h3', { class: 'group-title', id: hid }, label, count), list), count, list };
      groupCache.set(cls, g);
    }
    if (g.count.textContent !== String(items.length)) g.count.textContent = String(items.length);
    reconcile(g.list, items.map(row));
    out.push(g.section);
  };
  group('Done', acts.filter((x) => when(x) <= today), 'past');
  group('Planned', acts.filter((x) => when(x) > today), 'planned');
  rowCache = next;
  rowById = byId;
  if (!acts.length) out.push(h('p', { class: 'empty' }, 'Add what you have done and what you plan: training, Cisco Live, item authoring, exams.'));
  reconcile(root, out);
}

// ----- column 3: verdict -------------------------------------------------------------

const dayNumber = F.dayNumber;

/**
 * The earliest latest on-time date of each final activity (R5), over every recertification it
 * completes: a cascade (R4) recertifies several certifications on one date, each with its own
 * latest date. result -> Map(final_activity id -> {date: 'YYYY-MM-DD', cert: certification id}).
 */
function latestBounds(result) {
  const bounds = new Map();
  for (const rc of (result && result.certifications) || []) {
    for (const r of rc.recertifications || []) {
      if (r.final_activity == null || typeof r.latest_on_time !== 'string') continue;
      const was = bounds.get(r.final_activity);
      if (!was || r.latest_on_time < was.date) bounds.set(r.final_activity, { date: r.latest_on_time, cert: rc.id });
    }
  }
  return bounds;
}

/**
 * The activity the day after r's latest on-time date that counts toward a path (it earns CE
 * credits, or is an exam neither rejected nor applied), when that is what bounds the date: the
 * engine stops the final activity short of it, since moved onto it, it would take it into this
 * recertification (A2, R7). Else null.
 */
function boundingWork(r, ctx) {
  if (typeof r.latest_on_time !== 'string' || !ctx || !ctx.plan) return null;
  const next = new Date((dayNumber(r.latest_on_time) + 1) * 86400000).toISOString().slice(0, 10);
  return (workIndex(ctx.plan, ctx.result).byDay.get(next) || []).find((a) => a.id !== r.final_activity) || null;
}

/** An activity switched on that can count toward a path: it earns CE credits (earned: Map(id -> credits)), or is an exam neither rejected nor applied. */
function countsTowardPaths(a, earned) {
  return !!a && a.enabled !== false && ((earned && earned.get(a.id) > 0) || (a.type === 'exam' && a.status !== 'rejected' && a.status !== 'applied'));
}

// Built once per result (a switch on a 500-activity plan asks for it per recertification, issue 6).
const workIndexes = new WeakMap(); // result -> {plan, byDay: Map(date -> [activity that counts]), byId: Map(id -> first activity)}
function workIndex(plan, result) {
  const kept = result && workIndexes.get(result);
  if (kept && kept.plan === plan) return kept;
  const earned = new Map(((result && result.activities) || []).map((x) => [x.id, x.credits]));
  const byDay = new Map();
  const byId = new Map();
  for (const a of (plan && plan.activities) || []) {
    if (a && !byId.has(a.id)) byId.set(a.id, a);
    if (!countsTowardPaths(a, earned)) continue;
    if (!byDay.has(a.completed)) byDay.set(a.completed, []);
    byDay.get(a.completed).push(a);
  }
  const index = { plan, byDay, byId };
  if (result) workIndexes.set(result, index);
  return index;
}

/**
 * dayWork(plan, result, finalId) -> [activity]: the activities finishing the same day as a
 * recertification's final one (finalId) that count toward a path, the final one first, then the
 * others in plan order. Moving the final one alone may not move the recertification: the others
 * of that day may still meet the path, so the advice names them all (R2, R5).
 */
function dayWork(plan, result, finalId) {
  const { byDay, byId } = workIndex(plan, result);
  const final = byId.get(finalId);
  if (!final) return [];
  return [final].concat((byDay.get(final.completed) || []).filter((a) => a !== final));
}

/** The bound another certification sets on r's final activity, earlier than r's own latest date; else null. */
function otherBound(r, rc, ctx) {
  const b = ctx && ctx.bounds && r.final_activity != null ? ctx.bounds.get(r.final_activity) : null;
  return b && b.cert !== rc.id && typeof r.latest_on_time === 'string' && b.date < r.latest_on_time ? b : null;
}

/**
 * R5 advice for an early recertification: how late its final activity (the engine's
 * `final_activity`, whose completion met the path) could move and still be on time
 * (latest_on_time), and what that would keep: the engine's days_given_up_at_latest are
 * still given up when that date comes before the replaced expiration. What bounds it: in
 * a cascade, the certification whose path was met, when it expires that day (R4); else
 * the credits the path relies on (C2). None when no activity completed it (R9: checked
 * the day after the anchor lapsed).
 */
function latestAdvice(r, rc, certsById, ctx) {
  if (!r.latest_on_time || !(r.days_given_up > 0) || r.final_activity == null) return null;
  // The activity recertifies others with this one (R4): moving it past their latest date loses
  // them, so the advice is the earliest of the group's (what "What to do next" says too).
  const other = otherBound(r, rc, ctx);
  const latest = other ? other.date : r.latest_on_time;
  const movable = Math.max(0, dayNumber(latest) - dayNumber(r.on));
  const still = !other && Number.isFinite(r.days_given_up_at_latest) ? r.days_given_up_at_latest : Math.max(0, r.days_given_up - movable);
  // By id from ctx.actById (the first activity of each id, as find() would): a search of the
  // activities per recertification cost a 500-activity plan ~70 ms per edit (issue 6).
  const final = ctx && (ctx.actById ? ctx.actById.get(r.final_activity) : (ctx.plan.activities || []).find((a) => a && a.id === r.final_activity));
  // Advice is about what can still move: an activity whose date has passed cannot (R5).
  if (final && ctx.today && typeof final.completed === 'string' && final.completed <= ctx.today) return null;
  const quoted = (a) => ['“', inSentence(activityTitle(a)), '”'];
  const together = final ? dayWork(ctx.plan, ctx.result, final.id) : [];
  const who = !final ? 'The final activity'
    : together.length < 2 ? quoted(final)
      : [together.slice(0, -1).map((a, k) => [k ? ', ' : '', quoted(a)]), ' and ', quoted(together[together.length - 1]),
        ' (', together.length === 2 ? 'both' : 'all ' + together.length, ' finished that day)'];
  const data = { latestOnTime: latest, movableDays: String(movable), daysGivenUpAtLatest: String(still), finalActivity: r.final_activity };
  // The certification whose path was met: its own recertification that day replaced an
  // expiration days_given_up after it; when that is the latest date, it is the bound.
  const viaRc = r.via && r.via !== rc.id && ctx && ctx.rcById ? ctx.rcById.get(r.via) : null;
  const viaR = viaRc && (viaRc.recertifications || []).find((x) => x.on === r.on);
  const viaExpired = viaR && Number.isFinite(viaR.days_given_up) ? dayNumber(viaR.on) + viaR.days_given_up : NaN;
  const work = other || viaExpired === dayNumber(r.latest_on_time) ? null : boundingWork(r, ctx);
  const reason = other
    ? [certInSentence(certsById.get(other.cert) || { id: other.cert }), ', which it recertifies too, needs it by then ', F.ruleBadge('R4')]
    : viaExpired === dayNumber(r.latest_on_time)
      ? [certInSentence(certsById.get(r.via) || { id: r.via }), ', whose path it meets, expires then ', F.ruleBadge('R4')]
      : work
        ? [quoted(work), ' comes the next day: later, this recertification would use it up instead of a later one ',
          F.ruleBadge(work.type === 'exam' ? 'R7' : 'A2')]
        : ['credits it relies on expire then ', F.ruleBadge('C2')];
  if (movable <= 0) return h('p', { class: 'latest', dataset: data }, who, ' cannot move later: ', reason, '.');
  return h('p', { class: 'latest', dataset: data },
    who, ' could move as late as ', F.dateEl(latest, 'latest-on-time'),
    ' and still be on time, ',
    still > 0
      ? ['keeping ', F.plural(movable, 'more day'), ' of validity (', F.plural(still, 'day'), ' would still be given up: ', reason, ').']
      : 'giving up no validity.');
}

// Recertifications kept like the activity rows (a plan over many cycles lists hundreds): by
// everything recertItem() writes from: the recertification, its certification, the date judged
// on, the names, its final activity (title, date) and, in a cascade, the recertification it
// rides on. recertItem() reading anything else must add it here.
let recertCache = new Map(); // signature -> <li class="recert">
let recertNext = new Map();
function keyedRecert(r, rc, certsById, ctx, cache, next) {
  cache = cache || recertCache;
  next = next || recertNext;
  const final = r.final_activity != null ? ctx.actById.get(r.final_activity) : undefined;
  const viaRc = r.via && r.via !== rc.id ? ctx.rcById.get(r.via) : null;
  const viaR = viaRc ? (viaRc.recertifications || []).find((x) => x.on === r.on) : null;
  const sig = F.signature(r, rc.id, ctx.today, ctx.names, final || null, viaR || null, otherBound(r, rc, ctx), boundingWork(r, ctx),
    final ? dayWork(ctx.plan, ctx.result, final.id) : null);
  let li = cache.get(sig);
  if (!li || next.has(sig)) li = recertItem(r, rc, certsById, ctx);
  next.set(sig, li);
  return li;
}

function recertItem(r, rc, certsById, ctx) {
  const viaOther = r.via && r.via !== rc.id;
  const viaCert = viaOther ? certsById.get(r.via) : null;
  return h('li', { class: 'recert', dataset: { on: r.on, newExpires: r.new_expires, via: r.via || '', daysGivenUp: String(r.days_given_up) } },
    h('p', { class: 'sentence' },
      ctx && ctx.today && r.on > ctx.today ? 'Recertifies on ' : 'Recertified on ', F.dateEl(r.on, 'on'), ' by ', h('strong', { class: 'path' }, F.pathText(r.path)),
      viaOther ? [' of ', certInSentence(viaCert || { id: r.via }), ' (cascade ', F.ruleBadge('R4'), ')'] : null,
      ', new expiration ', F.dateEl(r.new_expires, 'new-expires'), ', ',
      h('span', { class: 'given-up' }, r.days_given_up ? F.plural(r.days_given_up, 'day') + ' of validity given up' : 'no validity given up'),
      ' ', F.ruleBadge('R5'), '.'),
    latestAdvice(r, rc, certsById, ctx),
    Number.isFinite(r.credits_applied) && r.credits_applied > 0
      ? h('p', { class: 'applied' }, F.plural(r.credits_applied, 'credit') + ' applied ', F.ruleBadge('A2'))
      : null);
}

/**
 * What is still missing (P2), in the engine's order (fewest additional credits, then fewest
 * exams): the exam-only paths (L4) gathered on one line, since each is a single step, come
 * first when the engine's first path is one of them (it needs no credits); the CE paths, in
 * the engine's order, are tagged "fewest credits" only when the first of them is the
 * engine's first path (finding 2: never above a path that needs fewer).
 */
const PRINTED = 4; // paths printed per certification (print.css hides the others)
function missingList(rc, certsById, ctx) {
  const all = rc.missing || [];
  if (!all.length) return h('p', { class: 'missing-none' }, 'No path can still save it before it expires.');
  const cePaths = all.filter((m) => m.path && m.path.credits > 0);
  const examPaths = all.filter((m) => !(m.path && m.path.credits > 0));
  const left = (iso) => {
    const n = ctx && ctx.today && iso ? dayNumber(iso) - dayNumber(ctx.today) : NaN;
    return Number.isFinite(n) && n >= 0 ? h('span', { class: 'days-left' }, n === 0 ? ' (today)' : ' (in ' + F.plural(n, 'day') + ')') : null;
  };
  const held = (m) => (m.credits_held > 0 ? ', with ' + F.plural(m.credits_held, 'credit') + ' already held' : '');
  const via = (m) => (m.via && m.via !== rc.id
    ? [' of ', certInSentence(certsById.get(m.via) || { id: m.via }), ' (cascade ', F.ruleBadge('R4'), ')'] : null);
  const data = (m) => ({ creditsNeeded: String(m.credits_needed || 0), creditsHeld: String(m.credits_held || 0), examsNeeded: (m.exams_needed || []).join(' '), by: m.by || '', via: m.via || '' });
  const examFirst = examPaths.length > 0 && examPaths[0] === all[0];
  const tagged = (i) => i === 0 && cePaths.length > 1 && !examFirst;
  const items = cePaths.map((m, i) => h('li', { class: ['missing-path', tagged(i) && 'cheapest'], dataset: data(m) },
    examFirst && i === 0 ? 'Or ' : null, h('strong', null, F.neededText(m)), ' by ', F.dateEl(m.by), left(m.by),
    tagged(i) ? h('span', { class: 'tag' }, 'fewest credits') : null,
    h('span', { class: 'for-path' }, 'for the path ', F.pathText(m.path), held(m), via(m))));
  if (examPaths.length) {
    const sameBy = examPaths.every((m) => m.by === examPaths[0].by);
    const options = examPaths.map((m) => {
      const partial = F.examsText(m.exams_needed) !== F.examsText(m.path && m.path.exams);
      return h('li', { class: 'missing-path exam-only', dataset: data(m) },
        h('strong', null, F.neededText(m)),
        partial ? h('span', { class: 'for-path inline' }, ' (path: ' + F.pathText(m.path) + ')') : null,
        via(m), sameBy ? null : [' by ', F.dateEl(m.by)]);
    });
    items[examFirst ? 'unshift' : 'push'](h('li', { class: 'exam-paths' },
      cePaths.length && !examFirst ? 'Or pass, ' : 'Pass, ', sameBy ? ['by ', F.dateEl(examPaths[0].by), left(examPaths[0].by), ', '] : null,
      examPaths.length > 1 ? 'any one of ' : '', F.ruleBadge('L4'), ':',
      h('ul', { class: 'exam-options' }, options)));
  }
  // On paper the first PRINTED paths in the engine's order, the others said in one line (finding 5).
  return h('div', { class: 'missing' },
    h('p', null, 'What is still missing ', F.ruleBadge('P2'), ':'),
    h('ul', null, items),
    items.length > PRINTED ? h('p', { class: 'more-paths' }, '… and ' + F.plural(items.length - PRINTED, 'other path') + ' (listed in ceplan).') : null);
}

// A plan over many cycles recertifies hundreds of times: the first few are listed, the rest
// behind a "Show all N recertifications" disclosure (easier to read; and a closed one costs the
// browser no style or layout on each edit, issue 6). It stays open once opened. While it is
// closed, an edit leaves its list as it was (data-pending) and fillDeferred() writes it after
// the new verdict is painted, with the changed timelines (app.js, drawSoon); opening it, or printing,
// writes it at once. Each list keeps its items by signature, as keyedRecert() does.
const RECERTS_SHOWN = 5;
const moreFills = new Map(); // <ol> of the recertifications behind "Show all" -> fill()
const moreCaches = new WeakMap(); // that <ol> -> Map(signature -> <li class="recert">)
function recertList(c, rc, certsById, ctx) {
  const recerts = rc.recertifications || [];
  const first = kept('recerts:' + c.id, 'ol', { class: 'recerts' }, recerts.slice(0, RECERTS_SHOWN).map((r) => keyedRecert(r, rc, certsById, ctx)));
  if (recerts.length <= RECERTS_SHOWN) return first;
  const was = keptEls.get('more-recerts:' + c.id);
  const open = !!(was && was.open);
  const rest = recerts.slice(RECERTS_SHOWN);
  const olKey = 'recerts-more:' + c.id;
  const prev = keptEls.get(olKey);
  const later = timeline.defer() && !open; // a drawing whose timelines wait for the paint (app.js)
  const reused = prev && !keptNext.has(olKey); // as kept() decides
  const ol = kept(olKey, 'ol', { class: 'recerts', start: String(RECERTS_SHOWN + 1), dataset: later ? { pending: '' } : null },
    later && reused ? Array.from(prev.childNodes) : []);
  const fill = () => {
    moreFills.delete(ol);
    const cache = moreCaches.get(ol) || new Map();
    const next = new Map();
    reconcile(ol, rest.map((r) => keyedRecert(r, rc, certsById, ctx, cache, next)));
    moreCaches.set(ol, next);
    delete ol.dataset.pending;
  };
  if (later) moreFills.set(ol, fill); else fill();
  const details = kept('more-recerts:' + c.id, 'details', { class: 'more-recerts', open }, [
    h('summary', null, 'Show all ' + recerts.length + ' recertifications'), ol]);
  if (details !== was) { // a new one: it writes its list when opened
    details.addEventListener('toggle', () => { if (details.open) for (const [l, fill] of moreFills) if (details.contains(l)) fill(); });
  }
  return [first, details];
}

/** Writes the recertification lists an edit left for later (see recertList). */
function fillDeferred() {
  for (const fill of Array.from(moreFills.values())) fill();
}
function verdictCard(c, i, rc, idx, certsById, ctx) {
  const parts = [];
  if (!rc) {
    parts.push(h('p', { class: 'headline' }, 'No verdict.'));
  } else {
    const recerts = rc.recertifications || [];
    if (recerts.length) parts.push(recertList(c, rc, certsById, ctx));
    if (rc.status === 'will_expire') {
      parts.push(h('p', { class: 'headline risk' }, 'At risk: valid through ', F.dateEl(rc.expires, 'expires'), ', then it lapses.'));
      parts.push(missingList(rc, certsById, ctx));
    } else if (rc.status === 'expired') {
      parts.push(h('p', { class: 'headline expired' }, 'Expired: it was valid through ', F.dateEl(rc.expires, 'expires'),
        '; it needs the full exam process again ', F.ruleBadge('R3'), '.'));
    } else if (rc.status === 'retired') {
      parts.push(h('p', { class: 'headline retired' }, 'Retired: valid through ', F.dateEl(rc.expires, 'expires'),
        ', then it lapses; it cannot be recertified ', F.ruleBadge('L6'), '.'));
    } else if (rc.status === 'recertified') {
      parts.push(h('p', { class: 'headline safe' }, 'Valid through ', F.dateEl(rc.expires, 'expires'), ' at the end of this plan.'));
    }
  }
  const status = rc ? rc.status : 'unknown';
  // id: the target of "What to do next" links (next.js)
  return kept('card:' + c.id, 'article', { class: ['card', 'verdict', 'status-' + status], dataset: { id: c.id || '' }, id: 'verdict-' + i, tabindex: '-1' }, [
    h('div', { class: 'card-head' },
      h('h3', { class: 'clip-lines', title: certName(c) }, certName(c)),
      shortBadge(rc)),
    parts,
    warningList(idx.byCert.get(c.id)),
    rc && ctx ? timeline.chart(rc, { today: ctx.today, nameOf: (id) => certName(certsById.get(id) || { id }), key: F.signature(rc, ctx.today, ctx.names) }) : null]);
}

// Elements kept from one drawing of the verdict to the next by a key (a certification's card,
// its list of recertifications): their attributes set as a new one would have them, their
// children reconciled, so that what did not change stays in place, with no style or layout
// work for the browser (issue 6). Attributes only: no event handlers in props.
let keptEls = new Map();
let keptNext = new Map();
function kept(key, tag, props, children) {
  const fresh = h(tag, props);
  let el = keptEls.get(key);
  if (!el || keptNext.has(key) || el.tagName !== fresh.tagName) el = fresh;
  else {
    for (const a of Array.from(el.attributes)) if (!fresh.hasAttribute(a.name)) el.removeAttribute(a.name);
    for (const a of Array.from(fresh.attributes)) if (el.getAttribute(a.name) !== a.value) el.setAttribute(a.name, a.value);
  }
  keptNext.set(key, el);
  const nodes = [];
  const add = (x) => {
    if (x === null || x === undefined || x === false) return;
    if (Array.isArray(x)) x.forEach(add);
    else nodes.push(typeof x === 'string' || typeof x === 'number' ? document.createTextNode(String(x)) : x);
  };
  add(children);
  return redraw(el, nodes); // a fresh element has no children to keep
}

function rolloverBlock(result) {
  const ro = result && result.rollover;
  if (!ro) return null;
  const n = ro.credits || 0;
  return h('section', { class: 'card rollover', 'aria-label': 'Rollover' },
    h('h3', null, 'Rollover ', F.ruleBadge('A3')),
    n > 0
      ? [h('p', null, F.plural(n, 'credit') + ' carry into the next cycle.'),
        (ro.expires || []).length ? h('ul', { class: 'rollover-expiry' }, ro.expires.map((e) =>
          h('li', null, F.plural(e.credits, 'credit') + ' expire after ', F.dateEl(e.on), ' ', F.ruleBadge('C2')))) : null]
      : h('p', null, 'No credits roll over into the next cycle.'));
}

function renderVerdict(root, plan, result, idx, today) {
  timeline.newPass(); // charts whose data did not change are kept (timeline.chart's key)
  const rcById = new Map(((result && result.certifications) || []).map((rc) => [rc.id, rc]));
  const certs = plan.certifications || [];
  // names: every certification's name, which the timelines write (their key, with the data).
  const actById = workIndex(plan, result).byId; // the first activity of each id
  const ctx = { plan, result, today: (result && result.today) || today, rcById, actById, bounds: latestBounds(result), names: certs.map((c) => [c.id, certName(c)]) };
  recertNext = new Map();
  keptNext = new Map();
  const certsById = new Map(certs.map((c) => [c.id, c]));
  const out = [];
  if (result && result.today) {
    out.push(h('p', { class: 'as-of' }, 'As of ', F.dateEl(result.today),
      result.horizon && result.horizon !== result.today ? [', looking ahead to ', F.dateEl(result.horizon)] : null, '.'));
  }
  if (!certs.length) out.push(h('p', { class: 'empty' }, 'The verdict appears once you add a certification.'));
  certs.forEach((c, i) => {
    out.push(verdictCard(c, i, idx.certs.get(c.id), idx, certsById, ctx));
  });
  if (certs.length) out.push(rolloverBlock(result));
  if (idx.general.length) {
    out.push(h('section', { class: 'card general', 'aria-label': 'Other warnings' }, h('h3', null, 'Also worth knowing'), warningList(idx.general)));
  }
  const nodes = out.filter(Boolean);
  redraw(root, nodes);
  recertCache = recertNext;
  keptEls = keptNext;
  timeline.fit(root);
}

/**
 * Draws the certifications and the verdict; the activity rows are drawn by renderActivityRows
 * (app.js: with them, or after the new verdict is painted on a large plan).
 * act: {editCert, removeCert, editActivity, removeActivity, toggleActivity}
 */
function render(plan, result, act, today) {
  const idx = indexResult(plan, result);
  renderCertifications(document.getElementById('certs-body'), plan, idx, act);
  renderVerdict(document.getElementById('verdict-body'), plan, result, idx, today);
  const verdict = document.getElementById('verdict');
  if (verdict.classList.contains('previewing')) verdict.classList.remove('previewing');
}

/** The activity rows alone (keyed: only the rows whose data changed are drawn again). */
function renderActivityRows(plan, result, act, today) {
  renderActivities(document.getElementById('acts-body'), plan, indexResult(plan, result), today, act);
}

/** What-if while a form is open: the verdict column for a candidate plan (not saved). */
function previewVerdict(plan, result, today) {
  renderVerdict(document.getElementById('verdict-body'), plan, result, indexResult(plan, result), today);
  const verdict = document.getElementById('verdict');
  if (!verdict.classList.contains('previewing')) verdict.classList.add('previewing');
}

/**
 * One line per certification: its verdict in words ('Safe: recertifies on …, valid
 * through …' / 'At risk: valid through …'), and what it was before when `before` differs.
 */
function verdictSummary(plan, result, before) {
  const prev = new Map(((before && before.certifications) || []).map((c) => [c.id, c]));
  const certsById = new Map((plan.certifications || []).map((c) => [c.id, c]));
  const line = (rc) => {
    const first = (rc.recertifications || [])[0];
    switch (rc.status) {
      case 'recertified': return ['recertifies on ', F.dateEl(first && first.on), ', valid through ', F.dateEl(rc.expires)];
      case 'will_expire': return ['at risk: valid through ', F.dateEl(rc.expires)];
      case 'expired': return ['expired: was valid through ', F.dateEl(rc.expires)];
      case 'retired': return ['retired: valid through ', F.dateEl(rc.expires)];
      default: return [String(rc.status)];
    }
  };
  const key = (rc) => rc ? rc.status + '|' + rc.expires + '|' + ((rc.recertifications || [])[0] || {}).on : '';
  return h('ul', { class: 'summary-lines' }, ((result && result.certifications) || []).map((rc) => {
    const was = prev.get(rc.id);
    const changed = before && was && key(was) !== key(rc);
    return h('li', { class: ['summary-line', 'status-' + rc.status, changed && 'changed'], dataset: { cert: rc.id, expires: rc.expires || '' } },
      h('strong', { class: 'clip', title: certName(certsById.get(rc.id) || rc) }, F.clipText(certName(certsById.get(rc.id) || rc))), ': ', line(rc),
      changed ? h('span', { class: 'was' }, ' (was: ', line(was), ')') : null);
  }));
}

export { render, renderActivityRows, activityTitle, warningList, previewVerdict, verdictSummary, certName, fillDeferred, latestBounds, dayWork };
