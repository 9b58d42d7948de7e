// Import: choose a CSV file, check the proposed column mapping, preview what
// will be stored (every failing row with its row number, column and reason),
// then import all rows in one go. Nothing is written until "Import".

import { call } from '../api.js';
import { h, replaceChildren, formatCount, notify, plural } from '../dom.js';
import { errorParagraph, notifyError } from '../errors.js';
import { kindChoices, choiceOptions } from '../labels.js';
import { incidentColumns, incidentRow } from '../rows.js';
import { stillShown } from '../view.js';

const DELIMITERS = [['', 'detect'], [',', 'comma ,'], [';', 'semicolon ;'], ['|', 'pipe |'], ['\t', 'tab']];
const ORDERS = [['', 'unambiguous only'], ['dmy', 'day/month/year'], ['mdy', 'month/day/year'], ['ymd', 'year/month/day']];
// The currencies fines come in most often first, then all the others.
const COMMON_CURRENCIES = ['EUR', 'USD', 'GBP', 'KRW', 'CNY', 'JPY', 'AUD', 'CAD', 'INR', 'BRL', 'SGD', 'CHF'];

/** A labelled <select>: `box` to show, `select` to read. */
function choice(id, label, options) {
  const select = h('select', { id, 'aria-label': label }, options.map(([v, t]) => h('option', { value: v, text: t })));
  return { box: h('label', { class: 'filter' }, h('span', { text: label }), select), select };
}

/** The import screen's controls and what it has learnt so far (`shape`, `choices`). */
function importParts(app, fields) {
  const currencies = [...COMMON_CURRENCIES, ...app.info.currencies.filter((c) => !COMMON_CURRENCIES.includes(c))];
  return {
    app, fields,
    path: h('input', { id: 'import-path', size: '60', placeholder: '/path/to/file.csv', 'aria-label': 'CSV file to import' }),
    delimiter: choice('import-delimiter', 'Delimiter', DELIMITERS),
    order: choice('import-date-order', 'Numeric dates', ORDERS),
    kind: choice('import-event-kind', 'Each row’s event is',
      [['', 'fined if an amount is mapped, else disclosed'], ...kindChoices().map((k) => [k.value, k.label])]),
    merge: h('input', { type: 'checkbox', id: 'import-merge' }),
    currency: choice('import-currency', 'Amounts without a currency are', [['', 'refused'], ...currencies.map((c) => [c, c])]),
    skip: h('input', { type: 'checkbox', id: 'import-skip-invalid' }),
    rejects: h('input', { id: 'import-rejects', size: '36', placeholder: 'rejects file (optional)', 'aria-label': 'File for the rows set aside' }),
    // Choices for regulators the registry lacks: name → existing regulator or '' (create).
    choices: new Map(),
    mappingBox: h('div', { id: 'import-mapping' }),
    resultBox: h('div', { id: 'import-result' }),
    progress: h('progress', { id: 'import-progress', max: '1', value: '0', hidden: true }),
    progressText: h('span', { class: 'muted', id: 'import-progress-text' }),
    previewButton: h('button', { type: 'button', id: 'import-preview', text: 'Preview', disabled: true }),
    importButton: h('button', { type: 'button', id: 'import-run', class: 'primary', text: 'Import', disabled: true }),
    shape: null,
  };
}

async function browse(imp) {
  try {
    const chosen = await call('plugin:dialog|open', { options: { multiple: false, directory: false, filters: [{ name: 'CSV', extensions: ['csv', 'tsv', 'txt'] }] } });
    if (chosen) { imp.path.value = chosen; await inspect(imp); }
  } catch (e) { notifyError(e, { field: false }); }
}

async function chooseRejects(imp) {
  try {
    const chosen = await call('plugin:dialog|save', { options: { defaultPath: 'rejects.csv', filters: [{ name: 'CSV', extensions: ['csv'] }] } });
    if (chosen) { imp.rejects.value = chosen; imp.skip.checked = true; imp.importButton.disabled = true; }
  } catch (e) { notifyError(e, { field: false }); }
}

