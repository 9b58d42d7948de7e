// Company and Regulator views: a header, the totals, the timeline and the
// incidents involved. Both views share this layout; only the data differ.

import { call } from '../api.js';
import { h, replaceChildren, formatCount, notify, fullMoney } from '../dom.js';
import { drawTimeline } from '../timeline.js';
import { notifyError } from '../errors.js';
import { incidentColumns, incidentRow, headRow } from '../rows.js';
import { listen, teardownAll, loadOrList } from '../view.js';

function moneyList(totals) {
  if (!totals.length) return [h('span', { class: 'muted', text: 'none' })];
  return totals.map((t) => h('div', { class: 'money', text: `${fullMoney(t.amount, t.currency)}${t.count > 1 ? ` (${t.count})` : ''}` }));
}

function card(label, ...content) {
  return h('div', { class: 'card' }, h('div', { class: 'card-label', text: label }), h('div', { class: 'card-value' }, ...content));
}

function largest(total, big) {
  if (total === null) return [h('span', { class: 'muted', text: 'unknown' })];
  return [h('div', { class: 'big', text: formatCount(total) }),
    big ? h('div', { class: 'muted small', text: `largest: ${formatCount(big.value)} (#${big.incident_id})` }) : null];
}

function incidentsTable(rows, navigate, withCompany) {
  const cols = incidentColumns(navigate);
  const columns = [withCompany ? cols.company : null, cols.title, cols.regulators, cols.records, cols.people, cols.status, cols.latestEvent]
    .filter((c) => c);
  return h('table', { class: 'incidents compact', id: 'history-incidents' },
    h('thead', {}, headRow(columns)),
    h('tbody', {}, rows.map((r) => incidentRow(r, columns, { open: () => navigate.editor(r.id) }))));
}

/** Draws the view; returns its teardown (the window's resize and Esc listeners). */
function layout(main, navigate, { heading, subtitle, cards, events, lanes, table }) {
  const timelineBox = h('div', { class: 'timeline', id: 'timeline' });
  replaceChildren(main, h('section', { class: 'view history-view' },
    h('div', { class: 'view-head' },
      h('h2', { id: 'history-heading', text: heading }),
      subtitle ? h('span', { class: 'muted', id: 'history-subtitle', text: subtitle }) : null,
      h('span', { class: 'spacer' }),
      h('button', { type: 'button', id: 'back-to-list', text: '‹ Incidents', title: 'Back to the list (Esc)', on: { click: () => navigate.list() } })),
    h('div', { class: 'cards', id: 'summary' }, cards),
    h('h3', { text: 'Timeline' }),
    timelineBox,
    h('h3', { text: 'Incidents' }),
    h('div', { class: 'table-wrap' }, table)));
  const timeline = drawTimeline(timelineBox, {
    events,
    lanes,
    onOpen: (e) => navigate.editor(e.incident_id),
  });
  return teardownAll(
    listen(window, 'resize', () => timeline.render()),
    listen(document, 'keydown', (ev) => {
      if (ev.key === 'Escape' && !['INPUT', 'TEXTAREA'].includes(document.activeElement?.tagName)) navigate.list();
    }));
}

function regulatorLinks(names, navigate) {
  if (!names.length) return [h('span', { class: 'muted', text: 'none' })];
  return names.map((n) => h('button', { type: 'button', class: 'link chip', text: n, on: { click: () => navigate.regulator(n) } }));
}

