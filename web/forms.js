// forms.js: the add/edit forms (one <dialog>), so that nobody types JSON.
// A form edits a copy of one certification or activity: it writes only the fields it
// shows, so fields it does not know survive. Validation is the engine's: the caller
// evaluates the candidate plan, and the engine's errors (JSON pointers) are shown next
// to the matching field and listed at the top of the form.
import { h, uid, append, focusedKey, byFocusKey } from './dom.js';
import * as F from './format.js';
import * as engine from './engine.js';
import * as app from './app.js';
import * as tables from './tables.js';
import * as dates from './dates.js';

// ----- field specs -------------------------------------------------------------------

function levelOptions() {
  const p = engine.policy();
  const keys = p && p.levels && typeof p.levels === 'object' ? Object.keys(p.levels) : [];
  const levels = F.LEVELS.filter((l) => !keys.length || keys.includes(l)).concat(keys.filter((k) => !F.LEVELS.includes(k)));
  return levels.map((l) => [l, F.LEVEL_LABELS[l] || l]);
}
function itemTypeOptions() {
  const p = engine.policy();
  const known = Object.keys(F.ITEM_TYPE_LABELS); // the order of rules.md E8
  const keys = p && p.item_authoring && typeof p.item_authoring === 'object' ? Object.keys(p.item_authoring) : known;
  const rank = (k) => (known.includes(k) ? known.indexOf(k) : known.length);
  return keys.slice().sort((a, b) => rank(a) - rank(b)).map((k) => [k, F.ITEM_TYPE_LABELS[k] || k.replace(/_/g, ' ')]);
}
const statusField = {
  name: 'status', label: 'Claim status', kind: 'select',
  options: () => [['', 'Automatic, from the date']].concat(F.STATUSES.map((s) => [s, F.STATUS_LABELS[s]])),
  hint: 'Automatic: planned while the date is ahead, completed once it has passed.',
};
const claimedOnField = { name: 'claimed_on', label: 'Claimed on', kind: 'date', optional: true, hint: 'When you submitted the claim in the CE portal (C1: within 365 days).' };

const SPECS = {
  certification: [
    { name: 'name', label: 'Name', kind: 'text', placeholder: 'CCNP Enterprise', wide: true },
    { name: 'level', label: 'Level', kind: 'select', options: levelOptions },
    { name: 'expires', label: 'Valid through', kind: 'date', hint: 'The expiration date shown in your Cisco profile.' },
    { name: 'cycle_start', label: 'Cycle start', kind: 'date', optional: true, hint: 'When you earned or last recertified it. Default: 3 years before it expires (R7).' },
    { name: 'first_certified', label: 'First certified', kind: 'date', optional: true, hint: 'Activities before this date earn nothing (C3).' },
    { name: 'retired', label: 'Cisco has retired this certification (L6)', kind: 'checkbox', wide: true },
  ],
  training: [
    { name: 'title', label: 'Title', kind: 'text', placeholder: 'Implementing Cisco Enterprise Advanced Routing', wide: true },
    { name: 'course', label: 'Course code', kind: 'text', placeholder: 'ENARSI' },
    { name: 'version', label: 'Version', kind: 'text', placeholder: '1.1', hint: 'Only a new major version earns credits again (E3).' },
    { name: 'credits', label: 'CE credits', kind: 'number', min: 0, hint: 'As listed in the CE catalog (E1: 4 to 64).' },
    { name: 'completed', label: 'Completed on (or planned for)', kind: 'date' },
    statusField,
    claimedOnField,
    { name: 'in_catalog', label: 'In the CE catalog, from an authorized provider (E2)', kind: 'checkbox', default: true, wide: true },
    { name: 'lite', label: 'Lite or “NO LABS” digital edition (E2)', kind: 'checkbox', wide: true },
    { name: 'alpha', label: 'Alpha delivery (E5)', kind: 'checkbox', wide: true },
  ],
  cisco_live: [
    { name: 'event', label: 'Event', kind: 'text', placeholder: 'Cisco Live US 2026', wide: true },
    { name: 'completed', label: 'Last day of the event', kind: 'date' },
    statusField,
    claimedOnField,
    { name: 'sessions', label: 'Sessions', kind: 'sessions', wide: true },
  ],
  item_authoring: [
    { name: 'item_type', label: 'Item type', kind: 'select', options: itemTypeOptions },
    { name: 'accepted_items', label: 'Accepted items', kind: 'number', min: 0 },
    { name: 'credits', label: 'Total credits', kind: 'number', min: 0, optional: true, hint: 'Leave empty to use the credit table; Cisco’s values are not known (E8).' },
    { name: 'completed', label: 'Completed on (or planned for)', kind: 'date' },
    statusField,
    claimedOnField,
    { name: 'sme_program', label: 'Written through Cisco’s SME program (E8)', kind: 'checkbox', default: true, wide: true },
  ],
  exam: [
    { name: 'exam', label: 'Exam kind', kind: 'select', options: () => F.EXAM_KINDS.map((k) => [k.kind, k.label + ' (' + k.example + ')']) },
    { name: 'code', label: 'Exam code', kind: 'text', placeholder: '350-401', hint: '350-401 is a technology core exam; 300-410 a concentration exam (L3).' },
    { name: 'completed', label: 'Passed on (or planned for)', kind: 'date' },
  ],
};

