// suggest.js: "Suggest a plan" (issue 8, ../shared/spec/optimize.md). A panel under the top
// bar holds the plan's options — what the holder could take, each an activity without a
// date, with its cost (money, hours) and an optional window of dates — and runs the
// optimizer (engine.optimize, the wasm module's optimize()) on the variant being edited.
// The answer is added as a new variant (variants.js), ready to compare (compare.js) and to
// switch to, and explained here: what to take, by when, what it costs, what it saves, why
// each chosen option is there and why each other one is not.
//
// The options live in the plan document's top-level `options` (optimize.md "Input"), shared
// by every variant like `policy` (variants.js SHARED), so that storage, the exported JSON and
// the share link carry them; evaluate ignores them. A bad option is refused with its field
// named: the optimizer's own reader judges it (pointers /options/2/cost/money), and the
// option form shows each problem at its field.
//
// A feature script of its own (public/page-suggest.js, lazy.js), loaded on first use: page.js
// holds only the top bar's wiring (suggestbar.js) and the helpers the options CSV shares (options.js).
import { h, append } from './dom.js';
import * as F from './format.js';
import * as engine from './engine.js';
import * as app from './app.js';
import * as forms from './forms.js';
import * as variants from './variants.js';
import * as lazy from './lazy.js';
import { optionsOf, activityOf, optionTitle, usedIds, newOptionId, currentPlan, checkOptions } from './options.js';
import { withOptionsCsv } from './suggestbar.js';

const $ = (id) => document.getElementById(id);
const clone = (x) => JSON.parse(JSON.stringify(x));
const isObj = (x) => !!x && typeof x === 'object' && !Array.isArray(x);

// ----- the model (pure) -------------------------------------------------------------------

/** The fields of an option form that are the option's own, not its activity's. */
const OWN_FIELDS = ['money', 'hours', 'earliest', 'latest'];
/** Activity fields an option never has: the optimizer chooses the date (optimize.md). */
const NO_OPTION_FIELDS = ['completed', 'status', 'claimed_on'];

const numberFmt = () => new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
/** '3,200 money, 40 hours', 'free, 24 hours', 'no cost' (money is in the holder's currency, optimize.md). */
function costText(cost) {
  const c = isObj(cost) ? cost : {};
  const money = Number.isFinite(c.money) ? c.money : 0;
  const hours = Number.isFinite(c.hours) ? c.hours : 0;
  if (!money && !hours) return 'no cost';
  const m = money ? numberFmt().format(money) + ' money' : 'free';
  return hours ? m + ', ' + F.plural(hours, 'hour') : m;
}

/** What the option earns as entered, in words ('64 CE credits', 'concentration exam'). */
function earnsText(o) {
  const a = activityOf(o);
  if (a.type === 'exam') return F.examKindLabel(a.exam) || 'exam';
  if (a.type === 'cisco_live') return F.plural(Array.isArray(a.sessions) ? a.sessions.length : 0, 'session');
  if (Number.isFinite(a.credits)) return F.plural(a.credits, 'CE credit');
  return a.type === 'item_authoring' ? 'credits from the table' : 'credits not set';
}

/** The flat item the option form edits: the activity's fields, then cost and window. */
function toForm(o) {
  const flat = Object.assign({}, clone(activityOf(o)));
  const cost = isObj(o.cost) ? o.cost : {};
  for (const k of ['money', 'hours']) if (cost[k] !== undefined && cost[k] !== null) flat[k] = cost[k];
  for (const k of ['earliest', 'latest']) if (o[k] !== undefined && o[k] !== null) flat[k] = o[k];
  return flat;
}

/** The option from the form's flat item; what the form does not show is kept from `original`. */
function fromForm(flat, original) {
  const o = clone(original || {});
  const act = {};
  for (const k of Object.keys(flat)) if (!OWN_FIELDS.includes(k)) act[k] = flat[k];
  o.activity = act;
  const cost = isObj(o.cost) ? o.cost : {};
  for (const k of ['money', 'hours']) { if (flat[k] === undefined) delete cost[k]; else cost[k] = flat[k]; }
  if (Object.keys(cost).length) o.cost = cost; else delete o.cost;
  for (const k of ['earliest', 'latest']) { if (flat[k] === undefined) delete o[k]; else o[k] = flat[k]; }
  return o;
}

