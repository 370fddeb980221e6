// variants.js: named alternatives of one plan ("what if I skip Cisco Live?"), kept inside
// the plan document itself, so that they travel with it to localStorage, the exported
// JSON and the share link. The shape (README.md, "Variants"):
//
//   { ...the current variant's plan...,
//     "variant": "Spring exam",
//     "variants": [ { "name": "Base", "plan": { ...certifications, activities... } },
//                   { "name": "Spring exam" },            <- the current one: its plan is the document
//                   { "name": "No Cisco Live", "plan": { ... } } ] }
//
// The document stays an ordinary plan (the engine ignores the two extra fields) and its
// verdict is the current variant's. The plan's `name`, `today` and `policy` (credit tables)
// are shared by every variant: they are kept at the top only. This file holds the pure
// operations on that shape, the variants bar under the top bar and the name dialog.
(function (C) {
  'use strict';
  const { h, uid } = C.dom;

  const META = ['variant', 'variants'];
  const SHARED = ['name', 'today', 'policy'];
  const clone = (x) => JSON.parse(JSON.stringify(x));
  const isObj = (x) => x && typeof x === 'object' && !Array.isArray(x);

  // ----- the model (pure: documents in, new documents out) -----------------------------

  /** A variant's own part of a plan: everything except the shared fields and the variants. */
  function own(plan) {
    const p = clone(plan);
    for (const k of META.concat(SHARED)) delete p[k];
    return p;
  }

  function hasVariants(doc) { return isObj(doc) && Array.isArray(doc.variants) && doc.variants.length > 0; }

  /**
   * list(doc) -> [{name, current, plan?}] in their order; [] for a plan without variants.
   * Tolerant of hand-edited files: entries without a name or a plan are skipped, the
   * current variant is added at the front when missing, names are kept unique.
   */
  function list(doc) {
    if (!hasVariants(doc)) return [];
    const currentName = typeof doc.variant === 'string' && doc.variant.trim() ? doc.variant : 'Base';
    const seen = new Set();
    const out = [];
    for (const v of doc.variants) {
      if (!isObj(v) || typeof v.name !== 'string' || !v.name.trim()) continue;
      const key = v.name.trim().toLowerCase();
      if (seen.has(key)) continue;
      if (v.name === currentName) { seen.add(key); out.push({ name: v.name, current: true }); } else if (isObj(v.plan)) {
        seen.add(key);
        out.push({ name: v.name, current: false, plan: v.plan });
      }
    }
    if (!out.some((v) => v.current)) out.unshift({ name: currentName, current: true });
    return out;
  }

  function currentName(doc) {
    const v = list(doc).find((x) => x.current);
    return v ? v.name : null;
  }

  /** The plan the engine evaluates for a variant: its own part plus the shared fields. */
  function planOf(doc, name) {
    const v = list(doc).find((x) => x.name === name);
    if (!v || v.current) {
      const p = clone(doc);
      for (const k of META) delete p[k];
      return p;
    }
    const p = Object.assign({ format: doc.format, version: doc.version }, clone(v.plan));
    for (const k of SHARED) {
      if (doc[k] !== undefined) p[k] = clone(doc[k]); else delete p[k];
    }
    return p;
  }

  /** Builds the document from a top-level plan and the entries (one marked current). */
  function write(top, entries) {
    const doc = clone(top);
    for (const k of META) delete doc[k];
    if (entries.length < 2) return doc; // one variant left: back to a plain plan
    const cur = entries.find((v) => v.current);
    doc.variant = cur.name;
    doc.variants = entries.map((v) => (v.current ? { name: v.name } : { name: v.name, plan: v.plan }));
    return doc;
  }

  /** checkName(doc, name, except) -> error message or '' */
  function checkName(doc, name, except) {
    const n = String(name || '').trim();
    if (!n) return 'Give the variant a name.';
    if (n.length > 60) return 'Keep the name under 60 characters.';
    const taken = list(doc).some((v) => v.name.toLowerCase() === n.toLowerCase() && v.name !== except);
    return taken ? 'There is already a variant called “' + n + '”.' : '';
  }

  /** A name not used yet: 'Alternative 1', 'Alternative 2', … */
  function freshName(doc) {
    const used = new Set(list(doc).map((v) => v.name.toLowerCase()));
    let n = 1;
    while (used.has(('Alternative ' + n).toLowerCase())) n += 1;
    return 'Alternative ' + n;
  }

  /**
   * duplicate(doc, newName, baseName?) -> doc where the current plan is kept under its
   * name (baseName, 'Base' by default, when the plan had no variants yet) and a copy of
   * it, called newName, right after it, becomes the current variant.
   */
  function duplicate(doc, newName, baseName) {
    let entries = list(doc);
    if (!entries.length) entries = [{ name: baseName || 'Base', current: true }];
    const i = entries.findIndex((v) => v.current);
    const keep = { name: entries[i].name, current: false, plan: own(doc) };
    entries.splice(i, 1, keep, { name: String(newName).trim(), current: true });
    return write(doc, entries);
  }

  /** switchTo(doc, name) -> doc whose top level is that variant's plan. */
  function switchTo(doc, name) {
    const entries = list(doc);
    const target = entries.find((v) => v.name === name);
    if (!target || target.current) return doc;
    const top = planOf(doc, name);
    const next = entries.map((v) => {
      if (v.current) return { name: v.name, current: false, plan: own(doc) };
      if (v === target) return { name: v.name, current: true };
      return v;
    });
    return write(top, next);
  }

  function rename(doc, name, newName) {
    const n = String(newName).trim();
    const entries = list(doc).map((v) => (v.name === name ? Object.assign({}, v, { name: n }) : v));
    return write(doc, entries);
  }

  /** remove(doc, name) -> doc without that variant (the neighbour becomes current if needed). */
  function remove(doc, name) {
    let entries = list(doc);
    const i = entries.findIndex((v) => v.name === name);
    if (i < 0) return doc;
    let top = doc;
    if (entries[i].current) {
      const next = entries[i + 1] || entries[i - 1];
      if (!next) return doc;
      top = switchTo(doc, next.name);
      entries = list(top);
    }
    return write(top, entries.filter((v) => v.name !== name));
  }

  // ----- the name dialog ---------------------------------------------------------------

  let dialog = null;
  /** askName({title, label, value, saveLabel, check(name) -> error}) -> Promise<name|null> */
  function askName(opts) {
    if (!dialog) {
      dialog = h('dialog', { id: 'variant-dialog', class: 'editor variant-dialog' });
      document.body.appendChild(dialog);
    }
    return new Promise((resolve) => {
      const id = uid('variant-name');
      const titleId = uid('variant-title');
      const input = h('input', { type: 'text', id, value: opts.value || '', autocomplete: 'off', 'aria-describedby': id + '-err', maxlength: '80' });
      const err = h('p', { class: 'field-error', id: id + '-err', hidden: true });
      const cancel = h('button', { type: 'button', class: 'btn' }, 'Cancel');
      let answer = null;
      const form = h('form', { class: 'editor-form', novalidate: true, 'aria-labelledby': titleId },
        h('h2', { id: titleId }, opts.title),
        opts.note ? h('p', { class: 'hint' }, opts.note) : null,
        h('div', { class: 'field' }, h('label', { for: id }, opts.label || 'Name'), input, err),
        h('div', { class: 'form-actions' }, h('span', { class: 'spacer' }), cancel,
          h('button', { type: 'submit', class: 'btn primary' }, opts.saveLabel || 'Save')));
      form.addEventListener('submit', (ev) => {
        ev.preventDefault();
        const problem = opts.check ? opts.check(input.value) : '';
        if (problem) {
          err.textContent = problem; err.hidden = false;
          input.setAttribute('aria-invalid', 'true');
          input.focus();
          return;
        }
        answer = input.value.trim();
        dialog.close();
      });
      cancel.addEventListener('click', () => dialog.close());
      const opener = document.activeElement;
      dialog.onclose = () => {
        resolve(answer);
        if (answer === null && opener && document.contains(opener)) opener.focus();
      };
      dialog.replaceChildren(form);
      dialog.showModal();
      input.focus();
      input.select();
    });
  }

  // ----- the bar under the top bar -----------------------------------------------------

  function app() { return C.app; }

  function commit(doc, message) {
    const r = app().apply(doc, { toast: message });
    if (!r.ok && app().showProblems) app().showProblems('That variant could not be used; your plan was not changed', r.errors);
    return r;
  }

  function focusBar(sel) {
    const el = document.querySelector('#variants ' + sel);
    if (el) el.focus();
  }

  function onDuplicate() {
    const doc = app().state.plan;
    const first = !hasVariants(doc);
    askName({
      title: first ? 'Try an alternative' : 'Duplicate “' + currentName(doc) + '”',
      note: first
        ? 'Your plan is kept as the variant “Base”; you continue on a copy. Compare them at any time.'
        : 'You continue on the copy; “' + currentName(doc) + '” is kept as it is.',
      label: 'Name of the new variant', value: freshName(doc), saveLabel: 'Duplicate',
      check: (n) => checkName(doc, n),
    }).then((name) => {
      if (name === null) return;
      const r = commit(duplicate(app().state.plan, name), 'Now editing the variant “' + name + '”.');
      if (r.ok) focusBar('[aria-pressed="true"]');
    });
  }

  function onRename() {
    const doc = app().state.plan;
    const cur = currentName(doc);
    askName({ title: 'Rename “' + cur + '”', label: 'New name', value: cur, saveLabel: 'Rename', check: (n) => checkName(doc, n, cur) })
      .then((name) => {
        if (name === null || name === cur) return;
        if (commit(rename(app().state.plan, cur, name), 'Renamed to “' + name + '”.').ok) focusBar('[aria-pressed="true"]');
      });
  }

  function onDelete() {
    const doc = app().state.plan;
    const cur = currentName(doc);
    if (commit(remove(doc, cur), 'Deleted the variant “' + cur + '”.').ok) focusBar('.variant-tab[aria-pressed="true"], .btn-duplicate');
  }

  function onSwitch(name) {
    if (commit(switchTo(app().state.plan, name), 'Now editing the variant “' + name + '”.').ok) {
      const el = Array.from(document.querySelectorAll('#variants .variant-tab')).find((b) => b.dataset.variant === name);
      if (el) el.focus();
    }
  }

  /** Draws the bar from the current document; called after every render. */
  function render(doc) {
    const bar = document.getElementById('variants');
    if (!bar) return;
    const entries = list(doc);
    const compareOpen = !!(C.compare && C.compare.isOpen());
    if (!entries.length) {
      bar.replaceChildren(
        h('span', { class: 'variants-label' }, 'Variants'),
        h('button', { type: 'button', class: 'btn small btn-duplicate', onclick: onDuplicate }, 'Duplicate as a variant…'),
        h('span', { class: 'variants-hint' }, 'Try an alternative (skip an event, move an exam) without losing this plan.'));
      if (compareOpen) C.compare.close();
      return;
    }
    const tabs = h('div', { class: 'variant-tabs', role: 'group', 'aria-label': 'Switch variant' },
      entries.map((v) => h('button', {
        type: 'button', class: ['variant-tab', v.current && 'current'], 'aria-pressed': v.current ? 'true' : 'false',
        dataset: { variant: v.name }, title: v.current ? 'The variant you are editing' : 'Switch to “' + v.name + '”',
        onclick: v.current ? null : () => onSwitch(v.name),
      }, v.name)));
    bar.replaceChildren(
      h('span', { class: 'variants-label', id: 'variants-label' }, 'Variant'),
      tabs,
      h('div', { class: 'variant-actions' },
        h('button', { type: 'button', class: 'btn small btn-duplicate', onclick: onDuplicate }, 'Duplicate…'),
        h('button', { type: 'button', class: 'btn small', onclick: onRename, 'aria-label': 'Rename this variant' }, 'Rename…'),
        h('button', { type: 'button', class: 'btn small quiet', onclick: onDelete, 'aria-label': 'Delete this variant' }, 'Delete'),
        h('button', {
          type: 'button', class: ['btn', 'small', compareOpen ? 'primary' : null, 'btn-compare'], 'aria-expanded': compareOpen ? 'true' : 'false',
          'aria-controls': 'compare', onclick: () => (C.compare.isOpen() ? C.compare.close() : C.compare.open()),
        }, compareOpen ? 'Hide comparison' : 'Compare ' + entries.length)));
  }

  C.variants = {
    list, currentName, planOf, duplicate, switchTo, rename, remove, checkName, freshName, own, render, askName,
    actions: { duplicate: onDuplicate, rename: onRename, remove: onDelete, switchTo: onSwitch },
  };
})(window.Ceplan = window.Ceplan || {});
