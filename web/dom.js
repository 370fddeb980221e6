// dom.js: the only way the page builds elements. Text always goes in as text nodes
// (textContent), attributes through setAttribute: no HTML string is ever parsed, so
// user text such as an activity title can never become markup.

const PROPS = new Set(['value', 'checked', 'disabled', 'selected', 'hidden', 'open', 'indeterminate']);

function setProps(el, props) {
  if (!props) return;
  for (const key of Object.keys(props)) {
    const v = props[key];
    if (v === undefined || v === null || v === false) continue;
    if (key === 'class') el.setAttribute('class', Array.isArray(v) ? v.filter(Boolean).join(' ') : v);
    else if (key === 'text') el.textContent = String(v);
    else if (key === 'dataset') Object.assign(el.dataset, v);
    else if (key.startsWith('on') && typeof v === 'function') el.addEventListener(key.slice(2), v);
    else if (PROPS.has(key)) el[key] = v;
    else el.setAttribute(key, v === true ? '' : String(v));
  }
}

function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else if (typeof c === 'string' || typeof c === 'number') el.appendChild(document.createTextNode(String(c)));
    else el.appendChild(c);
  }
  return el;
}

/** h('p', {class: 'x'}, 'text', child...) -> HTMLElement */
function h(tag, props, ...children) {
  const el = document.createElement(tag);
  setProps(el, props);
  return append(el, children);
}

const SVG_NS = 'http://www.w3.org/2000/svg';
/** svg('path', {d: '...'}) -> SVGElement (attributes only, for icons and later the timeline). */
function svg(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  if (attrs) for (const k of Object.keys(attrs)) if (attrs[k] !== null && attrs[k] !== undefined) el.setAttribute(k, String(attrs[k]));
  for (const c of children.flat()) if (c) el.appendChild(c);
  return el;
}

/**
 * reconcile(parent, nodes): makes parent's children exactly `nodes`, in order, moving or
 * removing only what differs: a node already in its place is not touched (keyed rendering:
 * the callers keep the nodes whose data did not change).
 */
function reconcile(parent, nodes) {
  const keep = new Set(nodes);
  let cur = parent.firstChild;
  for (const n of nodes) {
    while (cur && !keep.has(cur)) { const next = cur.nextSibling; parent.removeChild(cur); cur = next; }
    if (cur === n) { cur = cur.nextSibling; continue; }
    parent.insertBefore(n, cur);
  }
  while (cur) { const next = cur.nextSibling; parent.removeChild(cur); cur = next; }
  return parent;
}

/**
 * redraw(parent, nodes) -> parent: reconcile(parent, nodes), except that a new node (not in the
 * page) equal (isEqualNode: same tag, attributes and text, all the way down) to parent's child
 * at the same place is not used: that child stays, untouched (drawn again with the same words:
 * no style or layout work for the browser, issue 6). Event listeners are not compared: only for
 * nodes whose listeners follow from what they show (a closure over the ids it writes).
 */
function redraw(parent, nodes) {
  const old = parent.childNodes;
  const taken = new Set(nodes);
  return reconcile(parent, nodes.map((n, k) => {
    const o = old[k];
    if (!o || o === n || n.parentNode || taken.has(o) || !o.isEqualNode(n)) return n;
    taken.add(o);
    return o;
  }));
}

/**
 * Controls that a drawing may replace carry data-focus keys ('edit-act:t1', 'add:training' …), so
 * that the focus can find them again. focusedKey() -> the focused element's key, or null;
 * byFocusKey(key) -> the first element in the page with that key, or null.
 */
function focusedKey() {
  const a = document.activeElement;
  return a && a.dataset && a.dataset.focus !== undefined ? a.dataset.focus : null;
}
function byFocusKey(key) {
  if (key === null || key === undefined) return null;
  return Array.from(document.querySelectorAll('[data-focus]')).find((x) => x.dataset.focus === key) || null;
}

let counter = 0;
/** A fresh id for label/for and aria-describedby pairs. */
function uid(prefix) { counter += 1; return (prefix || 'id') + '-' + counter; }

/**
 * afterPaint(fn): fn runs once the frame drawn after now is on screen (a task after the next
 * animation frame); in a task at once when the page is hidden (no frames are drawn then).
 */
function afterPaint(fn) {
  if (typeof requestAnimationFrame !== 'function' || document.visibilityState === 'hidden') { setTimeout(fn, 0); return; }
  requestAnimationFrame(() => setTimeout(fn, 0));
}

export { h, svg, append, uid, reconcile, redraw, focusedKey, byFocusKey, afterPaint };
