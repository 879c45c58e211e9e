import { $, el, roleName, STATUS } from './dom.js';
import { staffControls } from './staff-controls.js';

const PRESENCE = { online: '在线', away: '离开', offline: '离线' };

function assignControl(conversation, agents, onAssign) {
  const select = el('select', { 'aria-label': '分配给 Assign to' },
    agents.filter((a) => a.presence !== 'offline' && (!conversation.assignee || a.id !== conversation.assignee.id))
      .map((a) => el('option', { value: a.id, text: `${a.displayName}（${a.load}/${a.effectiveCapacity}）` })));
  const button = el('button', { type: 'button', text: conversation.status === 'queued' ? '分配 Assign' : '改派 Reassign', disabled: select.options.length === 0 },);
  button.addEventListener('click', () => onAssign(conversation.id, select.value));
  return el('span', { class: 'assign' }, select, button);
}

/** Live queues, agents' load and (re)assignment, for supervisors and admins. */
export function renderSupervisor(overview, { onAssign, onOpen, role, refresh }) {
  $('supervisor').hidden = false;
  $('agents-body').replaceChildren(...overview.agents.filter((a) => a.status !== 'removed').map((a) =>
    el('tr', { dataset: { agentId: a.id, presence: a.presence, status: a.status } },
      el('td', { text: a.displayName }), el('td', { text: roleName(a.role) }),
      el('td', { text: a.status === 'disabled' ? '已停用 Disabled' : PRESENCE[a.presence] || a.presence }),
      el('td', { text: `${a.load} / ${a.effectiveCapacity}` }), el('td', {}, staffControls(a, overview.agents, { role, refresh })))));
  const row = (c) => el('li', { dataset: { id: c.id } },
    el('button', { type: 'button', class: 'link', onclick: () => onOpen(c.id), text: `${c.customer.name} · ${STATUS[c.status]}${c.assignee ? ` · ${c.assignee.name}` : ''}` }),
    assignControl(c, overview.agents, onAssign));
  $('sup-queue').replaceChildren(...overview.queue.map(row));
  $('sup-active').replaceChildren(...overview.active.map(row));
  $('sup-queue-count').textContent = String(overview.queue.length);
  $('sup-active-count').textContent = String(overview.active.length);
}