/** An engine pointer under an option ('/activity/credits', '/cost/money') -> the form field's ('/credits', '/money'). */
function formPointer(rel) {
  if (rel.startsWith('/activity/')) return rel.slice('/activity'.length);
  if (rel === '/cost/money' || rel === '/cost/hours') return rel.slice('/cost'.length);
  return rel;
}

/** Options of the list whose id an activity of the variant being edited already uses (an earlier suggestion kept). */
function taken(doc) {
  const plan = currentPlan(doc);
  const ids = new Set((Array.isArray(plan.activities) ? plan.activities : []).map((a) => isObj(a) && a.id));
  return optionsOf(doc).map((o, i) => ({ o, i })).filter((x) => isObj(x.o) && ids.has(x.o.id));
}

// ----- the panel --------------------------------------------------------------------------

let openFlag = false;
let busy = false;
let last = null; // the last answer: {answer, variant, from, excluded: [{o, i}], ms, options}
let runErrors = null; // the last run's refusal: [{pointer, message}], pointers into the document

function isOpen() { return openFlag; }

function open() {
  openFlag = true;
  // The optimizer is its own module, loaded on first use (engine.loadOptimizer): start now,
  // so that it is there by the time the options are entered.
  engine.loadOptimizer().catch(() => {});
  draw();
  const b = $('suggest-button');
  if (b) b.setAttribute('aria-expanded', 'true');
  const panel = $('suggest');
  if (panel) {
    panel.scrollIntoView({ block: 'nearest' });
    const t = $('suggest-title');
    if (t) t.focus({ preventScroll: true });
  }
}

function close() {
  openFlag = false;
  const panel = $('suggest');
  if (panel) { panel.hidden = true; panel.replaceChildren(); }
  const b = $('suggest-button');
  if (b) b.setAttribute('aria-expanded', 'false');
}

function toggle() { if (openFlag) { close(); const b = $('suggest-button'); if (b) b.focus(); } else open(); }

/** After every change of the plan (app.render): redraw when open. */
function refresh() { if (openFlag && !busy) draw(); }

function focusKey(key) {
  const el = Array.from(document.querySelectorAll('#suggest [data-focus]')).find((x) => x.dataset.focus === key);
  if (el) el.focus();
}

// ----- editing options --------------------------------------------------------------------

function specsFor(type) {
  const base = (forms.SPECS[type] || forms.SPECS.training).filter((s) => !NO_OPTION_FIELDS.includes(s.name));
  return base.concat([
    { name: 'money', label: forms.OPTION_LABELS.money, kind: 'number', min: 0, optional: true, hint: 'What it costs, in your currency, as a whole number. Empty: 0.' },
    { name: 'hours', label: forms.OPTION_LABELS.hours, kind: 'number', min: 0, optional: true, hint: 'The time it takes you, in whole hours. Empty: 0.' },
    { name: 'earliest', label: forms.OPTION_LABELS.earliest, kind: 'date', optional: true, hint: 'The first day you could finish it. Empty: tomorrow.' },
    { name: 'latest', label: forms.OPTION_LABELS.latest, kind: 'date', optional: true, hint: 'The last day you could finish it. Empty: the last expiration date in the plan.' },
  ]);
}

const TYPE_LABELS = { training: 'a training', exam: 'an exam', cisco_live: 'a Cisco Live event', item_authoring: 'item authoring' };

