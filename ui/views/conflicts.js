// Conflicts: each field that was changed both here and by a teammate since the
// last sync, with both values, who made theirs and when, and one click to keep
// either. Until then this desktop keeps its value and the server keeps its own.

import { call } from '../api.js';
import { h, replaceChildren, notify } from '../dom.js';
import { notifyError, fieldLabel as label } from '../errors.js';
import { t, formatTimestamp } from '../i18n.js';
import { refreshTeam } from '../team.js';

/** A field's value as the analyst reads it. */
function valueText(field, value) {
  if (field === 'deleted') return value ? t('conflicts.deleted_yes') : t('conflicts.deleted_no');
  if (value === null || value === undefined || value === '') return t('conflicts.empty');
  // Sources (and events) as one line each: their fields, without the JSON.
  if (Array.isArray(value)) {
    return value.map((item) => (item && typeof item === 'object'
      ? Object.values(item).filter((v) => v !== null && v !== '').join(' · ')
      : String(item))).join('\n');
  }
  return String(value);
}

function fieldLabel(field) {
  return field === 'deleted' ? t('conflicts.field_deleted') : label(field);
}

function row(c, i, redraw, navigate) {
  const keep = (side) => async () => {
    try {
      await call('resolve_conflict', { incident: c.incident, field: c.field, keep: side });
      const field = fieldLabel(c.field);
      notify(side === 'mine' ? t('conflicts.kept_mine', { field }) : t('conflicts.kept_theirs', { field }));
      await refreshTeam();
      await redraw();
    } catch (e) { notifyError(e, { field: false }); }
  };
  return h('tr', { 'data-incident': String(c.incident), 'data-field': c.field },
    h('td', {}, h('button', { type: 'button', class: 'link', text: c.title, on: { click: () => navigate.editor(c.incident) } })),
    h('td', { text: fieldLabel(c.field) }),
    h('td', { class: 'mine', text: valueText(c.field, c.mine) }),
    h('td', { class: 'theirs' }, valueText(c.field, c.theirs),
      h('div', { class: 'muted', text: t('conflicts.by', { who: c.theirs_by, at: formatTimestamp(c.theirs_at) }) })),
    h('td', { class: 'actions' },
      h('button', { type: 'button', id: `keep-mine-${i}`, text: t('conflicts.keep_mine'), on: { click: keep('mine') } }),
      h('button', { type: 'button', id: `keep-theirs-${i}`, text: t('conflicts.keep_theirs'), on: { click: keep('theirs') } })));
}

/** The Conflicts view; no listeners outside its own elements, so no teardown. */
export async function showConflicts(main, app, navigate) {
  const section = h('section', { class: 'view conflicts-view' });
  replaceChildren(main, section);
  const redraw = async () => {
    let conflicts = [];
    try {
      conflicts = await call('sync_conflicts');
    } catch (e) { notifyError(e, { field: false }); }
    const head = h('tr', {}, [t('conflicts.col.incident'), t('conflicts.col.field'), t('conflicts.col.mine'),
      t('conflicts.col.theirs'), t('conflicts.col.actions')].map((text) => h('th', { text })));
    replaceChildren(section,
      h('div', { class: 'view-head' }, h('h2', { text: t('conflicts.heading') })),
      h('p', { class: 'muted', text: t('conflicts.hint') }),
      conflicts.length === 0
        ? h('p', { id: 'conflicts-none', text: t('conflicts.none') })
        : h('table', { id: 'conflicts-table', class: 'incidents compact' }, h('thead', {}, head),
          h('tbody', {}, conflicts.map((c, i) => row(c, i, redraw, navigate)))));
  };
  await redraw();
}
