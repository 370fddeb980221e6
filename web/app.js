// app.js: the page's state and wiring. One current plan (kept whole, unknown fields
// included) and the engine's result for it. Every change builds a candidate plan, asks the
// engine once, and is kept only if the engine accepts it: a rejected plan never replaces
// the last good one.
import { h, append, focusedKey, byFocusKey, afterPaint } from './dom.js';
import * as F from './format.js';
import * as forms from './forms.js';
import * as store from './store.js';
import * as toolbar from './toolbar.js';
import * as engine from './engine.js';
import * as view from './view.js';
import * as variants from './variants.js';
import * as print from './print.js';
import * as tables from './tables.js';
import * as timeline from './timeline.js';
import * as lazy from './lazy.js';
import * as dates from './dates.js';
import * as next from './next.js';
import * as tabs from './tabs.js';
import * as suggestbar from './suggestbar.js';

const state = { plan: null, result: null, undo: [] };
const $ = (id) => document.getElementById(id);
const clone = (x) => JSON.parse(JSON.stringify(x));

// ----- messages ----------------------------------------------------------------------

/**
 * Show problems (from an import, a link or a stored plan) above the columns.
 * opts: {kind (what the box is about, in data-kind), actions: [{label, onclick}],
 * keepToast (the toast of the action that caused it stays: it is still true),
 * plan (the plan the errors' pointers point into, for their words; default the current one),
 * focus (false: the box is announced, role=alert, without taking the focus)}.
 * A failure hides an earlier toast ("Imported …"), which would contradict it.
 */
function showProblems(title, errors, opts) {
  opts = opts || {};
  const box = $('problems');
  const where = (e) => forms.describePointer(e.pointer, opts.plan || state.plan);
  // "Activity 3 /activities/3/completed not a date …"; the whole plan (pointer "") is named once.
  const list = h('ul', null, (errors || []).map((e) => h('li', null,
    where(e) ? [h('span', { class: 'where' }, where(e)), e.pointer === '' ? ': ' : ' '] : null,
    typeof e.pointer === 'string' && e.pointer !== '' ? [h('code', { class: 'pointer' }, e.pointer), ' '] : null,
    e.message)));
  const dismiss = h('button', { type: 'button', class: 'btn small', onclick: () => clearProblems() }, 'Dismiss');
  const actions = (opts.actions || []).length
    ? h('div', { class: 'problems-actions' }, opts.actions.map((a) => h('button', { type: 'button', class: 'btn small primary', onclick: a.onclick }, a.label)))
    : null;
  box.replaceChildren(h('div', { class: 'problems-head' }, h('h2', null, title), dismiss), list);
  if (actions) box.appendChild(actions);
  box.dataset.kind = opts.kind || 'error';
  box.hidden = false;
  if (!opts.keepToast) hideToast();
  if (opts.focus !== false) box.focus(); // focus: false for news that comes unasked (another tab)
}
function clearProblems() { const box = $('problems'); box.hidden = true; box.replaceChildren(); delete box.dataset.kind; }
function problemsShowing(kind) { const box = $('problems'); return !box.hidden && box.dataset.kind === kind; }

/**
 * withFeature(name, what, fn) -> Promise: fn(the feature's modules) once its script is loaded
 * (lazy.js: 'compare', 'csv', 'ics', 'help', 'suggest'). When it cannot load, the problems box
 * says "<what> could not start" and why; a later call that loads it takes that message away.
 */
function withFeature(name, what, fn) {
  const kind = 'feature-' + name;
  return lazy.load(name).then((f) => {
    if (problemsShowing(kind)) clearProblems();
    return fn(f);
  }, (e) => showProblems(what + ' could not start', [{ message: e.message }], { kind }));
}

let toastTimer = null;
function hideToast() {
  const box = $('toast');
  clearTimeout(toastTimer);
  box.hidden = true;
  box.replaceChildren();
}
function toast(message, withUndo) {
  const box = $('toast');
  const parts = [h('span', null, message)];
  if (withUndo && state.undo.length) parts.push(h('button', { type: 'button', class: 'btn small', onclick: () => { undo(); focusVerdictIfLost(); } }, 'Undo'));
  box.replaceChildren(...parts);
  box.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(hideToast, withUndo ? 10000 : 4000);
}

// ----- keeping the plan in this browser ----------------------------------------------

