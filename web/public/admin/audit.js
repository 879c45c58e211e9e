import { api } from './admin-api.js';
import { el, time } from '/console/dom.js';

/** Every change to the knowledge base: who, what, when. */
export async function showAudit(view) {
  const body = el('tbody', { id: 'audit-rows' });
  const more = el('button', { type: 'button' }, '更多 Load more');
  let before;
  const load = async () => {
    const { entries } = await api.audit(before);
    body.append(...entries.map((e) => el('tr', {},
      el('td', { class: 'dim' }, time(e.createdAt)), el('td', {}, e.actor.name), el('td', { class: 'mono' }, e.action),
      el('td', { class: 'mono' }, e.target), el('td', {}, e.summary))));
    before = entries.length ? entries[entries.length - 1].createdAt : before;
    more.hidden = entries.length < 50;
  };
  more.addEventListener('click', load);
  view.append(el('h2', {}, '审计日志 Audit log'),
    el('table', { class: 'grid' }, el('thead', {}, el('tr', {}, ['时间 When', '谁 Who', '操作 Action', '对象 Target', '内容 What'].map((h) => el('th', {}, h)))), body),
    more);
  await load();
}
