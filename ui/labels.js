// Labels for the stored keywords (statuses, event kinds): the messages of the
// language in force (status.*, kind.*), else the English label the Rust side
// gives once in app_info. Every view and the timeline ask here instead of
// keeping a copy of their own.

import { h } from './dom.js';
import { t, has } from './i18n.js';

const choices = { status: [], kind: [] };
const byValue = { status: new Map(), kind: new Map() };

/** Keeps the keywords and labels of `info` (the answer of `app_info`). */
export function setLabels(info) {
  choices.status = info.statuses;
  choices.kind = info.event_kinds;
  byValue.status = new Map(info.statuses.map((c) => [c.value, c.label]));
  byValue.kind = new Map(info.event_kinds.map((c) => [c.value, c.label]));
}

/** "sanctioned" → "Sanctioned" / "제재"; a keyword without a label stays as it is. */
export function statusLabel(value) {
  return has(`status.${value}`) ? t(`status.${value}`) : byValue.status.get(value) ?? value;
}

/** "findings_published" → "Findings published" / "조사 결과 발표"; a keyword without a label stays as it is. */
export function kindLabel(value) {
  return has(`kind.${value}`) ? t(`kind.${value}`) : byValue.kind.get(value) ?? value;
}

/** Every status as [{ value, label }], in the Rust side's order. */
export const statusChoices = () => choices.status.map((c) => ({ value: c.value, label: statusLabel(c.value) }));

/** Every event kind as [{ value, label }], in the Rust side's order. */
export const kindChoices = () => choices.kind.map((c) => ({ value: c.value, label: kindLabel(c.value) }));

/** One <option> per choice. */
export const choiceOptions = (list) => list.map((c) => h('option', { value: c.value, text: c.label }));
