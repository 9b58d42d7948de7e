// An SVG timeline: a time axis, one lane per incident, one marker per event.
// Day-precision events are points whose shape and colour say their kind;
// month- and year-precision events are bars over the month or year they cover.
// Points that would sit on top of each other merge into a numbered cluster, and
// amount labels are placed only where they fit, so 50+ events stay readable.

import { h, s, replaceChildren } from './dom.js';
import { kindLabel } from './labels.js';
import { t, shortMoney, fullMoney, formatDate } from './i18n.js';

// How each event kind is drawn; its label comes from the Rust side (labels.js).
const SHAPES = {
  started: 'circle',
  discovered: 'triangle',
  disclosed: 'triangle-down',
  reported_to_regulator: 'square',
  investigation_opened: 'diamond',
  findings_published: 'diamond',
  proposed_fine: 'square',
  fined: 'square',
  corrective_order: 'diamond',
  settled: 'circle',
  appealed: 'triangle',
  court_ruling: 'diamond',
  ceased: 'cross',
  closed: 'circle',
  other: 'circle',
};

const LABEL_WIDTH = 230;
const LANE_HEIGHT = 46;
const AXIS_HEIGHT = 30;
const RIGHT_PAD = 24;
const CLUSTER_PX = 12;
const DAY = 86400000;

const toTime = (iso) => Date.parse(`${iso}T00:00:00Z`);
const isoDay = (time) => new Date(time).toISOString().slice(0, 10);

/** Parses a zoom bound typed as YYYY, YYYY-MM or YYYY-MM-DD; `end` gives the last day. */
export function parseBound(text, end) {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), m[2] ? Number(m[2]) - 1 : null, m[3] ? Number(m[3]) : null];
  if (mo !== null && (mo < 0 || mo > 11)) return null;
  if (!end) return Date.UTC(y, mo ?? 0, d ?? 1);
  if (d !== null) return Date.UTC(y, mo, d);
  if (mo !== null) return Date.UTC(y, mo + 1, 1) - DAY;
  return Date.UTC(y + 1, 0, 1) - DAY;
}

function shape(kind, x, y, size) {
  const r = size / 2;
  switch (SHAPES[kind] ?? 'circle') {
    case 'square': return s('rect', { x: x - r, y: y - r, width: size, height: size, rx: 1 });
    case 'diamond': return s('polygon', { points: `${x},${y - r - 1} ${x + r + 1},${y} ${x},${y + r + 1} ${x - r - 1},${y}` });
    case 'triangle': return s('polygon', { points: `${x},${y - r - 1} ${x + r + 1},${y + r} ${x - r - 1},${y + r}` });
    case 'triangle-down': return s('polygon', { points: `${x - r - 1},${y - r} ${x + r + 1},${y - r} ${x},${y + r + 1}` });
    case 'cross': return s('path', { d: `M${x - r},${y - r}L${x + r},${y + r}M${x + r},${y - r}L${x - r},${y + r}`, class: 'cross' });
    default: return s('circle', { cx: x, cy: y, r });
  }
}

