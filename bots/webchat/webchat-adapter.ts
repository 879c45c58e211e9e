import type { OutboundMessage } from '../../core/messages.js';
import type { PubSub } from '../../core/ports.js';
import { conversationTopic } from '../../core/views.js';
import type { ChannelAdapter, ChannelCapabilities, ChannelContext, ConversationReference } from '../channel-adapter.js';
import { encode, type WebchatOutboundPublished } from './webchat-codec.js';

/**
 * Web chat as a ChannelAdapter. Inbound messages come through the HTTP router and the socket, which call core
 * directly because they answer with the stored replies; so `start` has nothing to listen to.
 *
 * Core already stores and publishes every customer, bot and agent message, and open sockets deliver those by seq.
 * `send` is only for messages core did NOT store: it publishes them to the conversation's open sockets as a
 * transient `notice` that is not in the transcript. Sending a stored message here as well would show it twice.
 */
export class WebchatAdapter implements ChannelAdapter {
  readonly channel = 'webchat' as const;
  readonly capabilities: ChannelCapabilities;

  constructor(
    private readonly pubsub: PubSub,
    options: { maxTextLength?: number } = {},
  ) {
    this.capabilities = { buttons: true, choices: true, images: false, maxTextLength: options.maxTextLength ?? 4000 };
  }

  async start(_ctx: ChannelContext): Promise<void> {}

  async send(ref: ConversationReference, message: OutboundMessage): Promise<void> {
    const payload: WebchatOutboundPublished = { type: 'outbound', message: encode(message) };
    await this.pubsub.publish(conversationTopic(ref.conversationId), payload);
  }

  async stop(): Promise<void> {}
}
