import type { Clock, ConversationPatch, Logger, MessageRepository, OutboundDelivery, PubSub, TurnResult } from './ports.js';
import type { AuthorKind, Choice, Conversation, MessageKind, NewMessage, StoredMessage } from './types.js';
import { conversationTopic, toMessageView, type MessagePublished } from './views.js';

/** An outbound message to store: from the bot, an agent or the system. */
export interface OutboundDraft {
  author: Exclude<AuthorKind, 'customer'>;
  kind: MessageKind;
  text: string;
  faqId?: string | null;
  choices?: Choice[] | null;
  replyToId?: string | null;
  agentId?: string;
}

/** The one way a message reaches people: stored first, then shown to live viewers, then handed to the channel. */
export class ConversationFeed {
  constructor(
    private readonly messages: MessageRepository,
    private readonly pubsub: PubSub,
    private readonly delivery: OutboundDelivery,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  async post(conversation: Conversation, draft: OutboundDraft): Promise<StoredMessage> {
    const { message } = await this.messages.append(this.outbound(conversation.id, draft, this.clock.now()));
    await this.publishMessage(message);
    await this.delivery.deliver(conversation, message);
    return message;
  }

  /**
   * A customer message and its replies in one transaction (MessageRepository.storeTurn), outbox rows included when
   * the channel needs them; only after commit are they shown live and handed on. `conversation` is the state the
   * replies were decided on.
   */
  async storeTurn(
    conversation: Conversation, inbound: NewMessage | StoredMessage, drafts: OutboundDraft[], patch: ConversationPatch,
  ): Promise<TurnResult> {
    const at = this.clock.now();
    const replies = drafts.map((draft) => {
      const message = this.outbound(conversation.id, draft, at);
      const outbox = this.delivery.outboxFor?.(conversation, message);
      return outbox ? { message, outbox } : { message };
    });
    const result = await this.messages.storeTurn({
      conversationId: conversation.id, inbound, replies, patch, expect: { status: conversation.status, lastSeq: conversation.lastSeq }, at,
    });
    if (result.outcome !== 'stored') return result;
    if (!('id' in inbound)) await this.publishMessage(result.inbound);
    for (const [i, reply] of result.replies.entries()) {
      await this.publishMessage(reply);
      if (!replies[i]?.outbox) await this.delivery.deliver(conversation, reply);
    }
    if (replies.some((r) => r.outbox)) this.delivery.queued?.();
    return result;
  }

  private outbound(conversationId: string, draft: OutboundDraft, at: Date): NewMessage {
    return {
      conversationId, direction: 'outbound', author: draft.author, kind: draft.kind, text: draft.text,
      faqId: draft.faqId ?? null, choices: draft.choices ?? null, channelMessageId: null, replyToId: draft.replyToId ?? null,
      ...(draft.agentId ? { agentId: draft.agentId } : {}), createdAt: at,
    };
  }

  publishMessage(message: StoredMessage): Promise<void> {
    const payload: MessagePublished = { type: 'message', message: toMessageView(message) };
    return this.publish(conversationTopic(message.conversationId), payload);
  }

  async publish(topic: string, payload: unknown): Promise<void> {
    try {
      await this.pubsub.publish(topic, payload);
    } catch (cause) {
      // What was published is stored; live viewers catch up from storage when they reconnect.
      this.logger.warn({ topic, err: cause }, 'publish failed');
    }
  }
}
