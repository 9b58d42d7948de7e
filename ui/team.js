// Team sync in the window: the top bar's indicator (last sync, failures,
// conflicts waiting) and the timer that syncs every N minutes. Settings → Team
// and the Conflicts view change the settings and settle conflicts; they call
// refreshTeam() so that the indicator follows.

import { call } from './api.js';
import { t, formatTimestamp } from './i18n.js';
import { errorText } from './errors.js';

let timer = null;
let syncing = false;
let openConflicts = () => {};
let openSettings = () => {};

const indicator = () => document.getElementById('sync-indicator');

/** What the indicator says for a team state; null hides it (no server set). */
export function indicatorState(team, busy = false) {
  if (!team?.server) return null;
  if (busy) return { text: t('team.indicator_syncing'), kind: 'busy' };
  if (team.conflicts > 0) return { text: t('team.indicator_conflicts', { n: team.conflicts }), kind: 'warn' };
  if (team.last && !team.last.ok) return { text: t('team.indicator_failed'), kind: 'error' };
  if (team.last) return { text: t('team.indicator_ok', { at: formatTimestamp(team.last.at) }), kind: 'ok' };
  return { text: t('team.indicator_never'), kind: 'idle' };
}

function draw(team) {
  const el = indicator();
  if (!el) return;
  const state = indicatorState(team, syncing);
  el.hidden = !state;
  if (!state) return;
  el.textContent = state.text;
  el.className = `sync-${state.kind}`;
  el.title = team.last?.error ?? t('team.indicator_title');
  el.onclick = () => (team.conflicts > 0 ? openConflicts() : openSettings());
}

/** Reads the team settings again, redraws the indicator and resets the timer. */
export async function refreshTeam() {
  let team = null;
  try {
    team = await call('team_settings');
  } catch (e) {
    console.error('team settings', e);
    return null;
  }
  draw(team);
  clearInterval(timer);
  timer = team.server && team.interval_minutes > 0
    ? setInterval(() => syncNow().catch(() => {}), team.interval_minutes * 60_000)
    : null;
  return team;
}

/** Syncs now; resolves to the report, rejects with the error (both shown by the indicator). */
export async function syncNow() {
  if (syncing) throw { kind: 'unavailable', field: null, message: t('team.indicator_syncing') };
  syncing = true;
  draw(await call('team_settings').catch(() => null));
  try {
    return await call('sync_now');
  } finally {
    syncing = false;
    await refreshTeam();
  }
}

/** Starts the indicator for the open database; `conflicts` and `settings` open those views. */
export function startTeam({ conflicts, settings }) {
  openConflicts = conflicts;
  openSettings = settings;
  return refreshTeam();
}

/** A one-line account of a sync report or failure, for Settings → Team. */
export function lastText(last) {
  if (!last) return t('team.never');
  const at = formatTimestamp(last.at);
  if (!last.ok) return t('team.last_failed', { at, error: last.error ?? '' });
  const r = last.report ?? { pulled: 0, pushed: 0, conflicts: 0 };
  return t('team.last_ok', { at, pulled: r.pulled, pushed: r.pushed, conflicts: r.conflicts });
}

export const syncError = (e) => errorText(e, { field: false });
