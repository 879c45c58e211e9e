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
  // With nothing above zero every bar is empty; dividing by the largest value would not be.
  const max = Math.max(0, ...rows.map((r) => r.value ?? 0)) || 1;
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
  const top = Math.max(0, ...rows.map((r) => r.value ?? 0));
  const max = top || 1;
  const width = 480;
  const height = 180;
  const base = height - 24;
  // Room on the left for the axis label ("100%", "12.5 小时") right-aligned against the axis.
  const left = 56;
  const step = (width - left - 6) / Math.max(1, rows.length);
  const every = Math.ceil(rows.length / 8);
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img' });
  root.append(svg('line', { class: 'axis', x1: left - 4, y1: base, x2: width - 4, y2: base }));
  if (top > 0) root.append(svg('text', { x: left - 8, y: 18, 'text-anchor': 'end', class: 'axis-label' }, format(top)));
  else root.append(svg('text', { x: (left + width) / 2, y: base / 2, 'text-anchor': 'middle', class: 'no-data' }, '暂无数据 No data'));
  rows.forEach((r, i) => {
    const x = left + i * step;
    const h = r.value === null ? 0 : ((base - 20) * r.value) / max;
    const bar = svg('rect', { class: 'bar', x, y: base - h, width: Math.max(1, step - 3), height: h, rx: 1 });
    bar.append(svg('title', {}, `${r.label}: ${r.value === null ? '—' : format(r.value)}`));
    root.append(bar);
    if (i % every === 0) root.append(svg('text', { x: x + step / 2, y: height - 8, 'text-anchor': 'middle' }, r.label.slice(5)));
  });
  return root;
}
