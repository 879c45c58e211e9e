import { ApiError, request, whoAmI } from './api.js';
import { $, el, flash, roleName } from './dom.js';

// The canned-reply screen: everyone keeps their own replies here; supervisors and admins also keep the team's.
const me = await whoAmI();
const editsTeam = me.role === 'supervisor' || me.role === 'admin';
$('me-name').textContent = me.displayName;
$('me-role').textContent = roleName(me.role);
$('cr-team').disabled = !editsTeam;
if (editsTeam) $('cr-team').checked = true;

let replies = [];
let editing = null;

const report = (err) => flash(err instanceof ApiError ? err.message : '出错了，请重试 / Something went wrong', 'error');
const writable = (r) => (r.ownerId === null ? editsTeam : r.ownerId === me.id);

async function load() {
  try {
    replies = (await request('GET', '/api/agent/canned-replies')).cannedReplies;
    render();
  } catch (err) {
    report(err);
  }
}

function render() {
  const categories = [...new Set(replies.map((r) => r.category).filter(Boolean))].sort();
  const chosen = $('cr-category').value;
  $('cr-category').replaceChildren(el('option', { value: '', text: '全部分类 All categories' }), ...categories.map((c) => el('option', { value: c, text: c })));
  $('cr-category').value = categories.includes(chosen) ? chosen : '';
  $('cr-categories').replaceChildren(...categories.map((c) => el('option', { value: c })));
  const query = $('cr-search').value.trim().toLowerCase();
  const scope = $('cr-scope').value;
  const shown = replies.filter((r) =>
    (!$('cr-category').value || r.category === $('cr-category').value) &&
    (!scope || (scope === 'team') === (r.ownerId === null)) &&
    (!query || [r.shortcut, r.title, r.text].some((s) => s.toLowerCase().includes(query))));
  shown.sort((a, b) => a.category.localeCompare(b.category, 'zh-CN') || a.shortcut.localeCompare(b.shortcut, 'zh-CN'));
  $('cr-body').replaceChildren(...shown.map(row));
  $('cr-empty').hidden = shown.length > 0;
}

function row(r) {
  const actions = writable(r) ? [
    el('button', { type: 'button', class: 'link', text: '编辑 Edit', onclick: () => edit(r) }), ' ',
    el('button', { type: 'button', class: 'link', text: '删除 Delete', onclick: () => remove(r) }),
  ] : [];
  return el('tr', { dataset: { shortcut: r.shortcut, scope: r.ownerId === null ? 'team' : 'mine' } },
    el('td', {}, el('strong', { text: `/${r.shortcut}` })),
    el('td', { text: r.category || '—' }),
    el('td', { text: r.title }),
    el('td', { class: 'cr-text', text: r.text }),
    el('td', { text: r.ownerId === null ? '团队 Team' : '我的 Mine' }),
    el('td', {}, ...actions));
}

function edit(reply) {
  editing = reply;
  $('cr-form-title').textContent = reply ? `编辑 /${reply.shortcut} · Edit` : '新建快捷回复 New canned reply';
  $('cr-shortcut').value = reply ? reply.shortcut : '';
  $('cr-form-category').value = reply ? reply.category : $('cr-category').value;
  $('cr-title').value = reply ? reply.title : '';
  $('cr-text').value = reply ? reply.text : '';
  // The scope is chosen once, when the reply is made.
  $('cr-scope-box').hidden = Boolean(reply);
  $('cr-form').hidden = false;
  $('cr-shortcut').focus();
}

async function remove(reply) {
  try {
    await request('DELETE', `/api/agent/canned-replies/${encodeURIComponent(reply.id)}`);
    flash(`已删除 /${reply.shortcut} · Deleted`);
    await load();
  } catch (err) {
    report(err);
  }
}

$('cr-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const fields = { shortcut: $('cr-shortcut').value, category: $('cr-form-category').value, title: $('cr-title').value, text: $('cr-text').value };
  try {
    if (editing) await request('PUT', `/api/agent/canned-replies/${encodeURIComponent(editing.id)}`, fields);
    else await request('POST', '/api/agent/canned-replies', { ...fields, personal: !$('cr-team').checked });
    flash(`已保存 /${fields.shortcut.replace(/^\//, '')} · Saved`);
    $('cr-form').hidden = true;
    editing = null;
    await load();
  } catch (err) {
    report(err);
  }
});
$('cr-cancel').addEventListener('click', () => { $('cr-form').hidden = true; editing = null; });
$('cr-new').addEventListener('click', () => edit(null));
for (const button of document.querySelectorAll('.cr-var')) {
  button.addEventListener('click', () => {
    const box = $('cr-text');
    box.setRangeText(button.dataset.var, box.selectionStart, box.selectionEnd, 'end');
    box.focus();
  });
}
for (const id of ['cr-search', 'cr-category', 'cr-scope']) $(id).addEventListener('input', render);

await load();
