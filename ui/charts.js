// Bar charts, drawn by our own code as SVG: horizontal bars with their label
// on the left and their number at the end, readable without hovering. Each
// bar that counts incidents is a link (click, or Tab then Enter) to the list
// of exactly those incidents. A chart saves itself as SVG, as PNG and its
// numbers as CSV, through the native save dialog and the Rust side.

import { call } from './api.js';
import { h, s, notify } from './dom.js';
import { notifyError } from './errors.js';
import { t } from './i18n.js';

// Okabe–Ito colours: they stay distinct for the common colour blindnesses.
export const COLOURS = { blue: '#0072B2', orange: '#E69F00', green: '#009E73', purple: '#CC79A7', vermilion: '#D55E00', sky: '#56B4E9' };

const WIDTH = 560;
const LABEL_W = 170;
const VALUE_W = 120;
const ROW_H = 24;
const BAR_H = 15;

/** Text cut to `n` characters with an ellipsis, for labels that must fit. */
const fit = (text, n) => (text.length > n ? `${text.slice(0, n - 1)}…` : text);

const TITLE_H = 24;

function barRow(row, i, max, colour) {
  const y = TITLE_H + i * ROW_H + 4;
  const width = max > 0 ? Math.max(row.value > 0 ? 2 : 0, (row.value / max) * (WIDTH - LABEL_W - VALUE_W)) : 0;
  // `full` is the whole figure a short one (money) stands for: said and hovered.
  const label = `${row.fullLabel ?? row.label}: ${row.full ?? row.text}${row.few ? t('charts.few_suffix') : ''}`;
  const g = s('g', { class: row.open ? 'bar link' : 'bar', transform: `translate(0 ${y})`,
    tabindex: row.open ? '0' : null, role: row.open ? 'link' : 'img', 'aria-label': label },
  s('title', { text: row.open ? t('charts.bar_open', { bar: label }) : label }),
  s('text', { x: LABEL_W - 8, y: BAR_H - 3, 'text-anchor': 'end', fill: '#1f2933', text: fit(row.label, 28) }),
  s('rect', { x: LABEL_W, y: 0, width: width.toFixed(1), height: BAR_H, rx: 2, fill: colour }),
  s('text', { x: (LABEL_W + width + 6).toFixed(1), y: BAR_H - 3, fill: '#1f2933', text: row.text + (row.few ? ' †' : '') }));
  if (row.open) {
    g.addEventListener('click', row.open);
    g.addEventListener('keydown', (ev) => { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); row.open(); } });
  }
  return g;
}

/** The chart itself: one row per bar, an axis line, and the unit under it. */
function barSvg(chart) {
  const max = Math.max(0, ...chart.rows.map((r) => r.value));
  const height = TITLE_H + chart.rows.length * ROW_H + 26;
  return s('svg', { width: WIDTH, height, viewBox: `0 0 ${WIDTH} ${height}`,
    'font-family': 'Noto Sans, DejaVu Sans, sans-serif', 'font-size': 12, role: 'group', 'aria-label': chart.title },
  s('rect', { x: 0, y: 0, width: WIDTH, height, fill: '#ffffff' }),
  // The title is drawn in the image too, so that a saved chart says what it
  // is; on screen the figure's caption shows it (style.css hides this one).
  s('text', { class: 'chart-title', x: 4, y: 15, 'font-weight': 'bold', fill: '#1f2933', text: chart.title }),
  chart.rows.map((row, i) => barRow(row, i, max, chart.colour ?? COLOURS.blue)),
  s('line', { x1: LABEL_W, x2: LABEL_W, y1: TITLE_H, y2: height - 22, stroke: '#52606d', 'stroke-width': 1 }),
  s('text', { x: LABEL_W, y: height - 6, fill: '#52606d', text: chart.unit }));
}

/** Asks where to save, with the chart's own file name proposed. */
async function chooseFile(chart, ext, name) {
  return call('plugin:dialog|save', { options: {
    title: t('charts.save_title', { title: chart.title }), defaultPath: `${chart.file}.${ext}`, filters: [{ name, extensions: [ext] }],
  } });
}

const svgText = (svg) => new XMLSerializer().serializeToString(svg);

/** The SVG drawn on a white canvas at twice its size, as base64 PNG. */
function pngOf(svg) {
  return new Promise((resolve, reject) => {
    const bytes = new TextEncoder().encode(svgText(svg));
    let binary = '';
    for (const b of bytes) binary += String.fromCharCode(b);
    const img = new Image();
    img.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = svg.width.baseVal.value * 2;
      canvas.height = svg.height.baseVal.value * 2;
      const ctx = canvas.getContext('2d');
      ctx.scale(2, 2);
      ctx.drawImage(img, 0, 0);
      resolve(canvas.toDataURL('image/png').split(',')[1]);
    };
    img.onerror = () => reject({ kind: 'io', field: null, message: t('charts.image_failed') });
    img.src = `data:image/svg+xml;base64,${btoa(binary)}`;
  });
}

async function save(chart, svg, format) {
  try {
    if (format === 'svg') {
      const path = await chooseFile(chart, 'svg', t('charts.svg_file'));
      if (path) await call('save_chart', { path, svg: svgText(svg) });
      if (path) notify(t('charts.saved', { path }));
    } else if (format === 'png') {
      const path = await chooseFile(chart, 'png', t('charts.png_file'));
      if (path) await call('save_chart', { path, pngBase64: await pngOf(svg) });
      if (path) notify(t('charts.saved', { path }));
    } else {
      const path = await chooseFile(chart, 'csv', t('charts.csv_file'));
      if (path) await call('save_table', { path, columns: chart.columns, rows: chart.rows.map((r) => r.cells) });
      if (path) notify(t('charts.saved', { path }));
    }
  } catch (e) {
    notifyError(e, { field: false });
  }
}

/**
 * A figure with a title, the bars, a note and the save buttons.
 * `chart`: { id, title, file, unit, colour, note, few, columns, rows: [{
 * label, value, text, full, fullLabel, few, open, cells }] } — `full` and
 * `fullLabel` the whole figures a short text or label stands for, `cells` the CSV row of a
 * bar; `few` (of the chart or of a bar) marks figures resting on fewer than
 * five incidents.
 */
export function barChart(chart) {
  const empty = chart.rows.length === 0;
  const svg = empty ? null : barSvg(chart);
  const few = chart.few || chart.rows.some((r) => r.few);
  const button = (format, text) => h('button', { type: 'button', class: 'small', text, title: t('charts.save_as', { format: text }),
    disabled: empty, dataset: { save: format }, on: { click: () => save(chart, svg, format) } });
  return h('figure', { class: 'chart', id: chart.id },
    h('figcaption', {}, h('strong', { text: chart.title }),
      h('span', { class: 'chart-actions' }, button('svg', 'SVG'), button('png', 'PNG'), button('csv', 'CSV'))),
    empty ? h('p', { class: 'muted empty', text: t('charts.empty') }) : svg,
    chart.note ? h('p', { class: 'chart-note muted', text: chart.note }) : null,
    few ? h('p', { class: 'chart-note muted', text: t('charts.few_note') }) : null);
}
