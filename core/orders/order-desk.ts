import { DomainError } from '../errors.js';
import type { Conversation, User } from '../types.js';
import { sameOrder } from './order-assistant.js';
import type { OrderChatRepository, OrderPort } from './order-ports.js';
import type { Order, OrderStatus } from './order-types.js';

export interface OrderLineView {
  number: string;
  status: OrderStatus;
  createdAt: string;
  total: number;
  /** The store's admin page for the order (KEFU_ORDERS_ADMIN_URL), when configured. */
  adminUrl: string | null;
}

export interface DiscussedOrderView extends OrderLineView {
  /** The customer proved in this chat that the order is theirs. */
  verified: boolean;
  parcels: Array<{ carrier: string; trackingNumber: string; latest: string | null }>;
}

export interface ConversationOrdersView {
  /** The order number the customer named in this conversation, if any. */
  orderNumber: string | null;
  /** That order as the store has it; null when unknown to the store. */
  discussed: DiscussedOrderView | null;
  /** The owner's orders, newest first: only once the customer proved the discussed order is theirs. */
  orders: OrderLineView[];
  storeUnavailable: boolean;
}

/** What an agent sees of a conversation's orders, beside the chat. */
export class OrderDesk {
  constructor(
    private readonly deps: {
      readable: (user: User, conversationId: string) => Promise<Conversation>;
      chats: OrderChatRepository;
      orders: OrderPort;
      adminUrl: string | null;
    },
  ) {}

  async forConversation(user: User, conversationId: string): Promise<ConversationOrdersView> {
    await this.deps.readable(user, conversationId);
    const state = await this.deps.chats.get(conversationId);
    const none: ConversationOrdersView = { orderNumber: state?.orderNumber ?? null, discussed: null, orders: [], storeUnavailable: false };
    if (!state?.orderNumber) return none;
    let order: Order | null;
    try {
      order = await this.deps.orders.find(state.orderNumber);
    } catch (err) {
      if (err instanceof DomainError && err.code === 'unavailable') return { ...none, storeUnavailable: true };
      throw err;
    }
    if (!order) return none;
    const verified = sameOrder(state.verifiedNumber, state.orderNumber);
    const discussed: DiscussedOrderView = {
      ...this.line(order), verified,
      parcels: order.shipments.map((s) => {
        const last = s.events.at(-1);
        return { carrier: s.carrier, trackingNumber: s.trackingNumber, latest: last ? `${last.time.toISOString()} ${last.description}` : null };
      }),
    };
    const phone = order.customer.phone;
    const owned = verified && phone && this.deps.orders.ordersOfPhone ? await this.deps.orders.ordersOfPhone(phone) : [];
    return { ...none, discussed, orders: owned.map((o) => this.line(o)) };
  }

  private line(o: Pick<Order, 'number' | 'status' | 'createdAt' | 'total'>): OrderLineView {
    const adminUrl = this.deps.adminUrl ? this.deps.adminUrl.replaceAll('{number}', encodeURIComponent(o.number)) : null;
    return { number: o.number, status: o.status, createdAt: o.createdAt.toISOString(), total: o.total, adminUrl };
  }
}
