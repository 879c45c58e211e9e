// Inline SVG charts, no library: horizontal bars for groups, columns for days. Labels go in as text nodes.
const NS = 'http://www.w3.org/2000/svg';

function svg(tag, attrs = {}, text) {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

const clip = (s, n) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** rows: [{ label, value (number or null) }]; format(value) → text. */
export function barChart(rows, format) {
  const max = Math.max(1e-9, ...rows.map((r) => r.value ?? 0));
  const rowH = 22;
  const width = 480;
  const labelW = 130;
  const valueW = 70;
  const root = svg('svg', { viewBox: `0 0 ${width} ${rows.length * rowH + 8}`, role: 'img' });
  rows.forEach((r, i) => {
    const y = 4 + i * rowH;
    const w = r.value === null ? 0 : Math.max(1, ((width - labelW - valueW) * r.value) / max);
    root.append(svg('text', { x: labelW - 6, y: y + 15, 'text-anchor': 'end' }, clip(r.label, 18)));
    root.append(svg('rect', { class: 'bar', x: labelW, y: y + 3, width: w, height: rowH - 8, rx: 2 }));
    root.append(svg('text', { x: labelW + w + 4, y: y + 15 }, r.value === null ? '—' : format(r.value)));
  });
  return root;
}

/** A time series: one column per day, a label every few days. */
export function columnChart(rows, format) {
  const max = Math.max(1e-9, ...rows.map((r) => r.value ?? 0));
  const width = 480;
  const height = 180;
  const base = height - 24;
  const step = (width - 40) / Math.max(1, rows.length);
  const every = Math.ceil(rows.length / 8);
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img' });
  root.append(svg('line', { class: 'axis', x1: 30, y1: base, x2: width - 4, y2: base }));
  root.append(svg('text', { x: 26, y: 14, 'text-anchor': 'end' }, format(max)));
  rows.forEach((r, i) => {
    const x = 34 + i * step;
    const h = r.value === null ? 0 : ((base - 20) * r.value) / max;
    const bar = svg('rect', { class: 'bar', x, y: base - h, width: Math.max(1, step - 3), height: h, rx: 1 });
    bar.append(svg('title', {}, `${r.label}: ${r.value === null ? '—' : format(r.value)}`));
    root.append(bar);
    if (i % every === 0) root.append(svg('text', { x: x + step / 2, y: height - 8, 'text-anchor': 'middle' }, r.label.slice(5)));
  });
  return root;
}
