import { z } from 'zod';
import { ORDER_STATUSES, type Order } from '../../core/orders/order-types.js';

const date = z.string().datetime({ offset: true }).transform((s) => new Date(s));
const text = z.string().min(1).max(500);

/** `GET /orders/{number}` → 200, as docs/orders-api.md describes it. Unknown fields are ignored. */
export const restOrderSchema = z.object({
  number: text,
  status: z.enum(ORDER_STATUSES),
  createdAt: date,
  customer: z.object({ phone: z.string().max(40).optional(), email: z.string().max(200).optional(), externalIds: z.array(z.string().max(200)).max(50).optional() }),
  items: z.array(z.object({ name: text, quantity: z.number().int().min(0), price: z.number().min(0) })).max(500),
  total: z.number().min(0),
  shipments: z.array(z.object({
    carrier: text, trackingNumber: text, status: z.string().max(100),
    events: z.array(z.object({ time: date, description: text })).max(500),
  })).max(50),
  refund: z.object({ status: text, amount: z.number().min(0), updatedAt: date }).optional(),
  invoice: z.object({ status: text, url: z.string().url().max(1000).optional() }).optional(),
});

export function parseRestOrder(body: unknown): Order | null {
  const parsed = restOrderSchema.safeParse(body);
  if (!parsed.success) return null;
  const { refund, invoice, customer, ...rest } = parsed.data;
  const events = rest.shipments.map((s) => ({ ...s, events: [...s.events].sort((a, b) => a.time.getTime() - b.time.getTime()) }));
  return {
    ...rest, shipments: events,
    customer: { ...(customer.phone ? { phone: customer.phone } : {}), ...(customer.email ? { email: customer.email } : {}), ...(customer.externalIds ? { externalIds: customer.externalIds } : {}) },
    ...(refund ? { refund } : {}), ...(invoice ? { invoice: invoice.url ? { status: invoice.status, url: invoice.url } : { status: invoice.status } } : {}),
  };
}
