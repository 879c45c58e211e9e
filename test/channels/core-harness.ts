// Real core (in-memory repositories) wired to one real channel adapter through the outbox, as app/channels.ts does.
import { setTimeout as sleep } from 'node:timers/promises';
import { ConversationService } from '../../core/conversation-service.js';
import { createInMemoryRepositories } from '../../core/in-memory/in-memory-repositories.js';
import { InProcessPubSub } from '../../core/in-memory/in-process-pubsub.js';
import { KnowledgeBase } from '../../core/knowledge-base.js';
import type { InboundEvent } from '../../core/messages.js';
import { systemClock, type Logger, type PubSub, type Repositories } from '../../core/ports.js';
import type { ChannelId, Conversation, FaqInput, StoredMessage } from '../../core/types.js';
import type { ChannelAdapter } from '../../bots/channel-adapter.js';
import { OutboxDelivery } from '../../bots/delivery/outbox-delivery.js';
import { OutboxWorker, type OutboxWorkerOptions } from '../../bots/delivery/outbox-worker.js';
import { loadBuiltinSynonyms } from '../../knowledge/index.js';
import { ConversationFeed } from '../../core/conversation-feed.js';
import { BusinessHours } from '../../core/handoff/business-hours.js';
import { HandoffService } from '../../core/handoff/handoff-service.js';
import { InMemoryOrders } from '../../core/in-memory/in-memory-orders.js';
import { OrderAssistant } from '../../core/orders/order-assistant.js';
import { OrderQuestionReader } from '../../core/orders/order-question-reader.js';
import { demoOrders } from '../../app/orders/demo-orders.js';

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => silentLogger };

/** Two entries share a question, so asking it always gets "did you mean" choices. */
export const CONTRACT_FAQS: FaqInput[] = [
  { id: 'umbrella-store', question: '雨伞租借服务怎么预约？', answer: '在门店前台登记即可预约雨伞。' },
  { id: 'umbrella-app', question: '雨伞租借服务怎么预约？', answer: '也可以在 App 的“门店服务”里在线预约雨伞。' },
  { id: 'invoice', question: '怎么开发票', answer: '在订单详情页点击“申请发票”，填写抬头后提交即可。' },
];
export const AMBIGUOUS_QUESTION = '雨伞租借服务怎么预约？';

export interface CoreHarness {
  repos: Repositories;
  /** Where core publishes every stored message (web chat's socket shows them from here). */
  pubsub: PubSub;
  service: ConversationService;
  delivery: OutboxDelivery;
  worker: OutboxWorker;
  /** Every event the adapter handed to core, in order. */
  received: InboundEvent[];
  statuses: { status: 'up' | 'down'; reason?: string }[];
  failures: unknown[];
  conversationOf(channel: ChannelId, externalId: string): Promise<Conversation>;
  transcript(channel: ChannelId, externalId: string): Promise<StoredMessage[]>;
  close(): Promise<void>;
}

export interface CoreOptions {
  outbox?: Partial<OutboxWorkerOptions>;
  faqs?: FaqInput[];
  /** The adapter's own pub/sub when it needs one at construction (web chat); a fresh in-process one otherwise. */
  pubsub?: PubSub;
}

export async function startCore(adapter: ChannelAdapter, options: CoreOptions = {}): Promise<CoreHarness> {
  const repos = createInMemoryRepositories();
  await repos.faqs.upsertMany(options.faqs ?? CONTRACT_FAQS);
  const pubsub = options.pubsub ?? new InProcessPubSub();
  const knowledge = new KnowledgeBase(repos.faqs, systemClock, silentLogger, { synonyms: loadBuiltinSynonyms(), refreshIntervalMs: 0 });
  const delivery = new OutboxDelivery({ deliveries: repos.deliveries, clock: systemClock, logger: silentLogger, capabilities: () => adapter.capabilities });
  const feed = new ConversationFeed(repos.messages, pubsub, delivery, systemClock, silentLogger);
  // People are always on duty and the bot never gives up by itself: only the order check hands a chat over here.
  const handoff = new HandoffService({
    repos, feed, clock: systemClock, logger: silentLogger,
    settings: { fallbackLimit: 0, routing: 'manual', defaultCapacity: 5, hours: new BusinessHours({ hours: 'Mon-Sun 00:00-24:00', timeZone: 'Asia/Shanghai' }) },
  });
  const orders = new OrderAssistant({
    orders: new InMemoryOrders(demoOrders(new Date())), chats: repos.orderChats, reader: new OrderQuestionReader(),
    followUp: { open: async () => { throw new Error('the contract suite asks no cancellation or address change'); } },
    clock: systemClock, logger: silentLogger, settings: { maxAttempts: 3, timeZone: 'Asia/Shanghai' },
  });
  const service = new ConversationService({
    repos, knowledge, feed, clock: systemClock, logger: silentLogger, settings: { maxTextLength: 4000 }, handoff, orders,
  });
  const worker = new OutboxWorker({
    repos, pubsub, clock: systemClock, logger: silentLogger, adapterFor: (c) => (c === adapter.channel ? adapter : undefined),
    options: { pollMs: 50, retryBaseMs: 50, retryMaxMs: 200, ...options.outbox },
  });
  delivery.onQueued(() => worker.kick());
  worker.start();
  const received: InboundEvent[] = [];
  const statuses: CoreHarness['statuses'] = [];
  const failures: unknown[] = [];
  await adapter.start({
    receive: (event) => {
      received.push(event);
      return service.receive(event);
    },
    setStatus: (status, reason) => {
      statuses.push({ status, ...(reason ? { reason } : {}) });
      if (status === 'up') void worker.channelUp(adapter.channel);
    },
    fail: (error) => failures.push(error),
  });
  const conversationOf = async (channel: ChannelId, externalId: string) => {
    const customer = await repos.customers.findOrCreateByIdentity(channel, externalId);
    const [conversation] = await repos.conversations.listByCustomer(customer.id);
    if (!conversation) throw new Error(`no ${channel} conversation for ${externalId}`);
    return conversation;
  };
  return {
    repos, pubsub, service, delivery, worker, received, statuses, failures, conversationOf,
    transcript: async (channel, externalId) => repos.messages.listByConversation((await conversationOf(channel, externalId)).id),
    async close() {
      await adapter.stop();
      await worker.stop();
    },
  };
}

/** Polls until `check` returns a value (not undefined), or fails after `ms`. */
export async function eventually<T>(check: () => T | undefined | Promise<T | undefined>, ms = 8000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}
