// The ticket page: fields, SLA, complaint process, conversations, history. Every user text goes in as text.
import { $, el, roleName, time } from './dom.js';
import { tickets as api } from './ticket-api.js';
import { ACTION, NEXT, options, PRIORITY, REVIEW, SLA, SOURCE, STATUS, STEP, STEPS, TYPE } from './ticket-labels.js';

let ctx = null;
let ticket = null;

const canWork = (t) => ctx.supervisor || (t.assignee && t.assignee.id === ctx.me.id);
const splitTags = (s) => s.split(/[,，]/).map((x) => x.trim()).filter(Boolean);

export function slaBadges(t) {
  return [['首响 First response', t.sla.firstResponse], ['解决 Resolution', t.sla.resolution]]
    .filter(([, s]) => s.state !== 'none' || s.dueAt)
    .map(([label, s]) => el('span', { class: 'badge', dataset: { sla: s.state }, title: s.dueAt ? `due ${time(s.dueAt)}` : '' },
      `${label}: ${SLA[s.state]}${s.dueAt && ['running', 'warning', 'paused', 'breached'].includes(s.state) ? ` · ${time(s.dueAt)}` : ''}`));
}

function renderFields(t) {
  const fields = [
    ['来源 Source', SOURCE[t.source]], ['客户 Customer', t.customerName || '—'], ['联系方式 Contact', t.contact || '—'],
    ['订单号 Order', t.orderNumber || '—'], ['渠道 Channel', t.channel || '—'], ['团队 Team', t.team || '—'],
    ['标签 Tags', t.tags.join(', ') || '—'], ['创建人 Created by', t.createdBy ? t.createdBy.name : 'system'],
    ['创建 Created', time(t.createdAt)], ['首次响应 First response', t.firstRespondedAt ? time(t.firstRespondedAt) : '—'],
    ['解决 Resolved', t.resolvedAt ? time(t.resolvedAt) : '—'], ['升级 Escalated', t.escalatedAt ? time(t.escalatedAt) : '—'],
  ];
  $('tk-fields').replaceChildren(...fields.flatMap(([k, v]) => [el('dt', { text: k }), el('dd', { text: v })]));
  $('edit-type').replaceChildren(...options(TYPE, t.type));
  $('edit-priority').replaceChildren(...options(PRIORITY, t.priority));
  $('edit-order').value = t.orderNumber || '';
  $('edit-tags').value = t.tags.join(', ');
}

function renderHeader(t) {
  $('tk-title').textContent = `${t.number} · ${t.subject}`;
  $('tk-meta').textContent = [TYPE[t.type], PRIORITY[t.priority], t.assignee ? `处理人 ${t.assignee.name}` : '未分配 Unassigned', t.reviewStatus && REVIEW[t.reviewStatus]]
    .filter(Boolean).join(' · ');
  $('tk-sla').replaceChildren(...slaBadges(t));
  $('tk-status').textContent = STATUS[t.status];
  $('tk-status').dataset.status = t.status;
  const writable = canWork(t);
  const next = (NEXT[t.status] || []).filter((s) => !(s === 'resolved' && t.type === 'complaint') && !(s === 'closed' && !ctx.supervisor && t.status !== 'resolved'));
  $('tk-status-actions').replaceChildren(...(writable ? next : []).map((s) =>
    el('button', { type: 'button', dataset: { statusTo: s }, class: s === 'resolved' ? 'primary' : '', onclick: () => ctx.act(() => api.status(t.id, s, t.version), `→ ${STATUS[s]}`), text: `→ ${STATUS[s]}` })));
  $('tk-take').hidden = !(t.assignee === null && !ctx.supervisor);
  $('tk-assign-box').hidden = !(ctx.supervisor || writable);
  $('tk-assign-to').replaceChildren(el('option', { value: '', text: '— 退回团队 Unassign —' }),
    ...ctx.agents().filter((a) => !t.assignee || a.id !== t.assignee.id).map((a) => el('option', { value: a.id, text: `${a.displayName}（${roleName(a.role)}）` })));
  for (const id of ['edit-save', 'reply-send']) $(id).disabled = !writable;
}

function renderComplaint(t) {
  $('tk-complaint').hidden = !t.complaint;
  if (!t.complaint) return;
  const c = t.complaint;
  const currentIndex = STEPS.indexOf(c.step);
  $('complaint-steps').replaceChildren(...STEPS.map((s, i) => {
    const record = c.steps[s];
    const state = record && (currentIndex === -1 || i < currentIndex) ? 'done' : s === c.step ? 'current' : 'todo';
    return el('li', { dataset: { step: s, state } }, STEP[s],
      record ? el('span', { class: 'record', text: `${record.text} — ${record.by.name}, ${time(record.at)}` }) : null,
      s === 'propose' && c.solution ? el('span', { class: 'record', text: `方案 Solution: ${c.solution}` }) : null,
      s === 'root_cause' && c.rootCause ? el('span', { class: 'record', text: `根因 Root cause: ${c.rootCause}\n改进 Improvement: ${c.improvement}` }) : null);
  }), el('li', { dataset: { step: 'review', state: c.step === 'done' ? 'done' : c.step === 'review' ? 'current' : 'todo' } }, STEP.review,
    c.review ? el('span', { class: 'record', text: `${REVIEW[c.review.decision]}${c.review.comment ? `: ${c.review.comment}` : ''} — ${c.review.by.name}` }) : null));
  const stepOpen = STEPS.includes(c.step) && canWork(t) && t.status !== 'closed';
  $('step-form').hidden = !stepOpen;
  if (stepOpen) {
    $('step-label').textContent = `当前步骤 Current step: ${STEP[c.step]}`;
    $('step-solution-box').hidden = c.step !== 'propose';
    $('step-root-box').hidden = c.step !== 'root_cause';
    $('step-improvement-box').hidden = c.step !== 'root_cause';
  }
  $('review-form').hidden = !(c.step === 'review' && ctx.supervisor);
}

