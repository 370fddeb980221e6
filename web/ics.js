// ics.js: the deadlines calendar (RFC 5545). The dates come from the engine's result only:
// expiration dates (P1), the last day to claim each activity (C1, `claim_by`), the last day
// rolled-over credits can be used (C2, `rollover.expires`), and the "finish by" date (R5
// `latest_on_time`, or for a certification at risk the `by` of its cheapest missing path, P2).
// Written by hand when the page was classic scripts and the well-kept iCalendar library on npm
// (ical.js) shipped as an ES module only; esbuild could now bundle it (not done: a size choice).
// The tests parse the file back with it.
import * as view from './view.js';
import * as F from './format.js';
import * as store from './store.js';

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** '2027-03-15' -> '20270315' */
function basic(iso) { return iso.replace(/-/g, ''); }

/** The day after an ISO date (DTEND of an all-day event is exclusive). */
function nextDay(iso) {
  const m = ISO.exec(iso);
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3] + 1));
  const p = (n) => String(n).padStart(2, '0');
  return d.getUTCFullYear() + '-' + p(d.getUTCMonth() + 1) + '-' + p(d.getUTCDate());
}

/** A UTC date-time in the basic format: 20261129T101500Z */
function stampOf(date) {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** TEXT value escaping (RFC 5545 3.3.11): backslash, semicolon, comma, newline. */
function escapeText(s) {
  return String(s).replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds one content line at 75 octets (RFC 5545 3.1): continuation lines start with one
 * space, and a UTF-8 character is never split.
 */
function fold(line) {
  const enc = new TextEncoder();
  const out = [];
  let cur = '';
  let size = 0;
  for (const ch of line) {
    const n = enc.encode(ch).length;
    if (size + n > 75) {
      out.push(cur);
      cur = ' ';
      size = 1;
    }
    cur += ch;
    size += n;
  }
  out.push(cur);
  return out.join('\r\n');
}

/**
 * One piece of a UID, encoded so that different texts stay different ('a b' -> 'a%20b',
 * 'a-b' -> 'a-b'): percent-encoding (encodeURIComponent, which also encodes '/', the
 * separator between pieces), nothing squashed or dropped.
 */
function uidPart(s) { return encodeURIComponent(String(s == null ? '' : s)); }

/**
 * uidOf(planId, kind, key) -> 'kind/key1/key2/planId@ceplan' (RFC 5545 3.8.4.7: globally
 * unique, and the same for the same event on every export). key: the ids naming the event
 * (certification id, activity id, rollover group number), never a date, so that an event
 * whose date moves keeps its UID and a calendar program updates it instead of adding one.
 */
function uidOf(planId, kind, key) {
  return [kind].concat(key).concat([planId]).map(uidPart).join('/') + '@ceplan';
}

function certLabel(plan, id) {
  const c = (plan.certifications || []).find((x) => x.id === id);
  return (c && (c.name || c.id)) || String(id);
}

function activityLabel(a) {
  return view.activityTitle(a);
}

/** The missing path that needs the fewest additional credits, then the fewest exams (P2). */
function cheapest(missing) {
  return F.adviceOrder(missing)[0] || null;
}

/**
 * events(plan, result) -> [{date, kind, summary, description, key}], in date order.
 * Dates before the plan's `today` are left out: the calendar holds what is still ahead.
 */
function events(plan, result) {
  const today = (result && result.today) || plan.today || '';
  const list = [];
  // key: the ids naming the event within its kind (see uidOf), never its date.
  const add = (date, kind, key, summary, description) => {
    if (typeof date !== 'string' || !ISO.test(date) || date < today) return;
    list.push({ date, kind, key: [].concat(key), summary, description });
  };
  const dateText = (iso) => (F ? F.formatDate(iso) : iso);
  // Finish by (R5): one event per final activity still ahead, on the earliest latest on-time date
  // of the certifications it recertifies (a cascade, R4, recertifies several on one date: moving
  // it past the earliest loses that one), naming them all.
  const finishBy = new Map(); // final activity id -> {date, certs: [{rc, name, r}]}
  for (const rc of (result && result.certifications) || []) {
    const name = rc.name || certLabel(plan, rc.id);
    const current = rc.original_expires ||
      ((plan.certifications || []).find((c) => c.id === rc.id) || {}).expires;
    const recerts = rc.recertifications || [];
    // Expiration after the plan (P1), and the current one when the plan moves it.
    if (rc.status !== 'expired') {
      add(rc.expires, 'expires', rc.id, name + ': valid through this day' + (current && current !== rc.expires ? ' after this plan' : ''),
        name + ' is valid through this day' + (recerts.length ? ', once the plan recertifies it on ' +
          recerts.map((r) => dateText(r.on)).join(', ') + ' (R5)' : '') + '. ' +
        (rc.status === 'retired' ? 'It is retired and cannot be recertified (L6).' :
          rc.status === 'will_expire' ? 'The plan does not recertify it: it lapses after this day.' :
            'Plan the next cycle before then.'));
    }
    if (current && current !== rc.expires) {
      add(current, 'current-expires', rc.id, name + ': valid through this day (current expiration)',
        name + ' is valid through this day unless it is recertified first. The plan recertifies it on ' +
        dateText(recerts.length ? recerts[0].on : current) + ' (R2).');
    }
    for (const r of recerts) {
      if (!r.latest_on_time || r.final_activity == null) continue;
      const group = finishBy.get(r.final_activity) || { date: r.latest_on_time, certs: [] };
      if (r.latest_on_time < group.date) group.date = r.latest_on_time;
      group.certs.push({ rc, name, r });
      finishBy.set(r.final_activity, group);
    }
    if (rc.status === 'will_expire') {
      const m = cheapest(rc.missing);
      if (m) {
        add(m.by, 'finish-by', [rc.id, 'at-risk'], name + ': finish by (at risk)',
          name + ' is at risk: ' + (F ? F.neededText(m) : (m.credits_needed || 0) + ' credits') +
          ' still needed by this day' + (F ? ' for the path ' + F.pathText(m.path) : '') + ' (P2).' +
          ((rc.missing || []).length > 1 ? ' Other paths are listed in ceplan.' : ''));
      }
    }
  }
  for (const [id, { date, certs }] of finishBy) {
    // Only an activity still ahead can move (R5): no "finish by" for one already done.
    const final = (plan.activities || []).find((a) => a && a.id === id);
    if (!final || !(typeof final.completed === 'string' && final.completed > today)) continue;
    const { rc, name, r } = certs.find((c) => c.r.latest_on_time === date);
    const names = certs.map((c) => c.name);
    const all = names.length > 1 ? names.slice(0, -1).join(', ') + ' and ' + names[names.length - 1] : name;
    const gained = F.dayNumber(date) - F.dayNumber(r.on);
    // The other activities that count finishing that day move with it (view.dayWork).
    const day = view.dayWork(plan, result, id);
    const what = day.length > 1 ? 'Its last qualifying activities, ' + day.map((a) => '“' + activityLabel(a) + '”').join(' and ') + ', finished that day, can move'
      : 'Its last qualifying activity can move';
    add(date, 'finish-by', [rc.id, 'activity', final.id], all + ': finish by (latest on-time date)',
      'The plan recertifies ' + all + ' on ' + dateText(r.on) + (F ? ' by ' + F.pathText(r.path) : '') + '. ' +
      what + ' as late as this day and still be on time (R5' + (names.length > 1 ? ', R4: later, ' + name + ' would not be recertified with the others)' : ')') +
      (gained > 0 ? ', which keeps ' + gained + ' more days of validity than finishing on ' + dateText(r.on) + '.' : '.'));
  }
  // The last day to claim each activity not yet claimed (C1).
  // An activity after every expiration it could serve feeds nothing (R3): no claim to make.
  const byId = new Map((plan.activities || []).map((a) => [a.id, a]));
  const late = new Set(((result && result.warnings) || []).filter((w) => w.code === 'AFTER_EXPIRATION').map((w) => w.activity));
  for (const ra of (result && result.activities) || []) {
    const a = byId.get(ra.id);
    if (!a || a.enabled === false || !ra.claim_by || late.has(ra.id)) continue;
    const title = activityLabel(a);
    add(ra.claim_by, 'claim-by', ra.id, 'Last day to claim “' + title + '” (C1)',
      'Last day to submit the claim for “' + title + '” (completed ' + dateText(a.completed) +
      ') in Cisco’s CE portal: a claim must be made within 365 days of completion (C1).');
  }
  // Rolled-over credits: the last day each group can be used (C2).
  const ro = result && result.rollover;
  ((ro && ro.expires) || []).forEach((e, n) => {
    add(e.on, 'rollover-expires', String(n + 1), e.credits + ' rolled-over CE ' + (e.credits === 1 ? 'credit' : 'credits') + ': last day',
      e.credits + ' CE ' + (e.credits === 1 ? 'credit' : 'credits') + ' carried into the next cycle (A3) can be applied up to and including this day, and expire after it (C2).');
  });
  list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)); // ISO dates, as text
  return list;
}

