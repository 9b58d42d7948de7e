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
  // The currencies fines come in most often first, then all the others.
  const common = ['EUR', 'USD', 'GBP', 'KRW', 'CNY', 'JPY', 'AUD', 'CAD', 'INR', 'BRL', 'SGD', 'CHF'];
  const currencies = [...common, ...app.info.currencies.filter((c) => !common.includes(c))];
  const currency = select('import-currency', 'Amounts without a currency are', [['', 'refused'], ...currencies.map((c) => [c, c])]);
  const skip = h('input', { type: 'checkbox', id: 'import-skip-invalid' });
  const rejects = h('input', { id: 'import-rejects', size: '36', placeholder: 'rejects file (optional)', 'aria-label': 'File for the rows set aside' });
  // Choices for regulators the registry lacks: name → existing regulator or '' (create).
  const choices = new Map();
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

  async function chooseRejects() {
    try {
      const chosen = await call('plugin:dialog|save', { options: { defaultPath: 'rejects.csv', filters: [{ name: 'CSV', extensions: ['csv'] }] } });
      if (chosen) { rejects.value = chosen; skip.checked = true; importButton.disabled = true; }
    } catch (e) { notify(e.message, 'error'); }
  }

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
    choices.clear();
    replaceChildren(mappingBox,
      shape.warnings.length ? h('ul', { class: 'warnings', id: 'import-warnings' }, shape.warnings.map((w) => h('li', { text: w }))) : null,
      h('p', { class: 'muted', text: `${shape.own_format ? 'Our own export' : 'Columns found'}; delimiter “${shape.delimiter === '\t' ? 'tab' : shape.delimiter}”. Check what each column holds:` }),
      h('div', { class: 'table-wrap' }, h('table', { class: 'incidents compact', id: 'mapping-table' },
        h('thead', {}, h('tr', {}, h('th', { text: 'Column' }), h('th', { text: 'Holds' }), h('th', { text: 'First values' }))),
        h('tbody', {}, shape.mapping.map((m, i) => {
          const pick = h('select', { dataset: { column: m.column }, 'aria-label': `Field for column ${m.column}` },
            fields.map((f) => h('option', { value: f, text: f.replace(/_/g, ' ') })));
          pick.value = m.field;
          const kindPick = h('select', { dataset: { kindOf: m.column }, 'aria-label': `Kind of the events in column ${m.column}` },
            h('option', { value: '', text: 'row’s kind' }), app.info.event_kinds.map((k) => h('option', { value: k.value, text: k.label })));
          kindPick.value = m.kind ?? '';
          kindPick.hidden = m.field !== 'event_date';
          pick.addEventListener('change', () => { importButton.disabled = true; kindPick.hidden = pick.value !== 'event_date'; });
          kindPick.addEventListener('change', () => { importButton.disabled = true; });
          return h('tr', {}, h('td', { class: 'company', text: m.column }), h('td', {}, pick, ' ', kindPick),
            h('td', { class: 'sample', text: shape.sample.map((r) => r[i] ?? '').filter((v) => v).slice(0, 3).join(' · ') }));
        })))));
  }

  function options(dryRun) {
    const mapping = [...mappingBox.querySelectorAll('select[data-column]')].map((s) => [s.dataset.column, s.value]);
    const dateKinds = [...mappingBox.querySelectorAll('select[data-kind-of]')]
      .filter((s) => !s.hidden && s.value).map((s) => [s.dataset.kindOf, s.value]);
    return {
      date_kinds: dateKinds,
      default_currency: currency.querySelector('select').value || null,
      skip_invalid: skip.checked,
      rejects: skip.checked && rejects.value.trim() ? rejects.value.trim() : null,
      regulator_choices: [...choices.entries()],
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
    if (!dryRun && skip.checked && !rejects.value.trim()) {
      replaceChildren(resultBox, h('p', { class: 'error', role: 'alert', id: 'import-verdict',
        text: 'Choose where the rows set aside go (Save rejects as…), so that they can be fixed and imported again.' }));
      return;
    }
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
      resultBox.scrollIntoView({ block: 'start', behavior: 'smooth' });
      importButton.disabled = !(dryRun && (report.errors.length === 0 || skip.checked));
      if (!dryRun && report.committed) {
        notify(`Imported ${report.created} incidents (${report.updated} updated, ${report.merged} merged) from ${path.value.trim()}`);
        app.regulators = await call('list_regulators');
      }
    } catch (e) {
      replaceChildren(resultBox, h('p', { class: 'error', role: 'alert', text: e.field ? `${e.field}: ${e.message}` : e.message }));
    } finally {
      previewButton.disabled = false;
    }
  }

  function unknownTable(r) {
    if (!r.unknown_regulators.length) return null;
    // "#id" names one regulator even where two share a short name (CNPD).
    const known = app.regulators.map((g) => [`#${g.id}`, `${g.short_name ?? g.name} (${g.country})`]);
    return h('div', {},
      h('h3', { text: 'Regulators the registry does not know' }),
      h('p', { class: 'muted', text: 'Choose for each name the regulator it means, or create it; then preview again.' }),
      h('table', { class: 'incidents compact', id: 'import-unknown' },
        h('thead', {}, h('tr', {}, ['Name in the file', 'Rows', 'Country', 'Means'].map((t) => h('th', { text: t })))),
        h('tbody', {}, r.unknown_regulators.map((u) => {
          const pick = h('select', { dataset: { unknown: u.name }, 'aria-label': `What ${u.name} means` },
            h('option', { value: '-', text: '— leave unknown —' }),
            h('option', { value: '', text: `create it${u.country ? ` (${u.country})` : ''}` }),
            u.closest.length ? h('optgroup', { label: 'closest' }, u.closest.map((c) => h('option', { value: c, text: c }))) : null,
            h('optgroup', { label: 'all' }, known.map(([v, t]) => h('option', { value: v, text: t }))));
          pick.value = choices.has(u.name) ? choices.get(u.name) : '-';
          pick.addEventListener('change', () => {
            if (pick.value === '-') choices.delete(u.name); else choices.set(u.name, pick.value);
            importButton.disabled = true;
          });
          return h('tr', {}, h('td', { text: u.name }), h('td', { class: 'num', text: formatCount(u.rows) }),
            h('td', { text: u.country ?? '—' }), h('td', {}, pick));
        }))));
  }

  function showReport(r, dryRun) {
    const setAside = skip.checked && r.errors.length;
    const verdict = setAside
      ? `${r.committed ? 'Imported' : 'Ready'}: ${r.created} new incidents, ${r.updated} updated; ${r.rejected_rows} rows ${r.committed ? 'were' : 'will be'} set aside${r.rejects_file ? ` in ${r.rejects_file}` : ''}.`
      : r.errors.length
      ? `${r.errors.length} ${r.errors.length === 1 ? 'problem' : 'problems'}: nothing will be imported until ${r.errors.length === 1 ? 'it is' : 'they are'} fixed.`
      : r.committed
        ? `Imported ${r.created} new incidents, merged ${r.merged}, skipped ${r.duplicates.length - r.merged} duplicates.`
        : `Ready: ${r.created} new incidents, ${r.updated} updated, ${r.duplicates.length} duplicates (${merge.checked ? 'to merge' : 'to skip'}).`;
    const made = r.made_titles ? ` ${r.made_titles} titles were made from what the rows give.` : '';
    const created = r.created_regulators.length
      ? ` Regulators ${r.committed ? 'created' : 'to be created'}: ${r.created_regulators.join('; ')}.` : '';
    replaceChildren(resultBox,
      unknownTable(r),
      h('p', { id: 'import-verdict', class: r.errors.length && !setAside ? 'error' : 'ok', text: `${formatCount(r.rows)} rows read from ${formatCount(r.lines)} lines. ${verdict}${made}${created}` }),
      r.warnings.length ? h('ul', { class: 'warnings' }, r.warnings.slice(0, 20).map((w) => h('li', { text: w }))) : null,
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
  for (const s of [delimiter, order, kind, currency]) s.querySelector('select').addEventListener('change', () => { importButton.disabled = true; });
  skip.addEventListener('change', () => { importButton.disabled = true; });
  delimiter.querySelector('select').addEventListener('change', () => { if (path.value.trim()) inspect(); });
  merge.addEventListener('change', () => { importButton.disabled = true; });

  replaceChildren(main, h('section', { class: 'view import-view' },
    h('div', { class: 'view-head' }, h('h2', { text: 'Import a CSV file' }), h('span', { class: 'spacer' }),
      h('button', { type: 'button', text: '‹ Incidents', on: { click: () => navigate.list() } })),
    h('div', { class: 'filters' },
      h('label', { class: 'filter' }, h('span', { text: 'File' }), path),
      h('button', { type: 'button', id: 'import-browse', text: 'Choose…', on: { click: browse } }),
      h('button', { type: 'button', id: 'import-read', text: 'Read columns', on: { click: inspect } }),
      delimiter, order, kind, currency,
      h('label', { class: 'check' }, merge, ' merge duplicates into the stored incident'),
      h('label', { class: 'check' }, skip, ' set failing rows aside (import the rest)'),
      rejects,
      h('button', { type: 'button', id: 'import-rejects-browse', text: 'Save rejects as…', on: { click: chooseRejects } })),
    mappingBox,
    h('div', { class: 'actions' }, previewButton, importButton, progress, progressText),
    resultBox));
  path.focus();
}
