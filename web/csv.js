// csv.js: activities in and out as CSV (the columns: csvrows.js and README "CSV import").
// Parsing and writing are Papa Parse's (npm papaparse, bundled into page.js). Each row is checked here so that a problem can be
// named by row and column ("row 3, completed: expected a date YYYY-MM-DD"); the engine then
// judges the plan with the good rows, and a row it refuses is reported the same way. Good rows
// are added in one undoable change; bad rows stay listed, to fix in place or download.
import Papa from 'papaparse';
import { h, uid } from './dom.js';
import * as F from './format.js';
import * as store from './store.js';
import * as engine from './engine.js';
import * as toolbar from './toolbar.js';
import * as app from './app.js';
import * as R from './csvrows.js';

// The columns and the mapping of every field to them: csvrows.js.
const COLUMNS = R.COLUMNS;
const PREFIX = { training: 't', cisco_live: 'cl', item_authoring: 'ia', exam: 'x' };
const IGNORED_COLUMNS = new Set(['problem']); // the column our own download of bad rows adds
const norm = (s) => String(s == null ? '' : s).trim();
const key = (s) => norm(s).toLowerCase().replace(/[\s-]+/g, '_');
const rowToActivity = R.rowToActivity;

/** CSV text of rows; columns: COLUMNS, or (some) only those the rows have (a file's own columns). */
function unparse(rows, extra, some) {
  const fields = (some ? COLUMNS.filter((c) => rows.some((r) => c in r)) : COLUMNS).concat(extra || []);
  const text = Papa.unparse({ fields, data: rows.map((r) => fields.map((f) => (r[f] == null ? '' : r[f]))) },
    { escapeFormulae: R.FORMULA, newline: '\r\n' }); // 1: every formula neutralised
  return '\uFEFF' + text + '\r\n'; // the byte-order mark makes spreadsheets read it as UTF-8
}

/** The plan's activities as CSV text, in plan order (a Cisco Live event: one row per session). */
function exportText(plan) {
  return unparse(R.planRows(plan));
}

/**
 * exportCheck(plan) -> {text, lost: [{pointer, message}]}: the CSV text, and what in the
 * plan it would not give back, found by reading that very text back (the export says so
 * before writing, README "CSV import").
 */
function exportCheck(plan) {
  const text = exportText(plan);
  const parsed = parseText(text);
  return { text, lost: R.lost(plan, parsed.rows.map((r) => r.values)) };
}

function fileName(plan) {
  const json = store.fileName(plan);
  return json.replace(/\.json$/, '') + '-activities.csv';
}

/**
 * records(text) -> {records: [[cell]], problems: Map(index -> message), swallowed: [{index, count, cells}]}
 * Papa Parse's records, except that a quote that opens a field and never closes does not
 * take the rest of the file with it: Papa reads every line after it into that field
 * (MissingQuotes). The line with the quote is kept alone as that record, its cells read
 * again without the quote (for the user to check), and the lines after it are read again
 * on their own. swallowed names each such record and how many records it had taken.
 */
function records(text) {
  const out = { records: [], problems: new Map(), swallowed: [] };
  let rest = text;
  for (;;) {
    const parsed = Papa.parse(rest, { header: false, skipEmptyLines: false });
    const base = out.records.length;
    const open = (parsed.errors || []).find((e) => e.code === 'MissingQuotes' && Number.isInteger(e.index) && Number.isInteger(e.row));
    const upTo = open ? open.row : parsed.data.length;
    for (let i = 0; i < upTo; i++) out.records.push(parsed.data[i]);
    for (const e of parsed.errors || []) if (Number.isInteger(e.row) && e.row < upTo) out.problems.set(base + e.row, e.message);
    if (!open) return out;
    const quote = Math.max(0, rest.lastIndexOf('"', open.index)); // Papa's index is just after it
    const lineStart = rest.lastIndexOf('\n', quote) + 1;
    let lineEnd = rest.indexOf('\n', quote);
    if (lineEnd < 0) lineEnd = rest.length;
    const line = rest.slice(lineStart, lineEnd).replace(/\r$/, '');
    const cells = Papa.parse(line.slice(0, quote - lineStart) + line.slice(quote - lineStart + 1), { header: false }).data[0] || [];
    rest = rest.slice(lineEnd + 1);
    const after = rest ? Papa.parse(rest, { header: false, skipEmptyLines: 'greedy' }).data.length : 0;
    out.swallowed.push({ index: out.records.length, count: after, cells });
    out.problems.set(out.records.length, 'a quote (") opens a field that is never closed');
    out.records.push(cells);
    if (!rest) return out;
  }
}

