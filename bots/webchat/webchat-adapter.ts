import type { ReceiveResult } from '../../core/conversation-service.js';
import { DomainError } from '../../core/errors.js';
import type { InboundEvent, OutboundMessage } from '../../core/messages.js';
import type { PubSub } from '../../core/ports.js';
import { conversationTopic } from '../../core/views.js';
import type { ChannelAdapter, ChannelCapabilities, ChannelContext, ConversationReference } from '../channel-adapter.js';
import { encode, type WebchatOutboundPublished } from './webchat-codec.js';

/** How the router and the socket hand a visitor's message to core: through the running adapter. */
export type WebchatInbound = Pick<WebchatAdapter, 'receive'>;

/**
 * Web chat as a ChannelAdapter. The HTTP router and the socket decode the visitor's messages and hand them to
 * `receive`, which goes through the `ChannelContext` like every other channel's platform events; they answer with the
 * stored replies it resolves with.
 *
 * Core already stores and publishes every customer, bot and agent message, and open sockets deliver those by seq.
 * `send` is only for messages core did NOT store: it publishes them to the conversation's open sockets as a
 * transient `notice` that is not in the transcript. Sending a stored message here as well would show it twice.
 */
export class WebchatAdapter implements ChannelAdapter {
  readonly channel = 'webchat' as const;
  readonly capabilities: ChannelCapabilities;
  private ctx: ChannelContext | undefined;

  constructor(
    private readonly pubsub: PubSub,
    options: { maxTextLength?: number } = {},
  ) {
    this.capabilities = { buttons: true, choices: true, images: false, maxTextLength: options.maxTextLength ?? 4000 };
  }

  async start(ctx: ChannelContext): Promise<void> {
    this.ctx = ctx;
  }

  async receive(event: InboundEvent): Promise<ReceiveResult> {
    if (!this.ctx) {
      throw new DomainError('unavailable', 'web chat is not started', { userMessage: 'The chat is not available right now. Please try again shortly.' });
    }
    return this.ctx.receive(event);
  }

  async send(ref: ConversationReference, message: OutboundMessage): Promise<void> {
    const payload: WebchatOutboundPublished = { type: 'outbound', message: encode(message) };
    await this.pubsub.publish(conversationTopic(ref.conversationId), payload);
  }

  async stop(): Promise<void> {
    this.ctx = undefined;
  }
}
