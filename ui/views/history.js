// Company and Regulator views: a header, the totals, the timeline and the
// incidents involved. Both views share this layout; only the data differ.

import { call } from '../api.js';
import { h, replaceChildren, notify } from '../dom.js';
import { drawTimeline } from '../timeline.js';
import { notifyError } from '../errors.js';
import { incidentColumns, incidentRow, headRow } from '../rows.js';
import { listen, teardownAll, loadOrList } from '../view.js';
import { t, formatCount, fullMoney, formatDate } from '../i18n.js';

function moneyList(totals) {
  if (!totals.length) return [h('span', { class: 'muted', text: t('history.none') })];
  return totals.map((m) => h('div', { class: 'money', text: `${fullMoney(m.amount, m.currency)}${m.count > 1 ? ` (${m.count})` : ''}` }));
}

function card(label, ...content) {
  return h('div', { class: 'card' }, h('div', { class: 'card-label', text: label }), h('div', { class: 'card-value' }, ...content));
}

function largest(total, big) {
  if (total === null) return [h('span', { class: 'muted', text: t('history.unknown') })];
  return [h('div', { class: 'big', text: formatCount(total) }),
    big ? h('div', { class: 'muted small', text: t('history.largest', { value: big.value, id: String(big.incident_id) }) }) : null];
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
      h('button', { type: 'button', id: 'back-to-list', text: t('common.back_to_list'), title: t('history.back_title'), on: { click: () => navigate.list() } })),
    h('div', { class: 'cards', id: 'summary' }, cards),
    h('h3', { text: t('history.timeline') }),
    timelineBox,
    h('h3', { text: t('history.incidents') }),
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
  if (!names.length) return [h('span', { class: 'muted', text: t('history.none') })];
  return names.map((n) => h('button', { type: 'button', class: 'link chip', text: n, on: { click: () => navigate.regulator(n) } }));
}

/** The company's names: remove one, add one, rename it, or merge it into another. */
function namesCard(tl, navigate) {
  const company = tl.company;
  const act = async (work, then) => {
    try {
      const result = await work();
      then(result);
    } catch (e) { notifyError(e); }
  };
  const field = (id, placeholder, label) => h('input', { id, size: '12', placeholder, 'aria-label': label });
  const alias = field('company-alias', t('company.alias_placeholder'), t('company.alias_label', { company }));
  const rename = field('company-rename', t('company.rename_placeholder'), t('company.rename_label', { company }));
  const into = field('company-merge', t('company.merge_placeholder'), t('company.merge_label', { company }));
  const add = () => alias.value.trim() && act(() => call('add_company_alias', { company, alias: alias.value.trim() }),
    () => { notify(t('company.alias_added', { alias: alias.value.trim(), company })); navigate.company(company); });
  const doRename = () => rename.value.trim() && act(() => call('rename_company', { company, name: rename.value.trim() }),
    (name) => { notify(t('company.renamed', { name, company })); navigate.company(name); });
  const doMerge = () => {
    const target = into.value.trim();
    if (!target || !window.confirm(t('company.merge_confirm', { company, target }))) return;
    act(() => call('merge_companies', { from: company, into: target }),
      (moved) => { notify(t('company.merged', { target, moved })); navigate.company(target); });
  };
  for (const [input, fn] of [[alias, add], [rename, doRename], [into, doMerge]]) {
    input.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') { ev.preventDefault(); fn(); } });
  }
  return card(t('company.names'),
    h('div', { class: 'chips', id: 'company-aliases' }, tl.aliases.map((a) => h('span', { class: 'chip' }, a,
      h('button', { type: 'button', class: 'link remove-alias', text: '×', 'aria-label': t('company.remove_alias', { alias: a }),
        on: { click: () => act(() => call('remove_company_alias', { alias: a }), () => navigate.company(company)) } })))),
    h('div', { class: 'inline' }, alias, h('button', { type: 'button', id: 'company-alias-add', text: t('company.add'), on: { click: add } })),
    h('div', { class: 'inline' }, rename, h('button', { type: 'button', id: 'company-rename-button', text: t('company.rename'), on: { click: doRename } })),
    h('div', { class: 'inline' }, into, h('button', { type: 'button', id: 'company-merge-button', text: t('company.merge'), on: { click: doMerge } })));
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
  const tl = await loadOrList(app, navigate, 'company_timeline', { name });
  if (!tl) return undefined;
  const sm = tl.summary;
  return layout(main, navigate, {
    heading: tl.company,
    subtitle: tl.aliases.length ? t('history.also', { names: tl.aliases.join(', ') }) : null,
    cards: [
      card(t('history.incidents'), h('div', { class: 'big', text: String(sm.incidents) })),
      card(t('history.records_affected'), ...largest(sm.records_total, sm.records_largest)),
      card(t('history.people_affected'), ...largest(sm.users_total, sm.users_largest)),
      card(t('history.fines'), ...moneyList(sm.fines)),
      card(t('history.proposed_fines'), ...moneyList(sm.proposed_fines)),
      sm.settlements.length ? card(t('history.settlements'), ...moneyList(sm.settlements)) : null,
      card(t('history.regulators'), ...regulatorLinks(sm.regulators, navigate)),
      card(t('history.first_latest_event'), h('div', { text: `${formatDate(sm.first_event)} – ${formatDate(sm.latest_event)}` })),
      namesCard(tl, navigate),
    ],
    events: onIncidentLanes(tl.events),
    lanes: lanesOf(tl.incidents, (r) => r.title, (r) => `#${r.id} ${r.title}`),
    table: incidentsTable(tl.incidents, navigate, false),
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
    subtitle: r.aliases.length ? t('history.country_also', { country: r.country, names: r.aliases.join(', ') }) : r.country,
    cards: [
      card(t('history.actions'), h('div', { class: 'big', text: String(sm.actions) }),
        h('div', { class: 'muted small', text: t('history.in_incidents', { count: String(sm.incidents) }) })),
      card(t('history.fines'), ...moneyList(sm.fines)),
      card(t('history.proposed_fines'), ...moneyList(sm.proposed_fines)),
      sm.settlements.length ? card(t('history.settlements'), ...moneyList(sm.settlements)) : null,
      card(t('history.companies'), ...(sm.companies.length ? sm.companies.map((c) => h('button', {
        type: 'button', class: 'link chip', text: `${c.company} (${c.actions})`, on: { click: () => navigate.company(c.company) },
      })) : [h('span', { class: 'muted', text: t('history.none') })])),
      card(t('history.first_latest_action'), h('div', { text: `${formatDate(sm.first_action)} – ${formatDate(sm.latest_action)}` })),
    ],
    events: onIncidentLanes(v.events),
    lanes: lanesOf(v.incidents, (i) => `${i.company} · ${i.title}`, (i) => `#${i.id} ${i.company} — ${i.title}`),
    table: incidentsTable(v.incidents, navigate, true),
  });
}

/** The Regulator view's keys, for the help (?). */
export const regulatorShortcuts = [
  { keys: 'Esc', text: () => t('help.history.back') },
  { keys: '← →', text: () => t('help.history.move') },
  { keys: 'Enter / Space', text: () => t('help.history.open') },
  { keys: 'Enter', text: () => t('help.history.zoom') },
];

/** The Company view's keys: the Regulator view's and its name boxes'. */
export const shortcuts = [
  ...regulatorShortcuts,
  { keys: 'Enter', text: () => t('help.history.names') },
];