/**
 * Saves a change: once the page has started, after the new verdict is painted (writing a large
 * plan to localStorage takes ~1 ms per 100 KB, issue 6), and at once when the page is hidden or
 * closed (flushSave); the last change wins. Before that (startup), at once.
 */
let toSave = null; // the plan of the change not saved yet
function persist(plan) {
  if (!started) { saveNow(plan); return; }
  const first = !toSave;
  toSave = plan;
  if (first) afterPaint(flushSave);
}
/** Saves the change not saved yet, if any. */
function flushSave() {
  if (!toSave) return;
  const plan = toSave;
  toSave = null;
  saveNow(plan);
}
/** Whether a change waits to be saved (the browser tests read the saved plan once it is). */
function savePending() { return toSave !== null; }
/**
 * Saves the plan in localStorage and says so when it cannot: once, in the problems box,
 * with the export at hand; the warning goes when a later plan is kept again.
 */
function saveNow(plan) {
  if (tabs.holding()) { tabs.remind(); return; } // another tab saved a different plan: nothing is overwritten until the user chooses (tabs.js)
  const r = store.save(plan, engine.planText(plan)); // the JSON its evaluation made, when it has it
  if (r.ok) {
    if (problemsShowing('save')) clearProblems();
    return;
  }
  if (problemsShowing('save')) return; // already said, still on screen
  const why = r.quota
    ? 'It is ' + (r.chars / 1e6).toFixed(1) + ' million characters long, more than this browser keeps for a page.'
    : 'This browser does not let ceplan keep anything (private browsing, or a setting).';
  showProblems(r.quota ? 'This plan is too large to keep in this browser; export it to keep it' : 'This browser cannot keep the plan; export it to keep it', [
    { message: why + ' It stays on screen while this page is open, but a reload brings back the plan saved before.' },
  ], { kind: 'save', keepToast: true, actions: [{ label: 'Export the plan (JSON)', onclick: exportPlan }] });
}

/** The saved text holds no plan the engine accepts: say why, and offer it as a file before a change replaces it. */
function reportUnreadableSave(text, notJson, errors) {
  const download = () => toolbar.download('ceplan-unreadable-saved-plan.' + (notJson ? 'txt' : 'json'), text, notJson ? 'text/plain' : 'application/json');
  showProblems('Your saved plan could not be read', errors.concat([
    { message: 'It stays in this browser until it is replaced by your next change: download it first to keep it.' },
  ]), { kind: 'unreadable-save', actions: [{ label: 'Download the unreadable saved plan', onclick: download }] });
}

// ----- the one way the plan changes --------------------------------------------------

/**
 * apply(candidate, {toast, undoable, persist, clearProblems, render, saved}) -> {ok, errors?}
 * Evaluates the candidate once; on success it becomes the plan, is drawn and saved (unless
 * `saved`, the text storage holds, is already this plan's).
 */
function apply(candidate, opts) {
  opts = opts || {};
  const r = engine.evaluate(candidate);
  if (!r.ok) return r;
  if (opts.undoable !== false && state.plan) {
    state.undo.push(state.plan);
    if (state.undo.length > 50) state.undo.shift();
  }
  state.plan = candidate;
  state.result = r.result;
  if (opts.render !== false) render();
  // A whole new plan (opts.clearProblems): what was said about the last one no longer
  // holds, except the offer of an unreadable save's text (still in memory).
  if (opts.clearProblems && !problemsShowing('unreadable-save')) clearProblems();
  if (opts.toast) toast(opts.toast, opts.undoable !== false);
  // A change without words of its own (a switch): a toast still offering Undo for an earlier
  // change goes, as its Undo would now take back this change, not the one it names.
  else if (opts.undoable !== false && $('toast').querySelector('button')) hideToast();
  // Not written again when storage holds this very text (the saved plan at startup: opts.saved).
  const stored = typeof opts.saved === 'string' && opts.saved === store.savedText(candidate, engine.planText(candidate));
  if (opts.persist !== false && !stored) persist(candidate);
  return r;
}

function undo() {
  const prev = state.undo.pop();
  if (!prev) return;
  const r = engine.evaluate(prev);
  if (!r.ok) return;
  state.plan = prev;
  state.result = r.result;
  render();
  toast('Undone.', false);
  persist(prev);
}

/**
 * What-if while a form is open: the candidate is evaluated once per pause in typing and
 * its verdict drawn in the verdict column; nothing is saved. A rejected candidate keeps
 * the last good verdict on screen. endPreview() draws the real plan again.
 */