/**
 * parseText(text) -> {rows: [{row, values, parseProblem}], errors: [{row, column, message}], notes: [...], problems: [...]}
 * Row numbers are as a spreadsheet shows them: the header is row 1. problems: what is
 * wrong with the file as a whole (shown above the rows).
 */
function parseText(text) {
  const out = { rows: [], errors: [], notes: [], problems: [] };
  const read = records(R.csvText(text));
  const recs = read.records;
  const blank = (r) => !r || r.every((c) => norm(c) === '');
  let start = 0;
  while (start < recs.length && blank(recs[start])) start += 1;
  if (start >= recs.length) {
    out.errors.push({ row: 1, column: null, message: 'the file is empty: expected a header row (' + COLUMNS.join(', ') + ') and one row per activity' });
    return out;
  }
  const header = recs[start].map(key);
  const missing = ['type', 'completed'].filter((c) => !header.includes(c));
  if (missing.length) {
    out.errors.push({ row: start + 1, column: null, message: 'expected the header row naming the columns ' + COLUMNS.join(', ') +
      ' (missing: ' + missing.join(', ') + ')' });
    return out;
  }
  header.forEach((col, i) => {
    if (col && !COLUMNS.includes(col) && !IGNORED_COLUMNS.has(col)) out.notes.push({ row: start + 1, column: col, message: 'not a ceplan column; ignored' });
    if (col && header.indexOf(col) !== i) out.notes.push({ row: start + 1, column: col, message: 'named twice; the first one is used' });
  });
  for (const sw of read.swallowed) {
    const row = sw.index + 1;
    const range = sw.count === 0 ? '' : sw.count === 1 ? 'row ' + (row + 1) : 'rows ' + (row + 1) + '–' + (row + sw.count);
    out.problems.push({ row, column: null, message: range
      ? 'a quote (") opens a field that is never closed, so the rest of the file (' + range + ') was read into this row. ' +
        (sw.count === 1 ? 'That row was' : 'Those rows were') + ' read again on ' + (sw.count === 1 ? 'its' : 'their') +
        ' own; row ' + row + ' is listed below without the quote: check it and add it again.'
      : 'a quote (") opens a field that is never closed. The row is listed below without the quote: check it and add it again.' });
  }
  for (let i = start + 1; i < recs.length; i++) {
    const r = recs[i];
    if (blank(r)) continue;
    const values = {};
    header.forEach((col, j) => { if (COLUMNS.includes(col) && values[col] === undefined) values[col] = r[j] === undefined ? '' : r[j]; });
    out.rows.push({ row: i + 1, values, parseProblem: read.problems.get(i) || null });
  }
  return out;
}

/**
 * decode(bytes) -> {text, encoding}
 * A CSV file's bytes as text: UTF-8 (with or without its byte-order mark) or UTF-16 with
 * its mark; bytes that are not valid UTF-8 are read as Windows-1252, what Excel writes for
 * "CSV (Comma delimited)" on Western European Windows (encoding 'windows-1252': the
 * import says so).
 */
function decode(bytes) {
  const b = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const as = (label, fatal) => new TextDecoder(label, { fatal: !!fatal }).decode(b);
  if (b[0] === 0xFF && b[1] === 0xFE) return { text: as('utf-16le'), encoding: 'utf-16le' };
  if (b[0] === 0xFE && b[1] === 0xFF) return { text: as('utf-16be'), encoding: 'utf-16be' };
  try {
    return { text: as('utf-8', true), encoding: 'utf-8' };
  } catch (e) {
    return { text: as('windows-1252'), encoding: 'windows-1252' };
  }
}

