// optionscsv.js: the options of Suggest a plan in and out as CSV, like the activities
// (csv.js), in columns of their own (README "Suggest a plan"):
//   id, type, title, course, version, credits, money, hours, earliest, latest
// `title` is a Cisco Live option's event, `course` an exam's code (or kind) and an item-
// authoring option's item type, as in the activities' CSV. Papa Parse reads and writes the
// files. Each row is checked here (row and column named), then the optimizer's own reader
// judges the options (options.checkOptions), a row it refuses being reported the same way;
// the good rows are added in one undoable change.
import Papa from 'papaparse';
import * as F from './format.js';
import * as app from './app.js';
import * as store from './store.js';
import * as toolbar from './toolbar.js';
import * as options from './options.js';
import * as R from './csvrows.js';

const COLUMNS = ['id', 'type', 'title', 'course', 'version', 'credits', 'money', 'hours', 'earliest', 'latest'];
const TYPES = ['training', 'cisco_live', 'item_authoring', 'exam'];
const EXAM_BY_PREFIX = { 100: 'associate', 200: 'associate', 300: 'concentration', 350: 'core', 400: 'expert_written' };
// The optimizer's pointers under an option, back to the column they came from.
const POINTER_COLUMN = { '/id': 'id', '/cost/money': 'money', '/cost/hours': 'hours', '/earliest': 'earliest', '/latest': 'latest',
  '/activity/type': 'type', '/activity/title': 'title', '/activity/event': 'title', '/activity/course': 'course', '/activity/code': 'course',
  '/activity/exam': 'course', '/activity/item_type': 'course', '/activity/version': 'version', '/activity/credits': 'credits' };

const norm = (s) => String(s == null ? '' : s).trim();
const key = (s) => norm(s).toLowerCase().replace(/[\s-]+/g, '_');
// A value written with a leading ' to stop spreadsheet formulas gets it back (csvrows.js).
const unguard = R.unguard;

function examOf(course) {
  const k = key(course);
  if (F.EXAM_KINDS.some((e) => e.kind === k)) return { exam: k };
  const m = /^(\d{3})-\d{3}\b/.exec(norm(course));
  return m && EXAM_BY_PREFIX[m[1]] ? { exam: EXAM_BY_PREFIX[m[1]], code: norm(course) } : null;
}

/** The cells of one option (the inverse of rowToOption where it can be). */
function optionToRow(o) {
  const a = o && typeof o.activity === 'object' && o.activity ? o.activity : {};
  const cost = o && typeof o.cost === 'object' && o.cost ? o.cost : {};
  const num = (n) => (Number.isFinite(n) ? n : '');
  const row = { id: o && o.id != null ? String(o.id) : '', type: a.type || '', title: '', course: '', version: '', credits: '',
    money: num(cost.money), hours: num(cost.hours), earliest: (o && o.earliest) || '', latest: (o && o.latest) || '' };
  switch (a.type) {
    case 'training': Object.assign(row, { title: a.title || '', course: a.course || '', version: a.version == null ? '' : String(a.version), credits: num(a.credits) }); break;
    case 'cisco_live': row.title = a.event || ''; break;
    case 'item_authoring': Object.assign(row, { title: a.title || '', course: a.item_type || '', credits: num(a.credits) }); break;
    case 'exam': Object.assign(row, { title: a.title || '', course: a.code || a.exam || '' }); break;
    default: row.title = a.title || '';
  }
  return row;
}

/** The options as CSV text (UTF-8 with a byte-order mark, CRLF), in list order. */
function exportText(plan) {
  const rows = options.optionsOf(plan).map(optionToRow);
  const text = Papa.unparse({ fields: COLUMNS, data: rows.map((r) => COLUMNS.map((c) => r[c])) }, { escapeFormulae: R.FORMULA, newline: '\r\n' });
  return '\uFEFF' + text + '\r\n';
}

function fileName(plan) { return store.fileName(plan).replace(/\.json$/, '') + '-options.csv'; }

function exportFile(plan) {
  if (!options.optionsOf(plan).length) { app.toast('There are no options to export.'); return; }
  toolbar.download(fileName(plan), exportText(plan), 'text/csv');
}

/**
 * rowToOption(values {column: text}) -> {option (no id), id (the row's, or ''), errors: [{column, message}]}
 * Empty cells are "not set", never 0.
 */
