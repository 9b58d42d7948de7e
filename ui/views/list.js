// Incidents list: filters, sortable columns, paging. Rows open the editor with
// a click or with Enter; '/' jumps to the search box.

import { call } from '../api.js';
import { h, replaceChildren, formatCount, notify, debounce } from '../dom.js';
import { showError, notifyError } from '../errors.js';
import { filters, filterQuery, anyFilter, setFilters, filterBar } from '../filters.js';
import { incidentColumns, incidentRow } from '../rows.js';
import { suggestCompanies } from '../companies.js';
import { listen, teardownAll } from '../view.js';

const PAGE_SIZE = 100;

const FORMATS = [
  { value: 'csv', label: 'Incidents CSV (one row per incident)', ext: 'csv' },
  { value: 'events-csv', label: 'Events CSV (complete, re-importable)', ext: 'csv' },
  { value: 'xlsx', label: 'Excel workbook (.xlsx)', ext: 'xlsx' },
];

/** The export panel: format, file (typed or chosen in the native dialog), go. */
function exportForm(query) {
  const format = h('select', { id: 'export-format', 'aria-label': 'Export format' },
    FORMATS.map((f) => h('option', { value: f.value, text: f.label })));
  const path = h('input', { id: 'export-path', placeholder: '/path/to/incidents.csv', 'aria-label': 'File to write', size: '50' });
  const status = h('span', { id: 'export-status', class: 'muted', role: 'status' });
  const browse = async () => {
    const f = FORMATS.find((x) => x.value === format.value);
    try {
      const chosen = await call('plugin:dialog|save', { options: {
        title: 'Export incidents', defaultPath: `incidents${f.value === 'events-csv' ? '-events' : ''}.${f.ext}`,
        filters: [{ name: f.label, extensions: [f.ext] }],
      } });
      if (chosen) { path.value = chosen; await run(); }
    } catch (e) { showError(status, e, { field: false }); }
  };
  const run = async () => {
    if (!path.value.trim()) { await browse(); return; }
    status.textContent = 'Exporting…';
    try {
      const done = await call('export_incidents', { query: query(), format: format.value, path: path.value.trim() });
      const cut = done.cut_in_xlsx.length
        ? ` — text too long for an Excel cell was cut, marked "[cut: …]", in incidents ${done.cut_in_xlsx.map((id) => `#${id}`).join(', ')}; the CSV exports keep it whole`
        : '';
      status.textContent = `Exported ${formatCount(done.incidents)} incidents (${formatCount(done.events)} events) to ${done.path}${cut}`;
      notify(status.textContent);
    } catch (e) {
      showError(status, e);
    }
  };
  path.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') { ev.preventDefault(); run(); } });
  const panel = h('div', { class: 'export-panel', id: 'export-panel', hidden: true },
    h('strong', { text: 'Export what the list shows' }), format, path,
    h('button', { type: 'button', id: 'export-browse', text: 'Save as…', on: { click: browse } }),
    h('button', { type: 'button', class: 'primary', id: 'export-run', text: 'Export', on: { click: run } }),
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
};

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
    prev: h('button', { type: 'button', id: 'page-prev', text: '‹ Previous' }),
    next: h('button', { type: 'button', id: 'page-next', text: 'Next ›' }),
    errorBox: h('p', { class: 'error', role: 'alert', hidden: true }),
    exportPanel: exportForm(() => currentQuery()),
  };
  ls.table = h('table', { class: 'incidents', id: 'incident-table' }, h('thead', {}, ls.headRow), ls.body);
  ls.toggleExport = () => {
    ls.exportPanel.hidden = !ls.exportPanel.hidden;
    if (!ls.exportPanel.hidden) ls.exportPanel.querySelector('select').focus();
  };
  return ls;
}

function listSection(ls) {
  return h('section', { class: 'view list-view' },
    h('div', { class: 'view-head' }, h('h2', { text: 'Incidents' }),
      h('span', { class: 'spacer' }),
      h('button', { type: 'button', id: 'export-open', text: 'Export…', title: 'Export what the list shows (Alt+X)', on: { click: () => ls.toggleExport() } }),
      h('button', { type: 'button', class: 'primary', id: 'new-incident', text: 'New incident', on: { click: () => ls.navigate.editor(null) } })),
    ls.filters.form, ls.exportPanel, ls.errorBox, h('div', { class: 'table-wrap' }, ls.table),
    h('div', { class: 'pager' }, ls.summary, h('span', { class: 'spacer' }), ls.prev, ls.next));
}

/** The sortable column headings; the active one shows its direction. */
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
    }));
  }));
}

function sortBy(ls, key) {
  if (state.sort === key) state.descending = !state.descending;
  else {
    state.sort = key;
    // Counts and dates read best largest/latest first; names A→Z.
    state.descending = ['records_affected', 'users_affected', 'latest_event'].includes(key);
  }
  restart();
  drawHead(ls);
  load(ls);
}

function showRows(ls, rows) {
  if (rows.length === 0) {
    replaceChildren(ls.body, h('tr', {}, h('td', { colspan: ls.columns.length, class: 'empty', text: !anyFilter() && state.cursors.length === 1 ? 'No incidents yet. Create one with “New incident”.' : 'No incident matches these filters.' })));
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
  const show = (total) => { ls.summary.textContent = `${shown} of ${formatCount(total)} incidents`; };
  if (state.counted.key === countKey) { show(state.counted.total); return; }
  ls.summary.textContent = `${shown} of … incidents`;
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
