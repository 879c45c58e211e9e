import { api } from './admin-api.js';
import { el, flash, time } from '/console/dom.js';

const ACTION = { baseline: '初始 baseline', create: '新建 created', update: '编辑 edited', delete: '删除 deleted', rollback: '回滚 rolled back', import: '导入 imported' };
const FIELD = { question: '问题 Question', answer: '答案 Answer', alternates: '相似问法 Alternates', tags: '标签 Tags', category: '分类 Category', enabled: '启用 Enabled' };

/** Every version of an entry with who and when; pick two to diff; roll back to one (a new version equal to it). */
export async function openHistory(side, id, onChanged) {
  const { history } = await api.history(id);
  const diffBox = el('div', { class: 'diff', id: 'faq-diff' });
  const pick = { from: history[1]?.version ?? history[0]?.version, to: history[0]?.version };
  const radio = (name, v) => {
    const input = el('input', { type: 'radio', name, value: v.version, checked: pick[name] === v.version, 'aria-label': `${name} v${v.version}` });
    input.addEventListener('change', () => { pick[name] = v.version; showDiff(id, pick, diffBox); });
    return input;
  };
  side.hidden = false;
  side.replaceChildren(
    el('h2', {}, `历史 History · ${id}`),
    el('table', { class: 'grid small', id: 'history' },
      el('thead', {}, el('tr', {}, ['从 From', '到 To', '版本 Ver.', '操作 Action', '谁 Who', '时间 When', ''].map((h) => el('th', {}, h)))),
      el('tbody', {}, history.map((v, i) => el('tr', { dataset: { version: v.version } },
        el('td', {}, radio('from', v)), el('td', {}, radio('to', v)),
        el('td', {}, `v${v.version}`),
        el('td', {}, ACTION[v.action] ?? v.action, v.note ? el('div', { class: 'dim' }, v.note) : null),
        el('td', {}, v.actor.name),
        el('td', { class: 'dim' }, time(v.createdAt)),
        el('td', {}, i === 0 || v.action === 'delete' ? null : el('button', { type: 'button', onclick: () => rollback(side, id, v.version, onChanged) }, `回滚 Roll back`)))))),
    el('h3', {}, '差异 Diff'),
    diffBox,
  );
  if (pick.from !== undefined && pick.to !== undefined) await showDiff(id, pick, diffBox);
}

async function showDiff(id, pick, box) {
  if (pick.from === pick.to) {
    box.replaceChildren(el('p', { class: 'dim' }, '选择两个不同的版本 Pick two different versions'));
    return;
  }
  const { from, to, changes } = await api.diff(id, pick.from, pick.to);
  box.replaceChildren(
    el('p', { class: 'dim' }, `v${from.version} → v${to.version}`),
    changes.length === 0 ? el('p', {}, '内容相同 Same content') : el('dl', {}, changes.flatMap((c) => [el('dt', {}, FIELD[c.field] ?? c.field), el('dd', {}, render(c))])),
  );
}

function render(change) {
  if (change.ops) return el('div', { class: 'ops' }, change.ops.map((op) => el(op.op === 'insert' ? 'ins' : op.op === 'delete' ? 'del' : 'span', {}, op.text)));
  if (change.added) {
    return el('div', {}, change.removed.map((x) => el('div', {}, el('del', {}, `− ${x}`))), change.added.map((x) => el('div', {}, el('ins', {}, `+ ${x}`))));
  }
  return el('div', {}, el('del', {}, String(change.before ?? '—')), ' → ', el('ins', {}, String(change.after ?? '—')));
}

async function rollback(side, id, version, onChanged) {
  if (!confirm(`回滚到 v${version}? Roll back to v${version}? (creates a new version)`)) return;
  try {
    const { faq } = await api.rollback(id, version);
    flash(`${id} 已回滚到 v${version} · now v${faq.version}`);
    await onChanged();
    await openHistory(side, id, onChanged);
  } catch (err) {
    flash(err.message, 'error');
  }
}
