// tables.js: the credit tables (E8). Cisco Live credits per session type × level and
// item-authoring credits per accepted item are unknown (the values were lost from the seed
// page): the engine's policy() ships them as null. The user enters Cisco's values here; they
// are written into the plan's `policy` block (so an exported plan carries them) and kept in
// this browser, where they fill what any plan opened later leaves unknown.
import { h, uid, focusedKey, byFocusKey } from './dom.js';
import * as F from './format.js';
import * as app from './app.js';
import * as engine from './engine.js';

const KEY = 'ceplan.credit-tables.v1';
const LEVELS = ['1000', '2000', '3000'];
const SESSION_TYPES = [
  { key: 'breakout', label: 'Technical Breakout and DevNet Workshop', codes: 'BRK…, DEVWKS…' },
  { key: 'lab', label: 'Instructor-led Lab', codes: 'LTR…' },
  { key: 'seminar_4h', label: 'Technical Seminar, under 8 hours', codes: 'TEC…' },
  { key: 'seminar_8h', label: 'Technical Seminar, 8 hours or more', codes: 'TEC…' },
];
const ITEM_TYPES = Object.keys(F.ITEM_TYPE_LABELS); // rules.md E8 order

const isObj = (x) => x && typeof x === 'object' && !Array.isArray(x);
const known = (v) => Number.isFinite(v);

/** Every cell: [{table, path: [..keys], label}] */
function cells() {
  const out = [];
  for (const t of SESSION_TYPES) for (const l of LEVELS) out.push({ table: 'cisco_live', path: ['cisco_live', t.key, l] });
  for (const t of ITEM_TYPES) out.push({ table: 'item_authoring', path: ['item_authoring', t] });
  return out;
}

function getIn(obj, path) {
  let cur = obj;
  for (const k of path) { if (!isObj(cur)) return undefined; cur = cur[k]; }
  return cur;
}
function setIn(obj, path, v) {
  let cur = obj;
  for (const k of path.slice(0, -1)) { if (!isObj(cur[k])) cur[k] = {}; cur = cur[k]; }
  cur[path[path.length - 1]] = v;
}
function deleteIn(obj, path) {
  const parents = [obj];
  let cur = obj;
  for (const k of path.slice(0, -1)) { if (!isObj(cur[k])) return; cur = cur[k]; parents.push(cur); }
  delete cur[path[path.length - 1]];
  for (let i = path.length - 2; i >= 0; i--) { // drop objects left empty
    if (Object.keys(parents[i + 1]).length) break;
    delete parents[i][path[i]];
  }
}

/** The values kept in this browser: the same shape as the policy block, known values only. */
function stored() {
  try {
    const t = window.localStorage.getItem(KEY);
    const doc = t ? JSON.parse(t) : null;
    return isObj(doc) ? doc : {};
  } catch (e) {
    return {};
  }
}
function store(values) {
  try { window.localStorage.setItem(KEY, JSON.stringify(values)); } catch (e) { /* private mode: the plan still has them */ }
}

/** fill(plan) -> the plan, with the stored values in every cell it leaves unknown (a copy if any). */
function fill(plan) {
  if (!isObj(plan)) return plan;
  const mine = stored();
  let out = plan;
  for (const c of cells()) {
    const v = getIn(mine, c.path);
    if (!known(v) || known(getIn(plan.policy, c.path))) continue;
    if (out === plan) out = JSON.parse(JSON.stringify(plan));
    if (!isObj(out.policy)) out.policy = {};
    setIn(out.policy, c.path, v);
  }
  return out;
}

/** The table cell an E8 warning is about, from the engine's policy_pointer
 *  ("/cisco_live/breakout/2000" -> ['cisco_live', 'breakout', '2000']), or null. */
function cellFor(w) {
  if (typeof w.policy_pointer !== 'string') return null;
  const cell = w.policy_pointer.split('/').slice(1);
  if (cell[0] === 'item_authoring' && cell.length === 2 && ITEM_TYPES.includes(cell[1])) return cell;
  if (cell[0] === 'cisco_live' && cell.length === 3 && LEVELS.includes(cell[2])) return cell;
  return null;
}

