import { DomainError } from './errors.js';
import type { InboundEvent, ChannelSender } from './messages.js';
import type { BotTurnObserver, Clock, CustomerTextHandler, Logger, Repositories } from './ports.js';
import type { BotTexts } from './replies.js';
import type { ChannelId, Conversation, HandoffReason, Lang, NewMessage, StoredMessage } from './types.js';
import type { KnowledgeBase } from './knowledge-base.js';
import { BotResponder, type BotOutcome, type BotReply } from './bot-responder.js';
import { detectLang } from './matching/index.js';
import type { ConversationFeed } from './conversation-feed.js';
import type { HandoffService, HandoffResult } from './handoff/handoff-service.js';
import { detectHandoffTrigger } from './handoff/handoff-triggers.js';

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
  /** Told what the bot made of each matched message (collects what it could not answer). */
  observer?: BotTurnObserver;
  /** Sees customer text before handoff triggers and FAQ matching (survey answers, "my ticket"). */
  textHandler?: CustomerTextHandler;
}

export interface ReceiveResult {
  conversation: Conversation;
  message: StoredMessage;
  replies: StoredMessage[];
  duplicate: boolean;
}

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

  constructor(deps: ConversationServiceDeps) {
    ({ repos: this.repos, feed: this.feed, clock: this.clock, logger: this.logger, settings: this.settings, handoff: this.handoff } = deps);
    this.responder = new BotResponder(deps.knowledge, deps.repos.messages, deps.texts);
    this.observer = deps.observer;
    this.textHandler = deps.textHandler;
  }

  async startConversation(input: { channel: ChannelId; sender: ChannelSender; lang?: Lang }): Promise<Conversation> {
    const customer = await this.repos.customers.findOrCreateByIdentity(input.channel, input.sender.externalId, input.sender.displayName);
    const conversation = await this.repos.conversations.create({ customerId: customer.id, channel: input.channel, lang: input.lang ?? 'zh' });
    this.logger.info({ channel: input.channel, conversationId: conversation.id }, 'conversation started');
    return conversation;
  }

  async getConversation(id: string): Promise<Conversation> {
    const conversation = await this.repos.conversations.get(id);
    if (!conversation) throw new DomainError('not_found', `conversation ${id} not found`, { userMessage: 'Conversation not found' });
    return conversation;
  }

  async transcript(conversationId: string, options: { afterSeq?: number } = {}): Promise<StoredMessage[]> {
    await this.getConversation(conversationId);
    return this.repos.messages.listByConversation(conversationId, options);
  }

  async receive(event: InboundEvent): Promise<ReceiveResult> {
    const text = this.customerText(event);
    let conversation = await this.resolveConversation(event);
    const { message, duplicate } = await this.repos.messages.append(this.inbound(conversation, event, text));
    if (duplicate) {
      if (message.conversationId !== conversation.id) {
        throw new DomainError('conflict', `channel message id reused in another conversation`, { userMessage: 'This message id was already used' });
      }
      return { conversation, message, replies: await this.repos.messages.listReplies(message.id), duplicate };
    }
    await this.feed.publishMessage(message);
    if (event.channelRef && event.channelRef !== conversation.channelRef) {
      conversation = await this.repos.conversations.update(conversation.id, { channelRef: event.channelRef });
    }
    if (conversation.status === 'closed') conversation = await this.repos.conversations.update(conversation.id, { status: 'bot', closedAt: null });
    // Text without letters ("2", "👍") says nothing about the language: keep the conversation's.
    const lang = event.type === 'text' && /\p{L}/u.test(text) ? detectLang(text) : conversation.lang;
    const handled = await this.intercept(conversation, event, text, lang);
    if (handled) {
      if (conversation.status !== 'bot') await this.handoff?.customerWrote(conversation, null);
      return { conversation, message, replies: await this.storeReplies(conversation, message, handled), duplicate };
    }
    const trigger = this.handoff && event.type === 'text' ? detectHandoffTrigger(text) : null;
    if (conversation.status !== 'bot') {
      // Queued or with an agent: the bot stays quiet; agents see the message live.
      const replies = this.handoff ? await this.handoff.customerWrote(conversation, trigger) : [];
      return { conversation, message, replies, duplicate };
    }

    if (this.handoff && trigger) return { ...(await this.handOff(this.handoff, conversation, trigger, lang, message)), message, duplicate };
    const outcome = await this.responder.respond(conversation, event, lang);
    if (outcome.match) await this.observe(conversation, message, lang, outcome.match);
    const fallbackStreak = outcome.fallback ? conversation.fallbackStreak + 1 : outcome.answered ? 0 : conversation.fallbackStreak;
    const limit = this.handoff?.settings.fallbackLimit ?? 0;
    if (this.handoff && outcome.fallback && limit > 0 && fallbackStreak >= limit) {
      return { ...(await this.handOff(this.handoff, conversation, 'fallbacks', lang, message)), message, duplicate };
    }
    const replies = await this.storeReplies(conversation, message, outcome.replies);
    conversation = await this.repos.conversations.update(conversation.id, { lang, fallbackStreak });
    return { conversation, message, replies, duplicate };
  }

  private async observe(conversation: Conversation, message: StoredMessage, lang: Lang, match: NonNullable<BotOutcome['match']>): Promise<void> {
    if (!this.observer) return;
    try {
      await this.observer.observe({ conversationId: conversation.id, channel: conversation.channel, messageId: message.id, text: message.text, lang, ...match, at: message.createdAt });
    } catch (err) {
      // Learning from the turn must never cost the customer the reply.
      this.logger.warn({ conversationId: conversation.id, err }, 'bot turn not recorded');
    }
  }

  /** Survey answers and ticket questions; a failure there must never cost the customer the usual reply. */
  private async intercept(conversation: Conversation, event: InboundEvent, text: string, lang: Lang): Promise<BotReply[] | null> {
    if (!this.textHandler || event.type !== 'text') return null;
    try {
      return await this.textHandler.handle({ conversation, text, lang });
    } catch (err) {
      this.logger.warn({ conversationId: conversation.id, err }, 'customer text handler failed');
      return null;
    }
  }

  private async handOff(handoff: HandoffService, conversation: Conversation, reason: HandoffReason, lang: Lang, inbound: StoredMessage): Promise<HandoffResult> {
    const current = conversation.lang === lang ? conversation : await this.repos.conversations.update(conversation.id, { lang });
    return handoff.request(current, reason, lang, inbound.id);
  }

  private customerText(event: InboundEvent): string {
    switch (event.type) {
      case 'text': {
        const text = event.text.trim();
        if (!text) throw new DomainError('invalid_input', 'message text is empty', { userMessage: 'Message text must not be empty' });
        if (text.length > this.settings.maxTextLength) {
          throw new DomainError('invalid_input', `message text has ${text.length} characters`, {
            userMessage: `Message text must be at most ${this.settings.maxTextLength} characters`,
          });
        }
        return text;
      }
      case 'choice':
        return `[choice ${event.faqId}]`;
      case 'attachment':
        return `[${event.attachment.kind}${event.attachment.name ? ` ${event.attachment.name}` : ''}]${event.caption ? ` ${event.caption}` : ''}`;
      case 'unsupported':
        return `[unsupported: ${event.description}]`;
    }
  }

  private async resolveConversation(event: InboundEvent): Promise<Conversation> {
    if (event.conversationId) {
      const conversation = await this.getConversation(event.conversationId);
      if (conversation.channel !== event.channel) throw new DomainError('forbidden', 'conversation belongs to another channel');
      return conversation;
    }
    const customer = await this.repos.customers.findOrCreateByIdentity(event.channel, event.sender.externalId, event.sender.displayName);
    return (await this.repos.conversations.findOpen(customer.id, event.channel)) ??
      this.repos.conversations.create({ customerId: customer.id, channel: event.channel });
  }

  private inbound(conversation: Conversation, event: InboundEvent, text: string): NewMessage {
    return {
      conversationId: conversation.id, direction: 'inbound', author: 'customer', kind: 'text', text,
      faqId: event.type === 'choice' ? event.faqId : null, choices: null,
      channelMessageId: event.channelMessageId ?? null, replyToId: null, createdAt: this.clock.now(),
      ...(event.type === 'attachment' ? { attachments: [event.attachment] } : {}),
    };
  }

  private async storeReplies(conversation: Conversation, inbound: StoredMessage, replies: BotReply[]): Promise<StoredMessage[]> {
    const stored: StoredMessage[] = [];
    for (const reply of replies) {
      stored.push(await this.feed.post(conversation, { author: 'bot', ...reply, replyToId: inbound.id }));
    }
    return stored;
  }
}