function preview(cand) {
  const r = engine.evaluate(cand);
  if (!r.ok) return r;
  drawingTimelinesAfter(() => view.previewVerdict(cand, r.result, today()));
  return { ok: true, summary: view.verdictSummary(cand, r.result, state.result) };
}
function endPreview() {
  if (document.getElementById('verdict').classList.contains('previewing')) render();
}

function today() {
  return (state.result && state.result.today) || state.plan.today || engine.localToday();
}

// ----- drawing -----------------------------------------------------------------------

let drawn = false; // render() has drawn a plan

/**
 * Runs fn (a drawing of the verdict) with the changed timelines left to the frame after the new
 * verdict is painted (issue 6: an edit within a frame); at startup start() draws them itself.
 */
function drawingTimelinesAfter(fn) {
  const deferring = timeline.defer();
  timeline.defer(true);
  try { fn(); } finally { timeline.defer(deferring); }
  if (!deferring) drawSoon();
}
/**
 * Draws now all that was left for after a paint (startup, print): the activity rows and What to
 * do next after an edit (drawLists), the timelines (timeline.js) and the recertifications behind
 * a closed "Show all" (view.js).
 */
function drawLeftForLater() {
  if (listsLeft) drawLists();
  timeline.drawDeferred();
  view.fillDeferred();
}

// After an edit on a large plan the new verdict is drawn and painted first; the activity rows and
// "What to do next" (whose actions can all move when a switch moves a recertification) are drawn
// in the frame after it, from the plan as it is then (issue 6: a switch on a 500-activity plan
// shows its verdict within a frame). A plan of LISTS_LATER_OVER activities or fewer draws them
// with the verdict: they cost it little, and "What to do next", above the verdict, would move it
// a frame after it appeared. At startup, where the verdict has a column of its own (three columns:
// style.css, wider than 1100px), the activity rows are drawn after the first paint, whatever their
// number (a first render compiles the page's code as it runs it: 3 rows cost ~5 ms, as much as
// the verdict), "What to do next" with the verdict; in narrower layouts the rows sit above the
// verdict and are drawn with it. In print everything is drawn at once.
const LISTS_LATER_OVER = 100;
const THREE_COLUMNS = '(min-width: 1100.02px)'; // style.css: .columns, @media (max-width: 1100px)
let listsLeft = false; // what is left for later: false, 'rows' (startup) or 'both' (rows and actions)
let started = false; // the first paint is done (start)
let focusAfterLists = null; // the data-focus key to go to when the focused row is gone (removeActivity)
function drawLists() {
  const key = focusedKey();
  const both = listsLeft !== 'rows';
  view.renderActivityRows(state.plan, state.result, actions, today());
  if (both) next.render(state.plan, state.result, today()); // "What to do next" (next.js)
  listsPending(false);
  if (key) focusKey(key);
  if (focusAfterLists) focusKey(focusAfterLists);
  focusAfterLists = null;
}
/** Marks the activity rows ('rows'), or them and What to do next ('both'), as left for later (data-pending), or all drawn (false). */
function listsPending(on) {
  listsLeft = on;
  for (const id of ['acts-body', 'outlook-body']) {
    const el = $(id);
    if (el && (on === 'both' || (on === 'rows' && id === 'acts-body'))) el.dataset.pending = '';
    else if (el) delete el.dataset.pending;
  }
}
/**
 * After an edit's verdict is painted, what it left is drawn in slices, each a task of its own so
 * that no long task holds the page (a 500-activity plan's timelines take ~20 ms each): the
 * activity rows and What to do next, then each timeline, then the recertifications behind a
 * closed "Show all". A slice draws from the plan as it is then.
 */
function drawSlice() {
  if (listsLeft) { drawLists(); return true; }
  if (timeline.drawDeferred(1)) return true;
  view.fillDeferred();
  return false;
}
let chain = 0; // drawSoon() calls: a newer edit's slices wait for its own verdict's paint
function drawSoon() {
  const mine = ++chain;
  const go = () => {
    if (mine !== chain) return; // a newer edit took over (its slices come after its paint)
    if (drawSlice()) setTimeout(go, 0);
  };
  if (typeof requestAnimationFrame !== 'function' || document.visibilityState === 'hidden') setTimeout(go, 0);
  else requestAnimationFrame(() => requestAnimationFrame(go));
}

const APP_TITLE = 'ceplan: Cisco recertification planner';

