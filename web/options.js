// options.js: a plan's options to suggest from (issue 8, ../shared/spec/optimize.md), the pure
// helpers both Suggest a plan's panel (suggest.js, a feature script loaded on first use) and the
// options CSV (optionscsv.js, in the CSV feature script) use: page.js holds them once.
import * as F from './format.js';
import * as engine from './engine.js';
import * as variants from './variants.js';

const isObj = (x) => !!x && typeof x === 'object' && !Array.isArray(x);
const PREFIX = 'o';

/** The document's options, [] when none (or not a list: the optimizer names that). */
function optionsOf(doc) { return isObj(doc) && Array.isArray(doc.options) ? doc.options : []; }

/** An option's activity, {} when it has none. */
function activityOf(o) { return isObj(o) && isObj(o.activity) ? o.activity : {}; }

/** The words for an option: 'SCOR 1.0', 'Exam 300-410', 'Cisco Live US 2027'. */
function optionTitle(o) {
  const a = activityOf(o);
  switch (a.type) {
    case 'training': {
      const name = (typeof a.title === 'string' && a.title.trim()) || (typeof a.course === 'string' && a.course.trim()) || 'Training';
      return a.version != null && String(a.version).trim() && !a.title ? name + ' ' + String(a.version).trim() : name;
    }
    case 'cisco_live': return (typeof a.event === 'string' && a.event.trim()) || 'Cisco Live';
    case 'item_authoring': return 'Item authoring' + (a.item_type ? ' (' + (F.ITEM_TYPE_LABELS[a.item_type] || a.item_type) + ')' : '');
    case 'exam': return (a.title ? a.title + ': ' : '') + 'Exam ' + (a.code || F.examKindLabel(a.exam));
    default: return (typeof a.title === 'string' && a.title) || (isObj(o) && typeof o.id === 'string' ? 'Option ' + o.id : 'Option');
  }
}

/** The ids of the options and of the activities of every variant. */
function usedIds(doc) {
  const used = new Set(optionsOf(doc).map((o) => isObj(o) && o.id));
  const plans = [doc].concat(variants.list(doc).filter((v) => !v.current).map((v) => v.plan || {}));
  for (const p of plans) for (const a of (isObj(p) && Array.isArray(p.activities) ? p.activities : [])) if (isObj(a)) used.add(a.id);
  return used;
}

/** A fresh option id: used by no option and by no activity of any variant (the optimizer refuses those). */
function newOptionId(doc) {
  const used = usedIds(doc);
  let n = 1;
  while (used.has(PREFIX + n)) n += 1;
  return PREFIX + n;
}

/** The plan of the variant being edited, without the page's variants (shared fields included). */
function currentPlan(doc) { return variants.planOf(doc, variants.currentName(doc)); }

/**
 * checkOptions(doc, list) -> {ok} | {ok: false, errors: [{pointer: '/options/k/…' (k: index in list), message}]}
 * Asks the optimizer's own reader about these options against the variant being edited,
 * with a search limit of one evaluation (only the reading matters). Ids are checked by
 * the caller: here each option gets an id no activity uses.
 */
function checkOptions(doc, list) {
  if (!list.length) return { ok: true };
  const probe = currentPlan(doc);
  const acts = new Set((Array.isArray(probe.activities) ? probe.activities : []).map((a) => isObj(a) && a.id));
  let n = 0;
  const fresh = () => { do { n += 1; } while (acts.has('option-check-' + n)); return 'option-check-' + n; };
  probe.options = list.map((o) => (isObj(o) ? Object.assign({}, o, { id: fresh() }) : o));
  probe.optimize = { max_evaluations: 1 };
  const r = engine.optimize(probe);
  if (r.ok || r.loading) return { ok: true }; // (still loading: the run checks them again)
  // Only what is wrong with the options: the plan itself was accepted already.
  const mine = r.errors.filter((e) => typeof e.pointer === 'string' && /^\/options(\/|$)/.test(e.pointer) && !/^\/options\/\d+\/id$/.test(e.pointer));
  return mine.length ? { ok: false, errors: mine } : { ok: true };
}

export { optionsOf, activityOf, optionTitle, usedIds, newOptionId, currentPlan, checkOptions };