/** A new random plan identifier: 128 bits from crypto.getRandomValues, as 32 hex digits. */
function newPlanId() {
  const b = new Uint8Array(16);
  crypto.getRandomValues(b);
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

/**
 * stamp(plan, events) -> {plan, changed}: the plan with what the calendar needs kept in it
 * (README "Deadlines calendar"): `plan_id`, a random identifier made once (the UIDs'
 * last piece), and `calendar`, per UID the date last exported and its SEQUENCE, raised by
 * one each time that event's date changes (RFC 5545 3.8.7.4). Entries of events no longer
 * exported are kept, so an event that comes back still gets a higher SEQUENCE. The plan
 * given is not changed; `changed` says whether the copy differs.
 */
function stamp(plan, events) {
  const out = JSON.parse(JSON.stringify(plan));
  let changed = false;
  if (typeof out.plan_id !== 'string' || !out.plan_id) { out.plan_id = newPlanId(); changed = true; }
  if (!out.calendar || typeof out.calendar !== 'object' || Array.isArray(out.calendar)) { out.calendar = {}; changed = true; }
  for (const e of events) {
    const uid = uidOf(out.plan_id, e.kind, e.key);
    const was = out.calendar[uid];
    const seq = was && Number.isInteger(was.sequence) && was.sequence >= 0 ? was.sequence : 0;
    if (!was || typeof was !== 'object') { out.calendar[uid] = { date: e.date, sequence: 0 }; changed = true; }
    else if (was.date !== e.date) { out.calendar[uid] = { date: e.date, sequence: seq + 1 }; changed = true; }
  }
  return { plan: out, changed };
}

/**
 * build(plan, result, now) -> the .ics text (CRLF line ends, folded lines).
 * The plan should hold `plan_id` and `calendar` (stamp()); without them each UID ends in
 * a fresh random id and every SEQUENCE is 0. now: the Date used for DTSTAMP (default: now).
 */
function build(plan, result, now) {
  const stamp = stampOf(now || new Date());
  const planId = typeof plan.plan_id === 'string' && plan.plan_id ? plan.plan_id : newPlanId();
  const seqs = plan.calendar && typeof plan.calendar === 'object' ? plan.calendar : {};
  const calName = 'ceplan deadlines' + (plan.name ? ': ' + plan.name : '');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//ceplan//Cisco recertification planner//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'X-WR-CALNAME:' + escapeText(calName),
  ];
  for (const e of events(plan, result)) {
    const uid = uidOf(planId, e.kind, e.key);
    const kept = seqs[uid];
    const sequence = kept && kept.date === e.date && Number.isInteger(kept.sequence) && kept.sequence >= 0 ? kept.sequence : 0;
    lines.push(
      'BEGIN:VEVENT',
      'UID:' + escapeText(uid),
      'SEQUENCE:' + sequence,
      'DTSTAMP:' + stamp,
      'DTSTART;VALUE=DATE:' + basic(e.date),
      'DTEND;VALUE=DATE:' + basic(nextDay(e.date)),
      'SUMMARY:' + escapeText(e.summary),
      'DESCRIPTION:' + escapeText(e.description),
      'CATEGORIES:ceplan,' + escapeText(e.kind),
      'TRANSP:TRANSPARENT',
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      'DESCRIPTION:' + escapeText(e.summary),
      'TRIGGER:-P7D',
      'END:VALARM',
      'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}

/** 'ceplan-<plan>-deadlines.ics' */
function fileName(plan) {
  const json = store.fileName(plan);
  return json.replace(/\.json$/, '') + '-deadlines.ics';
}

export { events, build, stamp, uidOf, fileName, escapeText, fold, nextDay };
