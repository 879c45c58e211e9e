import { api } from './admin-api.js';
import { el, flash } from '/console/dom.js';

const lines = (text) => text.split('\n').map((s) => s.trim()).filter(Boolean);
const words = (text) => text.split(/[,，]/).map((s) => s.trim()).filter(Boolean);

/** Create (faq null) or edit an entry in the side panel; saving an edit sends the version it started from. */
export function openEditor(side, faq, onSaved) {
  const field = (label, input) => el('label', { class: 'field' }, el('span', {}, label), input);
  const id = el('input', { name: 'id', value: faq?.id ?? '', placeholder: '留空自动生成 blank: derived', disabled: Boolean(faq), pattern: '[A-Za-z0-9][A-Za-z0-9._\\-]{0,63}' });
  const question = el('input', { name: 'question', value: faq?.question ?? '', required: true, maxlength: 300 });
  const alternates = el('textarea', { name: 'alternates', rows: 4 });
  alternates.value = (faq?.alternates ?? []).join('\n');
  const answer = el('textarea', { name: 'answer', rows: 6, required: true, maxlength: 4000 });
  answer.value = faq?.answer ?? '';
  const category = el('input', { name: 'category', value: faq?.category ?? '', list: 'category-list', maxlength: 80 });
  const tags = el('input', { name: 'tags', value: (faq?.tags ?? []).join(', ') });
  const enabled = el('input', { type: 'checkbox', name: 'enabled', checked: faq ? faq.enabled : true });
  const datalist = el('datalist', { id: 'category-list' });
  api.categories().then(({ categories }) => datalist.append(...categories.filter((c) => c.name).map((c) => el('option', { value: c.name }))));
  const error = el('p', { class: 'error', role: 'alert' });

  const form = el('form', { class: 'editor', id: 'faq-form' },
    el('h2', {}, faq ? `编辑 Edit ${faq.id} (v${faq.version})` : '新建问答 New FAQ'),
    field('ID', id),
    field('问题 Question', question),
    field('相似问法 Alternates (一行一个 one per line)', alternates),
    field('答案 Answer', answer),
    field('分类 Category', category), datalist,
    field('标签 Tags (逗号分隔 comma-separated)', tags),
    el('label', { class: 'check' }, enabled, ' 启用 Enabled'),
    error,
    el('div', { class: 'actions' },
      el('button', { type: 'submit', class: 'primary', id: 'faq-save' }, '保存 Save'),
      el('button', { type: 'button', onclick: () => { side.hidden = true; } }, '取消 Cancel')),
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.textContent = '';
    const body = {
      question: question.value, answer: answer.value, alternates: lines(alternates.value),
      category: category.value.trim() || null, tags: words(tags.value), enabled: enabled.checked,
    };
    try {
      const saved = faq
        ? await api.update(faq.id, { ...body, expectedVersion: faq.version })
        : await api.create({ ...(id.value.trim() ? { id: id.value.trim() } : {}), ...body });
      flash(`已保存 Saved ${saved.faq.id} (v${saved.faq.version}) · 立即生效 live now`);
      side.hidden = true;
      await onSaved();
    } catch (err) {
      error.textContent = err.status === 409 ? `${err.message}` : err.message;
    }
  });
  side.hidden = false;
  side.replaceChildren(form);
  question.focus();
}
