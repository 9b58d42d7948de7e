// Incident editor: the fields, an events table and a sources table. Rules live in
// Rust: the form is sent as typed, and the error that comes back names the field
// it belongs to (`records_affected`, `events[1].date`), which is shown beside it.
// Enter saves, Esc cancels.

import { openButton } from '../links.js';
import { call } from '../api.js';
import { h, replaceChildren, notify, debounce } from '../dom.js';
import { statusChoices, kindChoices, choiceOptions } from '../labels.js';
import { suggestCompanies } from '../companies.js';
import { loadOrList, teardownAll } from '../view.js';
import { t, language, formatTimestamp, formatCount } from '../i18n.js';
import { messageText, fieldName } from '../errors.js';

// Labels and placeholders are functions: they follow the language in force when drawn.
const EVENT_COLUMNS = [
  { key: 'kind', label: () => t('editor.event.kind') },
  { key: 'date', label: () => t('editor.event.date'), placeholder: () => t('editor.event.date_placeholder') },
  { key: 'regulator', label: () => t('editor.event.regulator'), list: 'regulator-names' },
  { key: 'amount', label: () => t('editor.event.amount'), placeholder: () => t('editor.event.amount_placeholder') },
  { key: 'currency', label: () => t('editor.event.currency'), list: 'currency-codes', placeholder: () => t('editor.event.currency_placeholder') },
  { key: 'note', label: () => t('editor.event.note') },
  { key: 'source', label: () => t('editor.event.source'), placeholder: () => 'https://…' },
];

const SOURCE_COLUMNS = [
  { key: 'url', label: () => t('editor.source.url'), placeholder: () => 'https://…' },
  { key: 'title', label: () => t('editor.source.title') },
  { key: 'publisher', label: () => t('editor.source.publisher') },
  { key: 'published', label: () => t('editor.source.published'), placeholder: () => t('editor.source.published_placeholder') },
  { key: 'language', label: () => t('editor.source.language'), placeholder: () => t('editor.source.language_placeholder') },
];

/** The two sub-tables, by the prefix their fields carry (`events[0].date`). */
const TABLES = {
  events: { columns: EVENT_COLUMNS, noun: 'event', blank: { kind: 'other', date: '' },
    heading: () => t('editor.events'), none: () => t('editor.no_events'), add: () => t('editor.add_event'),
    addTitle: () => t('editor.add_event_title'), item: (n) => t('editor.event_n', { n }),
    remove: (n) => t('editor.remove_event', { n }) },
  sources: { columns: SOURCE_COLUMNS, noun: 'source', blank: { url: '' },
    heading: () => t('editor.sources'), none: () => t('editor.no_sources'), add: () => t('editor.add_source'),
    addTitle: () => t('editor.add_source_title'), item: (n) => t('editor.source_n', { n }),
    remove: (n) => t('editor.remove_source', { n }) },
};

/** The incident's own fields, as typed. */
const FIELDS = ['company', 'title', 'summary', 'counterparty', 'country', 'status', 'records_affected', 'users_affected'];

function blankIncident() {
  return {
    company: '', title: '', summary: '', counterparty: '', country: '', status: 'reported',
    records_affected: null, users_affected: null, events: [], sources: [], version: null,
  };
}

/** A value for an <input>: null becomes empty. */
const text = (v) => (v === null || v === undefined ? '' : String(v));

/**
 * A sub-table row as the editor keeps it: the text of each column, and the
 * article's evidence for some of them (`proofs`, by column key, or null).
 */
function rowState(columns, values, proofs = null) {
  return {
    values: Object.fromEntries(columns.map((c) => [c.key, c.key === 'kind' ? values.kind || 'other' : text(values[c.key])])),
    proofs,
  };
}

/** Where the article says so: the event's date, the fine and the regulator. */
function eventProofs(article, e, i) {
  return {
    date: article.draft.events?.[i] ?? null,
    amount: e.amount != null ? article.draft.fine : null,
    regulator: e.regulator ? article.draft.regulator : null,
  };
}

/**
 * The editor's state: the incident as loaded (its id, version, dates), the
 * form's values as typed, and the rows of the two sub-tables. The form is
 * drawn from it, and every edit is written back into it.
 */
