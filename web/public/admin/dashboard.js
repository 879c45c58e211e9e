import { api } from './admin-api.js';
import { el } from '/console/dom.js';
import { barChart, donut, hbarChart, legend } from './charts.js';

const CHANNEL = { webchat: ['网页 Web chat', '#1f6feb'], telegram: ['Telegram', '#2aa3d6'], wechat: ['微信 WeChat', '#1a7f37'], botframework: ['Bot Framework', '#8250df'] };
const pct = (r) => (r === null ? '—' : `${Math.round(r * 100)}%`);

/** Volume by channel and hour, deflection, top FAQs, the unanswered trend and satisfaction, as charts. */
export async function showDashboard(view) {
  const days = el('select', { id: 'dash-days', 'aria-label': '时间范围 Range' },
    ...[['1', '今天 Today'], ['7', '7 天 days'], ['30', '30 天 days'], ['90', '90 天 days']].map(([v, t]) => el('option', { value: v }, t)));
  days.value = '7';
  const body = el('div', { id: 'dashboard' });
  days.addEventListener('change', () => render(body, days.value));
  view.append(el('div', { class: 'toolbar' }, el('h2', {}, '数据看板 Dashboard'), days), body);
  await render(body, days.value);
}

async function render(body, days) {
  const d = await api.dashboard(days);
  const channels = Object.keys(CHANNEL).filter((c) => d.conversations.byChannel[c] > 0);
  const shown = channels.length ? channels : ['webchat'];
  const series = shown.map((c) => ({ name: CHANNEL[c][0], color: CHANNEL[c][1], values: d.conversations.byHour.map((h) => h[c]) }));
  const dayLabels = d.conversations.byDay.map((x) => x.day.slice(5));
  const s = d.satisfaction;
  const card = (title, value, note) => el('div', { class: 'card' }, el('div', { class: 'dim' }, title), el('div', { class: 'big' }, value), note ? el('div', { class: 'dim' }, note) : null);
  body.replaceChildren(
    el('div', { class: 'cards' },
      card('会话 Conversations', String(d.conversations.total)),
      card('机器人独立解决 Bot deflection', pct(d.deflection.rate), `${d.deflection.botOnly} / ${d.conversations.total} 未转人工 never queued`),
      card('未解决问题 Unanswered', String(d.unanswered.total)),
      card('机器人回答好评率 Bot answer rating', pct(s.ratio), `👍 ${s.up} · 👎 ${s.down}`)),
    panel('按小时、渠道的会话量 Conversations by hour and channel', 'chart-hours',
      barChart({ labels: [...Array(24).keys()].map((h) => `${h}`), series, title: 'Conversations by hour of day and channel' }), legend(series)),
    panel('每日会话与转人工 Conversations per day', 'chart-days',
      barChart({ labels: dayLabels, title: 'Conversations per day', series: [
        { name: '机器人解决 Bot only', color: '#1f6feb', values: d.conversations.byDay.map((x) => x.total - x.handedOff) },
        { name: '转人工 Handed off', color: '#d4a72c', values: d.conversations.byDay.map((x) => x.handedOff) }] }),
      legend([{ name: '机器人解决 Bot only', color: '#1f6feb' }, { name: '转人工 Handed off', color: '#d4a72c' }])),
    el('div', { class: 'row2' },
      panel('机器人独立解决率 Deflection', 'chart-deflection',
        donut([{ label: 'Bot only', value: d.deflection.botOnly, color: '#1f6feb' }, { label: 'Handed off', value: d.deflection.handedOff, color: '#d4a72c' }],
          { title: 'Bot deflection rate', center: pct(d.deflection.rate) }),
        el('ul', { class: 'plain' }, d.deflection.byChannel.map((c) => el('li', {}, `${CHANNEL[c.channel][0]}: ${pct(c.rate)} (${c.total})`)))),
      // Thumbs on bot answers, not the survey: the survey's CSAT is in Reports, so the two are never set side by side as one figure.
      panel('机器人回答好评率 Bot answer rating', 'chart-satisfaction',
        s.up + s.down > 0
          ? donut([{ label: '👍', value: s.up, color: '#1a7f37' }, { label: '👎', value: s.down, color: '#cf222e' }], { title: 'Thumbs up ratio', center: pct(s.ratio) })
          : el('p', { class: 'dim' }, '暂无评价 No ratings yet'),
        el('p', { class: 'dim', id: 'satisfaction-note' }, '客户对机器人回答点的 👍/👎。人工服务后的满意度调查（CSAT）见',
          el('a', { href: '/console/reports.html' }, '报表 Reports'), '。 · 👍/👎 on bot answers; the survey CSAT after human service is in Reports.'))),
    panel('热门问答 Top FAQ hits', 'chart-top',
      d.topFaqs.length ? hbarChart(d.topFaqs.map((f) => ({ label: f.question ?? f.faqId, value: f.count })), { title: 'Top FAQ hits' }) : el('p', { class: 'dim' }, '暂无 None yet')),
    panel('未解决趋势 Unanswered per day', 'chart-unanswered',
      barChart({ labels: d.unanswered.byDay.map((x) => x.day.slice(5)), title: 'Unanswered questions per day',
        series: [{ name: 'Unanswered', color: '#cf222e', values: d.unanswered.byDay.map((x) => x.count) }] })),
  );
}

function panel(title, id, ...content) {
  return el('section', { class: 'panel', id }, el('h3', {}, title), ...content);
}