function rowToOption(values) {
  const v = {};
  for (const c of COLUMNS) v[c] = unguard(norm(values[c]));
  const errors = [];
  const err = (column, message) => errors.push({ column, message });
  const type = key(v.type) === 'cisco_live_event' ? 'cisco_live' : key(v.type);
  if (!v.type) err('type', 'required: expected one of ' + TYPES.join(', '));
  else if (!TYPES.includes(type)) err('type', 'expected one of ' + TYPES.join(', ') + ', got “' + v.type + '”');
  const whole = (c) => {
    if (v[c] === '') return undefined;
    if (/^\d+$/.test(v[c])) {
      const n = F.digitsNumber(v[c]);
      if (n.error) err(c, n.error);
      return n.value;
    }
    err(c, 'expected a whole number of 0 or more (or an empty cell), got “' + v[c] + '”');
    return undefined;
  };
  const credits = whole('credits');
  const a = { type };
  switch (type) {
    case 'training':
      if (v.title) a.title = v.title;
      if (v.course) a.course = v.course;
      if (v.version) a.version = v.version;
      if (!v.title && !v.course) err('title', 'required for a training: its title (or a course code in the course column)');
      if (v.credits === '') err('credits', 'required for a training: the CE credits from the catalog (E1)');
      else if (credits !== undefined) a.credits = credits;
      break;
    case 'cisco_live':
      if (v.title) a.event = v.title; else err('title', 'required for Cisco Live: the event, e.g. Cisco Live US 2027');
      a.sessions = [];
      if (v.credits !== '') err('credits', 'a Cisco Live event earns the credits of its sessions (E6): leave this cell empty and add the sessions with Edit');
      break;
    case 'item_authoring': {
      if (v.title) a.title = v.title;
      const t = F.ITEM_TYPE_LABELS[key(v.course)] ? key(v.course) : null;
      if (!t) err('course', 'expected an item type, one of ' + Object.keys(F.ITEM_TYPE_LABELS).join(', ') + (v.course ? ', got “' + v.course + '”' : ''));
      else a.item_type = t;
      if (credits !== undefined) a.credits = credits;
      break;
    }
    case 'exam': {
      if (v.title) a.title = v.title;
      const e = v.course ? examOf(v.course) : null;
      if (!e) err('course', v.course ? 'cannot tell the exam kind from “' + v.course + '”: write the kind instead (' + F.EXAM_KINDS.map((k) => k.kind).join(', ') + ')'
        : 'required for an exam: its code (e.g. 350-401) or kind (' + F.EXAM_KINDS.map((k) => k.kind).join(', ') + ')');
      else Object.assign(a, e);
      if (v.credits !== '') err('credits', 'an exam earns no CE credits: leave this cell empty');
      break;
    }
    default: break;
  }
  const option = { activity: a };
  const money = whole('money');
  const hours = whole('hours');
  if (money !== undefined || hours !== undefined) {
    option.cost = {};
    if (money !== undefined) option.cost.money = money;
    if (hours !== undefined) option.cost.hours = hours;
  }
  for (const c of ['earliest', 'latest']) {
    if (v[c] === '') continue;
    if (F.isIsoDate(v[c])) option[c] = v[c];
    else err(c, 'expected a date YYYY-MM-DD (or an empty cell), got “' + v[c] + '”');
  }
  return { option, id: v.id, errors };
}

const sameOption = (x, y) => JSON.stringify(optionToRow(Object.assign({}, x, { id: '' }))) === JSON.stringify(optionToRow(Object.assign({}, y, { id: '' })));

/**
 * check(plan, text) -> {plan: candidate, added: [{row, option}], bad: [{row, errors}], skipped: [row], problems: [message]}
 * Nothing is changed; the caller applies the candidate. Row numbers as a spreadsheet
 * shows them (the header is row 1).
 */
