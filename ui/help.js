// The keyboard help, opened with '?' or the top bar's "?" button: the keys of
// the view on screen (each view declares its own `shortcuts`) and those of the
// whole window, in a modal dialog that Esc or its close button closes.

import { h } from './dom.js';
import { t } from './i18n.js';

/** The keys of the whole window (app.js acts on them). */
export const GLOBAL_SHORTCUTS = [
  { keys: 'Alt+L', text: () => t('help.global.list') },
  { keys: 'Alt+O', text: () => t('help.global.overview') },
  { keys: 'Alt+N', text: () => t('help.global.new') },
  { keys: 'Alt+A', text: () => t('help.global.article') },
  { keys: 'Alt+I', text: () => t('help.global.import') },
  { keys: 'Alt+R', text: () => t('help.global.regulators') },
  { keys: '?', text: () => t('help.global.help') },
];

/** The dialog on screen and the element that had the focus before it, or null. */
let shown = null;

/** Closes the help, if open, and gives the focus back. */
export function closeHelp() {
  if (!shown) return;
  document.removeEventListener('keydown', shown.guard, true);
  shown.box.remove();
  shown.before?.focus?.();
  shown = null;
}

function keyTable(heading, list) {
  return h('section', {},
    h('h3', { text: heading }),
    h('table', { class: 'shortcuts' }, h('tbody', {}, list.map((k) => h('tr', {},
      h('th', { scope: 'row' }, h('kbd', { text: k.keys })),
      h('td', { text: k.text() }))))));
}

/** Opens the help with `viewKeys`, the shortcuts of the view on screen. */
export function showHelp(viewKeys = []) {
  closeHelp();
  const close = h('button', { type: 'button', id: 'help-close', text: t('help.close'), on: { click: closeHelp } });
  const box = h('div', { id: 'help', class: 'help', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'help-heading' },
    h('div', { class: 'help-box' },
      h('div', { class: 'help-head' }, h('h2', { id: 'help-heading', text: t('help.title') }), close),
      viewKeys.length ? keyTable(t('help.this_view'), viewKeys) : h('p', { class: 'muted', text: t('help.no_view_keys') }),
      keyTable(t('help.everywhere'), GLOBAL_SHORTCUTS)));
  // Keys stay with the dialog wherever the focus went (a click on its text
  // leaves it on <body>): caught first, the view's own keys (Esc, /) never
  // act behind it.
  const guard = (ev) => {
    ev.stopPropagation();
    if (ev.key === 'Escape') { ev.preventDefault(); closeHelp(); }
    if (ev.key === 'Tab') { ev.preventDefault(); close.focus(); }
  };
  document.addEventListener('keydown', guard, true);
  box.addEventListener('click', (ev) => { if (ev.target === box) closeHelp(); });
  shown = { box, guard, before: document.activeElement };
  document.body.append(box);
  close.focus();
}
