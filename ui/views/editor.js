// Incident editor: the fields, an events table and a sources table. Rules live in
// Rust: the form is sent as typed, and the error that comes back names the field
// it belongs to (`records_affected`, `events[1].date`), which is shown beside it.
// Enter saves, Esc cancels.

import { call } from '../api.js';
import { h, replaceChildren, notify, debounce } from '../dom.js';

const EVENT_COLUMNS = [
  { key: 'kind', label: 'Kind' },
  { key: 'date', label: 'Date', placeholder: 'YYYY[-MM[-DD]]' },
  { key: 'regulator', label: 'Regulator', list: 'regulator-names' },
  { key: 'amount', label: 'Amount', placeholder: 'e.g. 1200000000' },
  { key: 'currency', label: 'Currency', list: 'currency-codes', placeholder: 'EUR' },
  { key: 'note', label: 'Note' },
  { key: 'source', label: 'Source URL', placeholder: 'https://…' },
];

const SOURCE_COLUMNS = [
  { key: 'url', label: 'URL', placeholder: 'https://…' },
  { key: 'title', label: 'Title' },
  { key: 'publisher', label: 'Publisher' },
  { key: 'published', label: 'Published', placeholder: 'YYYY-MM-DD' },
  { key: 'language', label: 'Language', placeholder: 'en, ko, zh…' },
];

function blankIncident() {
  return {
    company: '', title: '', summary: '', counterparty: '', country: '', status: 'reported',
    records_affected: null, users_affected: null, events: [], sources: [], version: null,
  };
}

/** A value for an <input>: null becomes empty. */
const text = (v) => (v === null || v === undefined ? '' : String(v));

/**
 * Opens the editor on incident `id`, or on a new incident. `from` may carry a
 * pre-filled form (`input`) and the article it was read from (`article`: the
 * text and the extractor's draft), whose evidence is then shown beside each
 * value and highlighted in the article on a click.
 */
