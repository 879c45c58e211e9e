import { DomainError } from './errors.js';
import { commandText, type ChannelSender, type CustomerCommand, type InboundEvent } from './messages.js';
import type { BotTurnObserver, Clock, ConversationPatch, CustomerCommandHandler, CustomerTextHandler, Logger, Repositories } from './ports.js';
import { DEFAULT_BOT_TEXTS, type BotTexts } from './replies.js';
import type { ChannelId, Conversation, HandoffReason, Lang, NewMessage, StoredMessage } from './types.js';
import type { KnowledgeBase } from './knowledge-base.js';
import { BotResponder, type BotOutcome, type BotReply } from './bot-responder.js';
import { detectLang } from './matching/index.js';
import type { ConversationFeed } from './conversation-feed.js';
import { ConversationCache } from './conversation-cache.js';
import type { HandoffService } from './handoff/handoff-service.js';
import { detectHandoffTrigger, type HandoffTrigger } from './handoff/handoff-triggers.js';
import type { WaitingTurn } from './handoff/handoff-service.js';
import { KeyedLock } from './keyed-lock.js';
import { eventFromStored } from './stored-event.js';
import { checkMessageText } from './text-rules.js';
import type { OrderTurn, OrderTurnHandler } from './orders/order-ports.js';

export interface ConversationSettings {
  maxTextLength: number;
}

export interface ConversationServiceDeps {
  repos: Repositories;
  knowledge: KnowledgeBase;
  /** Stores, publishes and delivers every outbound message; shared with the handoff and ticket services. */
  feed: ConversationFeed;
  clock: Clock;
  logger: Logger;
  settings: ConversationSettings;
  texts?: Record<Lang, BotTexts>;
  /** Without it the bot keeps every conversation (no triggers, no queue). */
  handoff?: HandoffService;
  /** Told what the bot made of each matched message (collects what it could not answer); must not block. */
  observer?: BotTurnObserver;
  /** Sees customer text before handoff triggers and FAQ matching (survey answers, "my ticket"). */
  textHandler?: CustomerTextHandler;
  /** Answers the commands core leaves to a feature (`ticket`); without it /ticket gets the help text. */
  commands?: CustomerCommandHandler;
  /** Conversations this process knows; one is made (without cross-instance invalidation) when absent. */
  cache?: ConversationCache;
  /** Order questions, after handoff triggers and before FAQ matching, while the bot holds the conversation. */
  orders?: OrderTurnHandler;
  /** Reads each stored customer message off the reply path (abusive words are flagged for supervisors). */
  watcher?: CustomerMessageWatcher;
}

export interface CustomerMessageWatcher {
  customerMessage(message: StoredMessage): Promise<unknown>;
}

export interface ReceiveResult {
  conversation: Conversation;
  message: StoredMessage;
  replies: StoredMessage[];
  duplicate: boolean;
}

/** What to store with a customer message, decided on one state of the conversation. */
type Decision =
  | { kind: 'reply'; replies: BotReply[]; patch: ConversationPatch; match?: BotOutcome['match'] }
  /** Stored alone; then the conversation goes to people. */
  | { kind: 'handoff'; reason: HandoffReason; patch: ConversationPatch }
  /**
   * Queued (live or as a left message) or with an agent; agents hear of it. While the customer waits the bot still
   * answers what it knows; with an agent it stays quiet (a survey or ticket answer aside).
   */
  | { kind: 'people'; replies: BotReply[]; heard: WaitingTurn | null; patch: ConversationPatch };

/**
 * A stale answer means another instance wrote to the conversation at that moment (this one takes a conversation's
 * messages one at a time); this many tries is plenty.
 */
const MAX_ATTEMPTS = 20;

/** Records every customer message and lets the bot answer while the conversation is the bot's. */
export class ConversationService {
  private readonly responder: BotResponder;
  private readonly repos: Repositories;
  private readonly feed: ConversationFeed;
  private readonly handoff: HandoffService | undefined;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly settings: ConversationSettings;
  private readonly observer: BotTurnObserver | undefined;
  private readonly textHandler: CustomerTextHandler | undefined;
  private readonly commands: CustomerCommandHandler | undefined;
  private readonly texts: Record<Lang, BotTexts>;
  private readonly cache: ConversationCache;
  private readonly watcher: CustomerMessageWatcher | undefined;
  private readonly orders: OrderTurnHandler | undefined;
  /** One customer message per conversation at a time in this process: each is decided on the one before it. */
  private readonly turns = new KeyedLock();

