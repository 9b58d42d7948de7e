// The one home of language: the messages of the chosen language (English kept
// beside them as the fallback), t() to fill a template, the markup labelled
// with data-i18n* attributes, and the figures and dates of format.js bound to
// the language in force.

import { call } from './api.js';
import * as format from './format.js';

/** The languages offered, each named in its own language. */
export const LANGUAGES = [
  { code: 'en', name: 'English', html: 'en' },
  { code: 'ko', name: '한국어', html: 'ko' },
  { code: 'zh', name: '简体中文', html: 'zh-CN' },
];

let code = 'en';
let english = {};
let messages = {};

/** The language in force: 'en', 'ko' or 'zh'. */
export const language = () => code;

/**
 * Loads the messages of `wanted` (and English, once) from the Rust side, makes
 * it the language in force and labels the static markup. An unknown code is
 * English; a language that fails to load leaves English in force.
 */
export async function useLanguage(wanted) {
  const chosen = LANGUAGES.find((l) => l.code === wanted) ?? LANGUAGES[0];
  if (!Object.keys(english).length) english = await call('messages', { language: 'en' });
  try {
    messages = chosen.code === 'en' ? english : await call('messages', { language: chosen.code });
    code = chosen.code;
  } catch (e) {
    messages = english;
    code = 'en';
    console.error('messages could not be loaded', e);
  }
  document.documentElement.lang = (LANGUAGES.find((l) => l.code === code) ?? LANGUAGES[0]).html;
  relabel(document);
}

/** Whether the language in force has its own text for `key` (no fallback). */
export const has = (key) => typeof messages[key] === 'string';

const argText = (value) => (typeof value === 'number' ? format.formatNumber(value, code) : String(value ?? ''));

/**
 * The template of `key` in the language in force (else English, else the key
 * itself), with each `{name}` replaced by `args.name`; numbers are grouped.
 */
export function t(key, args = {}) {
  const template = messages[key] ?? english[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in args ? argText(args[name]) : whole));
}

// Markup attribute → what it labels.
const MARKS = [
  ['data-i18n', (el, text) => { el.textContent = text; }],
  ['data-i18n-title', (el, text) => { el.title = text; }],
  ['data-i18n-aria-label', (el, text) => el.setAttribute('aria-label', text)],
  ['data-i18n-placeholder', (el, text) => { el.placeholder = text; }],
];

/** Labels every element under `root` that names a key in a data-i18n* attribute. */
export function relabel(root) {
  for (const [attr, put] of MARKS) {
    for (const el of root.querySelectorAll(`[${attr}]`)) put(el, t(el.getAttribute(attr)));
  }
}

/** 54200000000 → "54,200,000,000"; null → "—". */
export const formatCount = (n) => format.formatNumber(n, code);
/** A figure for a chart label: "5.97bn", "59억 6,800만", "59.68亿". */
export const shortNumber = (n) => format.shortNumber(n, code);
/** "€1.2bn", "12억 유로", "12亿欧元". */
export const shortMoney = (amount, currency) => format.shortMoney(amount, currency, code);
/** "KRW 5,968,000,000", the figure a short one stands for. */
export const fullMoney = (amount, currency) => format.fullMoney(amount, currency, code);
/** A stored date ("2024", "2024-03", "2024-03-01") at its own precision. */
export const formatDate = (iso) => format.formatDate(iso, code);
/** A moment, such as when an incident was last saved. */
export const formatTimestamp = (stamp) => format.formatTimestamp(stamp, code);
