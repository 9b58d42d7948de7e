// Settings: the language, which database file is open, another one to open or
// create, backups, and what this program is. Also the screen shown when the
// database cannot be opened at all.

import { call } from '../api.js';
import { h, replaceChildren, notify } from '../dom.js';
import { errorText, showError, notifyError } from '../errors.js';
import { t, language, LANGUAGES } from '../i18n.js';
import { leavePlace, stayInPlace } from '../place.js';
import { refreshTeam, syncNow, lastText, syncError } from '../team.js';

const dbFilters = () => [{ name: t('settings.db_filter'), extensions: ['db', 'sqlite', 'bak'] }];

/** A path field with a button that fills it from the native dialog. */
function pathPicker(id, label, dialog) {
  const input = h('input', { id, size: '60', placeholder: t('settings.path_placeholder'), 'aria-label': label });
  const choose = h('button', { type: 'button', text: t('settings.choose'), on: { click: async () => {
    try {
      const picked = await call(dialog === 'save' ? 'plugin:dialog|save' : 'plugin:dialog|open',
        { options: { title: label, filters: dbFilters(), ...(dialog === 'save' ? { defaultPath: 'incidents-backup.db' } : { multiple: false, directory: false }) } });
      if (picked) input.value = picked;
    } catch (e) { notifyError(e, { field: false }); }
  } } });
  return { input, row: h('div', { class: 'path-row' }, h('label', { for: id, text: label }), input, choose) };
}

/** Open or create another database; `done` runs after a switch. */
function switcher(done) {
  const { input, row } = pathPicker('db-other', t('settings.db_file'), 'open');
  const status = h('p', { id: 'db-switch-status', class: 'muted', role: 'status' });
  const go = (create) => async () => {
    try {
      await leavePlace();
      const path = await call('open_database', { path: input.value.trim(), create });
      notify(create ? t('settings.created', { path }) : t('settings.opened', { path }));
      done();
    } catch (e) {
      stayInPlace();
      showError(status, e, { field: false, className: 'error' });
    }
  };
  return h('div', { class: 'settings-block' }, row,
    h('div', { class: 'actions' },
      h('button', { type: 'button', id: 'db-open', text: t('settings.open_db'), on: { click: go(false) } }),
      h('button', { type: 'button', id: 'db-create', text: t('settings.create_db'), on: { click: go(true) } })),
    status);
}

/** The screen shown when the database cannot be opened. */
export function showOpenError(main, info, error, restart) {
  replaceChildren(main, h('section', { class: 'error-screen', role: 'alert', id: 'open-error' },
    h('h2', { text: t('settings.open_error.heading') }),
    h('p', { id: 'open-error-message', text: errorText(error, { field: false }) }),
    h('p', { class: 'muted', text: t('settings.open_error.file', { path: info?.db_path ?? t('settings.open_error.unknown') }) }),
    h('p', { text: t('settings.open_error.hint') }),
    switcher(restart)));
}

/** The language select: saved on the Rust side, then the window relabelled by `changeLanguage`. */
function languageBlock(changeLanguage) {
  const select = h('select', { id: 'settings-language', 'aria-label': t('settings.language') },
    LANGUAGES.map((l) => h('option', { value: l.code, lang: l.html, text: l.name })));
  select.value = language();
  select.addEventListener('change', () => changeLanguage(select.value));
  return h('div', { class: 'settings-block' }, select);
}

/** Product, version, database and licence, from app_info. */
function aboutBlock(info) {
  const item = (label, value, id) => [h('dt', { text: label }), h('dd', { id }, value)];
  return h('section', { id: 'about', class: 'about', 'aria-labelledby': 'about-heading' },
    h('h3', { id: 'about-heading', text: t('settings.about') }),
    h('dl', {},
      item(t('settings.about.product'), t('app.name'), 'about-product'),
      item(t('settings.about.version'), info.version ?? '—', 'about-version'),
      item(t('settings.about.database'), h('code', { text: info.db_path }), 'about-database'),
      item(t('settings.about.licence'), info.licence ?? '—', 'about-licence')));
}

/** Backing up to a file chosen or typed. */
function backupBlock() {
  const backup = pathPicker('backup-path', t('settings.backup_to'), 'save');
  const status = h('p', { id: 'backup-status', class: 'muted', role: 'status' });
  const run = async () => {
    try {
      const path = await call('backup_database', { path: backup.input.value.trim() });
      status.textContent = t('settings.backed_up', { path });
      status.className = 'ok';
    } catch (e) { showError(status, e, { field: false, className: 'error' }); }
  };
  return [
    h('h3', { text: t('settings.backup') }),
    h('p', { class: 'muted', text: t('settings.backup_hint') }),
    backup.row,
    h('div', { class: 'actions' }, h('button', { type: 'button', id: 'backup-run', class: 'primary', text: t('settings.backup_run'), on: { click: run } })),
    status,
  ];
}

