// Regulators: the registry as data. Find a regulator by any of its names, add
// one, give one another name, or merge two (events move, names become
// aliases). Every change is kept in the registry's history on the Rust side.

import { call } from '../api.js';
import { h, replaceChildren, notify } from '../dom.js';
import { showError, notifyError } from '../errors.js';
import { t, formatCount } from '../i18n.js';

// The stored levels and their names on screen (literal keys for the key check).
const LEVELS = {
  national: () => t('regulators.level.national'),
  regional: () => t('regulators.level.regional'),
  sector: () => t('regulators.level.sector'),
  supranational: () => t('regulators.level.supranational'),
};

const levelLabel = (level) => (level && Object.hasOwn(LEVELS, level) ? LEVELS[level]() : level ?? '—');

/** The form that adds a regulator, or edits one chosen with its Edit button. */
function addForm(reload) {
  const field = (name, label, attrs = {}) => h('label', { class: 'filter' }, h('span', { text: label }),
    h('input', { dataset: { field: name }, 'aria-label': label, ...attrs }));
  const level = h('select', { dataset: { field: 'level' }, 'aria-label': t('regulators.level') },
    h('option', { value: '', text: '—' }), Object.keys(LEVELS).map((l) => h('option', { value: l, text: levelLabel(l) })));
  const message = h('p', { class: 'error', role: 'alert', id: 'regulator-add-error', hidden: true });
  const submit = h('button', { type: 'submit', class: 'primary', id: 'regulator-add-button', text: t('regulators.add') });
  const cancel = h('button', { type: 'button', id: 'regulator-edit-cancel', text: t('regulators.cancel'), hidden: true });
  let editing = null;
  const form = h('form', { class: 'filters', id: 'regulator-add' },
    field('name', t('regulators.name'), { size: '34', required: true }),
    field('short_name', t('regulators.short_name'), { size: '10' }),
    field('country', t('regulators.country_input'), { size: '12' }),
    h('label', { class: 'filter' }, h('span', { text: t('regulators.level') }), level),
    field('website', t('regulators.website'), { size: '24' }),
    field('aliases', t('regulators.aliases_input'), { size: '30' }),
    submit, cancel,
    message);
  const done = () => {
    editing = null;
    form.reset();
    submit.textContent = t('regulators.add');
    cancel.hidden = true;
  };
  cancel.addEventListener('click', done);
  /** Fills the form with `r` to change it. */
  form.edit = (r) => {
    editing = r;
    for (const [name, value] of Object.entries({ name: r.name, short_name: r.short_name, country: r.country, level: r.level, website: r.website, aliases: '' })) {
      form.querySelector(`[data-field='${name}']`).value = value ?? '';
    }
    submit.textContent = t('regulators.save', { name: r.short_name ?? r.name });
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
        notify(t('regulators.saved', { name: input.short_name ?? input.name }));
      } else {
        await call('add_regulator', { input });
        notify(t('regulators.added', { name: input.short_name ?? input.name }));
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
  const alias = h('input', { size: '16', placeholder: t('regulators.alias_placeholder'), 'aria-label': t('regulators.alias_label', { name: label }),
    dataset: { aliasFor: label } });
  const addAlias = async () => {
    if (!alias.value.trim()) return;
    try {
      await call('add_regulator_alias', { regulator: `#${r.id}`, alias: alias.value.trim() });
      notify(t('regulators.alias_added', { alias: alias.value.trim(), name: label }));
      await reload();
    } catch (e) { notifyError(e); }
  };
  alias.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') { ev.preventDefault(); addAlias(); } });
  const into = h('select', { 'aria-label': t('regulators.merge_label', { name: label }), dataset: { mergeFrom: label } },
    h('option', { value: '', text: t('regulators.merge_into') }),
    all.filter((o) => o.id !== r.id && o.country === r.country).map((o) => h('option', { value: `#${o.id}`, text: o.short_name ?? o.name })));
  into.addEventListener('change', async () => {
    if (!into.value) return;
    const target = into.selectedOptions[0].textContent;
    if (!window.confirm(t('regulators.merge_confirm', { name: label, target, events: r.actions }))) {
      into.value = '';
      return;
    }
    try {
      const moved = await call('merge_regulators', { from: `#${r.id}`, into: into.value });
      notify(t('regulators.merged', { name: label, target, moved }));
      await reload();
    } catch (e) { notifyError(e); }
  });
  return h('tr', { dataset: { id: r.id } },
    h('td', {}, h('button', { type: 'button', class: 'link regulator-link', text: label, on: { click: () => navigate.regulator(`#${r.id}`) } })),
    h('td', { text: r.name }),
    h('td', { text: r.country }),
    h('td', { text: levelLabel(r.level) }),
    h('td', { class: 'num', text: formatCount(r.actions) }),
    h('td', { class: 'aliases', text: r.aliases.join(' · ') || '—' }),
    h('td', {}, alias, h('button', { type: 'button', text: t('regulators.add_alias'), on: { click: addAlias } })),
    h('td', {}, into, ' ', h('button', { type: 'button', class: 'regulator-edit', text: t('regulators.edit'),
      'aria-label': t('regulators.edit_label', { name: label }), on: { click: () => form.edit(r) } })));
}

/** The Regulators view; its listeners all sit on its own elements, so it has no teardown. */
export async function showRegulators(main, app, navigate) {
  const search = h('input', { id: 'regulator-search', type: 'search', size: '30', placeholder: t('regulators.search_placeholder'),
    'aria-label': t('regulators.search_label') });
  const body = h('tbody', {});
  const count = h('span', { class: 'muted', id: 'regulator-count' });
  let all = [];
  const render = () => {
    const q = search.value.trim().toLowerCase();
    const shown = all.filter((r) => !q || [r.name, r.short_name ?? '', r.country, ...r.aliases].some((n) => n.toLowerCase().includes(q)));
    count.textContent = t('regulators.count', { shown: shown.length, total: all.length });
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
    h('div', { class: 'view-head' }, h('h2', { text: t('regulators.heading') }), count, h('span', { class: 'spacer' }),
      h('button', { type: 'button', text: t('common.back_to_list'), on: { click: () => navigate.list() } })),
    form,
    h('div', { class: 'filters' }, h('label', { class: 'filter' }, h('span', { text: t('regulators.find') }), search)),
    h('div', { class: 'table-wrap' }, h('table', { class: 'incidents compact', id: 'regulators-table' },
      h('thead', {}, h('tr', {}, [t('regulators.col.short_name'), t('regulators.col.name'), t('regulators.col.country'),
        t('regulators.col.level'), t('regulators.col.actions'), t('regulators.col.aliases'), t('regulators.col.add_alias'),
        t('regulators.col.merge')].map((text) => h('th', { text })))),
      body))));
  await reload();
  search.focus();
}

/** The Regulators view's keys, for the help (?). */
export const shortcuts = [
  { keys: 'Enter', text: () => t('help.regulators.alias') },
  { keys: 'Enter', text: () => t('help.regulators.save') },
];