  constructor(deps: ConversationServiceDeps) {
    ({ repos: this.repos, feed: this.feed, clock: this.clock, logger: this.logger, settings: this.settings, handoff: this.handoff } = deps);
    this.responder = new BotResponder(deps.knowledge, deps.repos.messages, deps.texts);
    this.observer = deps.observer;
    this.textHandler = deps.textHandler;
    this.commands = deps.commands;
    this.texts = deps.texts ?? DEFAULT_BOT_TEXTS;
    this.watcher = deps.watcher;
    this.orders = deps.orders;
    this.cache = deps.cache ?? new ConversationCache(deps.repos.conversations);
  }

  async startConversation(input: { channel: ChannelId; sender: ChannelSender; lang?: Lang }): Promise<Conversation> {
    const customer = await this.repos.customers.findOrCreateByIdentity(input.channel, input.sender.externalId, input.sender.displayName);
    const conversation = await this.repos.conversations.create({ customerId: customer.id, channel: input.channel, lang: input.lang ?? 'zh' });
    this.cache.set(conversation);
    this.logger.debug({ channel: input.channel, conversationId: conversation.id }, 'conversation started');
    return conversation;
  }

  async getConversation(id: string): Promise<Conversation> {
    const conversation = await this.repos.conversations.get(id);
    if (!conversation) throw notFound(id);
    return conversation;
  }

  async transcript(conversationId: string, options: { afterSeq?: number } = {}): Promise<StoredMessage[]> {
    await this.getConversation(conversationId);
    return this.repos.messages.listByConversation(conversationId, options);
  }

  async receive(event: InboundEvent): Promise<ReceiveResult> {
    const text = this.customerText(event);
    const first = await this.resolveConversation(event);
    return this.turns.run(first.id, async () => this.process((await this.cache.get(first.id)) ?? first, event, text, null));
  }

  /**
   * Answers customer messages that were stored but never answered (the process died between storing one and
   * answering it): each gets the bot's answer now, or goes to people, as it would have then. Returns how many.
   */
  async answerUnanswered(window: { since: Date; before: Date; limit?: number }): Promise<number> {
    const pending = await this.repos.messages.listUnanswered({ ...window, limit: window.limit ?? 100 });
    let answered = 0;
    for (const message of pending) {
      try {
        const result = await this.turns.run(message.conversationId, async () => {
          const conversation = await this.cache.reload(message.conversationId);
          if (!conversation || conversation.status !== 'bot') return null;
          return this.process(conversation, eventFromStored(message, conversation), message.text, message);
        });
        if (!result) continue;
        if (result.replies.length > 0 || result.conversation.status !== 'bot') answered += 1;
      } catch (err) {
        this.logger.error({ conversationId: message.conversationId, messageId: message.id, err }, 'could not answer a stored message');
      }
    }
    if (answered > 0) this.logger.warn({ answered }, 'answered customer messages left unanswered by an interrupted process');
    return answered;
  }

