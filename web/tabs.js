// tabs.js: the same plan open in two tabs (issue 7 §2). Each tab saves its plan in this
// browser's localStorage (store.js); without this file the last tab to save silently won.
// A tab hears the others' saves (the `storage` event, sent to every other tab of this site
// at once). When the plan saved elsewhere differs from the one on screen, this tab says so
// at once (the problems box, role=alert, without taking the focus) and saves nothing more
// until the user chooses:
// - "Load the newer plan": the other tab's plan replaces this one (Undo brings this one back);
// - "Keep mine as a variant": one document with both, the other tab's plan and its variants
//   as they are, this tab's plan as a variant named "… (this tab)", being edited here.
// Either way nothing is lost without the user saying so.
import * as app from './app.js';
import { afterPaint } from './dom.js';
import * as store from './store.js';
import * as variants from './variants.js';

let pending = null; // the plan another tab saved, while the user has not chosen

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
const clone = (x) => JSON.parse(JSON.stringify(x));

/** True while another tab's plan waits for the user's choice: this tab saves nothing then. */
function holding() { return pending !== null; }

/**
 * merge(theirs, mine) -> one document holding both: theirs with its variants as they are
 * (a plain plan becomes the variant "Saved in another tab"), mine (this tab's plan) as the
 * variant "<its name> (this tab)", the one being edited, and mine's other variants that
 * theirs does not hold. The shared fields (name, today, credit tables) are this tab's; the
 * calendar's identity (plan_id) is kept from either.
 */
function merge(theirs, mine) {
  const listed = variants.list(theirs);
  const entries = listed.length
    ? listed.map((v) => ({ name: v.name, plan: v.current ? variants.own(theirs) : clone(v.plan) }))
    : [{ name: 'Saved in another tab', plan: variants.own(theirs) }];
  const used = new Set(entries.map((e) => e.name.toLowerCase()));
  const free = (name) => {
    let n = name;
    for (let k = 2; used.has(n.toLowerCase()); k++) n = name + ' (' + k + ')';
    used.add(n.toLowerCase());
    return n;
  };
  const myName = free((variants.currentName(mine) || 'My plan') + ' (this tab)');
  const held = entries.map((e) => JSON.stringify(e.plan));
  const extra = variants.list(mine).filter((v) => !v.current && !held.includes(JSON.stringify(v.plan)))
    .map((v) => ({ name: free(v.name + ' (this tab)'), plan: clone(v.plan) }));
  const doc = clone(mine);
  doc.variant = myName;
  doc.variants = entries.concat([{ name: myName }], extra);
  if (doc.plan_id === undefined && theirs.plan_id !== undefined) { doc.plan_id = theirs.plan_id; doc.calendar = theirs.calendar; }
  return doc;
}

function describe(plan) {
  const n = (k) => (Array.isArray(plan[k]) ? plan[k].length : 0);
  const vs = variants.list(plan).length;
  return n('certifications') + (n('certifications') === 1 ? ' certification, ' : ' certifications, ') +
    n('activities') + (n('activities') === 1 ? ' activity' : ' activities') + (vs ? ', ' + vs + ' variants' : '');
}

/** Says that another tab saved a different plan, with the two choices; the focus stays where it is. */
function remind() {
  if (!pending || app.problemsShowing('other-tab')) return;
  const theirs = pending;
  app.showProblems('This plan was changed in another tab', [
    { message: 'Another ceplan tab in this browser saved a different version of this plan (' + describe(theirs) + '); this tab shows ' +
      describe(app.state.plan) + '. Nothing from this tab is saved until you choose, so neither version is lost.' },
  ], { kind: 'other-tab', focus: false, keepToast: true, actions: [
    { label: 'Load the newer plan', onclick: () => choose('load') },
    { label: 'Keep mine as a variant', onclick: () => choose('keep') },
  ] });
}

function choose(how) {
  try { chooseNow(how); } finally { app.focusVerdictIfLost(); } // the button that had the focus is gone
}
function chooseNow(how) {
  const theirs = pending;
  if (!theirs) return;
  pending = null;
  app.clearProblems();
  if (how === 'load') {
    const r = app.apply(clone(theirs), { toast: 'Loaded the plan saved in the other tab.', persist: false });
    if (!r.ok) { pending = theirs; app.showProblems('The other tab’s plan could not be loaded; yours was not changed', r.errors, { focus: false }); }
    return;
  }
  const merged = merge(theirs, app.state.plan);
  const r = app.apply(merged, { toast: 'Kept your plan as the variant “' + variants.currentName(merged) + '”, beside the other tab’s.' });
  if (!r.ok) { pending = theirs; app.showProblems('Your plan could not be kept as a variant', r.errors, { focus: false }); }
}

function onStorage(ev) {
  if (ev.storageArea !== window.localStorage || (ev.key !== store.KEY && ev.key !== null)) return;
  let theirs = null;
  try { theirs = ev.newValue ? JSON.parse(ev.newValue).plan : null; } catch (e) { theirs = null; }
  if (!theirs || typeof theirs !== 'object' || !app.state.plan) return; // removed or unreadable: this tab's next save writes it again
  if (same(theirs, app.state.plan)) { // the same plan (e.g. the other tab loaded the newer one): nothing to choose
    pending = null;
    if (app.problemsShowing('other-tab')) app.clearProblems();
    return;
  }
  pending = theirs;
  if (app.problemsShowing('other-tab')) app.clearProblems(); // said again with the newest
  remind();
}

/**
 * Listens to the other tabs' saves from the first paint on: adding a `storage` listener costs ~2 ms
 * (the browser connects the page to its storage area), which the first verdict does not wait for
 * (issue 6). A save another tab made meanwhile, after this page read its plan, is heard then.
 */
function wire() {
  const listen = () => {
    window.addEventListener('storage', onStorage);
    const text = store.changedElsewhere();
    if (text !== null) onStorage({ storageArea: window.localStorage, key: store.KEY, newValue: text });
  };
  afterPaint(listen);
}

export { wire, holding, remind, merge };
