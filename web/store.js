// store.js: where plans live outside the page: localStorage (autosave), files (import and
// export) and links (#plan=<base64url of the UTF-8 plan JSON>). Plans are kept whole,
// unknown fields included (plan-format.md: the page must not lose what it does not understand).

const KEY = 'ceplan.workspace.v1';

function emptyPlan() {
  return { format: 'ceplan-plan', version: 1, certifications: [], activities: [] };
}

let known; // the text this page last read or wrote (undefined: none yet), for changedElsewhere()

/**
 * What this browser kept: null when nothing (or no storage), {plan, text} for a saved
 * workspace, {unreadable: {text, notJson, message}} for text that holds no plan (not JSON,
 * or JSON without a plan object). `text` is the stored text as it is, for a download.
 */
function load() {
  let text;
  try { text = window.localStorage.getItem(KEY); } catch (e) { return null; }
  known = text;
  if (!text) return null;
  let ws;
  try {
    ws = JSON.parse(text);
  } catch (e) {
    return { unreadable: { text, notJson: true, message: describeInvisible(e.message) } };
  }
  if (ws && typeof ws === 'object' && ws.plan && typeof ws.plan === 'object' && !Array.isArray(ws.plan)) return { plan: ws.plan, text };
  return { unreadable: { text, notJson: false, message: 'it is JSON, but holds no plan' } };
}

/**
 * save(plan, planText?) -> {ok: true} | {ok: false, quota, chars}. planText: JSON.stringify(plan), when
 * the caller has it. Fails when the plan is larger than
 * this browser keeps for a page (quota: about 5 million characters in Chromium) or when
 * storage is off (private mode, a policy): the caller tells the user.
 */
function save(plan, planText) {
  let text = '';
  try {
    text = savedText(plan, planText);
    window.localStorage.setItem(KEY, text);
    known = text;
    return { ok: true };
  } catch (e) {
    const quota = !!e && (e.name === 'QuotaExceededError' || e.code === 22 || e.code === 1014);
    return { ok: false, quota, chars: text.length };
  }
}

/**
 * savedText(plan, planText?) -> the text save() writes for the plan: JSON.stringify({ plan }), made
 * from planText (JSON.stringify(plan)) when the caller has it (engine.evaluate made it).
 */
function savedText(plan, planText) {
  return typeof planText === 'string' ? '{"plan":' + planText + '}' : JSON.stringify({ plan });
}

/**
 * The saved text when another page wrote it since this page last read (load) or wrote (save) it,
 * else null: what a `storage` listener added late would have heard (tabs.js).
 */
function changedElsewhere() {
  if (known === undefined) return null;
  let text;
  try { text = window.localStorage.getItem(KEY); } catch (e) { return null; }
  return text !== known && text ? text : null;
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

/**
 * A message with the characters one cannot see (a byte-order mark, NUL, other controls,
 * zero-width spaces) written out as U+XXXX, so that "Unexpected token ''" says what it met.
 */
function describeInvisible(message) {
  return String(message).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u200B-\u200F\u2028\u2029\u2060\uFEFF\uFFFD]/g, (c) => {
    const code = 'U+' + c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return c === '\uFEFF' ? code + ' (a byte-order mark)' : c === '\uFFFD' ? code + ' (a character that could not be decoded)' : code;
  });
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
  if (!m || /\bline \d+/.test(message)) return ''; // newer browsers already say where
  const pos = +m[1];
  const before = text.slice(0, pos).split('\n');
  return ' (line ' + before.length + ', column ' + (before[before.length - 1].length + 1) + ')';
}

/**
 * A file's bytes as text: UTF-8, or UTF-16 when a byte-order mark (or the NUL bytes of
 * ASCII in UTF-16) says so. The decoder drops one byte-order mark; parsePlanText the rest.
 */
function decodeBytes(bytes) {
  let enc = 'utf-8';
  if (bytes[0] === 0xFF && bytes[1] === 0xFE) enc = 'utf-16le';
  else if (bytes[0] === 0xFE && bytes[1] === 0xFF) enc = 'utf-16be';
  else if (bytes.length >= 4 && bytes[0] !== 0 && bytes[1] === 0 && bytes[2] !== 0 && bytes[3] === 0) enc = 'utf-16le';
  else if (bytes.length >= 4 && bytes[0] === 0 && bytes[1] !== 0 && bytes[2] === 0 && bytes[3] !== 0) enc = 'utf-16be';
  return new TextDecoder(enc).decode(bytes);
}

