// main.js: the page's entry point, bundled by esbuild (tools/build-web) into public/page.js,
// one classic script (ES modules do not load from file://). It imports every part of the
// page the first verdict needs and starts them in order; index.html loads only ceplan.js (the
// wasm module) and page.js. CSV, calendar and help come later, as scripts of their own (lazy.js).
import * as app from './app.js';
import * as compare from './compare.js';
import * as dom from './dom.js';
import * as engine from './engine.js';
import * as forms from './forms.js';
import * as format from './format.js';
import * as keyboard from './keyboard.js';
import * as lazy from './lazy.js';
import * as offline from './offline.js';
import * as print from './print.js';
import * as store from './store.js';
import * as tables from './tables.js';
import * as timeline from './timeline.js';
import * as toolbar from './toolbar.js';
import * as variants from './variants.js';
import * as view from './view.js';

// A read-only handle for the browser tests and for debugging from the console
// (window.Ceplan.app.state, window.Ceplan.engine.stats …); the page's own code never reads it.
window.Ceplan = Object.freeze({ app, compare, engine, forms, lazy, offline: offline.state, print, store, tables, timeline, toolbar, variants, view });
// The modules the feature scripts loaded on demand (lazy.js: CSV, calendar, help) use.
lazy.register({ app, compare, dom, engine, format, forms, store, tables, timeline, toolbar, variants, view });

keyboard.wire();
print.wire();
offline.start();

function start() {
  app.start();
  toolbar.wire();
}
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
