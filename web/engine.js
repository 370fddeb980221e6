// engine.js: the facade over the WebAssembly module (public/ceplan.js).
// It is the only script that touches the module: the page hands it a plan object and
// gets back a result or a list of errors. One evaluate() per change of the plan; the
// module is called with strings only (no heap access, no handles to free).
import * as variants from './variants.js';

let mod = null;
let optMod = null;      // the optimizer's module (public/ceplan-optimize.js), loaded on first use
let optLoading = null;  // its loading promise
let policyCache = null;
const stats = { evaluations: 0, optimizations: 0 };

/** Resolves when the module is ready; rejects with a readable message otherwise. */
const ready = new Promise((resolve, reject) => {
  if (typeof window.createCeplan !== 'function') {
    reject(new Error('ceplan.js did not load: the rules engine is missing or damaged in this folder (build it again with tools/build, or copy the whole public/ folder).'));
    return;
  }
  Promise.resolve()
    .then(() => window.createCeplan())
    .then((m) => { mod = m; resolve(api); }, (e) => reject(new Error('The rules engine failed to start: ' + (e && e.message || e))));
});

/** Today's date in the user's own time zone, YYYY-MM-DD. */
function localToday() {
  const d = new Date();
  const p = (n) => String(n).padStart(2, '0');
  return d.getFullYear() + '-' + p(d.getMonth() + 1) + '-' + p(d.getDate());
}

/**
 * One call of a module function on a plan object: the page's own fields checked first
 * (variants that are no list are refused here: the module ignores them), `today` set to the
 * user's local date when the plan has none (the stored plan is not changed), the answer
 * parsed. Returns {ok: true, doc} | {ok: false, errors: [{pointer?, message}]}; never throws.
 * `who` names the engine in messages ('The rules engine', 'The optimizer'); `counter` is the
 * stats entry counting the calls made.
 */
function call(fn, plan, who, counter) {
  const own = variants.shapeErrors(plan);
  if (own.length) return { ok: false, errors: own };
  stats[counter] += 1;
  let input = plan;
  if (plan && typeof plan === 'object' && !Array.isArray(plan) && plan.today === undefined) {
    input = Object.assign({}, plan, { today: localToday() });
  }
  let text;
  const planText = JSON.stringify(input);
  try {
    text = fn(planText);
  } catch (e) {
    return { ok: false, errors: [{ message: who + ' failed on this plan: ' + (e && e.message || e) }] };
  }
  let doc;
  try { doc = JSON.parse(text); } catch (e) {
    return { ok: false, errors: [{ message: who + ' answered something unreadable.' }] };
  }
  if (doc && doc.format === 'ceplan-error') {
    const errors = Array.isArray(doc.errors) && doc.errors.length ? doc.errors : [{ message: 'The plan was rejected.' }];
    return { ok: false, errors };
  }
  // The plan's own JSON text, when it is what was evaluated: store.save writes it (planText).
  if (input === plan) texts.set(plan, planText);
  return { ok: true, doc };
}
const texts = new WeakMap(); // plan object -> JSON.stringify(plan), made by its last evaluation

/** planText(plan object) -> JSON.stringify(plan) as its last evaluation made it, or undefined. */
function planText(plan) {
  return plan && typeof plan === 'object' ? texts.get(plan) : undefined;
}

/**
 * evaluate(plan object) -> {ok: true, result} | {ok: false, errors: [{pointer, message}]}
 * A plan without `today` is evaluated as of the user's local date (the stored plan is
 * not changed). Never throws once the module is ready.
 */
function evaluate(plan) {
  if (!mod) return { ok: false, errors: [{ message: 'The rules engine is not loaded yet.' }] };
  const r = call((t) => mod.evaluate(t), plan, 'The rules engine', 'evaluations');
  return r.ok ? { ok: true, result: r.doc } : r;
}

/**
 * optimize(plan object with `options`) -> {ok: true, answer} | {ok: false, errors: [{pointer, message}]}
 * The optimizer (../shared/spec/optimize.md): answer is the `ceplan-optimized` document
 * (chosen, cost, days_given_up, plan, result, unsavable, searched, left_out…). Errors name
 * fields by JSON pointer (`/options/2/cost/money`). Synchronous: a large search takes a
 * while (searched.exact says whether it finished); the caller paints a busy state first.
 * Before loadOptimizer() has resolved: {ok: false, loading: true, errors}.
 * A plan without `today` is optimized as of the user's local date. Never throws once ready.
 */
function optimize(plan) {
  if (!optMod) return { ok: false, loading: true, errors: [{ message: 'The optimizer is not loaded yet: wait a moment and try again.' }] };
  const r = call((t) => optMod.optimize(t), plan, 'The optimizer', 'optimizations');
  if (!r.ok) return r;
  if (!r.doc || r.doc.format !== 'ceplan-optimized') return { ok: false, errors: [{ message: 'The optimizer answered something unreadable.' }] };
  return { ok: true, answer: r.doc };
}

/** The folder ceplan.js was loaded from (the optimizer's module sits beside it). */
function engineFolder() {
  const own = document.querySelector('script[src$="ceplan.js"]');
  return own ? own.src.replace(/ceplan\.js(\?.*)?$/, '') : '';
}

/**
 * loadOptimizer() -> Promise (resolves when optimize() can be called; rejects with a readable
 * message). The optimizer is its own wasm module, public/ceplan-optimize.js (155 KiB gzip, 45 KiB more
 * than the planner's): it is loaded by a script tag the first time "Suggest a plan" is used,
 * so the first verdict never waits for it (issue 6). Works from file:// and offline (the app
 * shell lists it). Safe to call again: one load.
 */
function loadOptimizer() {
  if (optMod) return Promise.resolve();
  if (optLoading) return optLoading;
  optLoading = new Promise((resolve, reject) => {
    const start = () => Promise.resolve()
      .then(() => window.createCeplanOptimizer())
      .then((m) => { optMod = m; resolve(); }, (e) => fail('the optimizer failed to start: ' + (e && e.message || e)));
    const fail = (why) => { optLoading = null; reject(new Error('Suggest a plan is unavailable: ' + why)); };
    if (typeof window.createCeplanOptimizer === 'function') { start(); return; }
    const el = document.createElement('script');
    el.src = engineFolder() + 'ceplan-optimize.js';
    el.async = true;
    el.onload = () => (typeof window.createCeplanOptimizer === 'function' ? start() : fail('ceplan-optimize.js did not define the optimizer.'));
    el.onerror = () => { el.remove(); fail('ceplan-optimize.js is missing from this folder (tools/build writes it).'); };
    document.head.appendChild(el);
  });
  return optLoading;
}

/** Whether the optimizer's module is loaded (optimize() answers at once). */
function optimizerReady() { return optMod !== null; }

/** The built-in policy table (levels, Cisco Live and item-authoring credit tables). */
function policy() {
  if (!mod) return null;
  if (!policyCache) {
    try { policyCache = JSON.parse(mod.policy()); } catch (e) { policyCache = {}; }
  }
  return policyCache;
}

const api = { ready, evaluate, optimize, loadOptimizer, optimizerReady, policy, localToday, stats };
export { ready, evaluate, planText, optimize, loadOptimizer, optimizerReady, policy, localToday, stats };
