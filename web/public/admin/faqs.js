import { api } from './admin-api.js';
import { el, flash, time } from '/console/dom.js';
import { openEditor } from './faq-editor.js';
import { openHistory } from './faq-history.js';

const PAGE = 25;
const state = { q: '', category: '', enabled: '', sort: 'id', offset: 0 };

/** The FAQ list, a page at a time: search, category and status filters, sort; create, edit, enable/disable, delete, history. */
export async function showFaqs(view) {
  const search = el('input', { type: 'search', id: 'faq-search', placeholder: '搜索 Search…', value: state.q, 'aria-label': '搜索 Search' });
  const category = el('select', { id: 'faq-category', 'aria-label': '分类 Category' }, el('option', { value: '' }, '全部分类 All categories'));
  const enabled = el('select', { id: 'faq-enabled', 'aria-label': '状态 Status' },
    el('option', { value: '' }, '全部 All'), el('option', { value: 'true' }, '启用 Enabled'), el('option', { value: 'false' }, '停用 Disabled'));
  enabled.value = state.enabled;
  const sort = el('select', { id: 'faq-sort', 'aria-label': '排序 Sort' },
    ...[['id', 'ID'], ['question', '问题 Question'], ['category', '分类 Category'], ['-updated', '最近更新 Recently updated'], ['updated', '最早更新 Least recently updated']]
      .map(([value, label]) => el('option', { value }, `排序：${label}`)));
  sort.value = state.sort;
  const count = el('span', { class: 'count', id: 'faq-count' });
  const body = el('tbody', { id: 'faq-rows' });
  const side = el('aside', { class: 'side', id: 'faq-side', hidden: true });
  const pager = { prev: el('button', { type: 'button', id: 'faq-prev' }, '上一页 Previous'), next: el('button', { type: 'button', id: 'faq-next' }, '下一页 Next'), count, category };
  const reload = () => load(body, pager, side);
  const refilter = () => { state.offset = 0; reload(); };
  pager.prev.addEventListener('click', () => { state.offset = Math.max(0, state.offset - PAGE); reload(); });
  pager.next.addEventListener('click', () => { state.offset += PAGE; reload(); });
  let timer;
  search.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => { state.q = search.value.trim(); refilter(); }, 250);
  });
  category.addEventListener('change', () => { state.category = category.value; refilter(); });
  enabled.addEventListener('change', () => { state.enabled = enabled.value; refilter(); });
  sort.addEventListener('change', () => { state.sort = sort.value; refilter(); });
  view.append(
    el('div', { class: 'toolbar' },
      search, category, enabled, sort, count, pager.prev, pager.next,
      el('button', { type: 'button', class: 'primary', id: 'faq-new', onclick: () => openEditor(side, null, reload) }, '新建问答 New FAQ'),
      el('button', { type: 'button', id: 'faq-deleted', onclick: () => showDeleted(side, reload) }, '已删除 Deleted')),
    el('div', { class: 'split' },
      el('table', { class: 'grid' },
        el('thead', {}, el('tr', {}, ['ID', '问题 Question', '分类 Category', '启用 On', '版本 Ver.', '更新 Updated', ''].map((h) => el('th', {}, h)))),
        body),
      side),
  );
  await reload();
}

/** The category filter's options with their counts, fresh after every change (an edit may add a category). */
async function fillCategories(select) {
  const { categories } = await api.categories();
  select.replaceChildren(el('option', { value: '' }, '全部分类 All categories'),
    ...categories.map((c) => el('option', { value: c.name ?? '__none__' }, `${c.name ?? '（无分类 none）'} (${c.count})`)));
  select.value = state.category;
}