/** The most characters a text field takes (titles, names, codes); longer text from a file is shown clipped (style.css .clip). */
const TEXT_MAX = 200;

const SESSION_FIELDS = [
  { name: 'code', label: 'Session code', kind: 'text', placeholder: 'BRKENT-2031' },
  { name: 'minutes', label: 'Length (min)', kind: 'number', min: 0 },
  { name: 'attended_minutes', label: 'Attended (min)', kind: 'number', min: 0 },
  { name: 'credits', label: 'Credits', kind: 'number', min: 0, optional: true, placeholder: 'from table', example: false },
  { name: 'badged_in', label: 'Badged in', kind: 'checkbox', default: true },
];

// ----- building and reading fields ---------------------------------------------------

function toInputValue(v) { return v === undefined || v === null ? '' : String(v); }

/** One labelled control; returns {el, control, read(target)} */
function buildField(spec, item, pointer, compact) {
  const id = uid('f-' + spec.name);
  const hintId = spec.hint ? id + '-hint' : null;
  const errId = id + '-err';
  let control;
  if (spec.kind === 'select') {
    const opts = typeof spec.options === 'function' ? spec.options() : spec.options;
    const cur = toInputValue(item[spec.name]);
    control = h('select', { id, name: spec.name },
      opts.map(([v, label]) => h('option', { value: v, selected: v === cur }, label)));
    if (cur && !opts.some(([v]) => v === cur)) control.appendChild(h('option', { value: cur, selected: true }, cur));
  } else if (spec.kind === 'checkbox') {
    const v = item[spec.name];
    control = h('input', { id, name: spec.name, type: 'checkbox', checked: v === undefined ? !!spec.default : !!v });
  } else {
    const type = spec.kind === 'number' ? 'number' : spec.kind === 'date' ? 'date' : 'text';
    control = h('input', {
      id, name: spec.name, type, value: toInputValue(item[spec.name]),
      maxlength: type === 'text' ? String(spec.maxLength || TEXT_MAX) : null, // finding 14: user text is capped
      placeholder: spec.placeholder ? (spec.example === false ? spec.placeholder : 'e.g. ' + spec.placeholder) : null, min: spec.min, step: spec.kind === 'number' ? 1 : null,
      inputmode: spec.kind === 'number' ? 'numeric' : null, autocomplete: 'off',
    });
  }
  control.dataset.pointer = pointer;
  const describedBy = [hintId, errId].filter(Boolean).join(' ');
  control.setAttribute('aria-describedby', describedBy);
  const label = h('label', { for: id }, spec.label, spec.optional ? h('span', { class: 'optional' }, ' (optional)') : null);
  const el = spec.kind === 'checkbox'
    ? h('div', { class: ['field', 'check', spec.wide && 'wide'] }, control, label, h('p', { class: 'field-error', id: errId, hidden: true }))
    : h('div', { class: ['field', spec.wide && 'wide', compact && 'compact'] }, label, control,
      hintId && !compact ? h('p', { class: 'hint', id: hintId }, spec.hint) : null,
      h('p', { class: 'field-error', id: errId, hidden: true }));
  /** Writes the field into target; what cannot be a value ("1e400" in a number field) goes to problems. */
  function read(target, problems) {
    const k = spec.name;
    if (spec.kind === 'checkbox') { target[k] = control.checked; return; }
    const raw = control.value.trim();
    if (spec.kind === 'number') {
      const r = F.readWholeNumber(control); // the credit tables' reading too
      if (r.error) {
        if (raw) target[k] = raw; else delete target[k]; // kept as typed when the form is redrawn
        if (problems) problems.push({ pointer, message: r.error });
      } else if (r.empty) delete target[k];
      else target[k] = r.value;
      return;
    }
    // A date that does not exist (30/02) leaves the input empty: not a real date, not "required".
    if (spec.kind === 'date' && raw === '' && control.validity && control.validity.badInput) {
      if (problems) problems.push({ pointer, message: dates.NOT_REAL });
      return;
    }
    if (raw === '') { delete target[k]; return; }
    target[k] = raw;
  }
  return { el, control, read, pointer, label: spec.label };
}

