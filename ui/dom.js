// Building DOM nodes without HTML strings: text from articles and users always
// goes in as text nodes, so markup in it is shown, never run.


/**
 * Creates an element. `props` may hold: class, dataset (object), on (object of
 * event handlers), text, and any attribute (set with setAttribute). Children are
 * nodes or strings (strings become text nodes); null/undefined are skipped.
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key === 'on') for (const [ev, fn] of Object.entries(value)) el.addEventListener(ev, fn);
    else if (key === 'text') el.textContent = String(value);
    else if (key === 'value') el.value = String(value);
    else if (key === 'innerHTML' || key === 'style' || key.startsWith('on')) {
      throw new Error(`h(): '${key}' is not allowed; use textContent and classes`);
    } else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces every child of `el`. */
export function replaceChildren(el, ...children) {
  el.textContent = '';
  append(el, children);
}

/** Shows a short message at the bottom of the window. */
export function notify(message, kind = 'info') {
  const box = document.getElementById('notice');
  box.textContent = message;
  box.className = kind;
  box.hidden = false;
  clearTimeout(notify.timer);
  notify.timer = setTimeout(() => { box.hidden = true; }, kind === 'error' ? 10000 : 4000);
}

/** Calls `fn` once typing has paused for `ms`; `.cancel()` drops a pending call. */
export function debounce(fn, ms) {
  let timer;
  const debounced = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
  debounced.cancel = () => clearTimeout(timer);
  return debounced;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Like h(), for SVG elements: attributes only, text children as text nodes. */
export function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'on') for (const [ev, fn] of Object.entries(value)) el.addEventListener(ev, fn);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key === 'text') el.textContent = String(value);
    else if (key === 'style' || key.startsWith('on') || key === 'href') {
      throw new Error(`s(): '${key}' is not allowed`);
    } else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}