/** 'row 2', 'rows 2, 5 and 9', 'rows 2, 3, 4, 5, 6 and 7 more' */
function rowList(rows) {
  if (rows.length === 1) return 'row ' + rows[0];
  const shown = rows.slice(0, rows.length > 6 ? 5 : rows.length);
  const more = rows.length - shown.length;
  return 'rows ' + (more ? shown.join(', ') + ' and ' + more + ' more' : shown.slice(0, -1).join(', ') + ' and ' + shown[shown.length - 1]);
}

/**
 * What to tell about the file's characters: read as Windows-1252 (the rows whose letters
 * that decided), or holding U+FFFD, the mark of bytes that could not be read as text.
 */
function encodingNotes(parsed, encoding) {
  const rowsWith = (re) => parsed.rows.filter((r) => Object.values(r.values).some((v) => re.test(v))).map((r) => r.row);
  const notes = [];
  if (encoding === 'windows-1252') {
    const rows = rowsWith(/[^\x00-\x7F]/);
    notes.push({ row: null, column: null, message: 'This file is not UTF-8: it was read as Windows-1252 (Latin-1), the encoding of Excel’s ' +
      '“CSV (Comma delimited)”' + (rows.length ? '. Check the accented letters in ' + rowList(rows) : '') +
      '. Saving the file as “CSV UTF-8” avoids the question.' });
  }
  const lost = rowsWith(/\uFFFD/);
  if (lost.length) {
    notes.push({ row: null, column: null, message: 'Some characters could not be read (they show as “\uFFFD”) in ' + rowList(lost) +
      ': the file was probably not saved as UTF-8. Save it as “CSV UTF-8” and import it again, or correct ' +
      (lost.length === 1 ? 'that row' : 'those rows') + '.' });
  }
  return notes;
}

// Engine pointers back to the CSV column they came from.
const FIELD_COLUMN = { title: 'title', event: 'title', course: 'course', code: 'course', exam: 'exam', item_type: 'course',
  version: 'version', credits: 'credits', completed: 'completed', status: 'status', type: 'type', id: 'id', claimed_on: 'claimed_on',
  enabled: 'enabled', lite: 'lite', in_catalog: 'in_catalog', authorized: 'authorized', alpha: 'alpha', accepted_items: 'accepted_items',
  sme_program: 'sme_program' };
const SESSION_FIELD_COLUMN = { code: 'session_code', title: 'session_title', minutes: 'session_minutes', attended_minutes: 'session_attended_minutes', badged_in: 'session_badged_in', credits: 'session_credits' };

/**
 * An imported item is already in the plan when an activity there has the same cells in
 * every column the file has (the id aside, and the columns the file lacks ignored), row
 * for row (a Cisco Live event: session for session).
 */
function alreadyThere(existing, item) {
  const columns = Object.keys(item.values[0].values).filter((c) => COLUMNS.includes(c) && c !== 'id');
  const mine = R.activityToRows(Object.assign({}, item.activity, { id: '' }));
  const cells = (rows) => JSON.stringify(rows.map((r) => columns.map((c) => norm(r[c]))));
  const want = cells(mine);
  return existing.some((x) => x && typeof x === 'object' && cells(R.activityToRows(Object.assign({}, x, { id: '' }))) === want);
}

/**
 * check(plan, rows) -> {plan: candidate, added: [{row, rows, activity, values}], bad: [{row, values, errors}], skipped, notes}
 * rows: [{row, values}]. An activity keeps the file's id when the plan has no activity by
 * that id, else it gets a fresh one (a note says so). A Cisco Live event made of several
 * rows is added whole or listed whole. Nothing is changed; the caller applies the candidate.
 */
