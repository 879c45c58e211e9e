import type { ZodType } from 'zod';
import type { ReceiveResult } from '../core/conversation-service.js';
import { DomainError, isDomainError } from '../core/errors.js';
import type { InboundEvent } from '../core/messages.js';
import type { Logger } from '../core/ports.js';
import type { ChannelId } from '../core/types.js';
import type { ChannelContext, ConversationReference } from './channel-adapter.js';
import { ChannelError, describeFailure } from './channel-errors.js';
import { RecentIds } from './recent-ids.js';

export interface ChannelEdgeOptions {
  channel: ChannelId;
  logger: Logger;
  /**
   * The platform delivers an event again when handling it fails (a webhook answered 5xx, a poll offset not moved):
   * failures are rethrown so that happens. Where it does not (WeChat's event stream), they are logged and swallowed.
   */
  redelivers: boolean;
  /**
   * Tells the customer, on their own platform, why their message was refused (invalid input). Absent where the
   * caller's own boundary answers (web chat: the HTTP error response); the error is then rethrown.
   */
  answer?(event: InboundEvent, text: string): Promise<void>;
  /** Drops re-deliveries by `channelMessageId` before core (false where core's stored-message check must answer them). */
  dedupe?: boolean;
}

/**
 * The one way a channel's customer events reach core: re-deliveries dropped, core asked, invalid input answered to the
 * customer, any other failure logged with channel and conversation and rethrown or swallowed as the platform needs.
 */
export class ChannelEdge {
  private readonly seen: RecentIds | undefined;
  private readonly logger: Logger;
  private ctx: ChannelContext | undefined;

  constructor(private readonly options: ChannelEdgeOptions) {
    this.seen = options.dedupe === false ? undefined : new RecentIds();
    this.logger = options.logger.child({ channel: options.channel });
  }

  get running(): boolean {
    return this.ctx !== undefined;
  }

  attach(ctx: ChannelContext): void {
    this.ctx = ctx;
  }

  detach(): void {
    this.ctx = undefined;
  }

  /** Null when the event was a re-delivery, or was refused and the customer told why. */
  async receive(event: InboundEvent): Promise<ReceiveResult | null> {
    const key = event.channelMessageId;
    if (key && this.seen && !this.seen.add(key)) return null;
    try {
      const ctx = this.ctx;
      if (!ctx) throw notRunning(this.options.channel);
      return await ctx.receive(event);
    } catch (error) {
      if (isDomainError(error) && error.code === 'invalid_input' && this.options.answer) {
        await this.options.answer(event, error.userMessage)
          .catch((err: unknown) => this.logger.warn({ conversationId: event.conversationId, reason: describeFailure(err) }, 'could not tell the customer why a message was refused'));
        return null;
      }
      if (key) this.seen?.delete(key);
      const fields = { conversationId: event.conversationId, channelMessageId: key, err: error };
      const rethrown = this.options.redelivers || !this.options.answer;
      // An outage refusal that goes back to the platform is reported once, by the boundary that answers it (503).
      if (rethrown && isDomainError(error) && error.code === 'unavailable') this.logger.debug(fields, 'customer message refused: unavailable');
      else if (isDomainError(error) && error.code !== 'internal') this.logger.warn(fields, 'customer message refused');
      else this.logger.error(fields, 'customer message could not be handled');
      if (rethrown) throw error;
      return null;
    }
  }
}

const notRunning = (channel: ChannelId): DomainError =>
  new DomainError('unavailable', `the ${channel} channel is not running`, { userMessage: 'This channel is starting. Please try again shortly.' });

/**
 * The stored `channelRef` of a conversation, read with the channel's schema. A reference that does not parse can
 * never be sent to: one permanent failure, no retries. Without one, `fallback` (built from the customer's id) is used.
 */
export function parseReference<T>(channel: ChannelId, schema: ZodType<T>, ref: ConversationReference, fallback?: () => unknown): T {
  const corrupt = (why: string) => new ChannelError(channel, `stored reference of conversation ${ref.conversationId} ${why}`, { permanent: true });
  let json: unknown;
  if (ref.channelRef === undefined) {
    if (!fallback) throw corrupt('is missing');
    json = fallback();
  } else {
    try {
      json = JSON.parse(ref.channelRef);
    } catch {
      throw corrupt('is not JSON');
    }
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw corrupt(`does not fit the ${channel} reference: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}