function sessionsEditor(item, base, fields) {
  const sessions = Array.isArray(item.sessions) ? item.sessions.map((s) => Object.assign({}, s)) : [];
  const list = h('ol', { class: 'sessions-edit' });
  let rows = [];
  const addBtn = h('button', { type: 'button', class: 'btn small' }, '+ Add session');
  function redraw() {
    // keep what was typed before rebuilding
    for (const r of rows) for (const f of r.fields) f.read(r.data);
    list.replaceChildren();
    for (const f of fields.splice(0)) if (!f.pointer.startsWith('/sessions/')) fields.push(f);
    rows = sessions.map((s, i) => {
      const rowFields = SESSION_FIELDS.map((spec) => {
        const f = buildField(spec, s, '/sessions/' + i + '/' + spec.name, true);
        f.label = 'Session ' + (i + 1) + ', ' + spec.label;
        return f;
      });
      const remove = h('button', { type: 'button', class: 'btn small quiet', 'aria-label': 'Remove session ' + (i + 1) },
        'Remove');
      remove.addEventListener('click', () => { for (const r of rows) for (const f of r.fields) f.read(r.data); rows = rows.filter((r) => r.data !== s); sessions.splice(i, 1); redraw(); addBtn.focus(); });
      const li = h('li', { class: 'session-edit' },
        h('span', { class: 'session-num', 'aria-hidden': 'true' }, String(i + 1)),
        rowFields.map((f) => f.el), remove);
      list.appendChild(li);
      rowFields.forEach((f) => fields.push(f));
      return { data: s, fields: rowFields };
    });
    if (!sessions.length) list.appendChild(h('li', { class: 'empty' }, 'No sessions yet.'));
  }
  addBtn.addEventListener('click', () => {
    for (const r of rows) for (const f of r.fields) f.read(r.data);
    sessions.push({ badged_in: true });
    redraw();
    const last = rows[rows.length - 1];
    if (last) last.fields[0].control.focus();
  });
  redraw();
  const el = h('fieldset', { class: 'field wide sessions' },
    h('legend', null, 'Sessions'),
    h('p', { class: 'hint' }, 'Breakouts (BRK), DevNet workshops (DEVWKS), labs (LTR) and seminars (TEC) earn credits when you badged in, the session lasts 45 minutes or more and you stayed 75% of it (E6, E7).'),
    list, addBtn);
  return {
    el,
    read(target, problems) {
      for (const r of rows) for (const f of r.fields) f.read(r.data, problems);
      target.sessions = sessions.map((s) => s);
    },
  };
}

// ----- the dialog --------------------------------------------------------------------

let dialog = null;

function close() {
  if (dialog && dialog.open) dialog.close();
}

