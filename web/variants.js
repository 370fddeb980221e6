// variants.js: named alternatives of one plan ("what if I skip Cisco Live?"), kept inside
// the plan document itself, so that they travel with it to localStorage, the exported
// JSON and the share link. The shape (README.md, "Variants"):
//
//   { ...the current variant's plan...,
//     "variant": "Spring exam",
//     "variants": [ { "name": "Base", "plan": { ...certifications, activities... } },
//                   { "name": "Spring exam" },            <- the current one: its plan is the document
//                   { "name": "No Cisco Live", "plan": { ... } } ] }
//
// The document stays an ordinary plan (the engine ignores the two extra fields) and its
// verdict is the current variant's. The plan's `name`, `today`, `policy` (credit tables) and
// `options` (what the holder could take, for Suggest a plan) are shared by every variant:
// they are kept at the top only. This file holds the pure
// operations on that shape, the variants bar under the top bar and the name dialog.
import { h, uid, redraw } from './dom.js';
import * as F from './format.js';
import * as engine from './engine.js';
import * as app from './app.js';
import * as lazy from './lazy.js';

const META = ['variant', 'variants'];
const SHARED = ['name', 'today', 'policy', 'plan_id', 'calendar', 'options']; // plan_id, calendar: the deadlines calendar's (ics.js); options: Suggest a plan's
const clone = (x) => JSON.parse(JSON.stringify(x));
const isObj = (x) => x && typeof x === 'object' && !Array.isArray(x);

// ----- the model (pure: documents in, new documents out) -----------------------------

/** A variant's own part of a plan: everything except the shared fields and the variants. */
function own(plan) {
  const p = clone(plan);
  for (const k of META.concat(SHARED)) delete p[k];
  return p;
}

function hasVariants(doc) { return isObj(doc) && Array.isArray(doc.variants) && doc.variants.length > 0; }

const typeName = (x) => (x === null ? 'null' : Array.isArray(x) ? 'a list' : typeof x === 'object' ? 'an object' : 'a ' + typeof x);
// Names are compared without case, invisible characters (zero-width spaces, joiners, marks:
// Unicode Cf) and extra spaces: "Base\u200b" and "base" look the same, so they are one name.
const nameKey = (n) => String(n).replace(/\p{Cf}/gu, '').replace(/\s+/g, ' ').trim().toLowerCase();
const inDocumentOrder = (p, q) => p.pointer.localeCompare(q.pointer, 'en', { numeric: true });

/**
 * shapeErrors(doc) -> [{pointer, message}]: what makes the document unreadable as a plan
 * with variants, so that it is refused whole (engine.js asks before the engine does, as
 * the engine ignores these fields): `variants` that is not a list, `variant` that is not
 * a name.
 */
function shapeErrors(doc) {
  if (!isObj(doc)) return [];
  const out = [];
  if (doc.variants !== undefined && !Array.isArray(doc.variants)) {
    out.push({ pointer: '/variants', message: 'expected a list of variants, [{"name": "…", "plan": {…}}, …], got ' + typeName(doc.variants) });
  }
  if (doc.variant !== undefined && typeof doc.variant !== 'string') {
    out.push({ pointer: '/variant', message: 'expected the name of the variant being edited (text), got ' + typeName(doc.variant) });
  }
  return out;
}

/**
 * read(doc) -> {entries: [{name, current, plan?, index}], problems: [{pointer, message}]}
 * The variants in their order, read tolerantly from a hand-edited file, with what was
 * wrong (pointers into doc): an entry that is not a variant, has no name, or (not being
 * the current one) has no plan is left out; a name already used (whatever its case) is
 * renamed "a (2)"; the current variant missing from the list is added at its front.
 * index: the entry's place in doc.variants (-1 when added).
 */