function render() {
  drawn = true;
  const key = focusedKey();
  const plan = state.plan;
  const name = $('plan-name');
  if (document.activeElement !== name) name.value = typeof plan.name === 'string' ? plan.name : '';
  // The tab's title, and the file name a browser gives a printed PDF: the plan's name first.
  const title = (typeof plan.name === 'string' && plan.name.trim() ? plan.name.trim() + ' · ' : '') + APP_TITLE;
  if (document.title !== title) document.title = title;
  const asOf = $('as-of');
  // Not while typed in, nor while it shows what it holds cannot be used (dates.js).
  if (document.activeElement !== asOf && asOf.getAttribute('aria-invalid') !== 'true') asOf.value = typeof plan.today === 'string' ? plan.today : '';
  const left = !started ? (window.matchMedia && window.matchMedia(THREE_COLUMNS).matches ? 'rows' : false)
    : Array.isArray(plan.activities) && plan.activities.length > LISTS_LATER_OVER ? 'both' : false;
  drawingTimelinesAfter(() => view.render(plan, state.result, actions, today()));
  if (left === 'rows') { // startup: start() draws the rows after the first paint
    listsPending('rows');
    next.render(plan, state.result, today());
  } else if (left) {
    listsPending('both');
    drawSoon();
  } else {
    listsPending(false);
    view.renderActivityRows(plan, state.result, actions, today());
    next.render(plan, state.result, today()); // "What to do next" (next.js)
  }
  const cmp = lazy.loaded('compare'); // the variants side by side (compare.js, a feature script), when open
  if (cmp) cmp.compare.refresh();
  suggestbar.refresh(); // Suggest a plan's options and answer (suggest.js, loaded on first use), when open
  variants.render(plan); // the variants bar (variants.js)
  print.update(); // the printed report's heading (print.js)
  if (key) focusKey(key);
  if (!document.body.classList.contains('ready')) document.body.classList.add('ready');
}

/**
 * When the focus was lost (the button that had it went with what it did: the toast's Undo, a
 * choice in the problems box), the verdict column takes it: it says what changed, and Tab goes on
 * from there rather than from the top of the page.
 */
function focusVerdictIfLost() {
  const a = document.activeElement;
  if (a && a !== document.body && document.contains(a)) return;
  const v = $('verdict');
  if (v) v.focus({ preventScroll: true });
}

/** Focus the element whose data-focus is key, when focus would otherwise be lost. */
function focusKey(key) {
  if (document.activeElement && document.activeElement !== document.body && document.contains(document.activeElement)) return;
  const el = byFocusKey(key);
  if (el) el.focus();
}

// ----- editing -----------------------------------------------------------------------

function newId(prefix, list) {
  const used = new Set((list || []).map((x) => x && x.id));
  let n = 1;
  while (used.has(prefix + n)) n += 1;
  return prefix + n;
}

const PREFIX = { training: 't', cisco_live: 'cl', item_authoring: 'ia', exam: 'x' };

function editCertification(i) {
  const plan = state.plan;
  const isNew = i === undefined;
  const certs = plan.certifications || [];
  const item = isNew ? { id: newId('c', certs), name: '', level: 'professional' } : clone(certs[i]);
  const index = isNew ? certs.length : i;
  forms.open({
    kind: 'certification',
    title: isNew ? 'Add a certification' : 'Edit ' + (item.name || item.id),
    saveLabel: isNew ? 'Add' : 'Save',
    item,
    base: '/certifications/' + index,
    onSave(edited) {
      return apply(withItem(plan, 'certifications', index, edited), { toast: isNew ? 'Certification added.' : 'Certification saved.' });
    },
    onPreview(edited) {
      return preview(withItem(plan, 'certifications', index, edited));
    },
    onClose: endPreview,
    onRemove: isNew ? null : () => removeCertification(i),
    returnFocus: ['edit-cert:' + item.id, 'add:certification'],
  });
}

/** A copy of `plan` with `edited` at `list[index]` (a new item when index is the list's length). */
function withItem(plan, list, index, edited) {
  const cand = clone(plan);
  cand[list] = Array.isArray(cand[list]) ? cand[list] : [];
  cand[list][index] = edited;
  return cand;
}

function removeCertification(i) {
  const cand = clone(state.plan);
  const [gone] = cand.certifications.splice(i, 1);
  const r = apply(cand, { toast: 'Removed ' + ((gone && (gone.name || gone.id)) || 'the certification') + '.' });
  if (!r.ok) showProblems('That certification cannot be removed', r.errors);
  else focusKey('add:certification');
}

