// toolbar.js: the Import and Export menus (plan JSON, activities CSV, deadlines calendar),
// Credit tables and Help buttons. Downloads are made in the page (a blob: link): nothing is sent.
import { h } from './dom.js';
import * as app from './app.js';
import * as tables from './tables.js';
import * as engine from './engine.js';

const $ = (id) => document.getElementById(id);

/** Saves text as a file through the browser's download. */
function download(name, text, type) {
  const blob = new Blob([text], { type: type || 'application/octet-stream' });
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

const MENUS = ['import-menu', 'export-menu'];

function closeMenus(except) {
  for (const id of MENUS) { const m = $(id); if (m && m !== except && m.open) m.open = false; }
}

/**
 * menuKeys(menu <details>, items selector): while the menu is open, the down and up arrows move
 * the focus through its items (round), Escape closes it and gives the focus back to its summary.
 * The Import, Export and Examples menus.
 */
function menuKeys(menu, selector) {
  const summary = menu.querySelector('summary');
  menu.addEventListener('keydown', (ev) => {
    if (!menu.open) return;
    const items = Array.from(menu.querySelectorAll(selector));
    const at = items.indexOf(document.activeElement);
    if (ev.key === 'Escape') { ev.preventDefault(); menu.open = false; summary.focus(); }
    else if (ev.key === 'ArrowDown' && items.length) { ev.preventDefault(); (items[at + 1] || items[0]).focus(); }
    else if (ev.key === 'ArrowUp' && items.length) { ev.preventDefault(); (items[at - 1] || items[items.length - 1]).focus(); }
  });
}

function wireMenu(id) {
  const menu = $(id);
  if (!menu) return;
  menu.addEventListener('toggle', () => {
    if (!menu.open) return;
    closeMenus(menu);
    const ex = $('examples');
    if (ex && ex.open) ex.open = false;
  });
  menuKeys(menu, '.menu-item:not(:disabled)');
  // Choosing an item closes the menu (the item's own handler runs first).
  menu.querySelectorAll('.menu-item').forEach((b) => b.addEventListener('click', () => setTimeout(() => { menu.open = false; }, 0)));
}


function exportCalendar() {
  return app.withFeature('ics', 'The calendar export', ({ ics }) => {
    let { plan, result } = app.state;
    if (!plan || !result) return;
    const events = ics.events(plan, result);
    if (!events.length) {
      app.toast('No deadline lies ahead in this plan: the calendar would be empty.');
      return;
    }
    // The plan keeps its calendar identity (plan_id) and each event's SEQUENCE (ics.js stamp()).
    const stamped = ics.stamp(plan, events);
    if (stamped.changed && app.apply(stamped.plan, { undoable: false }).ok) plan = stamped.plan;
    download(ics.fileName(plan), ics.build(plan, result), 'text/calendar');
    app.toast('Calendar saved: open it with your calendar program to add the deadlines.');
  });
}

/** Export → Activities (CSV): what the file could not give back is said first (csvexport.js). */
function exportCsv() {
  return app.withFeature('csv', 'The CSV export', ({ csvexport }) => {
    const { plan } = app.state;
    if (!plan) return;
    csvexport.run(plan, download);
  });
}

function wire() {
  MENUS.forEach(wireMenu);
  if ($('examples')) menuKeys($('examples'), 'button.example'); // its items are drawn by app.js
  document.addEventListener('click', (ev) => {
    for (const id of MENUS) { const m = $(id); if (m && m.open && !m.contains(ev.target)) m.open = false; }
  });
  $('export-ics').addEventListener('click', exportCalendar);
  $('export-csv').addEventListener('click', exportCsv);
  $('import-csv').addEventListener('click', () => $('import-csv-file').click());
  $('import-csv-file').addEventListener('change', (ev) => {
    const file = ev.target.files && ev.target.files[0];
    if (!file) return;
    file.arrayBuffer().then((bytes) => app.withFeature('csv', 'The CSV import', ({ csv }) => csv.importBytes(bytes, file.name)), // csv.js reads the encoding
      () => app.showProblems(file.name + ' could not be read', []))
      .finally(() => { ev.target.value = ''; });
  });
  $('credit-tables').addEventListener('click', () => tables.open());
  $('help').addEventListener('click', () => app.withFeature('help', 'Help', ({ help }) => help.open()));
  engine.ready.catch(() => {
    ['export-ics', 'export-csv', 'import-csv', 'credit-tables'].forEach((id) => { $(id).disabled = true; });
  });
}

export { download, wire };
