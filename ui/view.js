// What every view shares with the router (app.js). A view is shown by a
// show*() function that draws into <main> and returns its teardown: a function
// that removes whatever the view added outside <main> (listeners on document
// or window, pending timers). Returning nothing means there is nothing to undo.
// The router numbers each view it shows in `app.view`, so that a view still
// loading can tell whether another one has been opened meanwhile.

import { call } from './api.js';
import { notifyError } from './errors.js';

/** Adds a listener and returns the function that removes it. */
export function listen(target, type, fn) {
  target.addEventListener(type, fn);
  return () => target.removeEventListener(type, fn);
}

/** One teardown that runs every function given (null and undefined skipped). */
export function teardownAll(...fns) {
  return () => { for (const fn of fns) fn?.(); };
}

/** Called as a view starts: a function that tells whether it is still the one shown. */
export function stillShown(app) {
  const view = app.view;
  return () => app.view === view;
}

/**
 * Loads what a view shows, at the view's start. On an error the error is
 * shown and the list opened. Resolves to null when it failed or when another
 * view was opened while it loaded.
 */
export async function loadOrList(app, navigate, command, args) {
  const current = stillShown(app);
  try {
    const result = await call(command, args);
    return current() ? result : null;
  } catch (e) {
    if (current()) {
      notifyError(e, { field: false });
      navigate.list();
    }
    return null;
  }
}
