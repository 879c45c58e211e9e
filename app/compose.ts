import { IntentLibrary } from '../core/matching/index.js';
import { ConversationCache } from '../core/conversation-cache.js';
import { ConversationFeed } from '../core/conversation-feed.js';
import { ConversationService } from '../core/conversation-service.js';
import { AgentDesk } from '../core/handoff/agent-desk.js';
import { AgentQueries } from '../core/handoff/agent-queries.js';
import { CannedReplies } from '../core/handoff/canned-replies.js';
import { HandoffService } from '../core/handoff/handoff-service.js';
import type { AuthService } from '../core/users/auth-service.js';
import { Reassignment } from '../core/users/reassign.js';
import { chainTextHandlers, ContactCapture } from '../core/customers/contact-capture.js';
import { CustomerService } from '../core/customers/customer-service.js';
import { Privacy } from '../core/customers/privacy.js';
import { RetentionPurge } from '../core/customers/retention.js';
import { Poller } from '../core/tickets/poller.js';
import { StaffService } from '../core/users/staff-service.js';
import { composeAuth } from './compose-auth.js';
import { InProcessPubSub } from '../core/in-memory/in-process-pubsub.js';
import { KnowledgeBase } from '../core/knowledge-base.js';
import type { Logger, PubSub, Repositories } from '../core/ports.js';
import { CHANNEL_CAPABILITIES } from '../bots/channels.js';
import { OutboxDelivery } from '../bots/delivery/outbox-delivery.js';
import { systemClock, type Clock } from '../core/ports.js';
import { loadBuiltinFaqs, loadBuiltinSynonyms, loadLexicon, loadLibrary } from '../knowledge/index.js';
import type { KefuConfig } from './config.js';
import { composeKnowledgeAdmin, seedBuiltinFaqs, seedSynonyms, type KnowledgeAdmin } from './compose-knowledge-admin.js';
import { composeTickets, type TicketModule } from './compose-tickets.js';
import { ServicePromise } from '../core/supervision/service-promise.js';
import { composeSupervision, type SupervisionModule } from './compose-supervision.js';
import { composeOrders, type OrderModule } from './orders/compose-orders.js';

export interface Services {
  repos: Repositories;
  pubsub: PubSub;
  clock: Clock;
  knowledge: KnowledgeBase;
  conversations: ConversationService;
  auth: AuthService;
  handoff: HandoffService;
  desk: AgentDesk;
  queries: AgentQueries;
  canned: CannedReplies;
  knowledgeAdmin: KnowledgeAdmin;
  /** core's OutboundDelivery: queues outbound messages for the channel adapters (app/channels.ts sends them). */
  delivery: OutboxDelivery;
  /** Tickets, SLA, surveys and reports; `start()`/`stop()` run its pollers. */
  tickets: TicketModule;
  /** Disable, enable, remove, roles, password resets. */
  staff: StaffService;
  /** Hands an agent's open conversations and tickets to another. */
  reassign: Reassignment;
  /** Customer records, export and erasure. */
  customers: CustomerService;
  /** Empties old closed conversations on a schedule (KEFU_RETENTION_DAYS); start/stop like the ticket pollers. */
  retention: Poller;
  /** Sensitive words and flagged messages (the QA review queue). */
  supervision: SupervisionModule;
  /** Order questions in chat; absent with KEFU_ORDERS=off. */
  orders?: OrderModule;
}

let library: IntentLibrary | undefined;
/** The intent library is shipped data: built once per process (~0.5 s), however many service sets are composed. */
function sharedLibrary(): IntentLibrary {
  library ??= IntentLibrary.build(loadLibrary(), { synonyms: loadBuiltinSynonyms(), lexicon: loadLexicon() });
  return library;
}

/** The one composition root for domain services: repositories in, services out. */
export function composeServices(
  config: KefuConfig, repos: Repositories, logger: Logger, clock: Clock = systemClock, pubsub: PubSub = new InProcessPubSub(),
): Services {
  const promise = new ServicePromise(config.tickets.leftMessage, config.handoff.hours);
  const knowledge = new KnowledgeBase(repos.faqs, clock, logger, {
    fillAnswer: (answer) => promise.fill(answer),
    synonyms: loadBuiltinSynonyms(),
    lexicon: loadLexicon(),
    library: config.intentLibrary ? sharedLibrary : undefined,
    matcher: config.matcher,
    refreshIntervalMs: config.kbRefreshMs,
    synonymStore: repos.synonyms,
  });
  const knowledgeAdmin = composeKnowledgeAdmin(config, repos, knowledge, clock, logger);
  // Replies go through the outbox, except on a channel that shows stored messages itself (web chat's socket).
  const delivery = new OutboxDelivery({ deliveries: repos.deliveries, clock, logger, capabilities: (channel) => CHANNEL_CAPABILITIES[channel] });
  const feed = new ConversationFeed(repos.messages, pubsub, delivery, clock, logger);
  const tickets = composeTickets(config, { repos, feed, pubsub, clock, logger });
  const supervision = composeSupervision(config, { repos, pubsub, clock, logger, tickets });
  const { fallbackLimit, routing, agentCapacity, hours } = config.handoff;
  const handoff = new HandoffService({
    repos, feed, clock, logger, settings: { fallbackLimit, routing, defaultCapacity: agentCapacity, hours, promise }, observer: supervision.handoffObserver,
  });
  const queries = new AgentQueries(repos, agentCapacity, config.privacy);
  const orders = composeOrders(config, { repos, tickets: tickets.service, queries, clock, logger });
  const conversations = new ConversationService({
    repos, knowledge, feed, clock, logger, handoff, settings: { maxTextLength: config.maxMessageLength },
    observer: knowledgeAdmin.unanswered, textHandler: chainTextHandlers([new ContactCapture(repos.customerRecords, clock, logger), tickets.chat]), commands: tickets.chat, cache: new ConversationCache(repos.conversations, pubsub),
    watcher: supervision.words,
    ...(orders ? { orders: orders.assistant } : {}),
  });
  const auth = composeAuth(config, repos, clock, logger);
  const desk = new AgentDesk({ repos, feed, handoff, clock, logger, maxTextLength: config.maxMessageLength, guard: supervision.words });
  const staff = new StaffService({ users: repos.users, sessions: repos.sessions, audit: repos.audit, auth, pubsub, clock, logger, routingChanged: () => handoff.queueChanged() });
  const reassign = new Reassignment({ repos, handoff, tickets: tickets.service, clock, logger });
  return {
    repos, pubsub, clock, knowledge, conversations, auth, handoff, desk, queries, canned: new CannedReplies(repos.cannedReplies), knowledgeAdmin, delivery, tickets,
    staff, reassign, supervision,
    ...(orders ? { orders } : {}),
    customers: new CustomerService({ repos, privacy: new Privacy(config.privacy, repos.audit), clock, logger }),
    retention: new Poller('retention', config.retention.pollMs, () => new RetentionPurge(repos.customerRecords, config.retention.days, clock, logger).run(), logger),
  };
}

/** Loads the built-in FAQ set and synonyms into an empty knowledge base (versioned); never on top of an admin's own. */
export async function seedKnowledgeBase(repos: Repositories, logger: Logger): Promise<void> {
  await seedSynonyms(repos, logger);
  if ((await repos.faqs.count()) > 0) return;
  const written = await seedBuiltinFaqs(repos, loadBuiltinFaqs());
  logger.info({ added: written }, 'knowledge base was empty: loaded the built-in FAQ set');
}
