// Source addresses open in the system browser through Tauri's opener. Only
// http and https go there: the button stays disabled for anything else, and
// the capability refuses every other scheme on the Rust side as well.

import { call } from './api.js';
import { h } from './dom.js';
import { notifyError, messageText } from './errors.js';
import { t } from './i18n.js';

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
    throw { kind: 'validation', field: 'url', message: t('links.only_web') };
  }
  try {
    await call('plugin:opener|open_url', { url: url.trim() });
  } catch (e) {
    // The scope refuses with its own words; a launcher failing (no browser) says less.
    throw { kind: 'io', field: null, message: t('links.no_browser', { url: url.trim(), reason: messageText(e) }) };
  }
}

/** A small "open" button for the address typed in `input`, enabled only for http(s). */
export function openButton(input, label) {
  const button = h('button', { type: 'button', class: 'small open-url', text: '↗', title: t('links.open_title'),
    'aria-label': t('links.open_label', { label }),
    on: { click: () => openWebAddress(input.value).catch((e) => notifyError(e, { field: false })) } });
  const update = () => { button.disabled = !isWebAddress(input.value); };
  input.addEventListener('input', update);
  update();
  return button;
}
