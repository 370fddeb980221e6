// csvexport.js: Export → Activities (CSV). The file is written at once when it gives every
// activity back whole (csvrows.js lost(): the round trip done in advance); otherwise a dialog
// first names each value that cannot go into CSV, by its place in the plan, and offers to
// write the file anyway (those values left out) or to export the plan as JSON, which keeps
// everything. Nothing is written without the user's choice.
import { h, uid } from './dom.js';
import * as F from './format.js';
import * as csv from './csv.js';
import * as forms from './forms.js';
import * as store from './store.js';

let dialog = null;
function theDialog() {
  if (!dialog) {
    dialog = h('dialog', { id: 'csv-export', class: 'editor tool-dialog' });
    document.body.appendChild(dialog);
  }
  return dialog;
}

/** run(plan, download(name, text, type)): exports, or first asks what to do about values CSV cannot hold. */
function run(plan, download) {
  const { text, lost } = csv.exportCheck(plan);
  const write = () => download(csv.fileName(plan), text, 'text/csv');
  if (!lost.length) { write(); return { written: true, lost }; }
  const dlg = theDialog();
  const titleId = uid('csv-export-title');
  const where = (p) => forms.describePointer(p, plan);
  const list = h('ul', { class: 'csv-lost' }, lost.map((e) => h('li', { dataset: { pointer: e.pointer } },
    where(e.pointer) ? [h('span', { class: 'where' }, where(e.pointer)), ' '] : null,
    h('code', { class: 'pointer' }, e.pointer), ' ', e.message)));
  const anyway = h('button', { type: 'button', class: 'btn', id: 'csv-export-anyway' }, 'Write the CSV anyway');
  const json = h('button', { type: 'button', class: 'btn primary', id: 'csv-export-json' }, 'Export the plan (JSON) instead');
  const cancel = h('button', { type: 'button', class: 'btn' }, 'Cancel');
  const form = h('form', { class: 'editor-form', novalidate: true, 'aria-labelledby': titleId, onsubmit: (ev) => ev.preventDefault() },
    h('h2', { id: titleId }, 'Some values cannot go into CSV'),
    h('div', { class: 'scroll csv-body' },
      h('p', null, F.plural(lost.length, 'value') + ' in this plan would not come back the same from the CSV file: importing it ' +
        'would change the plan. Each is named below with what would happen to it.'),
      list,
      h('p', { class: 'hint' }, 'The plan (JSON) keeps everything, fields ceplan does not know included.')),
    h('div', { class: 'form-actions' }, cancel, h('span', { class: 'spacer' }), anyway, json));
  anyway.addEventListener('click', () => { dlg.close(); write(); });
  json.addEventListener('click', () => {
    dlg.close();
    download(store.fileName(plan), store.exportText(plan), 'application/json');
  });
  cancel.addEventListener('click', () => dlg.close());
  dlg.replaceChildren(form);
  dlg.onclose = () => { const b = document.getElementById('export-button'); if (b) b.focus(); };
  if (!dlg.open) dlg.showModal();
  json.focus();
  return { written: false, lost };
}

export { run };
