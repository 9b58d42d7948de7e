// Incidents list: filters, sortable columns, paging. Rows open the editor with
// a click or with Enter; '/' jumps to the search box.

import { call } from '../api.js';
import { h, replaceChildren, notify, debounce } from '../dom.js';
import { showError, notifyError } from '../errors.js';
import { filters, filterQuery, anyFilter, setFilters, filterBar } from '../filters.js';
import { incidentColumns, incidentRow } from '../rows.js';
import { suggestCompanies } from '../companies.js';
import { listen, teardownAll } from '../view.js';
import { t, formatCount } from '../i18n.js';
import { remember } from '../place.js';
import { columnWidths } from '../columns.js';

const PAGE_SIZE = 100;

// Labels are functions: they follow the language in force when drawn.
const FORMATS = [
  { value: 'csv', label: () => t('export.format.csv'), ext: 'csv' },
  { value: 'events-csv', label: () => t('export.format.events_csv'), ext: 'csv' },
  { value: 'xlsx', label: () => t('export.format.xlsx'), ext: 'xlsx' },
];

/** The export panel: format, file (typed or chosen in the native dialog), go. */
function exportForm(query) {
  const format = h('select', { id: 'export-format', 'aria-label': t('export.format_label') },
    FORMATS.map((f) => h('option', { value: f.value, text: f.label() })));
  const path = h('input', { id: 'export-path', placeholder: t('export.path_placeholder'), 'aria-label': t('export.path_label'), size: '50' });
  const status = h('span', { id: 'export-status', class: 'muted', role: 'status' });
  const browse = async () => {
    const f = FORMATS.find((x) => x.value === format.value);
    try {
      const chosen = await call('plugin:dialog|save', { options: {
        title: t('export.dialog_title'), defaultPath: `incidents${f.value === 'events-csv' ? '-events' : ''}.${f.ext}`,
        filters: [{ name: f.label(), extensions: [f.ext] }],
      } });
      if (chosen) { path.value = chosen; await run(); }
    } catch (e) { showError(status, e, { field: false }); }
  };
  const run = async () => {
    if (!path.value.trim()) { await browse(); return; }
    status.textContent = t('export.running');
    try {
      const done = await call('export_incidents', { query: query(), format: format.value, path: path.value.trim() });
      const cut = done.cut_in_xlsx.length
        ? t('export.cut', { ids: done.cut_in_xlsx.map((id) => `#${id}`).join(', ') })
        : '';
      status.textContent = t('export.done', { incidents: done.incidents, events: done.events, path: done.path }) + cut;
      notify(status.textContent);
    } catch (e) {
      showError(status, e);
    }
  };
  path.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') { ev.preventDefault(); run(); } });
  const panel = h('div', { class: 'export-panel', id: 'export-panel', hidden: true },
    h('strong', { text: t('export.heading') }), format, path,
    h('button', { type: 'button', id: 'export-browse', text: t('export.save_as'), on: { click: browse } }),
    h('button', { type: 'button', class: 'primary', id: 'export-run', text: t('export.run'), on: { click: run } }),
    status);
  panel.addEventListener('keydown', (ev) => { if (ev.key === 'Escape') { panel.hidden = true; } });
  return panel;
}

// The list keeps its sort and page while the analyst goes to the editor and
// back; its filters live in filters.js, shared with the Overview.
const state = {
  sort: 'latest_event',
  descending: true,
  // Keyset paging: where each page shown so far started (null for the first).
  cursors: [null],
  next: null,
  counted: { key: null, total: null },
  // Column widths in pixels by column key; empty for automatic widths.
  widths: {},
};

const SORTABLE = ['company', 'title', 'regulators', 'records_affected', 'users_affected', 'status', 'latest_event'];

/** The sort and column widths of a saved place, each checked. */
export function restoreList({ sort = {}, columns = {} } = {}) {
  const known = SORTABLE.includes(sort.column);
  state.sort = known ? sort.column : 'latest_event';
  state.descending = known ? Boolean(sort.descending) : true;
  state.widths = {};
  for (const key of SORTABLE) if (Number.isFinite(columns[key]) && columns[key] > 0) state.widths[key] = columns[key];
  restart();
}

const rememberSort = () => remember({ sort: { column: state.sort, descending: state.descending } });

/** The filters and the sort as the Rust side reads them. */
function currentQuery() {
  return { ...filterQuery(), sort: state.sort, descending: state.descending };
}

const restart = () => { state.cursors = [null]; };

