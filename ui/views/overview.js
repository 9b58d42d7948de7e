// The Overview: the questions an analyst is asked every week, as charts over
// the list's filters — incidents and fines per year, the regulators and
// countries that act most, how big breaches are, and how long it takes from a
// breach to its disclosure and from disclosure to a fine. Every bar that
// counts incidents opens the list on exactly those incidents.

import { call } from '../api.js';
import { h, replaceChildren, debounce } from '../dom.js';
import { showError } from '../errors.js';
import { filters, filterQuery, setFilters, filterBar } from '../filters.js';
import { barChart, COLOURS } from '../charts.js';
import { listen, teardownAll } from '../view.js';
import { t, formatCount, shortMoney, fullMoney, shortNumber } from '../i18n.js';

const TOP = 15;
const FEW = 5;

/** The currency most groups were fined in, for the money charts. */
function mainCurrency(o) {
  const seen = new Map();
  for (const r of [...o.by_year, ...o.by_regulator]) {
    for (const c of Object.keys(r.fines)) seen.set(c, (seen.get(c) ?? 0) + 1);
  }
  // On a tie, the currencies most trackers report in first.
  const rank = (c) => { const i = ['EUR', 'USD', 'GBP'].indexOf(c); return i < 0 ? 9 : i; };
  return [...seen.entries()].sort((a, b) => b[1] - a[1] || rank(a[0]) - rank(b[0]) || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
}

function currencies(o) {
  return [...new Set(o.by_year.flatMap((r) => Object.keys(r.fines)))].sort();
}

/** The list filtered to a chart's group, within the filters in force. */
const openList = (ov, extra) => () => ov.navigate.list({ ...filterQuery(), ...extra });

function countRow(ov, r, label, extra) {
  return { label, value: r.incidents, text: formatCount(r.incidents), open: extra ? openList(ov, extra) : null,
    cells: [label, String(r.incidents), String(r.records_affected), String(r.users_affected)] };
}

const COUNT_COLUMNS = (first) => [first, 'incidents', 'records_affected', 'users_affected'];

function yearCharts(ov, o, cur) {
  const years = o.by_year.map((r) => countRow(ov, r, r.key, { from: r.key, to: r.key }));
  const fines = o.by_year.filter((r) => r.fines[cur] !== undefined).map((r) => ({
    label: r.key, value: r.fines[cur], text: shortMoney(r.fines[cur], cur), full: fullMoney(r.fines[cur], cur),
    open: openList(ov, { from: r.key, to: r.key, kind: 'fined' }), cells: [r.key, cur, String(r.fines[cur])],
  }));
  return [
    barChart({ id: 'chart-years', title: t('overview.years.title'), file: 'incidents-per-year', unit: t('overview.years.unit'),
      columns: COUNT_COLUMNS('year'), rows: years }),
    barChart({ id: 'chart-fines-years', title: t('overview.fines_years.title', { currency: cur ?? t('overview.no_fines') }),
      file: 'fines-per-year', colour: COLOURS.orange,
      unit: t('overview.fines_years.unit', { currency: cur ?? '' }), columns: ['year', 'currency', 'fined'], rows: fines,
      note: t('overview.fines_years.note') }),
  ];
}

function regulatorCharts(ov, o, cur) {
  const top = o.by_regulator.slice(0, TOP).map((r) => countRow(ov, r, r.key, { regulator: `#${r.id}` }));
  const fined = o.by_regulator.filter((r) => r.fines[cur] !== undefined)
    .sort((a, b) => b.fines[cur] - a.fines[cur]).slice(0, TOP).map((r) => ({
      label: r.key, value: r.fines[cur], text: shortMoney(r.fines[cur], cur), full: fullMoney(r.fines[cur], cur),
      open: openList(ov, { regulator: `#${r.id}`, kind: 'fined' }), cells: [r.key, cur, String(r.fines[cur])],
    }));
  const note = o.by_regulator.length > TOP
    ? t('overview.regulators.note_top', { top: TOP, all: o.by_regulator.length }) : t('overview.regulators.note');
  return [
    barChart({ id: 'chart-regulators', title: t('overview.regulators.title'), file: 'regulators-by-incidents',
      unit: t('overview.regulators.unit'), columns: COUNT_COLUMNS('regulator'), rows: top, note }),
    barChart({ id: 'chart-regulator-fines', title: t('overview.regulator_fines.title', { currency: cur ?? t('overview.no_fines') }),
      file: 'regulators-by-fines', colour: COLOURS.orange, unit: t('overview.regulator_fines.unit', { currency: cur ?? '' }),
      columns: ['regulator', 'currency', 'fined'], rows: fined }),
  ];
}

function countryChart(ov, o) {
  const rows = o.by_country.slice(0, TOP).map((r) => countRow(ov, r, r.key ?? t('overview.no_country'), r.key ? { country: r.key } : null));
  return barChart({ id: 'chart-countries', title: t('overview.countries.title'), file: 'countries-by-incidents', colour: COLOURS.green,
    unit: t('overview.countries.unit'), columns: COUNT_COLUMNS('country'), rows });
}

/** "1k – 9,999" for the counts with four digits; the whole range for the hover. */
const sizeLabel = (b) => `${shortNumber(b.from)} – ${formatCount(b.to)}`;
const fullSizeLabel = (b) => `${formatCount(b.from)} – ${formatCount(b.to)}`;

function sizeCharts(ov, o) {
  const chart = (field, title, colour, min, max) => {
    const rows = o.sizes.filter((b) => b[field] > 0).map((b) => ({
      label: sizeLabel(b), fullLabel: fullSizeLabel(b), value: b[field], text: formatCount(b[field]),
      open: openList(ov, { [min]: b.from, [max]: b.to }),
      cells: [String(b.from), String(b.to), String(b[field])],
    }));
    return barChart({ id: `chart-${field}`, title, file: `${field}-sizes`, colour, unit: t('overview.sizes.unit'),
      columns: ['from', 'to', 'incidents'], rows });
  };
  return [
    chart('records', t('overview.records.title'), COLOURS.purple, 'records_min', 'records_max'),
    chart('people', t('overview.people.title'), COLOURS.sky, 'users_min', 'users_max'),
  ];
}

// The Rust side's duration ranges, by their first day (literal keys for the key check).
const DURATIONS = {
  0: () => t('overview.duration.under_1_month'),
  31: () => t('overview.duration.months_1_3'),
  92: () => t('overview.duration.months_3_6'),
  183: () => t('overview.duration.months_6_12'),
  366: () => t('overview.duration.years_1_2'),
  731: () => t('overview.duration.years_2_5'),
  1827: () => t('overview.duration.over_5_years'),
};

const durationLabel = (b) => (Object.hasOwn(DURATIONS, b.from_days) ? DURATIONS[b.from_days]() : b.label);

function durationCharts(o) {
  const chart = (field, title, basis, colour) => barChart({ id: `chart-${field.replaceAll('_', '-')}`, title, file: field.replaceAll('_', '-'), colour,
    unit: t('overview.durations.unit', { basis }),
    columns: ['range', 'from_days', 'to_days', 'incidents'],
    few: basis < FEW,
    rows: o.durations.map((b) => ({ label: durationLabel(b), value: b[field], text: formatCount(b[field]),
      cells: [b.label, String(b.from_days), b.to_days === null ? '' : String(b.to_days), String(b[field])] })) });
  return [
    chart('to_disclose', t('overview.to_disclose.title'), o.to_disclose_incidents, COLOURS.vermilion),
    chart('to_fine', t('overview.to_fine.title'), o.to_fine_incidents, COLOURS.blue),
  ];
}

function medianChart(ov, o) {
  const rows = o.by_regulator.filter((r) => r.median_days_to_fine !== null)
    .sort((a, b) => a.median_days_to_fine - b.median_days_to_fine).slice(0, TOP).map((r) => ({
      label: r.key, value: r.median_days_to_fine,
      text: t('overview.median.bar', { days: r.median_days_to_fine, incidents: String(r.days_to_fine_incidents) }),
      few: r.days_to_fine_incidents < FEW,
      open: openList(ov, { regulator: `#${r.id}`, kind: 'fined' }),
      cells: [r.key, String(r.median_days_to_fine), String(r.days_to_fine_incidents)],
    }));
  return barChart({ id: 'chart-median-fine', title: t('overview.median.title'), file: 'median-days-to-fine', colour: COLOURS.green,
    unit: t('overview.median.unit'),
    columns: ['regulator', 'median_days', 'incidents'], rows,
    note: t('overview.median.note') });
}

/** The charts for one answer of `overview`. */
function drawCharts(ov, o) {
  const cur = ov.currency && currencies(o).includes(ov.currency) ? ov.currency : mainCurrency(o);
  ov.currency = cur;
  replaceChildren(ov.currencyBox, currencies(o).length > 1 ? currencySelect(ov, o, cur) : null);
  ov.summary.textContent = t('overview.count', { count: o.incidents });
  replaceChildren(ov.grid, ...yearCharts(ov, o, cur), ...regulatorCharts(ov, o, cur), countryChart(ov, o),
    medianChart(ov, o), ...durationCharts(o), ...sizeCharts(ov, o));
}

function currencySelect(ov, o, cur) {
  const select = h('select', { id: 'overview-currency', 'aria-label': t('overview.currency_label'),
    on: { change: () => { ov.currency = select.value; drawCharts(ov, o); } } },
  currencies(o).map((c) => h('option', { value: c, text: c })));
  select.value = cur;
  return h('label', { class: 'filter' }, h('span', { text: t('overview.money_in') }), select);
}

async function load(ov) {
  const mine = ++ov.generation;
  ov.summary.textContent = t('overview.counting');
  try {
    const o = await call('overview', { query: filterQuery() });
    if (mine !== ov.generation) return;
    ov.errorBox.hidden = true;
    drawCharts(ov, o);
  } catch (e) {
    if (mine === ov.generation) showError(ov.errorBox, e);
  }
}

/** The Overview view (Alt+O); its teardown drops a pending reload. */
export async function showOverview(main, app, navigate) {
  const ov = { app, navigate, generation: 0, currency: null,
    summary: h('span', { id: 'overview-count', class: 'muted', role: 'status' }),
    currencyBox: h('span', { class: 'currency-box' }),
    errorBox: h('p', { class: 'error', role: 'alert', hidden: true }),
    grid: h('div', { class: 'chart-grid', id: 'chart-grid' }) };
  const reload = debounce(() => load(ov), 250);
  const bar = filterBar(app, (typed) => (typed ? reload() : load(ov)));
  bar.form.querySelector('#clear-filters').addEventListener('click', () => { setFilters(); navigate.overview(); });
  replaceChildren(main, h('section', { class: 'view overview-view' },
    h('div', { class: 'view-head' }, h('h2', { text: t('overview.heading') }), ov.summary, h('span', { class: 'spacer' }), ov.currencyBox),
    bar.form, ov.errorBox, ov.grid));
  const stopKeys = listen(document, 'keydown', (ev) => {
    const typing = ['INPUT', 'TEXTAREA', 'SELECT'].includes(document.activeElement?.tagName);
    if (ev.key === '/' && !typing) { ev.preventDefault(); document.getElementById('filter-text').focus(); }
  });
  if (filters.company) document.getElementById('filter-company').value = filters.company;
  await load(ov);
  return teardownAll(stopKeys, reload.cancel);
}

/** The Overview's keys, for the help (?). */
export const shortcuts = [
  { keys: '/', text: () => t('help.overview.search') },
  { keys: 'Tab', text: () => t('help.overview.bars') },
  { keys: 'Enter / Space', text: () => t('help.overview.bar') },
];