/** Why a text that is not JSON is not a plan, when it is recognisably something else; '' otherwise. */
function notJsonBecause(text, fileName) {
  const name = String(fileName || '');
  if (!text.trim()) return 'The file is empty: there is no plan in it.';
  if (/^\s*BEGIN:VCALENDAR/i.test(text) || /\.ics$/i.test(name)) {
    return 'This looks like a calendar file (.ics), not a plan: ceplan writes deadlines to a calendar but does not read one. ' +
      'To add activities from a file, use Import → Activities (CSV).';
  }
  const first = text.replace(/^\s+/, '').split(/\r?\n/)[0];
  if (/\.(csv|tsv)$/i.test(name) || (!/[{[]/.test(first) && (first.match(/[,;\t]/g) || []).length >= 2)) {
    return 'This looks like a CSV file, not a plan (JSON): to add its activities, use Import → Activities (CSV).';
  }
  return '';
}

/**
 * parsePlanText(text, fileName?) -> {ok: true, plan} | {ok: false, errors: [{pointer, message}], plan?}
 * (plan: the document the errors' pointers point into, when it was read)
 * Accepts a plan document, or an example file {name, description, plan, ...}.
 * Only JSON syntax is checked here; the engine validates the plan itself.
 */
function parsePlanText(text, fileName) {
  let doc;
  text = String(text).replace(/^\uFEFF+/, ''); // byte-order marks (some editors write two)
  try {
    doc = JSON.parse(text);
  } catch (e) {
    const other = notJsonBecause(text, fileName);
    if (other) return { ok: false, errors: [{ message: other }] };
    const encoding = /\u0000/.test(text) ? ' It holds NUL characters: it is not UTF-8 text (UTF-16 without a byte-order mark, or not text at all).'
      : /\uFFFD/.test(text) ? ' Some of its bytes are not UTF-8 text: save it as UTF-8 and import it again.' : '';
    return { ok: false, errors: [{ message: 'This is not valid JSON: ' + describeInvisible(e.message) + jsonErrorPlace(text, e.message) + '.' + encoding }] };
  }
  const wrapped = (d) => d && typeof d === 'object' && !Array.isArray(d) && d.format === undefined &&
    d.plan && typeof d.plan === 'object' && !Array.isArray(d.plan);
  const plan = wrapped(doc) ? doc.plan : doc;
  const huge = tooLarge(plan, text, wrapped);
  if (huge.length) return { ok: false, errors: huge, plan }; // plan: what the pointers point into
  if (plan !== doc && plan.name === undefined && typeof doc.name === 'string') plan.name = doc.name;
  return { ok: true, plan };
}

/**
 * The numbers under root that JSON.parse made Infinity -> [{holder, key, pointer}], in document
 * order. A stack, not recursion: a document may nest deeper than the call stack.
 */
function infinities(root) {
  const found = [];
  const todo = root && typeof root === 'object' ? [{ value: root, pointer: '' }] : []; // {found} marks one found
  while (todo.length) {
    const item = todo.pop();
    if (item.found) { found.push(item.found); continue; }
    const v = item.value;
    const keys = Object.keys(v);
    for (let i = keys.length - 1; i >= 0; i--) { // pushed last to first: taken in document order
      const k = keys[i];
      const pointer = item.pointer + '/' + k.replace(/~/g, '~0').replace(/\//g, '~1');
      if (typeof v[k] === 'number' && !Number.isFinite(v[k])) todo.push({ found: { holder: v, key: k, pointer } });
      else if (v[k] && typeof v[k] === 'object') todo.push({ value: v[k], pointer });
    }
  }
  return found;
}

/**
 * The numbers of a parsed plan that JSON.parse made Infinity (1e400: beyond a double) ->
 * [{pointer, message}], the engine's words (plan_reader.cpp). Such a number would reach the
 * engine as null (JSON.stringify), and be called missing. The number's text comes from
 * JSON.parse's source text access where the browser has it. [] when there is none (the usual case).
 */
function tooLarge(plan, text, wrapped) {
  if (!infinities(plan).length) return [];
  // Parsed again, with a reviver that keeps each such number's text, by its holder and key.
  const sources = new Map();
  let again = null;
  try {
    again = JSON.parse(text, function (key, value, context) {
      if (typeof value === 'number' && !Number.isFinite(value) && context && typeof context.source === 'string') {
        if (!sources.has(this)) sources.set(this, new Map());
        sources.get(this).set(key, context.source);
      }
      return value;
    });
  } catch (e) { again = null; }
  return infinities(again && wrapped(again) ? again.plan : again || plan).map(({ holder, key, pointer }) => {
    const source = sources.has(holder) ? sources.get(holder).get(key) : undefined;
    // A number of 400 digits is not written out: it would widen the page.
    const got = !source ? 'a larger one' : source.length <= 40 ? source : 'a number ' + source.length + ' characters long';
    return { pointer, message: 'expected a number JSON can hold (at most about 1.8e308 in size), got ' + got };
  });
}

/** The exported file's text: the whole plan, unknown fields included. */
function exportText(plan) { return JSON.stringify(plan, null, 2) + '\n'; }

/** A file name for the plan: 'ceplan-<name>.json'. */
function fileName(plan) {
  const base = String(plan && plan.name || 'plan').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'plan';
  return 'ceplan-' + base + '.json';
}

export { KEY, emptyPlan, load, save, savedText, changedElsewhere, shareLink, planTextFromHash, parsePlanText, decodeBytes, exportText, fileName, describeInvisible };