/** The option form: add (i undefined, type given) or edit option i. */
function editOption(i, type) {
  const doc = app.state.plan;
  const list = optionsOf(doc);
  const isNew = i === undefined;
  let original;
  if (isNew) {
    const act = { type };
    if (type === 'exam') act.exam = 'concentration';
    if (type === 'cisco_live') act.sessions = []; // none forced (finding 13)
    original = { id: newOptionId(doc), activity: act };
  } else {
    original = clone(list[i]);
    type = activityOf(original).type;
  }
  const index = isNew ? list.length : i;
  const kind = forms.SPECS[type] ? type : 'training';
  forms.open({
    kind,
    specs: specsFor(kind),
    title: isNew ? 'Add ' + (TYPE_LABELS[kind] || 'an option') + ' you could take' : 'Edit the option ' + optionTitle(original),
    saveLabel: isNew ? 'Add option' : 'Save option',
    item: toForm(original),
    base: '/options/' + index,
    mapPointer: formPointer,
    onSave(flat) {
      const option = fromForm(flat, original);
      const cur = app.state.plan;
      const next = optionsOf(cur).slice();
      next[index] = option;
      const checked = checkOptions(cur, [option]);
      if (!checked.ok) {
        return { ok: false, errors: checked.errors.map((e) => ({ pointer: e.pointer.replace(/^\/options\/0/, '/options/' + index), message: e.message })) };
      }
      const cand = clone(cur);
      cand.options = next;
      return app.apply(cand, { toast: isNew ? 'Option added: ' + optionTitle(option) + '.' : 'Option saved.' });
    },
    onRemove: isNew ? null : () => removeOption(i),
    returnFocus: ['edit-option:' + original.id, 'add-option:' + kind],
  });
}

function removeOption(i) {
  const cand = clone(app.state.plan);
  const [gone] = cand.options.splice(i, 1);
  if (!cand.options.length) delete cand.options;
  const r = app.apply(cand, { toast: 'Removed the option ' + optionTitle(gone) + '.' });
  if (!r.ok) app.showProblems('That option cannot be removed', r.errors);
  else setTimeout(() => focusKey('add-option:' + (activityOf(gone).type || 'training')), 0);
}

// ----- running the optimizer --------------------------------------------------------------

/** A variant name for the answer: 'Suggestion', 'Suggestion 2', … (variants.checkName's rules). */
function suggestionName(doc) {
  let name = 'Suggestion';
  for (let n = 2; variants.checkName(doc, name); n += 1) name = 'Suggestion ' + n;
  return name;
}

/** The variant whose own plan is this one already (an earlier run with the same answer), or null. */
function sameVariant(doc, plan) {
  const want = JSON.stringify(variants.own(plan));
  const v = variants.list(doc).find((x) => JSON.stringify(variants.own(variants.planOf(doc, x.name))) === want);
  return v ? v.name : null;
}

/** What an answer depends on: the options and the plan being edited (its own part). */
function answerKey(doc) { return JSON.stringify([optionsOf(doc), variants.own(currentPlan(doc))]); }

function setBusy(on, message) {
  busy = on;
  const panel = $('suggest');
  const btn = $('suggest-run');
  const status = $('suggest-status');
  if (panel) panel.setAttribute('aria-busy', on ? 'true' : 'false');
  if (btn) {
    btn.disabled = on;
    if (on) btn.replaceChildren(h('span', { class: 'spinner', 'aria-hidden': 'true' }), 'Searching…');
    else btn.replaceChildren('Suggest a plan');
  }
  if (status && message !== undefined) { status.textContent = message; status.classList.remove('visually-hidden'); }
}

/**
 * run(): the optimizer on the variant being edited and the options not in it yet. A busy
 * state is painted before the (synchronous) call; the answer becomes a variant.
 */
