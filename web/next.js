// next.js: "What to do next" at the top of the verdict (issue 7 §4): each certification's
// verdict in one line, then the dated actions the plan asks of the user, in date order, each
// linked to its activity (or certification): enter unknown credit values (E8) and fix dates
// that have passed first (they have no date), then claim X by D (C1), finish / attend / pass Y
// by D (its planned date, or the latest on-time date when it completes a path, R5), earn what
// an at-risk certification still needs by D (P2). Drawn from the plan and the engine's
// result only; printed too. On a phone this section comes before the forms (style.css).
import { h, reconcile, redraw } from './dom.js';
import * as F from './format.js';
import * as view from './view.js';

const CLAIMED = new Set(['claimed', 'pending', 'validated', 'applied', 'rejected']);
const VERB = { training: 'Finish', cisco_live: 'Attend', item_authoring: 'Complete', exam: 'Pass' };

/** The element id of an activity's row and of a certification's verdict card (view.js sets them). */
const activityAnchor = (i) => 'activity-' + i;
const verdictAnchor = (i) => 'verdict-' + i;

/**
 * actions(plan, result, today) -> [{kind, date (ISO or null), verb, target: {type: 'activity'|'certification', index, name}, tail, rule}]
 * kind: 'values' (E8), 'past' (a planned date has passed), 'claim' (C1), 'finish' (R5 or
 * the planned date), 'missing' (P2). Undated actions first, then by date (ties in plan order).
 * Switched-off activities and dates before today are left out.
 */
function actions(plan, result, today) {
  if (!plan || !result) return [];
  const acts = Array.isArray(plan.activities) ? plan.activities : [];
  const certs = Array.isArray(plan.certifications) ? plan.certifications : [];
  const indexOf = new Map(acts.map((a, i) => [a && a.id, i]));
  const resultOf = new Map((result.activities || []).map((r) => [r.id, r]));
  const on = (a) => a && typeof a === 'object' && a.enabled !== false;
  const title = (a) => view.activityTitle(a);
  const act = (i) => ({ type: 'activity', index: i, name: title(acts[i]) });
  const out = [];
  // E8: credit values nobody has entered yet (one action per activity): in the credit tables
  // where they have a cell for it; a session whose level they have no row for (E6: 1000 to
  // 3000; no policy_pointer) only by the session's own credits (finding 7).
  const unknownWs = (result.warnings || []).filter((w) => w.code === 'CREDIT_VALUE_UNKNOWN' && w.activity != null);
  const inTable = (w) => typeof w.policy_pointer === 'string' && w.policy_pointer.length > 1;
  for (const id of new Set(unknownWs.map((w) => w.activity))) {
    const i = indexOf.get(id);
    if (i === undefined || !on(acts[i])) continue;
    const ws = unknownWs.filter((w) => w.activity === id);
    if (ws.some(inTable)) {
      out.push({ kind: 'values', date: null, verb: acts[i].type === 'item_authoring' ? 'Enter the item-authoring values for' : 'Enter the Cisco Live values for',
        target: act(i), tail: ' in Credit tables', rule: 'E8' });
    }
    const own = ws.filter((w) => !inTable(w));
    if (own.length) {
      const sessions = own.filter((w) => w.session != null).length;
      out.push({ kind: 'values', date: null,
        verb: sessions ? (sessions === 1 ? 'Enter the session’s own credits in' : 'Enter the sessions’ own credits in') : 'Enter the total credits of',
        target: act(i), tail: sessions ? ' (the credit tables have no row for ' + (sessions === 1 ? 'its level' : 'their levels') + ')' : '', rule: sessions ? 'E6' : 'E8' });
    }
  }
  // A planned date that has passed: to mark as done (never advice to move it: it is past).
  for (const w of result.warnings || []) {
    if (w.code !== 'PLANNED_IN_PAST' || w.activity == null) continue;
    const i = indexOf.get(w.activity);
    if (i === undefined || !on(acts[i])) continue;
    out.push({ kind: 'past', date: null, verb: 'Mark as done', target: act(i), tail: ' (its planned date has passed)', rule: w.rule || null });
  }
  // R3: an activity completed after every expiration it could serve feeds nothing: no
  // advice to finish or claim it (finding 3). Nor for one that earns nothing (P3 says why
  // on its row: a Cisco Live event without sessions, E6, a lite course, E2 …), unless only
  // unknown credit values (E8, asked above) stand in its way (finding 13).
  const late = new Set((result.warnings || []).filter((w) => w.code === 'AFTER_EXPIRATION' && w.activity != null).map((w) => w.activity));
  const awaitingValues = new Set(unknownWs.map((w) => w.activity));
  acts.forEach((a) => {
    const r = a && a.type !== 'exam' ? resultOf.get(a.id) : null;
    if (r && r.credits === 0 && !(r.nominal_credits > 0) && !awaitingValues.has(a.id)) late.add(a.id);
  });
  // C1: the last day to claim each activity not claimed yet.
  acts.forEach((a, i) => {
    if (!on(a) || CLAIMED.has(a.status) || late.has(a.id)) return;
    const r = resultOf.get(a.id);
    if (!r || typeof r.claim_by !== 'string' || r.claim_by < today) return;
    out.push({ kind: 'claim', date: r.claim_by, verb: 'Claim', target: act(i), tail: ' in the CE portal', rule: 'C1' });
  });
  // What the plan still has to do: each planned activity by its date, or by the latest
  // on-time date when it is the one that meets a path (R5).
  // The other activities that count finishing the same day move with it (view.dayWork): moved
  // alone, it may not move the recertification.
  const latest = new Map();
  for (const [finalId, { date }] of view.latestBounds(result)) {
    for (const a of view.dayWork(plan, result, finalId)) {
      const was = latest.get(a.id);
      if (!was || date < was) latest.set(a.id, date);
    }
  }
  acts.forEach((a, i) => {
    if (!on(a) || typeof a.completed !== 'string' || a.completed <= today || late.has(a.id)) return;
    const l = latest.get(a.id);
    const useLatest = typeof l === 'string' && l >= a.completed;
    out.push({ kind: 'finish', date: useLatest ? l : a.completed, verb: VERB[a.type] || 'Finish', target: act(i),
      tail: useLatest ? ' (planned ' + F.formatDate(a.completed) + '; the latest on-time date)' : ' (as planned)', rule: useLatest ? 'R5' : null });
  });
  // P2: an at-risk certification, what its cheapest path still needs.
  const byId = new Map(certs.map((c, i) => [c && c.id, i]));
  for (const rc of result.certifications || []) {
    if (rc.status !== 'will_expire') continue;
    // The first path in the advice's order (P2: fewest credits needed, then fewest exams, then
    // the one with more of its exams passed, F.adviceOrder), its exams named; when that one needs
    // no credits, the first that does is named as the other way.
    const all = F.adviceOrder((rc.missing || []).filter((m) => typeof m.by === 'string' && m.by >= today));
    const m = all[0];
    const i = byId.get(rc.id);
    if (!m || i === undefined) continue;
    const alt = !(m.credits_needed > 0) ? all.find((x) => x.credits_needed > 0) : null;
    out.push({ kind: 'missing', date: m.by, verb: todoText(m, true) + ' for',
      target: { type: 'certification', index: i, name: view.certName(certs[i]) },
      tail: (alt ? ' (or ' + todoText(alt, false) + ')' : '') + ', or it lapses', rule: 'P2' });
  }
  const rank = (x) => (x.date === null ? '' : x.date);
  // ISO dates compared as text (not localeCompare: ICU collation on every pair, issue 6).
  return out.map((x, n) => Object.assign(x, { n })).sort((p, q) => (rank(p) < rank(q) ? -1 : rank(p) > rank(q) ? 1 : p.n - q.n));
}

