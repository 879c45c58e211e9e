// The order panel beside the chat: the order the customer named (status, parcels, link to the store's admin page)
// and, once the customer proved it is theirs, the owner's other orders. Absent when Kefu has no order connector.
import { ApiError, request } from './api.js';
import { $, el } from './dom.js';

const STATUS = {
  pending_payment: '待付款 Awaiting payment', paid: '已付款 Paid', shipped: '已发货 Shipped', delivered: '已签收 Delivered',
  cancelled: '已取消 Cancelled', refunding: '退款中 Refunding', refunded: '已退款 Refunded',
};

const line = (o) => el('li', {},
  o.adminUrl ? el('a', { href: o.adminUrl, target: '_blank', rel: 'noopener', text: o.number }) : el('span', { text: o.number }),
  ` · ${STATUS[o.status] || o.status} · ¥${o.total}`);

export async function renderOrders(conversationId) {
  const box = $('orders-panel');
  let view;
  try {
    view = await request('GET', `/api/agent/conversations/${encodeURIComponent(conversationId)}/orders`);
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return void (box.hidden = true);
    throw err;
  }
  box.hidden = false;
  const d = view.discussed;
  const parts = [];
  if (view.storeUnavailable) parts.push(el('p', { class: 'meta', text: '订单系统暂不可用 · Order system unavailable' }));
  else if (!view.orderNumber) parts.push(el('p', { class: 'meta', text: '会话中未提到订单号 · No order number in this chat' }));
  else if (!d) parts.push(el('p', { class: 'meta', text: `${view.orderNumber}：店铺没有这个订单 · Unknown to the store` }));
  else {
    parts.push(el('ul', { class: 'history' }, line(d)));
    parts.push(el('p', { class: 'meta', text: d.verified ? '顾客已验证手机尾号 · Owner verified' : '顾客未验证 · Owner not verified' }));
    for (const p of d.parcels) parts.push(el('p', { class: 'meta', text: `${p.carrier} ${p.trackingNumber}${p.latest ? ` · ${p.latest}` : ''}` }));
  }
  if (view.orders.length > 0) parts.push(el('h4', { text: '该顾客的订单 Their orders' }), el('ul', { class: 'history' }, ...view.orders.map(line)));
  $('orders-list').replaceChildren(...parts);
}