function check(plan, rows) {
  const bad = [];
  const skipped = [];
  const notes = [];
  const good = [];
  const existing = (plan.activities || []).slice();
  const listBad = (item, errors) => {
    for (const v of item.values) {
      const mine = errors.filter((e) => e.row === v.row || (e.row == null && v.row === item.rows[0]));
      bad.push({ row: v.row, values: v.values, errors: mine.length ? mine.map((e) => ({ column: e.column, message: e.message }))
        : [{ column: null, message: 'held back with its event: fix the other rows of this event and add them again together' }] });
    }
  };
  for (const item of R.assemble(rows)) {
    if (item.errors.length) { listBad(item, item.errors); continue; }
    if (alreadyThere(existing.concat(good.map((g) => g.activity)), item)) {
      for (const v of item.values) skipped.push({ row: v.row, values: v.values, message: 'already in the plan; not added again' });
      continue;
    }
    item.notes.forEach((n) => notes.push(n));
    good.push({ row: item.rows[0], rows: item.rows, sessionRows: item.sessionRows, values: item.values, activity: item.activity, wanted: item.activity.id });
  }
  // The engine judges the rest; an activity it refuses goes to the bad list, by row and column.
  let candidate;
  for (let round = 0; round <= good.length; round++) {
    candidate = JSON.parse(JSON.stringify(plan));
    candidate.activities = Array.isArray(candidate.activities) ? candidate.activities : [];
    const base = candidate.activities.length;
    const used = new Set(candidate.activities.map((a) => a && a.id));
    for (const g of good) {
      let id = g.wanted;
      if (!id || used.has(id)) {
        const prefix = PREFIX[g.activity.type] || 'a';
        let n = 1;
        while (used.has(prefix + n)) n += 1;
        if (id && round === 0) notes.push({ row: g.row, column: 'id', message: 'the plan already has an activity “' + id + '”: this one is “' + prefix + n + '”' });
        id = prefix + n;
      }
      used.add(id);
      g.activity = Object.assign({ id }, g.activity, { id });
      candidate.activities.push(g.activity);
    }
    const r = engine.evaluate(candidate);
    if (r.ok) break;
    const refused = new Map();
    const general = [];
    for (const e of r.errors) {
      const m = /^\/activities\/(\d+)(?:\/([^/]+))?(?:\/(\d+)(?:\/([^/]+))?)?/.exec(String(e.pointer || ''));
      if (m && +m[1] >= base) {
        const k = +m[1] - base;
        const g = good[k];
        if (!refused.has(k)) refused.set(k, []);
        const inSession = m[2] === 'sessions' && m[3] !== undefined && g && g.sessionRows[+m[3]] !== undefined;
        refused.get(k).push({
          row: inSession ? g.sessionRows[+m[3]] : g && g.row,
          column: inSession ? (SESSION_FIELD_COLUMN[m[4]] || 'session') : FIELD_COLUMN[m[2]] || null, message: e.message,
        });
      } else general.push(e);
    }
    if (!refused.size) {
      // Not about a row: nothing can be added, every row stays listed with the reason.
      for (const g of good) listBad(g, g.values.map((v) => general.map((e) => ({ row: v.row, column: null, message: e.message }))).flat());
      good.length = 0;
      candidate = plan;
      break;
    }
    const keep = [];
    good.forEach((g, k) => {
      if (refused.has(k)) listBad(g, refused.get(k));
      else keep.push(g);
    });
    good.length = 0;
    good.push(...keep);
  }
  bad.sort((p, q) => p.row - q.row);
  const goodRows = new Set(good.flatMap((g) => g.rows));
  return { plan: candidate, added: good, bad, skipped, notes: notes.filter((n) => goodRows.has(n.row)) };
}

/** 'row 3, completed: expected a date YYYY-MM-DD' */
function problemText(row, e) {
  if (row == null) return e.message;
  return 'row ' + row + (e.column ? ', ' + e.column : '') + ': ' + e.message;
}

// ----- the import report ---------------------------------------------------------------

let dialog = null;
function theDialog() {
  if (!dialog) {
    dialog = h('dialog', { id: 'csv-report', class: 'editor tool-dialog' });
    document.body.appendChild(dialog);
  }
  return dialog;
}

