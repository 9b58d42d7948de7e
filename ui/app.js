// Start-up and navigation between views. Each view lives in its own module and
// renders into <main>; this file only decides which one is shown.

import { call } from './api.js';
import { h, replaceChildren } from './dom.js';
import { showList } from './views/list.js';
import { showEditor } from './views/editor.js';
import { showCompany, showRegulator } from './views/history.js';
import { showImport } from './views/import.js';
import { showArticle } from './views/article.js';
import { showRegulators } from './views/regulators.js';
import { showSettings, showOpenError } from './views/settings.js';

const main = document.getElementById('main');

/** Shared, read-once facts from the Rust side (statuses, event kinds, …). */
export const app = { info: null, regulators: [], view: null };

export const navigate = {
  list: () => showList(main, app, navigate),
  editor: (id = null, from = null) => showEditor(main, app, navigate, id, from),
  article: () => showArticle(main, app, navigate),
  company: (name) => showCompany(main, app, navigate, name),
  regulator: (name) => showRegulator(main, app, navigate, name),
  import: () => showImport(main, app, navigate),
  regulators: () => showRegulators(main, app, navigate),
  settings: () => showSettings(main, app, navigate, start),
};

let wired = false;

async function start() {
  try {
    app.info = await call('app_info');
  } catch (e) {
    showOpenError(main, app.info, e, start);
    return;
  }
  document.getElementById('db-path').textContent = app.info.db_path;
  document.getElementById('db-path').title = `Database file: ${app.info.db_path}`;
  if (app.info.open_error) {
    showOpenError(main, app.info, app.info.open_error, start);
    return;
  }
  app.regulators = await call('list_regulators');
  if (wired) { navigate.list(); return; }
  wired = true;
  document.getElementById('nav-list').addEventListener('click', () => navigate.list());
  document.getElementById('nav-new').addEventListener('click', () => navigate.editor(null));
  document.getElementById('nav-import').addEventListener('click', () => navigate.import());
  document.getElementById('nav-article').addEventListener('click', () => navigate.article());
  document.getElementById('nav-regulators').addEventListener('click', () => navigate.regulators());
  document.getElementById('nav-settings').addEventListener('click', () => navigate.settings());
  document.addEventListener('keydown', (ev) => {
    if (!ev.altKey || ev.ctrlKey || ev.metaKey) return;
    if (ev.key === 'l' || ev.key === 'L') { ev.preventDefault(); navigate.list(); }
    if (ev.key === 'n' || ev.key === 'N') { ev.preventDefault(); navigate.editor(null); }
    if (ev.key === 'i' || ev.key === 'I') { ev.preventDefault(); navigate.import(); }
    if (ev.key === 'a' || ev.key === 'A') { ev.preventDefault(); navigate.article(); }
    if (ev.key === 'r' || ev.key === 'R') { ev.preventDefault(); navigate.regulators(); }
  });
  navigate.list();
}

start();
