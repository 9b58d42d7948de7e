// The filters the Incidents list and the Overview share: one set, kept while
// the analyst moves between views, so the Overview charts exactly what the
// list shows and a click on a chart opens the list on what that mark counted.

import { h, formatCount } from './dom.js';
import { statusChoices, kindChoices, choiceOptions } from './labels.js';

const EMPTY = {
  company: '', company_id: null, regulator: '', status: '', kind: '', country: '', text: '', from: '', to: '',
  records_min: null, records_max: null, users_min: null, users_max: null,
};

/** The filters in force; `company_id` is set by a chart's company bar and dropped once the company is typed. */
export const filters = { ...EMPTY };

/** The filters as the Rust side reads them (empty ones left out). */
export function filterQuery() {
  const q = {};
  for (const [k, v] of Object.entries(filters)) if (v !== '' && v !== null) q[k] = v;
  return q;
}

/** Whether any filter is set. */
export const anyFilter = () => Object.keys(filterQuery()).length > 0;

/** Replaces every filter by `preset` (the others cleared). */
export function setFilters(preset = {}) {
  Object.assign(filters, EMPTY, preset);
}

/**
 * The filter bar, filled from the filters in force. `changed()` is called
 * after each change (typing is debounced by the caller). Regulators are
 * chosen by id (`#12`): two may share a short name.
 */
export function filterBar(app, changed) {
  const input = (name, label, attrs = {}) => h('label', { class: 'filter' },
    h('span', { text: label }),
    h('input', { id: `filter-${name}`, type: 'search', value: filters[name], autocomplete: 'off', ...attrs,
      on: { input: (ev) => { filters[name] = ev.target.value; if (name === 'company') filters.company_id = null; changed(true); } } }));
  const select = (name, label, first, options) => {
    const el = h('select', { id: `filter-${name}`, on: { change: () => { filters[name] = el.value; changed(false); } } },
      h('option', { value: '', text: first }), options);
    el.value = filters[name];
    return h('label', { class: 'filter' }, h('span', { text: label }), el);
  };
  const regulators = app.regulators.map((r) => h('option', {
    value: `#${r.id}`, text: `${r.short_name ?? r.name} — ${r.name} (${r.country})` }));
  const companyList = h('datalist', { id: 'company-names' });
  const form = h('form', { class: 'filters', role: 'search', on: { submit: (e) => e.preventDefault() } },
    input('text', 'Search', { placeholder: 'Words in title, summary, notes… ( / )' }),
    input('company', 'Company', { list: 'company-names', placeholder: 'Any company' }),
    select('regulator', 'Regulator', 'All regulators', regulators),
    input('country', 'Country', { placeholder: 'Any country', class: 'country', title: 'A code (KR) or a name (Korea, 한국, 韩国)' }),
    select('status', 'Status', 'All statuses', choiceOptions(statusChoices())),
    select('kind', 'With an event', 'Any event', choiceOptions(kindChoices())),
    input('from', 'Events from', { placeholder: 'YYYY-MM-DD', class: 'date' }),
    input('to', 'to', { placeholder: 'YYYY-MM-DD', class: 'date' }),
    h('button', { type: 'button', id: 'clear-filters', text: 'Clear' }),
    sizeFilters(changed),
    companyList);
  return { form, companyList };
}

/** The size ranges a chart set, which the bar has no box for: shown, and removable. */
function sizeFilters(changed) {
  const range = (what, min, max) => (filters[min] === null && filters[max] === null ? null
    : h('span', { class: 'chip', id: `filter-${what}` },
      `${what} ${formatCount(filters[min] ?? 0)}–${filters[max] === null ? '…' : formatCount(filters[max])}`,
      h('button', { type: 'button', class: 'small', text: '✕', title: `Any number of ${what}`, 'aria-label': `Any number of ${what}`,
        on: { click: (ev) => { filters[min] = null; filters[max] = null; ev.target.closest('.chip').remove(); changed(false); } } })));
  return [range('records', 'records_min', 'records_max'), range('people', 'users_min', 'users_max')];
}
