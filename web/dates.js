// dates.js: date fields are judged when their value is complete, never while the user
// types (issue 7 §2). A browser's date input gives a value at every keystroke once each
// part holds a digit: typing 2026 into the year passes through 0002, 0020 and 0202. Those
// are not judged while the field has the focus; the value is judged when it is complete (a
// four-digit year) or when the focus leaves the field, and nothing here ever moves the focus.
// A date that does not exist (30/02/2026) leaves the input empty with validity.badInput:
// that is "not a real date", not an empty field.
import { h, uid } from './dom.js';

const PAUSE_MS = 800; // a pause in typing after which a complete date is judged
// The browser gives no value for a date that does not exist (validity.badInput, value ''):
// which date was typed is unknown, so no date is named (finding 8: 29/02/2027 was told
// "there is no 30 February").
const NOT_REAL = 'not a real date: that day does not exist in that month (check the day, the month and the year)';

/**
 * stateOf(input, editing, done) -> {kind, value}
 * kind: 'empty' (nothing typed), 'typing' (incomplete while the field has the focus: some
 * parts empty, or a year still under 1000), 'bad' (the focus has left with a date that
 * does not exist or is incomplete), 'value' (value: the ISO date, to be judged).
 * editing: true from an input or change event, which Chromium may send while the focus is
 * briefly elsewhere; else the field is being typed in while it has the focus.
 * done: the user said the value is complete (Enter): judged as if the field were left.
 */
function stateOf(input, editing, done) {
  const v = String(input.value || '');
  const focused = !done && (!!editing || document.activeElement === input);
  if (v === '') {
    if (input.validity && input.validity.badInput) return { kind: focused ? 'typing' : 'bad' };
    return { kind: 'empty', value: '' };
  }
  const year = Number(v.slice(0, v.indexOf('-', 1)));
  if (focused && Number.isFinite(year) && year < 1000) return { kind: 'typing' };
  return { kind: 'value', value: v };
}

/** True while a date input holds an incomplete value being typed (see stateOf). */
function typing(input, editing) {
  return !!input && input.type === 'date' && stateOf(input, editing).kind === 'typing';
}

/**
 * watchAsOf(input, commit(iso or '') -> {ok, errors?})
 * The top bar's "As of": a complete value is committed (the verdict follows), an empty
 * one means today; what cannot be used is said under the field (role=alert, announced
 * without moving the focus) and the plan keeps its last good date. The message goes as
 * soon as the value is fixed. It is drawn over the page below the field (next.css), never
 * in the flow: showing it when the focus leaves must not move what the user is clicking
 * (finding 4).
 */
function watchAsOf(input, commit) {
  const id = uid('as-of-error');
  const box = h('p', { id, class: 'field-error as-of-error', role: 'alert', hidden: true });
  const field = input.closest('.field') || input.parentNode;
  field.parentNode.insertBefore(box, field.nextSibling);
  const described = (input.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
  input.setAttribute('aria-describedby', described.concat([id]).join(' '));
  // Once the click that left the field has landed (finding 4), a click or tap on the message
  // hides it: on a phone it lies over the toolbar. The field stays marked invalid.
  let settle = null;
  box.title = 'Click to hide this message';
  box.addEventListener('click', () => { box.hidden = true; box.classList.remove('settled'); });
  function say(message) {
    clearTimeout(settle);
    box.classList.remove('settled');
    if (message) {
      box.textContent = 'As of: ' + message;
      box.hidden = false;
      input.setAttribute('aria-invalid', 'true');
      settle = setTimeout(() => box.classList.add('settled'), 700);
    } else {
      box.hidden = true;
      box.textContent = '';
      input.removeAttribute('aria-invalid');
    }
  }
  let timer = null;
  function judge(editing, done) {
    clearTimeout(timer);
    timer = null;
    const st = stateOf(input, editing, done);
    if (st.kind === 'typing') return;
    if (st.kind === 'bad') { say(NOT_REAL); return; }
    const r = commit(st.value);
    if (r && r.ok === false) say(((r.errors || [])[0] || {}).message || 'this date cannot be used');
    else say(null);
  }
  // While the focus is in the field, a complete value is judged after a pause in typing:
  // typing 30 over a prefilled day passes through day 3, which is a date too. Leaving the
  // field (or Enter) judges at once.
  // Chromium sends the change of a part with the focus on <body> for a moment, while it moves it to
  // the next part (typing 03 over a prefilled month committed the 29 March between): where the
  // focus is is looked at a task later, and only a value sent with the focus elsewhere then (the
  // field was left, or set from outside) is judged at once.
  const wait = () => { timer = setTimeout(() => judge(document.activeElement === input), PAUSE_MS); };
  const typed = () => {
    clearTimeout(timer);
    if (document.activeElement === input) { wait(); return; }
    timer = setTimeout(() => { if (document.activeElement === input) wait(); else judge(true); }, 0);
  };
  input.addEventListener('input', typed);
  input.addEventListener('change', typed);
  input.addEventListener('blur', () => judge(false));
  input.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') judge(false, true); }); // as if left: 30/02 is said at once
  return { say, judge, showing: () => !box.hidden };
}

export { NOT_REAL, stateOf, typing, watchAsOf };
