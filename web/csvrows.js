// csvrows.js: an activity as CSV cells and back (README "CSV import"). Every field of every
// activity type has a column, and a Cisco Live event takes one row per session (the `session`
// column numbers them), so that export → import gives the same activities (issue 7 §2).
// What a plan holds that no column can carry (a field ceplan does not know, a number where
// text belongs) is found by doing the round trip: lost(plan) says what would not come back,
// and the export says so before writing. Pure: cells in, activities out (csv.js reads and
// writes the files, checks with the engine and reports).
import * as F from './format.js';

/** The columns the page always knew; a file with only these still imports. */
const BASE_COLUMNS = ['type', 'title', 'course', 'version', 'credits', 'completed', 'status'];
const SESSION_COLUMNS = ['session', 'session_code', 'session_title', 'session_minutes', 'session_attended_minutes', 'session_badged_in', 'session_credits'];
const COLUMNS = BASE_COLUMNS.concat(['id', 'claimed_on', 'enabled', 'lite', 'in_catalog', 'authorized', 'alpha', 'exam',
  'accepted_items', 'sme_program'], SESSION_COLUMNS);
const TYPES = ['training', 'cisco_live', 'item_authoring', 'exam'];
const EXAM_BY_PREFIX = { 100: 'associate', 200: 'associate', 300: 'concentration', 350: 'core', 400: 'expert_written' };
// Per activity type, the columns that carry one of its fields ('title' of Cisco Live is its event).
const TYPE_COLUMNS = {
  training: ['course', 'version', 'credits', 'lite', 'in_catalog', 'authorized', 'alpha'],
  cisco_live: SESSION_COLUMNS,
  item_authoring: ['course', 'credits', 'accepted_items', 'sme_program'],
  exam: ['course', 'exam'],
};
const BOOLEANS = ['enabled', 'lite', 'in_catalog', 'authorized', 'alpha', 'sme_program'];
const SESSION_FIELD = { session_code: 'code', session_title: 'title', session_minutes: 'minutes', session_attended_minutes: 'attended_minutes', session_badged_in: 'badged_in', session_credits: 'credits' };

const norm = (s) => String(s == null ? '' : s).trim();
const key = (s) => norm(s).toLowerCase().replace(/[\s-]+/g, '_');
const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * FORMULA: the text cells every CSV writer (csv.js, optionscsv.js) prefixes with ' so that a
 * spreadsheet never runs them: a cell starting with =, +, -, @, tab or CR, whatever follows
 * (line breaks included: Papa Parse's own escapeFormulae pattern ends in `.*$`, which misses
 * a cell with a line break), and one that already starts with ' before such a character (so
 * that unguard gives it back whole). Given to Papa.unparse as `escapeFormulae`.
 */