/**
 * open({kind, title, item, base, onSave(item) -> {ok, errors}, onRemove?, onClose?, specs?, mapPointer?})
 * kind: 'certification' | activity type. item is a copy; base is its JSON pointer in the
 * candidate plan (e.g. '/activities/3') so the engine's errors can find their field.
 * specs: the fields, when not SPECS[kind]; mapPointer(rel) -> the field's pointer, for an
 * item whose fields sit elsewhere in the JSON ('/cost/money' -> '/money').
 */
function open(opts) {
  dialog = document.getElementById('editor');
  const item = opts.item;
  const fields = [];
  const controls = [];
  const errorsBox = h('div', { class: 'form-errors', role: 'alert', tabindex: '-1', hidden: true });
  const grid = h('div', { class: 'form-grid' });
  for (const spec of opts.specs || SPECS[opts.kind]) {
    if (spec.kind === 'sessions') {
      const ed = sessionsEditor(item, opts.base, fields);
      controls.push(ed);
      grid.appendChild(ed.el);
    } else {
      const f = buildField(spec, item, '/' + spec.name);
      fields.push(f);
      controls.push(f);
      grid.appendChild(f.el);
    }
  }
  const titleId = uid('dlg-title');
  const save = h('button', { type: 'submit', class: 'btn primary' }, opts.saveLabel || 'Save');
  const cancel = h('button', { type: 'button', class: 'btn', value: 'cancel' }, 'Cancel');
  const remove = opts.onRemove ? h('button', { type: 'button', class: 'btn danger' }, 'Remove') : null;
  // What-if: the verdict for what is typed, updated after each pause (opts.onPreview).
  const live = opts.onPreview ? h('div', { class: 'live-verdict', role: 'status', 'aria-live': 'polite' },
    h('p', { class: 'live-title' }, 'The verdict updates as you type.')) : null;
  const form = h('form', { class: 'editor-form', novalidate: true, 'aria-labelledby': titleId },
    h('h2', { id: titleId, class: 'clip-lines', title: opts.title }, opts.title),
    errorsBox, grid, live,
    h('div', { class: 'form-actions' }, remove, h('span', { class: 'spacer' }), cancel, save));
  let previewTimer = null;
  let previewed = null;
  let lastGood = null;
  function previewNow() {
    previewTimer = null;
    // A date still being typed (its year passes through 0002, 0020…) is judged once complete (dates.js).
    if (form.contains(document.activeElement) && dates.typing(document.activeElement)) return;
    const out = Object.assign({}, item);
    const problems = [];
    for (const c of controls) c.read(out, problems);
    const text = JSON.stringify([out, problems]);
    if (text === previewed) return; // one evaluate per change
    previewed = text;
    // What the fields cannot hold is said without asking the engine.
    const r = problems.length ? { ok: false, errors: absolute(problems) } : opts.onPreview(out);
    live.replaceChildren();
    if (r && r.ok) {
      lastGood = r.summary;
      live.classList.remove('stale');
      append(live, [h('p', { class: 'live-title' }, 'If you save:'), r.summary]);
    } else {
      const first = (r && r.errors && r.errors[0]) || {};
      const where = labelOf(first.pointer);
      live.classList.add('stale');
      append(live, [h('p', { class: 'live-title' }, 'Not counted yet: ', where ? where + ': ' : '',
        first.message ? first.message : 'incomplete',
        lastGood ? ' (the last verdict that could be computed stays on screen)' : ''), lastGood]);
    }
  }
  if (live) {
    const schedule = () => { clearTimeout(previewTimer); previewTimer = setTimeout(previewNow, 200); };
    form.addEventListener('input', schedule);
    form.addEventListener('change', schedule);
    form.addEventListener('focusout', schedule); // a date left incomplete is judged when the focus leaves it
    form.addEventListener('click', (ev) => { if (ev.target.closest && ev.target.closest('fieldset.sessions button')) schedule(); });
  }

  /** The form's field for an engine pointer ('/activities/3/credits' -> the CE credits field), or null. */
  function fieldOf(pointer) {
    const ptr = String(pointer || '');
    let rel = opts.base && ptr.startsWith(opts.base + '/') ? ptr.slice(opts.base.length) : null;
    if (rel && opts.mapPointer) rel = opts.mapPointer(rel); // a form whose item is not the JSON's shape (suggest.js)
    return (rel && fields.find((x) => x.pointer === rel)) || null;
  }
  /** The words for a pointer: the field's label in this form, else the plan's words for it. */
  function labelOf(pointer) {
    if (typeof pointer !== 'string') return '';
    const f = fieldOf(pointer);
    if (f) return f.label;
    return describePointer(pointer, app.state.plan) || '';
  }
  const absolute = (problems) => problems.map((p) => ({ pointer: opts.base + p.pointer, message: p.message }));

  /** Marks the fields the errors name and lists them; moves the focus only when asked (after Save). */
  function showErrors(errors, moveFocus) {
    for (const f of fields) {
      f.control.removeAttribute('aria-invalid');
      const e = f.el.querySelector('.field-error');
      e.hidden = true; e.textContent = '';
    }
    const list = h('ul');
    for (const err of errors) {
      const ptr = String(err.pointer || '');
      const message = err.message;
      const f = fieldOf(ptr);
      if (f) {
        f.control.setAttribute('aria-invalid', 'true');
        const e = f.el.querySelector('.field-error');
        e.hidden = false;
        e.textContent = e.textContent ? e.textContent + ' ' + message : message;
      }
      const where = labelOf(err.pointer);
      list.appendChild(h('li', { dataset: { pointer: ptr } },
        where ? where + ': ' : typeof err.pointer === 'string' ? [h('code', { class: 'pointer' }, ptr || '(whole plan)'), ' '] : null, message));
    }
    errorsBox.replaceChildren(h('p', null, 'The engine cannot use this yet; nothing was changed:'), list);
    errorsBox.hidden = !errors.length;
    if (moveFocus === false) return;
    const firstInvalid = (fields.find((x) => x.control.getAttribute('aria-invalid') === 'true') || {}).control;
    if (firstInvalid) firstInvalid.focus();
    else errorsBox.focus();
  }

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const out = Object.assign({}, item);
    const problems = [];
    for (const c of controls) c.read(out, problems);
    if (problems.length) { showErrors(absolute(problems)); return; } // nothing the engine could read
    const r = opts.onSave(out);
    if (r && r.ok === false) showErrors(r.errors);
    else close();
  });
  // Once errors are shown, each completed field is judged again: an error goes as soon as
  // its value is fixed. Never while a date is being typed, and the focus stays put.
  function recheck(ev) {
    if (errorsBox.hidden || !opts.onPreview) return;
    if (ev && ev.type !== 'focusout' && dates.typing(ev.target, true)) return;
    const out = Object.assign({}, item);
    const problems = [];
    for (const c of controls) c.read(out, problems);
    const r = problems.length ? { ok: false, errors: absolute(problems) } : opts.onPreview(out);
    showErrors(r && r.ok === false ? r.errors : [], false);
  }
  form.addEventListener('change', recheck);
  form.addEventListener('focusout', recheck);
  cancel.addEventListener('click', close);
  if (remove) remove.addEventListener('click', () => { close(); opts.onRemove(); });

  // Where focus goes back when the dialog closes: the opener, found again by its
  // data-focus key since the lists are redrawn after a change (or opts.returnFocus).
  const opener = focusedKey();
  dialog.replaceChildren(form);
  dialog.onclose = () => {
    clearTimeout(previewTimer);
    if (opts.onClose) opts.onClose();
    setTimeout(() => {
      const keys = [opener].concat(opts.returnFocus || []).filter(Boolean);
      for (const k of keys) {
        const el = byFocusKey(k);
        if (el) { el.focus(); return; }
      }
    }, 0);
  };
  dialog.showModal();
  const first = grid.querySelector('input, select');
  if (first) first.focus();
  return { dialog, form };
}