function editorState(incident, article) {
  return {
    incident,
    fields: Object.fromEntries(FIELDS.map((name) => [name, text(incident[name])])),
    rows: {
      events: incident.events.map((e, i) => rowState(EVENT_COLUMNS, e, article ? eventProofs(article, e, i) : null)),
      sources: incident.sources.map((s) => rowState(SOURCE_COLUMNS, s)),
    },
  };
}

/** Writes a control's value into `target[key]` on every edit. */
function bind(control, target, key) {
  const sync = () => { target[key] = control.value; };
  control.addEventListener('input', sync);
  control.addEventListener('change', sync);
}

/** One field of the incident: label, control, hint, evidence and error. */
function field(ed, name, label, control, hint) {
  control.id = control.id || `field-${name}`;
  control.dataset.field = name;
  bind(control, ed.state.fields, name);
  const err = h('small', { class: 'field-error', id: `error-${name}`, 'aria-live': 'polite' });
  ed.errorsByField.set(name, err);
  control.setAttribute('aria-describedby', err.id);
  return h('div', { class: `field field-${name}` },
    h('label', { for: control.id, text: label }), control,
    hint ? h('small', { class: 'hint', text: hint }) : null,
    evidenceButton(ed.articlePane, ed.article?.draft?.[name], name), nextBestButton(ed, name, control), err);
}

/**
 * "Not this — use “N”": the extractor's next-best reading of a field, one
 * click away; the click puts it in the field, and the button then offers the
 * first pick back.
 */
function nextBestButton(ed, name, control) {
  const first = ed.article?.draft?.[name];
  let offered = ed.article?.draft?.next_best?.[name];
  if (!ed.articlePane || !first || !offered) return null;
  let current = first;
  const label = (f) => t('editor.use_next', { value: typeof f.value === 'number' ? formatCount(f.value) : f.value });
  const button = h('button', { type: 'button', class: 'next-best', id: `next-best-${name}`, text: label(offered) });
  button.addEventListener('click', () => {
    control.value = String(offered.value);
    control.dispatchEvent(new Event('input'));
    [offered, current] = [current, offered];
    button.textContent = label(offered);
    ed.articlePane.highlight(current.start, current.end);
  });
  return button;
}

/** The incident's own fields, drawn from the state. */
function incidentFields(ed) {
  const v = ed.state.fields;
  const statusSelect = h('select', {}, choiceOptions(statusChoices()));
  statusSelect.value = v.status;
  return [
    h('div', { class: 'grid' },
      field(ed, 'company', t('editor.company'), h('input', { value: v.company, list: 'company-names-editor', required: true })),
      field(ed, 'title', t('editor.title'), h('input', { value: v.title, required: true })),
      field(ed, 'counterparty', t('editor.counterparty'), h('input', { value: v.counterparty })),
      field(ed, 'country', t('editor.country'), h('input', { value: v.country, maxlength: '2', placeholder: 'KR', class: 'short' }),
        t('editor.country_hint')),
      field(ed, 'status', t('editor.status'), statusSelect),
      field(ed, 'records_affected', t('editor.records_affected'),
        h('input', { value: v.records_affected, inputmode: 'numeric', placeholder: t('editor.unknown') }), t('editor.records_hint')),
      field(ed, 'users_affected', t('editor.users_affected'),
        h('input', { value: v.users_affected, inputmode: 'numeric', placeholder: t('editor.unknown') }), t('editor.users_hint')),
    ),
    field(ed, 'summary', t('editor.summary'), h('textarea', { rows: '3' }, v.summary)),
  ];
}

/** The Events or Sources table with its Add button; rows are drawn by drawRows. */
function subTable(ed, prefix) {
  const table = TABLES[prefix];
  return h('section', { class: 'subtable' },
    h('div', { class: 'subhead' }, h('h3', { text: table.heading() }),
      h('button', { type: 'button', id: `add-${table.noun}`, text: table.add(), title: table.addTitle(), on: { click: () => addRow(ed, prefix) } })),
    h('table', { class: 'rows', id: `${prefix}-table` },
      h('thead', {}, h('tr', {}, table.columns.map((c) => h('th', { scope: 'col', text: c.label() })), h('th', {}))),
      ed.bodies[prefix]));
}

