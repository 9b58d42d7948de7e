// Import: choose a CSV file, check the proposed column mapping, preview what
// will be stored (every failing row with its row number, column and reason),
// then import all rows in one go. Nothing is written until "Import".

import { call } from '../api.js';
import { h, replaceChildren, formatCount, notify } from '../dom.js';

const DELIMITERS = [['', 'detect'], [',', 'comma ,'], [';', 'semicolon ;'], ['|', 'pipe |'], ['\t', 'tab']];
const ORDERS = [['', 'unambiguous only'], ['dmy', 'day/month/year'], ['mdy', 'month/day/year'], ['ymd', 'year/month/day']];

export async function showImport(main, app, navigate) {
  const fields = await call('import_fields');
  const path = h('input', { id: 'import-path', size: '60', placeholder: '/path/to/file.csv', 'aria-label': 'CSV file to import' });
  const select = (id, label, options) => {
    const el = h('select', { id, 'aria-label': label }, options.map(([v, t]) => h('option', { value: v, text: t })));
    return h('label', { class: 'filter' }, h('span', { text: label }), el);
  };
  const delimiter = select('import-delimiter', 'Delimiter', DELIMITERS);
  const order = select('import-date-order', 'Numeric dates', ORDERS);
  const kind = select('import-event-kind', 'Each row’s event is', [['', 'fined if an amount is mapped, else disclosed'], ...app.info.event_kinds.map((k) => [k.value, k.label])]);
  const merge = h('input', { type: 'checkbox', id: 'import-merge' });
  const mappingBox = h('div', { id: 'import-mapping' });
  const resultBox = h('div', { id: 'import-result' });
  const progress = h('progress', { id: 'import-progress', max: '1', value: '0', hidden: true });
  const progressText = h('span', { class: 'muted', id: 'import-progress-text' });
  const previewButton = h('button', { type: 'button', id: 'import-preview', text: 'Preview', disabled: true });
  const importButton = h('button', { type: 'button', id: 'import-run', class: 'primary', text: 'Import', disabled: true });
  let shape = null;

  const browse = async () => {
    try {
      const chosen = await call('plugin:dialog|open', { options: { multiple: false, directory: false, filters: [{ name: 'CSV', extensions: ['csv', 'tsv', 'txt'] }] } });
      if (chosen) { path.value = chosen; await inspect(); }
    } catch (e) { notify(e.message, 'error'); }
  };

  async function inspect() {
    replaceChildren(resultBox);
    importButton.disabled = true;
    try {
      shape = await call('inspect_import', { path: path.value.trim(), delimiter: delimiter.querySelector('select').value || null });
    } catch (e) {
      shape = null;
      previewButton.disabled = true;
      replaceChildren(mappingBox, h('p', { class: 'error', role: 'alert', text: e.message }));
      return;
    }
    previewButton.disabled = false;
    replaceChildren(mappingBox,
      h('p', { class: 'muted', text: `${shape.own_format ? 'Our own export' : 'Columns found'}; delimiter “${shape.delimiter === '\t' ? 'tab' : shape.delimiter}”. Check what each column holds:` }),
      h('div', { class: 'table-wrap' }, h('table', { class: 'incidents compact', id: 'mapping-table' },
        h('thead', {}, h('tr', {}, h('th', { text: 'Column' }), h('th', { text: 'Holds' }), h('th', { text: 'First values' }))),
        h('tbody', {}, shape.mapping.map((m, i) => {
          const pick = h('select', { dataset: { column: m.column }, 'aria-label': `Field for column ${m.column}` },
            fields.map((f) => h('option', { value: f, text: f.replace(/_/g, ' ') })));
          pick.value = m.field;
          pick.addEventListener('change', () => { importButton.disabled = true; });
          return h('tr', {}, h('td', { class: 'company', text: m.column }), h('td', {}, pick),
            h('td', { class: 'sample', text: shape.sample.map((r) => r[i] ?? '').filter((v) => v).slice(0, 3).join(' · ') }));
        })))));
  }

  function options(dryRun) {
    const mapping = [...mappingBox.querySelectorAll('select[data-column]')].map((s) => [s.dataset.column, s.value]);
    return {
      delimiter: delimiter.querySelector('select').value || null,
      mapping,
      date_order: order.querySelector('select').value || null,
      event_kind: kind.querySelector('select').value || null,
      merge_duplicates: merge.checked,
      dry_run: dryRun,
      preview: dryRun ? 10 : 0,
    };
  }

  async function run(dryRun) {
    const channel = new window.__TAURI__.core.Channel();
    channel.onmessage = (p) => {
      progress.max = Math.max(1, p.total_bytes);
      progress.value = p.bytes;
      progressText.textContent = `${formatCount(p.rows)} rows read`;
    };
    progress.hidden = false;
    previewButton.disabled = true;
    importButton.disabled = true;
    try {
      const report = await call('import_file', { path: path.value.trim(), options: options(dryRun), onProgress: channel });
      showReport(report, dryRun);
      importButton.disabled = !(dryRun && report.errors.length === 0);
      if (!dryRun && report.committed) notify(`Imported ${report.created} incidents (${report.merged} merged) from ${path.value.trim()}`);
    } catch (e) {
      replaceChildren(resultBox, h('p', { class: 'error', role: 'alert', text: e.field ? `${e.field}: ${e.message}` : e.message }));
    } finally {
      previewButton.disabled = false;
    }
  }

  function showReport(r, dryRun) {
    const verdict = r.errors.length
      ? `${r.errors.length} ${r.errors.length === 1 ? 'problem' : 'problems'}: nothing will be imported until ${r.errors.length === 1 ? 'it is' : 'they are'} fixed.`
      : r.committed
        ? `Imported ${r.created} new incidents, merged ${r.merged}, skipped ${r.duplicates.length - r.merged} duplicates.`
        : `Ready: ${r.created} new incidents, ${r.duplicates.length} duplicates (${merge.checked ? 'to merge' : 'to skip'}).`;
    replaceChildren(resultBox,
      h('p', { id: 'import-verdict', class: r.errors.length ? 'error' : 'ok', text: `${formatCount(r.rows)} rows read. ${verdict}` }),
      r.errors.length ? h('ul', { class: 'row-errors', id: 'import-errors' }, r.errors.map((e) => h('li', { text: `row ${e.row}, column ${e.column}: ${e.message}` }))) : null,
      r.duplicates.length ? h('details', {}, h('summary', { text: `${r.duplicates.length} duplicates` }),
        h('ul', {}, r.duplicates.map((d) => h('li', { text: `row ${d.row}: incident #${d.existing_id} (${d.reason})${d.merged ? ', merged' : ''}` })))) : null,
      dryRun && r.preview.length ? h('div', {},
        h('h3', { text: 'First incidents as they will be stored' }),
        h('div', { class: 'table-wrap' }, h('table', { class: 'incidents compact', id: 'import-preview-table' },
          h('thead', {}, h('tr', {}, ['Company', 'Title', 'Records', 'People', 'Events', 'Sources'].map((t) => h('th', { text: t })))),
          h('tbody', {}, r.preview.map((p) => h('tr', {},
            h('td', { class: 'company', text: p.company }), h('td', { text: p.title }),
            h('td', { class: 'num', text: formatCount(p.records_affected) }), h('td', { class: 'num', text: formatCount(p.users_affected) }),
            h('td', { text: p.events.map((e) => `${e.date} ${e.kind}${e.regulator ? ` (${e.regulator})` : ''}${e.amount ? ` ${e.currency ?? ''} ${e.amount}` : ''}`).join('; ') || '—' }),
            h('td', { text: p.sources.map((s) => s.url).join(' ') || '—' }))))))) : null);
  }

  path.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') { ev.preventDefault(); inspect(); } });
  previewButton.addEventListener('click', () => run(true));
  importButton.addEventListener('click', () => run(false));
  for (const s of [delimiter, order, kind]) s.querySelector('select').addEventListener('change', () => { importButton.disabled = true; });
  delimiter.querySelector('select').addEventListener('change', () => { if (path.value.trim()) inspect(); });
  merge.addEventListener('change', () => { importButton.disabled = true; });

  replaceChildren(main, h('section', { class: 'view import-view' },
    h('div', { class: 'view-head' }, h('h2', { text: 'Import a CSV file' }), h('span', { class: 'spacer' }),
      h('button', { type: 'button', text: '‹ Incidents', on: { click: () => navigate.list() } })),
    h('div', { class: 'filters' },
      h('label', { class: 'filter' }, h('span', { text: 'File' }), path),
      h('button', { type: 'button', id: 'import-browse', text: 'Choose…', on: { click: browse } }),
      h('button', { type: 'button', id: 'import-read', text: 'Read columns', on: { click: inspect } }),
      delimiter, order, kind,
      h('label', { class: 'check' }, merge, ' merge duplicates into the stored incident')),
    mappingBox,
    h('div', { class: 'actions' }, previewButton, importButton, progress, progressText),
    resultBox));
  path.focus();
}
