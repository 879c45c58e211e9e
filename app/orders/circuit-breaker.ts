import type { Clock } from '../../core/ports.js';

/**
 * Stops calling a store backend that keeps failing: after `threshold` failed calls in a row it is open (callers fail
 * at once) for `openMs`; then one trial call is let through, and its outcome closes or reopens it.
 */
export class CircuitBreaker {
  private failures = 0;
  private openUntil = 0;
  private trialRunning = false;

  constructor(private readonly clock: Clock, private readonly settings: { threshold: number; openMs: number }) {}

  /** False while open, and while the one trial call after opening is still running. */
  allows(): boolean {
    if (this.failures < this.settings.threshold) return true;
    if (this.clock.now().getTime() < this.openUntil || this.trialRunning) return false;
    this.trialRunning = true;
    return true;
  }

  succeeded(): void {
    this.failures = 0;
    this.trialRunning = false;
  }

  failed(): void {
    this.failures += 1;
    this.trialRunning = false;
    if (this.failures >= this.settings.threshold) this.openUntil = this.clock.now().getTime() + this.settings.openMs;
  }

  get state(): 'closed' | 'open' | 'half-open' {
    if (this.failures < this.settings.threshold) return 'closed';
    return this.clock.now().getTime() < this.openUntil ? 'open' : 'half-open';
  }
}
