import { api } from './admin-api.js';
import { el, flash } from '/console/dom.js';

const split = (text) => text.split(/[,，、]/).map((s) => s.trim()).filter(Boolean);

/** Synonym groups, one per line (terms separated by commas); the first term is the group's canonical word. */
export async function showSynonyms(view) {
  const data = await api.synonyms();
  let version = data.version;
  const rows = el('ol', { class: 'synonyms', id: 'synonym-rows' });
  const addRow = (terms) => {
    const input = el('input', { value: terms.join(', '), 'aria-label': '同义词组 Synonym group' });
    const li = el('li', {}, input, el('button', { type: 'button', class: 'link danger', onclick: () => li.remove() }, '删除 Remove'));
    rows.append(li);
    return input;
  };
  data.groups.forEach(addRow);
  const filter = el('input', { type: 'search', placeholder: '筛选 Filter…', 'aria-label': '筛选 Filter' });
  filter.addEventListener('input', () => {
    const q = filter.value.trim().toLowerCase();
    rows.querySelectorAll('li').forEach((li) => { li.hidden = q !== '' && !li.querySelector('input').value.toLowerCase().includes(q); });
  });
  const save = async () => {
    const groups = [...rows.querySelectorAll('input')].map((i) => split(i.value)).filter((g) => g.length > 0);
    try {
      const saved = await api.saveSynonyms(groups, version);
      version = saved.version;
      flash(`已保存 ${saved.groups.length} 组 · Saved, live now (v${saved.version})`);
    } catch (err) {
      flash(err.message, 'error');
    }
  };
  view.append(
    el('h2', {}, '同义词 Synonyms'),
    el('p', { class: 'dim' }, `每行一组，用逗号分隔，第一个词为标准词。One group per line, terms separated by commas. ${data.source === 'builtin' ? '当前使用内置列表 Using the built-in list.' : ''}`),
    el('div', { class: 'toolbar' }, filter,
      el('button', { type: 'button', id: 'synonym-add', onclick: () => addRow([]).focus() }, '添加 Add group'),
      el('button', { type: 'button', class: 'primary', id: 'synonym-save', onclick: save }, '保存 Save')),
    rows,
  );
}
