import type { Clock } from './ports.js';

/** Counts events per key over a sliding time window, in memory (per instance). */
export class SlidingWindow {
  private readonly events = new Map<string, number[]>();

  constructor(private readonly clock: Clock, private readonly windowMs: number, private readonly maxKeys = 10_000) {}

  /** Milliseconds until `key` may have another event when at most `max` are allowed per window; 0 = allowed now. */
  waitMs(key: string, max: number): number {
    const now = this.clock.now().getTime();
    const recent = this.recent(key, now);
    return recent.length >= max ? (recent[recent.length - max] ?? now) + this.windowMs - now : 0;
  }

  /** Records an event now; returns its time, which `remove` takes to take it back. */
  record(key: string): number {
    const now = this.clock.now().getTime();
    this.events.set(key, [...this.recent(key, now), now]);
    if (this.events.size > this.maxKeys) this.prune(now);
    return now;
  }

  remove(key: string, at: number): void {
    const events = this.events.get(key);
    const index = events?.indexOf(at) ?? -1;
    if (index >= 0) events!.splice(index, 1);
  }

  forget(key: string): void {
    this.events.delete(key);
  }

  private recent(key: string, now: number): number[] {
    return (this.events.get(key) ?? []).filter((t) => now - t < this.windowMs);
  }

  private prune(now: number): void {
    for (const key of [...this.events.keys()]) {
      const recent = this.recent(key, now);
      if (recent.length === 0) this.events.delete(key);
      else this.events.set(key, recent);
    }
  }
}
