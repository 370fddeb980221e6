// suggestbar.js: the part of Suggest a plan that page.js holds (issue 6). The panel itself
// (suggest.js) is a feature script, page-suggest.js, loaded on first use (lazy.js) like its
// wasm module (engine.loadOptimizer); this wires the top bar's Suggest a plan button and the
// options CSV items of the Import and Export menus, which need the CSV feature, not the panel.
import * as app from './app.js';
import * as engine from './engine.js';
import * as lazy from './lazy.js';

const $ = (id) => document.getElementById(id);

/** Runs fn(optionscsv) once the CSV feature script (lazy.js: Papa Parse, optionscsv.js) is loaded. */
function withOptionsCsv(fn) {
  // (an import checks each option through the optimizer's own reader: its module too)
  const optimizer = engine.loadOptimizer().catch(() => {});
  return app.withFeature('csv', 'Options CSV', (f) => optimizer.then(() => fn(f.optionscsv)));
}

/** The panel's module (suggest.js) once its script is loaded, else undefined. */
function panel() { const f = lazy.loaded('suggest'); return f ? f.suggest : undefined; }

/** After every change of the plan (app.render): the panel redraws when it is loaded and open. */
function refresh() { const p = panel(); if (p) p.refresh(); }

/** The top bar: the Suggest a plan button (loads the panel on first use), the options CSV menu items. */
function wire() {
  const b = $('suggest-button');
  if (b) {
    b.addEventListener('click', () => app.withFeature('suggest', 'Suggest a plan', (f) => f.suggest.toggle()));
  }
  const file = $('import-options-file');
  const importItem = $('import-options-csv');
  const exportItem = $('export-options-csv');
  if (importItem && file) importItem.addEventListener('click', () => file.click());
  if (exportItem) exportItem.addEventListener('click', () => { if (app.state.plan) withOptionsCsv((c) => c.exportFile(app.state.plan)); });
  if (file) {
    file.addEventListener('change', (ev) => {
      const f = ev.target.files && ev.target.files[0];
      if (!f) return;
      f.arrayBuffer().then((bytes) => withOptionsCsv((c) => c.importBytes(bytes, f.name)), () => app.showProblems(f.name + ' could not be read', []))
        .finally(() => { ev.target.value = ''; });
    });
  }
  engine.ready.catch(() => { [b, importItem, exportItem].forEach((el) => { if (el) el.disabled = true; }); });
}

export { wire, refresh, panel, withOptionsCsv };
