// The filters the Incidents list and the Overview share: one set, kept while
// the analyst moves between views, so the Overview charts exactly what the
// list shows and a click on a chart opens the list on what that mark counted.

import { h } from './dom.js';
import { statusChoices, kindChoices, choiceOptions } from './labels.js';
import { t, formatCount } from './i18n.js';
import { remember } from './place.js';

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
  remember({ filters: filterQuery() });
}

/** The filters of a saved place, each checked, since the file may be older or edited. */
export function restoreFilters(saved) {
  const preset = {};
  for (const [k, empty] of Object.entries(EMPTY)) {
    const v = saved?.[k];
    if (empty === '' ? typeof v === 'string' : Number.isFinite(v)) preset[k] = v;
  }
  setFilters(preset);
}

/**
 * The filter bar, filled from the filters in force. `onChange(typed)` is
 * called after each change (typing is debounced by the caller), once the
 * filters are remembered as part of the analyst's place. Regulators are
 * chosen by id (`#12`): two may share a short name.
 */
export function filterBar(app, onChange) {
  const changed = (typed) => { remember({ filters: filterQuery() }); onChange(typed); };
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
    input('text', t('filters.search'), { placeholder: t('filters.search_placeholder') }),
    input('company', t('filters.company'), { list: 'company-names', placeholder: t('filters.any_company') }),
    select('regulator', t('filters.regulator'), t('filters.all_regulators'), regulators),
    input('country', t('filters.country'), { placeholder: t('filters.any_country'), class: 'country', title: t('filters.country_title') }),
    select('status', t('filters.status'), t('filters.all_statuses'), choiceOptions(statusChoices())),
    select('kind', t('filters.kind'), t('filters.any_event'), choiceOptions(kindChoices())),
    input('from', t('filters.from'), { placeholder: t('filters.date_placeholder'), class: 'date' }),
    input('to', t('filters.to'), { placeholder: t('filters.date_placeholder'), class: 'date' }),
    h('button', { type: 'button', id: 'clear-filters', text: t('filters.clear') }),
    sizeFilters(changed),
    companyList);
  return { form, companyList };
}

/** The size ranges a chart set, which the bar has no box for: shown, and removable. */
function sizeFilters(changed) {
  const range = (what, min, max, text, any) => (filters[min] === null && filters[max] === null ? null
    : h('span', { class: 'chip', id: `filter-${what}` },
      text({ from: formatCount(filters[min] ?? 0), to: filters[max] === null ? '…' : formatCount(filters[max]) }),
      h('button', { type: 'button', class: 'small', text: '✕', title: any, 'aria-label': any,
        on: { click: (ev) => { filters[min] = null; filters[max] = null; ev.target.closest('.chip').remove(); changed(false); } } })));
  return [
    range('records', 'records_min', 'records_max', (a) => t('filters.records_range', a), t('filters.any_records')),
    range('people', 'users_min', 'users_max', (a) => t('filters.people_range', a), t('filters.any_people')),
  ];
}