/** What a missing entry asks, as verbs: 'Earn 4 more CE credits and pass 1 professional-level exam'. */
function todoText(m, capital) {
  const parts = [];
  if (m.credits_needed > 0) parts.push('earn ' + m.credits_needed + ' more CE ' + (m.credits_needed === 1 ? 'credit' : 'credits'));
  const ex = F.examsText(m.exams_needed);
  if (ex) parts.push('pass ' + ex);
  const t = parts.join(' and ') || 'keep the plan';
  return capital ? t[0].toUpperCase() + t.slice(1) : t;
}

function item(x) {
  const href = '#' + (x.target.type === 'activity' ? activityAnchor(x.target.index) : verdictAnchor(x.target.index));
  return h('li', { class: ['next-item', 'next-' + x.kind], dataset: { kind: x.kind, date: x.date || '', target: x.target.type + ':' + x.target.index } },
    h('span', { class: 'next-when' }, x.date ? ['by ', F.dateEl(x.date)] : 'now'), ' ', // finding 5: "by 14 Aug 2028 Claim", also as text
    h('span', { class: 'next-what' }, x.verb, ' ', h('a', { href, class: 'next-link', title: x.target.name }, '“', h('span', { class: 'clip' }, F.clipText(x.target.name)), '”'), x.tail,
      x.rule ? [' ', F.ruleBadge(x.rule)] : null));
}

// Keyed like the activity rows (issue 6: a switch on a 500-activity plan within a frame): an
// action's item is kept by what it writes (the action itself), the summary when its words are the same,
// the list element itself; a drawing builds only what changed and moves the rest into place.
let itemCache = new Map(); // signature -> <li class="next-item">
let listKept = null; // <ol class="next-list">

function keyedItem(x, next) {
  const sig = F.signature(x.kind, x.date, x.verb, x.target, x.tail, x.rule);
  let li = itemCache.get(sig);
  if (!li || next.has(sig)) li = item(x);
  next.set(sig, li);
  return li;
}

/** Draws the section: the verdict per certification in one line, then the actions. */
function render(plan, result, today) {
  const body = document.getElementById('outlook-body');
  if (!body) return;
  const certs = (plan && plan.certifications) || [];
  if (!result || !certs.length) {
    body.replaceChildren(h('p', { class: 'empty' }, 'Add a certification: what to do next appears here.'));
    return;
  }
  const list = actions(plan, result, today);
  const next = new Map();
  let tail;
  if (list.length) {
    listKept = listKept || h('ol', { class: 'next-list', 'aria-label': 'What to do next, in date order' });
    tail = reconcile(listKept, list.map((x) => keyedItem(x, next)));
  } else tail = h('p', { class: 'next-none' }, 'Nothing to do: no deadline lies ahead in this plan.');
  itemCache = next;
  redraw(body, [view.verdictSummary(plan, result), tail]);
}

/** Links to an activity or a verdict: scroll to it and move the focus there (main.js calls it once). */
function wire() {
  document.addEventListener('click', (ev) => {
    const a = ev.target.closest && ev.target.closest('a.next-link');
    if (!a) return;
    const el = document.getElementById(a.getAttribute('href').slice(1));
    if (!el) return;
    ev.preventDefault();
    el.scrollIntoView({ block: 'center' });
    el.focus({ preventScroll: true });
  });
}

export { actions, render, activityAnchor, verdictAnchor, wire };
