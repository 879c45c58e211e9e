import { ApiError, whoAmI } from './api.js';
import { $, el, flash, roleName, time } from './dom.js';
import { tickets as api } from './ticket-api.js';
import { bindDetail, renderDetail, slaBadges } from './ticket-detail.js';
import { options, PRIORITY, STATUS, TYPE } from './ticket-labels.js';
import { bindNewForm, showNewForm } from './ticket-new.js';

const me = await whoAmI();
const supervisor = me.role === 'supervisor' || me.role === 'admin';
$('me-name').textContent = me.displayName;
$('me-role').textContent = roleName(me.role);
$('reports-link').hidden = !supervisor;
$('escalations').hidden = !supervisor;
$('f-type').append(...options(TYPE));
$('f-priority').append(...options(PRIORITY));

let agents = [];
let currentId = null;
const report = (err) => flash(err instanceof ApiError ? err.message : '出错了，请重试 / Something went wrong', 'error');

function show(which) {
  $('tk-empty').hidden = which !== 'empty';
  $('tk-new').hidden = which !== 'new';
  $('tk-detail').hidden = which !== 'detail';
}

function item(t) {
  return el('li', { dataset: { id: t.id, number: t.number, status: t.status }, class: t.id === currentId ? 'current' : '' },
    el('button', { type: 'button', onclick: () => { location.hash = t.number; } },
      el('span', { class: 'num', text: t.number }),
      el('span', { class: 'when', text: STATUS[t.status] }),
      el('span', { class: 'subject', text: t.subject }),
      el('span', { class: 'badges' },
        el('span', { class: 'badge', dataset: { priority: t.priority }, text: PRIORITY[t.priority] }),
        el('span', { class: 'badge', text: TYPE[t.type] }),
        ...slaBadges(t).filter((b) => ['warning', 'breached'].includes(b.dataset.sla)),
        t.assignee ? t.assignee.name : '未分配')));
}

function query() {
  const q = { limit: '100' };
  for (const [key, id] of [['q', 'q'], ['status', 'f-status'], ['type', 'f-type'], ['priority', 'f-priority'], ['assignee', 'f-assignee'], ['sla', 'f-sla']]) {
    if ($(id).value.trim()) q[key] = $(id).value.trim();
  }
  return q;
}

async function refreshList() {
  try {
    const found = await api.list(query());
    $('ticket-list').replaceChildren(...found.tickets.map(item));
    $('ticket-total').textContent = String(found.total);
    if (!supervisor) return;
    const [escalated, review] = await Promise.all([
      api.list({ escalated: 'true', status: 'new,open,pending_customer' }), api.list({ review: 'pending', status: 'new,open,pending_customer' }),
    ]);
    const mini = (t) => el('li', { dataset: { number: t.number } }, el('a', { href: `#${t.number}`, text: t.number }), ` ${t.subject}${t.escalatedAt ? ` · ${time(t.escalatedAt)}` : ''}`);
    $('escalated-list').replaceChildren(...escalated.tickets.map(mini));
    $('escalated-count').textContent = String(escalated.total);
    $('review-list').replaceChildren(...review.tickets.map(mini));
    $('review-count').textContent = String(review.total);
  } catch (err) {
    report(err);
  }
}

async function open(id) {
  try {
    const detail = await api.detail(id);
    currentId = detail.ticket.id;
    renderDetail(detail);
    show('detail');
    document.querySelectorAll('#ticket-list li').forEach((li) => li.classList.toggle('current', li.dataset.id === currentId));
  } catch (err) {
    report(err);
    if (err instanceof ApiError && (err.status === 403 || err.status === 404)) show('empty');
  }
}

async function route() {
  const hash = decodeURIComponent(location.hash.slice(1));
  if (hash === 'new' || hash.startsWith('new:')) {
    showNewForm({ me, supervisor, agents, conversationId: hash.slice(4) || null });
    show('new');
  } else if (hash) await open(hash);
  else show('empty');
}

bindDetail({
  me, supervisor, agents: () => agents,
  async act(work, done) {
    try {
      await work();
      if (done) flash(done);
    } catch (err) {
      report(err);
    }
    if (currentId) await open(currentId);
    await refreshList();
  },
});
bindNewForm({
  report,
  onCancel: () => { location.hash = ''; },
  onCreated: (t) => {
    flash(`已创建 Created ${t.number}`);
    location.hash = t.number;
    refreshList();
  },
});

let searchTimer = null;
$('filters').addEventListener('input', () => {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(refreshList, 250);
});
$('filters').addEventListener('submit', (e) => e.preventDefault());
$('new-ticket').addEventListener('click', () => { location.hash = 'new'; });
window.addEventListener('hashchange', route);

try {
  const [list, teams] = await Promise.all([api.agents(), api.teams()]);
  agents = list.agents;
  $('team-names').replaceChildren(...teams.teams.map((t) => el('option', { value: t.team })));
} catch (err) {
  report(err);
}
await refreshList();
await route();
// SLA states change with time: keep the list fresh.
setInterval(refreshList, 15000);
