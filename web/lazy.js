// lazy.js: the features the first verdict does not need (the variants side by side, CSV import
// and export with Papa Parse, the deadlines calendar, help, Suggest a plan's panel), loaded on first use or after the first paint
// (issue 6). ES modules and import() do not load from file://, so tools/build-web bundles
// each feature into its own classic script (public/page-csv.js …) and load() adds it as a
// <script> of this page (script-src 'self' file: allows it; no network, CSP unchanged).
// A feature script takes the page's modules it uses from the registry main.js fills, so the
// page has one app state, one engine: none is bundled twice.

/** The feature scripts, by name: what tools/build-web writes (FEATURES there). */
// The Examples menu's plans first: the menu is built from them after the first paint.
const FILES = { examples: 'page-examples.js', compare: 'page-compare.js', csv: 'page-csv.js', ics: 'page-ics.js', help: 'page-help.js', suggest: 'page-suggest.js' };
const KEY = Symbol.for('ceplan.page'); // window[KEY] = {modules: {app, dom, …}, features: {csv, …}}
const loading = new Map();

/** The registry the feature scripts read; main.js registers the page's modules in it first. */
function registry() {
  if (!window[KEY]) Object.defineProperty(window, KEY, { value: { modules: {}, features: {} } });
  return window[KEY];
}

/** register({name: module namespace}): the page's modules the feature scripts may use. */
function register(modules) { Object.assign(registry().modules, modules); }

/** The feature's modules if its script has run ({csv, csvrows, csvexport}, {ics}, {help}), else undefined. */
function loaded(name) { return registry().features[name]; }

/**
 * load(name) -> Promise of the feature's modules ('csv' -> {csv, csvrows, csvexport}, 'ics' ->
 * {ics}, 'help' -> {help}, 'suggest' -> {suggest}); rejects with a readable message when its file is missing (a later
 * call tries again).
 */
function load(name) {
  const reg = registry();
  if (reg.features[name]) return Promise.resolve(reg.features[name]);
  if (loading.has(name)) return loading.get(name);
  const file = FILES[name];
  const p = new Promise((resolve, reject) => {
    if (!file) { reject(new Error('No such part of the page: ' + name + '.')); return; }
    const s = document.createElement('script');
    s.src = file;
    s.async = true;
    s.onload = () => (reg.features[name] ? resolve(reg.features[name]) : reject(new Error(file + ' did not load as expected: rebuild the page (tools/build-web).')));
    s.onerror = () => { s.remove(); reject(new Error(file + ' is missing from this folder: this part of ceplan cannot start.')); };
    document.head.appendChild(s);
  });
  loading.set(name, p);
  p.catch(() => loading.delete(name));
  return p;
}

/**
 * Loads every feature in the background, one after the other, when the page is idle (or
 * within half a second); resolves when all have loaded or failed.
 */
function preload() {
  const idle = window.requestIdleCallback ? (fn) => window.requestIdleCallback(fn, { timeout: 500 }) : (fn) => setTimeout(fn, 50);
  return Object.keys(FILES).reduce((p, n) => p.then(() => new Promise((resolve) => idle(resolve))).then(() => load(n).catch(() => {})), Promise.resolve());
}

export { FILES, load, loaded, preload, register };