async function load(body, pager, side) {
  const NONE = '__none__';
  const filter = {
    q: state.q || undefined, enabled: state.enabled || undefined, category: state.category === NONE ? '' : state.category || undefined,
    sort: state.sort, limit: PAGE, offset: state.offset,
  };
  const [{ faqs, total }] = await Promise.all([api.faqs(filter), fillCategories(pager.category)]);
  // A page emptied by deletes or a narrower filter: step back to the last page that has entries.
  if (faqs.length === 0 && total > 0 && state.offset > 0) {
    state.offset = Math.floor((total - 1) / PAGE) * PAGE;
    return load(body, pager, side);
  }
  pager.count.textContent = total === 0 ? '0 条 entries' : `第 ${state.offset + 1}–${state.offset + faqs.length} 条，共 ${total} 条 · ${total} entries`;
  pager.prev.disabled = state.offset === 0;
  pager.next.disabled = state.offset + faqs.length >= total;
  const reload = () => load(body, pager, side);
  body.replaceChildren(...faqs.map((f) => row(f, side, reload)));
}

function row(faq, side, reload) {
  const toggle = el('input', { type: 'checkbox', checked: faq.enabled, 'aria-label': `启用 ${faq.id}` });
  toggle.addEventListener('change', async () => {
    try {
      await api.update(faq.id, { enabled: toggle.checked, expectedVersion: faq.version });
      flash(`${faq.id} ${toggle.checked ? '已启用 enabled' : '已停用 disabled'}`);
    } catch (err) {
      flash(err.message, 'error');
    }
    await reload();
  });
  return el('tr', { dataset: { id: faq.id }, class: faq.enabled ? '' : 'off' },
    el('td', { class: 'mono' }, faq.id),
    el('td', {}, el('div', {}, faq.question), faq.alternates.length ? el('div', { class: 'dim' }, `+${faq.alternates.length} 相似问法 alternates`) : null),
    el('td', {}, faq.category ?? ''),
    el('td', {}, toggle),
    el('td', {}, `v${faq.version}`),
    el('td', { class: 'dim' }, time(faq.updatedAt), faq.updatedBy ? el('div', {}, faq.updatedBy) : null),
    el('td', { class: 'row-actions' },
      el('button', { type: 'button', class: 'link', onclick: () => openEditor(side, faq, reload) }, '编辑 Edit'),
      el('button', { type: 'button', class: 'link', onclick: () => openHistory(side, faq.id, reload) }, '历史 History'),
      el('button', { type: 'button', class: 'link danger', onclick: () => remove(faq, reload) }, '删除 Delete')),
  );
}

async function remove(faq, reload) {
  if (!confirm(`删除 Delete "${faq.id}"? 历史会保留，可恢复 · History is kept; it can be restored.`)) return;
  try {
    await api.remove(faq.id, faq.version);
    flash(`${faq.id} 已删除 deleted`);
  } catch (err) {
    flash(err.message, 'error');
  }
  await reload();
}

async function showDeleted(side, reload) {
  const { deleted } = await api.deleted();
  side.hidden = false;
  side.replaceChildren(
    el('h2', {}, '已删除 Deleted entries'),
    deleted.length === 0 ? el('p', { class: 'dim' }, '没有 None') : el('ul', { class: 'plain' }, deleted.map((d) => el('li', {},
      el('span', { class: 'mono' }, d.faqId), ` · ${d.content.question} `,
      el('div', { class: 'dim' }, `${time(d.createdAt)} · ${d.actor.name}`),
      el('button', { type: 'button', onclick: () => restore(d, side, reload) }, '恢复 Restore')))),
  );
}

async function restore(deletion, side, reload) {
  const { history } = await api.history(deletion.faqId);
  const before = history.find((v) => v.version < deletion.version && v.action !== 'delete');
  if (!before) return flash('没有可恢复的版本 Nothing to restore', 'error');
  try {
    await api.rollback(deletion.faqId, before.version);
    flash(`${deletion.faqId} 已恢复 restored (v${before.version})`);
    await showDeleted(side, reload);
    await reload();
  } catch (err) {
    flash(err.message, 'error');
  }
}