/** One column of the file: what it holds and, for dates, the kind of their events. */
function mappingRow(imp, m, i) {
  const pick = h('select', { dataset: { column: m.column }, 'aria-label': `Field for column ${m.column}` },
    imp.fields.map((f) => h('option', { value: f, text: f.replace(/_/g, ' ') })));
  pick.value = m.field;
  const kindPick = h('select', { dataset: { kindOf: m.column }, 'aria-label': `Kind of the events in column ${m.column}` },
    h('option', { value: '', text: 'row’s kind' }), choiceOptions(kindChoices()));
  kindPick.value = m.kind ?? '';
  kindPick.hidden = m.field !== 'event_date';
  pick.addEventListener('change', () => { imp.importButton.disabled = true; kindPick.hidden = pick.value !== 'event_date'; });
  kindPick.addEventListener('change', () => { imp.importButton.disabled = true; });
  return h('tr', {}, h('td', { class: 'company', text: m.column }), h('td', {}, pick, ' ', kindPick),
    h('td', { class: 'sample', text: imp.shape.sample.map((r) => r[i] ?? '').filter((v) => v).slice(0, 3).join(' · ') }));
}

/** Reads the file's columns and proposes what each holds. */
async function inspect(imp) {
  replaceChildren(imp.resultBox);
  imp.importButton.disabled = true;
  try {
    imp.shape = await call('inspect_import', { path: imp.path.value.trim(), delimiter: imp.delimiter.select.value || null });
  } catch (e) {
    imp.shape = null;
    imp.previewButton.disabled = true;
    replaceChildren(imp.mappingBox, errorParagraph(e, {}, { field: false }));
    return;
  }
  const { shape } = imp;
  imp.previewButton.disabled = false;
  imp.choices.clear();
  replaceChildren(imp.mappingBox,
    shape.warnings.length ? h('ul', { class: 'warnings', id: 'import-warnings' }, shape.warnings.map((w) => h('li', { text: w }))) : null,
    h('p', { class: 'muted', text: `${shape.own_format ? 'Our own export' : 'Columns found'}; delimiter “${shape.delimiter === '\t' ? 'tab' : shape.delimiter}”. Check what each column holds:` }),
    h('div', { class: 'table-wrap' }, h('table', { class: 'incidents compact', id: 'mapping-table' },
      h('thead', {}, h('tr', {}, h('th', { text: 'Column' }), h('th', { text: 'Holds' }), h('th', { text: 'First values' }))),
      h('tbody', {}, shape.mapping.map((m, i) => mappingRow(imp, m, i))))));
}

/** The import options as chosen on screen. */
function options(imp, dryRun) {
  const { mappingBox, skip, rejects } = imp;
  const mapping = [...mappingBox.querySelectorAll('select[data-column]')].map((s) => [s.dataset.column, s.value]);
  const dateKinds = [...mappingBox.querySelectorAll('select[data-kind-of]')]
    .filter((s) => !s.hidden && s.value).map((s) => [s.dataset.kindOf, s.value]);
  return {
    date_kinds: dateKinds,
    default_currency: imp.currency.select.value || null,
    skip_invalid: skip.checked,
    rejects: skip.checked && rejects.value.trim() ? rejects.value.trim() : null,
    regulator_choices: [...imp.choices.entries()],
    delimiter: imp.delimiter.select.value || null,
    mapping,
    date_order: imp.order.select.value || null,
    event_kind: imp.kind.select.value || null,
    merge_duplicates: imp.merge.checked,
    dry_run: dryRun,
    preview: dryRun ? 10 : 0,
  };
}

/** A channel that moves the progress bar as the Rust side reads the file. */
function progressChannel(imp) {
  const channel = new window.__TAURI__.core.Channel();
  channel.onmessage = (p) => {
    imp.progress.max = Math.max(1, p.total_bytes);
    imp.progress.value = p.bytes;
    imp.progressText.textContent = `${formatCount(p.rows)} rows read`;
  };
  return channel;
}

