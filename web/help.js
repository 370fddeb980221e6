// help.js: the Help dialog: every rule of ../shared/spec/rules.md in plain words, with its id,
// so that a badge such as E3 in a warning can be looked up.
import { h, uid } from './dom.js';

const GROUPS = [
  ['Dates', [
    ['D1', 'Dates are calendar days, with no time of day. “By a date” includes that day: an activity finished on the expiration date still counts.'],
    ['D2', '“3 years after” keeps the month and day; 29 February becomes 28 February in a year without it. “N days after” is plain counting.'],
    ['D3', 'Every rule uses the day you finished an activity; the day you claimed it only matters for the claim window (C1).'],
  ]],
  ['Levels and paths', [
    ['L1', 'Levels from lowest to highest: associate, specialist, professional, expert (CCIE, CCDE). Every certification lasts 3 years.'],
    ['L2', 'With CE credits: associate 30; specialist 40; professional 80, or 40 plus one professional-level exam; expert 120, or 40 plus a technology core exam, or 40 plus two professional-level exams, or 80 plus one.'],
    ['L3', 'Exam kinds: associate, technology core (e.g. 350-401), concentration (e.g. 300-410), expert written, expert lab. “Professional-level” means core or concentration.'],
    ['L4', 'Exams alone can also recertify: one suitable exam for associate and specialist; for professional one core exam, two professional-level exams, or an expert exam; for expert an expert exam, core plus concentration, or three concentration exams.'],
    ['L5', 'Earning a higher certification recertifies the lower ones: the exams that earn it already count under L4.'],
    ['L6', 'A retired certification cannot be recertified. It stays valid until it expires, then lapses; your credits keep counting for your other certifications.'],
  ]],
  ['Recertification', [
    ['R1', 'CE credits count toward one certification, the anchor: your highest active, non-retired one (the one expiring first on a tie). Exam-only paths are checked for every certification.'],
    ['R2', 'Recertification is automatic on the first day a path is met, and cannot be postponed: that is the day your last qualifying activity is finished.'],
    ['R3', 'A path counts only if it is met on or before the expiration date. Work finished after it does not bring an expired certification back.'],
    ['R4', 'Recertifying one certification also recertifies every active one at the same level and below, on the same day.'],
    ['R5', 'The new expiration is 3 years after the day you recertify, so finishing early gives up validity. ceplan shows the days given up and the latest day you could finish and still be on time.'],
    ['R6', 'When several paths are met on the same day, the one using the fewest CE credits is used, so that the most credits roll over.'],
    ['R7', 'An exam counts once per cycle: exams passed before a recertification, or before the current cycle began, do not count for the next one.'],
    ['R8', 'A claim still pending at expiration counts by its completion date once validated; validation can take up to 30 days.'],
    ['R9', 'When the anchor lapses, your next certification in line becomes the anchor the day after, with the unused credits.'],
  ]],
  ['Earning credits', [
    ['E1', 'Training earns what its CE catalog entry says: a whole number from 4 to 64.'],
    ['E2', 'Training must be in the CE catalog and from an authorized provider; “lite” or “NO LABS” digital courses earn nothing.'],
    ['E3', 'The same course earns credits again only for a new major version (1.x, then 2.0).'],
    ['E4', 'Customer and partner editions of a course (P-, A-, CUST- codes) are one course: the second earns nothing.'],
    ['E5', 'An Alpha delivery earns credits; the released version of the same course then earns nothing.'],
    ['E6', 'Cisco Live earns credits per eligible session (breakouts, DevNet workshops, labs, seminars), claimed once per event; the level is the first digit of the session number.'],
    ['E7', 'A session counts only if you badged in, it lasted at least 45 minutes and you stayed at least 75% of it.'],
    ['E8', 'Credits per Cisco Live session and per accepted exam item are not known to ceplan: enter them in the credit tables (from Cisco’s CE portal), or on the activity. Items count only through Cisco’s SME program.'],
    ['E9', 'There is no cap per kind of activity.'],
  ]],
  ['Time limits', [
    ['C1', 'Claim an activity within 365 days of finishing it, or it earns nothing. ceplan warns 30 days before the window closes.'],
    ['C2', 'Credits can be used for 3 years after the day you finished the activity, then they expire.'],
    ['C3', 'Activities finished before you were first certified earn nothing.'],
    ['C4', 'Cisco Live sessions appear in the CE portal 2–3 weeks after the event; claims are validated in about 7 days, at most 30.'],
  ]],
  ['Applying credits and rollover', [
    ['A1', 'Credits are applied in the order you earned them; you cannot hold them back for later.'],
    ['A2', 'Each activity’s credits are applied in blocks of 5, then one smaller remainder; a block is never split, so the last one may overshoot.'],
    ['A3', 'After you recertify, unused credits roll over into the next cycle if there are 5 or more; 4 or fewer are lost. They still expire 3 years after their activity.'],
    ['A4', 'Credits used for one recertification cannot be used again; a rejected claim earns nothing.'],
  ]],
  ['What ceplan tells you', [
    ['P1', 'For each certification: whether it recertifies in time, on which day, by which path, the new expiration and the validity given up.'],
    ['P2', 'For a certification at risk: what is still missing on each path that could save it, and by when.'],
    ['P3', 'Every credit that does not count, with the rule and the activity.'],
    ['P4', 'What rolls over into the next cycle, and when it expires.'],
    ['P5', 'Notes that change nothing but help: a planned date that has passed, a pending validation, a claim due soon.'],
  ]],
];