function run() {
  if (busy) return;
  const doc = app.state.plan;
  const all = optionsOf(doc);
  if (!all.length) { setBusy(false, 'Add at least one option first: what you could take, and what it costs.'); return; }
  const excluded = taken(doc);
  const skip = new Set(excluded.map((x) => x.i));
  const index = []; // position in the run -> position in the document's options
  const input = currentPlan(doc);
  input.options = [];
  all.forEach((o, i) => { if (!skip.has(i)) { index.push(i); input.options.push(o); } });
  if (!input.options.length) {
    setBusy(false, 'Every option is already in this variant (an earlier suggestion): switch to a variant without them, or add other options.');
    return;
  }
  const limit = isObj(input.optimize) && Number.isInteger(input.optimize.max_evaluations) ? input.optimize.max_evaluations : null; // null: the optimizer's default
  setBusy(true, 'Searching for the cheapest set of ' + F.plural(input.options.length, 'option') + ' that keeps your certifications' +
    (limit ? ' (this plan allows up to ' + numberFmt().format(limit) + ' evaluations)' : '') + '…');
  const from = variants.currentName(doc);
  let done = false;
  const go = () => {
    if (done) return;
    done = true;
    const t0 = performance.now();
    const r = engine.optimize(input);
    const ms = Math.round(performance.now() - t0);
    finish(doc, r, { index, excluded, from, ms, options: clone(all), key: answerKey(doc) });
  };
  // Paint the busy state first: the optimizer holds the page while it searches.
  const later = () => { requestAnimationFrame(() => setTimeout(go, 0)); setTimeout(go, 120); }; // a hidden tab paints no frame
  if (engine.optimizerReady()) { later(); return; }
  engine.loadOptimizer().then(later, (e) => {
    done = true;
    finish(doc, { ok: false, errors: [{ message: e.message }] }, { index, excluded, from, ms: 0, options: clone(all), key: answerKey(doc) });
  });
}

function finish(doc, r, ctx) {
  setBusy(false, '');
  if (!r.ok) {
    runErrors = r.errors.map((e) => {
      const m = typeof e.pointer === 'string' ? /^\/options\/(\d+)(.*)$/.exec(e.pointer) : null;
      return m && ctx.index[+m[1]] !== undefined ? { pointer: '/options/' + ctx.index[+m[1]] + m[2], message: e.message } : e;
    });
    last = null;
    draw();
    const s = $('suggest-status');
    if (s) s.textContent = 'Nothing was suggested: ' + F.plural(runErrors.length, 'problem') + ' to fix first.';
    const box = $('suggest-errors');
    if (box) box.focus();
    return;
  }
  runErrors = null;
  const answer = r.answer;
  last = Object.assign({ answer, variant: null }, ctx);
  const cur = app.state.plan === doc ? doc : app.state.plan;
  if (answer.chosen && answer.chosen.length) {
    const existing = sameVariant(cur, answer.plan);
    if (existing) {
      last.variant = existing;
      last.reused = true;
      draw();
    } else {
      const name = suggestionName(cur);
      const applied = app.apply(variants.add(cur, name, answer.plan), { toast: 'Added the suggestion as the variant “' + name + '”.' });
      if (applied.ok) last.variant = name;
      else app.showProblems('The suggestion could not be added as a variant; your plan was not changed', applied.errors);
      draw();
    }
  } else {
    draw();
  }
  const s = $('suggest-status');
  if (s) { s.textContent = summaryText(answer); s.classList.add('visually-hidden'); } // said once on screen, in the answer
  const head = $('suggest-answer-title');
  if (head) head.focus({ preventScroll: false });
}

// ----- drawing ----------------------------------------------------------------------------

function certNames(doc) {
  const names = new Map();
  const plans = [currentPlan(doc)].concat(last && last.answer ? [last.answer.plan] : []);
  for (const p of plans) for (const c of (isObj(p) && Array.isArray(p.certifications) ? p.certifications : [])) {
    if (isObj(c) && !names.has(c.id)) names.set(c.id, typeof c.name === 'string' && c.name.trim() ? c.name.trim() : String(c.id));
  }
  return (id) => names.get(id) || String(id);
}

function summaryText(answer) {
  const n = (answer.chosen || []).length;
  const saved = (answer.saved || []).length;
  const exact = !answer.searched || answer.searched.exact !== false;
  if (!n && !exact) return 'No suggestion: the search stopped at its limit before it found options that keep more certifications.';
  if (!n) return 'Nothing to take: ' + (saved ? 'your plan keeps what can be kept without any option.' : 'no option saves a certification.');
  const cost = costText(answer.cost);
  return 'Suggested: take ' + F.plural(n, 'option') + (cost === 'no cost' ? ', at no cost' : ', costing ' + cost) + '; ' + F.plural(saved, 'certification') + ' kept.';
}

