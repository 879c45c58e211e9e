// The demo store's orders and the order state of conversations; runs on SQLite and PostgreSQL
// (storage-contract.ts) and in memory.
import { randomUUID } from 'node:crypto';
import type { Repositories } from '../../core/ports.js';
import type { OrderChatState } from '../../core/orders/order-ports.js';
import { demoOrders } from '../../app/orders/demo-orders.js';

const SEEDED_AT = new Date('2026-12-06T08:00:00.000Z');
const FUTURE = new Date('2100-05-01T00:00:00.000Z');

export function orderContract(repos: () => Repositories): void {
  describe('store orders and order chats', () => {
    it('stores each order once and gives it back whole, looked up however the number is typed', async () => {
      const { storeOrders } = repos();
      const orders = demoOrders(SEEDED_AT);
      const before = await storeOrders.count();
      expect(await storeOrders.insertMany(orders)).toBe(before === 0 ? orders.length : 0);
      expect(await storeOrders.insertMany(orders)).toBe(0);
      expect(await storeOrders.count()).toBe(Math.max(before, orders.length));
      const split = orders.find((o) => o.shipments.length === 2)!;
      expect(await storeOrders.find(split.number.replace('-', ''))).toEqual(split);
      expect(await storeOrders.find(`  ${split.number.toLowerCase()} `.replace('-', ' - '))).toEqual(split);
      const refunded = orders.find((o) => o.refund)!;
      expect(await storeOrders.find(refunded.number)).toEqual(refunded);
      expect(await storeOrders.find('20990101-9999')).toBeNull();
      expect(await storeOrders.ordersOfPhone(split.customer.phone!)).toEqual([
        { number: split.number, status: split.status, createdAt: split.createdAt, total: split.total },
      ]);
    });

    it('keeps a conversation’s order state and sums what came of order questions', async () => {
      const { orderChats } = repos();
      const id = randomUUID();
      expect(await orderChats.get(id)).toBeNull();
      const state: OrderChatState = {
        conversationId: id, orderNumber: '202611280002', intent: 'track', awaiting: 'digits', failures: 1, verifiedNumber: null,
        questions: 1, answered: 0, handedOff: 0, updatedAt: FUTURE,
      };
      await orderChats.save(state);
      expect(await orderChats.get(id)).toEqual(state);
      const later = { ...state, awaiting: null, verifiedNumber: '202611280002', questions: 2, answered: 2, updatedAt: new Date(FUTURE.getTime() + 1000) };
      await orderChats.save(later);
      expect(await orderChats.get(id)).toEqual(later);
      await orderChats.save({ ...state, conversationId: randomUUID(), questions: 1, handedOff: 1, updatedAt: new Date(FUTURE.getTime() + 2000) });
      await orderChats.save({ ...state, conversationId: randomUUID(), questions: 0, updatedAt: new Date(FUTURE.getTime() + 3000) });
      expect(await orderChats.tally(FUTURE, new Date(FUTURE.getTime() + 60_000))).toEqual({ conversations: 2, questions: 3, answered: 2, handedOff: 1 });
      expect(await orderChats.tally(new Date(FUTURE.getTime() + 1500), new Date(FUTURE.getTime() + 60_000))).toEqual({ conversations: 1, questions: 1, answered: 0, handedOff: 1 });
    });
  });
}