/** Tick marks for the visible range: months, quarters, years or decades. */
function ticks(from, to, plotWidth) {
  const months = (to - from) / (30.44 * DAY);
  const steps = [1, 2, 3, 6, 12, 24, 60, 120];
  const step = steps.find((st) => months / st <= plotWidth / 80) ?? 120;
  const start = new Date(from);
  let y = start.getUTCFullYear();
  let m = start.getUTCMonth();
  if (step >= 12) { y -= y % (step / 12); m = 0; } else { m -= m % step; }
  const out = [];
  for (let time = Date.UTC(y, m, 1); time <= to; ) {
    if (time >= from) {
      const d = new Date(time);
      const iso = step >= 12 ? String(d.getUTCFullYear()) : `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
      out.push({ t: time, label: formatDate(iso) });
    }
    m += step;
    y += Math.floor(m / 12);
    m %= 12;
    time = Date.UTC(y, m, 1);
  }
  return out;
}

function describe(e) {
  const parts = [`${formatDate(e.date)} · ${kindLabel(e.kind)}`];
  if (e.regulator) parts.push(e.regulator_name ? `${e.regulator_name} (${e.regulator})` : e.regulator);
  if (e.amount !== null && e.currency) parts.push(fullMoney(e.amount, e.currency));
  return parts;
}


/** Zooms to [from, to] (ms), writes the range into the zoom fields and redraws. */
function zoomTo(tl, from, to) {
  tl.zoom = [from, to];
  tl.ui.fromInput.value = isoDay(from);
  tl.ui.toInput.value = isoDay(to);
  render(tl);
}

/** Zooms to the dates typed in the zoom fields, or says how to write them. */
function applyZoom(tl) {
  const { fromInput, toInput, zoomError } = tl.ui;
  const a = fromInput.value.trim() ? parseBound(fromInput.value, false) : tl.allFrom;
  const b = toInput.value.trim() ? parseBound(toInput.value, true) : tl.allTo;
  if (a === null || b === null || a > b) {
    zoomError.textContent = t('timeline.zoom_error');
    return;
  }
  zoomError.textContent = '';
  tl.zoom = [a, b + DAY];
  render(tl);
}

function resetZoom(tl) {
  tl.zoom = null;
  tl.ui.fromInput.value = '';
  tl.ui.toInput.value = '';
  tl.ui.zoomError.textContent = '';
  render(tl);
}

/** The elements that stay while the plot is redrawn. */
function timelineParts() {
  return {
    fromInput: h('input', { id: 'zoom-from', placeholder: t('timeline.from_placeholder'), size: '22', 'aria-label': t('timeline.from_label') }),
    toInput: h('input', { id: 'zoom-to', placeholder: t('timeline.to_placeholder'), size: '22', 'aria-label': t('timeline.to_label') }),
    zoomError: h('small', { class: 'field-error', id: 'zoom-error' }),
    plot: h('div', { class: 'tl-plot' }),
    tooltip: h('div', { class: 'tl-tooltip', role: 'tooltip', id: 'tl-tooltip', hidden: true }),
    legend: h('div', { class: 'tl-legend', 'aria-label': t('timeline.legend') }),
    status: h('span', { class: 'muted', id: 'zoom-status' }),
  };
}

/** The zoom row: from, to, Zoom, Reset; Enter in a field zooms. */
function zoomControls(tl) {
  const { fromInput, toInput, zoomError, status } = tl.ui;
  for (const input of [fromInput, toInput]) {
    input.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') { ev.preventDefault(); applyZoom(tl); } });
  }
  return h('div', { class: 'tl-controls' },
    h('label', { text: `${t('timeline.zoom_label')} ` }), fromInput, h('span', { text: '–' }), toInput,
    h('button', { type: 'button', id: 'zoom-apply', text: t('timeline.zoom'), on: { click: () => applyZoom(tl) } }),
    h('button', { type: 'button', id: 'zoom-reset', text: t('timeline.reset'), on: { click: () => resetZoom(tl) } }),
    status, zoomError);
}

/**
 * Draws the timeline into `container`.
 * options: events (timeline events, in time order, each with its `lane` key),
 * lanes: [{ key, label, title }], onOpen(event) opens an incident.
 */
export function drawTimeline(container, { events, lanes, onOpen }) {
  const tl = { container, events, lanes, onOpen, zoom: null, ui: timelineParts() };
  const { plot, tooltip, legend } = tl.ui;
  replaceChildren(container,
    zoomControls(tl),
    h('div', { class: 'tl-wrap' }, h('div', { class: 'tl-frame' }, plot), tooltip),
    legend);
  tl.allFrom = events.length ? Math.min(...events.map((e) => toTime(e.start))) : Date.UTC(2020, 0, 1);
  tl.allTo = events.length ? Math.max(...events.map((e) => toTime(e.end) + DAY)) : Date.UTC(2021, 0, 1);
  render(tl);
  return { render: () => render(tl) };
}

function showTip(tl, marker, items) {
  const { tooltip } = tl.ui;
  replaceChildren(tooltip, items.map((e) => h('div', { class: 'tl-tip-item' },
    describe(e).map((line, i) => h(i === 0 ? 'strong' : 'div', { text: line })),
    h('div', { class: 'muted', text: `#${e.incident_id} ${e.incident_title}` }),
    e.note ? h('div', { class: 'tl-note', text: e.note }) : null)));
  const frame = tl.container.querySelector('.tl-wrap').getBoundingClientRect();
  const box = marker.getBoundingClientRect();
  tooltip.hidden = false;
  const left = Math.min(box.left - frame.left + box.width / 2 + 10, frame.width - tooltip.offsetWidth - 4);
  tooltip.style.left = `${Math.max(4, left)}px`;
  tooltip.style.top = `${box.bottom - frame.top + 6}px`;
}

