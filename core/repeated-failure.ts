import type { Logger } from './ports.js';

/**
 * For work that repeats on a timer (outbox, SLA, recovery sweeps): while its database is down every run fails the same
 * way, so the first failure is logged as an error with its stack, the repeats at debug, and the recovery once at info.
 */
export class RepeatedFailure {
  private failures = 0;

  constructor(private readonly logger: Logger, private readonly what: string, private readonly bindings: Record<string, unknown> = {}) {}

  failed(err: unknown): void {
    this.failures += 1;
    if (this.failures === 1) this.logger.error({ err, ...this.bindings }, this.what);
    else this.logger.debug({ failures: this.failures, ...this.bindings }, this.what);
  }

  succeeded(): void {
    if (this.failures > 0) this.logger.info({ failures: this.failures, ...this.bindings }, `${this.what}: works again`);
    this.failures = 0;
  }
}
