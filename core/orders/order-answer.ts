import type { OrderTexts } from './order-texts.js';
import type { Order, OrderIntent } from './order-types.js';

/** "12-05 14:30" in the store's time zone: short enough for a chat line. */
function shortTime(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

/** The short answer to an order question the owner asked: status, then what the question is about. */
export function orderAnswer(order: Order, intent: OrderIntent, t: OrderTexts, timeZone: string, displayNumber: string): string {
  const lines = [t.order(displayNumber, t.status[order.status])];
  switch (intent) {
    case 'refund_status':
      lines.push(order.refund ? t.refund(order.refund.amount.toFixed(2), order.refund.status, shortTime(order.refund.updatedAt, timeZone)) : t.noRefund);
      break;
    case 'invoice':
      lines.push(order.invoice ? t.invoice(order.invoice.status, order.invoice.url) : t.noInvoice);
      break;
    default:
      lines.push(...parcels(order, t, timeZone));
  }
  return lines.join('\n');
}

function parcels(order: Order, t: OrderTexts, timeZone: string): string[] {
  if (order.shipments.length === 0) return order.status === 'paid' ? [t.notShipped] : [];
  return order.shipments.map((s, i) => {
    const last = s.events.at(-1);
    const latest = last ? `${shortTime(last.time, timeZone)} ${last.description}` : s.status;
    return t.parcel(i + 1, order.shipments.length, s.carrier, s.trackingNumber, latest);
  });
}

export function isShipped(order: Order): boolean {
  return order.shipments.length > 0 || order.status === 'shipped' || order.status === 'delivered';
}