const hideTip = (tl) => { tl.ui.tooltip.hidden = true; };

/** Size and scale of the drawing: the range shown and x(time) → pixels. */
function frameOf(tl) {
  const width = Math.max(720, tl.ui.plot.clientWidth || tl.container.clientWidth || 1000);
  const plotWidth = width - LABEL_WIDTH - RIGHT_PAD;
  let [from, to] = tl.zoom ?? [tl.allFrom, tl.allTo];
  if (!tl.zoom) { const pad = Math.max((to - from) * 0.03, 15 * DAY); from -= pad; to += pad; }
  const x = (time) => LABEL_WIDTH + ((time - from) / (to - from)) * plotWidth;
  const height = AXIS_HEIGHT + Math.max(1, tl.lanes.length) * LANE_HEIGHT + 8;
  return { width, plotWidth, from, to, x, height };
}

/** Axis and grid. */
function axis(f) {
  const g = s('g', { class: 'tl-axis' });
  for (const tick of ticks(f.from, f.to, f.plotWidth)) {
    g.append(s('line', { x1: f.x(tick.t), x2: f.x(tick.t), y1: AXIS_HEIGHT - 6, y2: f.height, class: 'tl-grid' }));
    if (f.x(tick.t) + 44 < f.width) g.append(s('text', { x: f.x(tick.t) + 3, y: AXIS_HEIGHT - 10, class: 'tl-tick', text: tick.label }));
  }
  return g;
}

/** One band per lane, its label cut to fit, the whole label in its title. */
function laneShapes(lanes, f) {
  return lanes.flatMap((lane, i) => {
    const y = AXIS_HEIGHT + i * LANE_HEIGHT;
    const chars = 30;
    const text = lane.label.length > chars ? `${lane.label.slice(0, chars - 1)}…` : lane.label;
    return [
      s('rect', { x: 0, y, width: f.width, height: LANE_HEIGHT, class: i % 2 ? 'tl-lane odd' : 'tl-lane' }),
      s('text', { x: 8, y: y + LANE_HEIGHT / 2 + 4, class: 'tl-lane-label' }, s('title', { text: lane.title ?? lane.label }), text),
    ];
  });
}

/** Adds a day point to the last marker when they would overlap, else as a new marker. */
function addPoint(markers, p, y) {
  const last = markers.length && markers[markers.length - 1];
  if (last && !last.bar && last.y === y && p.px - last.x1 < CLUSTER_PX) {
    last.items.push(p.e);
    last.x = (last.x1 + p.px) / 2;
  } else {
    markers.push({ items: [p.e], y, x: p.px, x1: p.px });
  }
}

