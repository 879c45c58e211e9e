import { setTimeout as sleep } from 'node:timers/promises';
import { ChannelError } from './channel-errors.js';

export interface SendQueueOptions {
  /** Least time between two messages to the same chat. */
  perChatIntervalMs: number;
  /** Most messages in any one-second window, over all chats. */
  perSecond: number;
  /** How often a send refused with "retry after N" (HTTP 429) is tried again before giving up. */
  maxRateLimitRetries: number;
  /** Longest wait accepted from a retry-after; a longer one fails the send so the outbox reschedules it. */
  maxRetryAfterMs: number;
}

/**
 * Paces outgoing messages within a platform's limits: one chat's messages go out one at a time, in order, at most
 * one per `perChatIntervalMs`; all chats together at most `perSecond`. A send refused as rate limited is retried
 * after the wait the platform asked for, and meanwhile nothing else is sent (the limit may be the bot's, not the chat's).
 * Intervals are counted from when the platform answered a send, not from when it was started: the platform counts
 * arrivals, and a request slowed in transit must not arrive closer to the next one than the limit allows.
 */
export class SendQueue {
  private readonly chains = new Map<string, Promise<unknown>>();
  private readonly lastByChat = new Map<string, number>();
  /** Sends of the last second, each timed from its start until it is answered, then from the answer. */
  private recent: { at: number }[] = [];
  private pausedUntil = 0;

  constructor(private readonly options: SendQueueOptions, private readonly now: () => number = Date.now) {}

  /** Runs `send` when the limits allow; resolves or rejects with its outcome. */
  run<T>(chat: string, send: () => Promise<T>): Promise<T> {
    const previous = this.chains.get(chat) ?? Promise.resolve();
    const result = previous.then(() => this.attempt(chat, send, 0));
    const tail = result.catch(() => undefined);
    this.chains.set(chat, tail);
    void tail.then(() => {
      if (this.chains.get(chat) === tail) this.chains.delete(chat);
    });
    return result;
  }

  private async attempt<T>(chat: string, send: () => Promise<T>, retries: number): Promise<T> {
    const booked = await this.slot(chat);
    try {
      return await send();
    } catch (error) {
      const wait = error instanceof ChannelError ? error.retryAfterMs : undefined;
      if (wait === undefined || retries >= this.options.maxRateLimitRetries || wait > this.options.maxRetryAfterMs) throw error;
      this.pausedUntil = Math.max(this.pausedUntil, this.now() + wait);
      return this.attempt(chat, send, retries + 1);
    } finally {
      booked.at = this.now();
      this.lastByChat.set(chat, booked.at);
    }
  }

  /** Waits until this chat and the whole bot may send again, then books the slot. */
  private async slot(chat: string): Promise<{ at: number }> {
    for (;;) {
      const now = this.now();
      this.recent = this.recent.filter((s) => s.at > now - 1000);
      const globalWait = this.recent.length >= this.options.perSecond ? Math.min(...this.recent.map((s) => s.at)) + 1000 - now : 0;
      const chatWait = (this.lastByChat.get(chat) ?? -Infinity) + this.options.perChatIntervalMs - now;
      const wait = Math.max(this.pausedUntil - now, globalWait, chatWait, 0);
      if (wait === 0) {
        const booked = { at: now };
        this.recent.push(booked);
        this.lastByChat.set(chat, now);
        this.forgetIdleChats(now);
        return booked;
      }
      await sleep(wait);
    }
  }

  private forgetIdleChats(now: number): void {
    if (this.lastByChat.size < 1000) return;
    for (const [chat, t] of this.lastByChat) if (t < now - this.options.perChatIntervalMs) this.lastByChat.delete(chat);
  }
}
