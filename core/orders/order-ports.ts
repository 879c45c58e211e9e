import type { Conversation, Lang } from '../types.js';
import type { BotReply } from '../bot-responder.js';
import type { Order, OrderIntent, OrderSummary } from './order-types.js';

/**
 * The store's orders, behind whichever connector KEFU_ORDERS chooses (the demo store's own table, or a store
 * backend over HTTP). Numbers come as the customer typed them; implementations look them up canonical
 * (`canonicalOrderNumber`). A store that cannot be reached throws
 * DomainError('unavailable'); a number the store does not know is null.
 */
export interface OrderPort {
  find(number: string): Promise<Order | null>;
  /** The orders owned by a phone number, newest first (the agent console); absent when the store cannot list them. */
  ordersOfPhone?(phone: string): Promise<OrderSummary[]>;
}

/** Where an order conversation stands: the number it is about, what is awaited, how often the digits were wrong. */
export interface OrderChatState {
  conversationId: string;
  /** As the customer typed it. */
  orderNumber: string | null;
  intent: OrderIntent | null;
  awaiting: 'number' | 'digits' | null;
  /** Wrong last-four-digit answers in this conversation, whatever the number: limits guessing across numbers too. */
  failures: number;
  /** The number whose owner this customer proved to be. */
  verifiedNumber: string | null;
  /** Order questions asked, answered by the bot with the order's details, and handed to a person. */
  questions: number;
  answered: number;
  handedOff: number;
  updatedAt: Date;
}

export interface OrderChatTally {
  conversations: number;
  questions: number;
  answered: number;
  handedOff: number;
}

export interface OrderChatRepository {
  get(conversationId: string): Promise<OrderChatState | null>;
  save(state: OrderChatState): Promise<void>;
  /** Sums over conversations whose order state changed within [from, to). */
  tally(from: Date, to: Date): Promise<OrderChatTally>;
}

/** A cancellation or address change the store's connector cannot make becomes a ticket for a person. */
export interface OrderFollowUp {
  /** Returns the ticket number. */
  open(input: { conversation: Conversation; kind: 'cancel' | 'change_address'; orderNumber: string; description: string }): Promise<string>;
}

export type OrderTurn = { kind: 'reply'; replies: BotReply[] } | { kind: 'handoff' };

/** The hook in the conversation flow: sees a customer text while the bot holds the conversation. */
export interface OrderTurnHandler {
  /** Null when the message is not part of an order conversation (the FAQ answers it). */
  handle(input: { conversation: Conversation; text: string; lang: Lang }): Promise<OrderTurn | null>;
}

/** The demo store's own orders in Kefu's database: the `demo` connector. */
export interface StoreOrderRepository extends OrderPort {
  ordersOfPhone(phone: string): Promise<OrderSummary[]>;
  count(): Promise<number>;
  /** Stores orders not stored yet (by canonical number); returns how many were new. */
  insertMany(orders: readonly Order[]): Promise<number>;
}