/** A new item-authoring activity's item type (E8): the kind of item the plan's highest level writes, or null. */
function itemTypeFor(plan) {
  const levels = (plan.certifications || []).filter((c) => c && !c.retired).map((c) => F.LEVELS.indexOf(c.level));
  const top = levels.length ? Math.max(...levels) : -1;
  return ['associate', 'specialist', 'core', 'ccie_lab_performance'][top] || null; // F.LEVELS' order
}

function editActivity(i, type) {
  const plan = state.plan;
  const isNew = i === undefined;
  const acts = plan.activities || [];
  let item;
  if (isNew) {
    item = { id: newId(PREFIX[type] || 'a', acts), type };
    if (type === 'exam') item.exam = 'core';
    if (type === 'cisco_live') item.sessions = []; // sessions are added with + Add session (finding 13: none forced)
    if (type === 'item_authoring') { const t = itemTypeFor(plan); if (t) item.item_type = t; }
  } else {
    item = clone(acts[i]);
    type = item.type;
  }
  const index = isNew ? acts.length : i;
  const label = (F.ACTIVITY_TYPES[type] || { label: 'activity' }).label;
  forms.open({
    kind: F.ACTIVITY_TYPES[type] ? type : 'training',
    title: isNew ? 'Add ' + label.toLowerCase().replace('cisco live', 'Cisco Live') : 'Edit ' + view.activityTitle(item),
    saveLabel: isNew ? 'Add' : 'Save',
    item,
    base: '/activities/' + index,
    onSave(edited) {
      return apply(withItem(plan, 'activities', index, edited), { toast: isNew ? label + ' added.' : 'Activity saved.' });
    },
    onPreview(edited) {
      return preview(withItem(plan, 'activities', index, edited));
    },
    onClose: endPreview,
    onRemove: isNew ? null : () => removeActivity(i),
    returnFocus: ['edit-act:' + item.id, 'add:' + type],
  });
}

function removeActivity(i) {
  const cand = clone(state.plan);
  const [gone] = cand.activities.splice(i, 1);
  const r = apply(cand, { toast: 'Removed ' + (gone ? view.activityTitle(gone) : 'the activity') + '.' });
  if (!r.ok) { showProblems('That activity cannot be removed', r.errors); return; }
  // The focus goes to the button that adds one of its type, now (its row, which may hold the
  // focus, is removed with the rows, a frame later on a large plan), or once the rows are drawn
  // if the focus is then lost (a form's close gives it back to the row's Edit button first).
  const add = 'add:' + (gone && gone.type);
  focusAfterLists = listsLeft ? add : null;
  const el = byFocusKey(add);
  if (el && (!document.activeElement || document.activeElement === document.body || document.activeElement.closest('#acts-body'))) el.focus();
}

/** The what-if switch: writes `enabled` (false = the engine ignores the activity). */
function toggleActivity(i, on) {
  // A new plan sharing every part but the switched activity with the current one (a plan is
  // replaced, never changed: every edit here builds a new one), not a deep copy of hundreds of
  // activities on each switch (issue 6).
  const plan = state.plan;
  const cand = Object.assign({}, plan, { activities: plan.activities.slice() });
  const a = Object.assign({}, cand.activities[i]);
  cand.activities[i] = a;
  if (on) delete a.enabled; // absent means on
  else a.enabled = false;
  const r = apply(cand, {});
  if (!r.ok) { showProblems('That change was not accepted', r.errors); render(); }
}

/**
 * activityIndex(i, id) -> the index in the plan now of the activity a row drew at index i with
 * this id, or -1 when it is gone. A row's controls keep the index it was drawn with, and after a
 * change the rows are drawn a frame after the verdict (drawLists): a click in between (a
 * double-click on Remove) finds its activity again by id (the first of that id, as the rows do).
 */
function activityIndex(i, id) {
  const acts = (state.plan && state.plan.activities) || [];
  if (acts[i] && acts[i].id === id) return i;
  return typeof id === 'string' && id !== '' ? acts.findIndex((a) => a && a.id === id) : -1;
}

