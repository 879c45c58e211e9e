import { randomUUID } from 'node:crypto';
import type {
  AppendResult,
  ConversationRepository,
  CustomerRepository,
  MessageRepository,
  Repositories,
} from '../ports.js';
import type { ChannelId, Conversation, ConversationStatus, Customer, Lang, NewMessage, StoredMessage } from '../types.js';
import { DomainError } from '../errors.js';
import { createInMemoryCannedReplies } from './in-memory-canned-replies.js';
import { createInMemoryDeliveries } from './in-memory-deliveries.js';
import { createInMemoryCustomerRecords } from './in-memory-customer-records.js';
import { createInMemoryHandoff } from './in-memory-handoff.js';
import { createInMemoryKnowledge } from './in-memory-knowledge.js';
import { createInMemoryLearning } from './in-memory-learning.js';
import { createInMemorySupervision } from './in-memory-supervision.js';
import { createInMemoryTickets } from './in-memory-tickets.js';
import { createInMemoryTurns } from './in-memory-turns.js';
import { createInMemorySessions, createInMemoryUsers } from './in-memory-users.js';
import { InMemoryOrderChats, InMemoryOrders } from './in-memory-orders.js';

/** Repositories kept in memory: for core tests and a database-free dev mode. Same contract as prisma/. */
export function createInMemoryRepositories(now: () => Date = () => new Date()): Repositories {
  const customers = new Map<string, Customer>();
  const conversations = new Map<string, Conversation>();
  const messages: StoredMessage[] = [];

  const customerRepo: CustomerRepository = {
    async findOrCreateByIdentity(channel: ChannelId, externalId: string, displayName?: string) {
      for (const c of customers.values()) {
        if (c.identities.some((i) => i.channel === channel && i.externalId === externalId)) return c;
      }
      const c: Customer = { id: randomUUID(), displayName: displayName ?? null, identities: [{ channel, externalId }], createdAt: now() };
      customers.set(c.id, c);
      return c;
    },
    async get(id) {
      return customers.get(id) ?? null;
    },
  };

  const conversationRepo: ConversationRepository = {
    async create(input: { customerId: string; channel: ChannelId; lang?: Lang }) {
      const t = now();
      const c: Conversation = {
        id: randomUUID(), customerId: input.customerId, channel: input.channel, status: 'bot', lang: input.lang ?? 'zh',
        lastSeq: 0, fallbackStreak: 0, createdAt: t, updatedAt: t, closedAt: null,
        assigneeId: null, handoffReason: null, queuedAt: null, assignedAt: null, leftMessageAt: null, channelRef: null,
      };
      conversations.set(c.id, c);
      return { ...c };
    },
    async get(id) {
      const c = conversations.get(id);
      return c ? { ...c } : null;
    },
    async findOpen(customerId, channel) {
      const open = [...conversations.values()].filter((c) => c.customerId === customerId && c.channel === channel && c.status !== 'closed');
      open.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
      return open[0] ? { ...open[0] } : null;
    },
    async update(id, patch) {
      const c = conversations.get(id);
      if (!c) throw new DomainError('not_found', `conversation ${id} not found`, { userMessage: 'Conversation not found' });
      Object.assign(c, patch, { updatedAt: now() });
      return { ...c };
    },
    async listByCustomer(customerId) {
      return [...conversations.values()].filter((c) => c.customerId === customerId).map((c) => ({ ...c }));
    },
    async listByStatus(status: ConversationStatus) {
      return [...conversations.values()].filter((c) => c.status === status).map((c) => ({ ...c }));
    },
  };

  const deliveries = createInMemoryDeliveries(messages);
  const messageRepo: MessageRepository = {
    ...createInMemoryTurns(conversations, messages, deliveries),
    async append(input: NewMessage): Promise<AppendResult> {
      if (input.channelMessageId) {
        const channel = conversations.get(input.conversationId)?.channel;
        const existing = messages.find((m) => m.channelMessageId === input.channelMessageId && conversations.get(m.conversationId)?.channel === channel);
        if (existing) return { message: existing, duplicate: true };
      }
      const c = conversations.get(input.conversationId);
      if (!c) throw new DomainError('not_found', `conversation ${input.conversationId} not found`);
      c.lastSeq += 1;
      c.updatedAt = now();
      const message: StoredMessage = { ...input, id: randomUUID(), seq: c.lastSeq, createdAt: input.createdAt ?? now() };
      messages.push(message);
      return { message, duplicate: false };
    },
    async listByConversation(conversationId, options = {}) {
      const after = options.afterSeq ?? 0;
      const list = messages.filter((m) => m.conversationId === conversationId && m.seq > after).sort((a, b) => a.seq - b.seq);
      return options.limit ? list.slice(0, options.limit) : list;
    },
    async listReplies(messageId) {
      return messages.filter((m) => m.replyToId === messageId).sort((a, b) => a.seq - b.seq);
    },
    async lastBotMessage(conversationId) {
      const bot = messages.filter((m) => m.conversationId === conversationId && m.author === 'bot');
      return bot.sort((a, b) => b.seq - a.seq)[0] ?? null;
    },
    async findByChannelKey(channel, channelMessageId) {
      return messages.find((m) => m.channelMessageId === channelMessageId && conversations.get(m.conversationId)?.channel === channel) ?? null;
    },
  };

  const knowledge = createInMemoryKnowledge(now);
  const learning = createInMemoryLearning(conversations, messages);

  const users = createInMemoryUsers(now);
  return {
    customers: customerRepo, customerRecords: createInMemoryCustomerRecords(customers, conversations, messages, now), conversations: conversationRepo, messages: messageRepo, faqs: knowledge.faqs,
    users, sessions: createInMemorySessions(), handoff: createInMemoryHandoff(conversations, now), cannedReplies: createInMemoryCannedReplies(now),
    deliveries,
    audit: knowledge.audit, synonyms: knowledge.synonyms, ...learning,
    ...createInMemoryTickets(),
    ...createInMemorySupervision(knowledge.audit),
    storeOrders: new InMemoryOrders(), orderChats: new InMemoryOrderChats(),
  };
}
