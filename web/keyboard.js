// keyboard.js: keyboard rules that hold for every dialog and menu of the page, whoever built it.
// A modal <dialog> (showModal) already makes the page behind it inert, closes on Escape
// and gives focus back to its opener; this adds the missing piece: Tab and Shift+Tab go
// round inside the dialog instead of leaving it for the browser's own toolbar.

const TABBABLE = 'a[href], button, input, select, textarea, summary, [tabindex], [contenteditable="true"]';

function isModal(d) {
  try { return d.matches(':modal'); } catch (e) { return d.open; }
}

/** The dialog on top: the last open modal dialog in document order. */
function topDialog() {
  const open = Array.from(document.querySelectorAll('dialog[open]')).filter(isModal);
  return open.length ? open[open.length - 1] : null;
}

function tabbables(root) {
  return Array.from(root.querySelectorAll(TABBABLE)).filter((el) => {
    if (el.disabled || el.tabIndex < 0) return false;
    if (el.tagName === 'INPUT' && el.type === 'hidden') return false;
    if (el.tagName === 'INPUT' && el.type === 'radio' && !el.checked && el.name &&
      root.querySelector('input[type="radio"][name="' + CSS.escape(el.name) + '"]:checked')) return false;
    if (el.tagName === 'SUMMARY' && el.parentElement.tagName !== 'DETAILS') return false;
    if (el.closest('[inert]') || el.closest('details:not([open]) > :not(summary)')) return false;
    const r = el.getClientRects();
    return r.length > 0 && getComputedStyle(el).visibility !== 'hidden';
  });
}

function onKeydown(ev) {
  if (ev.key !== 'Tab' || ev.altKey || ev.ctrlKey || ev.metaKey) return;
  const dlg = topDialog();
  if (!dlg) return;
  const list = tabbables(dlg);
  if (!list.length) { ev.preventDefault(); return; }
  const first = list[0];
  const last = list[list.length - 1];
  const active = document.activeElement;
  if (!dlg.contains(active)) {
    ev.preventDefault();
    (ev.shiftKey ? last : first).focus();
  } else if (ev.shiftKey && active === first) {
    ev.preventDefault();
    last.focus();
  } else if (!ev.shiftKey && active === last) {
    ev.preventDefault();
    first.focus();
  }
}

// A drop-down menu (<details class="menu">) closes when the keyboard focus leaves it, so
// that a Tab past its last item does not leave it open over the page.
function onFocusOut(ev) {
  const menu = ev.target.closest && ev.target.closest('details.menu[open]');
  if (menu && ev.relatedTarget && !menu.contains(ev.relatedTarget)) menu.open = false;
}

/** Listens on the document for the keyboard rules above. */
function wire() {
  document.addEventListener('keydown', onKeydown, true);
  document.addEventListener('focusout', onFocusOut);
}

export { tabbables, topDialog, wire };
