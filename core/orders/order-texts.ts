import type { Lang } from '../types.js';
import type { OrderStatus } from './order-types.js';

/** What the bot says in an order conversation; short, one message per turn. */
export interface OrderTexts {
  askNumber: string;
  askDigits: (number: string) => string;
  /** Wrong digits, wrong owner and unknown number all get this: it must not tell which. */
  notMatched: (left: number) => string;
  unavailable: string;
  status: Record<OrderStatus, string>;
  order: (number: string, status: string) => string;
  parcel: (index: number, count: number, carrier: string, tracking: string, latest: string) => string;
  notShipped: string;
  refund: (amount: string, status: string, at: string) => string;
  noRefund: string;
  invoice: (status: string, url: string | undefined) => string;
  noInvoice: string;
  followUp: (kind: 'cancel' | 'change_address', ticket: string) => string;
  tooLate: (kind: 'cancel' | 'change_address') => string;
}

export const DEFAULT_ORDER_TEXTS: Record<Lang, OrderTexts> = {
  zh: {
    askNumber: '请问您的订单号是多少？',
    askDigits: (n) => `为保护您的隐私，请回复订单 ${n} 下单手机号的后四位。`,
    notMatched: (left) => `订单号或手机号后四位不匹配，请核对后再试（还可以试 ${left} 次）。`,
    unavailable: '订单系统暂时查询不到，请稍后再试，或回复「人工」联系人工客服。',
    status: {
      pending_payment: '待付款', paid: '已付款，待发货', shipped: '已发货', delivered: '已签收', cancelled: '已取消', refunding: '退款中', refunded: '已退款',
    },
    order: (n, s) => `订单 ${n}：${s}。`,
    parcel: (i, count, carrier, tracking, latest) => `${count > 1 ? `包裹 ${i}/${count}：` : ''}${carrier} 运单号 ${tracking}，最新：${latest}。`,
    notShipped: '商品还在仓库准备中，发货后会显示物流信息。',
    refund: (amount, status, at) => `退款 ¥${amount}：${status}（${at}）。`,
    noRefund: '这个订单没有退款记录。',
    invoice: (status, url) => `发票：${status}${url ? `，下载：${url}` : ''}。`,
    noInvoice: '这个订单还没有开具发票，确认收货后可在订单详情页申请。',
    followUp: (kind, t) => `已为您提交${kind === 'cancel' ? '取消订单' : '修改地址'}申请（工单 ${t}），客服处理后会尽快回复您。`,
    tooLate: (kind) => (kind === 'cancel' ? '订单已发货，无法直接取消，签收后可申请退货退款。' : '订单已发货，无法再修改地址，如需拦截请回复「人工」。'),
  },
  en: {
    askNumber: 'What is your order number?',
    askDigits: (n) => `To protect your privacy, please reply with the last four digits of the phone number on order ${n}.`,
    notMatched: (left) => `The order number and the last four digits do not match. Please check and try again (${left} ${left === 1 ? 'try' : 'tries'} left).`,
    unavailable: 'I cannot reach the order system right now. Please try again later, or reply "human" to talk to a person.',
    status: {
      pending_payment: 'awaiting payment', paid: 'paid, not shipped yet', shipped: 'shipped', delivered: 'delivered', cancelled: 'cancelled', refunding: 'refund in progress', refunded: 'refunded',
    },
    order: (n, s) => `Order ${n}: ${s}.`,
    parcel: (i, count, carrier, tracking, latest) => `${count > 1 ? `Parcel ${i}/${count}: ` : ''}${carrier}, tracking number ${tracking}, latest: ${latest}.`,
    notShipped: 'It is being prepared in our warehouse; tracking appears once it ships.',
    refund: (amount, status, at) => `Refund ¥${amount}: ${status} (${at}).`,
    noRefund: 'There is no refund on this order.',
    invoice: (status, url) => `Invoice: ${status}${url ? `, download: ${url}` : ''}.`,
    noInvoice: 'No invoice has been issued for this order yet; you can request one on the order page after delivery.',
    followUp: (kind, t) => `I have passed your ${kind === 'cancel' ? 'cancellation' : 'address change'} request on (ticket ${t}); a colleague will get back to you soon.`,
    tooLate: (kind) => (kind === 'cancel' ? 'The order has shipped, so it cannot be cancelled now; you can return it after delivery.' : 'The order has shipped, so the address cannot be changed now; reply "human" if it must be intercepted.'),
  },
};
