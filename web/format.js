// format.js: words and numbers, in the program's vocabulary (spec/rules.md).
// Dates are calendar dates (D1): shown as the user's locale writes them, ISO in the tooltip.
import { h } from './dom.js';

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isIsoDate(s) {
  const m = typeof s === 'string' && ISO_RE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/** The day number of an ISO date YYYY-MM-DD (days since 1970-01-01): differences are whole days (D1). NaN for other text. */
function dayNumber(iso) {
  return Math.round(Date.parse(iso + 'T00:00:00Z') / 86400000);
}

let dateFmt = null;
/**
 * The locale's date formatter, built once. Building the first DateTimeFormat of a page loads ICU's
 * date data (~15 ms on the test machine, whatever the options or locale), so a returning visitor's
 * page writes its first verdict from the stored shape below instead, and builds this after the
 * first paint (issue 6).
 */
function dateFormatter() {
  if (!dateFmt) dateFmt = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  return dateFmt;
}

// How the locale writes dates, kept in this browser between visits: twelve templates (one per
// month) of the formatter's parts, 0 standing for the day and 1 for the year, e.g. for en-US
// January: ['Jan', ' ', 0, ', ', 1]. Written only for the Gregorian calendar and Latin digits,
// where the day and the year are the plain numbers; keyed by the browser's languages.
const DATES_KEY = 'ceplan.dates.v1';
let dateShape = null;   // the shape formatDate uses until checkDateWords() has compared it with Intl
let shapeChecked = false;
let wordsVersion = 0;   // counts the times the date words changed (checkDateWords)

/**
 * signature(...parts) -> the text a drawing kept by its data is known by (view.js rows and their
 * parts, recertifications, timelines; next.js actions): the parts' JSON with the date words'
 * version, which changes when the kept words were not the browser's (checkDateWords). Dates are
 * drawn as words: the same data must then be drawn again.
 */
function signature(...parts) { return JSON.stringify([wordsVersion, ...parts]); }

function languagesKey() {
  const n = globalThis.navigator || {};
  return [n.language || ''].concat(n.languages || []).join(',');
}

/** The shape of a DateTimeFormat (above), or null when it cannot be written without Intl. */
function shapeOf(fmt) {
  const o = fmt.resolvedOptions();
  if (o.calendar !== 'gregory' || o.numberingSystem !== 'latn') return null;
  const months = [];
  for (let m = 0; m < 12; m++) {
    const t = [];
    for (const p of fmt.formatToParts(new Date(Date.UTC(2001, m, 5)))) {
      if (p.type === 'day' && p.value === '5') t.push(0);
      else if (p.type === 'year' && p.value === '2001') t.push(1);
      else if (p.type === 'month' || p.type === 'literal') t.push(p.value);
      else return null; // a padded day, a two-digit year, an era …: Intl writes these
    }
    months.push(t);
  }
  return months;
}

function validShape(s) {
  return Array.isArray(s) && s.length === 12 &&
    s.every((t) => Array.isArray(t) && t.every((x) => x === 0 || x === 1 || typeof x === 'string'));
}

/**
 * Startup: takes the stored shape of this browser's languages, so that the first verdict needs no
 * DateTimeFormat; without one (a first visit, other languages) builds the formatter now.
 */
function startDates() {
  try {
    const stored = JSON.parse(globalThis.localStorage.getItem(DATES_KEY));
    if (stored && stored.languages === languagesKey() && validShape(stored.months)) { dateShape = stored.months; return; }
  } catch (e) { /* no storage (private mode) or not JSON: Intl below */ }
  dateFormatter();
}

/**
 * After the first paint: builds the formatter, stores its shape for the next visit, and compares it
 * with the stored shape the page has written dates with. Returns true when they differ (the
 * browser's date words changed since the last visit): the dates already drawn are then wrong, and
 * the caller draws the page again, now with Intl's words.
 */
function checkDateWords() {
  if (shapeChecked) return false;
  shapeChecked = true;
  const used = dateShape;
  const shape = shapeOf(dateFormatter());
  const changed = JSON.stringify(used) !== JSON.stringify(shape);
  try {
    // Kept for the next visit; nothing where only Intl can write this browser's dates (another
    // calendar or digits), and what was kept for other languages goes.
    if (!shape) globalThis.localStorage.removeItem(DATES_KEY);
    else if (changed) globalThis.localStorage.setItem(DATES_KEY, JSON.stringify({ languages: languagesKey(), months: shape }));
  } catch (e) { /* no storage: the next visit builds the formatter at startup */ }
  if (!changed || used === null) return false; // the dates drawn are Intl's words
  dateShape = null;
  dateWords.clear();
  wordsVersion += 1;
  return true;
}

function shapedDate(y, m, d) {
  let s = '';
  for (const x of dateShape[m - 1]) s += x === 0 ? d : x === 1 ? y : x;
  return s;
}

/** '2027-03-15' -> '15 Mar 2027' (in the user's locale). Anything else is shown as given. */
// Each date's words are kept (a large plan's page and its timelines write the same few hundred
// dates again on every change).
const dateWords = new Map();
function formatDate(iso) {
  if (typeof iso === 'string') { const hit = dateWords.get(iso); if (hit !== undefined) return hit; }
  if (!isIsoDate(iso)) return iso == null ? '' : String(iso);
  const m = ISO_RE.exec(iso);
  const words = dateShape ? shapedDate(+m[1], +m[2], +m[3]) : dateFormatter().format(new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])));
  if (dateWords.size > 20000) dateWords.clear();
  dateWords.set(iso, words);
  return words;
}