function read(doc) {
  const out = { entries: [], problems: [] };
  if (!hasVariants(doc)) return out;
  const currentName = typeof doc.variant === 'string' && doc.variant.trim() ? doc.variant : 'Base';
  let currentAt = -1;
  const kept = [];
  const planless = [];
  doc.variants.forEach((v, i) => {
    const at = '/variants/' + i;
    if (!isObj(v)) { out.problems.push({ pointer: at, message: 'expected a variant {"name": "…", "plan": {…}}, got ' + typeName(v) + '; left out' }); return; }
    if (typeof v.name !== 'string' || !v.name.trim()) {
      out.problems.push({ pointer: at + '/name', message: 'a variant needs a name' + (v.name === undefined ? '' : ', got ' + typeName(v.name)) + '; left out' });
      return;
    }
    if (currentAt < 0 && v.name === currentName) { currentAt = i; kept.push({ name: v.name, current: true, index: i }); return; }
    if (!isObj(v.plan)) { planless.push({ name: v.name, index: i, plan: v.plan }); return; }
    kept.push({ name: v.name, current: false, plan: v.plan, index: i });
  });
  // `variant` names no entry, and one entry has no plan: that one is being edited.
  const adopted = currentAt < 0 && planless.length === 1 && planless[0].plan === undefined ? planless.shift() : null;
  if (adopted) {
    out.problems.push({ pointer: '/variant', message: 'no variant in the list is called “' + currentName + '”: “' + adopted.name +
      '”, the one without a plan, is taken as the variant being edited' });
    kept.splice(kept.filter((e) => e.index < adopted.index).length, 0, { name: adopted.name, current: true, index: adopted.index });
    currentAt = adopted.index;
  }
  for (const v of planless) {
    out.problems.push({ pointer: '/variants/' + v.index + '/plan', message: (v.plan === undefined ? 'missing' : 'expected a plan {…}, got ' + typeName(v.plan)) +
      ': only the variant being edited (“' + (adopted ? adopted.name : currentName) + '”) has none; “' + v.name + '” is left out' });
  }
  if (currentAt < 0) {
    if (doc.variant !== undefined) {
      out.problems.push({ pointer: '/variant', message: 'no variant in the list is called “' + currentName + '”: the plan being edited is listed under that name' });
    }
    kept.unshift({ name: currentName, current: true, index: -1 });
  }
  // Unique names, whatever their case: the first keeps its name, the others get "name (2)".
  const taken = new Set();
  for (const e of kept) { if (!taken.has(nameKey(e.name))) { taken.add(nameKey(e.name)); e.keeps = true; } }
  for (const e of kept) {
    if (!e.keeps) {
      let n = 2;
      while (taken.has(nameKey(e.name + ' (' + n + ')'))) n += 1;
      const to = e.name.trim() + ' (' + n + ')';
      const same = kept.find((o) => o.keeps && nameKey(o.name) === nameKey(e.name));
      out.problems.push({ pointer: e.index >= 0 ? '/variants/' + e.index + '/name' : '/variant',
        message: 'the name “' + e.name + '” is taken (by “' + same.name + '”, names are compared without case): renamed “' + to + '”' });
      taken.add(nameKey(to));
      e.renamed = to;
    }
  }
  for (const e of kept) {
    if (e.renamed) e.name = e.renamed;
    delete e.renamed;
    delete e.keeps;
  }
  out.entries = kept;
  out.problems.sort(inDocumentOrder);
  return out;
}

/** list(doc) -> [{name, current, plan?, index}] in their order; [] for a plan without variants (see read()). */
function list(doc) {
  const entries = read(doc).entries;
  return entries.length > 1 ? entries : [];
}

function currentName(doc) {
  const v = list(doc).find((x) => x.current);
  return v ? v.name : null;
}

/** The plan the engine evaluates for a variant: its own part plus the shared fields. */
function planOf(doc, name) {
  const v = list(doc).find((x) => x.name === name);
  if (!v || v.current) {
    const p = clone(doc);
    for (const k of META) delete p[k];
    return p;
  }
  const p = Object.assign({ format: doc.format, version: doc.version }, clone(v.plan));
  for (const k of SHARED) {
    if (doc[k] !== undefined) p[k] = clone(doc[k]); else delete p[k];
  }
  return p;
}

/** Builds the document from a top-level plan and the entries (one marked current). */
function write(top, entries) {
  const doc = clone(top);
  for (const k of META) delete doc[k];
  if (entries.length < 2) return doc; // one variant left: back to a plain plan
  const cur = entries.find((v) => v.current);
  doc.variant = cur.name;
  doc.variants = entries.map((v) => (v.current ? { name: v.name } : { name: v.name, plan: v.plan }));
  return doc;
}

