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

  /**
   * Counts this attempt as a failure before the password is checked (scrypt takes a while), so parallel guesses cannot
   * all pass the check before any of them is recorded. Throws rate_limited when over the limit. A sign-in that
   * succeeds calls `succeeded()`, which clears the account's failures and gives the client's reservation back.
   */
  reserve(email: string, client: string): { succeeded(): void } {
    const account = `email:${email.toLowerCase()}`;
    const address = `client:${client}`;
    const wait = Math.max(this.failures.waitMs(account, this.options.maxFailures), this.failures.waitMs(address, this.options.maxFailures * 4));
    if (wait > 0) {
      const retryAfterSeconds = Math.ceil(wait / 1000);
      throw new DomainError('rate_limited', 'too many failed sign-ins', {
        userMessage: `Too many failed sign-in attempts. Try again in ${retryAfterSeconds} seconds.`,
        details: { retryAfterSeconds },
      });
    }
    this.failures.record(account);
    const at = this.failures.record(address);
    return {
      succeeded: () => {
        this.failures.forget(account);
        this.failures.remove(address, at);
      },
    };
  }
}