function check(plan, text) {
  const out = { plan, added: [], bad: [], skipped: [], problems: [] };
  const parsed = Papa.parse(R.csvText(text), { header: false, skipEmptyLines: false });
  const recs = parsed.data;
  const blank = (r) => !r || r.every((c) => norm(c) === '');
  let start = 0;
  while (start < recs.length && blank(recs[start])) start += 1;
  if (start >= recs.length) { out.problems.push('the file is empty: expected a header row (' + COLUMNS.join(', ') + ') and one row per option'); return out; }
  const header = recs[start].map(key);
  if (!header.includes('type')) { out.problems.push('row ' + (start + 1) + ': expected the header row naming the columns ' + COLUMNS.join(', ') + ' (missing: type)'); return out; }
  if (!header.includes('money') && header.includes('completed')) {
    out.problems.push('This looks like a CSV of activities (it has a completed column and no money column): import it with Import → Activities (CSV).');
    return out;
  }
  const good = [];
  for (let i = start + 1; i < recs.length; i++) {
    if (blank(recs[i])) continue;
    const values = {};
    header.forEach((col, j) => { if (COLUMNS.includes(col) && values[col] === undefined) values[col] = recs[i][j]; });
    const r = rowToOption(values);
    if (r.errors.length) { out.bad.push({ row: i + 1, errors: r.errors }); continue; }
    const existing = options.optionsOf(plan).concat(good.map((g) => g.option));
    if (existing.some((o) => sameOption(o, r.option))) { out.skipped.push(i + 1); continue; }
    good.push({ row: i + 1, option: r.option, id: r.id });
  }
  // The optimizer's reader judges the rest; a row it refuses goes to the bad list with its column.
  for (let round = 0; round <= good.length && good.length; round++) {
    const res = options.checkOptions(plan, good.map((g) => g.option));
    if (res.ok) break;
    const refused = new Map();
    for (const e of res.errors) {
      const m = /^\/options\/(\d+)(.*)$/.exec(e.pointer);
      if (!m) continue;
      if (!refused.has(+m[1])) refused.set(+m[1], []);
      refused.get(+m[1]).push({ column: POINTER_COLUMN[m[2]] || null, message: e.message });
    }
    if (!refused.size) break;
    const keep = [];
    good.forEach((g, k) => { if (refused.has(k)) out.bad.push({ row: g.row, errors: refused.get(k) }); else keep.push(g); });
    good.length = 0;
    good.push(...keep);
  }
  const cand = JSON.parse(JSON.stringify(plan));
  cand.options = options.optionsOf(cand);
  for (const g of good) {
    const id = g.id && !options.usedIds(cand).has(g.id) ? g.id : options.newOptionId(cand); // the row's id when still free
    const option = Object.assign({ id }, g.option);
    cand.options.push(option);
    out.added.push({ row: g.row, option });
  }
  out.bad.sort((x, y) => x.row - y.row);
  out.plan = cand;
  return out;
}

/** Import options from CSV text: good rows added in one undoable change, the rest reported by row and column. */
function importText(text, fileLabel) {
  const plan = app.state.plan;
  const r = check(plan, text);
  if (r.added.length) {
    const applied = app.apply(r.plan, { toast: 'Added ' + F.plural(r.added.length, 'option') + ' from ' + fileLabel + '.' });
    if (!applied.ok) { app.showProblems(fileLabel + ' could not be imported; your plan was not changed', applied.errors); return r; }
  }
  const problems = r.problems.map((message) => ({ message }))
    .concat(r.bad.flatMap((b) => b.errors.map((e) => ({ message: 'row ' + b.row + (e.column ? ', ' + e.column : '') + ': ' + e.message }))))
    .concat(r.skipped.length ? [{ message: (r.skipped.length === 1 ? 'row ' : 'rows ') + r.skipped.join(', ') + ': already in the options; not added again' }] : []);
  if (problems.length) {
    app.showProblems(r.added.length ? 'Added ' + F.plural(r.added.length, 'option') + ' from ' + fileLabel + '; some rows were not added'
      : 'No option was added from ' + fileLabel, problems, { kind: 'options-csv', keepToast: r.added.length > 0 });
  }
  return r;
}

/** Import a CSV file's bytes (UTF-8, with or without its byte-order mark; otherwise Windows-1252). */
function importBytes(bytes, fileLabel) {
  const b = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let text;
  try { text = new TextDecoder('utf-8', { fatal: true }).decode(b); } catch (e) { text = new TextDecoder('windows-1252').decode(b); }
  return importText(text, fileLabel);
}

export { COLUMNS, optionToRow, rowToOption, exportText, exportFile, fileName, check, importText, importBytes };
