// Incidents list: filters, sortable columns, paging. Rows open the editor with
// a click or with Enter; '/' jumps to the search box.

import { call } from '../api.js';
import { h, replaceChildren, formatCount, notify, debounce } from '../dom.js';

const PAGE_SIZE = 100;
const FILTERS = ['company', 'regulator', 'status', 'text', 'from', 'to'];

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
    } catch (e) { status.textContent = e.message; }
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
      status.textContent = e.field ? `${e.field}: ${e.message}` : e.message;
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

const COLUMNS = [
  { key: 'company', label: 'Company' },
  { key: 'title', label: 'Title' },
  { key: 'regulators', label: 'Regulators' },
  { key: 'records_affected', label: 'Records', numeric: true },
  { key: 'users_affected', label: 'People', numeric: true },
  { key: 'status', label: 'Status' },
  { key: 'latest_event', label: 'Latest event' },
];

// The list keeps its filters while the analyst goes to the editor and back.
const state = {
  query: { company: '', regulator: '', status: '', text: '', from: '', to: '', sort: 'latest_event', descending: true },
  // Keyset paging: where each page shown so far started (null for the first).
  cursors: [null],
  next: null,
  counted: { key: null, total: null },
};

export async function showList(main, app, navigate) {
  const statusLabel = Object.fromEntries(app.info.statuses.map((s) => [s.value, s.label]));
  const input = (name, label, attrs = {}) => h('label', { class: 'filter' },
    h('span', { text: label }),
    h('input', { id: `filter-${name}`, type: 'search', value: state.query[name], autocomplete: 'off', ...attrs }));

  const companyList = h('datalist', { id: 'company-names' });
  const regulatorSelect = h('select', { id: 'filter-regulator' },
    h('option', { value: '', text: 'All regulators' }),
    app.regulators.map((r) => h('option', { value: r.short_name ?? r.name, text: `${r.short_name ?? r.name} — ${r.name} (${r.country})` })));
  regulatorSelect.value = state.query.regulator;
  const statusSelect = h('select', { id: 'filter-status' },
    h('option', { value: '', text: 'All statuses' }),
    app.info.statuses.map((s) => h('option', { value: s.value, text: s.label })));
  statusSelect.value = state.query.status;

  const filters = h('form', { class: 'filters', role: 'search', on: { submit: (e) => e.preventDefault() } },
    input('text', 'Search', { placeholder: 'Words in title, summary, notes… ( / )' }),
    input('company', 'Company', { list: 'company-names', placeholder: 'Any company' }),
    h('label', { class: 'filter' }, h('span', { text: 'Regulator' }), regulatorSelect),
    h('label', { class: 'filter' }, h('span', { text: 'Status' }), statusSelect),
    input('from', 'Events from', { placeholder: 'YYYY[-MM[-DD]]', class: 'date' }),
    input('to', 'to', { placeholder: 'YYYY[-MM[-DD]]', class: 'date' }),
    h('button', { type: 'button', id: 'clear-filters', text: 'Clear' }),
    companyList);

  const headRow = h('tr');
  const body = h('tbody');
  const table = h('table', { class: 'incidents', id: 'incident-table' }, h('thead', {}, headRow), body);
  const summary = h('span', { id: 'list-count', class: 'muted' });
  const prev = h('button', { type: 'button', id: 'page-prev', text: '‹ Previous' });
  const next = h('button', { type: 'button', id: 'page-next', text: 'Next ›' });
  const errorBox = h('p', { class: 'error', role: 'alert', hidden: true });
  const exportPanel = exportForm(() => currentQuery());
  const toggleExport = () => {
    exportPanel.hidden = !exportPanel.hidden;
    if (!exportPanel.hidden) exportPanel.querySelector('select').focus();
  };

  replaceChildren(main,
    h('section', { class: 'view list-view' },
      h('div', { class: 'view-head' }, h('h2', { text: 'Incidents' }),
        h('span', { class: 'spacer' }),
        h('button', { type: 'button', id: 'export-open', text: 'Export…', title: 'Export what the list shows (Alt+X)', on: { click: () => toggleExport() } }),
        h('button', { type: 'button', class: 'primary', id: 'new-incident', text: 'New incident', on: { click: () => navigate.editor(null) } })),
      filters, exportPanel, errorBox, h('div', { class: 'table-wrap' }, table),
      h('div', { class: 'pager' }, summary, h('span', { class: 'spacer' }), prev, next)));

  function drawHead() {
    replaceChildren(headRow, COLUMNS.map((c) => {
      const active = state.query.sort === c.key;
      const arrow = active ? (state.query.descending ? ' ▼' : ' ▲') : '';
      return h('th', {
        scope: 'col', class: c.numeric ? 'num' : '',
        'aria-sort': active ? (state.query.descending ? 'descending' : 'ascending') : 'none',
      }, h('button', {
        type: 'button', class: 'sort', dataset: { sort: c.key }, text: c.label + arrow,
        on: { click: () => sortBy(c.key) },
      }));
    }));
  }

  function sortBy(key) {
    if (state.query.sort === key) state.query.descending = !state.query.descending;
    else {
      state.query.sort = key;
      // Counts and dates read best largest/latest first; names A→Z.
      state.query.descending = ['records_affected', 'users_affected', 'latest_event'].includes(key);
    }
    restart();
    drawHead();
    load();
  }

  function row(r) {
    const tr = h('tr', { tabindex: '0', dataset: { id: r.id }, on: {
      click: () => navigate.editor(r.id),
      keydown: (ev) => {
        if (ev.target !== tr) return;
        if (ev.key === 'Enter') { ev.preventDefault(); navigate.editor(r.id); }
        if (ev.key === 'c') { ev.preventDefault(); navigate.company(r.company); }
        if (ev.key === 'ArrowDown') { ev.preventDefault(); tr.nextElementSibling?.focus(); }
        if (ev.key === 'ArrowUp') { ev.preventDefault(); (tr.previousElementSibling ?? document.getElementById('filter-text')).focus(); }
      },
    } },
    h('td', { class: 'company' }, h('button', {
      type: 'button', class: 'link company-link', text: r.company, title: `Timeline of ${r.company}`,
      on: { click: (ev) => { ev.stopPropagation(); navigate.company(r.company); }, keydown: (ev) => ev.stopPropagation() },
    })),
    h('td', { class: 'title', text: r.title }),
    h('td', { class: 'regulators' }, r.regulators ? r.regulators.split(', ').map((name) => h('button', {
      type: 'button', class: 'link regulator-link', text: name, title: `Actions of ${name}`,
      on: { click: (ev) => { ev.stopPropagation(); navigate.regulator(name); }, keydown: (ev) => ev.stopPropagation() },
    })) : '—'),
    h('td', { class: 'num', text: formatCount(r.records_affected) }),
    h('td', { class: 'num', text: formatCount(r.users_affected) }),
    h('td', {}, h('span', { class: `status status-${r.status}`, text: statusLabel[r.status] ?? r.status })),
    h('td', { class: 'date', text: r.latest_event ?? '—' }));
    return tr;
  }

  /** The filters as the Rust side reads them (empty ones left out). */
  function currentQuery() {
    const q = { ...state.query };
    for (const k of FILTERS) if (!q[k]) delete q[k];
    return q;
  }

  let generation = 0;
  const restart = () => { state.cursors = [null]; };
  async function load() {
    const mine = ++generation;
    const after = state.cursors[state.cursors.length - 1];
    const q = { ...currentQuery(), limit: PAGE_SIZE, after, skip_total: true };
    try {
      const page = await call('list_incidents', { query: q });
      if (mine !== generation) return; // a newer request is on its way
      errorBox.hidden = true;
      if (page.rows.length === 0) {
        replaceChildren(body, h('tr', {}, h('td', { colspan: COLUMNS.length, class: 'empty', text: !anyFilter() && state.cursors.length === 1 ? 'No incidents yet. Create one with “New incident”.' : 'No incident matches these filters.' })));
      } else {
        replaceChildren(body, page.rows.map(row));
      }
      state.next = page.next;
      const offset = (state.cursors.length - 1) * PAGE_SIZE;
      const shown = page.rows.length ? `${formatCount(offset + 1)}–${formatCount(offset + page.rows.length)}` : '0';
      const countKey = JSON.stringify([app.info.db_path, currentQuery()]);
      const showCount = (total) => { summary.textContent = `${shown} of ${formatCount(total)} incidents`; };
      if (state.counted.key === countKey) showCount(state.counted.total);
      else {
        summary.textContent = `${shown} of … incidents`;
        // Counting every match takes longer than a page at a million rows: the
        // rows show first, the count follows.
        call('count_incidents', { query: currentQuery() }).then((total) => {
          state.counted = { key: countKey, total };
          if (mine === generation) showCount(total);
        }).catch(() => {});
      }
      prev.disabled = state.cursors.length === 1;
      next.disabled = !page.next;
      if (!document.body.dataset.firstRowsMs && page.rows.length) {
        // For measuring start-up: when the first rows were on screen.
        document.body.dataset.firstRowsMs = String(Math.round(performance.now()));
      }
    } catch (e) {
      if (mine !== generation) return;
      errorBox.textContent = e.field ? `${e.field}: ${e.message}` : e.message;
      errorBox.hidden = false;
    }
  }

  const anyFilter = () => FILTERS.some((k) => state.query[k]);
  const refilter = debounce(() => { restart(); load(); }, 200);
  for (const name of ['text', 'company', 'from', 'to']) {
    document.getElementById(`filter-${name}`).addEventListener('input', (ev) => {
      state.query[name] = ev.target.value;
      refilter();
    });
  }
  for (const [name, el] of [['regulator', regulatorSelect], ['status', statusSelect]]) {
    el.addEventListener('change', () => { state.query[name] = el.value; restart(); load(); });
  }
  document.getElementById('clear-filters').addEventListener('click', () => {
    Object.assign(state.query, { company: '', regulator: '', status: '', text: '', from: '', to: '' });
    restart();
    showList(main, app, navigate);
  });
  prev.addEventListener('click', () => { if (state.cursors.length > 1) { state.cursors.pop(); load(); } });
  next.addEventListener('click', () => { if (state.next) { state.cursors.push(state.next); load(); } });

  const slash = (ev) => {
    if (!document.body.contains(table)) { document.removeEventListener('keydown', slash); return; }
    const typing = ['INPUT', 'TEXTAREA', 'SELECT'].includes(document.activeElement?.tagName);
    if (ev.key === '/' && !typing) { ev.preventDefault(); document.getElementById('filter-text').focus(); }
    if (ev.altKey && (ev.key === 'x' || ev.key === 'X')) { ev.preventDefault(); toggleExport(); }
    if (ev.key === 'ArrowDown' && document.activeElement?.id === 'filter-text') {
      ev.preventDefault(); body.querySelector('tr[tabindex]')?.focus();
    }
  };
  document.addEventListener('keydown', slash);

  drawHead();
// Suggestions for what is being typed, fifty at most: a large database has
  // far more companies than a list can hold.
  const suggest = debounce((prefix) => call('company_names', { prefix })
    .then((names) => replaceChildren(companyList, names.map((n) => h('option', { value: n }))))
    .catch((e) => notify(e.message, 'error')), 150);
  document.getElementById('filter-company').addEventListener('input', (ev) => suggest(ev.target.value));
  suggest(state.query.company);
  await load();
}