function optionRow(doc, o, i, takenIds) {
  const a = activityOf(o);
  const id = isObj(o) ? o.id : null;
  const window = (o && (o.earliest || o.latest))
    ? [o.earliest ? ['from ', F.dateEl(o.earliest)] : null, o.earliest && o.latest ? ' ' : null, o.latest ? ['until ', F.dateEl(o.latest)] : null]
    : 'any date';
  const type = F.ACTIVITY_TYPES[a.type] ? F.ACTIVITY_TYPES[a.type].label : 'Activity';
  const inPlan = takenIds.has(id);
  return h('li', { class: 'option-card', dataset: { option: id == null ? '' : String(id) } },
    h('div', { class: 'option-main' },
      h('span', { class: 'option-title' }, optionTitle(o)),
      h('span', { class: 'tag' }, type),
      inPlan ? h('span', { class: 'tag taken-tag', title: 'This variant already has it as an activity (an earlier suggestion): the search leaves it out.' }, 'in this variant') : null),
    h('p', { class: 'option-facts' },
      h('span', { class: 'fact' }, earnsText(o)),
      h('span', { class: 'fact', dataset: { field: 'cost' } }, costText(o && o.cost)),
      h('span', { class: 'fact', dataset: { field: 'window' } }, window)),
    h('div', { class: 'option-actions' },
      h('button', { type: 'button', class: 'btn small', dataset: { focus: 'edit-option:' + id }, 'aria-label': 'Edit the option ' + optionTitle(o), onclick: () => editOption(i) }, 'Edit'),
      h('button', { type: 'button', class: 'btn small quiet', 'aria-label': 'Remove the option ' + optionTitle(o), onclick: () => removeOption(i) }, 'Remove')));
}

function drawErrors(doc) {
  if (!runErrors || !runErrors.length) return null;
  return h('div', { class: 'suggest-errors', id: 'suggest-errors', role: 'alert', tabindex: '-1' },
    h('p', null, h('strong', null, 'The options cannot be searched yet:')),
    h('ul', null, runErrors.map((e) => {
      const m = typeof e.pointer === 'string' ? /^\/options\/(\d+)/.exec(e.pointer) : null;
      const where = forms.describePointer(e.pointer, doc);
      const i = m ? +m[1] : -1;
      return h('li', { dataset: { pointer: e.pointer || '' } },
        where ? h('span', { class: 'where' }, where + ': ') : null, e.message,
        i >= 0 && optionsOf(doc)[i] ? [' ', h('button', { type: 'button', class: 'btn small', onclick: () => editOption(i) }, 'Edit option ' + (i + 1))] : null);
    })));
}