/** Restoring from a backup, once the box is ticked. */
function restoreBlock() {
  const restore = pathPicker('restore-path', t('settings.restore_from'), 'open');
  const status = h('p', { id: 'restore-status', class: 'muted', role: 'status' });
  const confirm = h('input', { type: 'checkbox', id: 'restore-confirm' });
  const run = async () => {
    if (!confirm.checked) { status.textContent = t('settings.restore_tick'); status.className = 'error'; return; }
    try {
      const kept = await call('restore_database', { path: restore.input.value.trim() });
      status.textContent = kept ? t('settings.restored_kept', { path: kept }) : t('settings.restored');
      status.className = 'ok';
    } catch (e) { showError(status, e, { field: false, className: 'error' }); }
  };
  return [
    h('h3', { text: t('settings.restore') }),
    h('p', { class: 'muted', text: t('settings.restore_hint') }),
    restore.row,
    h('label', { class: 'check' }, confirm, ' ', t('settings.restore_confirm')),
    h('div', { class: 'actions' }, h('button', { type: 'button', id: 'restore-run', text: t('settings.restore_run'), on: { click: run } })),
    status,
  ];
}

/** The team's server, this person's token, how often to sync, and the last sync. */
function teamBlock(team, navigate) {
  const server = h('input', { id: 'team-server', size: '50', placeholder: 'https://sync.example.org', value: team.server ?? '' });
  const token = h('input', { id: 'team-token', type: 'password', size: '50', autocomplete: 'off',
    placeholder: team.has_token ? t('team.token_saved') : t('team.token_placeholder') });
  const interval = h('input', { id: 'team-interval', type: 'number', min: '0', max: '1440', value: String(team.interval_minutes ?? 0) });
  const status = h('p', { id: 'team-status', class: 'muted', role: 'status', text: lastText(team.last) });
  const conflicts = h('button', { type: 'button', id: 'team-conflicts', class: 'link', hidden: team.conflicts === 0,
    text: t('team.conflicts_link', { n: team.conflicts }), on: { click: () => navigate.conflicts() } });
  const save = async () => {
    // Not a whole number: -1, which the core refuses with the allowed range.
    const minutes = Number(interval.value || 0);
    const saved = await call('save_team', { server: server.value, token: token.value === '' ? null : token.value,
      intervalMinutes: Number.isInteger(minutes) ? minutes : -1 });
    token.value = '';
    token.placeholder = saved.has_token ? t('team.token_saved') : t('team.token_placeholder');
    await refreshTeam();
    return saved;
  };
  const run = (action) => async () => {
    try {
      await action();
    } catch (e) { showError(status, e, { field: true, className: 'error' }); }
  };
  const sync = async () => {
    status.textContent = t('team.indicator_syncing');
    status.className = 'muted';
    await save();
    try {
      await syncNow();
    } catch (e) { status.textContent = syncError(e); status.className = 'error'; }
    const now = await call('team_settings');
    if (now.last?.ok) { status.textContent = lastText(now.last); status.className = 'ok'; }
    conflicts.hidden = now.conflicts === 0;
    conflicts.textContent = t('team.conflicts_link', { n: now.conflicts });
  };
  const field = (id, label, input, hint) => h('div', { class: 'path-row' }, h('label', { for: id, text: label }), input,
    hint ? h('span', { class: 'muted', text: hint }) : null);
  return h('section', { id: 'team', class: 'settings-block', 'aria-labelledby': 'team-heading' },
    h('h3', { id: 'team-heading', text: t('team.heading') }),
    h('p', { class: 'muted', text: t('team.hint') }),
    field('team-server', t('team.server'), server),
    field('team-token', t('team.token'), token),
    field('team-interval', t('team.interval'), interval, t('team.interval_hint')),
    h('div', { class: 'actions' },
      h('button', { type: 'button', id: 'team-save', text: t('team.save'), on: { click: run(async () => {
        await save(); status.textContent = t('team.saved'); status.className = 'ok';
      }) } }),
      h('button', { type: 'button', id: 'team-sync', class: 'primary', text: t('team.sync_now'), on: { click: run(sync) } }),
      conflicts),
    status);
}

/**
 * The Settings view; its listeners all sit on its own elements, so it has no
 * teardown. `changeLanguage(code)` saves and applies a language chosen here.
 */
export async function showSettings(main, app, navigate, restart, changeLanguage) {
  const team = await call('team_settings').catch(() => ({ conflicts: 0 }));
  replaceChildren(main, h('section', { class: 'view settings-view' },
    h('div', { class: 'view-head' }, h('h2', { text: t('settings.heading') })),
    h('h3', { text: t('settings.language') }),
    languageBlock(changeLanguage),
    h('h3', { text: t('settings.database') }),
    h('p', {}, t('settings.open_now'), ' ', h('code', { id: 'settings-db-path', text: app.info.db_path })),
    switcher(restart),
    teamBlock(team, navigate),
    backupBlock(),
    restoreBlock(),
    aboutBlock(app.info)));
}
