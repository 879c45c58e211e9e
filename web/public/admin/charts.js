// Small SVG charts drawn by hand (no library). Every mark has a <title> tooltip; every chart a text alternative.
const NS = 'http://www.w3.org/2000/svg';

function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) node.setAttribute(k, String(v));
  for (const c of children.flat()) if (c !== null && c !== undefined) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

const tip = (text) => svg('title', {}, text);

/** A round top for the axis: 1, 2, 5 × 10ⁿ. */
function niceMax(value) {
  if (value <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 5, 10].map((m) => m * p).find((m) => m >= value) ?? value;
}

/** Vertical bars, stacked per label. series: [{name, color, values[]}]. */
export function barChart({ labels, series, title, width = 640, height = 200 }) {
  const m = { left: 36, right: 8, top: 10, bottom: 26 };
  const totals = labels.map((_, i) => series.reduce((n, s) => n + (s.values[i] || 0), 0));
  const max = niceMax(Math.max(0, ...totals));
  const plotW = width - m.left - m.right;
  const plotH = height - m.top - m.bottom;
  const bw = plotW / Math.max(1, labels.length);
  const y = (v) => m.top + plotH - (v / max) * plotH;
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart', role: 'img', 'aria-label': title });
  for (const t of [0, max / 2, max]) {
    root.append(svg('line', { x1: m.left, x2: width - m.right, y1: y(t), y2: y(t), class: 'gridline' }),
      svg('text', { x: m.left - 4, y: y(t) + 4, 'text-anchor': 'end', class: 'axis' }, Number.isInteger(t) ? t : t.toFixed(1)));
  }
  const every = Math.ceil(labels.length / 12);
  labels.forEach((label, i) => {
    let base = 0;
    const x = m.left + i * bw + bw * 0.15;
    for (const s of series) {
      const v = s.values[i] || 0;
      if (v > 0) root.append(svg('rect', { x, y: y(base + v), width: bw * 0.7, height: y(base) - y(base + v), fill: s.color, class: 'bar' }, tip(`${label} · ${s.name}: ${v}`)));
      base += v;
    }
    if (i % every === 0) root.append(svg('text', { x: x + bw * 0.35, y: height - 8, 'text-anchor': 'middle', class: 'axis' }, label));
  });
  return root;
}

/** Horizontal bars, one per item: [{label, value, color?}]. */
export function hbarChart(items, { title, width = 640, color = '#1f6feb' }) {
  const row = 24;
  const labelW = 220;
  const height = Math.max(row, items.length * row) + 4;
  const max = Math.max(1, ...items.map((i) => i.value));
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart', role: 'img', 'aria-label': title });
  items.forEach((item, i) => {
    const w = ((width - labelW - 50) * item.value) / max;
    const label = item.label.length > 18 ? `${item.label.slice(0, 17)}…` : item.label;
    root.append(
      svg('text', { x: 0, y: i * row + 16, class: 'axis label' }, label, tip(item.label)),
      svg('rect', { x: labelW, y: i * row + 4, width: Math.max(1, w), height: row - 8, fill: item.color || color, class: 'bar' }, tip(`${item.label}: ${item.value}`)),
      svg('text', { x: labelW + w + 6, y: i * row + 16, class: 'axis' }, item.value),
    );
  });
  return root;
}

/** A ring of parts [{label, value, color}] with a big number in the middle. */
export function donut(parts, { title, center, size = 150 }) {
  const total = parts.reduce((n, p) => n + p.value, 0);
  const r = size / 2 - 12;
  const c = size / 2;
  const root = svg('svg', { viewBox: `0 0 ${size} ${size}`, class: 'chart donut', width: size, height: size, role: 'img', 'aria-label': title });
  root.append(svg('circle', { cx: c, cy: c, r, fill: 'none', stroke: '#eaeef2', 'stroke-width': 18 }));
  const length = 2 * Math.PI * r;
  let offset = 0;
  for (const p of parts) {
    if (!total || !p.value) continue;
    const dash = (p.value / total) * length;
    root.append(svg('circle', {
      cx: c, cy: c, r, fill: 'none', stroke: p.color, 'stroke-width': 18, 'stroke-dasharray': `${dash} ${length - dash}`,
      'stroke-dashoffset': -offset, transform: `rotate(-90 ${c} ${c})`,
    }, tip(`${p.label}: ${p.value}`)));
    offset += dash;
  }
  root.append(svg('text', { x: c, y: c + 7, 'text-anchor': 'middle', class: 'donut-center' }, center));
  return root;
}

/** Colour keys for a chart, as HTML. */
export function legend(series) {
  const box = document.createElement('div');
  box.className = 'legend';
  for (const s of series) {
    const item = document.createElement('span');
    item.append(svg('svg', { width: 10, height: 10, 'aria-hidden': 'true' }, svg('rect', { width: 10, height: 10, fill: s.color })), ` ${s.name}`);
    box.append(item);
  }
  return box;
}