  /** Decides, stores in one transaction, then tells people; decides again when the conversation moved meanwhile. */
  private async process(start: Conversation, event: InboundEvent, text: string, stored: StoredMessage | null): Promise<ReceiveResult> {
    let conversation = start;
    // Survey and ticket answers have effects of their own, so they are asked once, on the state first seen.
    let intercepted: BotReply[] | null | undefined;
    // An order turn counts attempts and may open a ticket: also asked once.
    let ordered: OrderTurn | null | undefined;
    for (let attempt = 1; ; attempt += 1) {
      const open = reopened(conversation, event);
      const lang = languageOf(event, text, conversation);
      intercepted ??= await this.intercept(open, event, text, lang);
      const askOrders = async () => (ordered ??= await this.orderTurn(open, event, text, lang));
      const decision = await this.decide(open, event, text, lang, intercepted, askOrders);
      const inbound: NewMessage | StoredMessage = stored ?? this.inbound(conversation, event, text);
      const drafts = decision.kind === 'handoff' ? [] : decision.replies.map((r) => ({ author: 'bot' as const, ...r }));
      const result = await this.feed.storeTurn(conversation, inbound, drafts, { ...open.patch, ...decision.patch });
      if (result.outcome === 'duplicate') return this.duplicate(conversation, event, text, result.inbound);
      if (result.outcome === 'stale') {
        if (attempt >= MAX_ATTEMPTS) throw new DomainError('unavailable', `conversation ${conversation.id} kept changing`, { userMessage: 'Please send your message again.' });
        conversation = (await this.refresh(conversation, event)) ?? conversation;
        if (stored) {
          const replies = await this.repos.messages.listReplies(stored.id);
          if (replies.length > 0 || conversation.status !== 'bot') return { conversation, message: stored, replies, duplicate: true };
        }
        continue;
      }
      const now: Conversation = { ...conversation, ...open.patch, ...decision.patch, lastSeq: result.lastSeq, updatedAt: this.clock.now() };
      this.cache.set(now);
      return this.afterCommit(now, decision, result.inbound, result.replies, lang, stored !== null);
    }
  }

  private async decide(
    conversation: Conversation & { reopen: boolean }, event: InboundEvent, text: string, lang: Lang, intercepted: BotReply[] | null,
    askOrders: () => Promise<OrderTurn | null>,
  ): Promise<Decision> {
    if (event.type === 'command') return this.decideCommand(conversation, event.command, lang, intercepted);
    const trigger = this.handoff && event.type === 'text' ? detectHandoffTrigger(text) : null;
    if (conversation.status === 'queued') return this.whileWaiting(conversation, event, lang, intercepted, trigger);
    if (conversation.status !== 'bot') return { kind: 'people', replies: intercepted ?? [], heard: null, patch: {} };
    if (intercepted) return { kind: 'reply', replies: intercepted, patch: {} };
    if (this.handoff && trigger) return { kind: 'handoff', reason: trigger, patch: { lang } };
    const order = await askOrders();
    if (order?.kind === 'reply') return { kind: 'reply', replies: order.replies, patch: { lang, fallbackStreak: 0 } };
    if (order?.kind === 'handoff' && this.handoff) return { kind: 'handoff', reason: 'order_check', patch: { lang } };
    const outcome = await this.responder.respond(conversation, event, lang);
    const fallbackStreak = outcome.fallback ? conversation.fallbackStreak + 1 : outcome.answered ? 0 : conversation.fallbackStreak;
    const limit = this.handoff?.settings.fallbackLimit ?? 0;
    if (this.handoff && outcome.fallback && limit > 0 && fallbackStreak >= limit) return { kind: 'handoff', reason: 'fallbacks', patch: { lang } };
    return { kind: 'reply', replies: outcome.replies, patch: { lang, fallbackStreak }, ...(outcome.match ? { match: outcome.match } : {}) };
  }

  /** A command is answered in the conversation's language; it never goes through language detection or FAQ matching. */
  private decideCommand(conversation: Conversation, command: CustomerCommand, lang: Lang, handled: BotReply[] | null): Decision {
    const t = this.texts[lang];
    const withBot = conversation.status === 'bot';
    if (command === 'human') {
      if (!withBot) return { kind: 'people', replies: [], heard: 'asked', patch: {} };
      if (this.handoff) return { kind: 'handoff', reason: 'request', patch: { lang } };
      return { kind: 'reply', replies: [{ kind: 'system', text: t.noAgents }], patch: { lang } };
    }
    if (command === 'start') {
      return withBot ? { kind: 'reply', replies: [{ kind: 'smalltalk', text: t.greeting }], patch: { lang } } : { kind: 'people', replies: [], heard: null, patch: {} };
    }
    const replies = handled ?? [{ kind: 'system' as const, text: t.help }];
    return withBot ? { kind: 'reply', replies, patch: { lang } } : { kind: 'people', replies, heard: null, patch: {} };
  }

