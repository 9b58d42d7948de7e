// Settings: which database file is open, another one to open or create, and
// backups. Also the screen shown when the database cannot be opened at all.

import { call } from '../api.js';
import { h, replaceChildren, notify } from '../dom.js';
import { errorText, showError, notifyError } from '../errors.js';

const DB_FILTERS = [{ name: 'Incident database', extensions: ['db', 'sqlite', 'bak'] }];

/** A path field with a button that fills it from the native dialog. */
function pathPicker(id, label, dialog) {
  const input = h('input', { id, size: '60', placeholder: '/path/to/file.db', 'aria-label': label });
  const choose = h('button', { type: 'button', text: 'Choose…', on: { click: async () => {
    try {
      const picked = await call(dialog === 'save' ? 'plugin:dialog|save' : 'plugin:dialog|open',
        { options: { title: label, filters: DB_FILTERS, ...(dialog === 'save' ? { defaultPath: 'incidents-backup.db' } : { multiple: false, directory: false }) } });
      if (picked) input.value = picked;
    } catch (e) { notifyError(e, { field: false }); }
  } } });
  return { input, row: h('div', { class: 'path-row' }, h('label', { for: id, text: label }), input, choose) };
}

/** Open or create another database; `done` runs after a switch. */
function switcher(done) {
  const { input, row } = pathPicker('db-other', 'Database file', 'open');
  const status = h('p', { id: 'db-switch-status', class: 'muted', role: 'status' });
  const go = (create) => async () => {
    try {
      const path = await call('open_database', { path: input.value.trim(), create });
      notify(`${create ? 'Created' : 'Opened'} ${path}`);
      done();
    } catch (e) {
      showError(status, e, { field: false, className: 'error' });
    }
  };
  return h('div', { class: 'settings-block' }, row,
    h('div', { class: 'actions' },
      h('button', { type: 'button', id: 'db-open', text: 'Open this database', on: { click: go(false) } }),
      h('button', { type: 'button', id: 'db-create', text: 'Create a new database here', on: { click: go(true) } })),
    status);
}

/** The screen shown when the database cannot be opened. */
export function showOpenError(main, info, error, restart) {
  replaceChildren(main, h('section', { class: 'error-screen', role: 'alert', id: 'open-error' },
    h('h2', { text: 'The database could not be opened' }),
    h('p', { id: 'open-error-message', text: errorText(error, { field: false }) }),
    h('p', { class: 'muted', text: `File: ${info?.db_path ?? 'unknown'}` }),
    h('p', { text: 'The file was left as it is. Open another database, or create a new one:' }),
    switcher(restart)));
}

/** The Settings view; its listeners all sit on its own elements, so it has no teardown. */
export function showSettings(main, app, navigate, restart) {
  const backup = pathPicker('backup-path', 'Back up to', 'save');
  const restore = pathPicker('restore-path', 'Restore from', 'open');
  const backupStatus = h('p', { id: 'backup-status', class: 'muted', role: 'status' });
  const restoreStatus = h('p', { id: 'restore-status', class: 'muted', role: 'status' });
  const confirm = h('input', { type: 'checkbox', id: 'restore-confirm' });
  replaceChildren(main, h('section', { class: 'view settings-view' },
    h('div', { class: 'view-head' }, h('h2', { text: 'Settings' })),
    h('h3', { text: 'Database' }),
    h('p', {}, 'Open now: ', h('code', { id: 'settings-db-path', text: app.info.db_path })),
    switcher(restart),
    h('h3', { text: 'Back up' }),
    h('p', { class: 'muted', text: 'A consistent copy of everything, safe to make while you work.' }),
    backup.row,
    h('div', { class: 'actions' }, h('button', { type: 'button', id: 'backup-run', class: 'primary', text: 'Back up', on: { click: async () => {
      try {
        const path = await call('backup_database', { path: backup.input.value.trim() });
        backupStatus.textContent = `Backed up to ${path}`;
        backupStatus.className = 'ok';
      } catch (e) { showError(backupStatus, e, { field: false, className: 'error' }); }
    } } })),
    backupStatus,
    h('h3', { text: 'Restore' }),
    h('p', { class: 'muted', text: 'The backup is checked first; the data it replaces is kept in a copy beside the database file.' }),
    restore.row,
    h('label', { class: 'check' }, confirm, ' Replace all incidents with those of this backup'),
    h('div', { class: 'actions' }, h('button', { type: 'button', id: 'restore-run', text: 'Restore', on: { click: async () => {
      if (!confirm.checked) { restoreStatus.textContent = 'Tick the box to confirm the restore.'; restoreStatus.className = 'error'; return; }
      try {
        const kept = await call('restore_database', { path: restore.input.value.trim() });
        restoreStatus.textContent = kept ? `Restored. The replaced data is kept in ${kept}` : 'Restored.';
        restoreStatus.className = 'ok';
      } catch (e) { showError(restoreStatus, e, { field: false, className: 'error' }); }
    } } })),
    restoreStatus));
}
