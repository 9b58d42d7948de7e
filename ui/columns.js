// Resizable table columns: a handle on each heading's right edge, dragged with
// the pointer or moved with ← and → once focused; a double click gives the
// columns back their automatic widths. Widths go on the table's <col>s; the
// table switches to a fixed layout of exactly those widths once any is set.

import { h, replaceChildren } from './dom.js';
import { t } from './i18n.js';

const MIN = 48;
const STEP = 16;
const DEFAULT = 120;

/**
 * Sizes `table`'s columns `keys` from `widths` (key → px, changed in place).
 * `headRow` holds the headings whose current widths a first resize freezes;
 * `changed()` runs after each finished change. Returns { apply, handle(key, label) }.
 */
export function columnWidths(table, colgroup, headRow, keys, widths, changed) {
  const sized = () => keys.some((k) => widths[k] > 0);
  const apply = () => {
    const on = sized();
    replaceChildren(colgroup, keys.map((k) => {
      const col = h('col', { dataset: { key: k } });
      if (on) col.style.width = `${widths[k] || DEFAULT}px`;
      return col;
    }));
    table.classList.toggle('sized', on);
    table.style.width = on ? `${keys.reduce((sum, k) => sum + (widths[k] || DEFAULT), 0)}px` : '';
  };
  // The first resize keeps every other column as wide as it is on screen.
  // Columns without a width (a place saved before a column existed) get theirs too.
  const freeze = () => {
    [...headRow.children].forEach((th, i) => {
      if (!(widths[keys[i]] > 0)) widths[keys[i]] = Math.round(th.getBoundingClientRect().width);
    });
  };
  const set = (key, px) => { widths[key] = Math.max(MIN, Math.round(px)); apply(); };
  const reset = () => { for (const k of keys) delete widths[k]; apply(); changed(); };
  const handle = (key, label) => resizeHandle({ key, label, widths, freeze, set, reset, changed });
  return { apply, handle };
}

/** One handle: pointer drag, ←/→ by STEP pixels, double click to reset. */
function resizeHandle({ key, label, widths, freeze, set, reset, changed }) {
  const el = h('span', { class: 'col-resize', role: 'separator', 'aria-orientation': 'vertical', tabindex: '0',
    title: t('list.resize'), 'aria-label': t('list.resize_label', { column: label }) });
  let start = null;
  el.addEventListener('pointerdown', (ev) => {
    ev.preventDefault();
    freeze();
    start = { x: ev.clientX, width: widths[key] };
    el.setPointerCapture(ev.pointerId);
  });
  el.addEventListener('pointermove', (ev) => { if (start) set(key, start.width + ev.clientX - start.x); });
  const end = () => { if (start) { start = null; changed(); } };
  el.addEventListener('pointerup', end);
  el.addEventListener('pointercancel', end);
  el.addEventListener('click', (ev) => ev.stopPropagation());
  el.addEventListener('dblclick', (ev) => { ev.stopPropagation(); reset(); });
  el.addEventListener('keydown', (ev) => {
    const step = ev.key === 'ArrowRight' ? STEP : ev.key === 'ArrowLeft' ? -STEP : 0;
    if (!step) return;
    ev.preventDefault();
    ev.stopPropagation();
    freeze();
    set(key, widths[key] + step);
    changed();
  });
  return el;
}