// ----- checking the variants (load, import, link) ------------------------------------

// Each variant's plan evaluated once per distinct plan (the compare view shares these).
const results = new Map();
function evaluateCached(plan) {
  const key = JSON.stringify(plan);
  if (results.has(key)) return results.get(key);
  const r = engine.evaluate(plan);
  results.set(key, r);
  if (results.size > 40) results.delete(results.keys().next().value);
  return r;
}

/**
 * audit(doc) -> {problems: [{pointer, message}], broken: Map(name -> engine errors), fixed: doc|null}
 * read()'s problems, then every other variant's plan as the engine judges it, with
 * pointers into doc (/variants/1/plan/activities/0/completed). A variant the engine
 * refuses is kept (to fix, or delete). fixed: the document with read()'s repairs written
 * in (names made unique, unusable entries left out), or null when it needs none.
 */
function audit(doc) {
  const r = read(doc);
  const problems = r.problems.slice();
  const broken = new Map();
  for (const e of r.entries) {
    if (e.current) continue;
    const res = evaluateCached(planOf(doc, e.name));
    if (res.ok) continue;
    broken.set(e.name, res.errors);
    for (const err of res.errors) {
      problems.push({ pointer: '/variants/' + e.index + '/plan' + (err.pointer || ''), message: '“' + e.name + '”: ' + err.message });
    }
  }
  return { problems: problems.sort(inDocumentOrder), broken, fixed: r.problems.length ? write(doc, r.entries) : null };
}

/** checkName(doc, name, except) -> error message or '' */
function checkName(doc, name, except) {
  const n = String(name || '').trim();
  if (!nameKey(n)) return 'Give the variant a name.'; // invisible characters alone are no name
  if (n.length > 60) return 'Keep the name under 60 characters.';
  // A plan without variants yet is kept as “Base” by its first duplicate (duplicate(), add()):
  // that name is taken too.
  const entries = list(doc);
  const names = entries.length ? entries.map((v) => v.name) : ['Base'];
  const taken = names.some((v) => nameKey(v) === nameKey(n) && v !== except);
  return taken ? 'There is already a variant called “' + n + '”.' : '';
}

/** A name not used yet: 'Alternative 1', 'Alternative 2', … */
function freshName(doc) {
  const used = new Set(list(doc).map((v) => nameKey(v.name)));
  let n = 1;
  while (used.has(nameKey('Alternative ' + n))) n += 1;
  return 'Alternative ' + n;
}

/**
 * duplicate(doc, newName, baseName?) -> doc where the current plan is kept under its
 * name (baseName, 'Base' by default, when the plan had no variants yet) and a copy of
 * it, called newName, right after it, becomes the current variant.
 */
function duplicate(doc, newName, baseName) {
  let entries = list(doc);
  if (!entries.length) entries = [{ name: baseName || 'Base', current: true }];
  const i = entries.findIndex((v) => v.current);
  const keep = { name: entries[i].name, current: false, plan: own(doc) };
  entries.splice(i, 1, keep, { name: String(newName).trim(), current: true });
  return write(doc, entries);
}

/** switchTo(doc, name) -> doc whose top level is that variant's plan. */
function switchTo(doc, name) {
  const entries = list(doc);
  const target = entries.find((v) => v.name === name);
  if (!target || target.current) return doc;
  const top = planOf(doc, name);
  const next = entries.map((v) => {
    if (v.current) return { name: v.name, current: false, plan: own(doc) };
    if (v === target) return { name: v.name, current: true };
    return v;
  });
  return write(top, next);
}

/**
 * add(doc, name, plan) -> doc with a new variant called name (plan: a whole plan; its own
 * part is kept) after the others; the variant being edited stays current. A plan without
 * variants keeps its own as baseName ('Base' by default).
 */
function add(doc, name, plan, baseName) {
  let entries = list(doc);
  if (!entries.length) entries = [{ name: baseName || 'Base', current: true }];
  return write(doc, entries.concat([{ name: String(name).trim(), current: false, plan: own(plan) }]));
}