let dialog = null;

/** open(ruleId?): shows the rules; with an id, scrolls to and highlights that rule. */
function open(ruleId) {
  if (!dialog) {
    dialog = h('dialog', { id: 'help-dialog', class: 'editor tool-dialog wide' });
    document.body.appendChild(dialog);
  }
  const titleId = uid('help-title');
  const closeBtn = h('button', { type: 'button', class: 'btn primary' }, 'Close');
  const body = h('div', { class: 'help-body', tabindex: '0', role: 'region', 'aria-label': 'The rules' },
    h('p', { class: 'help-intro' }, 'ceplan applies these rules, as it reads Cisco’s Continuing Education program. Each warning names its rule by id. ' +
      'Dates follow D1–D2; check Cisco’s own recertification policy page before you spend.'),
    GROUPS.map(([title, rules]) => h('section', { class: 'help-group' },
      h('h3', null, title),
      h('dl', { class: 'help-rules' }, rules.map(([id, text]) => [
        h('dt', { id: 'rule-' + id, dataset: { rule: id } }, h('span', { class: 'rule' }, id)),
        h('dd', null, text)])))));
  const findId = uid('help-find');
  const find = h('input', { type: 'search', id: findId, autocomplete: 'off', placeholder: 'e.g. E3 or rollover' });
  const none = h('p', { class: 'empty', hidden: true }, 'No rule matches.');
  find.addEventListener('input', () => {
    const flat = (t) => t.toLowerCase().replace(/[^a-z0-9]+/g, ''); // 'roll over', 'rolled-over' ~ 'rollover'
    const q = flat(find.value);
    let shown = 0;
    body.querySelectorAll('.help-group').forEach((g) => {
      let inGroup = 0;
      g.querySelectorAll('dt').forEach((dt) => {
        const dd = dt.nextElementSibling;
        const hit = !q || (/^[a-z]\d$/.test(q) ? dt.dataset.rule.toLowerCase() === q : flat(dd.textContent).includes(q));
        dt.hidden = !hit; dd.hidden = !hit;
        if (hit) inGroup += 1;
      });
      g.hidden = !inGroup;
      shown += inGroup;
    });
    none.hidden = shown > 0;
  });
  body.appendChild(none);
  const form = h('form', { class: 'editor-form', method: 'dialog', 'aria-labelledby': titleId },
    h('div', { class: 'help-head' }, h('h2', { id: titleId }, 'Help: the rules in plain words'),
      h('div', { class: 'field inline help-find' }, h('label', { for: findId }, 'Find a rule'), find)),
    body,
    h('div', { class: 'form-actions' }, h('span', { class: 'spacer' }), closeBtn));
  closeBtn.addEventListener('click', () => dialog.close());
  form.addEventListener('submit', (ev) => { ev.preventDefault(); dialog.close(); });
  dialog.replaceChildren(form);
  dialog.onclose = () => setTimeout(() => { const b = document.getElementById('help'); if (b) b.focus(); }, 0);
  dialog.showModal();
  const target = ruleId && dialog.querySelector('#rule-' + ruleId);
  if (target) {
    target.classList.add('wanted');
    target.nextElementSibling.classList.add('wanted');
    target.scrollIntoView({ block: 'center' });
  }
  if (target) closeBtn.focus({ preventScroll: true });
  else find.focus();
  return dialog;
}

/** [[id, text]] for every rule, in order (for tests and other views). */
function rules() { return GROUPS.flatMap(([, list]) => list); }

export { open, rules };
