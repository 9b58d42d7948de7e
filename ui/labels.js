// Labels for the stored keywords (statuses, event kinds) come from the Rust
// side once, in app_info; start-up fills this module with them and every view
// and the timeline ask here instead of keeping a copy of their own.

import { h } from './dom.js';

const choices = { status: [], kind: [] };
const byValue = { status: new Map(), kind: new Map() };

/** Keeps the labels of `info` (the answer of `app_info`). */
export function setLabels(info) {
  choices.status = info.statuses;
  choices.kind = info.event_kinds;
  byValue.status = new Map(info.statuses.map((c) => [c.value, c.label]));
  byValue.kind = new Map(info.event_kinds.map((c) => [c.value, c.label]));
}

/** "sanctioned" → "Sanctioned"; a keyword without a label stays as it is. */
export const statusLabel = (value) => byValue.status.get(value) ?? value;

/** "findings_published" → "Findings published"; a keyword without a label stays as it is. */
export const kindLabel = (value) => byValue.kind.get(value) ?? value;

/** Every status as [{ value, label }], in the Rust side's order. */
export const statusChoices = () => choices.status;

/** Every event kind as [{ value, label }], in the Rust side's order. */
export const kindChoices = () => choices.kind;

/** One <option> per choice. */
export const choiceOptions = (list) => list.map((c) => h('option', { value: c.value, text: c.label }));
