import { ConversationFeed } from '../../core/conversation-feed.js';
import { ConversationService } from '../../core/conversation-service.js';
import { AgentDesk } from '../../core/handoff/agent-desk.js';
import { AgentQueries } from '../../core/handoff/agent-queries.js';
import { AGENT_EVENTS_TOPIC, type AgentEvent } from '../../core/handoff/agent-views.js';
import { BusinessHours } from '../../core/handoff/business-hours.js';
import { HandoffService, type HandoffSettings } from '../../core/handoff/handoff-service.js';
import { createInMemoryRepositories } from '../../core/in-memory/in-memory-repositories.js';
import { InProcessPubSub } from '../../core/in-memory/in-process-pubsub.js';
import { KnowledgeBase } from '../../core/knowledge-base.js';
import type { OutboundDelivery } from '../../core/ports.js';
import type { Conversation, Role, StoredMessage, User } from '../../core/types.js';
import { loadBuiltinFaqs, loadBuiltinSynonyms } from '../../knowledge/index.js';
import { ManualClock, silentLogger } from './conversation-harness.js';

/** A delivery that records what would go to the channel, in order. */
export class RecordingDelivery implements OutboundDelivery {
  readonly delivered: StoredMessage[] = [];
  async deliver(_conversation: Conversation, message: StoredMessage): Promise<void> {
    this.delivered.push(message);
  }
}

export interface HandoffHarnessOptions extends Partial<Omit<HandoffSettings, 'hours'>> {
  hours?: string;
  /** 2026-03-02 is a Monday; 10:00Z is 18:00 in Shanghai. */
  now?: string;
}

/** Core services wired on in-memory repositories, a hand-moved clock and a recording delivery. */
export async function handoffHarness(options: HandoffHarnessOptions = {}) {
  const clock = new ManualClock(new Date(options.now ?? '2026-03-02T02:00:00Z'));
  const repos = createInMemoryRepositories(() => clock.now());
  await repos.faqs.upsertMany(loadBuiltinFaqs());
  const pubsub = new InProcessPubSub();
  const delivery = new RecordingDelivery();
  const feed = new ConversationFeed(repos.messages, pubsub, delivery, clock, silentLogger);
  const hours = new BusinessHours({ hours: options.hours ?? 'Mon-Sun 00:00-24:00', timeZone: 'Asia/Shanghai' });
  const settings: HandoffSettings = { fallbackLimit: options.fallbackLimit ?? 2, routing: options.routing ?? 'manual', defaultCapacity: options.defaultCapacity ?? 5, hours };
  const handoff = new HandoffService({ repos, feed, clock, logger: silentLogger, settings });
  const desk = new AgentDesk({ repos, feed, handoff, clock, logger: silentLogger, maxTextLength: 4000 });
  const queries = new AgentQueries(repos, settings.defaultCapacity);
  const knowledge = new KnowledgeBase(repos.faqs, clock, silentLogger, { synonyms: loadBuiltinSynonyms(), refreshIntervalMs: 1000 });
  const service = new ConversationService({
    repos, knowledge, feed, clock, logger: silentLogger, settings: { maxTextLength: 4000 }, handoff,
  });
  const events: AgentEvent[] = [];
  pubsub.subscribe(AGENT_EVENTS_TOPIC, (e) => events.push(e as AgentEvent));

  let n = 0;
  async function customer(channel: 'webchat' | 'telegram' = 'webchat', externalId = `visitor-${++n}`) {
    const conversation = await service.startConversation({ channel, sender: { externalId } });
    // Each message a second later than the previous one, as people type.
    const say = (text: string) =>
      (clock.advance(1000), service).receive({ type: 'text', channel, sender: { externalId }, conversationId: conversation.id, text, receivedAt: clock.now(), channelMessageId: `m-${++n}` });
    const transcript = () => repos.messages.listByConversation(conversation.id);
    return { conversation, say, transcript, current: async () => (await repos.conversations.get(conversation.id)) as Conversation };
  }

  async function agent(name: string, role: Role = 'agent', presence: User['presence'] = 'online'): Promise<User> {
    const user = await repos.users.create({ email: `${name}@shop.test`, displayName: name, role, passwordHash: 'not-used' });
    return repos.users.update(user.id, { presence });
  }

  return { clock, repos, pubsub, delivery, handoff, desk, queries, service, events, customer, agent };
}

export const texts = (messages: StoredMessage[]) => messages.map((m) => `${m.author}: ${m.text}`);
