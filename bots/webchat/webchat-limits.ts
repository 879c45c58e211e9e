import { DomainError } from '../../core/errors.js';
import type { Clock } from '../../core/ports.js';
import { SlidingWindow } from '../../core/sliding-window.js';

export interface WebchatLimits {
  /** New conversations per client address per minute. */
  conversationsPerMinute: number;
  /** Customer messages per conversation per minute. */
  messagesPerMinute: number;
}

export const DEFAULT_WEBCHAT_LIMITS: WebchatLimits = { conversationsPerMinute: 20, messagesPerMinute: 30 };

/** Keeps one visitor from flooding the public web chat API; per instance, like the login throttle. */
export class WebchatRateLimiter {
  private readonly window: SlidingWindow;

  constructor(clock: Clock, private readonly limits: WebchatLimits) {
    this.window = new SlidingWindow(clock, 60_000);
  }

  newConversation(clientAddress: string): void {
    this.take(`client:${clientAddress}`, this.limits.conversationsPerMinute, 'Too many new conversations');
  }

  message(conversationId: string): void {
    this.take(`conversation:${conversationId}`, this.limits.messagesPerMinute, 'Too many messages');
  }

  private take(key: string, max: number, what: string): void {
    const wait = this.window.waitMs(key, max);
    if (wait > 0) {
      const retryAfterSeconds = Math.ceil(wait / 1000);
      throw new DomainError('rate_limited', `${key} over ${max}/min`, {
        userMessage: `${what}. Please wait ${retryAfterSeconds} seconds.`,
        details: { retryAfterSeconds },
      });
    }
    this.window.record(key);
  }
}