  /** A waiting customer still gets the bot's answers; asking for a person again, or stumping the bot, gets where they stand. */
  private async whileWaiting(conversation: Conversation, event: InboundEvent, lang: Lang, intercepted: BotReply[] | null, trigger: HandoffTrigger | null): Promise<Decision> {
    if (intercepted) return { kind: 'people', replies: intercepted, heard: 'answered', patch: {} };
    if (trigger) return { kind: 'people', replies: [], heard: 'asked', patch: { lang } };
    const outcome = await this.responder.respond(conversation, event, lang);
    if (outcome.fallback) return { kind: 'people', replies: [], heard: 'unanswered', patch: { lang } };
    return { kind: 'people', replies: outcome.replies, heard: 'answered', patch: { lang } };
  }

  private async afterCommit(
    conversation: Conversation, decision: Decision, message: StoredMessage, replies: StoredMessage[], lang: Lang, late: boolean,
  ): Promise<ReceiveResult> {
    const duplicate = late;
    if (!late && this.watcher) {
      this.watcher.customerMessage(message).catch((err: unknown) => this.logger.warn({ conversationId: conversation.id, err }, 'customer message not checked'));
    }
    switch (decision.kind) {
      case 'reply':
        if (decision.match) this.observe(conversation, message, lang, decision.match);
        return { conversation, message, replies, duplicate };
      case 'people': {
        const more = this.handoff ? await this.handoff.customerWrote(conversation, decision.heard) : [];
        return { conversation, message, replies: [...replies, ...more], duplicate };
      }
      case 'handoff': {
        const handoff = this.handoff;
        if (!handoff) return { conversation, message, replies, duplicate };
        const result = await handoff.request(conversation, decision.reason, lang, message.id);
        this.cache.forget(conversation.id);
        const answers = result.replies.length > 0 ? result.replies : await this.repos.messages.listReplies(message.id);
        return { conversation: result.conversation, message, replies: answers, duplicate };
      }
    }
  }

  /**
   * A re-delivered message: what was stored for it. One stored but never answered (the process died in between)
   * is answered now, so a retry never comes back empty while the bot holds the conversation.
   */
  private async duplicate(conversation: Conversation, event: InboundEvent, text: string, stored: StoredMessage): Promise<ReceiveResult> {
    if (stored.conversationId !== conversation.id) {
      throw new DomainError('conflict', `channel message id reused in another conversation`, { userMessage: 'This message id was already used' });
    }
    const replies = await this.repos.messages.listReplies(stored.id);
    if (replies.length > 0 || stored.author !== 'customer') return { conversation, message: stored, replies, duplicate: true };
    const fresh = (await this.cache.reload(conversation.id)) ?? conversation;
    if (fresh.status !== 'bot') return { conversation: fresh, message: stored, replies, duplicate: true };
    this.logger.warn({ conversationId: fresh.id, messageId: stored.id }, 'answering a stored message that was never answered');
    return this.process(fresh, event, text, stored);
  }

  private observe(conversation: Conversation, message: StoredMessage, lang: Lang, match: NonNullable<BotOutcome['match']>): void {
    if (!this.observer) return;
    // Learning from the turn must never hold up or cost the customer the reply; the observer queues it.
    this.observer.observe({ conversationId: conversation.id, channel: conversation.channel, messageId: message.id, text: message.text, lang, ...match, at: message.createdAt })
      .catch((err: unknown) => this.logger.warn({ conversationId: conversation.id, err }, 'bot turn not recorded'));
  }

  /** Survey answers, ticket questions and commands; a failure there must never cost the customer the usual reply. */
  private async intercept(conversation: Conversation, event: InboundEvent, text: string, lang: Lang): Promise<BotReply[] | null> {
    const handle = event.type === 'command'
      ? this.commands && (() => this.commands!.command({ conversation, command: event.command, lang }))
      : event.type === 'text' ? this.textHandler && (() => this.textHandler!.handle({ conversation, text, lang })) : undefined;
    if (!handle) return null;
    try {
      const replies = await handle();
      return replies && replies.length > 0 ? replies : null;
    } catch (err) {
      this.logger.warn({ conversationId: conversation.id, err }, 'customer text handler failed');
      return null;
    }
  }

