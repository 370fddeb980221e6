// main.js: the page's entry point, bundled by esbuild (tools/build-web) into public/page.js,
// one classic script (ES modules do not load from file://). It imports every part of the
// page and starts them in order; index.html loads only ceplan.js (the wasm module) and page.js.
import * as app from './app.js';
import * as compare from './compare.js';
import * as csv from './csv.js';
import * as csvrows from './csvrows.js';
import * as dates from './dates.js';
import * as engine from './engine.js';
import * as forms from './forms.js';
import * as ics from './ics.js';
import * as keyboard from './keyboard.js';
import * as next from './next.js';
import * as tabs from './tabs.js';
import * as offline from './offline.js';
import * as print from './print.js';
import * as store from './store.js';
import * as suggest from './suggest.js';
import * as tables from './tables.js';
import * as timeline from './timeline.js';
import * as toolbar from './toolbar.js';
import * as variants from './variants.js';
import * as view from './view.js';

// A read-only handle for the browser tests and for debugging from the console
// (window.Ceplan.app.state, window.Ceplan.engine.stats …); the page's own code never reads it.
window.Ceplan = Object.freeze({ app, compare, csv, csvrows, dates, engine, forms, ics, next, offline: offline.state, print, store, suggest, tables, timeline, toolbar, variants, view });

keyboard.wire();
next.wire();
tabs.wire();
print.wire();
offline.start();

function start() {
  app.start();
  toolbar.wire();
  suggest.wire();
}
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
