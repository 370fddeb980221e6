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

/** A safe piece of a UID: letters, digits, '-' and '.' only. */
function uidPart(s) { return String(s == null ? '' : s).replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^-+|-+$/g, '') || 'x'; }

function certLabel(plan, id) {
  const c = (plan.certifications || []).find((x) => x.id === id);
  return (c && (c.name || c.id)) || String(id);
}

function activityLabel(a) {
  return view.activityTitle(a);
}

/** The missing path that needs the fewest additional credits, then the fewest exams (P2). */
function cheapest(missing) {
  return (missing || []).slice().sort((a, b) => (a.credits_needed || 0) - (b.credits_needed || 0) ||
    (a.exams_needed || []).length - (b.exams_needed || []).length)[0] || null;
}

/**
 * events(plan, result) -> [{date, kind, summary, description, key}], in date order.
 * Dates before the plan's `today` are left out: the calendar holds what is still ahead.
 */
function events(plan, result) {
  const today = (result && result.today) || plan.today || '';
  const list = [];
  const add = (date, kind, key, summary, description) => {
    if (typeof date !== 'string' || !ISO.test(date) || date < today) return;
    list.push({ date, kind, key, summary, description });
  };
  const dateText = (iso) => (F ? F.formatDate(iso) : iso);
  for (const rc of (result && result.certifications) || []) {
    const name = rc.name || certLabel(plan, rc.id);
    const current = rc.original_expires ||
      ((plan.certifications || []).find((c) => c.id === rc.id) || {}).expires;
    const recerts = rc.recertifications || [];
    // Expiration after the plan (P1), and the current one when the plan moves it.
    if (rc.status !== 'expired') {
      add(rc.expires, 'expires', rc.id, name + ': last day valid' + (current && current !== rc.expires ? ' after this plan' : ''),
        name + ' is valid through this day' + (recerts.length ? ', once the plan recertifies it on ' +
          recerts.map((r) => dateText(r.on)).join(', ') + ' (R5)' : '') + '. ' +
        (rc.status === 'retired' ? 'It is retired and cannot be recertified (L6).' :
          rc.status === 'will_expire' ? 'The plan does not recertify it: it lapses after this day.' :
            'Plan the next cycle before then.'));
    }
    if (current && current !== rc.expires) {
      add(current, 'current-expires', rc.id, name + ': current expiration',
        name + ' is valid through this day unless it is recertified first. The plan recertifies it on ' +
        dateText(recerts.length ? recerts[0].on : current) + ' (R2).');
    }
    // Finish by (R5): the latest date the final activity could move to and still be on time.
    for (const r of recerts) {
      if (!r.latest_on_time) continue;
      add(r.latest_on_time, 'finish-by', rc.id + '-' + basic(r.on), name + ': finish by (latest on-time date)',
        'The plan recertifies ' + name + ' on ' + dateText(r.on) + (F ? ' by ' + F.pathText(r.path) : '') + '. ' +
        'Its last qualifying activity can move as late as this day and still be on time (R5)' +
        (r.days_given_up > 0 ? ', which keeps ' + r.days_given_up + ' days of validity that finishing early gives up.' : '.'));
    }
    if (rc.status === 'will_expire') {
      const m = cheapest(rc.missing);
      if (m) {
        add(m.by, 'finish-by', rc.id + '-missing', name + ': finish by (at risk)',
          name + ' is at risk: ' + (F ? F.neededText(m) : (m.credits_needed || 0) + ' credits') +
          ' still needed by this day' + (F ? ' for the path ' + F.pathText(m.path) : '') + ' (P2).' +
          ((rc.missing || []).length > 1 ? ' Other paths are listed in ceplan.' : ''));
      }
    }
  }
  // The last day to claim each activity not yet claimed (C1).
  const byId = new Map((plan.activities || []).map((a) => [a.id, a]));
  for (const ra of (result && result.activities) || []) {
    const a = byId.get(ra.id);
    if (!a || a.enabled === false || !ra.claim_by) continue;
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
  list.sort((a, b) => a.date.localeCompare(b.date));
  return list;
}

/**
 * build(plan, result, now) -> the .ics text (CRLF line ends, folded lines).
 * now: the Date used for DTSTAMP (default: now).
 */
function build(plan, result, now) {
  const stamp = stampOf(now || new Date());
  const planKey = uidPart(String(plan.name || 'plan').toLowerCase());
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
    lines.push(
      'BEGIN:VEVENT',
      'UID:' + e.kind + '-' + uidPart(e.key) + '-' + basic(e.date) + '.' + planKey + '@ceplan',
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

export { events, build, fileName, escapeText, fold, nextDay };
