// store.js: where plans live outside the page: localStorage (autosave), files (import and
// export) and links (#plan=<base64url of the UTF-8 plan JSON>). Plans are kept whole,
// unknown fields included (plan-format.md: the page must not lose what it does not understand).
(function (C) {
  'use strict';

  const KEY = 'ceplan.workspace.v1';

  function emptyPlan() {
    return { format: 'ceplan-plan', version: 1, certifications: [], activities: [] };
  }

  /** The saved workspace {plan} or null. Room for variants later (issue 3). */
  function load() {
    try {
      const text = window.localStorage.getItem(KEY);
      if (!text) return null;
      const ws = JSON.parse(text);
      return ws && typeof ws === 'object' && ws.plan && typeof ws.plan === 'object' ? ws : null;
    } catch (e) {
      return null;
    }
  }

  function save(plan) {
    try {
      window.localStorage.setItem(KEY, JSON.stringify({ plan }));
      return true;
    } catch (e) {
      return false; // private mode or quota: the page still works, it just forgets
    }
  }

  function bytesToBase64url(bytes) {
    let bin = '';
    for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function base64urlToText(s) {
    let b64 = s.replace(/-/g, '+').replace(/_/g, '/').replace(/\s+/g, '');
    while (b64.length % 4) b64 += '=';
    const bin = atob(b64);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  }

  /** The share link for a plan: this page's address with #plan=... */
  function shareLink(plan) {
    const base = window.location.href.split('#')[0];
    return base + '#plan=' + bytesToBase64url(new TextEncoder().encode(JSON.stringify(plan)));
  }

  /** The plan text carried by the address, or null when there is none. Throws on a damaged link. */
  function planTextFromHash(hash) {
    const m = /^#?plan=(.*)$/.exec(hash || '');
    if (!m) return null;
    try {
      return base64urlToText(decodeURIComponent(m[1]));
    } catch (e) {
      throw new Error('The link is damaged: its plan could not be decoded.');
    }
  }

  /** Line and column of a JSON.parse error position, when the message gives one. */
  function jsonErrorPlace(text, message) {
    const m = /position (\d+)/.exec(message);
    if (!m) return '';
    const pos = +m[1];
    const before = text.slice(0, pos).split('\n');
    return ' (line ' + before.length + ', column ' + (before[before.length - 1].length + 1) + ')';
  }

  /**
   * parsePlanText(text) -> {ok: true, plan} | {ok: false, errors: [{pointer, message}]}
   * Accepts a plan document, or an example file {name, description, plan, ...}.
   * Only JSON syntax is checked here; the engine validates the plan itself.
   */
  function parsePlanText(text) {
    let doc;
    try {
      doc = JSON.parse(text);
    } catch (e) {
      return { ok: false, errors: [{ message: 'This is not valid JSON: ' + e.message + jsonErrorPlace(text, e.message) }] };
    }
    if (doc && typeof doc === 'object' && !Array.isArray(doc) && doc.format === undefined &&
        doc.plan && typeof doc.plan === 'object' && !Array.isArray(doc.plan)) {
      const plan = doc.plan;
      if (plan.name === undefined && typeof doc.name === 'string') plan.name = doc.name;
      return { ok: true, plan };
    }
    return { ok: true, plan: doc };
  }

  /** The exported file's text: the whole plan, unknown fields included. */
  function exportText(plan) { return JSON.stringify(plan, null, 2) + '\n'; }

  /** A file name for the plan: 'ceplan-<name>.json'. */
  function fileName(plan) {
    const base = String(plan && plan.name || 'plan').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'plan';
    return 'ceplan-' + base + '.json';
  }

  C.store = { emptyPlan, load, save, shareLink, planTextFromHash, parsePlanText, exportText, fileName };
})(window.Ceplan = window.Ceplan || {});