/** The company's names: remove one, add one, rename it, or merge it into another. */
function namesCard(t, navigate) {
  const company = t.company;
  const act = async (work, then) => {
    try {
      const result = await work();
      then(result);
    } catch (e) { notifyError(e); }
  };
  const field = (id, placeholder, label) => h('input', { id, size: '12', placeholder, 'aria-label': label });
  const alias = field('company-alias', 'another name', `Another name for ${company}`);
  const rename = field('company-rename', 'new name', `New name for ${company}`);
  const into = field('company-merge', 'merge into…', `Company to merge ${company} into`);
  const add = () => alias.value.trim() && act(() => call('add_company_alias', { company, alias: alias.value.trim() }),
    () => { notify(`${alias.value.trim()} now finds ${company}`); navigate.company(company); });
  const doRename = () => rename.value.trim() && act(() => call('rename_company', { company, name: rename.value.trim() }),
    (name) => { notify(`Renamed to ${name}; ${company} stays a name for it`); navigate.company(name); });
  const doMerge = () => {
    const target = into.value.trim();
    if (!target || !window.confirm(`Merge ${company} into ${target}? Its incidents move and its names become names of ${target}.`)) return;
    act(() => call('merge_companies', { from: company, into: target }),
      (moved) => { notify(`Merged into ${target}: ${moved} incidents moved`); navigate.company(target); });
  };
  for (const [input, fn] of [[alias, add], [rename, doRename], [into, doMerge]]) {
    input.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') { ev.preventDefault(); fn(); } });
  }
  return card('Names',
    h('div', { class: 'chips', id: 'company-aliases' }, t.aliases.map((a) => h('span', { class: 'chip' }, a,
      h('button', { type: 'button', class: 'link remove-alias', text: '×', 'aria-label': `Remove the name ${a}`,
        on: { click: () => act(() => call('remove_company_alias', { alias: a }), () => navigate.company(company)) } })))),
    h('div', { class: 'inline' }, alias, h('button', { type: 'button', id: 'company-alias-add', text: 'Add', on: { click: add } })),
    h('div', { class: 'inline' }, rename, h('button', { type: 'button', id: 'company-rename-button', text: 'Rename', on: { click: doRename } })),
    h('div', { class: 'inline' }, into, h('button', { type: 'button', id: 'company-merge-button', text: 'Merge', on: { click: doMerge } })));
}

/** One lane per incident, the one with the earliest latest event on top. */
function lanesOf(incidents, label, title) {
  return incidents
    .slice()
    .sort((a, b) => (a.latest_event ?? '').localeCompare(b.latest_event ?? ''))
    .map((r) => ({ key: r.id, label: label(r), title: title(r) }));
}

/** Each event on the lane of its incident. */
const onIncidentLanes = (events) => events.map((e) => ({ ...e, lane: e.incident_id }));

/** The Company view: every incident of the company on one timeline. */
export async function showCompany(main, app, navigate, name) {
  const t = await loadOrList(app, navigate, 'company_timeline', { name });
  if (!t) return undefined;
  const sm = t.summary;
  return layout(main, navigate, {
    heading: t.company,
    subtitle: t.aliases.length ? `also ${t.aliases.join(', ')}` : null,
    cards: [
      card('Incidents', h('div', { class: 'big', text: String(sm.incidents) })),
      card('Records affected', ...largest(sm.records_total, sm.records_largest)),
      card('People affected', ...largest(sm.users_total, sm.users_largest)),
      card('Fines', ...moneyList(sm.fines)),
      card('Proposed fines', ...moneyList(sm.proposed_fines)),
      sm.settlements.length ? card('Settlements', ...moneyList(sm.settlements)) : null,
      card('Regulators', ...regulatorLinks(sm.regulators, navigate)),
      card('First – latest event', h('div', { text: `${sm.first_event ?? '—'} – ${sm.latest_event ?? '—'}` })),
      namesCard(t, navigate),
    ],
    events: onIncidentLanes(t.events),
    lanes: lanesOf(t.incidents, (r) => r.title, (r) => `#${r.id} ${r.title}`),
    table: incidentsTable(t.incidents, navigate, false),
  });
}

/** The Regulator view: its actions across companies. */
export async function showRegulator(main, app, navigate, name) {
  const v = await loadOrList(app, navigate, 'regulator_view', { name });
  if (!v) return undefined;
  const sm = v.summary;
  const r = v.regulator;
  return layout(main, navigate, {
    heading: r.short_name ? `${r.short_name} — ${r.name}` : r.name,
    subtitle: `${r.country}${r.aliases.length ? ` · also ${r.aliases.join(', ')}` : ''}`,
    cards: [
      card('Actions', h('div', { class: 'big', text: String(sm.actions) }), h('div', { class: 'muted small', text: `in ${sm.incidents} incidents` })),
      card('Fines', ...moneyList(sm.fines)),
      card('Proposed fines', ...moneyList(sm.proposed_fines)),
      sm.settlements.length ? card('Settlements', ...moneyList(sm.settlements)) : null,
      card('Companies', ...(sm.companies.length ? sm.companies.map((c) => h('button', {
        type: 'button', class: 'link chip', text: `${c.company} (${c.actions})`, on: { click: () => navigate.company(c.company) },
      })) : [h('span', { class: 'muted', text: 'none' })])),
      card('First – latest action', h('div', { text: `${sm.first_action ?? '—'} – ${sm.latest_action ?? '—'}` })),
    ],
    events: onIncidentLanes(v.events),
    lanes: lanesOf(v.incidents, (i) => `${i.company} · ${i.title}`, (i) => `#${i.id} ${i.company} — ${i.title}`),
    table: incidentsTable(v.incidents, navigate, true),
  });
}
