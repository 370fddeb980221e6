// csv.js: activities in and out as CSV (columns: type, title, course, version, credits,
// completed, status; README "CSV import"). Parsing and writing are Papa Parse's (npm
// papaparse, shipped as papaparse.min.js). Each row is checked here so that a problem can be
// named by row and column ("row 3, completed: expected a date YYYY-MM-DD"); the engine then
// judges the plan with the good rows, and a row it refuses is reported the same way. Good rows
// are added in one undoable change; bad rows stay listed, to fix in place or download.
(function (C) {
  'use strict';
  const { h, uid } = C.dom;
  const F = C.format;

  const COLUMNS = ['type', 'title', 'course', 'version', 'credits', 'completed', 'status'];
  const TYPES = ['training', 'cisco_live', 'item_authoring', 'exam'];
  const EXAM_BY_PREFIX = { 100: 'associate', 200: 'associate', 300: 'concentration', 350: 'core', 400: 'expert_written' };
  const PREFIX = { training: 't', cisco_live: 'cl', item_authoring: 'ia', exam: 'x' };
  const IGNORED_COLUMNS = new Set(['problem']); // the column our own download of bad rows adds

  const norm = (s) => String(s == null ? '' : s).trim();
  const key = (s) => norm(s).toLowerCase().replace(/[\s-]+/g, '_');

  /** A value written with a leading ' to stop spreadsheet formulas gets it back. */
  function unguard(s) { return /^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s; }

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

  /**
   * rowToActivity(values {column: text}) -> {activity, errors: [{column, message}], notes: [{column, message}]}
   * The activity has no id yet. Empty cells are "not set", never 0.
   */
  function rowToActivity(values) {
    const v = {};
    for (const c of COLUMNS) v[c] = unguard(norm(values[c]));
    const errors = [];
    const notes = [];
    const err = (column, message) => errors.push({ column, message });
    const note = (column, message) => notes.push({ column, message });

    let type = key(v.type);
    if (type === 'cisco_live_event' || type === 'ciscolive') type = 'cisco_live';
    if (!v.type) err('type', 'required: expected one of ' + TYPES.join(', '));
    else if (!TYPES.includes(type)) err('type', 'expected one of ' + TYPES.join(', ') + ', got “' + v.type + '”');

    if (!v.completed) err('completed', 'required: expected a date YYYY-MM-DD');
    else if (!F.isIsoDate(v.completed)) err('completed', 'expected a date YYYY-MM-DD, got “' + v.completed + '”');

    let credits;
    if (v.credits !== '') {
      if (/^\d+$/.test(v.credits)) credits = Number(v.credits);
      else if (/^[-−]\s*\d+$/.test(v.credits)) err('credits', 'expected 0 or more credits (or an empty cell), got “' + v.credits + '”');
      else err('credits', 'expected a whole number of credits (or an empty cell), got “' + v.credits + '”');
    }

    let status;
    if (v.status !== '') {
      status = statusOf(v.status);
      if (!status) err('status', 'expected one of ' + F.STATUSES.join(', ') + ' (or an empty cell), got “' + v.status + '”');
    }

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
        if (v.title) a.event = v.title;
        else err('title', 'required for Cisco Live: the event, e.g. Cisco Live US 2026');
        a.sessions = [];
        if (v.course) note('course', 'not used for Cisco Live; ignored');
        if (v.version) note('version', 'not used for Cisco Live; ignored');
        if (v.credits !== '') err('credits', 'a Cisco Live event earns the credits of its sessions (E6): leave this cell empty and add the sessions in ceplan');
        else note('type', 'add the event’s sessions in ceplan (Edit): a CSV row holds none');
        break;
      case 'item_authoring': {
        if (v.title) a.title = v.title;
        const t = itemTypeOf(v.course);
        if (!v.course) err('course', 'required for item authoring: the item type, one of ' + Object.keys(F.ITEM_TYPE_LABELS).join(', '));
        else if (!t) err('course', 'expected an item type, one of ' + Object.keys(F.ITEM_TYPE_LABELS).join(', ') + ', got “' + v.course + '”');
        else a.item_type = t;
        if (credits !== undefined) a.credits = credits;
        else if (v.credits === '') note('credits', 'no total given: open it in ceplan to enter the accepted items (the credit table gives the rest, E8)');
        if (v.version) note('version', 'not used for item authoring; ignored');
        break;
      }
      case 'exam': {
        if (v.title) a.title = v.title;
        const k = v.course ? examKindOf(v.course) : null;
        if (!v.course) err('course', 'required for an exam: its code (e.g. 350-401) or kind (' + F.EXAM_KINDS.map((e) => e.kind).join(', ') + ')');
        else if (!k) err('course', 'cannot tell the exam kind from “' + v.course + '”: write the kind instead (' + F.EXAM_KINDS.map((e) => e.kind).join(', ') + ')');
        else { a.exam = k.kind; if (k.code) a.code = k.code; }
        if (v.credits !== '') err('credits', 'an exam earns no CE credits: leave this cell empty');
        if (v.version) note('version', 'not used for an exam; ignored');
        break;
      }
      default: break;
    }
    if (F.isIsoDate(v.completed)) a.completed = v.completed;
    if (status) a.status = status;
    return { activity: a, errors, notes, values: v };
  }

  /** The cells of one activity, in COLUMNS order (the inverse of rowToActivity where it can be). */
  function activityToRow(a) {
    const row = { type: a.type || '', title: '', course: '', version: '', credits: '', completed: a.completed || '', status: a.status || '' };
    const num = (n) => (Number.isFinite(n) ? n : '');
    switch (a.type) {
      case 'training':
        Object.assign(row, { title: a.title || '', course: a.course || '', version: a.version == null ? '' : String(a.version), credits: num(a.credits) });
        break;
      case 'cisco_live':
        row.title = a.event || '';
        break;
      case 'item_authoring':
        Object.assign(row, { title: a.title || '', course: a.item_type || '', credits: num(a.credits) });
        break;
      case 'exam': {
        const k = a.code ? examKindOf(a.code) : null;
        Object.assign(row, { title: a.title || '', course: k && k.kind === a.exam ? a.code : (a.exam || '') });
        break;
      }
      default:
        row.title = a.title || '';
    }
    return row;
  }

  function unparse(rows, extra) {
    const fields = COLUMNS.concat(extra || []);
    const text = window.Papa.unparse({ fields, data: rows.map((r) => fields.map((f) => (r[f] == null ? '' : r[f]))) },
      { escapeFormulae: true, newline: '\r\n' });
    return '\uFEFF' + text + '\r\n'; // the byte-order mark makes spreadsheets read it as UTF-8
  }

  /** The plan's activities as CSV text, in plan order. */
  function exportText(plan) {
    return unparse((plan.activities || []).map(activityToRow));
  }

  function fileName(plan) {
    const json = C.store.fileName(plan);
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
      const parsed = window.Papa.parse(rest, { header: false, skipEmptyLines: false });
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
      const cells = window.Papa.parse(line.slice(0, quote - lineStart) + line.slice(quote - lineStart + 1), { header: false }).data[0] || [];
      rest = rest.slice(lineEnd + 1);
      const after = rest ? window.Papa.parse(rest, { header: false, skipEmptyLines: 'greedy' }).data.length : 0;
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
    const read = records(String(text).replace(/^\uFEFF/, ''));
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
  const FIELD_COLUMN = { title: 'title', event: 'title', course: 'course', code: 'course', exam: 'course', item_type: 'course',
    version: 'version', credits: 'credits', completed: 'completed', status: 'status', type: 'type' };

  function sameActivity(a, b) {
    const pick = (x) => [x.type, x.title || x.event || '', x.course || x.code || x.item_type || x.exam || '', x.version == null ? '' : String(x.version), x.completed].join('\u0001');
    return pick(a) === pick(b);
  }

  /**
   * check(plan, rows) -> {plan: candidate, added: [{row, activity}], bad: [{row, values, errors}], skipped, notes}
   * rows: [{row, values}]. Nothing is changed; the caller applies the candidate.
   */
  function check(plan, rows) {
    const bad = [];
    const skipped = [];
    const notes = [];
    const good = [];
    const existing = (plan.activities || []).slice();
    for (const r of rows) {
      const res = rowToActivity(r.values);
      const errors = res.errors.slice();
      if (r.parseProblem) errors.unshift({ column: null, message: 'the row could not be read as CSV: ' + r.parseProblem });
      if (errors.length) { bad.push({ row: r.row, values: res.values, errors }); continue; }
      if (existing.concat(good.map((g) => g.activity)).some((x) => sameActivity(x, res.activity))) {
        skipped.push({ row: r.row, values: res.values, message: 'already in the plan; not added again' });
        continue;
      }
      res.notes.forEach((n) => notes.push({ row: r.row, column: n.column, message: n.message }));
      good.push({ row: r.row, values: res.values, activity: res.activity });
    }
    // The engine judges the rest; a row it refuses goes to the bad list with its column.
    let candidate;
    for (let round = 0; round <= good.length; round++) {
      candidate = JSON.parse(JSON.stringify(plan));
      candidate.activities = Array.isArray(candidate.activities) ? candidate.activities : [];
      const base = candidate.activities.length;
      const used = new Set(candidate.activities.map((a) => a && a.id));
      for (const g of good) {
        const prefix = PREFIX[g.activity.type] || 'a';
        let n = 1;
        while (used.has(prefix + n)) n += 1;
        used.add(prefix + n);
        g.activity = Object.assign({ id: prefix + n }, g.activity, { id: prefix + n });
        candidate.activities.push(g.activity);
      }
      const r = C.engine.evaluate(candidate);
      if (r.ok) break;
      const refused = new Map();
      const general = [];
      for (const e of r.errors) {
        const m = /^\/activities\/(\d+)(?:\/([^/]+))?/.exec(String(e.pointer || ''));
        if (m && +m[1] >= base) {
          const k = +m[1] - base;
          if (!refused.has(k)) refused.set(k, []);
          refused.get(k).push({ column: FIELD_COLUMN[m[2]] || null, message: e.message });
        } else general.push(e);
      }
      if (!refused.size) {
        // Not about a row: nothing can be added, every row stays listed with the reason.
        for (const g of good) bad.push({ row: g.row, values: g.values, errors: general.map((e) => ({ column: null, message: e.message })) });
        good.length = 0;
        candidate = plan;
        break;
      }
      const keep = [];
      good.forEach((g, k) => {
        if (refused.has(k)) bad.push({ row: g.row, values: g.values, errors: refused.get(k) });
        else keep.push(g);
      });
      good.length = 0;
      good.push(...keep);
    }
    bad.sort((a, b) => a.row - b.row);
    return { plan: candidate, added: good, bad, skipped, notes: notes.filter((n) => good.some((g) => g.row === n.row)) };
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
    if (C.toolbar && C.toolbar.download) C.toolbar.download(name, text, type);
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
        const cells = COLUMNS.map((col) => {
          const id = uid('csv-' + col);
          const invalid = b.errors.some((e) => e.column === col);
          const input = h('input', { type: 'text', id, value: b.values[col] || '', autocomplete: 'off', 'aria-invalid': invalid ? 'true' : null,
            'aria-label': 'Row ' + b.row + ', ' + col, dataset: { column: col } });
          inputs[col] = input;
          return h('div', { class: ['field', 'compact', 'csv-cell', 'col-' + col] }, h('label', { for: id }, col), input);
        });
        list.appendChild(h('li', { class: 'csv-row', dataset: { row: String(b.row) } },
          errorsList, h('div', { class: 'csv-cells' }, cells)));
        rowsEditors.push({ row: b.row, inputs });
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
      const values = {};
      for (const col of COLUMNS) values[col] = r.inputs[col].value;
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
        download(fileLabel.replace(/\.csv$/i, '') + '-rows-to-fix.csv', unparse(rows, ['problem']), 'text/csv');
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
    const plan = C.app.state.plan;
    const outcome = check(plan, rows);
    outcome.notes = (headerNotes || []).concat(outcome.notes);
    if (outcome.added.length) {
      const r = C.app.apply(outcome.plan, { toast: 'Added ' + F.plural(outcome.added.length, 'activity', 'activities') + ' from ' + fileLabel + '.' });
      if (!r.ok) { // cannot happen: check() evaluated this very plan
        outcome.bad.push(...outcome.added.map((g) => ({ row: g.row, values: g.values, errors: r.errors.map((e) => ({ column: null, message: e.message })) })));
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

  C.csv = { COLUMNS, rowToActivity, activityToRow, exportText, fileName, parseText, decode, check, importText, importBytes, problemText };
})(window.Ceplan = window.Ceplan || {});
