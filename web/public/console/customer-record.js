// The customer's record beside the conversation: contact details (masked unless revealed), tags, notes, and the
// details captured from the chat waiting for the agent to confirm them.
import { request } from './api.js';
import { $, el, flash } from './dom.js';

const FIELDS = [['phones', '电话 Phones'], ['emails', '邮箱 E-mails'], ['addresses', '地址 Addresses'], ['orderNumbers', '订单 Orders'], ['tags', '标签 Tags']];
const FIELD_NAMES = Object.fromEntries(FIELDS);

export async function renderRecord(customerId) {
  const box = $('record');
  if (!box) return;
  let data;
  try {
    data = await request('GET', `/api/customers/${encodeURIComponent(customerId)}`);
  } catch {
    box.replaceChildren();
    return;
  }
  const { customer, suggestions } = data;
  const rows = FIELDS.filter(([f]) => customer[f].length > 0).flatMap(([f, label]) => [el('dt', { text: label }), el('dd', { text: customer[f].join('\n') })]);
  if (customer.notes) rows.push(el('dt', { text: '备注 Notes' }), el('dd', { text: customer.notes }));
  const decide = async (s, verb) => {
    try {
      await request('POST', `/api/customers/${encodeURIComponent(customerId)}/suggestions/${encodeURIComponent(s.id)}/${verb}`);
      await renderRecord(customerId);
    } catch (err) {
      flash(err.message, 'error');
    }
  };
  const proposed = suggestions.map((s) =>
    el('li', { dataset: { suggestion: s.id } }, `${FIELD_NAMES[s.field] ?? s.field}: ${s.value} `,
      el('button', { type: 'button', class: 'link', onclick: () => decide(s, 'accept'), text: '记录 Save' }), ' ',
      el('button', { type: 'button', class: 'link', onclick: () => decide(s, 'dismiss'), text: '忽略 Dismiss' })));
  box.replaceChildren(
    el('dl', {}, ...rows),
    ...(proposed.length ? [el('h3', { text: '聊天中发现 Found in chat' }), el('ul', { class: 'history' }, ...proposed)] : []),
  );
}
