import { BusinessHours } from '../../core/handoff/business-hours.js';
import { fromLocal, localTime } from '../../core/handoff/time-zone.js';

const shanghai = (spec = 'Mon-Fri 09:00-18:00', holidays: string[] = []) => new BusinessHours({ hours: spec, timeZone: 'Asia/Shanghai', holidays });
// 2026-03-02 is a Monday. Shanghai is UTC+8 all year.
const at = (iso: string) => new Date(iso);

describe('business hours', () => {
  it('is open on weekdays between 09:00 and 18:00 Shanghai time, whatever the server’s zone', () => {
    const h = shanghai();
    expect(h.isOpen(at('2026-03-02T01:00:00Z'))).toBe(true); // Mon 09:00
    expect(h.isOpen(at('2026-03-02T00:59:59Z'))).toBe(false); // Mon 08:59:59
    expect(h.isOpen(at('2026-03-02T09:59:00Z'))).toBe(true); // Mon 17:59
    expect(h.isOpen(at('2026-03-02T10:00:00Z'))).toBe(false); // Mon 18:00
    expect(h.isOpen(at('2026-03-06T05:00:00Z'))).toBe(true); // Fri 13:00
    expect(h.isOpen(at('2026-03-07T05:00:00Z'))).toBe(false); // Sat 13:00
    expect(h.isOpen(at('2026-03-01T20:00:00Z'))).toBe(false); // Sun 20:00 UTC is Mon 04:00 in Shanghai
  });

  it('finds the next opening: later today, tomorrow, after the weekend, after holidays', () => {
    const h = shanghai('Mon-Fri 09:00-18:00', ['2026-03-09', '2026-03-10']);
    expect(h.nextOpening(at('2026-03-02T00:30:00Z'))).toEqual(at('2026-03-02T01:00:00Z')); // Mon 08:30 → 09:00
    expect(h.nextOpening(at('2026-03-02T12:00:00Z'))).toEqual(at('2026-03-03T01:00:00Z')); // Mon 20:00 → Tue 09:00
    expect(h.nextOpening(at('2026-03-06T11:00:00Z'))).toEqual(at('2026-03-11T01:00:00Z')); // Fri 19:00 → Wed (Mon, Tue off)
    const open = at('2026-03-03T03:00:00Z');
    expect(h.nextOpening(open)).toBe(open);
    expect(h.isOpen(at('2026-03-09T03:00:00Z'))).toBe(false);
  });

  it('reads several segments, day lists, wrapped ranges and 24:00', () => {
    const h = shanghai('Mon-Fri 09:00-12:00, Mon-Fri 13:00-18:00; Sat,Sun 10:00-16:00');
    expect(h.isOpen(at('2026-03-02T04:30:00Z'))).toBe(false); // Mon 12:30 lunch
    expect(h.nextOpening(at('2026-03-02T04:30:00Z'))).toEqual(at('2026-03-02T05:00:00Z'));
    expect(h.isOpen(at('2026-03-07T02:00:00Z'))).toBe(true); // Sat 10:00
    expect(shanghai('Mon-Sun 00:00-24:00').isOpen(at('2026-03-07T15:59:59Z'))).toBe(true); // Sat 23:59:59
    const weekend = shanghai('Fri-Mon 10:00-11:00');
    expect([2, 3, 4, 5, 6, 7, 8].map((d) => weekend.isOpen(at(`2026-03-0${d}T02:30:00Z`)))).toEqual([true, false, false, false, true, true, true]);
    expect(h.describe('zh')).toBe('周一至周五 09:00-12:00；周一至周五 13:00-18:00；周六、周日 10:00-16:00');
    expect(h.describe('en')).toBe('Mon-Fri 09:00-12:00; Mon-Fri 13:00-18:00; Sat, Sun 10:00-16:00');
  });

  it('refuses what it cannot read', () => {
    expect(() => shanghai('weekdays 9-6')).toThrow(/cannot read/);
    expect(() => shanghai('Mon-Fri 18:00-09:00')).toThrow(/time range/);
    expect(() => shanghai('Mon-Fri 09:00-25:00')).toThrow(/time range/);
    expect(() => shanghai('Mon-Xyz 09:00-18:00')).toThrow(/unknown day/);
    expect(() => shanghai('Mon-Fri 09:00-18:00 and more')).toThrow(/cannot read/);
    expect(() => shanghai('Mon 09:00-18:00', ['3/1/2026'])).toThrow(/YYYY-MM-DD/);
    expect(() => new BusinessHours({ hours: 'Mon 09:00-10:00', timeZone: 'Mars/Olympus' })).toThrow(RangeError);
  });

  it('formats when agents are back relative to now', () => {
    const h = shanghai();
    const now = at('2026-03-02T00:00:00Z'); // Mon 08:00
    expect(h.formatMoment(at('2026-03-02T01:00:00Z'), now, 'zh')).toBe('今天 09:00');
    expect(h.formatMoment(at('2026-03-03T01:00:00Z'), now, 'en')).toBe('tomorrow at 09:00');
    expect(h.formatMoment(at('2026-03-09T01:00:00Z'), now, 'zh')).toBe('3月9日（周一）09:00');
    expect(h.formatMoment(at('2026-03-09T01:00:00Z'), now, 'en')).toBe('Mon 9 Mar at 09:00');
  });

  it('handles a zone with daylight saving time (New York, spring forward)', () => {
    const ny = new BusinessHours({ hours: 'Mon-Fri 09:00-17:00', timeZone: 'America/New_York' });
    // Fri 2026-03-06 18:00 EST → next opening Mon 2026-03-09 09:00 EDT (13:00Z), after the clocks moved on Sunday.
    expect(ny.nextOpening(at('2026-03-06T23:00:00Z'))).toEqual(at('2026-03-09T13:00:00Z'));
    expect(fromLocal(2026, 3, 8, 3 * 60, 'America/New_York')).toEqual(at('2026-03-08T07:00:00Z'));
    expect(localTime(at('2026-03-08T07:00:00Z'), 'America/New_York')).toMatchObject({ day: 8, minutes: 3 * 60, weekday: 0 });
  });
});