/** Previews (`dryRun`) or imports the file. */
async function run(imp, dryRun) {
  const { path, skip, rejects, resultBox, previewButton, importButton } = imp;
  if (!dryRun && skip.checked && !rejects.value.trim()) {
    replaceChildren(resultBox, h('p', { class: 'error', role: 'alert', id: 'import-verdict',
      text: 'Choose where the rows set aside go (Save rejects as…), so that they can be fixed and imported again.' }));
    return;
  }
  const channel = progressChannel(imp);
  imp.progress.hidden = false;
  previewButton.disabled = true;
  importButton.disabled = true;
  try {
    const report = await call('import_file', { path: path.value.trim(), options: options(imp, dryRun), onProgress: channel });
    showReport(imp, report, dryRun);
    resultBox.scrollIntoView({ block: 'start', behavior: 'smooth' });
    importButton.disabled = !(dryRun && (report.errors.length === 0 || skip.checked));
    if (!dryRun && report.committed) {
      notify(`Imported ${report.created} incidents (${report.updated} updated, ${report.merged} merged) from ${path.value.trim()}`);
      imp.app.regulators = await call('list_regulators');
    }
  } catch (e) {
    replaceChildren(resultBox, errorParagraph(e));
  } finally {
    previewButton.disabled = false;
  }
}

/** What a name the registry lacks means: left unknown, created, or a known regulator. */
function unknownRow(imp, u, known) {
  const pick = h('select', { dataset: { unknown: u.name }, 'aria-label': `What ${u.name} means` },
    h('option', { value: '-', text: '— leave unknown —' }),
    h('option', { value: '', text: `create it${u.country ? ` (${u.country})` : ''}` }),
    u.closest.length ? h('optgroup', { label: 'closest' }, u.closest.map((c) => h('option', { value: c, text: c }))) : null,
    h('optgroup', { label: 'all' }, known.map(([v, t]) => h('option', { value: v, text: t }))));
  pick.value = imp.choices.has(u.name) ? imp.choices.get(u.name) : '-';
  pick.addEventListener('change', () => {
    if (pick.value === '-') imp.choices.delete(u.name); else imp.choices.set(u.name, pick.value);
    imp.importButton.disabled = true;
  });
  return h('tr', {}, h('td', { text: u.name }), h('td', { class: 'num', text: formatCount(u.rows) }),
    h('td', { text: u.country ?? '—' }), h('td', {}, pick));
}

function unknownTable(imp, r) {
  if (!r.unknown_regulators.length) return null;
  // "#id" names one regulator even where two share a short name (CNPD).
  const known = imp.app.regulators.map((g) => [`#${g.id}`, `${g.short_name ?? g.name} (${g.country})`]);
  return h('div', {},
    h('h3', { text: 'Regulators the registry does not know' }),
    h('p', { class: 'muted', text: 'Choose for each name the regulator it means, or create it; then preview again.' }),
    h('table', { class: 'incidents compact', id: 'import-unknown' },
      h('thead', {}, h('tr', {}, ['Name in the file', 'Rows', 'Country', 'Means'].map((t) => h('th', { text: t })))),
      h('tbody', {}, r.unknown_regulators.map((u) => unknownRow(imp, u, known)))));
}

/** The verdict line: rows read, then ready, imported, or what stops the import. */
function verdictText(r, setAside, merging) {
  const verdict = setAside
    ? `${r.committed ? 'Imported' : 'Ready'}: ${r.created} new incidents, ${r.updated} updated; ${r.rejected_rows} rows ${r.committed ? 'were' : 'will be'} set aside${r.rejects_file ? ` in ${r.rejects_file}` : ''}.`
    : r.errors.length
    ? `${r.errors.length} ${r.errors.length === 1 ? 'problem' : 'problems'}: nothing will be imported until ${r.errors.length === 1 ? 'it is' : 'they are'} fixed.`
    : r.committed
      ? `Imported ${plural(r.created, 'new incident')}, merged ${r.merged}, skipped ${plural(r.duplicates.length - r.merged, 'duplicate')}.`
      : `Ready: ${plural(r.created, 'new incident')}, ${r.updated} updated, ${plural(r.duplicates.length, 'duplicate')} (${merging ? 'to merge' : 'to skip'}).`;
  const made = r.made_titles ? ` ${r.made_titles} titles were made from what the rows give.` : '';
  const created = r.created_regulators.length
    ? ` Regulators ${r.committed ? 'created' : 'to be created'}: ${r.created_regulators.join('; ')}.` : '';
  return `${formatCount(r.rows)} rows read from ${formatCount(r.lines)} lines. ${verdict}${made}${created}`;
}

