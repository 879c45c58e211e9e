import { DomainError } from '../errors.js';
import type { Clock } from '../ports.js';

export interface LoginThrottleOptions {
  /** Failed sign-ins allowed per e-mail address within the window; a client address gets four times as many. */
  maxFailures: number;
  windowMs: number;
}

/**
 * Slows password guessing: too many failures for one account, or from one client address, within the window and
 * further attempts are refused (429) until the oldest failure ages out. Kept in memory, per instance.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly clock: Clock, private readonly options: LoginThrottleOptions) {}

  assertAllowed(email: string, client: string): void {
    const now = this.clock.now().getTime();
    const waits = this.limits(email, client).map(([key, max]) => {
      const recent = this.recent(key, now);
      return recent.length >= max ? (recent[recent.length - max] ?? now) + this.options.windowMs - now : 0;
    });
    const wait = Math.max(...waits);
    if (wait > 0) {
      const retryAfterSeconds = Math.ceil(wait / 1000);
      throw new DomainError('rate_limited', 'too many failed sign-ins', {
        userMessage: `Too many failed sign-in attempts. Try again in ${retryAfterSeconds} seconds.`,
        details: { retryAfterSeconds },
      });
    }
  }

  recordFailure(email: string, client: string): void {
    const now = this.clock.now().getTime();
    for (const [key] of this.limits(email, client)) this.failures.set(key, [...this.recent(key, now), now]);
    if (this.failures.size > 10_000) this.prune(now);
  }

  recordSuccess(email: string): void {
    this.failures.delete(`email:${email.toLowerCase()}`);
  }

  private limits(email: string, client: string): Array<[string, number]> {
    return [[`email:${email.toLowerCase()}`, this.options.maxFailures], [`client:${client}`, this.options.maxFailures * 4]];
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((t) => now - t < this.options.windowMs);
  }

  private prune(now: number): void {
    for (const key of [...this.failures.keys()]) {
      const recent = this.recent(key, now);
      if (recent.length === 0) this.failures.delete(key);
      else this.failures.set(key, recent);
    }
  }
}