/** A <time> element: locale text, ISO in datetime and title. */
function dateEl(iso, cls) {
  return h('time', { datetime: iso, title: iso, class: cls }, formatDate(iso));
}

function plural(n, one, many) { return n + ' ' + (n === 1 ? one : (many || one + 's')); }

const LEVELS = ['associate', 'specialist', 'professional', 'expert'];
const LEVEL_LABELS = { associate: 'Associate', specialist: 'Specialist', professional: 'Professional', expert: 'Expert' };

// L3 exam kinds, with the example code the user recognises.
const EXAM_KINDS = [
  { kind: 'core', label: 'Technology core', example: 'e.g. 350-401 ENCOR' },
  { kind: 'concentration', label: 'Concentration', example: 'e.g. 300-410 ENARSI' },
  { kind: 'associate', label: 'Associate', example: 'e.g. 200-301 CCNA' },
  { kind: 'expert_written', label: 'Expert written', example: 'e.g. 400-007 CCDE written' },
  { kind: 'expert_lab', label: 'Expert lab or practical', example: 'CCIE lab, CCDE practical' },
];
const EXAM_NOUN = {
  associate: ['associate exam', 'associate exams'],
  core: ['technology core exam', 'technology core exams'],
  concentration: ['concentration exam', 'concentration exams'],
  expert_written: ['expert written exam', 'expert written exams'],
  expert_lab: ['expert lab exam', 'expert lab exams'],
  professional: ['professional-level exam (core or concentration)', 'professional-level exams (core or concentration)'],
};
function examKindLabel(kind) {
  const k = EXAM_KINDS.find((e) => e.kind === kind);
  return k ? k.label : String(kind);
}

/** ['concentration','concentration','core'] -> '2 concentration exams + 1 technology core exam' */
function examsText(exams) {
  const counts = new Map();
  for (const e of exams || []) counts.set(e, (counts.get(e) || 0) + 1);
  const parts = [];
  for (const [kind, n] of counts) {
    const noun = EXAM_NOUN[kind] || [kind + ' exam', kind + ' exams'];
    parts.push(n + ' ' + (n === 1 ? noun[0] : noun[1]));
  }
  return parts.join(' + ');
}

/** A path {credits, exams} in words: '40 CE credits + 1 concentration exam'. */
function pathText(path) {
  if (!path) return '';
  const parts = [];
  if (path.credits) parts.push(plural(path.credits, 'CE credit'));
  const ex = examsText(path.exams);
  if (ex) parts.push(ex);
  return parts.join(' + ') || 'no requirement';
}

/** What a missing entry still needs: '28 more CE credits and 1 concentration exam'. */
function neededText(m) {
  const parts = [];
  if (m.credits_needed) parts.push(m.credits_needed + ' more CE ' + (m.credits_needed === 1 ? 'credit' : 'credits'));
  const ex = examsText(m.exams_needed);
  if (ex) parts.push(ex);
  return parts.join(' and ') || 'nothing more';
}

const ACTIVITY_TYPES = {
  training: { label: 'Training', add: 'Training' },
  cisco_live: { label: 'Cisco Live', add: 'Cisco Live' },
  item_authoring: { label: 'Item authoring', add: 'Item authoring' },
  exam: { label: 'Exam', add: 'Exam' },
};

