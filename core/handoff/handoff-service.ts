import type { ConversationFeed } from '../conversation-feed.js';
import type { Clock, Logger, Repositories } from '../ports.js';
import type { Conversation, HandoffReason, Lang, StoredMessage, User } from '../types.js';
import { AGENT_EVENTS_TOPIC, conversationEvent, type AgentEvent, type ConversationChange } from './agent-views.js';
import type { BusinessHours } from './business-hours.js';
import type { ServicePromise } from '../supervision/service-promise.js';
import { DEFAULT_HANDOFF_TEXTS, type HandoffTexts } from './handoff-texts.js';
import { pickAgent, type AgentLoad, type RoutingMode } from './routing.js';
import { holderOf } from './customer-holder.js';

export interface HandoffSettings {
  /** Bot fallbacks in a row after which the conversation goes to a person. */
  fallbackLimit: number;
  routing: RoutingMode;
  /** Conversations per agent at once when the agent has no capacity of their own. */
  defaultCapacity: number;
  hours: BusinessHours;
  /** What customers are promised for a left message; without it the notice promises no time. */
  promise?: ServicePromise;
}

export interface HandoffDeps {
  repos: Repositories;
  feed: ConversationFeed;
  clock: Clock;
  logger: Logger;
  settings: HandoffSettings;
  texts?: Record<Lang, HandoffTexts>;
  /** Hears of handoffs and closes (tickets and surveys); its failures are logged, never passed on. */
  observer?: HandoffObserver;
}

export interface HandoffObserver {
  /** After the conversation was queued, or kept as a left message (`leftMessageAt` set). */
  handedOff(conversation: Conversation, reason: HandoffReason): Promise<void>;
  /** After an agent or supervisor closed it. */
  closed(conversation: Conversation): Promise<void>;
}

/** What became of a waiting customer's message: the bot answered it, they asked for a person again, or the bot could not answer. */
export type WaitingTurn = 'answered' | 'asked' | 'unanswered';

export interface HandoffResult {
  conversation: Conversation;
  replies: StoredMessage[];
}

/** Moves conversations from the bot to the waiting queue and on to agents, and keeps waiting customers informed. */
export class HandoffService {
  readonly settings: HandoffSettings;
  private readonly texts: Record<Lang, HandoffTexts>;
  /** The queue position each waiting customer was last told (this instance); they hear again only when it improves. */
  private readonly told = new Map<string, number>();
  private queueWork: Promise<void> = Promise.resolve();

  constructor(private readonly deps: HandoffDeps) {
    this.settings = deps.settings;
    this.texts = deps.texts ?? DEFAULT_HANDOFF_TEXTS;
  }

  /** The customer needs a person: queue the conversation, or outside service hours keep it as a left message. */
  async request(conversation: Conversation, reason: HandoffReason, lang: Lang, replyToId?: string): Promise<HandoffResult> {
    const { repos, clock, settings } = this.deps;
    const now = clock.now();
    const open = settings.hours.isOpen(now);
    const queued = await repos.handoff.enqueue(conversation.id, { reason, at: now, leftMessage: !open });
    if (!queued) return { conversation: (await repos.conversations.get(conversation.id)) ?? conversation, replies: [] };
    const t = this.texts[lang];
    this.deps.logger.info({ conversationId: conversation.id, channel: conversation.channel, reason, leftMessage: !open }, 'handed off to people');
    if (!open) {
      const text = this.afterHours(lang, now, now);
      const reply = await this.system(queued, text, replyToId);
      await this.announce(queued, 'left-message');
      await this.notify((o) => o.handedOff(queued, reason));
      return { conversation: queued, replies: [reply] };
    }
    const position = await this.positionOf(queued.id);
    this.told.set(queued.id, position);
    const reply = await this.system(queued, t.queued(reason, position), replyToId);
    await this.announce(queued, 'queued');
    await this.notify((o) => o.handedOff(queued, reason));
    await this.queueChanged();
    return { conversation: (await repos.conversations.get(queued.id)) ?? queued, replies: [reply] };
  }

  /**
   * A customer wrote while waiting or talking to an agent: agents hear of it. A waiting customer who asks for a
   * person again, or whom the bot could not answer, is told where they stand: the place in the queue, or outside
   * service hours that the message is kept and when people are back.
   */
  async customerWrote(conversation: Conversation, heard: WaitingTurn | null): Promise<StoredMessage[]> {
    await this.announce(conversation, 'message');
    if (conversation.status !== 'queued' || heard === null || heard === 'answered') return [];
    const t = this.texts[conversation.lang];
    const now = this.deps.clock.now();
    const { hours } = this.deps.settings;
    if (!hours.isOpen(now)) {
      const back = hours.nextOpening(now);
      const when = back ? hours.formatMoment(back, now, conversation.lang) : null;
      const asked = heard === 'asked' ? this.afterHours(conversation.lang, now, conversation.leftMessageAt ?? now) : null;
      return [await this.system(conversation, asked ?? t.keptForLater(when))];
    }
    const position = await this.positionOf(conversation.id);
    if (!position) return [];
    this.told.set(conversation.id, position);
    return [await this.system(conversation, heard === 'asked' ? t.position(position) : t.passedOn(position))];
  }