function rename(doc, name, newName) {
  const n = String(newName).trim();
  const entries = list(doc).map((v) => (v.name === name ? Object.assign({}, v, { name: n }) : v));
  return write(doc, entries);
}

/** remove(doc, name) -> doc without that variant (the neighbour becomes current if needed). */
function remove(doc, name) {
  let entries = list(doc);
  const i = entries.findIndex((v) => v.name === name);
  if (i < 0) return doc;
  let top = doc;
  if (entries[i].current) {
    const next = entries[i + 1] || entries[i - 1];
    if (!next) return doc;
    top = switchTo(doc, next.name);
    entries = list(top);
  }
  return write(top, entries.filter((v) => v.name !== name));
}

// ----- the name dialog ---------------------------------------------------------------

let dialog = null;
/** askName({title, label, value, saveLabel, check(name) -> error}) -> Promise<name|null> */
function askName(opts) {
  if (!dialog) {
    dialog = h('dialog', { id: 'variant-dialog', class: 'editor variant-dialog' });
    document.body.appendChild(dialog);
  }
  return new Promise((resolve) => {
    const id = uid('variant-name');
    const titleId = uid('variant-title');
    const input = h('input', { type: 'text', id, value: opts.value || '', autocomplete: 'off', 'aria-describedby': id + '-err', maxlength: '80' });
    const err = h('p', { class: 'field-error', id: id + '-err', hidden: true });
    const cancel = h('button', { type: 'button', class: 'btn' }, 'Cancel');
    let answer = null;
    const form = h('form', { class: 'editor-form', novalidate: true, 'aria-labelledby': titleId },
      h('h2', { id: titleId }, opts.title),
      opts.note ? h('p', { class: 'hint' }, opts.note) : null,
      h('div', { class: 'field' }, h('label', { for: id }, opts.label || 'Name'), input, err),
      h('div', { class: 'form-actions' }, h('span', { class: 'spacer' }), cancel,
        h('button', { type: 'submit', class: 'btn primary' }, opts.saveLabel || 'Save')));
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const problem = opts.check ? opts.check(input.value) : '';
      if (problem) {
        err.textContent = problem; err.hidden = false;
        input.setAttribute('aria-invalid', 'true');
        input.focus();
        return;
      }
      answer = input.value.trim();
      dialog.close();
    });
    cancel.addEventListener('click', () => dialog.close());
    const opener = document.activeElement;
    dialog.onclose = () => {
      resolve(answer);
      if (answer === null && opener && document.contains(opener)) opener.focus();
    };
    dialog.replaceChildren(form);
    dialog.showModal();
    input.focus();
    input.select();
  });
}

// ----- the bar under the top bar -----------------------------------------------------

function commit(doc, message, failure) {
  const r = app.apply(doc, { toast: message });
  if (!r.ok && app.showProblems) app.showProblems(failure || 'That variant could not be used; your plan was not changed', r.errors);
  return r;
}

function focusBar(sel) {
  const el = document.querySelector('#variants ' + sel);
  if (el) el.focus();
}

function onDuplicate() {
  const doc = app.state.plan;
  const first = !hasVariants(doc);
  askName({
    title: first ? 'Try an alternative' : 'Duplicate “' + currentName(doc) + '”',
    note: first
      ? 'Your plan is kept as the variant “Base”; you continue on a copy. Compare them at any time.'
      : 'You continue on the copy; “' + currentName(doc) + '” is kept as it is.',
    label: 'Name of the new variant', value: freshName(doc), saveLabel: 'Duplicate',
    check: (n) => checkName(doc, n),
  }).then((name) => {
    if (name === null) return;
    const r = commit(duplicate(app.state.plan, name), 'Now editing the variant “' + name + '”.');
    if (r.ok) focusBar('[aria-pressed="true"]');
  });
}

function onRename() {
  const doc = app.state.plan;
  const cur = currentName(doc);
  askName({ title: 'Rename “' + cur + '”', label: 'New name', value: cur, saveLabel: 'Rename', check: (n) => checkName(doc, n, cur) })
    .then((name) => {
      if (name === null || name === cur) return;
      if (commit(rename(app.state.plan, cur, name), 'Renamed to “' + name + '”.').ok) focusBar('[aria-pressed="true"]');
    });
}

