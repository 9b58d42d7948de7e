// Start-up and navigation between views. Each view lives in its own module and
// renders into <main>; this file only decides which one is shown, and undoes
// what the view shown before added outside <main> (its teardown, see view.js).

import { call } from './api.js';
import { setLabels } from './labels.js';
import { t, useLanguage } from './i18n.js';
import { notify } from './dom.js';
import { errorText } from './errors.js';
import { restoreFilters } from './filters.js';
import { remember, loadPlace, holdPlace } from './place.js';
import { showHelp, closeHelp } from './help.js';
import { showList, restoreList, shortcuts as listKeys } from './views/list.js';
import { showOverview, shortcuts as overviewKeys } from './views/overview.js';
import { showEditor, shortcuts as editorKeys } from './views/editor.js';
import { showCompany, showRegulator, shortcuts as companyKeys, regulatorShortcuts as regulatorKeys } from './views/history.js';
import { showImport, shortcuts as importKeys } from './views/import.js';
import { showArticle, shortcuts as articleKeys } from './views/article.js';
import { showRegulators, shortcuts as regulatorsKeys } from './views/regulators.js';
import { showSettings, showOpenError } from './views/settings.js';
import { showConflicts } from './views/conflicts.js';
import { startTeam } from './team.js';

const main = document.getElementById('main');

/**
 * Shared, read-once facts from the Rust side (statuses, event kinds, …);
 * `view` numbers the view shown, so that one still loading knows it was left;
 * `shortcuts` are the keys of the view shown, for the help.
 */
export const app = { info: null, regulators: [], view: 0, shortcuts: [] };

/** The teardown of the view on screen, once its show*() has returned it. */
let teardown = null;

/**
 * Shows a view: the one before is torn down first, then `draw()` runs. A view
 * that loads before it draws returns its teardown late; if another view was
 * opened meanwhile, that teardown runs at once instead of being kept.
 * `keys` are the view's shortcuts; `place` is what to reopen it by next time.
 */
async function show(draw, keys, place) {
  const view = ++app.view;
  const previous = teardown;
  teardown = null;
  closeHelp();
  app.shortcuts = keys;
  remember({ name: undefined, ...place });
  previous?.();
  const undo = await draw();
  if (typeof undo !== 'function') return;
  if (app.view === view) teardown = undo;
  else undo();
}

export const navigate = {
  list: (preset = null) => show(() => showList(main, app, navigate, preset), listKeys, { view: 'list' }),
  overview: () => show(() => showOverview(main, app, navigate), overviewKeys, { view: 'overview' }),
  // An editor is never reopened (its draft was not saved): the list stands for it.
  editor: (id = null, from = null) => show(() => showEditor(main, app, navigate, id, from), editorKeys, { view: 'list' }),
  article: () => show(() => showArticle(main, app, navigate), articleKeys, { view: 'article' }),
  company: (name) => show(() => showCompany(main, app, navigate, name), companyKeys, { view: 'company', name }),
  regulator: (name) => show(() => showRegulator(main, app, navigate, name), regulatorKeys, { view: 'regulator', name }),
  import: () => show(() => showImport(main, app, navigate), importKeys, { view: 'import' }),
  regulators: () => show(() => showRegulators(main, app, navigate), regulatorsKeys, { view: 'regulators' }),
  settings: () => show(() => showSettings(main, app, navigate, start, changeLanguage), [], { view: 'settings' }),
  conflicts: () => show(() => showConflicts(main, app, navigate), [], { view: 'conflicts' }),
};

const openError = (error) => show(() => showOpenError(main, app.info, error, start), [], { view: 'list' });

/** Saves the language chosen in Settings, then relabels the window in it. */
async function changeLanguage(code) {
  let failed = null;
  try {
    await call('set_language', { language: code });
  } catch (e) {
    failed = e;
  }
  await useLanguage(code).catch((e) => { failed = failed ?? e; });
  if (app.info) app.info.language = code;
  labelTopBar();
  await navigate.settings();
  if (failed) notify(t('settings.language_not_saved', { reason: errorText(failed, { field: false }) }), 'error');
}

/** The top bar's texts that carry values; the rest is labelled from its data-i18n attributes. */
function labelTopBar() {
  const path = document.getElementById('db-path');
  path.textContent = app.info?.db_path ?? '';
  path.title = app.info ? t('nav.db_path_title', { path: app.info.db_path }) : '';
}

/** Alt+key shortcuts of the top bar, for the whole life of the window. */
const SHORTCUTS = new Map([
  ['l', () => navigate.list()],
  ['o', () => navigate.overview()],
  ['n', () => navigate.editor(null)],
  ['i', () => navigate.import()],
  ['a', () => navigate.article()],
  ['r', () => navigate.regulators()],
]);

const typing = () => ['INPUT', 'TEXTAREA', 'SELECT'].includes(document.activeElement?.tagName)
  || document.activeElement?.isContentEditable;

function wireTopBar() {
  document.getElementById('nav-list').addEventListener('click', () => navigate.list());
  document.getElementById('nav-overview').addEventListener('click', () => navigate.overview());
  document.getElementById('nav-new').addEventListener('click', () => navigate.editor(null));
  document.getElementById('nav-import').addEventListener('click', () => navigate.import());
  document.getElementById('nav-article').addEventListener('click', () => navigate.article());
  document.getElementById('nav-regulators').addEventListener('click', () => navigate.regulators());
  document.getElementById('nav-settings').addEventListener('click', () => navigate.settings());
  document.getElementById('nav-help').addEventListener('click', () => showHelp(app.shortcuts));
  document.addEventListener('keydown', (ev) => {
    if (ev.key === '?' && !ev.altKey && !ev.ctrlKey && !ev.metaKey && !typing()) {
      ev.preventDefault();
      showHelp(app.shortcuts);
      return;
    }
    if (!ev.altKey || ev.ctrlKey || ev.metaKey) return;
    const go = SHORTCUTS.get(String(ev.key).toLowerCase());
    if (go) { ev.preventDefault(); go(); }
  });
}

/** Opens the view of a saved place with its filters, sort and widths; the list without one. */
function openPlace(place) {
  // A database without a saved place starts from blank filters and the
  // default sort, not from those of the database open before.
  restoreFilters(place?.filters ?? {});
  restoreList(place ?? {});
  if (!place) { navigate.list(); return; }
  const named = place.view === 'company' || place.view === 'regulator';
  if (named && place.name) navigate[place.view](place.name);
  else if (!named && navigate[place.view]) navigate[place.view]();
  else navigate.list();
}

let wired = false;

async function start() {
  holdPlace();
  try {
    app.info = await call('app_info');
  } catch (e) {
    await useLanguage('en').catch(() => {});
    openError(e);
    return;
  }
  await useLanguage(app.info.language).catch((e) => console.error('no messages', e));
  setLabels(app.info);
  labelTopBar();
  if (app.info.open_error) {
    openError(app.info.open_error);
    return;
  }
  app.regulators = await call('list_regulators');
  if (!wired) {
    wired = true;
    wireTopBar();
  }
  await startTeam({ conflicts: () => navigate.conflicts(), settings: () => navigate.settings() });
  openPlace(await loadPlace());
}

start();
