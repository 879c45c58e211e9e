import { api } from './admin-api.js';
import { el, flash, time } from '/console/dom.js';

const REASON = { fallback: '答不上 fallback', choices: '给出选项 choices', low_confidence: '低置信 low confidence', downvote: '👎' };

/** What the bot could not answer, grouped and counted; one click makes a group a new FAQ or alternates of one. */
export async function showUnanswered(view) {
  const days = el('select', { id: 'unanswered-days', 'aria-label': '时间范围 Range' },
    ...[['', '全部 All'], ['1', '今天 1 day'], ['7', '7 天 days'], ['30', '30 天 days']].map(([v, t]) => el('option', { value: v }, t)));
  const list = el('ol', { class: 'groups', id: 'unanswered-groups' });
  const summary = el('span', { class: 'count' });
  const faqIds = el('datalist', { id: 'faq-ids' });
  const reload = async () => {
    const { groups, open } = await api.unanswered(days.value || undefined);
    summary.textContent = `${open} 条 questions · ${groups.length} 组 groups`;
    list.replaceChildren(...groups.map((g) => group(g, reload)));
    if (groups.length === 0) list.append(el('li', { class: 'dim' }, '暂无 Nothing left to look at 🎉'));
  };
  days.addEventListener('change', reload);
  view.append(el('h2', {}, '未解决的问题 Unanswered questions'), el('div', { class: 'toolbar' }, days, summary), faqIds, list);
  const { faqs } = await api.faqs({});
  faqIds.append(...faqs.map((f) => el('option', { value: f.id }, f.question)));
  await reload();
}

function group(g, reload) {
  const panel = el('div', { class: 'resolve', hidden: true });
  const li = el('li', { class: 'group', dataset: { text: g.text } },
    el('div', { class: 'group-head' },
      el('span', { class: 'badge-count' }, String(g.count)),
      el('strong', {}, g.text),
      Object.entries(g.reasons).map(([r, n]) => el('span', { class: 'chip' }, `${REASON[r] ?? r} ×${n}`))),
    el('div', { class: 'dim' },
      `${g.conversations} 个会话 conversations · ${time(g.firstAt)} – ${time(g.lastAt)}`,
      g.bestFaqId ? ` · 最接近 closest: ${g.bestFaqId}${g.bestScore !== null ? ` (${g.bestScore.toFixed(2)})` : ''}` : ''),
    g.samples.length > 1 ? el('ul', { class: 'samples' }, g.samples.map((s) => el('li', {}, s))) : null,
    el('div', { class: 'actions' },
      el('button', { type: 'button', class: 'primary', onclick: () => newFaq(panel, g, reload) }, '新建问答 New FAQ'),
      el('button', { type: 'button', onclick: () => asAlternates(panel, g, reload) }, '加为相似问法 Add as alternates'),
      el('button', { type: 'button', class: 'link', onclick: () => dismiss(g, reload) }, '忽略 Dismiss')),
    panel,
  );
  return li;
}

function newFaq(panel, g, reload) {
  const id = el('input', { placeholder: 'ID（可留空 optional）', 'aria-label': 'ID' });
  const question = el('input', { value: g.text, 'aria-label': '问题 Question' });
  const alternates = el('textarea', { rows: 3, 'aria-label': '相似问法 Alternates' });
  alternates.value = g.samples.filter((s) => s !== g.text).join('\n');
  const answer = el('textarea', { rows: 4, 'aria-label': '答案 Answer', placeholder: '答案 Answer', required: true });
  const category = el('input', { 'aria-label': '分类 Category', placeholder: '分类 Category', list: 'category-list' });
  open(panel, '新建问答 New FAQ', [id, question, alternates, answer, category], async () => {
    const create = {
      ...(id.value.trim() ? { id: id.value.trim() } : {}), question: question.value, answer: answer.value,
      alternates: alternates.value.split('\n').map((s) => s.trim()).filter(Boolean), category: category.value.trim() || null,
    };
    const { faq, resolved } = await api.resolve({ questionIds: g.questionIds, create });
    flash(`已新建 Created ${faq.id} · ${resolved} 条已解决 resolved`);
    await reload();
  });
  answer.focus();
}

function asAlternates(panel, g, reload) {
  const faqId = el('input', { value: g.bestFaqId ?? '', list: 'faq-ids', 'aria-label': '加到哪个问答 FAQ id', placeholder: 'FAQ id' });
  const picks = g.samples.map((s) => el('label', { class: 'check' }, el('input', { type: 'checkbox', checked: true, value: s }), ` ${s}`));
  open(panel, '加为相似问法 Add as alternates of…', [faqId, ...picks], async () => {
    const alternates = picks.map((p) => p.querySelector('input')).filter((i) => i.checked).map((i) => i.value);
    const { faq, resolved } = await api.resolve({ questionIds: g.questionIds, faqId: faqId.value.trim(), alternates });
    flash(`${faq.id} 现有 ${faq.alternates.length} 个相似问法 alternates · ${resolved} 条已解决 resolved`);
    await reload();
  });
  faqId.focus();
}

function open(panel, title, fields, submit) {
  const error = el('p', { class: 'error', role: 'alert' });
  const form = el('form', { class: 'editor' }, el('h3', {}, title), ...fields, error,
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary' }, '确定 Save'),
      el('button', { type: 'button', onclick: () => { panel.hidden = true; } }, '取消 Cancel')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      await submit();
    } catch (err) {
      error.textContent = err.message;
    }
  });
  panel.replaceChildren(form);
  panel.hidden = false;
}

async function dismiss(g, reload) {
  try {
    await api.dismiss(g.questionIds);
    flash(`已忽略 Dismissed ${g.count}`);
    await reload();
  } catch (err) {
    flash(err.message, 'error');
  }
}