function onDelete() {
  const doc = app.state.plan;
  const cur = currentName(doc);
  if (commit(remove(doc, cur), 'Deleted the variant “' + cur + '”.').ok) focusBar('.variant-tab[aria-pressed="true"], .btn-duplicate');
}

function onSwitch(name) {
  const doc = app.state.plan;
  const entry = read(doc).entries.find((v) => v.name === name);
  const r = app.apply(switchTo(doc, name), { toast: 'Now editing the variant “' + name + '”.' });
  if (!r.ok) {
    // Where the problems are in the document as it is: that variant's plan.
    const at = entry && entry.index >= 0 ? '/variants/' + entry.index + '/plan' : '';
    app.showProblems('“' + name + '” cannot be used until its plan is fixed; your plan was not changed',
      r.errors.map((e) => ({ pointer: typeof e.pointer === 'string' ? at + e.pointer : at, message: e.message })));
  } else {
    const el = Array.from(document.querySelectorAll('#variants .variant-tab')).find((b) => b.dataset.variant === name);
    if (el) el.focus();
  }
}

// What the last check found: {key (the document it is about), problems, dismissed}.
let notice = null;
let checkedKey = null;
let checked = { problems: [], broken: new Map(), fixed: null };
/** What the check depends on: the variants and the fields they share. */
const checkKey = (doc) => (hasVariants(doc) ? JSON.stringify([doc.variant, doc.variants, doc.today, doc.policy]) : '');

/**
 * Checks the document's variants when they changed (a plan loaded, imported, from a link,
 * or a variant switched, renamed, deleted): the problems are shown under the bar, a
 * variant the engine refuses is marked, and a document that needed repairs (a name used
 * twice, an entry that is no variant) is replaced by the repaired one, once, right after
 * the change that brought it (not undoable on its own: Undo goes back before the load).
 */
function check(doc) {
  const key = checkKey(doc);
  if (key === checkedKey) return;
  checkedKey = key;
  checked = key ? audit(doc) : { problems: [], broken: new Map(), fixed: null };
  if (checked.fixed) {
    const fixed = checked.fixed;
    notice = { key: checkKey(fixed), problems: checked.problems, dismissed: false };
    queueMicrotask(() => { if (app.state.plan === doc) app.apply(fixed, { undoable: false }); });
  } else if (!(notice && notice.key === key)) {
    notice = checked.problems.length ? { key, problems: checked.problems, dismissed: false } : null;
  }
}

function drawNotice(doc) {
  const bar = document.getElementById('variants');
  let box = document.getElementById('variants-notice');
  if (!box) {
    if (!bar) return;
    box = h('div', { id: 'variants-notice', class: 'variants-notice', role: 'status', hidden: true });
    bar.after(box);
  }
  const showing = notice && !notice.dismissed && notice.key === checkKey(doc) ? notice : null;
  if (!showing) {
    if (!box.hidden) { box.hidden = true; box.replaceChildren(); }
    return;
  }
  if (!box.hidden && box.dataset.key === showing.key) return; // already drawn
  const dismiss = h('button', { type: 'button', class: 'btn small', onclick: () => {
    showing.dismissed = true;
    drawNotice(app.state.plan);
    const b = document.querySelector('#variants .variant-tab[aria-pressed="true"], #variants .btn-duplicate');
    if (b) b.focus();
  } }, 'Dismiss');
  box.replaceChildren(
    h('div', { class: 'variants-notice-head' },
      h('strong', { id: 'variants-notice-title' }, 'The variants of this plan need attention (' + F.plural(showing.problems.length, 'problem') + ')'),
      dismiss),
    h('ul', { 'aria-labelledby': 'variants-notice-title' }, showing.problems.map((p) =>
      h('li', null, h('code', { class: 'pointer' }, p.pointer), ' ', p.message))));
  // A variant the engine refuses cannot be switched to, so Delete (which acts on the
  // current one) cannot reach it: it can be deleted from here.
  const broken = Array.from(checked.broken.keys());
  if (broken.length) {
    box.appendChild(h('div', { class: 'variants-notice-actions' }, broken.map((name) => h('button', {
      type: 'button', class: 'btn small', dataset: { variant: name },
      onclick: () => { if (commit(remove(app.state.plan, name), 'Deleted the variant “' + name + '”.').ok) focusBar('.variant-tab[aria-pressed="true"], .btn-duplicate'); },
    }, 'Delete “' + name + '”'))));
  }
  box.dataset.key = showing.key;
  box.hidden = false;
}

