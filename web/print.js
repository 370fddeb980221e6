// print.js: the printed report. The Print button, and the heading paper needs (the plan's
// name, the date it is judged on, the day it was printed); print.css lays out the rest.
// The heading is also the page's <h1> for screen readers (visually hidden on screen).
(function (C) {
  'use strict';
  const F = C.format;
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
    const state = C.app && C.app.state;
    if (!title || !meta || !state || !state.plan) return;
    const plan = state.plan;
    const name = typeof plan.name === 'string' && plan.name.trim() ? plan.name.trim() : 'My plan';
    title.textContent = name;
    const asOf = (state.result && state.result.today) || plan.today || localToday();
    const printed = localToday();
    const variant = C.variants && C.variants.currentName ? C.variants.currentName(plan) : null;
    meta.replaceChildren();
    C.dom.append(meta, [variant ? ['Variant “', variant, '” · '] : null, 'Recertification plan as of ', F.dateEl(asOf),
      printed !== asOf ? [' · printed ', F.dateEl(printed)] : null, ' · made with ceplan']);
  }

  function print() {
    update();
    window.print();
  }

  const button = $('print');
  if (button) button.addEventListener('click', print);
  window.addEventListener('beforeprint', update);

  C.print = { update, print };
})(window.Ceplan = window.Ceplan || {});
