import { DomainError } from '../errors.js';
import type { Clock } from '../ports.js';
import { SlidingWindow } from '../sliding-window.js';

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
  private readonly failures: SlidingWindow;

  constructor(clock: Clock, private readonly options: LoginThrottleOptions) {
    this.failures = new SlidingWindow(clock, options.windowMs);
  }

  assertAllowed(email: string, client: string): void {
    const wait = Math.max(...this.limits(email, client).map(([key, max]) => this.failures.waitMs(key, max)));
    if (wait > 0) {
      const retryAfterSeconds = Math.ceil(wait / 1000);
      throw new DomainError('rate_limited', 'too many failed sign-ins', {
        userMessage: `Too many failed sign-in attempts. Try again in ${retryAfterSeconds} seconds.`,
        details: { retryAfterSeconds },
      });
    }
  }

  recordFailure(email: string, client: string): void {
    for (const [key] of this.limits(email, client)) this.failures.record(key);
  }

  recordSuccess(email: string): void {
    this.failures.forget(`email:${email.toLowerCase()}`);
  }

  private limits(email: string, client: string): Array<[string, number]> {
    return [[`email:${email.toLowerCase()}`, this.options.maxFailures], [`client:${client}`, this.options.maxFailures * 4]];
  }
}