function drawAnswer(doc) {
  if (!last) return null;
  const { answer } = last;
  const name = certNames(doc);
  const byId = new Map(last.options.map((o) => [isObj(o) ? o.id : null, o]));
  const title = (id) => (byId.has(id) ? optionTitle(byId.get(id)) : String(id));
  const result = answer.result || {};
  const rc = (id) => (result.certifications || []).find((c) => c.id === id);
  const chosen = answer.chosen || [];
  const exact = !answer.searched || answer.searched.exact !== false;
  const parts = [];
  parts.push(h('div', { class: 'answer-head' },
    h('h3', { id: 'suggest-answer-title', tabindex: '-1' }, chosen.length ? 'The suggestion' : exact ? 'Nothing to take' : 'No suggestion found'),
    h('span', { class: ['tag', exact ? 'exact-tag' : 'inexact-tag'], dataset: { exact: String(exact) } }, exact ? 'proven best' : 'best found, search stopped')));
  if (last.key !== answerKey(doc)) {
    parts.push(h('p', { class: 'answer-stale', role: 'note' }, 'The options or the plan being edited changed since this suggestion was made: run again for an answer that takes them into account.'));
  }
  parts.push(h('p', { class: 'answer-summary' }, summaryText(answer)));
  const saved = answer.saved || [];
  parts.push(h('dl', { class: 'answer-facts' },
    h('div', null, h('dt', null, 'Keeps'), h('dd', { dataset: { field: 'saved' } },
      saved.length ? saved.map((id, k) => [k ? ', ' : '', h('strong', null, name(id)), rc(id) && rc(id).expires ? [' (valid through ', F.dateEl(rc(id).expires), ')'] : null])
        : 'no certification')),
    h('div', null, h('dt', null, 'Costs'), h('dd', { dataset: { field: 'cost', money: String((answer.cost || {}).money || 0), hours: String((answer.cost || {}).hours || 0) } }, costText(answer.cost))),
    h('div', null, h('dt', null, 'Gives up'), h('dd', { dataset: { field: 'days' } }, F.plural(answer.days_given_up || 0, 'day'), ' of validity (R5)')),
    answer.rollover ? h('div', null, h('dt', null, 'Rolls over'), h('dd', null, F.plural(answer.rollover, 'CE credit'), ' (A3)')) : null));
  if (chosen.length) {
    parts.push(h('h4', null, 'What to take, by when'));
    parts.push(h('ol', { class: 'answer-list chosen-list' }, chosen.map((c) => h('li', { dataset: { option: c.option, completed: c.completed } },
      h('p', { class: 'answer-line' }, h('strong', null, title(c.option)), ' — by ', F.dateEl(c.completed),
        h('span', { class: 'answer-cost' }, ' · ', costText(c.cost)),
        Number.isFinite(c.credits) && c.credits > 0 ? h('span', { class: 'answer-cost' }, ' · earns ', F.plural(c.credits, 'CE credit')) : null),
      c.why ? h('p', { class: 'why' }, c.why) : null))));
  }
  const left = answer.left_out || [];
  if (left.length) {
    parts.push(h('h4', null, 'Left out'));
    parts.push(h('ul', { class: 'answer-list left-list' }, left.map((l) => h('li', { dataset: { option: l.option, kind: l.kind || '' } },
      h('p', { class: 'answer-line' }, h('strong', null, title(l.option)), l.rule ? [' ', F.ruleBadge(l.rule)] : null),
      l.why ? h('p', { class: 'why' }, l.why) : null))));
  }
  if (last.excluded.length) {
    parts.push(h('p', { class: 'answer-note' }, 'Not searched, already in this variant as activities (an earlier suggestion): ',
      last.excluded.map((x) => optionTitle(x.o)).join(', '), '.'));
  }
  const unsavable = answer.unsavable || [];
  if (unsavable.length) {
    parts.push(h('h4', null, 'Cannot be kept'));
    parts.push(h('ul', { class: 'answer-list unsavable-list' }, unsavable.map((u) => h('li', { dataset: { cert: u.certification } },
      h('strong', null, name(u.certification)), ': ', u.reason))));
  }
  const s = answer.searched || {};
  parts.push(h('p', { class: ['search-note', exact ? null : 'inexact'], dataset: { exact: String(exact) } }, exact
    ? 'Proven the best: most certifications kept, then least money, least hours, fewest days given up. ' +
      F.plural(s.candidates || 0, 'option set') + ' judged, ' + F.plural(s.evaluations || 0, 'evaluation') + ', ' + last.ms + ' ms.'
    : 'The search stopped at its limit of ' + numberFmt().format(s.max_evaluations || s.evaluations || 0) + ' evaluations after judging ' +
      F.plural(s.candidates || 0, 'option set') + ': this is the best plan found, not proven the best. Fewer options, or narrower windows, let it finish.'));
  if (last.variant) {
    const exists = variants.list(app.state.plan).some((v) => v.name === last.variant);
    const current = variants.currentName(app.state.plan) === last.variant;
    parts.push(exists
      ? h('div', { class: 'answer-actions' },
        h('p', null, last.reused ? 'The same plan is already the variant ' : 'Added as the variant ', h('strong', null, '“' + last.variant + '”'),
          current ? ' (you are editing it).' : ': compare it with “' + (last.from || 'Base') + '”, switch to it to keep it as your plan, or delete it.'),
        h('div', { class: 'buttons' },
          h('button', { type: 'button', class: 'btn small primary', id: 'suggest-compare', onclick: () => variants.openCompare() }, 'Compare'),
          current ? null : h('button', { type: 'button', class: 'btn small', id: 'suggest-keep', onclick: () => variants.actions.switchTo(last.variant) }, 'Switch to “' + last.variant + '”'),
          current ? null : h('button', { type: 'button', class: 'btn small quiet', id: 'suggest-discard', onclick: discard }, 'Delete it')))
      : h('p', { class: 'answer-note' }, 'The variant “' + last.variant + '” is no longer in the plan.'));
  }
  return h('section', { class: 'suggest-answer', id: 'suggest-answer', 'aria-labelledby': 'suggest-answer-title' }, parts);
}

