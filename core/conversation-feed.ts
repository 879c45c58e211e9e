import type { Clock, Logger, MessageRepository, OutboundDelivery, PubSub } from './ports.js';
import type { AuthorKind, Choice, Conversation, MessageKind, StoredMessage } from './types.js';
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
    const { message } = await this.messages.append({
      conversationId: conversation.id, direction: 'outbound', author: draft.author, kind: draft.kind, text: draft.text,
      faqId: draft.faqId ?? null, choices: draft.choices ?? null, channelMessageId: null, replyToId: draft.replyToId ?? null,
      ...(draft.agentId ? { agentId: draft.agentId } : {}), createdAt: this.clock.now(),
    });
    await this.publishMessage(message);
    await this.delivery.deliver(conversation, message);
    return message;
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