function renderConversations(conversations) {
  $('tk-conversations').replaceChildren(...(conversations.length ? conversations.map((c) =>
    el('div', { class: 'tk-conv', dataset: { conversationId: c.id } },
      el('h4', {}, `${c.channel} · ${c.status} · `, el('a', { href: `index.html#${encodeURIComponent(c.id)}`, text: time(c.createdAt) })),
      c.readable ? el('ol', {}, ...c.messages.map((m) => el('li', { dataset: { author: m.author } }, el('span', { class: 'by', text: `${m.author} ${time(m.createdAt)}` }), m.text)))
        : el('p', { class: 'meta', text: '会话由其他客服处理中 · With another agent' })))
    : [el('p', { class: 'meta', text: '没有关联会话：请通过联系方式联系客户 · No conversation: contact the customer directly' })]));
}

function renderHistory(history, surveys) {
  $('tk-history').replaceChildren(...[...history].reverse().map((e) => el('li', { dataset: { action: e.action } },
    el('div', { class: 'who', text: `${time(e.createdAt)} · ${e.actor.name} · ${ACTION[e.action] || e.action}` }),
    e.text ? el('div', { class: 'what', text: e.text }) : null,
    ...e.changes.map((c) => el('div', { class: 'what', text: `${c.field}: ${c.from ?? '—'} → ${c.to ?? '—'}` })))));
  $('tk-surveys').replaceChildren(...(surveys.length ? surveys.map((s) => el('li', { dataset: { status: s.status } },
    `${time(s.sentAt)} · ${s.status}${s.score ? ` · ${'★'.repeat(s.score)}${'☆'.repeat(5 - s.score)} ${s.score}/5` : ''}${s.comment ? ` · ${s.comment}` : ''}`))
    : [el('li', { text: '尚未发送 · None yet' })]));
}

export function renderDetail(detail) {
  ticket = detail.ticket;
  $('tk-description').textContent = ticket.description;
  renderHeader(ticket);
  renderFields(ticket);
  renderComplaint(ticket);
  renderConversations(detail.conversations);
  renderHistory(detail.history, detail.surveys);
}

const submit = (id, work) => $(id).addEventListener('submit', (e) => {
  e.preventDefault();
  if (ticket) work(ticket);
});

/** Wires the page's controls once; `context` gives the user, the agents and `act(work, message)`. */
export function bindDetail(context) {
  ctx = context;
  $('tk-take').addEventListener('click', () => ctx.act(() => api.assign(ticket.id, { assigneeId: ctx.me.id }), '已接手 Taken'));
  $('tk-assign').addEventListener('click', () => ctx.act(() => api.assign(ticket.id, { assigneeId: $('tk-assign-to').value || null }), '已分配 Assigned'));
  submit('edit-form', (t) => ctx.act(() => api.update(t.id, {
    type: $('edit-type').value, priority: $('edit-priority').value, orderNumber: $('edit-order').value, tags: splitTags($('edit-tags').value), version: t.version,
  }), '已保存 Saved'));
  submit('note-form', (t) => ctx.act(async () => {
    await api.note(t.id, $('note-text').value);
    $('note-text').value = '';
  }, '已添加备注 Note added'));
  submit('reply-form', (t) => ctx.act(async () => {
    await api.reply(t.id, $('reply-text').value);
    $('reply-text').value = '';
  }, '已发送 Sent'));
  submit('link-form', (t) => ctx.act(() => api.link(t.id, $('link-id').value.trim()), '已关联 Linked'));
  submit('step-form', (t) => ctx.act(async () => {
    const body = { step: t.complaint.step, text: $('step-text').value, version: t.version };
    if (t.complaint.step === 'propose') body.solution = $('step-solution').value;
    if (t.complaint.step === 'root_cause') Object.assign(body, { rootCause: $('step-root-cause').value, improvement: $('step-improvement').value });
    await api.step(t.id, body);
    for (const id of ['step-text', 'step-solution', 'step-root-cause', 'step-improvement']) $(id).value = '';
  }, '已完成此步 Step done'));
  const review = (decision) => ctx.act(async () => {
    await api.review(ticket.id, { decision, comment: $('review-comment').value || null, version: ticket.version });
    $('review-comment').value = '';
  }, decision === 'approved' ? '已批准，工单已解决 Approved and resolved' : '已驳回 Rejected');
  $('review-approve').addEventListener('click', () => review('approved'));
  $('review-reject').addEventListener('click', () => review('rejected'));
}