function discard() {
  const name = last && last.variant;
  if (!name) return;
  const r = app.apply(variants.remove(app.state.plan, name), { toast: 'Deleted the variant “' + name + '”.' });
  if (!r.ok) app.showProblems('The variant could not be deleted', r.errors);
  else { last = null; draw(); const b = $('suggest-run'); if (b) b.focus(); }
}

function draw() {
  const panel = $('suggest');
  if (!panel || !openFlag) return;
  const doc = app.state.plan;
  if (!doc) return;
  const list = optionsOf(doc);
  const takenIds = new Set(taken(doc).map((x) => x.o.id));
  const addButtons = ['training', 'exam', 'cisco_live', 'item_authoring'].map((t) => h('button', {
    type: 'button', class: 'btn small', dataset: { focus: 'add-option:' + t, addOption: t }, onclick: () => editOption(undefined, t),
  }, '+ ' + F.ACTIVITY_TYPES[t].label));
  const from = variants.currentName(doc);
  panel.replaceChildren();
  append(panel, [
    h('div', { class: 'suggest-head' },
      h('h2', { id: 'suggest-title', tabindex: '-1' }, 'Suggest a plan'),
      h('button', { type: 'button', class: 'btn small', id: 'suggest-close', onclick: () => { close(); const b = $('suggest-button'); if (b) b.focus(); } }, 'Close')),
    h('p', { class: 'suggest-intro' }, 'List what you could take, with what it costs and when you could take it. ceplan finds the cheapest set that keeps every certification it can, ' +
      'finishing as late as is safe (R5), judged by the same rules as the verdict' + (from ? ', for the variant “' + from + '”' : '') + '. The answer is added as a variant to compare with your plan.'),
    h('div', { class: 'options-head' },
      h('h3', { id: 'options-title' }, 'Options', list.length ? ' (' + list.length + ')' : ''),
      h('div', { class: 'add-buttons', role: 'group', 'aria-label': 'Add an option' }, addButtons)),
    doc.options !== undefined && !Array.isArray(doc.options)
      ? h('p', { class: 'suggest-errors', role: 'note' }, forms.describePointer('/options', doc) + ': expected a list of options, got ' +
        (doc.options === null ? 'null' : typeof doc.options) + '. It is kept as it is; adding an option replaces it with a list.')
      : null,
    list.length
      ? h('ol', { class: 'options-list', 'aria-labelledby': 'options-title' }, list.map((o, i) => optionRow(doc, o, i, takenIds)))
      : h('p', { class: 'options-empty' }, 'No options yet: add the courses, exams or events you could take.'),
    h('div', { class: 'options-csv' },
      h('button', { type: 'button', class: 'btn small quiet', id: 'suggest-import-csv', onclick: () => $('import-options-file').click() }, 'Import options (CSV)…'),
      h('button', { type: 'button', class: 'btn small quiet', id: 'suggest-export-csv', disabled: !list.length, onclick: () => withOptionsCsv((c) => c.exportFile(app.state.plan)) }, 'Export options (CSV)')),
    h('div', { class: 'suggest-run' },
      h('button', { type: 'button', class: 'btn primary', id: 'suggest-run', disabled: busy || !list.length, onclick: run }, 'Suggest a plan'),
      h('p', { id: 'suggest-status', class: 'suggest-status', role: 'status', 'aria-live': 'polite' })),
    drawErrors(doc),
    drawAnswer(doc)]);
  panel.setAttribute('aria-busy', busy ? 'true' : 'false');
  panel.hidden = false;
}

export { open, close, toggle, isOpen, refresh, run, optionsOf, optionTitle, costText, toForm, fromForm, formPointer, newOptionId, usedIds, checkOptions };