/** Draws the bar from the current document; called after every render. */
function render(doc) {
  const bar = document.getElementById('variants');
  if (!bar) return;
  check(doc);
  drawNotice(doc);
  const entries = list(doc);
  const compareOpen = comparing();
  if (!entries.length) {
    redraw(bar, [
      h('span', { class: 'variants-label' }, 'Variants'),
      h('button', { type: 'button', class: 'btn small btn-duplicate', onclick: onDuplicate }, 'Duplicate as a variant…'),
      h('span', { class: 'variants-hint' }, 'Try an alternative (skip an event, move an exam) without losing this plan.')]);
    if (compareOpen) closeCompare();
    return;
  }
  const tabs = h('div', { class: 'variant-tabs', role: 'group', 'aria-label': 'Switch variant' },
    entries.map((v) => h('button', {
      type: 'button', class: ['variant-tab', v.current && 'current', checked.broken.has(v.name) && 'broken'], 'aria-pressed': v.current ? 'true' : 'false',
      'aria-describedby': checked.broken.has(v.name) && !document.getElementById('variants-notice').hidden ? 'variants-notice-title' : null,
      dataset: { variant: v.name, broken: checked.broken.has(v.name) ? 'true' : null },
      title: v.current ? 'The variant you are editing'
        : checked.broken.has(v.name) ? '“' + v.name + '” cannot be used until its plan is fixed: ' + checked.broken.get(v.name).map((e) => e.message).join('; ')
          : 'Switch to “' + v.name + '”',
      onclick: v.current ? null : () => onSwitch(v.name),
    }, v.name)));
  // drawn again after every edit: what shows the same words stays (its listeners follow from them)
  redraw(bar, [
    h('span', { class: 'variants-label', id: 'variants-label' }, 'Variant'),
    tabs,
    h('div', { class: 'variant-actions' },
      h('button', { type: 'button', class: 'btn small btn-duplicate', onclick: onDuplicate }, 'Duplicate…'),
      h('button', { type: 'button', class: 'btn small', onclick: onRename, 'aria-label': 'Rename this variant' }, 'Rename…'),
      h('button', { type: 'button', class: 'btn small quiet', onclick: onDelete, 'aria-label': 'Delete this variant' }, 'Delete'),
      h('button', {
        type: 'button', class: ['btn', 'small', compareOpen ? 'primary' : null, 'btn-compare'], 'aria-expanded': compareOpen ? 'true' : 'false',
        'aria-controls': 'compare', onclick: () => (comparing() ? closeCompare() : openCompare()),
      }, compareOpen ? 'Hide comparison' : 'Compare ' + entries.length))]);
}

/** Whether the variants side by side (compare.js, a feature script loaded on first use, lazy.js) are shown. */
function comparing() {
  const f = lazy.loaded('compare');
  return !!(f && f.compare.isOpen());
}
function closeCompare() {
  const f = lazy.loaded('compare');
  if (f) f.compare.close();
}
/** Shows the variants side by side, loading compare.js first if need be; when shown already, focuses their heading. */
function openCompare() {
  return app.withFeature('compare', 'The comparison', ({ compare }) => {
    if (!compare.isOpen()) compare.open();
    else { const t = document.getElementById('compare-title'); if (t) t.focus(); }
  });
}

/** The variants bar's commands, for the compare view's Switch buttons. */
const actions = { duplicate: onDuplicate, rename: onRename, remove: onDelete, switchTo: onSwitch };

export {
  list, read, audit, shapeErrors, evaluateCached, currentName, planOf, duplicate, add, switchTo, rename, remove, checkName, freshName, own, render, askName, actions,
  comparing, openCompare,
};
