import { BusinessHours } from '../../core/handoff/business-hours.js';
import { formatLocal } from '../../core/handoff/time-zone.js';
import { businessClock, calendarClock } from '../../core/tickets/sla-clock.js';

const H = 3_600_000;
const clock = (hours: string, timeZone: string, holidays: string[] = []) => businessClock(new BusinessHours({ hours, timeZone, holidays }));
const at = (iso: string) => new Date(iso);

describe('business time in Asia/Shanghai (no daylight saving), Mon-Fri 09:00-18:00', () => {
  const c = clock('Mon-Fri 09:00-18:00', 'Asia/Shanghai');

  it('carries Friday 17:30 plus one business hour over the weekend to Monday 09:30', () => {
    const end = c.add(at('2026-11-27T09:30:00Z'), H); // Fri 17:30 in Shanghai
    expect(end.toISOString()).toBe('2026-11-30T01:30:00.000Z');
    expect(formatLocal(end, 'Asia/Shanghai')).toBe('2026-11-30 09:30:00');
    expect(c.between(at('2026-11-27T09:30:00Z'), end)).toBe(H);
  });

  it('starts counting at the next opening when the clock starts outside hours', () => {
    expect(formatLocal(c.add(at('2026-11-28T02:00:00Z'), 2 * H), 'Asia/Shanghai')).toBe('2026-11-30 11:00:00'); // Sat 10:00
    expect(formatLocal(c.add(at('2026-11-26T13:00:00Z'), 30 * 60_000), 'Asia/Shanghai')).toBe('2026-11-27 09:30:00'); // Thu 21:00
  });

  it('ends exactly at closing time when the target fits, and spans several days', () => {
    expect(formatLocal(c.add(at('2026-11-27T09:00:00Z'), H), 'Asia/Shanghai')).toBe('2026-11-27 18:00:00');
    // 24 business hours from Monday 09:00: Mon 9 h, Tue 9 h, Wed 6 h → Wednesday 15:00.
    expect(formatLocal(c.add(at('2026-11-23T01:00:00Z'), 24 * H), 'Asia/Shanghai')).toBe('2026-11-25 15:00:00');
  });

  it('counts no time on weekends between two moments', () => {
    expect(c.between(at('2026-11-28T00:00:00Z'), at('2026-11-29T23:00:00Z'))).toBe(0);
    expect(c.between(at('2026-11-30T02:00:00Z'), at('2026-11-27T02:00:00Z'))).toBe(0);
  });

  it('skips holidays', () => {
    const holiday = clock('Mon-Fri 09:00-18:00', 'Asia/Shanghai', ['2026-10-01', '2026-10-02']);
    // Wednesday 30 Sep 17:00 + 2 h: one hour that day, then Thu and Fri are holidays, then the weekend.
    const end = holiday.add(at('2026-09-30T09:00:00Z'), 2 * H);
    expect(formatLocal(end, 'Asia/Shanghai')).toBe('2026-10-05 10:00:00');
    expect(holiday.between(at('2026-09-30T09:00:00Z'), end)).toBe(2 * H);
  });

  it('counts overlapping segments once', () => {
    const overlap = clock('Mon-Fri 09:00-18:00; Mon 12:00-20:00', 'Asia/Shanghai');
    expect(overlap.between(at('2026-11-23T00:00:00Z'), at('2026-11-23T16:00:00Z'))).toBe(11 * H); // Mon 09:00-20:00
  });
});

describe('business time across daylight-saving changes', () => {
  it('America/New_York, spring forward (8 Mar 2026): Friday 16:30 + 1 h is Monday 09:30 EDT', () => {
    const c = clock('Mon-Fri 09:00-17:00', 'America/New_York');
    const end = c.add(at('2026-03-06T21:30:00Z'), H); // Fri 16:30 EST (UTC-5)
    expect(end.toISOString()).toBe('2026-03-09T13:30:00.000Z'); // Mon 09:30 EDT (UTC-4)
    expect(c.between(at('2026-03-06T21:30:00Z'), end)).toBe(H);
  });

  it('America/New_York, fall back (1 Nov 2026): Friday 16:30 + 1 h is Monday 09:30 EST', () => {
    const c = clock('Mon-Fri 09:00-17:00', 'America/New_York');
    expect(c.add(at('2026-10-30T20:30:00Z'), H).toISOString()).toBe('2026-11-02T14:30:00.000Z');
  });

  it('Europe/Berlin open around the clock: the 23-hour day counts 23 hours', () => {
    const c = clock('Mon-Sun 00:00-24:00', 'Europe/Berlin');
    const start = at('2026-03-28T11:00:00Z'); // Sat 12:00 CET
    const end = c.add(start, 24 * H);
    expect(end.toISOString()).toBe('2026-03-29T11:00:00.000Z');
    expect(formatLocal(end, 'Europe/Berlin')).toBe('2026-03-29 13:00:00');
    expect(c.between(at('2026-03-29T00:00:00Z'), at('2026-03-30T00:00:00Z'))).toBe(24 * H);
    expect(c.between(at('2026-03-28T23:00:00Z'), at('2026-03-29T22:00:00Z'))).toBe(23 * H); // Sunday, local midnight to midnight
  });

  it('Europe/Berlin office hours: Friday 16:00 CET + 2 h is Monday 10:00 CEST', () => {
    const c = clock('Mon-Fri 09:00-17:00', 'Europe/Berlin');
    const end = c.add(at('2026-03-27T15:00:00Z'), 2 * H);
    expect(end.toISOString()).toBe('2026-03-30T08:00:00.000Z');
    expect(formatLocal(end, 'Europe/Berlin')).toBe('2026-03-30 10:00:00');
  });
});

describe('calendar time', () => {
  it('counts every hour', () => {
    expect(calendarClock.add(at('2026-11-27T09:30:00Z'), 24 * H).toISOString()).toBe('2026-11-28T09:30:00.000Z');
    expect(calendarClock.between(at('2026-11-27T09:30:00Z'), at('2026-11-28T09:30:00Z'))).toBe(24 * H);
  });
});
