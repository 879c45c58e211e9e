// Staff changes from the supervisor view: hand everything an agent has over to another (supervisors), and disable,
// enable or remove an account (admins). The server checks the role again.
import { request } from './api.js';
import { el, flash } from './dom.js';

async function act(method, path, body, done) {
  try {
    await request(method, path, body);
    done();
  } catch (err) {
    flash(err.message, 'error');
  }
}

export function staffControls(agent, agents, { role, refresh }) {
  const id = encodeURIComponent(agent.id);
  const others = agents.filter((a) => a.id !== agent.id && a.status === 'active');
  const target = el('select', { 'aria-label': '转交给 Hand over to' }, others.map((a) => el('option', { value: a.id, text: a.displayName })));
  const handOver = el('button', {
    type: 'button', text: '全部转交 Hand over', disabled: others.length === 0,
    onclick: () => act('POST', `/api/supervisor/agents/${id}/reassign`, { agentId: target.value }, refresh),
  });
  const controls = [target, handOver];
  if (role === 'admin') {
    const disabled = agent.status === 'disabled';
    controls.push(
      el('button', { type: 'button', text: disabled ? '启用 Enable' : '停用 Disable', onclick: () => act('POST', `/api/admin/users/${id}/${disabled ? 'enable' : 'disable'}`, undefined, refresh) }),
      el('button', {
        type: 'button', text: '删除 Remove',
        onclick: () => confirm(`删除 ${agent.displayName}？历史记录保留。Remove ${agent.displayName}? Their history stays.`) && act('DELETE', `/api/admin/users/${id}`, undefined, refresh),
      }),
    );
  }
  return el('span', { class: 'assign' }, ...controls);
}
