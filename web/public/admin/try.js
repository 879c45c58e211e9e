import { api } from './admin-api.js';
import { el, flash } from '/console/dom.js';

const DECISION = { answer: '直接回答 Answer', choices: '给出选项 Choices', fallback: '答不上 Fallback', smalltalk: '闲聊 Small talk' };

/** Type a customer message, see what the live bot decides, the top matches, their scores and matched terms. */
export function showTry(view) {
  const input = el('textarea', { id: 'try-input', rows: 2, maxlength: 500, placeholder: '输入客户会说的话 Type what a customer would say…', 'aria-label': '客户消息 Customer message' });
  const out = el('section', { id: 'try-result', class: 'try-result', 'aria-live': 'polite' });
  const form = el('form', { class: 'try-form' }, input, el('button', { type: 'submit', class: 'primary', id: 'try-go' }, '试一试 Try'));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!input.value.trim()) return;
    try {
      render(out, await api.tryText(input.value));
    } catch (err) {
      flash(err.message, 'error');
    }
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); form.requestSubmit(); }
  });
  view.append(el('h2', {}, '试一试 Try a question'), form, out);
  input.focus();
}

function render(out, r) {
  const top = r.matches[0]?.score || 1;
  out.replaceChildren(
    el('p', {}, el('span', { class: `decision ${r.decision}`, id: 'try-decision', dataset: { decision: r.decision } }, DECISION[r.decision] ?? r.decision), ' ', r.why),
    r.answer ? el('div', { class: 'answer-preview' }, el('strong', {}, `${r.answer.faqId} · ${r.answer.question}`), el('p', {}, r.answer.text)) : null,
    r.matches.length === 0 ? null : el('table', { class: 'grid', id: 'try-matches' },
      el('thead', {}, el('tr', {}, ['#', 'FAQ', '得分 Score', '匹配词 Matched terms'].map((h) => el('th', {}, h)))),
      el('tbody', {}, r.matches.map((m, i) => el('tr', { class: m.offered ? 'offered' : '' },
        el('td', {}, String(i + 1)),
        el('td', {}, el('div', { class: 'mono' }, m.faqId), el('div', {}, m.question), m.offered ? el('div', { class: 'dim' }, '作为选项提供 offered as a choice') : null,
          m.viaLibrary ? el('div', { class: 'dim via-library' }, '由行业知识包措辞匹配 matched through a linked library phrasing') : null),
        el('td', {}, el('div', { class: 'score' }, scoreBar(m.score, top), m.score.toFixed(3))),
        el('td', {}, m.matchedTerms.map((t) => el('span', { class: 'chip' }, t))))))),
    el('p', { class: 'dim' }, `阈值 Thresholds: answer ≥ ${r.thresholds.answerThreshold}, choices ≥ ${r.thresholds.suggestThreshold}, margin ≥ ${r.thresholds.minMargin}`),
  );
}

function scoreBar(score, top) {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('width', '80');
  svg.setAttribute('height', '10');
  svg.setAttribute('aria-hidden', 'true');
  const bar = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  bar.setAttribute('width', String(Math.max(1, Math.round((80 * Math.min(score, top)) / top))));
  bar.setAttribute('height', '10');
  bar.setAttribute('fill', '#1f6feb');
  svg.append(bar);
  return svg;
}
