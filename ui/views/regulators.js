// Regulators: the registry as data. Find a regulator by any of its names, add
// one, give one another name, or merge two (events move, names become
// aliases). Every change is kept in the registry's history on the Rust side.

import { call } from '../api.js';
import { h, replaceChildren, formatCount, notify } from '../dom.js';
import { showError, notifyError } from '../errors.js';

const LEVELS = ['national', 'regional', 'sector', 'supranational'];

/** The form that adds a regulator, or edits one chosen with its Edit button. */
function addForm(reload) {
  const field = (name, label, attrs = {}) => h('label', { class: 'filter' }, h('span', { text: label }),
    h('input', { dataset: { field: name }, 'aria-label': label, ...attrs }));
  const level = h('select', { dataset: { field: 'level' }, 'aria-label': 'Level' },
    h('option', { value: '', text: '—' }), LEVELS.map((l) => h('option', { value: l, text: l })));
  const message = h('p', { class: 'error', role: 'alert', id: 'regulator-add-error', hidden: true });
  const submit = h('button', { type: 'submit', class: 'primary', id: 'regulator-add-button', text: 'Add regulator' });
  const cancel = h('button', { type: 'button', id: 'regulator-edit-cancel', text: 'Cancel', hidden: true });
  let editing = null;
  const form = h('form', { class: 'filters', id: 'regulator-add' },
    field('name', 'Name', { size: '34', required: true }),
    field('short_name', 'Short name', { size: '10' }),
    field('country', 'Country (code or name)', { size: '12' }),
    h('label', { class: 'filter' }, h('span', { text: 'Level' }), level),
    field('website', 'Website', { size: '24' }),
    field('aliases', 'Other names (separated by ;)', { size: '30' }),
    submit, cancel,
    message);
  const done = () => {
    editing = null;
    form.reset();
    submit.textContent = 'Add regulator';
    cancel.hidden = true;
  };
  cancel.addEventListener('click', done);
  /** Fills the form with `r` to change it. */
  form.edit = (r) => {
    editing = r;
    for (const [name, value] of Object.entries({ name: r.name, short_name: r.short_name, country: r.country, level: r.level, website: r.website, aliases: '' })) {
      form.querySelector(`[data-field='${name}']`).value = value ?? '';
    }
    submit.textContent = `Save ${r.short_name ?? r.name}`;
    cancel.hidden = false;
    form.querySelector("[data-field='name']").focus();
  };
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const value = (name) => form.querySelector(`[data-field='${name}']`).value.trim() || null;
    const input = {
      name: value('name'), short_name: value('short_name'), country: value('country'),
      level: value('level'), website: value('website'),
      aliases: (value('aliases') ?? '').split(';').map((a) => a.trim()).filter((a) => a),
    };
    try {
      if (editing) {
        await call('edit_regulator', { regulator: `#${editing.id}`, input });
        notify(`Saved ${input.short_name ?? input.name}`);
      } else {
        await call('add_regulator', { input });
        notify(`Added ${input.short_name ?? input.name}`);
      }
      message.hidden = true;
      done();
      await reload();
    } catch (e) {
      showError(message, e);
    }
  });
  return form;
}

function row(r, all, navigate, reload, form) {
  const label = r.short_name ?? r.name;
  const alias = h('input', { size: '16', placeholder: 'another name', 'aria-label': `Another name for ${label}`, dataset: { aliasFor: label } });
  const addAlias = async () => {
    if (!alias.value.trim()) return;
    try {
      await call('add_regulator_alias', { regulator: `#${r.id}`, alias: alias.value.trim() });
      notify(`${alias.value.trim()} now names ${label}`);
      await reload();
    } catch (e) { notifyError(e); }
  };
  alias.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') { ev.preventDefault(); addAlias(); } });
  const into = h('select', { 'aria-label': `Merge ${label} into`, dataset: { mergeFrom: label } },
    h('option', { value: '', text: 'merge into…' }),
    all.filter((o) => o.id !== r.id && o.country === r.country).map((o) => h('option', { value: `#${o.id}`, text: o.short_name ?? o.name })));
  into.addEventListener('change', async () => {
    if (!into.value) return;
    const target = into.selectedOptions[0].textContent;
    if (!window.confirm(`Merge ${label} into ${target}? Its ${r.actions} events move and its names become aliases of ${target}.`)) {
      into.value = '';
      return;
    }
    try {
      const moved = await call('merge_regulators', { from: `#${r.id}`, into: into.value });
      notify(`Merged ${label} into ${target}: ${moved} events moved`);
      await reload();
    } catch (e) { notifyError(e); }
  });
  return h('tr', { dataset: { id: r.id } },
    h('td', {}, h('button', { type: 'button', class: 'link regulator-link', text: label, on: { click: () => navigate.regulator(`#${r.id}`) } })),
    h('td', { text: r.name }),
    h('td', { text: r.country }),
    h('td', { text: r.level ?? '—' }),
    h('td', { class: 'num', text: formatCount(r.actions) }),
    h('td', { class: 'aliases', text: r.aliases.join(' · ') || '—' }),
    h('td', {}, alias, h('button', { type: 'button', text: 'Add', on: { click: addAlias } })),
    h('td', {}, into, ' ', h('button', { type: 'button', class: 'regulator-edit', text: 'Edit', 'aria-label': `Edit ${label}`, on: { click: () => form.edit(r) } })));
}

/** The Regulators view; its listeners all sit on its own elements, so it has no teardown. */
export async function showRegulators(main, app, navigate) {
  const search = h('input', { id: 'regulator-search', type: 'search', size: '30', placeholder: 'any name, short name, country', 'aria-label': 'Find a regulator' });
  const body = h('tbody', {});
  const count = h('span', { class: 'muted', id: 'regulator-count' });
  let all = [];
  const render = () => {
    const q = search.value.trim().toLowerCase();
    const shown = all.filter((r) => !q || [r.name, r.short_name ?? '', r.country, ...r.aliases].some((n) => n.toLowerCase().includes(q)));
    count.textContent = `${formatCount(shown.length)} of ${formatCount(all.length)} regulators`;
    replaceChildren(body, shown.slice(0, 300).map((r) => row(r, all, navigate, reload, form)));
  };
  async function reload() {
    all = await call('regulator_entries');
    app.regulators = await call('list_regulators');
    render();
  }
  search.addEventListener('input', render);
  const form = addForm(reload);
  replaceChildren(main, h('section', { class: 'view regulators-view' },
    h('div', { class: 'view-head' }, h('h2', { text: 'Regulators' }), count, h('span', { class: 'spacer' }),
      h('button', { type: 'button', text: '‹ Incidents', on: { click: () => navigate.list() } })),
    form,
    h('div', { class: 'filters' }, h('label', { class: 'filter' }, h('span', { text: 'Find' }), search)),
    h('div', { class: 'table-wrap' }, h('table', { class: 'incidents compact', id: 'regulators-table' },
      h('thead', {}, h('tr', {}, ['Short name', 'Name', 'Country', 'Level', 'Actions', 'Other names', 'Add a name', 'Merge'].map((t) => h('th', { text: t })))),
      body))));
  await reload();
  search.focus();
}
