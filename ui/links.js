// Source addresses open in the system browser through Tauri's opener. Only
// http and https go there: the button stays disabled for anything else, and
// the capability refuses every other scheme on the Rust side as well.

import { call } from './api.js';
import { h } from './dom.js';
import { notifyError } from './errors.js';

/** Whether `text` is an http or https address. */
export function isWebAddress(text) {
  try {
    const url = new URL(String(text).trim());
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Opens `url` in the system browser; anything but http(s) is refused here first. */
export async function openWebAddress(url) {
  if (!isWebAddress(url)) {
    throw { kind: 'validation', field: 'url', message: 'only http and https addresses open in the browser' };
  }
  try {
    await call('plugin:opener|open_url', { url: url.trim() });
  } catch (e) {
    // The scope refuses with its own words; a launcher failing (no browser) says less.
    throw { kind: 'io', field: null, message: `No browser could open ${url.trim()}: ${e.message}` };
  }
}

/** A small "open" button for the address typed in `input`, enabled only for http(s). */
export function openButton(input, label) {
  const button = h('button', { type: 'button', class: 'small open-url', text: '↗', title: 'Open in the browser',
    'aria-label': `Open ${label} in the browser`,
    on: { click: () => openWebAddress(input.value).catch((e) => notifyError(e, { field: false })) } });
  const update = () => { button.disabled = !isWebAddress(input.value); };
  input.addEventListener('input', update);
  update();
  return button;
}
