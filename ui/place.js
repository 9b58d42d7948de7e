// The analyst's place, kept per database by the Rust side: the view shown (and
// the company or regulator it shows), the list's filters, its sort and its
// column widths. Every part is merged in as it changes and written once the
// changes pause, so that typing in a filter does not write on every key.

import { call } from './api.js';
import { debounce } from './dom.js';

const VIEWS = ['list', 'overview', 'regulators', 'import', 'article', 'settings', 'company', 'regulator'];

let place = { view: 'list', filters: {}, sort: {}, columns: {} };
let loaded = false;

let pending = false;

const save = () => {
  pending = false;
  return call('save_place', { place }).catch((e) => console.error('the place could not be saved', e));
};
const write = debounce(save, 500);

/** Merges `part` into the place and saves it after a pause; nothing before the place is loaded. */
export function remember(part) {
  place = { ...place, ...part };
  if (loaded) { pending = true; write(); }
}

/**
 * Saves a change still waiting for its pause, then stops saving: called
 * before another database opens, so the place is filed under its own one.
 */
export async function leavePlace() {
  write.cancel();
  if (loaded && pending) await save();
  loaded = false;
}

/** Saves again after leavePlace() when the other database did not open after all. */
export function stayInPlace() {
  loaded = true;
}

/** Stops saving until the next loadPlace(): another database may be opening. */
export function holdPlace() {
  write.cancel();
  loaded = false;
}

/**
 * The place saved for the database open now, or null; from here on changes
 * are saved. A view the window cannot reopen as it was (the editor) is the list.
 */
export async function loadPlace() {
  holdPlace();
  let saved = null;
  try {
    saved = await call('load_place');
  } catch (e) {
    console.error('the place could not be read', e);
  }
  const valid = saved && typeof saved === 'object' ? saved : null;
  place = {
    view: VIEWS.includes(valid?.view) ? valid.view : 'list',
    name: typeof valid?.name === 'string' ? valid.name : undefined,
    filters: valid?.filters && typeof valid.filters === 'object' ? valid.filters : {},
    sort: valid?.sort && typeof valid.sort === 'object' ? valid.sort : {},
    columns: valid?.columns && typeof valid.columns === 'object' ? valid.columns : {},
  };
  loaded = true;
  return valid ? place : null;
}
