// Start-up and navigation between views. Each view lives in its own module and
// renders into <main>; this file only decides which one is shown, and undoes
// what the view shown before added outside <main> (its teardown, see view.js).

import { call } from './api.js';
import { setLabels } from './labels.js';
import { showList } from './views/list.js';
import { showOverview } from './views/overview.js';
import { showEditor } from './views/editor.js';
import { showCompany, showRegulator } from './views/history.js';
import { showImport } from './views/import.js';
import { showArticle } from './views/article.js';
import { showRegulators } from './views/regulators.js';
import { showSettings, showOpenError } from './views/settings.js';

const main = document.getElementById('main');

/**
 * Shared, read-once facts from the Rust side (statuses, event kinds, …);
 * `view` numbers the view shown, so that one still loading knows it was left.
 */
export const app = { info: null, regulators: [], view: 0 };

/** The teardown of the view on screen, once its show*() has returned it. */
let teardown = null;

/**
 * Shows a view: the one before is torn down first, then `draw()` runs. A view
 * that loads before it draws returns its teardown late; if another view was
 * opened meanwhile, that teardown runs at once instead of being kept.
 */
async function show(draw) {
  const view = ++app.view;
  const previous = teardown;
  teardown = null;
  previous?.();
  const undo = await draw();
  if (typeof undo !== 'function') return;
  if (app.view === view) teardown = undo;
  else undo();
}

export const navigate = {
  list: (preset = null) => show(() => showList(main, app, navigate, preset)),
  overview: () => show(() => showOverview(main, app, navigate)),
  editor: (id = null, from = null) => show(() => showEditor(main, app, navigate, id, from)),
  article: () => show(() => showArticle(main, app, navigate)),
  company: (name) => show(() => showCompany(main, app, navigate, name)),
  regulator: (name) => show(() => showRegulator(main, app, navigate, name)),
  import: () => show(() => showImport(main, app, navigate)),
  regulators: () => show(() => showRegulators(main, app, navigate)),
  settings: () => show(() => showSettings(main, app, navigate, start)),
};

const openError = (error) => show(() => showOpenError(main, app.info, error, start));

/** Alt+key shortcuts of the top bar, for the whole life of the window. */
const SHORTCUTS = new Map([
  ['l', () => navigate.list()],
  ['o', () => navigate.overview()],
  ['n', () => navigate.editor(null)],
  ['i', () => navigate.import()],
  ['a', () => navigate.article()],
  ['r', () => navigate.regulators()],
]);

function wireTopBar() {
  document.getElementById('nav-list').addEventListener('click', () => navigate.list());
  document.getElementById('nav-overview').addEventListener('click', () => navigate.overview());
  document.getElementById('nav-new').addEventListener('click', () => navigate.editor(null));
  document.getElementById('nav-import').addEventListener('click', () => navigate.import());
  document.getElementById('nav-article').addEventListener('click', () => navigate.article());
  document.getElementById('nav-regulators').addEventListener('click', () => navigate.regulators());
  document.getElementById('nav-settings').addEventListener('click', () => navigate.settings());
  document.addEventListener('keydown', (ev) => {
    if (!ev.altKey || ev.ctrlKey || ev.metaKey) return;
    const go = SHORTCUTS.get(String(ev.key).toLowerCase());
    if (go) { ev.preventDefault(); go(); }
  });
}

let wired = false;

async function start() {
  try {
    app.info = await call('app_info');
  } catch (e) {
    openError(e);
    return;
  }
  setLabels(app.info);
  document.getElementById('db-path').textContent = app.info.db_path;
  document.getElementById('db-path').title = `Database file: ${app.info.db_path}`;
  if (app.info.open_error) {
    openError(app.info.open_error);
    return;
  }
  app.regulators = await call('list_regulators');
  if (!wired) {
    wired = true;
    wireTopBar();
  }
  navigate.list();
}

start();