const FORMULA = /^'*[=+\-@\t\r]/;
/** unguard(cell) -> the value written before FORMULA's ' (one ' removed), else the cell as is. */
function unguard(s) { return /^'+[=+\-@\t\r]/.test(s) ? s.slice(1) : s; }

function examKindOf(course) {
  const k = key(course);
  if (F.EXAM_KINDS.some((e) => e.kind === k)) return { kind: k, code: null };
  const m = /^(\d{3})-\d{3}\b/.exec(norm(course));
  if (m && EXAM_BY_PREFIX[m[1]]) return { kind: EXAM_BY_PREFIX[m[1]], code: norm(course) };
  return null;
}

function itemTypeOf(course) {
  const k = key(course);
  if (F.ITEM_TYPE_LABELS[k]) return k;
  const byLabel = Object.keys(F.ITEM_TYPE_LABELS).find((t) => key(F.ITEM_TYPE_LABELS[t]) === k || key(F.ITEM_TYPE_LABELS[t]).replace(/_item$/, '') === k);
  return byLabel || null;
}

function statusOf(s) {
  const k = key(s);
  if (F.STATUSES.includes(k)) return k;
  return F.STATUSES.find((x) => key(F.STATUS_LABELS[x]) === k) || null;
}

/** 'true'/'yes'/'1' -> true, 'false'/'no'/'0' -> false (any case), '' -> undefined, else null. */
function booleanOf(s) {
  const k = key(s);
  if (k === '') return undefined;
  if (['true', 'yes', 'y', '1'].includes(k)) return true;
  if (['false', 'no', 'n', '0'].includes(k)) return false;
  return null;
}

/**
 * rowToActivity(values {column: text}) -> {activity, errors: [{column, message}], notes, values, session, groupKey}
 * One row: an activity without its id when the row has none, or, for a Cisco Live row
 * with a `session` number, the event with that one session (session: its number; the
 * rows of one event share groupKey: its id, else its event name and date). Empty cells
 * are "not set", never 0 or false.
 */
function rowToActivity(values) {
  const v = {};
  for (const c of COLUMNS) v[c] = unguard(norm(values[c]));
  const errors = [];
  const notes = [];
  const err = (column, message) => errors.push({ column, message });
  const note = (column, message) => notes.push({ column, message });
  const whole = (column, what) => {
    const t = v[column];
    if (t === '') return undefined;
    if (/^\d+$/.test(t)) {
      const n = F.digitsNumber(t);
      if (n.error) err(column, n.error);
      return n.value;
    }
    if (/^[-\u2212]\s*\d+$/.test(t)) err(column, 'expected 0 or more' + what + ' (or an empty cell), got “' + t + '”');
    else err(column, 'expected a whole number' + (what ? ' of' + what : '') + ' (or an empty cell), got “' + t + '”');
    return undefined;
  };
  const date = (column, required) => {
    const t = v[column];
    if (t === '') { if (required) err(column, 'required: expected a date YYYY-MM-DD'); return undefined; }
    if (F.isIsoDate(t)) return t;
    err(column, DATE_SHAPE.test(t) ? 'not a real date: “' + t + '”' : 'expected a date YYYY-MM-DD, got “' + t + '”');
    return undefined;
  };

  let type = key(v.type);
  if (type === 'cisco_live_event' || type === 'ciscolive') type = 'cisco_live';
  if (!v.type) err('type', 'required: expected one of ' + TYPES.join(', '));
  else if (!TYPES.includes(type)) err('type', 'expected one of ' + TYPES.join(', ') + ', got “' + v.type + '”');

  const a = { type };
  if (v.id) a.id = v.id;
  const completed = date('completed', true);
  let status;
  if (v.status !== '') {
    status = statusOf(v.status);
    if (!status) err('status', 'expected one of ' + F.STATUSES.join(', ') + ' (or an empty cell), got “' + v.status + '”');
  }
  const claimedOn = date('claimed_on', false);
  const flags = {};
  for (const c of BOOLEANS) {
    const b = booleanOf(v[c]);
    if (b === null) err(c, 'expected true or false (or an empty cell), got “' + v[c] + '”');
    else if (b !== undefined) flags[c] = b;
  }
  // A cell for a field this type does not have: said, and left out.
  if (TYPES.includes(type)) {
    for (const c of COLUMNS) {
      const other = Object.keys(TYPE_COLUMNS).some((t) => t !== type && TYPE_COLUMNS[t].includes(c)) && !TYPE_COLUMNS[type].includes(c);
      if (other && v[c] !== '' && !(type === 'cisco_live' && c === 'credits')) note(c, 'not used for ' + F.ACTIVITY_TYPES[type].label + '; ignored');
    }
  }

  let session = null;
  switch (type) {
    case 'training': {
      if (v.title) a.title = v.title;
      if (v.course) a.course = v.course;
      if (v.version) a.version = v.version;
      const credits = whole('credits', ' credits');
      if (v.credits === '') err('credits', 'required for a training: the CE credits from the catalog (E1)');
      else if (credits !== undefined) a.credits = credits;
      for (const c of ['lite', 'in_catalog', 'authorized', 'alpha']) if (c in flags) a[c] = flags[c];
      break;
    }
    case 'cisco_live': {
      if (v.title) a.event = v.title; // the event's name (e.g. Cisco Live US 2026), optional as in a plan
      if (v.credits !== '') err('credits', 'a Cisco Live event earns the credits of its sessions (E6): leave this cell empty and give each session its row (session, session_credits…)');
      if (v.session !== '') {
        if (/^\d+$/.test(v.session) && Number(v.session) >= 1) session = Number(v.session);
        else err('session', 'expected the session’s number, 1 or more (or an empty cell for an event row), got “' + v.session + '”');
        const s = {};
        if (v.session_code) s.code = v.session_code;
        if (v.session_title) s.title = v.session_title;
        for (const c of ['session_minutes', 'session_attended_minutes', 'session_credits']) {
          const n = whole(c, c === 'session_credits' ? ' credits' : ' minutes');
          if (n !== undefined) s[SESSION_FIELD[c]] = n;
        }
        const b = booleanOf(v.session_badged_in);
        if (b === null) err('session_badged_in', 'expected true or false (or an empty cell), got “' + v.session_badged_in + '”');
        else if (b !== undefined) s.badged_in = b;
        a.sessions = [s];
      } else {
        const stray = SESSION_COLUMNS.filter((c) => v[c] !== '');
        if (stray.length) err('session', 'the session’s number is missing: ' + stray.join(', ') + ' belong to a numbered session (1, 2, …)');
        else if (!('session' in values)) note('type', 'add the event’s sessions in ceplan (Edit), or one row per session with the session columns');
      }
      break;
    }
    case 'item_authoring': {
      if (v.title) a.title = v.title;
      const t = itemTypeOf(v.course);
      if (!v.course) err('course', 'required for item authoring: the item type, one of ' + Object.keys(F.ITEM_TYPE_LABELS).join(', '));
      else if (!t) err('course', 'expected an item type, one of ' + Object.keys(F.ITEM_TYPE_LABELS).join(', ') + ', got “' + v.course + '”');
      else a.item_type = t;
      const items = whole('accepted_items', ' accepted items');
      if (items !== undefined) a.accepted_items = items;
      const credits = whole('credits', ' credits');
      if (credits !== undefined) a.credits = credits;
      else if (v.credits === '' && items === undefined) note('credits', 'no total given: open it in ceplan to enter the accepted items (the credit table gives the rest, E8)');
      if ('sme_program' in flags) a.sme_program = flags.sme_program;
      break;
    }
    case 'exam': {
      if (v.title) a.title = v.title;
      const kinds = F.EXAM_KINDS.map((e) => e.kind);
      if (v.exam) {
        // The kind in its own column; the course column holds the code as given.
        const k = key(v.exam);
        if (kinds.includes(k)) a.exam = k;
        else err('exam', 'expected an exam kind, one of ' + kinds.join(', ') + ', got “' + v.exam + '”');
        if (v.course) a.code = v.course;
      } else {
        const k = v.course ? examKindOf(v.course) : null;
        if (!v.course) err('course', 'required for an exam: its code (e.g. 350-401) or kind (' + kinds.join(', ') + ')');
        else if (!k) err('course', 'cannot tell the exam kind from “' + v.course + '”: write the kind in the exam column (' + kinds.join(', ') + ')');
        else { a.exam = k.kind; if (k.code) a.code = k.code; }
      }
      if (v.credits !== '') err('credits', 'an exam earns no CE credits: leave this cell empty');
      break;
    }
    default: break;
  }
  if (completed) a.completed = completed;
  if (status) a.status = status;
  if (claimedOn) a.claimed_on = claimedOn;
  if ('enabled' in flags) a.enabled = flags.enabled;
  const groupKey = type === 'cisco_live' ? (v.id ? 'id\u0001' + v.id : 'event\u0001' + key(v.title) + '\u0001' + v.completed) : null;
  return { activity: a, errors, notes, values: v, session, groupKey };
}

const cell = (x) => (x === undefined || x === null ? '' : typeof x === 'boolean' ? String(x) : String(x));

/** The rows of one activity: one, or one per Cisco Live session (the inverse of rowToActivity). */
function activityToRows(a) {
  const row = {};
  for (const c of COLUMNS) row[c] = '';
  Object.assign(row, { type: cell(a.type), id: cell(a.id), completed: cell(a.completed), status: cell(a.status), claimed_on: cell(a.claimed_on), enabled: cell(a.enabled) });
  switch (a.type) {
    case 'training':
      Object.assign(row, { title: cell(a.title), course: cell(a.course), version: cell(a.version), credits: cell(a.credits) });
      for (const c of ['lite', 'in_catalog', 'authorized', 'alpha']) row[c] = cell(a[c]);
      break;
    case 'cisco_live': {
      row.title = cell(a.event);
      const sessions = Array.isArray(a.sessions) ? a.sessions : [];
      if (!sessions.length) return [row];
      return sessions.map((s, i) => Object.assign({}, row, {
        session: String(i + 1), session_code: cell(s && s.code), session_title: cell(s && s.title), session_minutes: cell(s && s.minutes),
        session_attended_minutes: cell(s && s.attended_minutes), session_badged_in: cell(s && s.badged_in), session_credits: cell(s && s.credits),
      }));
    }
    case 'item_authoring':
      Object.assign(row, { title: cell(a.title), course: cell(a.item_type), credits: cell(a.credits), accepted_items: cell(a.accepted_items), sme_program: cell(a.sme_program) });
      break;
    case 'exam':
      Object.assign(row, { title: cell(a.title), course: cell(a.code), exam: cell(a.exam) });
      break;
    default:
      row.title = cell(a.title);
  }
  return [row];
}

/**
 * assemble(rows [{row, values, parseProblem?}]) -> [{rows: [row numbers], activity, errors: [{row, column, message}], notes, values}]
 * The activities the rows make, in the order of their first row: a Cisco Live event's
 * session rows (same groupKey) become one activity with its sessions in session-number
 * order. An item with an error in any of its rows is to be fixed whole: its good rows
 * say they are held back with it.
 */
function assemble(rows) {
  const items = [];
  const groups = new Map();
  for (const r of rows) {
    const res = rowToActivity(r.values);
    const errors = res.errors.map((e) => ({ row: r.row, column: e.column, message: e.message }));
    if (r.parseProblem) errors.unshift({ row: r.row, column: null, message: 'the row could not be read as CSV: ' + r.parseProblem });
    const notes = res.notes.map((n) => ({ row: r.row, column: n.column, message: n.message }));
    const entry = { row: r.row, res, values: r.values };
    const g = res.groupKey ? groups.get(res.groupKey) : null;
    if (g) {
      g.entries.push(entry);
      g.errors.push(...errors);
      g.notes.push(...notes);
      continue;
    }
    const item = { entries: [entry], errors, notes };
    if (res.groupKey) groups.set(res.groupKey, item);
    items.push(item);
  }
  return items.map((item) => {
    const first = item.entries[0];
    const activity = JSON.parse(JSON.stringify(first.res.activity));
    delete activity.sessions;
    if (first.res.activity.type === 'cisco_live') {
      const numbered = item.entries.filter((e) => e.res.session !== null);
      const byNumber = new Map();
      for (const e of numbered) {
        if (byNumber.has(e.res.session)) {
          item.errors.push({ row: e.row, column: 'session', message: 'session ' + e.res.session + ' is given twice (also row ' + byNumber.get(e.res.session).row + ')' });
        } else byNumber.set(e.res.session, e);
      }
      // The event's own cells are the same on each of its rows.
      const own = (x) => JSON.stringify(Object.assign({}, x.res.activity, { sessions: undefined }));
      for (const e of item.entries.slice(1)) {
        if (own(e) !== own(first)) item.errors.push({ row: e.row, column: null, message: 'this row is a session of the event in row ' + first.row + ' (same ' + (first.res.values.id ? 'id' : 'event and date') + ') but its other cells differ from that row’s' });
      }
      if (numbered.length) activity.sessions = Array.from(byNumber.keys()).sort((p, q) => p - q).map((n) => byNumber.get(n).res.activity.sessions[0]);
    }
    const rowsOf = item.entries.map((e) => e.row);
    const bad = new Set(item.errors.map((e) => e.row));
    if (bad.size) {
      for (const e of item.entries) {
        if (!bad.has(e.row)) item.errors.push({ row: e.row, column: null, message: 'held back with its event: fix ' + Array.from(bad).map((n) => 'row ' + n).join(', ') + ' and add them again together' });
      }
      item.errors.sort((p, q) => p.row - q.row);
    }
    return { rows: rowsOf, sessionRows: item.entries.filter((e) => e.res.session !== null).sort((p, q) => p.res.session - q.res.session).map((e) => e.row),
      activity, errors: item.errors, notes: item.notes, values: item.entries.map((e) => ({ row: e.row, values: e.values })) };
  });
}

/** Equal as plain JSON values, with the same keys in any order. */
function same(x, y) {
  if (x === y) return true;
  if (typeof x !== typeof y || x === null || y === null || typeof x !== 'object') return false;
  if (Array.isArray(x) !== Array.isArray(y)) return false;
  const kx = Object.keys(x);
  const ky = Object.keys(y);
  return kx.length === ky.length && kx.every((k) => Object.prototype.hasOwnProperty.call(y, k) && same(x[k], y[k]));
}

/** '“x”' for text, the JSON otherwise. */
function shown(x) { return typeof x === 'string' ? '“' + x + '”' : JSON.stringify(x); }

/**
 * The differences between an activity and what came back from its rows, as
 * [{pointer (relative: '/notes', '/sessions/0/room'), was, back}]. `null` and absent are
 * the same ("not set", plan-format.md), and so are an empty session list and none.
 */
function differences(orig, back, at) {
  const out = [];
  const unset = (x) => x === undefined || x === null;
  const walk = (x, y, p) => {
    if (unset(x) && unset(y)) return;
    if (x && y && typeof x === 'object' && typeof y === 'object' && Array.isArray(x) === Array.isArray(y)) {
      const keys = new Set(Object.keys(x).concat(Object.keys(y)));
      for (const k of keys) walk(x[k], y[k], p + '/' + String(k).replace(/~/g, '~0').replace(/\//g, '~1'));
      return;
    }
    if (Array.isArray(x) && !x.length && unset(y)) return; // sessions: [] and none
    if (!same(x, y)) out.push({ pointer: p, was: x, back: y });
  };
  walk(orig, back, at || '');
  return out;
}

/** The CSV rows of a plan's activities, in plan order. */
function planRows(plan) {
  return (Array.isArray(plan.activities) ? plan.activities : []).flatMap((a) => (a && typeof a === 'object' && !Array.isArray(a) ? activityToRows(a) : [{ type: 'not-an-activity' }]));
}

/**
 * lost(plan, rows?) -> [{pointer, message}]: what export → import would not give back, each
 * with its pointer in the plan ('/activities/2/notes'): found by reading the rows back
 * (rows: what the file holds, from the CSV text; default planRows(plan)).
 */
function lost(plan, rows) {
  const acts = Array.isArray(plan.activities) ? plan.activities : [];
  const back = assemble((rows || planRows(plan)).map((values, i) => ({ row: i + 2, values })));
  const out = [];
  acts.forEach((a, i) => {
    const at = '/activities/' + i;
    if (!a || typeof a !== 'object' || Array.isArray(a)) { out.push({ pointer: at, message: 'not an activity: it has no row' }); return; }
    const b = back[i] ? back[i].activity : {};
    const refused = back[i] && back[i].errors.length ? back[i].errors.map((e) => (e.column ? e.column + ': ' : '') + e.message).join('; ') : '';
    for (const d of differences(a, b, at)) {
      out.push({ pointer: d.pointer, message: refused
        ? shown(d.was) + ': the import would refuse its row (' + refused + ')'
        : unsetText(d.back) ? shown(d.was) + ' has no column: it would be left out'
          : shown(d.was) + ' would come back as ' + shown(d.back) });
    }
  });
  return out;
}
function unsetText(x) { return x === undefined || x === null; }

/**
 * A CSV file's text as Papa Parse is to read it: without a byte-order mark, every line break
 * between records LF (CRLF and CR too). Papa takes the line break of the first line for the
 * whole file, so a file whose later lines end otherwise (a CRLF header, LF rows appended in
 * another editor) lost those rows. Line breaks inside a quoted field are kept as they are.
 */
function csvText(text) {
  const s = String(text).replace(/^\uFEFF/, '');
  if (!s.includes('\r')) return s;
  let out = '';
  let from = 0;
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 34) quoted = !quoted; // "" inside a quoted field toggles twice
    else if (c === 13 && !quoted) {
      out += s.slice(from, i) + '\n';
      if (s.charCodeAt(i + 1) === 10) i += 1;
      from = i + 1;
    }
  }
  return out + s.slice(from);
}

export {
  csvText, FORMULA, unguard, COLUMNS, BASE_COLUMNS, SESSION_COLUMNS, rowToActivity, activityToRows, assemble, planRows, lost, differences, same };
