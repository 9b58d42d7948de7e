// Incident rows, for every table that lists incidents (the list, the Company
// and Regulator views, the import preview). A table picks its columns from
// incidentColumns(); each column knows its heading and how to draw its cell.

import { h } from './dom.js';
import { statusLabel } from './labels.js';
import { t, formatCount, formatDate } from './i18n.js';

/** A link inside a row: it acts alone, without opening the row. */
function rowLink(className, text, title, go) {
  return h('button', {
    type: 'button', class: `link ${className}`, text, title,
    on: { click: (ev) => { ev.stopPropagation(); go(); }, keydown: (ev) => ev.stopPropagation() },
  });
}

const numeric = (key, label) => ({ key, label, numeric: true, cell: (r) => h('td', { class: 'num', text: formatCount(r[key]) }) });

/**
 * The columns an incident table can show: { key, label, numeric, cell(row) }.
 * `key` is what the list sorts by; the links need `navigate`.
 */
export function incidentColumns(navigate) {
  return {
    company: { key: 'company', label: t('list.heading.company'), cell: (r) => h('td', { class: 'company', text: r.company }) },
    companyLink: { key: 'company', label: t('list.heading.company'), cell: (r) => h('td', { class: 'company' },
      rowLink('company-link', r.company, t('list.company_link_title', { company: r.company }), () => navigate.company(r.company))) },
    title: { key: 'title', label: t('list.heading.title'), cell: (r) => h('td', { class: 'title', text: r.title }) },
    regulators: { key: 'regulators', label: t('list.heading.regulators'), cell: (r) => h('td', { text: regulatorText(r) }) },
    // Each link opens its regulator by id: two regulators may share a label.
    regulatorLinks: { key: 'regulators', label: t('list.heading.regulators'), cell: (r) => h('td', { class: 'regulators' },
      r.regulators.length
        ? r.regulators.flatMap(({ id, label }, i) => [i ? ', ' : null,
          rowLink('regulator-link', label, t('list.regulator_link_title', { regulator: label }), () => navigate.regulator(`#${id}`))])
        : '—') },
    records: numeric('records_affected', t('list.heading.records')),
    people: numeric('users_affected', t('list.heading.people')),
    status: { key: 'status', label: t('list.heading.status'), cell: (r) => h('td', {},
      h('span', { class: `status status-${r.status}`, text: statusLabel(r.status) })) },
    latestEvent: { key: 'latest_event', label: t('list.heading.latest_event'), cell: (r) => h('td', { class: 'date', text: formatDate(r.latest_event) }) },
  };
}

/** The labels of a row's regulators, as one text ("FSS, PIPC"). */
export function regulatorText(row) {
  return row.regulators.map((r) => r.label).join(', ') || '—';
}

/** Column headings without sorting: numeric columns right-aligned. */
export function headRow(columns) {
  return h('tr', {}, columns.map((c) => h('th', { class: c.numeric ? 'num' : null, text: c.label })));
}

const enterOpens = (ev, tr, r, open) => { if (ev.key === 'Enter') open(r); };

/**
 * One incident as a table row with `columns`. With `open`, the row can be
 * focused and a click or Enter opens it; `keys(ev, tr, r, open)` replaces the
 * Enter-only keyboard handling. Without `open`, a plain row.
 */
export function incidentRow(r, columns, { open = null, keys = enterOpens } = {}) {
  const cells = columns.map((c) => c.cell(r));
  if (!open) return h('tr', {}, cells);
  const tr = h('tr', { tabindex: '0', dataset: { id: r.id }, on: {
    click: () => open(r),
    keydown: (ev) => keys(ev, tr, r, open),
  } }, cells);
  return tr;
}
