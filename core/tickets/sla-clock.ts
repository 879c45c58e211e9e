import type { BusinessHours } from '../handoff/business-hours.js';

/** How a target's time is counted: only while the store is open, or around the clock. */
export interface SlaClock {
  /** The moment `ms` of counted time after `start`. */
  add(start: Date, ms: number): Date;
  /** Counted time between two moments (0 when `to` is not after `from`). */
  between(from: Date, to: Date): number;
}

export const calendarClock: SlaClock = {
  add: (start, ms) => new Date(start.getTime() + ms),
  between: (from, to) => Math.max(0, to.getTime() - from.getTime()),
};

/**
 * Business time on top of the store's hours (same time zone, days and holidays): Friday 17:30 plus one business
 * hour is Monday 09:30 with Mon-Fri 09:00-18:00. Without any opening within a year it falls back to calendar time.
 */
export function businessClock(hours: BusinessHours): SlaClock {
  return {
    add(start, ms) {
      let remaining = Math.max(0, ms);
      for (const { start: s, end } of hours.openPeriods(start)) {
        const from = Math.max(s.getTime(), start.getTime());
        if (remaining <= end.getTime() - from) return new Date(from + remaining);
        remaining -= end.getTime() - from;
      }
      return calendarClock.add(start, ms);
    },
    between(from, to) {
      let total = 0;
      for (const { start, end } of hours.openPeriods(from)) {
        if (start >= to) break;
        total += Math.min(end.getTime(), to.getTime()) - Math.max(start.getTime(), from.getTime());
      }
      return Math.max(0, total);
    },
  };
}