/** Markers: bars for coarse dates, points (merged when crowded) for days. */
function layoutMarkers(visible, lanes, f) {
  const laneIndex = new Map(lanes.map((l, i) => [l.key, i]));
  const byLane = new Map();
  for (const e of visible) {
    if (!byLane.has(e.lane)) byLane.set(e.lane, []);
    byLane.get(e.lane).push(e);
  }
  const markers = [];
  for (const [key, laneEvents] of byLane) {
    const y = AXIS_HEIGHT + laneIndex.get(key) * LANE_HEIGHT + LANE_HEIGHT / 2;
    const points = [];
    for (const e of laneEvents) {
      if (e.precision === 'day') { points.push({ e, px: f.x(toTime(e.start) + DAY / 2) }); continue; }
      const x1 = Math.max(LABEL_WIDTH, f.x(toTime(e.start)));
      const x2 = Math.min(f.width - RIGHT_PAD, f.x(toTime(e.end) + DAY));
      markers.push({ items: [e], y, x: x1, bar: [x1, Math.max(x2, x1 + 3)] });
    }
    points.sort((a, b) => a.px - b.px);
    for (const p of points) addPoint(markers, p, y);
  }
  return markers.sort((a, b) => a.x - b.x || a.y - b.y);
}

/** What a marker shows: a bar, a numbered cluster or the kind's shape. */
function markerShape(m) {
  const first = m.items[0];
  if (m.bar) {
    // Year bars sit low and thin, month bars on the lane's line, so that
    // both stay visible where they overlap.
    const [top, tall] = first.precision === 'year' ? [m.y + 5, 6] : [m.y - 5, 10];
    return [s('rect', { x: m.bar[0], y: top, width: m.bar[1] - m.bar[0], height: tall, rx: 3, class: 'tl-bar' })];
  }
  if (m.items.length > 1) {
    return [s('circle', { cx: m.x, cy: m.y, r: 10, class: 'tl-cluster' }),
      s('text', { x: m.x, y: m.y + 4, class: 'tl-cluster-count', text: String(m.items.length) })];
  }
  return [shape(first.kind, m.x, m.y, 11)];
}

/** A cluster zooms in around its events; a single event opens its incident. */
function openMarker(tl, m) {
  if (m.items.length === 1) { tl.onOpen(m.items[0]); return; }
  const times = m.items.map((e) => toTime(e.start));
  const span = Math.max(Math.max(...times) - Math.min(...times), 20 * DAY);
  zoomTo(tl, Math.min(...times) - span, Math.max(...times) + span);
}

/** One marker, focusable: Enter or Space opens it, arrows move to the next one. */
function markerGroup(tl, m, index, layer) {
  const first = m.items[0];
  const cluster = m.items.length > 1;
  const g = s('g', {
    class: `tl-marker k-${cluster ? 'cluster' : first.kind}${m.bar ? ' bar' : ''}`,
    tabindex: '0', role: 'button',
    dataset: { count: String(m.items.length), index: String(index), incidentId: String(first.incident_id), eventIds: m.items.map((e) => e.event_id).join(' ') },
    'aria-label': cluster
      ? t('timeline.cluster', { count: m.items.length, from: formatDate(m.items[0].date), to: formatDate(m.items[m.items.length - 1].date) })
      : describe(first).join(', '),
  }, markerShape(m));
  g.addEventListener('click', () => openMarker(tl, m));
  g.addEventListener('mouseenter', () => showTip(tl, g, m.items));
  g.addEventListener('mouseleave', () => hideTip(tl));
  g.addEventListener('focus', () => showTip(tl, g, m.items));
  g.addEventListener('blur', () => hideTip(tl));
  g.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); openMarker(tl, m); }
    if (ev.key === 'Escape') hideTip(tl);
    const step = ev.key === 'ArrowRight' ? 1 : ev.key === 'ArrowLeft' ? -1 : 0;
    if (step) {
      ev.preventDefault();
      layer.querySelector(`[data-index="${index + step}"]`)?.focus();
    }
  });
  return g;
}