function download(name, text, type) {
  toolbar.download(name, text, type);
}

/**
 * Shows what an import did: added, skipped, notes, and the bad rows as editable cells
 * ("Add the fixed rows" checks them again) with a download of the rows still bad.
 */
function showReport(fileLabel, outcome, fileProblems, fileNotes) {
  const dlg = theDialog();
  const titleId = uid('csv-title');
  const parts = [];
  const n = outcome.added.length;
  parts.push(h('p', { class: 'csv-summary' },
    n ? 'Added ' + F.plural(n, 'activity', 'activities') + '.' : 'No activity was added.',
    outcome.skipped.length ? ' ' + F.plural(outcome.skipped.length, 'row') + ' already in the plan.' : '',
    outcome.bad.length ? ' ' + F.plural(outcome.bad.length, 'row') + (outcome.bad.length === 1 ? ' needs' : ' need') + ' fixing: correct ' + (outcome.bad.length === 1 ? 'it' : 'them') + ' below and add again, or download ' + (outcome.bad.length === 1 ? 'it' : 'them') + '.' : ''));
  if (fileProblems && fileProblems.length) {
    parts.push(h('ul', { class: 'csv-problems', 'aria-label': 'Problems with the file' },
      fileProblems.map((e) => h('li', null, problemText(e.row, e)))));
  }
  if (fileNotes && fileNotes.length) {
    parts.push(h('ul', { class: 'csv-file-notes', 'aria-label': 'About the file' },
      fileNotes.map((e) => h('li', null, problemText(e.row, e)))));
  }
  const rowsEditors = [];
  if (outcome.bad.length) {
    const list = h('ol', { class: 'csv-bad', 'aria-label': 'Rows not added' });
    for (const b of outcome.bad) {
      const errorsList = h('ul', { class: 'csv-row-errors' }, b.errors.map((e) => h('li', { dataset: { column: e.column || '' } }, problemText(b.row, e))));
      const inputs = {};
      // The columns the page always had, those with a value and those with an error.
      const shownColumns = COLUMNS.filter((col) => R.BASE_COLUMNS.includes(col) || norm(b.values[col]) !== '' || b.errors.some((e) => e.column === col));
      const cells = shownColumns.map((col) => {
        const id = uid('csv-' + col);
        const invalid = b.errors.some((e) => e.column === col);
        const input = h('input', { type: 'text', id, value: b.values[col] || '', autocomplete: 'off', maxlength: '200', 'aria-invalid': invalid ? 'true' : null,
          'aria-label': 'Row ' + b.row + ', ' + col, dataset: { column: col } });
        inputs[col] = input;
        return h('div', { class: ['field', 'compact', 'csv-cell', 'col-' + col] }, h('label', { for: id }, col), input);
      });
      list.appendChild(h('li', { class: 'csv-row', dataset: { row: String(b.row) } },
        errorsList, h('div', { class: 'csv-cells' }, cells)));
      rowsEditors.push({ row: b.row, inputs, values: b.values });
    }
    parts.push(list);
  }
  const more = [];
  if (outcome.skipped.length) {
    more.push(h('li', null, h('strong', null, 'Already in the plan: '), outcome.skipped.map((s) => 'row ' + s.row).join(', ') + '.'));
  }
  for (const nt of outcome.notes) more.push(h('li', null, problemText(nt.row, nt)));
  if (more.length) parts.push(h('details', { class: 'csv-notes', open: !outcome.bad.length },
    h('summary', null, 'Notes (' + more.length + ')'), h('ul', null, more)));

  const retry = outcome.bad.length ? h('button', { type: 'submit', class: 'btn primary' }, 'Add the fixed rows') : null;
  const dl = outcome.bad.length ? h('button', { type: 'button', class: 'btn', id: 'csv-download-bad' }, 'Download these rows') : null;
  const closeBtn = h('button', { type: 'button', class: 'btn' + (retry ? '' : ' primary') }, 'Close');
  const form = h('form', { class: 'editor-form', novalidate: true, 'aria-labelledby': titleId },
    h('h2', { id: titleId }, 'CSV import: ' + fileLabel), h('div', { class: 'scroll csv-body' }, parts),
    h('div', { class: 'form-actions' }, dl, h('span', { class: 'spacer' }), closeBtn, retry));
  const currentRows = () => rowsEditors.map((r) => {
    const values = Object.assign({}, r.values); // the file's columns, edited where shown
    for (const col of Object.keys(r.inputs)) values[col] = r.inputs[col].value;
    return { row: r.row, values };
  });
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    if (!rowsEditors.length) { dlg.close(); return; }
    run(fileLabel, currentRows(), [], [], []);
  });
  if (dl) {
    dl.addEventListener('click', () => {
      const rows = currentRows().map((r) => {
        const b = outcome.bad.find((x) => x.row === r.row);
        return Object.assign({}, r.values, { problem: b ? b.errors.map((e) => problemText(r.row, e)).join('; ') : '' });
      });
      download(fileLabel.replace(/\.csv$/i, '') + '-rows-to-fix.csv', unparse(rows, ['problem'], true), 'text/csv');
    });
  }
  closeBtn.addEventListener('click', () => dlg.close());
  dlg.replaceChildren(form);
  if (!dlg.open) {
    dlg.onclose = () => { const b = document.getElementById('import-button'); if (b) b.focus(); };
    dlg.showModal();
  }
  const firstBad = form.querySelector('input[aria-invalid="true"]');
  (firstBad || closeBtn).focus();
}