const actions = {
  editCert: (i) => editCertification(i),
  openExamples: () => setTimeout(() => { // after this click has finished closing open menus
    $('examples').open = true;
    const first = document.querySelector('#examples-list button');
    if (first) first.focus();
    else focusFirstExample = true; // the examples are still loading: fillExamplesMenu focuses it
  }, 0),
  removeCert: removeCertification,
  editActivity: (i, id) => { const k = activityIndex(i, id); if (k >= 0) editActivity(k); },
  removeActivity: (i, id) => { const k = activityIndex(i, id); if (k >= 0) removeActivity(k); },
  toggleActivity: (i, on, id) => { const k = activityIndex(i, id); if (k >= 0) toggleActivity(k, on); },
};

// ----- loading plans from outside ----------------------------------------------------

/** Load a whole plan (import, example, link). Keeps the current plan if the engine says no. */
function loadPlan(plan, source, message) {
  plan = tables.fill(plan); // the user's credit tables fill what the plan leaves unknown (E8)
  const r = apply(plan, { toast: message, clearProblems: true }); // may then say that it cannot be kept in this browser
  if (!r.ok) showProblems(source + ' could not be loaded; your plan was not changed', r.errors, { plan });
  return r.ok;
}

function importText(text, fileName) {
  const parsed = store.parsePlanText(text, fileName);
  if (!parsed.ok) {
    showProblems(fileName + ' could not be loaded; your plan was not changed', parsed.errors, { plan: parsed.plan }); // pointers into the file's plan
    return false;
  }
  return loadPlan(parsed.plan, fileName, 'Imported ' + fileName + '.');
}

function exportPlan() {
  const blob = new Blob([store.exportText(state.plan)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: store.fileName(state.plan), hidden: true });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

function showShare() {
  const panel = $('share-panel');
  const link = store.shareLink(state.plan);
  const input = h('input', { type: 'text', id: 'share-link', readonly: true, value: link, 'aria-label': 'Share link' });
  const copy = h('button', { type: 'button', class: 'btn small primary' }, 'Copy');
  const status = h('span', { class: 'copy-status', role: 'status' });
  copy.addEventListener('click', () => {
    input.select();
    const done = () => { status.textContent = 'Copied.'; };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(link).then(done, () => { document.execCommand && document.execCommand('copy'); done(); });
    } else { document.execCommand('copy'); done(); }
  });
  const closeBtn = h('button', { type: 'button', class: 'btn small', onclick: () => { panel.hidden = true; $('share').focus(); } }, 'Close');
  // From a file the link names a file on this disk: it opens nowhere else.
  const note = window.location.protocol === 'file:'
    ? [h('p', { class: 'share-local' }, h('strong', null, 'This link opens this copy of ceplan on this computer'),
      ', with the plan in it: the page was opened from a file, so the link points to that file on your disk and works nowhere else.'),
    h('p', null, 'To share the plan, send the exported plan file (Export → Plan (JSON)); the other person opens it with Import. ' +
      'Or put the public/ folder on any static web server: a share link made there opens for anyone who can reach it.')]
    : h('p', null, 'The whole plan travels in this link; nothing is uploaded. Anyone who opens it sees a copy.');
  panel.replaceChildren();
  append(panel, [note, h('div', { class: 'share-row' }, input, copy, closeBtn, status)]);
  panel.hidden = false;
  input.focus();
  input.select();
}

let examplesBuilt = false;
let focusFirstExample = false;
function buildExamplesMenu() {
  if (examplesBuilt) return;
  examplesBuilt = true;
  const menu = $('examples-list');
  // The plans are a feature script of their own (examples.js), loaded after the first paint.
  if (!lazy.loaded('examples')) menu.replaceChildren(h('li', { class: 'empty' }, 'Loading the examples…'));
  lazy.load('examples').then(({ examples }) => fillExamplesMenu(menu, examples.list), (e) => {
    examplesBuilt = false; // tried again when the menu is opened again
    menu.replaceChildren(h('li', { class: 'empty' }, e.message));
  });
}

function fillExamplesMenu(menu, examples) {
  if (!examples.length) {
    menu.replaceChildren(h('li', { class: 'empty' }, 'No examples in this build.'));
    return;
  }
  const focused = menu.contains(document.activeElement) || (focusFirstExample && $('examples').open);
  focusFirstExample = false;
  menu.replaceChildren(...examples.map((ex, n) => h('li', null,
    h('button', {
      type: 'button', class: 'example', title: ex.description || null, dataset: { example: ex.name || String(n) },
      onclick: () => {
        $('examples').open = false;
        const plan = clone(ex.plan);
        plan.name = plan.name || ex.name;
        if (loadPlan(plan, 'The example', 'Loaded the example “' + ex.name + '”.')) $('examples-button').focus();
      },
    }, h('span', { class: 'ex-name' }, ex.name || 'Example ' + (n + 1)),
    ex.description ? h('span', { class: 'ex-desc' }, ex.description) : null))));
  if (focused) { const first = menu.querySelector('button'); if (first) first.focus(); }
}

