/** Everything core needs from the outside world. Adapters (prisma/, app/, bots/) implement these. */
import type { ChannelId, Conversation, ConversationStatus, Customer, FaqEntry, FaqInput, Lang, NewMessage, StoredMessage } from './types.js';

export interface CustomerRepository {
  /** Finds the customer owning this channel identity, creating both if new. Safe under concurrent calls. */
  findOrCreateByIdentity(channel: ChannelId, externalId: string, displayName?: string): Promise<Customer>;
  get(id: string): Promise<Customer | null>;
}

export interface ConversationRepository {
  create(input: { customerId: string; channel: ChannelId; lang?: Lang }): Promise<Conversation>;
  get(id: string): Promise<Conversation | null>;
  /** The customer's newest conversation on that channel that is not closed. */
  findOpen(customerId: string, channel: ChannelId): Promise<Conversation | null>;
  update(id: string, patch: Partial<Pick<Conversation, 'status' | 'lang' | 'fallbackStreak' | 'closedAt'>>): Promise<Conversation>;
  listByCustomer(customerId: string): Promise<Conversation[]>;
  listByStatus(status: ConversationStatus): Promise<Conversation[]>;
}

export interface AppendResult {
  message: StoredMessage;
  /** True when a message with the same channelMessageId already existed: nothing new was stored. */
  duplicate: boolean;
}

export interface MessageRepository {
  /** Stores the message with the conversation's next sequence number (atomic, no gaps, no duplicates). */
  append(message: NewMessage): Promise<AppendResult>;
  listByConversation(conversationId: string, options?: { afterSeq?: number; limit?: number }): Promise<StoredMessage[]>;
  /** Bot replies stored for one inbound message, in order. */
  listReplies(messageId: string): Promise<StoredMessage[]>;
  /** The newest outbound bot message in the conversation, if any. */
  lastBotMessage(conversationId: string): Promise<StoredMessage | null>;
}

export interface FaqImportResult {
  added: string[];
  updated: string[];
  unchanged: string[];
  removed: string[];
}

export interface FaqRepository {
  list(options?: { enabledOnly?: boolean }): Promise<FaqEntry[]>;
  get(id: string): Promise<FaqEntry | null>;
  count(): Promise<number>;
  /** Upserts by external id; bumps `version` only when content changed. With `replace`, entries not given are deleted. */
  upsertMany(entries: FaqInput[], options?: { replace?: boolean }): Promise<FaqImportResult>;
  /** Increases on every change to the knowledge base, across processes. */
  revision(): Promise<number>;
}

export interface Clock {
  now(): Date;
}

export type Unsubscribe = () => void;

/** Real-time fan-out. The in-process default serves one instance; a shared broker serves several. */
export interface PubSub {
  publish(topic: string, payload: unknown): Promise<void>;
  subscribe(topic: string, handler: (payload: unknown) => void): Unsubscribe;
  close?(): Promise<void>;
}

export interface Logger {
  debug(obj: object | string, msg?: string): void;
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
  child(bindings: Record<string, unknown>): Logger;
}

export interface Repositories {
  customers: CustomerRepository;
  conversations: ConversationRepository;
  messages: MessageRepository;
  faqs: FaqRepository;
}

export const systemClock: Clock = { now: () => new Date() };