function buildForm(ed) {
  return h('form', { id: 'incident-form', class: 'editor', novalidate: true, autocomplete: 'off' },
    incidentFields(ed),
    subTable(ed, 'events'),
    subTable(ed, 'sources'),
    h('datalist', { id: 'regulator-names' }, ed.app.regulators.map((r) => h('option', { value: r.short_name ?? r.name, label: `${r.name} (${r.country})` }))),
    h('datalist', { id: 'currency-codes' }, ed.app.info.currencies.map((c) => h('option', { value: c }))),
    h('datalist', { id: 'company-names-editor' }),
  );
}

/** One cell of a sub-table row: its control, the article's evidence and the error. */
function subCell(ed, prefix, row, index, c) {
  const name = `${prefix}[${index}].${c.key}`;
  let control;
  if (c.key === 'kind') {
    control = h('select', {}, choiceOptions(kindChoices()));
    control.value = row.values.kind;
  } else {
    control = h('input', { value: row.values[c.key], placeholder: c.placeholder?.(), list: c.list });
  }
  control.dataset.field = name;
  control.dataset.key = c.key;
  control.setAttribute('aria-label', t('editor.cell_label', { column: c.label(), item: TABLES[prefix].item(index + 1) }));
  bind(control, row.values, c.key);
  const err = h('small', { class: 'field-error' });
  ed.errorsByField.set(name, err);
  const proof = evidenceButton(ed.articlePane, row.proofs?.[c.key], name);
  const open = c.key === 'url' || c.key === 'source' ? openButton(control, TABLES[prefix].item(index + 1)) : null;
  return h('td', { class: `col-${c.key}` }, control, open, proof, err);
}

function subRow(ed, prefix, row, index) {
  const { columns } = TABLES[prefix];
  const remove = h('button', { type: 'button', class: 'remove', text: '✕', title: t('editor.remove_row'),
    'aria-label': TABLES[prefix].remove(index + 1),
    on: { click: () => { ed.state.rows[prefix].splice(index, 1); drawRows(ed, prefix); } } });
  return h('tr', {}, columns.map((c) => subCell(ed, prefix, row, index, c)), h('td', {}, remove));
}

/** Draws the rows of a sub-table from the state. */
function drawRows(ed, prefix) {
  const { columns, none } = TABLES[prefix];
  const rows = ed.state.rows[prefix];
  const body = ed.bodies[prefix];
  for (const key of [...ed.errorsByField.keys()]) if (key.startsWith(`${prefix}[`)) ed.errorsByField.delete(key);
  replaceChildren(body, rows.map((r, i) => subRow(ed, prefix, r, i)));
  if (rows.length === 0) {
    replaceChildren(body, h('tr', { class: 'none' }, h('td', { colspan: columns.length + 1, class: 'muted', text: none() })));
  }
}

function addRow(ed, prefix) {
  const { columns, blank } = TABLES[prefix];
  ed.state.rows[prefix].push(rowState(columns, blank));
  drawRows(ed, prefix);
  ed.bodies[prefix].querySelector('tr:last-child [data-key]')?.focus();
}

/** The form as typed; Rust parses and checks every value. */
function readForm(ed) {
  const { fields, rows, incident } = ed.state;
  const optional = (name) => fields[name].trim() || null;
  return {
    company: fields.company,
    title: fields.title,
    summary: optional('summary'),
    counterparty: optional('counterparty'),
    country: optional('country'),
    status: fields.status,
    records_affected: fields.records_affected,
    users_affected: fields.users_affected,
    events: rows.events.map(({ values: e }) => ({
      kind: e.kind, date: e.date, regulator: e.regulator || null, amount: e.amount || null,
      currency: e.currency || null, note: e.note || null, source: e.source || null,
    })),
    sources: rows.sources.map(({ values: s }) => ({
      url: s.url, title: s.title || null, publisher: s.publisher || null,
      published: s.published || null, language: s.language || null,
    })),
    version: incident.version,
  };
}