/** A cell in the dialog's words: ['cisco_live', 'breakout', '2000'] -> 'Technical Breakout and DevNet Workshop, level 2000'; null if no cell. */
function cellLabel(path) {
  const p = Array.isArray(path) ? path.map(String) : [];
  if (p[0] === 'cisco_live' && p.length === 3 && LEVELS.includes(p[2])) {
    const t = SESSION_TYPES.find((x) => x.key === p[1]);
    return t ? t.label + ', level ' + p[2] : null;
  }
  if (p[0] === 'item_authoring' && p.length === 2 && ITEM_TYPES.includes(p[1])) return F.ITEM_TYPE_LABELS[p[1]];
  return null;
}

/** The button shown next to a CREDIT_VALUE_UNKNOWN warning. */
function warningLink(w) {
  const cell = cellFor(w);
  return h('button', {
    type: 'button', class: 'btn small tables-link',
    dataset: { focus: 'tables:' + (w.activity || '') + ':' + (w.session == null ? '' : w.session) },
    onclick: () => open({ focus: cell }),
  }, 'Enter it in the credit tables');
}

// ----- the dialog ----------------------------------------------------------------------

let dialog = null;

function cellInput(path, planValue, builtIn, label) {
  const id = 'ct-' + path.join('-');
  const input = h('input', {
    type: 'number', id, min: 0, step: 1, inputmode: 'numeric', autocomplete: 'off',
    value: known(planValue) ? String(planValue) : '',
    placeholder: known(builtIn) ? String(builtIn) : '?',
    'aria-label': label, dataset: { cell: path.join('/') },
  });
  return input;
}

/**
 * open({focus: path?}): the credit tables dialog. Save writes the plan's policy block
 * (one evaluate) and this browser's copy.
 */
