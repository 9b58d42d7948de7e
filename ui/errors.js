// Showing an error from the Rust side, { kind, field, message, key, args }: the
// one place that turns it into text and puts that text on screen. The text is
// the message of `key` in the language in force, else the Rust side's own.

import { h, notify } from './dom.js';
import { t, has, language } from './i18n.js';

// A field's last step → its name on screen (literal keys, so that the key check finds them).
const FIELD_NAMES = {
  company: () => t('field.company'),
  title: () => t('field.title'),
  summary: () => t('field.summary'),
  counterparty: () => t('field.counterparty'),
  country: () => t('field.country'),
  status: () => t('field.status'),
  records_affected: () => t('field.records_affected'),
  users_affected: () => t('field.users_affected'),
  events: () => t('field.events'),
  sources: () => t('field.sources'),
  regulators: () => t('field.regulators'),
  kind: () => t('field.kind'),
  date: () => t('field.date'),
  regulator: () => t('field.regulator'),
  amount: () => t('field.amount'),
  currency: () => t('field.currency'),
  note: () => t('field.note'),
  source: () => t('field.source'),
  url: () => t('field.url'),
  from: () => t('filters.from'),
  to: () => t('filters.to'),
  publisher: () => t('field.publisher'),
  published: () => t('field.published'),
  language: () => t('field.language'),
  text: () => t('field.text'),
  name: () => t('field.name'),
  short_name: () => t('field.short_name'),
  level: () => t('field.level'),
  website: () => t('field.website'),
  aliases: () => t('field.aliases'),
  alias: () => t('field.alias'),
  path: () => t('field.path'),
  file: () => t('field.file'),
};

/**
 * The name of a field's last step ("records_affected" → "유출 건수"), or null
 * where there is none, and in English, whose texts keep the Rust side's names.
 */
export function fieldName(leaf) {
  if (language() === 'en' || !Object.hasOwn(FIELD_NAMES, leaf)) return null;
  return FIELD_NAMES[leaf]();
}

/** A field's label in every language, English included ("records_affected" → "Records affected"). */
export function fieldLabel(leaf) {
  return Object.hasOwn(FIELD_NAMES, leaf) ? FIELD_NAMES[leaf]() : leaf;
}

/** "events[2].date" → "events[2].날짜": the path kept, its last step named. */
export function fieldText(path) {
  const m = /^(.*?)([a-z_]+)$/.exec(String(path));
  const name = m && fieldName(m[2]);
  return name ? `${m[1]}${name}` : String(path);
}

/** The message alone, in the language in force where it has the error's key. */
export function messageText(err) {
  if (err === null || typeof err !== 'object' || !('message' in err)) return String(err);
  return err.key && has(err.key) ? t(err.key, err.args ?? {}) : err.message;
}

/**
 * "field: message", or the message alone where the error names no field.
 * With `{ field: false }` the message alone in every case.
 */
export function errorText(err, { field = true } = {}) {
  const message = messageText(err);
  return field && err?.field ? `${fieldText(err.field)}: ${message}` : message;
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
