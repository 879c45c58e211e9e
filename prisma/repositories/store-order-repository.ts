import { z } from 'zod';
import { DomainError } from '../../core/errors.js';
import { canonicalOrderNumber } from '../../core/orders/order-number.js';
import type { StoreOrderRepository } from '../../core/orders/order-ports.js';
import { ORDER_STATUSES, type Order, type OrderSummary } from '../../core/orders/order-types.js';
import type { Db } from '../client.js';
import { oneOf } from '../mappers.js';

const date = z.coerce.date();
const detailsSchema = z.object({
  customer: z.object({ phone: z.string().optional(), email: z.string().optional(), externalIds: z.array(z.string()).optional() }),
  items: z.array(z.object({ name: z.string(), quantity: z.number(), price: z.number() })),
  total: z.number(),
  shipments: z.array(z.object({
    carrier: z.string(), trackingNumber: z.string(), status: z.string(),
    events: z.array(z.object({ time: date, description: z.string() })),
  })),
  refund: z.object({ status: z.string(), amount: z.number(), updatedAt: date }).optional(),
  invoice: z.object({ status: z.string(), url: z.string().optional() }).optional(),
});

type Row = { number: string; status: string; createdAt: Date; details: string };

function toOrder(row: Row): Order {
  const parsed = detailsSchema.safeParse(JSON.parse(row.details));
  if (!parsed.success) throw new DomainError('internal', `StoreOrder.details of ${row.number} is not an order: ${parsed.error.message}`);
  const { refund, invoice, ...rest } = parsed.data;
  return {
    number: row.number, status: oneOf(ORDER_STATUSES, row.status, 'StoreOrder.status'), createdAt: row.createdAt, ...rest,
    ...(refund ? { refund } : {}), ...(invoice ? { invoice } : {}),
  };
}

/** The demo store's orders: the `demo` order connector. */
export class PrismaStoreOrderRepository implements StoreOrderRepository {
  constructor(private readonly db: Db) {}

  async find(number: string): Promise<Order | null> {
    const row = await this.db.storeOrder.findUnique({ where: { key: canonicalOrderNumber(number) } });
    return row ? toOrder(row) : null;
  }

  async ordersOfPhone(phone: string): Promise<OrderSummary[]> {
    const rows = await this.db.storeOrder.findMany({ where: { phone }, orderBy: { createdAt: 'desc' } });
    return rows.map(toOrder).map(({ number, status, createdAt, total }) => ({ number, status, createdAt, total }));
  }

  count(): Promise<number> {
    return this.db.storeOrder.count();
  }

  async insertMany(orders: readonly Order[]): Promise<number> {
    let added = 0;
    for (const order of orders) {
      const { number, status, createdAt, ...details } = order;
      const key = canonicalOrderNumber(number);
      if (await this.db.storeOrder.findUnique({ where: { key }, select: { key: true } })) continue;
      await this.db.storeOrder.create({ data: { key, number, status, createdAt, phone: order.customer.phone ?? null, details: JSON.stringify(details) } });
      added += 1;
    }
    return added;
  }
}
