// Import: choose a CSV file, check the proposed column mapping, preview what
// will be stored (every failing row with its row number, column and reason),
// then import all rows in one go. Nothing is written until "Import".

import { call } from '../api.js';
import { h, replaceChildren, notify } from '../dom.js';
import { errorParagraph, notifyError, messageText } from '../errors.js';
import { kindChoices, choiceOptions, kindLabel } from '../labels.js';
import { incidentColumns, incidentRow } from '../rows.js';
import { stillShown } from '../view.js';
import { t, formatDate, fullMoney, formatCount } from '../i18n.js';

// Option texts are drawn when the view opens, in the language in force.
const delimiters = () => [['', t('import.delimiter.detect')], [',', t('import.delimiter.comma')],
  [';', t('import.delimiter.semicolon')], ['|', t('import.delimiter.pipe')], ['\t', t('import.delimiter.tab')]];
const orders = () => [['', t('import.order.unambiguous')], ['dmy', t('import.order.dmy')],
  ['mdy', t('import.order.mdy')], ['ymd', t('import.order.ymd')]];

// What a column can hold, by the Rust side's field names (literal keys for the key check).
const FIELD_LABELS = {
  company: () => t('import.field.company'),
  title: () => t('import.field.title'),
  summary: () => t('import.field.summary'),
  counterparty: () => t('import.field.counterparty'),
  country: () => t('import.field.country'),
  status: () => t('import.field.status'),
  records_affected: () => t('import.field.records_affected'),
  users_affected: () => t('import.field.users_affected'),
  source_url: () => t('import.field.source_url'),
  source_title: () => t('import.field.source_title'),
  source_publisher: () => t('import.field.source_publisher'),
  source_published: () => t('import.field.source_published'),
  source_language: () => t('import.field.source_language'),
  event_date: () => t('import.field.event_date'),
  event_kind: () => t('import.field.event_kind'),
  regulator: () => t('import.field.regulator'),
  amount: () => t('import.field.amount'),
  currency: () => t('import.field.currency'),
  note: () => t('import.field.note'),
  event_source: () => t('import.field.event_source'),
  incident_key: () => t('import.field.incident_key'),
  ignore: () => t('import.field.ignore'),
};

const fieldLabel = (f) => (Object.hasOwn(FIELD_LABELS, f) ? FIELD_LABELS[f]() : f.replace(/_/g, ' '));
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
    path: h('input', { id: 'import-path', size: '60', placeholder: t('import.path_placeholder'), 'aria-label': t('import.path_label') }),
    delimiter: choice('import-delimiter', t('import.delimiter'), delimiters()),
    order: choice('import-date-order', t('import.date_order'), orders()),
    kind: choice('import-event-kind', t('import.event_kind'),
      [['', t('import.event_kind.default')], ...kindChoices().map((k) => [k.value, k.label])]),
    merge: h('input', { type: 'checkbox', id: 'import-merge' }),
    currency: choice('import-currency', t('import.currency'), [['', t('import.currency.refused')], ...currencies.map((c) => [c, c])]),
    skip: h('input', { type: 'checkbox', id: 'import-skip-invalid' }),
    rejects: h('input', { id: 'import-rejects', size: '36', placeholder: t('import.rejects_placeholder'), 'aria-label': t('import.rejects_label') }),
    // Choices for regulators the registry lacks: name → existing regulator or '' (create).
    choices: new Map(),
    mappingBox: h('div', { id: 'import-mapping' }),
    resultBox: h('div', { id: 'import-result' }),
    progress: h('progress', { id: 'import-progress', max: '1', value: '0', hidden: true }),
    progressText: h('span', { class: 'muted', id: 'import-progress-text' }),
    previewButton: h('button', { type: 'button', id: 'import-preview', text: t('import.preview'), disabled: true }),
    importButton: h('button', { type: 'button', id: 'import-run', class: 'primary', text: t('import.run'), disabled: true }),
    // Shown while a preview or an import reads the file; the import then rolls back whole.
    cancelButton: h('button', { type: 'button', id: 'import-cancel', text: t('import.cancel'), hidden: true }),
    shape: null,
  };
}

