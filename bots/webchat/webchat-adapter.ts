import type { ReceiveResult } from '../../core/conversation-service.js';
import type { InboundEvent, OutboundMessage } from '../../core/messages.js';
import type { Logger, PubSub } from '../../core/ports.js';
import { conversationTopic } from '../../core/views.js';
import type { ChannelAdapter, ChannelCapabilities, ChannelContext, ConversationReference } from '../channel-adapter.js';
import { WEBCHAT_CAPABILITIES } from './channel.js';
import { ChannelEdge } from '../channel-edge.js';
import { render } from '../render.js';
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
  private readonly edge: ChannelEdge;

  constructor(
    private readonly pubsub: PubSub,
    options: { maxTextLength?: number; logger: Logger; capabilities?: Partial<ChannelCapabilities> },
  ) {
    this.capabilities = { ...WEBCHAT_CAPABILITIES, ...options.capabilities, ...(options.maxTextLength ? { maxTextLength: options.maxTextLength } : {}) };
    // The HTTP and socket boundaries answer refusals; a resend gets its stored replies from core, so no dedupe here.
    this.edge = new ChannelEdge({ channel: 'webchat', logger: options.logger, redelivers: true, dedupe: false });
  }

  async start(ctx: ChannelContext): Promise<void> {
    this.edge.attach(ctx);
  }

  async receive(event: InboundEvent): Promise<ReceiveResult> {
    const result = await this.edge.receive(event);
    // Without dedupe and without an `answer`, the edge resolves or throws.
    if (!result) throw new Error('web chat edge resolved without a result');
    return result;
  }

  async send(ref: ConversationReference, message: OutboundMessage): Promise<void> {
    for (const part of render(message, this.capabilities)) {
      const payload: WebchatOutboundPublished = { type: 'outbound', message: encode(message, part) };
      await this.pubsub.publish(conversationTopic(ref.conversationId), payload);
    }
  }

  async stop(): Promise<void> {
    this.edge.detach();
  }
}