const STATUSES = ['planned', 'completed', 'claimed', 'pending', 'validated', 'applied', 'rejected'];
const STATUS_LABELS = {
  planned: 'Planned', completed: 'Completed, not claimed yet', claimed: 'Claimed', pending: 'Claim pending',
  validated: 'Claim validated', applied: 'Already applied to a past recertification', rejected: 'Claim rejected',
};

const ITEM_TYPE_LABELS = {
  ccie_lab_performance: 'CCIE lab performance item',
  core_specialist_performance: 'Core / specialist performance item',
  associate_performance: 'Associate performance item',
  specialist: 'Specialist item',
  core: 'Core item',
  associate: 'Associate item',
};

// Warning codes (spec/rules.md): a short name and what the user can do about it.
const WARNINGS = {
  CREDITS_OUT_OF_RANGE: ['Credits outside 4–64', 'Check the value against the course’s CE catalog entry.'],
  NOT_ELIGIBLE_LITE: ['Lite / no-labs course', 'Take the full edition, with labs, to earn credits.'],
  NOT_ELIGIBLE_CATALOG: ['Not in the CE catalog', 'Choose a catalog course from an authorized provider.'],
  REPEAT_MINOR_VERSION: ['Minor-version repeat', 'If its version is missing, enter it; otherwise choose another course, or wait for its next major version.'],
  REPEAT_AUDIENCE_EDITION: ['Same course, other edition', 'Choose a different course.'],
  REPEAT_AFTER_ALPHA: ['Already earned in Alpha', 'Choose a different course.'],
  REPEAT_EVENT_CLAIM: ['Event already claimed', 'Put all sessions of one event in a single Cisco Live activity.'],
  NO_SESSIONS: ['No sessions', 'Add the sessions you attended (or plan to) to this event.'],
  DUPLICATE_SESSION: ['Session listed twice', 'Remove the repeated listing: a session counts once per event.'],
  SESSION_TYPE_NOT_ELIGIBLE: ['Session type not eligible', 'Pick breakouts, DevNet workshops, labs or seminars.'],
  CREDIT_VALUE_UNKNOWN: ['Credit value unknown', 'Enter Cisco’s value in the credit tables, or the session’s own credits (Cisco Live) or the activity’s total credits (item authoring).'],
  NOT_BADGED: ['Not badged in', 'Badge in at every session you want credits for.'],
  SESSION_TOO_SHORT: ['Session under 45 minutes', 'Plan sessions of 45 minutes or more.'],
  ATTENDANCE_BELOW_75: ['Attended under 75%', 'Stay for at least three quarters of the session.'],
  NOT_SME_PROGRAM: ['Not through the SME program', 'Write items through Cisco’s SME program.'],
  CLAIM_WINDOW_MISSED: ['Claim window missed', 'Claim future activities within 365 days of finishing them.'],
  CLAIM_DUE_SOON: ['Claim due soon', 'Submit the claim in the CE portal now.'],
  CREDITS_EXPIRED: ['Credits expired', 'Plan activities so they are applied within 3 years.'],
  BEFORE_CERTIFIED: ['Before first certified', 'Nothing to do: only later activities count.'],
  ROLLOVER_FORFEITED: ['Rollover forfeited', 'Nothing to do: leftovers of 4 credits or fewer are lost.'],
  ALREADY_APPLIED: ['Already applied', 'Nothing to do: it still counts when spotting repeats.'],
  REJECTED: ['Claim rejected', 'Contact Cisco if you think the rejection is wrong.'],
  AFTER_EXPIRATION: ['After expiration', 'Move it on or before the expiration date.',
    'Nothing to do for this one, it is done; plan what is still ahead on or before the expiration date.'], // the third: for an activity already past
  PENDING_VALIDATION: ['Validation pending', 'Nothing to do: it counts by its completion date.'],
  PLANNED_IN_PAST: ['Planned date has passed', 'Mark it completed, or move its date.'],
  PORTAL_DELAY: ['Portal delay', 'Claim it once it appears in the CE portal.'],
  PATH_UNVERIFIED: ['Path not confirmed by Cisco', 'Confirm it on Cisco’s recertification policy page before relying on it.'],
  RETIRED_NO_RECERT: ['Retired certification', 'Plan around your other certifications.'],
};
// Codes that say something about an activity without lowering the credits it earns
// (they are about timing, claims or information): never given as "the reason it earns less".
const NOT_A_REDUCTION = new Set(['CREDITS_OUT_OF_RANGE', 'CLAIM_DUE_SOON', 'PENDING_VALIDATION', 'PLANNED_IN_PAST',
  'PORTAL_DELAY', 'PATH_UNVERIFIED', 'AFTER_EXPIRATION', 'CREDITS_EXPIRED', 'ROLLOVER_FORFEITED']);
