import { ApiError, whoAmI } from './api.js';
import { barChart, columnChart } from './charts.js';
import { $, el, flash, roleName } from './dom.js';
import { tickets as api } from './ticket-api.js';
import { TYPE } from './ticket-labels.js';

const me = await whoAmI();
$('me-name').textContent = me.displayName;
$('me-role').textContent = roleName(me.role);

const pct = (v) => (v === null ? '—' : `${Math.round(v * 100)}%`);
const dur = (m) => (m === null ? '—' : m < 60 ? `${Math.round(m)} 分钟` : `${(m / 60).toFixed(1)} 小时`);
const num = (v) => (v === null ? '—' : String(Math.round(v * 100) / 100));

const METRICS = [
  ['工单数 Tickets', (r) => r.tickets, String],
  ['解决率 Resolution rate', (r) => r.resolutionRate, pct],
  ['平均首响 Avg first response', (r) => r.firstResponse.avgMinutes, dur],
  ['平均解决时长 Avg resolution', (r) => r.resolution.avgMinutes, dur],
  ['SLA 达成率 SLA attainment', (r) => r.sla.overall.rate, pct],
  ['满意度 CSAT (4-5)', (r) => r.csat.rate, pct],
  ['平均评分 Avg score', (r) => r.csat.average, num],
  ['机器人独立解决率 Bot deflection', (r) => (r.deflection ? r.deflection.rate : null), pct],
];

function labelOf(groupBy, row) {
  return groupBy === 'category' ? TYPE[row.key] || row.label : row.label;
}

function render(report) {
  $('rp-note').textContent = `${report.from} — ${report.to}（${report.timeZone}）· 工单指标按创建日统计，满意度按回答日，机器人解决率按会话开始日 · Ticket figures by creation day, CSAT by answer day, deflection by conversation start`;
  const orders = report.orderQuestions;
  $('rp-orders').textContent = orders
    ? `订单查询 Order questions: ${orders.questions} · 机器人答复 answered by the bot ${orders.answered} · 转人工 handed to a person ${orders.handedOff}（${orders.conversations} 个会话 conversations）`
    : '';
  $('rp-totals').replaceChildren(...METRICS.map(([name, get, format]) => el('div', { dataset: { metric: name } }, el('dt', { text: name }), el('dd', { text: format(get(report.totals)) }))));
  const rows = report.rows;
  const chart = report.groupBy === 'day' ? columnChart : barChart;
  const charts = METRICS.filter(([name, get]) => name !== '平均评分 Avg score' && rows.some((r) => get(r) !== null));
  $('rp-charts').replaceChildren(...charts.map(([name, get, format]) => el('section', { class: 'rp-chart' }, el('h3', { text: name }),
    chart(rows.map((r) => ({ label: labelOf(report.groupBy, r), value: get(r) })), format))));
  $('rp-head').replaceChildren(el('th', { text: report.groupBy }), ...METRICS.map(([name]) => el('th', { text: name })));
  $('rp-body').replaceChildren(...[...rows, report.totals].map((r) => el('tr', { dataset: { key: r.key } },
    el('td', { text: r === report.totals ? '合计 Total' : labelOf(report.groupBy, r) }), ...METRICS.map(([, get, format]) => el('td', { text: format(get(r)) })))));
}

async function run() {
  const query = { groupBy: $('rp-group').value };
  if ($('rp-from').value) query.from = $('rp-from').value;
  if ($('rp-to').value) query.to = $('rp-to').value;
  $('rp-csv').href = api.csvUrl(query);
  try {
    const report = await api.report(query);
    $('rp-from').value = report.from;
    $('rp-to').value = report.to;
    render(report);
  } catch (err) {
    flash(err instanceof ApiError ? err.message : '出错了 / Something went wrong', 'error');
  }
}

$('rp-form').addEventListener('submit', (e) => {
  e.preventDefault();
  run();
});
$('rp-group').addEventListener('change', run);
await run();