/** The amount label of a money event, above or below it, only where it fits. */
function amountLabel(m, f, taken) {
  const money = m.items.filter((e) => e.amount !== null && e.currency);
  if (money.length !== 1 || m.items.length > 1) return null;
  const text = shortMoney(money[0].amount, money[0].currency);
  const full = fullMoney(money[0].amount, money[0].currency);
  const w = text.length * 6.6 + 4;
  const cx = m.bar ? m.bar[0] : m.x;
  const x1 = Math.min(Math.max(cx - w / 2, LABEL_WIDTH), f.width - RIGHT_PAD - w);
  for (const dy of [-12, 19]) {
    const box = { x1, x2: x1 + w, y1: m.y + dy - 10, y2: m.y + dy + 2 };
    if (!taken.some((b) => b.x1 < box.x2 && box.x1 < b.x2 && b.y1 < box.y2 && box.y1 < b.y2)) {
      taken.push(box);
      // The title sits beside the text, not in it: the label's own text stays the short figure.
      return s('g', {}, s('title', { text: full }), s('text', { x: x1 + 2, y: m.y + dy, class: 'tl-label', text }));
    }
  }
  return null;
}

/** Drag across the plot to zoom into that range. */
function wireDragZoom(tl, svg, f) {
  let drag = null;
  const band = s('rect', { class: 'tl-band', y: AXIS_HEIGHT, height: f.height - AXIS_HEIGHT, width: 0, x: 0 });
  svg.append(band);
  const at = (ev) => ev.clientX - svg.getBoundingClientRect().left;
  svg.addEventListener('mousedown', (ev) => {
    if (ev.target.closest('.tl-marker') || at(ev) < LABEL_WIDTH) return;
    drag = at(ev);
  });
  svg.addEventListener('mousemove', (ev) => {
    if (drag === null) return;
    band.setAttribute('x', Math.min(drag, at(ev)));
    band.setAttribute('width', Math.abs(at(ev) - drag));
  });
  svg.addEventListener('mouseup', (ev) => {
    if (drag === null) return;
    const [a, b] = [Math.min(drag, at(ev)), Math.max(drag, at(ev))];
    drag = null;
    if (b - a < 6) { band.setAttribute('width', 0); return; }
    const timeAt = (px) => f.from + ((px - LABEL_WIDTH) / f.plotWidth) * (f.to - f.from);
    zoomTo(tl, timeAt(a), timeAt(b));
  });
}

/** Legend: only the kinds on screen, plus the drawing conventions. */
function drawLegend(tl, visible) {
  const kinds = [...new Set(visible.map((e) => e.kind))];
  replaceChildren(tl.ui.legend,
    kinds.map((k) => h('span', { class: 'tl-legend-item' },
      s('svg', { width: 14, height: 14, class: `k-${k}` }, shape(k, 7, 7, 9)), kindLabel(k))),
    h('span', { class: 'tl-legend-item muted', text: t('timeline.legend_bars') }),
    h('span', { class: 'tl-legend-item muted', text: t('timeline.legend_cluster') }));
}

/** Draws the plot, the zoom status and the legend for the range shown. */
function render(tl) {
  hideTip(tl);
  const f = frameOf(tl);
  const svg = s('svg', { width: f.width, height: f.height, class: 'tl-svg', role: 'group', 'aria-label': t('timeline.label'), id: 'timeline-svg' });
  svg.append(axis(f), ...laneShapes(tl.lanes, f));
  const visible = tl.events.filter((e) => toTime(e.end) + DAY > f.from && toTime(e.start) < f.to);
  const layer = s('g', { class: 'tl-markers' });
  const labels = s('g', { class: 'tl-labels' });
  const taken = []; // label boxes already placed: {x1, x2, y1, y2}
  layoutMarkers(visible, tl.lanes, f).forEach((m, index) => {
    layer.append(markerGroup(tl, m, index, layer));
    const label = amountLabel(m, f, taken);
    if (label) labels.append(label);
  });
  svg.append(layer, labels);
  wireDragZoom(tl, svg, f);
  replaceChildren(tl.ui.plot, svg);
  const { events } = tl;
  tl.ui.status.textContent = tl.zoom
    ? t('timeline.in_range', { shown: visible.length, total: events.length }) : t('timeline.events', { count: events.length });
  drawLegend(tl, visible);
}