function explainsReduction(w) { return w && w.severity !== 'info' && !NOT_A_REDUCTION.has(w.code); }

function warningTitle(code) { return (WARNINGS[code] || [String(code || 'Note').replace(/_/g, ' ').toLowerCase()])[0]; }
/** What to do about a warning; past: its activity's date has passed, so it is never asked to move (R5). */
function warningAdvice(code, past) { const w = WARNINGS[code] || []; return (past && w[2]) || w[1] || ''; }

/**
 * A warning's message without its own rule id, which the badge beside it already shows:
 * 'validation takes … (C4)' with rule C4 -> 'validation takes …'.
 */
function messageWithoutRule(message, rule) {
  const m = String(message || '');
  if (!rule || !/^[A-Z]\d+$/.test(rule)) return m;
  return m.replace(new RegExp('\\s*\\(' + rule + '\\)', 'g'), '');
}

/**
 * What a whole-number field holds: {empty: true}, {value}, or {error}. A number input
 * showing "1e400", "-" or "e" gives the page the value "" with validity.badInput: that is
 * not empty, it is not a number. `what` completes the message (' of credits, or an empty
 * cell for unknown'). The one reading of whole-number fields, for the forms and the credit
 * tables alike.
 */
/**
 * The order in which the page advises what is missing (P2): the engine's (fewest credits needed,
 * then fewest exams), and among paths as near, the one with more of its exams already passed (a
 * CCIE holding the core exam: "a concentration exam" before "an expert lab exam", each one exam
 * away). missing: the engine's `missing` list -> a sorted copy.
 */
function adviceOrder(missing) {
  const done = (m) => ((m.path && m.path.exams) || []).length - (m.exams_needed || []).length;
  return (missing || []).slice().sort((a, b) => (a.credits_needed || 0) - (b.credits_needed || 0) ||
    (a.exams_needed || []).length - (b.exams_needed || []).length || done(b) - done(a));
}

/**
 * A user's title inside a sentence, at most `max` characters (default 80): longer, cut with "…"
 * (by code points, never inside a character). The caller gives the element the full text as its
 * title (tooltip). Finding 14: a title from a file has no length limit; the advice around it is
 * never cut.
 */
function clipText(text, max = 80) {
  const s = String(text == null ? '' : text);
  if (s.length <= max) return s;
  const cps = Array.from(s);
  return cps.length <= max ? s : cps.slice(0, max - 1).join('').trimEnd() + '…';
}

/**
 * A run of digits (/^\d+$/, already checked) as a number -> {value} | {error}: the error when it
 * is beyond what JSON can hold (a double, about 1.8e308: 309 digits or more), which would reach
 * the engine as null and be called missing. The engine's words (plan_reader.cpp).
 */
function digitsNumber(text) {
  const n = Number(text);
  return Number.isFinite(n) ? { value: n }
    : { error: 'expected a number JSON can hold (at most about 1.8e308 in size), got one of ' + text.length + ' digits' };
}

function readWholeNumber(input, what) {
  const raw = String(input.value == null ? '' : input.value).trim();
  const expected = 'expected a whole number' + (what || '');
  if (raw === '') return input.validity && input.validity.badInput ? { error: expected } : { empty: true };
  if (/^[-−]\s*\d+$/.test(raw)) return { error: 'expected 0 or more' + String(what || '').replace(/^ of /, ' ') + '; got “' + raw + '”' }; // −5 is whole, but below 0
  if (!/^\d+$/.test(raw)) return { error: expected + '; got “' + raw + '”' };
  return digitsNumber(raw);
}

/** A rule id badge, e.g. 'E3'. */
function ruleBadge(rule) {
  if (!rule) return null;
  return h('abbr', { class: 'rule', title: 'Rule ' + rule + ' of Cisco’s recertification policy as ceplan reads it' }, rule);
}

export {
  isIsoDate, dayNumber, formatDate, dateFormatter, startDates, checkDateWords, signature, dateEl, plural, LEVELS, LEVEL_LABELS, EXAM_KINDS, examKindLabel, examsText,
  pathText, neededText, explainsReduction, ACTIVITY_TYPES, STATUSES, STATUS_LABELS, ITEM_TYPE_LABELS, warningTitle, warningAdvice, ruleBadge,
  messageWithoutRule, readWholeNumber, digitsNumber, clipText, adviceOrder,
};
