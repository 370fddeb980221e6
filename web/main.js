// main.js: the page's entry point, bundled by esbuild (tools/build-web) into public/page.js,
// one classic script (ES modules do not load from file://). It imports every part of the
// page the first verdict needs and starts them in order; index.html loads only ceplan.js (the
// wasm module) and page.js. Compare, CSV, calendar, help and Suggest a plan's panel come later, as scripts of their own (lazy.js).
import * as app from './app.js';
import * as dates from './dates.js';
import * as dom from './dom.js';
import * as engine from './engine.js';
import * as forms from './forms.js';
import * as format from './format.js';
import * as keyboard from './keyboard.js';
import * as lazy from './lazy.js';
import * as next from './next.js';
import * as tabs from './tabs.js';
import * as offline from './offline.js';
import * as print from './print.js';
import * as store from './store.js';
import * as options from './options.js';
import * as suggestbar from './suggestbar.js';
import * as tables from './tables.js';
import * as timeline from './timeline.js';
import * as toolbar from './toolbar.js';
import * as variants from './variants.js';
import * as view from './view.js';

// A read-only handle for the browser tests and for debugging from the console
// (window.Ceplan.app.state, window.Ceplan.engine.stats …); the page's own code never reads it.
// compare, csv, csvrows, csvexport, ics, help and suggest: the modules of the feature scripts (lazy.js), once loaded
// (the page sets body[data-engine=ready] after they are).
const feature = (name, part) => () => { const f = lazy.loaded(name); return f ? f[part] : undefined; };
window.Ceplan = Object.freeze(Object.defineProperties({ app, dates, engine, forms, lazy, next, offline: offline.state, print, store, tables, tabs, timeline, toolbar, variants, view }, {
  compare: { get: feature('compare', 'compare'), enumerable: true },
  csv: { get: feature('csv', 'csv'), enumerable: true },
  csvrows: { get: feature('csv', 'csvrows'), enumerable: true },
  csvexport: { get: feature('csv', 'csvexport'), enumerable: true },
  ics: { get: feature('ics', 'ics'), enumerable: true },
  help: { get: feature('help', 'help'), enumerable: true },
  suggest: { get: feature('suggest', 'suggest'), enumerable: true },
}));
// The modules the feature scripts loaded on demand (lazy.js: CSV, calendar, help, Suggest a plan) use.
lazy.register({ app, dates, dom, engine, format, forms, lazy, next, options, store, suggestbar, tables, tabs, timeline, toolbar, variants, view });

// page.js runs (before any frame: index.html's scripts are render-blocking): its notice goes,
// and the columns wait for the first verdict (style.css, body.starting).
document.getElementById('no-page-script')?.remove();
document.body.classList.add('starting');

keyboard.wire();
next.wire();
tabs.wire();
print.wire();
offline.start();

function start() {
  app.start();
  toolbar.wire();
  suggestbar.wire();
}
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