async function browse(imp) {
  try {
    const chosen = await call('plugin:dialog|open', { options: { multiple: false, directory: false, filters: [{ name: t('import.csv_files'), extensions: ['csv', 'tsv', 'txt'] }] } });
    if (chosen) { imp.path.value = chosen; await inspect(imp); }
  } catch (e) { notifyError(e, { field: false }); }
}

async function chooseRejects(imp) {
  try {
    const chosen = await call('plugin:dialog|save', { options: { defaultPath: 'rejects.csv', filters: [{ name: t('import.csv_files'), extensions: ['csv'] }] } });
    if (chosen) { imp.rejects.value = chosen; imp.skip.checked = true; imp.importButton.disabled = true; }
  } catch (e) { notifyError(e, { field: false }); }
}

/** One column of the file: what it holds and, for dates, the kind of their events. */
function mappingRow(imp, m, i) {
  const pick = h('select', { dataset: { column: m.column }, 'aria-label': t('import.mapping.field_label', { column: m.column }) },
    imp.fields.map((f) => h('option', { value: f, text: fieldLabel(f) })));
  pick.value = m.field;
  const kindPick = h('select', { dataset: { kindOf: m.column }, 'aria-label': t('import.mapping.kind_label', { column: m.column }) },
    h('option', { value: '', text: t('import.mapping.row_kind') }), choiceOptions(kindChoices()));
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
  const delimiter = shape.delimiter === '\t' ? t('import.delimiter.tab') : shape.delimiter;
  imp.previewButton.disabled = false;
  imp.choices.clear();
  replaceChildren(imp.mappingBox,
    shape.warnings.length ? h('ul', { class: 'warnings', id: 'import-warnings' }, shape.warnings.map((w) => h('li', { text: w }))) : null,
    h('p', { class: 'muted', text: shape.own_format ? t('import.mapping.own', { delimiter }) : t('import.mapping.found', { delimiter }) }),
    h('div', { class: 'table-wrap' }, h('table', { class: 'incidents compact', id: 'mapping-table' },
      h('thead', {}, h('tr', {}, h('th', { text: t('import.mapping.column') }), h('th', { text: t('import.mapping.holds') }),
        h('th', { text: t('import.mapping.first_values') }))),
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
    imp.progressText.textContent = t('import.rows_read', { rows: p.rows });
  };
  return channel;
}

/** Previews (`dryRun`) or imports the file. */
async function run(imp, dryRun) {
  const { path, skip, rejects, resultBox, previewButton, importButton } = imp;
  if (!dryRun && skip.checked && !rejects.value.trim()) {
    replaceChildren(resultBox, h('p', { class: 'error', role: 'alert', id: 'import-verdict',
      text: t('import.choose_rejects') }));
    return;
  }
  const channel = progressChannel(imp);
  imp.progress.hidden = false;
  previewButton.disabled = true;
  importButton.disabled = true;
  imp.cancelButton.hidden = false;
  imp.cancelButton.disabled = false;
  try {
    const report = await call('import_file', { path: path.value.trim(), options: options(imp, dryRun), onProgress: channel });
    showReport(imp, report, dryRun);
    resultBox.scrollIntoView({ block: 'start', behavior: 'smooth' });
    importButton.disabled = !(dryRun && (report.errors.length === 0 || skip.checked));
    if (!dryRun && report.committed) {
      notify(t('import.notice', { created: report.created, updated: report.updated, merged: report.merged, path: path.value.trim() }));
      imp.app.regulators = await call('list_regulators');
    }
  } catch (e) {
    replaceChildren(resultBox, errorParagraph(e));
    resultBox.scrollIntoView({ block: 'start', behavior: 'smooth' });
  } finally {
    previewButton.disabled = false;
    imp.cancelButton.hidden = true;
  }
}

/** What a name the registry lacks means: left unknown, created, or a known regulator. */
function unknownRow(imp, u, known) {
  const pick = h('select', { dataset: { unknown: u.name }, 'aria-label': t('import.unknown.means_label', { name: u.name }) },
    h('option', { value: '-', text: t('import.unknown.leave') }),
    h('option', { value: '', text: u.country ? t('import.unknown.create_in', { country: u.country }) : t('import.unknown.create') }),
    u.closest.length ? h('optgroup', { label: t('import.unknown.closest') }, u.closest.map((c) => h('option', { value: c, text: c }))) : null,
    h('optgroup', { label: t('import.unknown.all') }, known.map(([v, text]) => h('option', { value: v, text }))));
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
    h('h3', { text: t('import.unknown.heading') }),
    h('p', { class: 'muted', text: t('import.unknown.hint') }),
    h('table', { class: 'incidents compact', id: 'import-unknown' },
      h('thead', {}, h('tr', {}, [t('import.unknown.name'), t('import.unknown.rows'), t('import.unknown.country'),
        t('import.unknown.means')].map((text) => h('th', { text })))),
      h('tbody', {}, r.unknown_regulators.map((u) => unknownRow(imp, u, known)))));
}

/** "1 new incident", "2 new incidents": the phrase of `n` in the language in force. */
const newIncidents = (n) => (n === 1 ? t('import.new_incident_one', { count: n }) : t('import.new_incident_other', { count: n }));
const duplicates = (n) => (n === 1 ? t('import.duplicate_one', { count: n }) : t('import.duplicate_other', { count: n }));

/** What the import decided: set aside, stopped by problems, imported, or ready. */
function verdictOf(r, setAside, merging) {
  const n = r.errors.length;
  if (setAside) {
    const where = r.rejects_file ? t('import.verdict.set_aside_in', { file: r.rejects_file }) : '';
    const args = { created: r.created, updated: r.updated, rejected: r.rejected_rows, where };
    return r.committed ? t('import.verdict.set_aside_done', args) : t('import.verdict.set_aside_ready', args);
  }
  if (n) return n === 1 ? t('import.verdict.problem_one', { count: n }) : t('import.verdict.problem_other', { count: n });
  if (r.committed) {
    return t('import.verdict.imported', { created: newIncidents(r.created), merged: r.merged,
      skipped: duplicates(r.duplicates.length - r.merged) });
  }
  return t('import.verdict.ready', { created: newIncidents(r.created), updated: r.updated,
    duplicates: duplicates(r.duplicates.length), action: merging ? t('import.verdict.to_merge') : t('import.verdict.to_skip') });
}

/** The verdict line: rows read, then ready, imported, or what stops the import. */
function verdictText(r, setAside, merging) {
  const made = r.made_titles ? t('import.verdict.made_titles', { count: r.made_titles }) : '';
  const names = r.created_regulators.join('; ');
  const created = !r.created_regulators.length ? ''
    : r.committed ? t('import.verdict.regulators_created', { names }) : t('import.verdict.regulators_to_create', { names });
  return t('import.verdict.rows', { rows: r.rows, lines: r.lines, verdict: verdictOf(r, setAside, merging), made, created });
}

/** "13 Aug 2024 Fined (PIPC) KRW 1,200,000,000": one event of the preview, in the language in force. */
const previewEvent = (e) => [formatDate(e.date), kindLabel(e.kind), e.regulator ? `(${e.regulator})` : '',
  e.amount ? fullMoney(e.amount, e.currency ?? '') : ''].filter(Boolean).join(' ');

/** The first incidents as they will be stored. */
function previewTable(preview) {
  const cols = incidentColumns(null);
  const columns = [
    cols.company,
    { label: t('import.preview.title'), cell: (p) => h('td', { text: p.title }) },
    cols.records,
    cols.people,
    { label: t('import.preview.events'), cell: (p) => h('td', { text: p.events.map(previewEvent).join('; ') || '—' }) },
    { label: t('import.preview.sources'), cell: (p) => h('td', { text: p.sources.map((s) => s.url).join(' ') || '—' }) },
  ];
  return h('div', {},
    h('h3', { text: t('import.preview.heading') }),
    h('div', { class: 'table-wrap' }, h('table', { class: 'incidents compact', id: 'import-preview-table' },
      h('thead', {}, h('tr', {}, columns.map((c) => h('th', { text: c.label })))),
      h('tbody', {}, preview.map((p) => incidentRow(p, columns))))));
}

/** "row 3: incident #12 (same company and title), merged". */
function duplicateLine(d) {
  const args = { row: String(d.row), id: String(d.existing_id), reason: messageText(d.reason) };
  return d.merged ? t('import.duplicate_merged', args) : t('import.duplicate_line', args);
}

function showReport(imp, r, dryRun) {
  const setAside = imp.skip.checked && r.errors.length;
  replaceChildren(imp.resultBox,
    unknownTable(imp, r),
    h('p', { id: 'import-verdict', class: r.errors.length && !setAside ? 'error' : 'ok', text: verdictText(r, setAside, imp.merge.checked) }),
    r.warnings.length ? h('ul', { class: 'warnings' }, r.warnings.slice(0, 20).map((w) => h('li', { text: w }))) : null,
    r.errors.length ? h('ul', { class: 'row-errors', id: 'import-errors' }, r.errors.map((e) => h('li', {
      text: t('import.row_error', { row: String(e.row), column: e.column, message: messageText(e) }) }))) : null,
    r.duplicates.length ? h('details', {}, h('summary', { text: duplicates(r.duplicates.length) }),
      h('ul', {}, r.duplicates.map((d) => h('li', { text: duplicateLine(d) })))) : null,
    dryRun && r.preview.length ? previewTable(r.preview) : null);
}

/** Any change of an option asks for a new preview before Import. */
function wireImport(imp) {
  const mustPreview = () => { imp.importButton.disabled = true; };
  imp.path.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') { ev.preventDefault(); inspect(imp); } });
  imp.previewButton.addEventListener('click', () => run(imp, true));
  imp.importButton.addEventListener('click', () => run(imp, false));
  imp.cancelButton.addEventListener('click', async () => {
    imp.cancelButton.disabled = true;
    try { await call('cancel_import'); } catch (e) { notifyError(e, { field: false }); }
  });
  for (const c of [imp.delimiter, imp.order, imp.kind, imp.currency]) c.select.addEventListener('change', mustPreview);
  imp.skip.addEventListener('change', mustPreview);
  imp.delimiter.select.addEventListener('change', () => { if (imp.path.value.trim()) inspect(imp); });
  imp.merge.addEventListener('change', mustPreview);
}

function importSection(imp, navigate) {
  return h('section', { class: 'view import-view' },
    h('div', { class: 'view-head' }, h('h2', { text: t('import.heading') }), h('span', { class: 'spacer' }),
      h('button', { type: 'button', text: t('common.back_to_list'), on: { click: () => navigate.list() } })),
    h('div', { class: 'filters' },
      h('label', { class: 'filter' }, h('span', { text: t('import.file') }), imp.path),
      h('button', { type: 'button', id: 'import-browse', text: t('import.choose'), on: { click: () => browse(imp) } }),
      h('button', { type: 'button', id: 'import-read', text: t('import.read_columns'), on: { click: () => inspect(imp) } }),
      imp.delimiter.box, imp.order.box, imp.kind.box, imp.currency.box,
      h('label', { class: 'check' }, imp.merge, ' ', t('import.merge')),
      h('label', { class: 'check' }, imp.skip, ' ', t('import.skip')),
      imp.rejects,
      h('button', { type: 'button', id: 'import-rejects-browse', text: t('import.save_rejects'), on: { click: () => chooseRejects(imp) } })),
    imp.mappingBox,
    h('div', { class: 'actions' }, imp.previewButton, imp.importButton, imp.cancelButton, imp.progress, imp.progressText),
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

/** The import's keys, for the help (?). */
export const shortcuts = [
  { keys: 'Enter', text: () => t('help.import.read') },
];