// ----- pointers in words -------------------------------------------------------------

const TOP_LABELS = {
  name: 'Plan name', today: 'As of', format: 'Format', version: 'Format version', certifications: 'Certifications',
  activities: 'Activities', policy: 'Credit tables', variant: 'Variant', variants: 'Variants', options: 'Options (Suggest a plan)', optimize: 'Search limit',
};
// The words of the option form (suggest.js) for an option's own fields.
const OPTION_LABELS = { id: 'Id', activity: 'Activity', cost: 'Cost', money: 'Cost (money)', hours: 'Cost (hours)', earliest: 'Earliest date', latest: 'Latest date' };
const COMMON_LABELS = { id: 'Id', type: 'Type', completed: 'Completed on', status: 'Claim status', claimed_on: 'Claimed on', enabled: 'Counts (on/off)' };

function specLabel(kind, name) {
  const s = (SPECS[kind] || []).find((x) => x.name === name);
  return s ? s.label : COMMON_LABELS[name] || null;
}

/**
 * A JSON pointer into a plan in the words of its forms:
 * '/certifications/0/expires' -> 'Certification 1 “CCNP Enterprise” › Valid through',
 * '/activities/2/sessions/0/minutes' -> 'Cisco Live 3 “Cisco Live US 2026” › Session 1, Length (min)',
 * '/policy/cisco_live/breakout/2000' -> 'Credit tables › Technical Breakout and DevNet Workshop, level 2000'.
 * `plan` (optional) gives the names. Null when the pointer is not a string.
 */
