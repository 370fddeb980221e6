// print.js: the printed report. The Print button, and the heading paper needs (the plan's
// name, the date it is judged on, the day it was printed); print.css lays out the rest.
// The heading is also the page's <h1> for screen readers (visually hidden on screen).
import { append } from './dom.js';
import * as F from './format.js';
import * as app from './app.js';
import * as variants from './variants.js';

const $ = (id) => document.getElementById(id);

function localToday() {
  const d = new Date();
  const p = (n) => String(n).padStart(2, '0');
  return d.getFullYear() + '-' + p(d.getMonth() + 1) + '-' + p(d.getDate());
}

/** Redraws the report heading from the current plan and result (called after each render). */
function update() {
  const title = $('report-title');
  const meta = $('report-meta');
  const state = app.state;
  if (!title || !meta || !state || !state.plan) return;
  const plan = state.plan;
  const name = typeof plan.name === 'string' && plan.name.trim() ? plan.name.trim() : 'My plan';
  if (title.textContent !== name) title.textContent = name;
  const asOf = (state.result && state.result.today) || plan.today || localToday();
  const printed = localToday();
  const variant = variants.currentName(plan);
  const words = append(meta.cloneNode(false), [variant ? ['Variant “', variant, '” · '] : null, 'Recertification plan as of ', F.dateEl(asOf),
    printed !== asOf ? [' · printed ', F.dateEl(printed)] : null, ' · made with ceplan']);
  if (!words.isEqualNode(meta)) meta.replaceChildren(...words.childNodes); // the same words are left alone (issue 6: a redraw per edit)
}

function print() {
  update();
  window.print();
}

/** Wires the Print button and the heading refresh before any print (Ctrl+P too). */
function wire() {
  const button = $('print');
  if (button) button.addEventListener('click', print);
  window.addEventListener('beforeprint', update);
}

export { update, print, wire };
