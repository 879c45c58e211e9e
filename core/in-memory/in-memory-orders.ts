import type { OrderChatRepository, OrderChatState, OrderChatTally, StoreOrderRepository } from '../orders/order-ports.js';
import { canonicalOrderNumber } from '../orders/order-number.js';
import type { Order, OrderSummary } from '../orders/order-types.js';

/** A store's orders held in memory: tests, and a database-free dev mode. */
export class InMemoryOrders implements StoreOrderRepository {
  private readonly byNumber = new Map<string, Order>();

  constructor(orders: readonly Order[] = []) {
    for (const order of orders) this.byNumber.set(canonicalOrderNumber(order.number), structuredClone(order));
  }

  async count(): Promise<number> {
    return this.byNumber.size;
  }

  async insertMany(orders: readonly Order[]): Promise<number> {
    let added = 0;
    for (const order of orders) {
      const key = canonicalOrderNumber(order.number);
      if (this.byNumber.has(key)) continue;
      this.byNumber.set(key, structuredClone(order));
      added += 1;
    }
    return added;
  }

  async find(number: string): Promise<Order | null> {
    const order = this.byNumber.get(canonicalOrderNumber(number));
    return order ? structuredClone(order) : null;
  }

  async ordersOfPhone(phone: string): Promise<OrderSummary[]> {
    return [...this.byNumber.values()]
      .filter((o) => o.customer.phone === phone)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
      .map(({ number, status, createdAt, total }) => ({ number, status, createdAt, total }));
  }
}

export class InMemoryOrderChats implements OrderChatRepository {
  private readonly states = new Map<string, OrderChatState>();

  async get(conversationId: string): Promise<OrderChatState | null> {
    const state = this.states.get(conversationId);
    return state ? { ...state } : null;
  }

  async save(state: OrderChatState): Promise<void> {
    this.states.set(state.conversationId, { ...state });
  }

  async tally(from: Date, to: Date): Promise<OrderChatTally> {
    const tally: OrderChatTally = { conversations: 0, questions: 0, answered: 0, handedOff: 0 };
    for (const s of this.states.values()) {
      if (s.updatedAt < from || s.updatedAt >= to || s.questions === 0) continue;
      tally.conversations += 1;
      tally.questions += s.questions;
      tally.answered += s.answered;
      tally.handedOff += s.handedOff;
    }
    return tally;
  }
}