function describePointer(pointer, plan) {
  if (typeof pointer !== 'string') return null;
  if (pointer === '') return 'The whole plan';
  const parts = pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  const isIndex = (s) => /^\d+$/.test(s || '');
  const named = (s) => (typeof s === 'string' && s.trim() ? ' “' + s.trim() + '”' : '');
  const rest = (from) => parts.slice(from).join(' › ');
  const list = (key) => (plan && Array.isArray(plan[key]) ? plan[key] : []);
  if (parts[0] === 'certifications' && isIndex(parts[1])) {
    const c = list('certifications')[+parts[1]];
    const head = 'Certification ' + (+parts[1] + 1) + named(c && c.name);
    return parts.length > 2 ? head + ' › ' + (specLabel('certification', parts[2]) || rest(2)) : head;
  }
  if (parts[0] === 'activities' && isIndex(parts[1])) {
    const a = list('activities')[+parts[1]] || {};
    const kind = F.ACTIVITY_TYPES[a.type] ? a.type : null;
    const name = [a.title, a.event, a.course, a.code].find((x) => typeof x === 'string' && x.trim());
    let out = (kind ? F.ACTIVITY_TYPES[kind].label : 'Activity') + ' ' + (+parts[1] + 1) + named(name);
    if (parts[2] === 'sessions' && isIndex(parts[3])) {
      out += ' › Session ' + (+parts[3] + 1);
      if (parts.length > 4) out += ', ' + ((SESSION_FIELDS.find((x) => x.name === parts[4]) || {}).label || rest(4));
      return out;
    }
    return parts.length > 2 ? out + ' › ' + ((kind && specLabel(kind, parts[2])) || specLabel('training', parts[2]) || rest(2)) : out;
  }
  if (parts[0] === 'options' && isIndex(parts[1])) {
    // An option of Suggest a plan: /options/2/cost/money, /options/0/activity/credits (optimize.md).
    const o = list('options')[+parts[1]] || {};
    const a = o && typeof o.activity === 'object' && o.activity ? o.activity : {};
    const name = [a.title, a.event, a.course, a.code].find((x) => typeof x === 'string' && x.trim());
    const out = 'Option ' + (+parts[1] + 1) + named(name);
    if (parts.length <= 2) return out;
    const field = parts[2] === 'cost' && parts[3] ? OPTION_LABELS[parts[3]]
      : parts[2] === 'activity' && parts[3] ? (F.ACTIVITY_TYPES[a.type] && specLabel(a.type, parts[3])) || specLabel('training', parts[3]) || rest(3)
        : OPTION_LABELS[parts[2]];
    return out + ' › ' + (field || rest(2));
  }
  if (parts[0] === 'policy') {
    const cell = tables.cellLabel(parts.slice(1));
    if (cell) return 'Credit tables › ' + cell;
  }
  return TOP_LABELS[parts[0]] ? TOP_LABELS[parts[0]] + (parts.length > 1 ? ' › ' + rest(1) : '') : null;
}

export { open, close, SPECS, SESSION_FIELDS, OPTION_LABELS, describePointer };