/** The first incidents as they will be stored (kinds as their keywords). */
function previewTable(preview) {
  const cols = incidentColumns(null);
  const columns = [
    cols.company,
    { label: 'Title', cell: (p) => h('td', { text: p.title }) },
    cols.records,
    cols.people,
    { label: 'Events', cell: (p) => h('td', { text: p.events.map((e) => `${e.date} ${e.kind}${e.regulator ? ` (${e.regulator})` : ''}${e.amount ? ` ${e.currency ?? ''} ${e.amount}` : ''}`).join('; ') || '—' }) },
    { label: 'Sources', cell: (p) => h('td', { text: p.sources.map((s) => s.url).join(' ') || '—' }) },
  ];
  return h('div', {},
    h('h3', { text: 'First incidents as they will be stored' }),
    h('div', { class: 'table-wrap' }, h('table', { class: 'incidents compact', id: 'import-preview-table' },
      h('thead', {}, h('tr', {}, columns.map((c) => h('th', { text: c.label })))),
      h('tbody', {}, preview.map((p) => incidentRow(p, columns))))));
}

function showReport(imp, r, dryRun) {
  const setAside = imp.skip.checked && r.errors.length;
  replaceChildren(imp.resultBox,
    unknownTable(imp, r),
    h('p', { id: 'import-verdict', class: r.errors.length && !setAside ? 'error' : 'ok', text: verdictText(r, setAside, imp.merge.checked) }),
    r.warnings.length ? h('ul', { class: 'warnings' }, r.warnings.slice(0, 20).map((w) => h('li', { text: w }))) : null,
    r.errors.length ? h('ul', { class: 'row-errors', id: 'import-errors' }, r.errors.map((e) => h('li', { text: `row ${e.row}, column ${e.column}: ${e.message}` }))) : null,
    r.duplicates.length ? h('details', {}, h('summary', { text: plural(r.duplicates.length, 'duplicate') }),
      h('ul', {}, r.duplicates.map((d) => h('li', { text: `row ${d.row}: incident #${d.existing_id} (${d.reason})${d.merged ? ', merged' : ''}` })))) : null,
    dryRun && r.preview.length ? previewTable(r.preview) : null);
}

/** Any change of an option asks for a new preview before Import. */
function wireImport(imp) {
  const mustPreview = () => { imp.importButton.disabled = true; };
  imp.path.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') { ev.preventDefault(); inspect(imp); } });
  imp.previewButton.addEventListener('click', () => run(imp, true));
  imp.importButton.addEventListener('click', () => run(imp, false));
  for (const c of [imp.delimiter, imp.order, imp.kind, imp.currency]) c.select.addEventListener('change', mustPreview);
  imp.skip.addEventListener('change', mustPreview);
  imp.delimiter.select.addEventListener('change', () => { if (imp.path.value.trim()) inspect(imp); });
  imp.merge.addEventListener('change', mustPreview);
}

function importSection(imp, navigate) {
  return h('section', { class: 'view import-view' },
    h('div', { class: 'view-head' }, h('h2', { text: 'Import a CSV file' }), h('span', { class: 'spacer' }),
      h('button', { type: 'button', text: '‹ Incidents', on: { click: () => navigate.list() } })),
    h('div', { class: 'filters' },
      h('label', { class: 'filter' }, h('span', { text: 'File' }), imp.path),
      h('button', { type: 'button', id: 'import-browse', text: 'Choose…', on: { click: () => browse(imp) } }),
      h('button', { type: 'button', id: 'import-read', text: 'Read columns', on: { click: () => inspect(imp) } }),
      imp.delimiter.box, imp.order.box, imp.kind.box, imp.currency.box,
      h('label', { class: 'check' }, imp.merge, ' merge duplicates into the stored incident'),
      h('label', { class: 'check' }, imp.skip, ' set failing rows aside (import the rest)'),
      imp.rejects,
      h('button', { type: 'button', id: 'import-rejects-browse', text: 'Save rejects as…', on: { click: () => chooseRejects(imp) } })),
    imp.mappingBox,
    h('div', { class: 'actions' }, imp.previewButton, imp.importButton, imp.progress, imp.progressText),
    imp.resultBox);
}

/** The Import view; its listeners all sit on its own elements, so it has no teardown. */
export async function showImport(main, app, navigate) {
  const current = stillShown(app);
  const fields = await call('import_fields');
  if (!current()) return;
  const imp = importParts(app, fields);
  wireImport(imp);
  replaceChildren(main, importSection(imp, navigate));
  imp.path.focus();
}