/**
 * Checks rows against the current plan, adds the good ones, reports the rest, and what
 * is wrong with (fileProblems) or worth knowing about (fileNotes) the file as a whole.
 */
function run(fileLabel, rows, headerNotes, fileProblems, fileNotes) {
  fileProblems = fileProblems || [];
  fileNotes = fileNotes || [];
  const plan = app.state.plan;
  const outcome = check(plan, rows);
  outcome.notes = (headerNotes || []).concat(outcome.notes);
  if (outcome.added.length) {
    const r = app.apply(outcome.plan, { toast: 'Added ' + F.plural(outcome.added.length, 'activity', 'activities') + ' from ' + fileLabel + '.' });
    if (!r.ok) { // cannot happen: check() evaluated this very plan
      outcome.bad.push(...outcome.added.flatMap((g) => g.values.map((v) => ({ row: v.row, values: v.values, errors: r.errors.map((e) => ({ column: null, message: e.message })) }))));
      outcome.added = [];
    }
  }
  const clean = !outcome.bad.length && !outcome.skipped.length && !outcome.notes.length && !fileProblems.length && !fileNotes.length;
  if (clean && outcome.added.length) {
    if (dialog && dialog.open) dialog.close();
    return outcome;
  }
  showReport(fileLabel, outcome, fileProblems, fileNotes);
  return outcome;
}

/** Import CSV text (from a file): the whole flow. encoding: how the bytes were read (decode()). */
function importText(text, fileLabel, encoding) {
  const parsed = parseText(text);
  const fileNotes = encodingNotes(parsed, encoding);
  const none = { added: [], bad: [], skipped: [], notes: [] };
  if (!parsed.rows.length && parsed.errors.length) {
    showReport(fileLabel, none, parsed.errors, fileNotes);
    return null;
  }
  if (!parsed.rows.length) {
    showReport(fileLabel, none, [{ row: 2, column: null, message: 'no activity rows under the header' }], fileNotes);
    return null;
  }
  return run(fileLabel, parsed.rows, parsed.notes, parsed.problems, fileNotes);
}

/** Import a CSV file's bytes (an ArrayBuffer or Uint8Array): decoded, then importText(). */
function importBytes(bytes, fileLabel) {
  const d = decode(bytes);
  return importText(d.text, fileLabel, d.encoding);
}

export { COLUMNS, rowToActivity, exportText, exportCheck, fileName, parseText, decode, check, importText, importBytes, problemText };