/** The address without its #plan=…, so that a reload does not load (or report) it again. */
function clearHash() {
  try { history.replaceState(null, '', window.location.href.split('#')[0]); } catch (e) { /* file:// may refuse */ }
}

function loadFromHash() {
  let text;
  try {
    text = store.planTextFromHash(window.location.hash);
  } catch (e) {
    showProblems('The link could not be loaded; your plan was not changed', [{ message: e.message }]);
    clearHash();
    return false;
  }
  if (text === null) return false;
  const parsed = store.parsePlanText(text);
  const ok = parsed.ok
    ? loadPlan(parsed.plan, 'The plan in the link', 'Loaded the plan from the link.')
    : (showProblems('The link could not be loaded; your plan was not changed', parsed.errors, { plan: parsed.plan }), false);
  clearHash();
  return ok;
}

// ----- start -------------------------------------------------------------------------

function wire() {
  document.querySelectorAll('[data-add]').forEach((b) => b.addEventListener('click', () => {
    const t = b.dataset.add;
    if (t === 'certification') editCertification();
    else editActivity(undefined, t);
  }));
  $('plan-name').addEventListener('change', (ev) => {
    const cand = clone(state.plan);
    const v = ev.target.value.trim();
    if (v) cand.name = v; else delete cand.name;
    apply(cand, {});
  });
  // Judged when complete, never while typed; a refusal is said under the field (dates.js).
  dates.watchAsOf($('as-of'), (v) => {
    if (!state.plan || v === (typeof state.plan.today === 'string' ? state.plan.today : '')) return { ok: true };
    const cand = clone(state.plan);
    if (v) cand.today = v; else delete cand.today;
    return apply(cand, {});
  });
  $('import').addEventListener('click', () => $('import-file').click());
  $('import-file').addEventListener('change', (ev) => {
    const file = ev.target.files && ev.target.files[0];
    if (!file) return;
    file.arrayBuffer().then((buf) => importText(store.decodeBytes(new Uint8Array(buf)), file.name), () => showProblems(file.name + ' could not be read', []))
      .finally(() => { ev.target.value = ''; });
  });
  $('export').addEventListener('click', exportPlan);
  $('share').addEventListener('click', showShare);
  window.addEventListener('hashchange', loadFromHash);
  document.addEventListener('click', (ev) => {
    const menu = $('examples');
    if (menu.open && !menu.contains(ev.target)) menu.open = false;
  });
  $('examples').addEventListener('toggle', buildExamplesMenu); // built after the first paint, or here if opened before
  // Paper gets every timeline drawn and every recertification (view.js lists the first few, the
  // rest behind "Show all"), including what an edit left for after its paint.
  window.addEventListener('beforeprint', () => {
    drawLeftForLater();
    document.querySelectorAll('details.more-recerts:not([open])').forEach((d) => { d.open = true; d.dataset.printOpened = ''; });
  });
  window.addEventListener('afterprint', () => document.querySelectorAll('details.more-recerts[data-print-opened]').forEach((d) => { d.open = false; delete d.dataset.printOpened; }));
}

/**
 * Keeps the page's scroll-padding-top (style.css) at the sticky top bar's height, 0 where it does
 * not stick, so a focused or linked element comes out below the bar. Measured by a ResizeObserver,
 * after a layout the browser does anyway: never a forced layout at startup (issue 6), and the
 * root's style written only when the height changes.
 */
function trackTopbar() {
  const bar = document.querySelector('.topbar');
  if (!bar || !window.ResizeObserver) return;
  let last = null;
  const set = () => {
    const h = getComputedStyle(bar).position === 'sticky' ? bar.offsetHeight : 0;
    if (h === last) return;
    last = h;
    document.documentElement.style.scrollPaddingTop = `calc(${h}px + 0.6rem)`;
  };
  new ResizeObserver(set).observe(bar);
  window.addEventListener('resize', () => requestAnimationFrame(set));
}

/**
 * After the first paint: the top bar's "As of" becomes the date input it is (index.html has it as a
 * read-only text field: a date input's first use loads the browser's date data, ~10 ms, which the
 * first verdict does not wait for; issue 6). Its value, an ISO date or empty, is kept.
 */