export async function showEditor(main, app, navigate, id, from = null) {
  let incident = blankIncident();
  if (from?.input) incident = { ...blankIncident(), ...from.input, version: null };
  const article = from?.article ?? null;
  const articlePane = article ? articleView(article.text) : null;
  if (id !== null) {
    try {
      incident = await call('get_incident', { id });
    } catch (e) {
      notify(e.message, 'error');
      navigate.list();
      return;
    }
  }

  const errorsByField = new Map();
  const eventsBody = h('tbody', { id: 'events-body' });
  const sourcesBody = h('tbody', { id: 'sources-body' });
  const summaryError = h('p', { class: 'error', id: 'form-error', role: 'alert', hidden: true });

  const field = (name, label, control, hint) => {
    control.id = control.id || `field-${name}`;
    control.dataset.field = name;
    const err = h('small', { class: 'field-error', id: `error-${name}`, 'aria-live': 'polite' });
    errorsByField.set(name, err);
    control.setAttribute('aria-describedby', err.id);
    return h('div', { class: `field field-${name}` },
      h('label', { for: control.id, text: label }), control,
      hint ? h('small', { class: 'hint', text: hint }) : null,
      evidenceButton(articlePane, article?.draft?.[name], name), err);
  };

  const statusSelect = h('select', {}, app.info.statuses.map((s) => h('option', { value: s.value, text: s.label })));
  statusSelect.value = incident.status;

  const form = h('form', { id: 'incident-form', class: 'editor', novalidate: true, autocomplete: 'off' },
    h('div', { class: 'grid' },
      field('company', 'Company *', h('input', { value: text(incident.company), list: 'company-names-editor', required: true })),
      field('title', 'Title *', h('input', { value: text(incident.title), required: true })),
      field('counterparty', 'Counterparty (received the data)', h('input', { value: text(incident.counterparty) })),
      field('country', 'Country', h('input', { value: text(incident.country), maxlength: '2', placeholder: 'KR', class: 'short' }), 'ISO code, e.g. KR, IE, US'),
      field('status', 'Status', statusSelect),
      field('records_affected', 'Records affected', h('input', { value: text(incident.records_affected), inputmode: 'numeric', placeholder: 'unknown' }), 'Rows, items, cases'),
      field('users_affected', 'People affected', h('input', { value: text(incident.users_affected), inputmode: 'numeric', placeholder: 'unknown' }), 'Users, customers, accounts'),
    ),
    field('summary', 'Summary', h('textarea', { rows: '3' }, text(incident.summary))),
    h('section', { class: 'subtable' },
      h('div', { class: 'subhead' }, h('h3', { text: 'Events' }),
        h('button', { type: 'button', id: 'add-event', text: '+ Add event', title: 'Add event (Alt+E)' })),
      h('table', { class: 'rows', id: 'events-table' },
        h('thead', {}, h('tr', {}, EVENT_COLUMNS.map((c) => h('th', { scope: 'col', text: c.label })), h('th', {}))),
        eventsBody)),
    h('section', { class: 'subtable' },
      h('div', { class: 'subhead' }, h('h3', { text: 'Sources' }),
        h('button', { type: 'button', id: 'add-source', text: '+ Add source', title: 'Add source (Alt+S)' })),
      h('table', { class: 'rows', id: 'sources-table' },
        h('thead', {}, h('tr', {}, SOURCE_COLUMNS.map((c) => h('th', { scope: 'col', text: c.label })), h('th', {}))),
        sourcesBody)),
    h('datalist', { id: 'regulator-names' }, app.regulators.map((r) => h('option', { value: r.short_name ?? r.name, label: `${r.name} (${r.country})` }))),
    h('datalist', { id: 'currency-codes' }, app.info.currencies.map((c) => h('option', { value: c }))),
    h('datalist', { id: 'company-names-editor' }),
  );

  function subRow(body, prefix, columns, values, index) {
    const cells = columns.map((c) => {
      const name = `${prefix}[${index}].${c.key}`;
      let control;
      if (c.key === 'kind') {
        control = h('select', {}, app.info.event_kinds.map((k) => h('option', { value: k.value, text: k.label })));
        control.value = values.kind || 'other';
      } else {
        control = h('input', { value: text(values[c.key]), placeholder: c.placeholder, list: c.list });
      }
      control.dataset.field = name;
      control.dataset.key = c.key;
      control.setAttribute('aria-label', `${c.label} (${prefix === 'events' ? 'event' : 'source'} ${index + 1})`);
      const err = h('small', { class: 'field-error' });
      errorsByField.set(name, err);
      const proof = evidenceButton(articlePane, values._proofs?.[c.key], name);
      return h('td', { class: `col-${c.key}` }, control, proof, err);
    });
    const remove = h('button', { type: 'button', class: 'remove', text: '✕', title: 'Remove this row', 'aria-label': `Remove ${prefix === 'events' ? 'event' : 'source'} ${index + 1}`,
      on: { click: () => { const rows = readRows(body, columns); rows.splice(index, 1); drawRows(body, prefix, columns, rows); } } });
    const tr = h('tr', {}, cells, h('td', {}, remove));
    if (values._proofs) tr.dataset.proofs = JSON.stringify(values._proofs);
    return tr;
  }

  function readRows(body, columns) {
    return [...body.querySelectorAll('tr:not(.none)')].map((tr) => ({
      ...Object.fromEntries(columns.map((c) => {
        const el = tr.querySelector(`[data-key="${c.key}"]`);
        return [c.key, el ? el.value : ''];
      })),
      _proofs: tr.dataset.proofs ? JSON.parse(tr.dataset.proofs) : null,
    }));
  }

  function drawRows(body, prefix, columns, rows) {
    for (const key of [...errorsByField.keys()]) if (key.startsWith(`${prefix}[`)) errorsByField.delete(key);
    replaceChildren(body, rows.map((r, i) => subRow(body, prefix, columns, r, i)));
    if (rows.length === 0) {
      replaceChildren(body, h('tr', { class: 'none' }, h('td', { colspan: columns.length + 1, class: 'muted', text: prefix === 'events' ? 'No events yet.' : 'No sources yet.' })));
    }
  }

  const eventRows = () => readRows(eventsBody, EVENT_COLUMNS);
  const sourceRows = () => readRows(sourcesBody, SOURCE_COLUMNS);

  drawRows(eventsBody, 'events', EVENT_COLUMNS, incident.events.map((e, i) => ({
    ...e, amount: e.amount == null ? '' : String(e.amount), currency: e.currency ?? '',
    // Where the article says so: the date, the fine and the regulator.
    _proofs: article ? {
      date: article.draft.events?.[i] ?? null,
      amount: e.amount != null ? article.draft.fine : null,
      regulator: e.regulator ? article.draft.regulator : null,
    } : null,
  })));
  drawRows(sourcesBody, 'sources', SOURCE_COLUMNS, incident.sources);

  function addRow(body, prefix, columns, blank) {
    const rows = readRows(body, columns);
    rows.push(blank);
    drawRows(body, prefix, columns, rows);
    body.querySelector('tr:last-child [data-key]')?.focus();
  }
  const addEvent = () => addRow(eventsBody, 'events', EVENT_COLUMNS, { kind: 'other', date: '' });
  const addSource = () => addRow(sourcesBody, 'sources', SOURCE_COLUMNS, { url: '' });
  form.querySelector('#add-event').addEventListener('click', addEvent);
  form.querySelector('#add-source').addEventListener('click', addSource);

  /** The form as typed; Rust parses and checks every value. */
  function readForm() {
    const value = (name) => form.querySelector(`[data-field="${name}"]`).value;
    const optional = (name) => value(name).trim() || null;
    return {
      company: value('company'),
      title: value('title'),
      summary: optional('summary'),
      counterparty: optional('counterparty'),
      country: optional('country'),
      status: value('status'),
      records_affected: value('records_affected'),
      users_affected: value('users_affected'),
      events: eventRows().map((e) => ({
        kind: e.kind, date: e.date, regulator: e.regulator || null, amount: e.amount || null,
        currency: e.currency || null, note: e.note || null, source: e.source || null,
      })),
      sources: sourceRows().map((s) => ({
        url: s.url, title: s.title || null, publisher: s.publisher || null,
        published: s.published || null, language: s.language || null,
      })),
      version: incident.version,
    };
  }

  function clearErrors() {
    for (const err of errorsByField.values()) err.textContent = '';
    for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
    summaryError.hidden = true;
  }

  /** Puts the error beside its field; returns that field's control. */
  function showError(e) {
    clearErrors();
    const target = e.field && errorsByField.get(e.field);
    const control = e.field && form.querySelector(`[data-field="${CSS.escape(e.field)}"]`);
    if (target) target.textContent = e.message;
    if (control) control.setAttribute('aria-invalid', 'true');
    summaryError.textContent = e.kind === 'validation'
      ? `Not saved. ${fieldLabel(e.field)}: ${e.message}`
      : `Not saved. ${e.message}`;
    summaryError.hidden = false;
    return control;
  }

  async function save() {
    try {
      const saved = await call('save_incident', { id: incident.id ?? null, input: readForm() });
      notify(`Saved incident #${saved.id}: ${saved.company} — ${saved.title}`);
      navigate.list();
    } catch (e) {
      showError(e)?.focus();
    }
  }

  const cancel = () => navigate.list();

  // Inline validation: after each edit, ask Rust whether the form holds, and
  // show the first broken rule beside its field without moving the focus.
  const check = debounce(async () => {
    try {
      await call('validate_incident', { input: readForm() });
      clearErrors();
    } catch (e) {
      if (e.kind === 'validation') showError(e);
    }
  }, 300);
  form.addEventListener('input', check);

  form.addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape') { ev.preventDefault(); cancel(); return; }
    const inTextarea = ev.target.tagName === 'TEXTAREA';
    const onButton = ev.target.tagName === 'BUTTON';
    if (ev.key === 'Enter' && (!inTextarea || ev.ctrlKey) && !onButton) { ev.preventDefault(); save(); }
    if (ev.altKey && (ev.key === 'e' || ev.key === 'E')) { ev.preventDefault(); addEvent(); }
    if (ev.altKey && (ev.key === 's' || ev.key === 'S')) { ev.preventDefault(); addSource(); }
  });
  form.addEventListener('submit', (ev) => { ev.preventDefault(); save(); });

  const actions = h('div', { class: 'actions' },
    h('button', { type: 'submit', form: 'incident-form', class: 'primary', id: 'save', text: 'Save', title: 'Save (Enter)' }),
    h('button', { type: 'button', id: 'cancel', text: 'Cancel', title: 'Cancel (Esc)', on: { click: cancel } }),
    h('span', { class: 'spacer' }),
    incident.id ? h('button', { type: 'button', id: 'delete', class: 'danger', text: 'Delete incident', on: { click: remove } }) : null);

  async function remove() {
    try {
      await call('delete_incident', { id: incident.id, version: incident.version });
      notify(`Deleted incident #${incident.id}`);
      navigate.list();
    } catch (e) {
      showError(e);
    }
  }

  const heading = incident.id
    ? `Incident #${incident.id}`
    : article ? 'New incident from article' : 'New incident';
  replaceChildren(main, h('section', { class: `view editor-view${article ? ' with-article' : ''}` },
    h('div', { class: 'view-head' }, h('h2', { text: heading }),
      incident.id ? h('span', { class: 'muted', text: `version ${incident.version} · updated ${incident.updated_at}` }) : null,
      h('span', { class: 'spacer' }),
      incident.id ? h('button', { type: 'button', id: 'open-company', class: 'link', text: `Timeline of ${incident.company} ›`, on: { click: () => navigate.company(incident.company) } }) : null),
    summaryError,
    article ? h('div', { class: 'editor-split' }, h('div', { class: 'editor-main' }, form, actions), articlePane) : form,
    article ? null : actions));

  const suggest = debounce((prefix) => call('company_names', { prefix })
    .then((names) => replaceChildren(form.querySelector('#company-names-editor'), names.map((n) => h('option', { value: n }))))
    .catch(() => {}), 150);
  form.querySelector('[data-field="company"]').addEventListener('input', (ev) => suggest(ev.target.value));
  suggest(text(incident.company));
  form.querySelector('[data-field="company"]').focus();
}

/** `events[1].date` → "Event 2, date". */
function fieldLabel(field) {
  if (!field) return 'Form';
  const m = /^(events|sources)\[(\d+)\]\.(\w+)$/.exec(field);
  if (m) return `${m[1] === 'events' ? 'Event' : 'Source'} ${Number(m[2]) + 1}, ${m[3].replace('_', ' ')}`;
  const words = field.replace('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A read-only view of the article whose words can be highlighted by byte range. */
function articleView(text) {
  const bytes = new TextEncoder().encode(text);
  const decode = (a, b) => new TextDecoder().decode(bytes.slice(a, b));
  const body = h('div', { class: 'article-text', id: 'article-text' }, text);
  const pane = h('aside', { class: 'article-pane', 'aria-label': 'Article' }, h('h3', { text: 'Article' }), body);
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
    title: 'Show these words in the article',
    text: `“${found.evidence.length > 60 ? `${found.evidence.slice(0, 57)}…` : found.evidence}” · ${confidence}%`,
    on: { click: () => pane.highlight(found.start, found.end) },
  });
}
