import { toOutboundMessage } from '../../core/outbound.js';
import type { Clock, DeliveryRepository, Logger, OutboundDelivery, Unsubscribe } from '../../core/ports.js';
import type { OutboundMessage } from '../../core/messages.js';
import type { ChannelId, Conversation, NewMessage, StoredMessage } from '../../core/types.js';
import type { ChannelCapabilities } from '../channel-adapter.js';

export interface OutboxDeliveryDeps {
  deliveries: DeliveryRepository;
  clock: Clock;
  logger: Logger;
  /** What each channel declares; one that is `selfDelivering` (web chat: its socket) gets no outbox rows. */
  capabilities(channel: ChannelId): Pick<ChannelCapabilities, 'selfDelivering'>;
}

/**
 * core's OutboundDelivery: every outbound message for a channel adapter is written to the outbox first, so it
 * survives a restart or an outage, and the worker (outbox-worker.ts) sends it. Never throws at the caller.
 */
export class OutboxDelivery implements OutboundDelivery {
  private readonly listeners = new Set<() => void>();

  constructor(private readonly deps: OutboxDeliveryDeps) {}

  private selfDelivering(channel: ChannelId): boolean {
    return this.deps.capabilities(channel).selfDelivering;
  }

  async deliver(conversation: Conversation, message: StoredMessage): Promise<void> {
    if (this.selfDelivering(conversation.channel)) return;
    try {
      await this.deps.deliveries.enqueue({
        message, channel: conversation.channel, payload: toOutboundMessage(message), at: this.deps.clock.now(),
      });
    } catch (err) {
      this.deps.logger.error({ channel: conversation.channel, conversationId: conversation.id, messageId: message.id, err }, 'could not queue a message for delivery');
      return;
    }
    this.queued();
  }

  outboxFor(conversation: Conversation, message: NewMessage): { channel: ChannelId; payload: OutboundMessage } | undefined {
    if (this.selfDelivering(conversation.channel)) return undefined;
    return { channel: conversation.channel, payload: toOutboundMessage(message) };
  }

  queued(): void {
    for (const listener of this.listeners) listener();
  }

  /** Called after each queued message; the worker uses it to send at once instead of at its next poll. */
  onQueued(listener: () => void): Unsubscribe {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
