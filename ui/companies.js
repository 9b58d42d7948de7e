// Company-name suggestions under an input, fifty at most: a large database has
// far more companies than a list can hold.

import { call } from './api.js';
import { h, replaceChildren, debounce } from './dom.js';

/**
 * Fills `datalist` with the names starting with what is typed in `input`,
 * once typing pauses, and at once for `initial`. `onError` gets a failed look-up.
 * Returns the debounced look-up; its `.cancel()` drops one still waiting.
 */
export function suggestCompanies(input, datalist, initial, onError) {
  const suggest = debounce((prefix) => call('company_names', { prefix })
    .then((names) => replaceChildren(datalist, names.map((n) => h('option', { value: n }))))
    .catch(onError), 150);
  input.addEventListener('input', (ev) => suggest(ev.target.value));
  suggest(initial);
  return suggest;
}