function clearErrors(ed) {
  for (const err of ed.errorsByField.values()) err.textContent = '';
  for (const el of ed.form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  ed.summaryError.hidden = true;
}

/** Puts the error beside its field and above the form; returns that field's control. */
function showFieldError(ed, e) {
  clearErrors(ed);
  const target = e.field && ed.errorsByField.get(e.field);
  const control = e.field && ed.form.querySelector(`[data-field="${CSS.escape(e.field)}"]`);
  const message = messageText(e);
  if (target) target.textContent = message;
  if (control) control.setAttribute('aria-invalid', 'true');
  ed.summaryError.textContent = e.kind === 'validation'
    ? t('editor.not_saved_field', { field: fieldLabel(e.field), message })
    : t('editor.not_saved', { message });
  ed.summaryError.hidden = false;
  return control;
}

async function save(ed) {
  try {
    const saved = await call('save_incident', { id: ed.state.incident.id ?? null, input: readForm(ed) });
    notify(t('editor.saved', { id: String(saved.id), company: saved.company, title: saved.title }));
    ed.navigate.list();
  } catch (e) {
    const control = showFieldError(ed, e);
    // After the banner has moved the form: the field in error, in view, takes the keys.
    requestAnimationFrame(() => { control?.scrollIntoView({ block: 'center' }); control?.focus(); });
  }
}

async function remove(ed) {
  const { incident } = ed.state;
  try {
    await call('delete_incident', { id: incident.id, version: incident.version });
    notify(t('editor.deleted', { id: String(incident.id) }));
    ed.navigate.list();
  } catch (e) {
    showFieldError(ed, e);
  }
}

/** Enter saves (Ctrl+Enter in the summary), Esc cancels, Alt+E and Alt+S add rows. */
function formKeys(ed, ev) {
  if (ev.key === 'Escape') { ev.preventDefault(); ed.navigate.list(); return; }
  const inTextarea = ev.target.tagName === 'TEXTAREA';
  const onButton = ev.target.tagName === 'BUTTON';
  if (ev.key === 'Enter' && (!inTextarea || ev.ctrlKey) && !onButton) { ev.preventDefault(); save(ed); }
  if (ev.altKey && (ev.key === 'e' || ev.key === 'E')) { ev.preventDefault(); addRow(ed, 'events'); }
  if (ev.altKey && (ev.key === 's' || ev.key === 'S')) { ev.preventDefault(); addRow(ed, 'sources'); }
}

/**
 * Inline validation: after each edit, ask Rust whether the form holds, and
 * show the first broken rule beside its field without moving the focus.
 * Returns the debounced check.
 */
function wireForm(ed) {
  const check = debounce(async () => {
    try {
      await call('validate_incident', { input: readForm(ed) });
      clearErrors(ed);
    } catch (e) {
      if (e.kind === 'validation') showFieldError(ed, e);
    }
  }, 300);
  ed.form.addEventListener('input', check);
  ed.form.addEventListener('keydown', (ev) => formKeys(ed, ev));
  ed.form.addEventListener('submit', (ev) => { ev.preventDefault(); save(ed); });
  return check;
}

function actionsBar(ed) {
  const { incident } = ed.state;
  return h('div', { class: 'actions' },
    h('button', { type: 'submit', form: 'incident-form', class: 'primary', id: 'save', text: t('editor.save'), title: t('editor.save_title') }),
    h('button', { type: 'button', id: 'cancel', text: t('editor.cancel'), title: t('editor.cancel_title'), on: { click: () => ed.navigate.list() } }),
    h('span', { class: 'spacer' }),
    incident.id ? h('button', { type: 'button', id: 'delete', class: 'danger', text: t('editor.delete'), on: { click: () => remove(ed) } }) : null);
}

function paint(main, ed) {
  const { incident } = ed.state;
  const { article, navigate } = ed;
  const actions = actionsBar(ed);
  const heading = incident.id
    ? t('editor.heading', { id: String(incident.id) })
    : article ? t('editor.heading_new_article') : t('editor.heading_new');
  replaceChildren(main, h('section', { class: `view editor-view${article ? ' with-article' : ''}` },
    h('div', { class: 'view-head' }, h('h2', { text: heading }),
      incident.id ? h('span', { class: 'muted', title: incident.updated_at,
        text: t('editor.version', { version: String(incident.version), updated: formatTimestamp(incident.updated_at) }) }) : null,
      h('span', { class: 'spacer' }),
      incident.id ? h('button', { type: 'button', id: 'open-company', class: 'link', text: t('editor.open_company', { company: incident.company }),
        on: { click: () => navigate.company(incident.company) } }) : null),
    ed.summaryError,
    article ? h('div', { class: 'editor-split' }, h('div', { class: 'editor-main' }, ed.form, actions), ed.articlePane) : ed.form,
    article ? null : actions));
}

/** A new incident: pre-filled from `from.input`, or blank. */
function newIncident(from) {
  return from?.input ? { ...blankIncident(), ...from.input, version: null } : blankIncident();
}

/**
 * Opens the editor on incident `id`, or on a new incident. `from` may carry a
 * pre-filled form (`input`) and the article it was read from (`article`: the
 * text and the extractor's draft), whose evidence is then shown beside each
 * value and highlighted in the article on a click. The teardown drops a
 * pending check or name look-up.
 */
export async function showEditor(main, app, navigate, id, from = null) {
  const incident = id === null ? newIncident(from) : await loadOrList(app, navigate, 'get_incident', { id });
  if (!incident) return undefined;
  const article = from?.article ?? null;
  const ed = {
    app, navigate, article,
    articlePane: article ? articleView(article.text) : null,
    state: editorState(incident, article),
    errorsByField: new Map(),
    bodies: { events: h('tbody', { id: 'events-body' }), sources: h('tbody', { id: 'sources-body' }) },
    summaryError: h('p', { class: 'error', id: 'form-error', role: 'alert', hidden: true }),
  };
  ed.form = buildForm(ed);
  drawRows(ed, 'events');
  drawRows(ed, 'sources');
  const check = wireForm(ed);
  paint(main, ed);
  const company = ed.form.querySelector('[data-field="company"]');
  const suggest = suggestCompanies(company, ed.form.querySelector('#company-names-editor'), ed.state.fields.company, () => {});
  company.focus();
  return teardownAll(check.cancel, suggest.cancel);
}

/**
 * `events[1].date` → "Event 2, date"; `records_affected` → "Records affected".
 * English words the path as it always did; other languages name the field.
 */
function fieldLabel(field) {
  if (!field) return t('editor.form');
  const m = /^(events|sources)\[(\d+)\]\.(\w+)$/.exec(field);
  const leaf = m ? m[3] : field;
  const name = fieldName(leaf) ?? leaf.replace('_', ' ');
  if (m) {
    const args = { n: Number(m[2]) + 1, field: name };
    return m[1] === 'events' ? t('editor.error_event', args) : t('editor.error_source', args);
  }
  return language() === 'en' ? name.charAt(0).toUpperCase() + name.slice(1) : name;
}

/** A read-only view of the article whose words can be highlighted by byte range. */
function articleView(text) {
  const bytes = new TextEncoder().encode(text);
  const decode = (a, b) => new TextDecoder().decode(bytes.slice(a, b));
  const body = h('div', { class: 'article-text', id: 'article-text' }, text);
  const pane = h('aside', { class: 'article-pane', 'aria-label': t('editor.article') }, h('h3', { text: t('editor.article') }), body);
  pane.highlight = (start, end) => {
    const mark = h('mark', { id: 'article-mark' }, decode(start, end));
    replaceChildren(body, decode(0, start), mark, decode(end, bytes.length));
    mark.scrollIntoView({ block: 'center' });
  };
  return pane;
}

/** "“4000万名” · 70%": shows where a value came from; a click marks it in the article. */
function evidenceButton(pane, found, name) {
  if (!pane || !found || !found.evidence) return null;
  const confidence = Math.round((found.confidence ?? 0) * 100);
  return h('button', {
    type: 'button', class: 'evidence', dataset: { evidenceFor: name },
    title: t('editor.evidence_title'),
    text: `“${found.evidence.length > 60 ? `${found.evidence.slice(0, 57)}…` : found.evidence}” · ${confidence}%`,
    on: { click: () => pane.highlight(found.start, found.end) },
  });
}

/** The editor's keys, for the help (?). */
export const shortcuts = [
  { keys: 'Enter', text: () => t('help.editor.save') },
  { keys: 'Ctrl+Enter', text: () => t('help.editor.save_summary') },
  { keys: 'Esc', text: () => t('help.editor.cancel') },
  { keys: 'Alt+E', text: () => t('help.editor.add_event') },
  { keys: 'Alt+S', text: () => t('help.editor.add_source') },
];