  /** Order questions; a failure there (the store unreachable aside, which it answers itself) falls back to the FAQ. */
  private async orderTurn(conversation: Conversation, event: InboundEvent, text: string, lang: Lang): Promise<OrderTurn | null> {
    if (!this.orders || event.type !== 'text' || conversation.status !== 'bot') return null;
    try {
      return await this.orders.handle({ conversation, text, lang });
    } catch (err) {
      this.logger.warn({ conversationId: conversation.id, err }, 'order question handler failed');
      return null;
    }
  }

  private customerText(event: InboundEvent): string {
    switch (event.type) {
      case 'text':
        return checkMessageText(event.text, this.settings.maxTextLength);
      case 'choice':
        return `[choice ${event.faqId}]`;
      case 'attachment':
        return `[${event.attachment.kind}${event.attachment.name ? ` ${event.attachment.name}` : ''}]${event.caption ? ` ${event.caption}` : ''}`;
      case 'unsupported':
        return `[unsupported: ${event.description}]`;
      case 'command':
        return event.label ? checkMessageText(event.label, this.settings.maxTextLength) : commandText(event.command);
    }
  }

  private async resolveConversation(event: InboundEvent): Promise<Conversation> {
    if (event.conversationId) {
      const conversation = await this.cache.get(event.conversationId);
      if (!conversation) throw notFound(event.conversationId);
      if (conversation.channel !== event.channel) throw new DomainError('forbidden', 'conversation belongs to another channel');
      return conversation;
    }
    const known = await this.cache.forIdentity(event.channel, event.sender.externalId);
    if (known) return known;
    const customer = await this.repos.customers.findOrCreateByIdentity(event.channel, event.sender.externalId, event.sender.displayName);
    const conversation = (await this.repos.conversations.findOpen(customer.id, event.channel)) ??
      (await this.repos.conversations.create({ customerId: customer.id, channel: event.channel }));
    this.cache.rememberIdentity(event.channel, event.sender.externalId, conversation);
    return conversation;
  }

  /** After a 'stale' answer: the conversation as stored; a closed one on a channel without ids means a new one. */
  private async refresh(conversation: Conversation, event: InboundEvent): Promise<Conversation | null> {
    const fresh = await this.cache.reload(conversation.id);
    if (!fresh) throw notFound(conversation.id);
    if (fresh.status === 'closed' && !event.conversationId) {
      this.cache.forgetIdentity(event.channel, event.sender.externalId);
      return this.resolveConversation(event);
    }
    return fresh;
  }

  private inbound(conversation: Conversation, event: InboundEvent, text: string): NewMessage {
    return {
      conversationId: conversation.id, direction: 'inbound', author: 'customer', kind: 'text', text,
      faqId: event.type === 'choice' ? event.faqId : null, choices: null,
      channelMessageId: event.channelMessageId ?? null, replyToId: null, createdAt: this.clock.now(),
      ...(event.type === 'attachment' ? { attachments: [event.attachment] } : {}),
    };
  }
}

/**
 * The language to answer in: detected from a text with letters; for a command, the platform's hint while the
 * conversation is new; otherwise the conversation's.
 */
function languageOf(event: InboundEvent, text: string, conversation: Conversation): Lang {
  if (event.type === 'text') return /\p{L}/u.test(text) ? detectLang(text) : conversation.lang;
  if (event.type === 'command' && event.lang && conversation.lastSeq === 0) return event.lang;
  return conversation.lang;
}

/** A closed conversation the customer writes to is the bot's again; the channel reference follows the customer. */
function reopened(conversation: Conversation, event: InboundEvent): Conversation & { reopen: boolean; patch: ConversationPatch } {
  const patch: ConversationPatch = {};
  if (event.channelRef && event.channelRef !== conversation.channelRef) patch.channelRef = event.channelRef;
  const reopen = conversation.status === 'closed';
  if (reopen) Object.assign(patch, { status: 'bot', closedAt: null });
  return { ...conversation, ...patch, reopen, patch };
}

const notFound = (id: string) => new DomainError('not_found', `conversation ${id} not found`, { userMessage: 'Conversation not found' });