function dateInputs() {
  const asOf = $('as-of');
  if (asOf.type === 'date') return;
  const value = asOf.value;
  asOf.type = 'date';
  asOf.value = value;
  asOf.readOnly = false; // read-only until now: nothing typed into the text field is lost
}

/**
 * "What to do next" in the reading order of the layout it is drawn in, so that Tab follows what
 * is seen (the grid places each column by name, style.css and next.css): first on a phone and in
 * two columns, where it heads the page; after the activities in three columns, at the top of the
 * third. Keeps the focus where it was.
 */
function placeOutlook(threeColumns) {
  const outlook = $('outlook');
  const before = threeColumns ? $('verdict') : outlook.parentNode.firstElementChild;
  if (!before || before === outlook || outlook.nextElementSibling === before) return;
  const focused = outlook.contains(document.activeElement) ? document.activeElement : null;
  outlook.parentNode.insertBefore(outlook, before);
  if (focused && document.activeElement !== focused) focused.focus({ preventScroll: true });
}

function start() {
  wire();
  if (window.matchMedia) {
    const three = window.matchMedia(THREE_COLUMNS);
    placeOutlook(three.matches);
    if (three.addEventListener) three.addEventListener('change', () => placeOutlook(three.matches));
  }
  window.addEventListener('pagehide', flushSave);
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') flushSave(); });
  trackTopbar();
  F.startDates(); // the stored date words of a returning visitor, or Intl's data while the wasm module compiles (format.js)
  engine.ready.then(() => {
    // Startup (issue 6): the verdict first. A plan in the link is drawn instead of the saved
    // one (which is kept, unrendered, for Undo); the timelines, the examples menu and the
    // features loaded on demand come after the first paint.
    // The columns show even if drawing failed (style.css hides them until the first verdict).
    window.setTimeout(() => document.body.classList.add('ready'), 0);
    const linked = /^#?plan=/.test(window.location.hash || '');
    timeline.defer(true);
    const saved = store.load();
    const fresh = () => tables.fill(store.emptyPlan());
    if (saved && saved.unreadable) {
      const u = saved.unreadable;
      reportUnreadableSave(u.text, u.notJson, [{
        message: u.notJson
          ? 'The text this browser kept is not JSON at all, so it is no plan ceplan can read (' + u.message + ').'
          : 'The text this browser kept is not a saved plan: ' + u.message + '.',
      }]);
      apply(fresh(), { undoable: false, persist: false }); // the unreadable save stays until the next change
    } else {
      const r = saved ? apply(saved.plan, { undoable: false, render: !linked, saved: saved.text }) : apply(fresh(), { undoable: false, render: !linked });
      if (!r.ok) {
        reportUnreadableSave(saved.text, false, r.errors);
        apply(fresh(), { undoable: false, persist: false, render: !linked }); // the unreadable save stays until the next change
      }
    }
    loadFromHash();
    if (!drawn) render(); // the link's plan was refused: the saved one
    timeline.defer(false);
    afterPaint(() => {
      started = true;
      dateInputs();
      if (F.checkDateWords()) render(); // the stored date words were not this browser's any more
      drawLeftForLater();
      buildExamplesMenu();
      // Ready (for the tests, and for main.js's handle to the feature modules) once the feature scripts have loaded.
      lazy.preload().then(() => { document.body.dataset.engine = 'ready'; });
    });
  }, (err) => {
    document.body.dataset.engine = 'missing';
    dateInputs(); // As of as it is in a working page (disabled below)
    // The saved plan stays in this browser; it can be downloaded without the engine (never lost).
    const saved = store.load();
    const text = saved ? (saved.unreadable ? saved.unreadable.text : saved.text) : null;
    showProblems('The planner cannot start', [{ message: err.message }].concat(text
      ? [{ message: 'Your saved plan is still kept in this browser: download it to keep a copy, or open it where the planner works.' }] : []),
    text ? { actions: [{ label: 'Download the saved plan', onclick: () => toolbar.download('ceplan-saved-plan.json', text, 'application/json') }] } : undefined);
    document.querySelectorAll('[data-add], #import, #export, #share, #plan-name, #as-of').forEach((b) => { b.disabled = true; });
    $('examples').hidden = true;
  });
}

export { state, apply, importText, undo, toast, showProblems, clearProblems, problemsShowing, withFeature, start, flushSave, savePending, focusVerdictIfLost };
