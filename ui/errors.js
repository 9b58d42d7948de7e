// Showing an error from the Rust side, { kind, field, message }: the one place
// that turns it into text and puts that text on screen.

import { h, notify } from './dom.js';

/**
 * "field: message", or the message alone where the error names no field.
 * With `{ field: false }` the message alone in every case.
 */
export function errorText(err, { field = true } = {}) {
  const message = err !== null && typeof err === 'object' && 'message' in err ? err.message : String(err);
  return field && err?.field ? `${err.field}: ${message}` : message;
}

/**
 * Writes `err` into `box` and shows the box. `className` replaces the box's
 * classes (a status line that turns into an error); `field` as in errorText.
 */
export function showError(box, err, { className = null, ...options } = {}) {
  box.textContent = errorText(err, options);
  if (className !== null) box.className = className;
  box.hidden = false;
}

/** A new alert paragraph holding `err`; `attrs` adds attributes such as an id. */
export function errorParagraph(err, attrs = {}, options = {}) {
  return h('p', { class: 'error', role: 'alert', ...attrs, text: errorText(err, options) });
}

/** Shows `err` in the notice at the bottom of the window. */
export function notifyError(err, options = {}) {
  notify(errorText(err, options), 'error');
}