function open(opts) {
  opts = opts || {};
  if (!dialog) {
    dialog = h('dialog', { id: 'credit-tables-dialog', class: 'editor tool-dialog wide' });
    document.body.appendChild(dialog);
  }
  const plan = app.state.plan || {};
  const builtIn = engine.policy() || {};
  const inputs = [];
  const titleId = uid('ct-title');
  const noteId = uid('ct-note');
  const knownCount = cells().filter((c) => known(getIn(plan.policy, c.path))).length;

  const sessionTable = h('table', { class: 'credit-table', 'aria-describedby': noteId },
    h('caption', null, 'Cisco Live: credits per session ', F.ruleBadge('E6'), ' ', F.ruleBadge('E8')),
    h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Session type'),
      LEVELS.map((l) => h('th', { scope: 'col', class: 'num' }, 'Level ' + l)))),
    h('tbody', null, SESSION_TYPES.map((t) => h('tr', null,
      h('th', { scope: 'row' }, t.label, h('span', { class: 'codes' }, t.codes)),
      LEVELS.map((l) => {
        const path = ['cisco_live', t.key, l];
        const input = cellInput(path, getIn(plan.policy, path), getIn(builtIn, path), t.label + ', level ' + l + ': credits per session');
        inputs.push({ path, input });
        return h('td', { class: 'num' }, input);
      })))));

  const itemTable = h('table', { class: 'credit-table items', 'aria-describedby': noteId },
    h('caption', null, 'Item authoring: credits per accepted item ', F.ruleBadge('E8')),
    h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Item type'), h('th', { scope: 'col', class: 'num' }, 'Credits'))),
    h('tbody', null, ITEM_TYPES.map((t) => {
      const path = ['item_authoring', t];
      const input = cellInput(path, getIn(plan.policy, path), getIn(builtIn, path), F.ITEM_TYPE_LABELS[t] + ': credits per accepted item');
      inputs.push({ path, input });
      return h('tr', null, h('th', { scope: 'row' }, F.ITEM_TYPE_LABELS[t], h('span', { class: 'codes' }, t)), h('td', { class: 'num' }, input));
    })));

  const errorsBox = h('div', { class: 'form-errors', role: 'alert', tabindex: '-1', hidden: true });
  const save = h('button', { type: 'submit', class: 'btn primary' }, 'Save');
  const cancel = h('button', { type: 'button', class: 'btn' }, 'Cancel');
  const clear = h('button', { type: 'button', class: 'btn quiet' }, 'Clear all');
  const form = h('form', { class: 'editor-form', novalidate: true, 'aria-labelledby': titleId },
    h('h2', { id: titleId }, 'Credit tables'),
    h('div', { class: 'scroll tables-body' }, h('div', { class: 'tables-note', id: noteId },
      h('p', null, h('strong', null, knownCount ? knownCount + ' of ' + cells().length + ' values are set in this plan. ' : 'Every value is unknown. '),
        'Cisco gives credits per Cisco Live session (by type and level) and per accepted exam item, but these values were lost from the page ceplan’s rules come from ',
        F.ruleBadge('E8'), '. Take them from Cisco’s CE portal (the claim for a session or item shows its credits).'),
      h('p', null, 'An empty cell (?) means unknown: a session or item that needs it earns nothing and says so, unless it carries its own credits. ' +
        'Saved in this browser and written into this plan’s policy block, so an exported plan carries them; plans you open later get these values where they leave them unknown.')),
    errorsBox,
    h('div', { class: 'tables-grid' }, h('div', { class: 'table-wrap' }, sessionTable), h('div', { class: 'table-wrap' }, itemTable))),
    h('div', { class: 'form-actions' }, clear, h('span', { class: 'spacer' }), cancel, save));

  function showErrors(errors) {
    for (const { input } of inputs) input.removeAttribute('aria-invalid');
    const list = h('ul');
    for (const e of errors) {
      const hit = e.path && inputs.find((x) => x.path.join('/') === e.path.join('/'));
      if (hit) hit.input.setAttribute('aria-invalid', 'true');
      list.appendChild(h('li', { dataset: { cell: e.path ? e.path.join('/') : '' } }, e.where ? e.where + ': ' : null, e.message));
    }
    errorsBox.replaceChildren(h('p', null, 'Nothing was saved:'), list);
    errorsBox.hidden = false;
    const first = inputs.find((x) => x.input.getAttribute('aria-invalid') === 'true');
    (first ? first.input : errorsBox).focus();
  }

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const errors = [];
    const values = {};
    const cand = JSON.parse(JSON.stringify(app.state.plan));
    if (!isObj(cand.policy)) cand.policy = {};
    for (const { path, input } of inputs) {
      const cell = F.readWholeNumber(input, ' of credits, or an empty cell for unknown'); // the forms' reading too
      if (cell.error) {
        errors.push({ path, where: cellLabel(path), message: cell.error });
      } else if (cell.empty) {
        deleteIn(cand.policy, path);
      } else {
        setIn(cand.policy, path, cell.value);
        setIn(values, path, cell.value);
      }
    }
    if (!Object.keys(cand.policy).length) delete cand.policy;
    if (errors.length) { showErrors(errors); return; }
    const r = app.apply(cand, { toast: 'Credit tables saved.' });
    if (!r.ok) {
      showErrors(r.errors.map((e) => {
        const m = /^\/policy\/(.+)$/.exec(String(e.pointer || ''));
        const path = m ? m[1].split('/') : null;
        return { path, where: cellLabel(path) || e.pointer || '', message: e.message };
      }));
      return;
    }
    store(values);
    dialog.close();
  });
  cancel.addEventListener('click', () => dialog.close());
  clear.addEventListener('click', () => { for (const { input } of inputs) input.value = ''; inputs[0].input.focus(); });

  const opener = focusedKey();
  dialog.replaceChildren(form);
  dialog.onclose = () => setTimeout(() => {
    const el = byFocusKey(opener);
    (el || document.getElementById('credit-tables')).focus();
  }, 0);
  dialog.showModal();
  const target = opts.focus && inputs.find((x) => x.path.join('/') === opts.focus.join('/'));
  const first = target || inputs[0];
  first.input.focus();
  if (target) target.input.closest('tr').classList.add('wanted');
  return dialog;
}

export { open, fill, stored, cellFor, cellLabel, warningLink, LEVELS, SESSION_TYPES, ITEM_TYPES, KEY };
