// Settings: the language, which database file is open, another one to open or
// create, backups, and what this program is. Also the screen shown when the
// database cannot be opened at all.

import { call } from '../api.js';
import { h, replaceChildren, notify } from '../dom.js';
import { errorText, showError, notifyError } from '../errors.js';
import { t, language, LANGUAGES } from '../i18n.js';
import { leavePlace, stayInPlace } from '../place.js';

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

/**
 * The Settings view; its listeners all sit on its own elements, so it has no
 * teardown. `changeLanguage(code)` saves and applies a language chosen here.
 */
export function showSettings(main, app, navigate, restart, changeLanguage) {
  replaceChildren(main, h('section', { class: 'view settings-view' },
    h('div', { class: 'view-head' }, h('h2', { text: t('settings.heading') })),
    h('h3', { text: t('settings.language') }),
    languageBlock(changeLanguage),
    h('h3', { text: t('settings.database') }),
    h('p', {}, t('settings.open_now'), ' ', h('code', { id: 'settings-db-path', text: app.info.db_path })),
    switcher(restart),
    backupBlock(),
    restoreBlock(),
    aboutBlock(app.info)));
}