/** A row's own keys: Enter opens it, c its company, arrows move between rows. */
const rowKeys = (navigate) => (ev, tr, r) => {
  if (ev.target !== tr) return;
  if (ev.key === 'Enter') { ev.preventDefault(); navigate.editor(r.id); }
  if (ev.key === 'c') { ev.preventDefault(); navigate.company(r.company); }
  if (ev.key === 'ArrowDown') { ev.preventDefault(); tr.nextElementSibling?.focus(); }
  if (ev.key === 'ArrowUp') { ev.preventDefault(); (tr.previousElementSibling ?? document.getElementById('filter-text')).focus(); }
};

/** Everything the list view draws into and reads from. */
function listParts(app, navigate) {
  const cols = incidentColumns(navigate);
  const ls = {
    app, navigate, generation: 0,
    columns: [cols.companyLink, cols.title, cols.regulatorLinks, cols.records, cols.people, cols.status, cols.latestEvent],
    filters: null,
    headRow: h('tr'),
    body: h('tbody'),
    summary: h('span', { id: 'list-count', class: 'muted' }),
    prev: h('button', { type: 'button', id: 'page-prev', text: t('list.previous') }),
    next: h('button', { type: 'button', id: 'page-next', text: t('list.next') }),
    errorBox: h('p', { class: 'error', role: 'alert', hidden: true }),
    exportPanel: exportForm(() => currentQuery()),
  };
  ls.colgroup = h('colgroup');
  ls.table = h('table', { class: 'incidents', id: 'incident-table' }, ls.colgroup, h('thead', {}, ls.headRow), ls.body);
  ls.sizer = columnWidths(ls.table, ls.colgroup, ls.headRow, ls.columns.map((c) => c.key), state.widths,
    () => remember({ columns: { ...state.widths } }));
  ls.toggleExport = () => {
    ls.exportPanel.hidden = !ls.exportPanel.hidden;
    if (!ls.exportPanel.hidden) ls.exportPanel.querySelector('select').focus();
  };
  return ls;
}

function listSection(ls) {
  return h('section', { class: 'view list-view' },
    h('div', { class: 'view-head' }, h('h2', { text: t('list.heading') }),
      h('span', { class: 'spacer' }),
      h('button', { type: 'button', id: 'export-open', text: t('list.export'), title: t('list.export_title'), on: { click: () => ls.toggleExport() } }),
      h('button', { type: 'button', class: 'primary', id: 'new-incident', text: t('list.new'), on: { click: () => ls.navigate.editor(null) } })),
    ls.filters.form, ls.exportPanel, ls.errorBox, h('div', { class: 'table-wrap' }, ls.table),
    h('div', { class: 'pager' }, ls.summary, h('span', { class: 'spacer' }), ls.prev, ls.next));
}

/** The sortable column headings, each with its resize handle; the active one shows its direction. */
function drawHead(ls) {
  replaceChildren(ls.headRow, ls.columns.map((c) => {
    const active = state.sort === c.key;
    const arrow = active ? (state.descending ? ' ▼' : ' ▲') : '';
    return h('th', {
      scope: 'col', class: c.numeric ? 'num' : '',
      'aria-sort': active ? (state.descending ? 'descending' : 'ascending') : 'none',
    }, h('button', {
      type: 'button', class: 'sort', dataset: { sort: c.key }, text: c.label + arrow,
      on: { click: () => sortBy(ls, c.key) },
    }), ls.sizer.handle(c.key, c.label));
  }));
  ls.sizer.apply();
}

function sortBy(ls, key) {
  if (state.sort === key) state.descending = !state.descending;
  else {
    state.sort = key;
    // Counts and dates read best largest/latest first; names A→Z.
    state.descending = ['records_affected', 'users_affected', 'latest_event'].includes(key);
  }
  rememberSort();
  restart();
  drawHead(ls);
  load(ls);
}

function showRows(ls, rows) {
  if (rows.length === 0) {
    const none = !anyFilter() && state.cursors.length === 1 ? t('list.empty') : t('list.no_match');
    replaceChildren(ls.body, h('tr', {}, h('td', { colspan: ls.columns.length, class: 'empty', text: none })));
    return;
  }
  const keys = rowKeys(ls.navigate);
  replaceChildren(ls.body, rows.map((r) => incidentRow(r, ls.columns, { open: () => ls.navigate.editor(r.id), keys })));
}