  /** Tells the customer who is now serving them and lets agents know. */
  async assigned(conversation: Conversation, agent: User, change: ConversationChange, previousAssigneeId?: string | null): Promise<void> {
    const t = this.texts[conversation.lang];
    await this.system(conversation, change === 'transferred' ? t.transferred(agent.displayName) : t.assigned(agent.displayName));
    await this.announce(conversation, change, previousAssigneeId);
  }

  async closed(conversation: Conversation): Promise<void> {
    await this.system(conversation, this.texts[conversation.lang].closed);
    await this.announce(conversation, 'closed');
    await this.notify((o) => o.closed(conversation));
  }

  private async notify(work: (observer: HandoffObserver) => Promise<void>): Promise<void> {
    if (!this.deps.observer) return;
    try {
      await work(this.deps.observer);
    } catch (err) {
      this.deps.logger.error({ err }, 'handoff observer failed');
    }
  }

  announce(conversation: Conversation, change: ConversationChange, previousAssigneeId?: string | null): Promise<void> {
    return this.publish(conversationEvent(conversation, change, previousAssigneeId));
  }

  publish(event: AgentEvent): Promise<void> {
    return this.deps.feed.publish(AGENT_EVENTS_TOPIC, event);
  }

  /**
   * After anything that may move the queue (a conversation joined or left it, an agent came online or freed a
   * place): assign what the routing mode allows, then tell waiting customers whose place improved. One at a time;
   * failures are logged, not thrown: the change that triggered it has already happened.
   */
  queueChanged(): Promise<void> {
    this.queueWork = this.queueWork
      .then(async () => {
        await this.routeWaiting();
        await this.announcePositions();
      })
      .catch((err: unknown) => this.deps.logger.error({ err }, 'queue update failed'));
    return this.queueWork;
  }

  async positionOf(conversationId: string): Promise<number> {
    return (await this.deps.repos.handoff.listQueued()).findIndex((c) => c.id === conversationId) + 1;
  }

  private async routeWaiting(): Promise<void> {
    const { repos, clock, settings } = this.deps;
    const queue = await this.routeToHolders(await repos.handoff.listQueued());
    if (settings.routing === 'manual' || queue.length === 0) return;
    const [users, load] = await Promise.all([repos.users.list(), repos.handoff.activeLoad()]);
    const agents: AgentLoad[] = users.filter((u) => u.status === 'active').map((u) => ({
      id: u.id, presence: u.presence, load: load[u.id] ?? 0, capacity: u.capacity ?? settings.defaultCapacity, lastAssignedAt: u.lastAssignedAt,
    }));
    for (const waiting of queue) {
      const pick = pickAgent(settings.routing, agents);
      if (!pick) return;
      const now = clock.now();
      const claimed = await repos.handoff.claim(waiting.id, pick.id, now);
      if (!claimed) continue;
      pick.load += 1;
      pick.lastAssignedAt = now;
      const agent = await repos.users.update(pick.id, { lastAssignedAt: now });
      this.told.delete(waiting.id);
      await this.assigned(claimed, agent, 'assigned');
    }
  }

  /**
   * One customer, one agent: a conversation whose customer is already with an (active) agent goes straight to that
   * agent, in every routing mode and whatever their load. Returns the conversations still waiting.
   */
  private async routeToHolders(queue: Conversation[]): Promise<Conversation[]> {
    const { repos, clock } = this.deps;
    const waiting: Conversation[] = [];
    for (const conversation of queue) {
      const holderId = await holderOf(repos.conversations, conversation);
      const holder = holderId ? await repos.users.get(holderId) : null;
      const claimed = holder?.status === 'active' ? await repos.handoff.claim(conversation.id, holder.id, clock.now()) : null;
      if (!claimed || !holder) {
        waiting.push(conversation);
        continue;
      }
      this.told.delete(conversation.id);
      await this.assigned(claimed, holder, 'assigned');
    }
    return waiting;
  }

  private async announcePositions(): Promise<void> {
    const queue = await this.deps.repos.handoff.listQueued();
    const waiting = new Set(queue.map((c) => c.id));
    for (const id of [...this.told.keys()]) if (!waiting.has(id)) this.told.delete(id);
    for (const [i, conversation] of queue.entries()) {
      const told = this.told.get(conversation.id);
      this.told.set(conversation.id, i + 1);
      if (told !== undefined && i + 1 < told && !conversation.leftMessageAt) {
        await this.system(conversation, this.texts[conversation.lang].position(i + 1));
      }
    }
  }

  /** The after-hours notice, with the reply promised for a message left at `leftAt` (service-promise.ts). */
  private afterHours(lang: Lang, now: Date, leftAt: Date): string {
    const { hours, promise } = this.deps.settings;
    const back = hours.nextOpening(now);
    const promised = promise ? { within: promise.leftMessageWithin(lang), by: hours.formatMoment(promise.leftMessageDue(leftAt), now, lang) } : null;
    return this.texts[lang].afterHours(hours.describe(lang), back ? hours.formatMoment(back, now, lang) : null, promised);
  }

  private system(conversation: Conversation, text: string, replyToId?: string): Promise<StoredMessage> {
    return this.deps.feed.post(conversation, { author: 'system', kind: 'system', text, replyToId: replyToId ?? null });
  }
}