/** "1–100 of 250 incidents"; the total follows the rows when not yet known. */
function showCount(ls, rows, mine) {
  const offset = (state.cursors.length - 1) * PAGE_SIZE;
  const shown = rows.length ? `${formatCount(offset + 1)}–${formatCount(offset + rows.length)}` : '0';
  const countKey = JSON.stringify([ls.app.info.db_path, currentQuery()]);
  const show = (total) => { ls.summary.textContent = t('list.count', { shown, total }); };
  if (state.counted.key === countKey) { show(state.counted.total); return; }
  ls.summary.textContent = t('list.count', { shown, total: '…' });
  // Counting every match takes longer than a page at a million rows: the
  // rows show first, the count follows.
  call('count_incidents', { query: currentQuery() }).then((total) => {
    state.counted = { key: countKey, total };
    if (mine === ls.generation) show(total);
  }).catch(() => {});
}

/** Loads the page the cursors point at; an answer overtaken by a newer request is dropped. */
async function load(ls) {
  const mine = ++ls.generation;
  const after = state.cursors[state.cursors.length - 1];
  const q = { ...currentQuery(), limit: PAGE_SIZE, after, skip_total: true };
  try {
    const page = await call('list_incidents', { query: q });
    if (mine !== ls.generation) return; // a newer request is on its way
    ls.errorBox.hidden = true;
    showRows(ls, page.rows);
    state.next = page.next;
    showCount(ls, page.rows, mine);
    ls.prev.disabled = state.cursors.length === 1;
    ls.next.disabled = !page.next;
    if (!document.body.dataset.firstRowsMs && page.rows.length) {
      // For measuring start-up: when the first rows were on screen.
      document.body.dataset.firstRowsMs = String(Math.round(performance.now()));
    }
  } catch (e) {
    if (mine !== ls.generation) return;
    showError(ls.errorBox, e);
  }
}

/** Typing in a filter reloads after a pause, choosing at once; Clear starts afresh. */
function wireFilters(ls) {
  const refilter = debounce(() => { restart(); load(ls); }, 200);
  ls.filters = filterBar(ls.app, (typed) => {
    if (typed) refilter();
    else { restart(); load(ls); }
  });
  ls.filters.form.querySelector('#clear-filters').addEventListener('click', () => {
    setFilters();
    restart();
    ls.navigate.list();
  });
  ls.prev.addEventListener('click', () => { if (state.cursors.length > 1) { state.cursors.pop(); load(ls); } });
  ls.next.addEventListener('click', () => { if (state.next) { state.cursors.push(state.next); load(ls); } });
  return refilter;
}

/** The list's keys anywhere in the window: '/' to search, Alt+X to export, ↓ into the rows. */
function listKeys(ev, ls) {
  const typing = ['INPUT', 'TEXTAREA', 'SELECT'].includes(document.activeElement?.tagName);
  if (ev.key === '/' && !typing) { ev.preventDefault(); document.getElementById('filter-text').focus(); }
  if (ev.altKey && (ev.key === 'x' || ev.key === 'X')) { ev.preventDefault(); ls.toggleExport(); }
  if (ev.key === 'ArrowDown' && document.activeElement?.id === 'filter-text') {
    ev.preventDefault(); ls.body.querySelector('tr[tabindex]')?.focus();
  }
}

/**
 * The Incidents list; `preset` (from a chart) replaces the filters. Its
 * teardown removes its window-wide keys and pending look-ups.
 */
export async function showList(main, app, navigate, preset = null) {
  if (preset) { setFilters(preset); restart(); }
  // The count may have changed while another view was shown (a save, an import).
  state.counted = { key: null, total: null };
  const ls = listParts(app, navigate);
  const refilter = wireFilters(ls);
  replaceChildren(main, listSection(ls));
  const stopKeys = listen(document, 'keydown', (ev) => listKeys(ev, ls));
  drawHead(ls);
  const suggest = suggestCompanies(document.getElementById('filter-company'), ls.filters.companyList,
    filters.company, (e) => notifyError(e, { field: false }));
  await load(ls);
  return teardownAll(stopKeys, suggest.cancel, refilter.cancel);
}

/** The list's keys, for the help (?). */
export const shortcuts = [
  { keys: '/', text: () => t('help.list.search') },
  { keys: '↓', text: () => t('help.list.into_rows') },
  { keys: '↑ ↓', text: () => t('help.list.rows') },
  { keys: 'Enter', text: () => t('help.list.open') },
  { keys: 'C', text: () => t('help.list.company') },
  { keys: 'Alt+X', text: () => t('help.list.export') },
  { keys: 'Esc', text: () => t('help.list.close_export') },
  { keys: '← →', text: () => t('help.list.resize') },
];
